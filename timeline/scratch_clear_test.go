package timeline

import (
	"context"
	"slices"
	"testing"

	"github.com/eventline/eventline/timeline/internal/temporal"
)

// TestScratchClearedToCapacity: putScratch clears only what a call
// wrote, and yet the scratch space it pools holds no mention and no
// sentence in any slot, after documents large and small in turn.
func TestScratchClearedToCapacity(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	texts := refTexts(t, nil)
	// the longest first, so that the later ones leave slots unwritten
	slices.SortStableFunc(texts, func(a, b string) int { return len(b) - len(a) })
	// the pool may drop what is put in it (the race detector's build
	// drops a quarter), and then a call starts from fresh scratch space
	// with nothing to check: the texts are read again until enough calls
	// have left slots past their length, as one pass over the corpora does
	floor := floorWithCorpus(t, 50)
	checked := 0
	for round := 0; round < 20 && checked < floor; round++ {
		for _, text := range texts {
			if _, err := x.Extract(context.Background(), Document{Text: text}); err != nil {
				t.Fatal(err)
			}
			scr := getScratch()
			for i, m := range scr.ms[:cap(scr.ms)] {
				if m != (temporal.Mention{}) {
					t.Fatalf("%.40q: mention slot %d of %d (length %d) not cleared: %+v", text, i, cap(scr.ms), len(scr.ms), m)
				}
			}
			for i, s := range scr.sents[:cap(scr.sents)] {
				if s != (Sentence{}) {
					t.Fatalf("%.40q: sentence slot %d of %d not cleared: %+v", text, i, cap(scr.sents), s)
				}
			}
			if cap(scr.ms) > len(scr.ms) && len(scr.ms) > 0 {
				checked++
			}
			scratchPool.Put(scr)
		}
	}
	if checked < floor {
		t.Fatalf("only %d calls left mention slots past their length", checked)
	}
}
