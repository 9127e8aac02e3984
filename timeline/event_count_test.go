package timeline

import (
	"context"
	"testing"
)

// TestCountEventsIsExact: countEvents, which sizes the events, their
// sources and the diagnostics before buildEvents makes them, counts the
// events it makes and the sentences they come from, and the expressions
// that make none its diagnostics.
func TestCountEventsIsExact(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	// a sentence that dates its event twice: the second date is
	// superseded, with or without the corpora
	docs := []Document{{Text: "Rebels shelled the town on March 3, 2003, and the army struck back on March 3, 2003."}}
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
		n, sentences := countEvents(st)
		held := map[Span]bool{}
		for _, e := range st.events {
			held[e.Sources[0].Sentence] = true
		}
		diags := 0
		for _, g := range st.diags {
			if g.Reason != "invalid-utf8" {
				diags++
			}
			if g.Reason == ReasonSuperseded {
				superseded++
			}
		}
		if len(st.events) != n || diags != len(st.exprs)-n || len(held) != sentences {
			t.Fatalf("%.60q: %d events in %d sentences, %d diagnostics of %d expressions; countEvents %d, %d", d.Text, len(st.events), len(held), diags, len(st.exprs), n, sentences)
		}
	}
	if superseded < floorWithCorpus(t, 5) {
		t.Fatalf("only %d superseded expressions: the count of the others is not checked", superseded)
	}
}
