package temporal

import (
	"math/rand/v2"
	"testing"
)

// untilRef is until as it was before the suffix ORs of the clause
// words: a walk back over the window's ends for each rule run.
func (s *Scanner) untilRef(r *prepared, n int) int {
	u := n
	rows, nw := s.e.litRows, len(s.cand)
	c0, c1 := r.clause0, r.clause0+len(r.clauses)-1
	if c1 >= c0 && c0/64 == c1/64 {
		// the clauses in one word: one pass back over the ends, until
		// each clause has been met; the last met bounds the starts
		w := nw + c0/64
		want := (^uint64(0) >> (63 - uint(c1-c0))) << (c0 % 64)
		var met uint64
		for j := len(s.ends) - 1; j >= 0; j-- {
			if met |= rows[int(s.ends[j].row)+w] & want; met == want {
				return min(u, int(s.ends[j].at)+1)
			}
		}
		return u
	}
	for c := r.clause0; c < r.clause0+len(r.clauses); c++ {
		w, b := nw+c/64, uint64(1)<<(c%64)
		for j := len(s.ends) - 1; j >= 0; j-- {
			if rows[int(s.ends[j].row)+w]&b != 0 {
				u = min(u, int(s.ends[j].at)+1)
				break
			}
		}
	}
	return u
}

// compareUntil compares until with untilRef for every rule of e on the
// windows of text and on text as one window, whether the rule runs
// there or not.
func compareUntil(t *testing.T, e *Engine, text string) {
	t.Helper()
	sc := e.NewScanner()
	sc.hold()
	defer sc.release()
	wins := append(Windows(text, 0, len(text), nil), Window{Start: 0, End: len(text)})
	for _, w := range wins {
		sub := text[w.Start:w.End]
		sc.findLiterals(sub)
		for i := range e.prep {
			r := &e.prep[i]
			if got, want := sc.until(r, len(sub)), sc.untilRef(r, len(sub)); got != want {
				t.Fatalf("%q: rule %s: until %d, want %d", clip(sub), r.Name, got, want)
			}
		}
	}
}

// TestUntilMatchesReference: until against untilRef on the test texts
// (the corpora when present), the tricky texts and random texts, for
// the built-in rules (whose rows orRows12 reads) and the edge rules
// with them (more words of clause bits, which can hold a rule's).
func TestUntilMatchesReference(t *testing.T) {
	edge, _ := dfaEngines()
	for _, e := range []*Engine{Default(), edge} {
		for _, text := range append(dfaTrickyTexts(), testTexts(t)...) {
			compareUntil(t, e, text)
		}
		rng := rand.New(rand.NewPCG(5, 6))
		for range 2000 {
			compareUntil(t, e, randomCandidateText(rng))
		}
	}
}

// FuzzUntil compares until with untilRef.
func FuzzUntil(f *testing.F) {
	for _, s := range []string{"", "a", "two days ago", "the 5th of March, 1999 and the year before", "a a a ago ago later, the third quarter", "ſince 1994 last week"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		edge, _ := dfaEngines()
		compareUntil(t, Default(), text)
		compareUntil(t, edge, text)
	})
}

// TestOrRowsLayouts: the engines of TestUntilMatchesReference read
// their rows with orRows12 and with the general loop.
func TestOrRowsLayouts(t *testing.T) {
	edge, _ := dfaEngines()
	for _, c := range []struct {
		e    *Engine
		fast bool
	}{{Default(), true}, {edge, false}} {
		if fast := len(c.e.always) == 1 && c.e.litW == 3; fast != c.fast {
			t.Fatalf("%d rules, %d words of rows: orRows12 %v, want %v", len(c.e.prep), c.e.litW, fast, c.fast)
		}
	}
}
