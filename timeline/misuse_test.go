package timeline

import (
	"context"
	"errors"
	"testing"
)

// TestMisuse: the zero and nil Extractor, no documents, empty timelines
// in every format. None may panic.
func TestMisuse(t *testing.T) {
	ctx := context.Background()
	for name, x := range map[string]*Extractor{"nil": nil, "zero": {}} {
		if _, err := x.Extract(ctx, Document{Text: "On July 28, 2023."}); !errors.Is(err, ErrNilExtractor) {
			t.Errorf("%s Extractor: Extract gives %v, want ErrNilExtractor", name, err)
		}
		if _, err := x.ExtractAll(ctx, []Document{{Text: "x"}}); !errors.Is(err, ErrNilExtractor) {
			t.Errorf("%s Extractor: ExtractAll gives %v, want ErrNilExtractor", name, err)
		}
		if d, ok := x.ParseDateline("Updated 20:07, 19-Sep-2023"); ok || d != (DCT{}) {
			t.Errorf("%s Extractor: ParseDateline gives %v %+v", name, ok, d)
		}
	}
	x, _ := New()
	tl, err := x.ExtractAll(ctx, nil)
	if err != nil || tl == nil {
		t.Fatalf("ExtractAll of no documents: %v, %v", tl, err)
	}
	if errs := checkTimeline(tl, nil, false); len(errs) > 0 {
		t.Error(errs)
	}
	for _, tl := range []*Timeline{tl, {}} {
		for _, err := range checkExporters(tl) {
			t.Error(err)
		}
	}
	if _, err := New(WithMode("sideways")); err == nil {
		t.Error("an unknown mode was accepted")
	}
	if _, err := New(WithMaxBytes(-1)); err != nil {
		t.Errorf("WithMaxBytes(-1) (no limit): %v", err)
	}
}
