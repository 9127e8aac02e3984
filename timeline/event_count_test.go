package timeline

import (
	"context"
	"testing"
)

// TestCountEventsIsExact: countEvents, which sizes the events and the
// diagnostics before buildEvents makes them, counts the events it makes,
// and the expressions that make none its diagnostics.
func TestCountEventsIsExact(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	docs := []Document{}
	for _, s := range refTexts(t, nil) {
		docs = append(docs, Document{Text: s})
	}
	if sharedData(t) != "" {
		docs = append(docs, loadTBAQ(t)...) // with their DCT
	}
	superseded := 0
	for _, d := range docs {
		st, err := x.process(context.Background(), 0, d)
		if err != nil {
			t.Fatal(err)
		}
		n := countEvents(st)
		diags := 0
		for _, g := range st.diags {
			if g.Reason != "invalid-utf8" {
				diags++
			}
			if g.Reason == ReasonSuperseded {
				superseded++
			}
		}
		if len(st.events) != n || diags != len(st.exprs)-n {
			t.Fatalf("%.60q: %d events, %d diagnostics of %d expressions; countEvents %d", d.Text, len(st.events), diags, len(st.exprs), n)
		}
	}
	if superseded < floorWithCorpus(t, 5) {
		t.Fatalf("only %d superseded expressions: the count of the others is not checked", superseded)
	}
}
