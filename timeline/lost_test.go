package timeline

// Nothing lost silently: every temporal expression found becomes the
// date of an event or comes back in Timeline.Diagnostics with its reason,
// on the seed and on every text file under testdata/.

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

func TestNothingLost(t *testing.T) {
	texts := seedTexts(t, 1<<30)
	texts = append(texts, handSeeds...)
	if len(texts) < len(handSeeds)+1 {
		t.Fatalf("no seed found under ../seeds")
	}
	x, err := New(WithSentences(true))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var docs []Document
	total, events := 0, 0
	for i, text := range texts {
		for _, dct := range []time.Time{{}, badDCT} {
			doc := Document{Text: text, DCT: dct}
			docs = append(docs, doc)
			tl, err := x.Extract(ctx, doc)
			if err != nil {
				t.Fatalf("text %d: %v", i, err)
			}
			if err := checkNothingLost(tl); err != nil {
				t.Errorf("text %d (DCT %v): %v", i, dct, err)
			}
			// every reason is one of the documented ones
			for _, d := range tl.Diagnostics {
				if !knownReasons[d.Reason] && d.Reason != "invalid-utf8" {
					t.Errorf("text %d: diagnostic with an undocumented reason %q", i, d.Reason)
				}
			}
			total += len(tl.Expressions)
			events += len(tl.Events)
		}
	}
	if total == 0 || events == 0 {
		t.Errorf("%d expressions and %d events in %d texts: the test tests nothing", total, events, len(texts))
	}
	// and in one timeline of all of them
	all, err := x.ExtractAll(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	if err := checkNothingLost(all); err != nil {
		t.Error("ExtractAll:", err)
	}
	t.Logf("%d texts (%s), %d expressions, %d events", len(texts), filepath.Join("..", "seeds")+" and testdata/", total, events)
}

// TestNothingLostSeed pins the seed: its dated expressions and the
// reasons the others give.
func TestNothingLostSeed(t *testing.T) {
	texts := seedTexts(t, 1<<30)
	if len(texts) == 0 {
		t.Skip("no seed")
	}
	x, _ := New()
	tl, err := x.Extract(context.Background(), Document{Text: texts[0]})
	if err != nil {
		t.Fatal(err)
	}
	if err := checkNothingLost(tl); err != nil {
		t.Fatal(err)
	}
	reasons := map[string]int{}
	for _, d := range tl.Diagnostics {
		reasons[d.Reason]++
	}
	t.Logf("%d expressions: %d events, diagnostics %v", len(tl.Expressions), len(tl.Events), reasons)
	if reasons[ReasonFurniture] == 0 {
		t.Error("the seed's captions (July 28, 2023 /CFP) should come back as furniture")
	}
}
