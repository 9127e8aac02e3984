package temporal

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// tryCandidateRef is tryCandidate as it was before anchoredFrom: the
// submatches sought on s[p:end] and shifted to from.
func tryCandidateRef[T string | []byte](st *starter, sc *subScratch, s T, from, p int, pw bool) []int {
	end := len(s)
	if d := st.dfa; d != nil {
		v, e := dfaRun(d, s, p, pw)
		if v == dfaNo {
			return nil
		}
		if v == dfaYes {
			end = e
		}
	} else if pre := st.pre.get(); pre != nil && !trieAt(pre, s, 0, p) {
		return nil
	}
	loc := anchoredAt(st, sc, s, p, end, pw)
	if loc != nil {
		shift(loc, p-from)
	}
	return loc
}

// compareTryCandidates compares tryCandidate with tryCandidateRef for
// the rules of e on text, lowered for the caseless ones, at every
// position a match can start with (from 0 and from a few later
// positions), the byte before read as the searches read it.
func compareTryCandidates(t *testing.T, e *Engine, text string) {
	t.Helper()
	low, _ := lowerWindow(nil, text)
	var a, b subScratch
	for i := range e.prep {
		r := &e.prep[i]
		for _, st := range []*starter{r.start, r.startOrig} {
			if st == nil {
				continue
			}
			for _, from := range []int{0, len(text) / 3, len(text) / 2} {
				for p := from; p < len(text); p++ {
					if !st.first[text[p]] && !st.first[low[p]] {
						continue
					}
					pw := p > from && isASCIIWord(text[p-1])
					var got, want []int
					if st == r.start {
						got = slices.Clone(tryCandidate(st, &a, low, from, p, pw))
						want = slices.Clone(tryCandidateRef(st, &b, low, from, p, pw))
					} else {
						got = slices.Clone(tryCandidate(st, &a, text, from, p, pw))
						want = slices.Clone(tryCandidateRef(st, &b, text, from, p, pw))
					}
					if !sameLoc(got, want) {
						t.Fatalf("rule %s, %q from %d at %d: %v, want %v", r.Name, clip(text), from, p, got, want)
					}
				}
			}
		}
	}
}

// TestTryCandidateMatchesReference: tryCandidate against
// tryCandidateRef on the tricky texts, the windows of the test texts
// (the corpora when present; every seventh text) and random texts.
func TestTryCandidateMatchesReference(t *testing.T) {
	e := Default()
	forCandidateTexts(t, dfaTrickyTexts(), 11, func(text string) { compareTryCandidates(t, e, text) })
}

// forCandidateTexts calls check on the tricky texts of under 300 bytes,
// the windows of every seventh test text (the corpora when present) and
// 300 random texts from a generator seeded with seed.
func forCandidateTexts(t *testing.T, tricky []string, seed uint64, check func(text string)) {
	for _, text := range tricky {
		if len(text) < 300 {
			check(text)
		}
	}
	for i, text := range testTexts(t) {
		if i%7 != 0 {
			continue
		}
		for _, w := range Windows(text, 0, len(text), nil) {
			check(text[w.Start:w.End])
		}
	}
	rng := rand.New(rand.NewPCG(seed, seed+1))
	for range 300 {
		check(randomCandidateText(rng))
	}
}

// FuzzTryCandidate compares tryCandidate with tryCandidateRef.
func FuzzTryCandidate(f *testing.F) {
	for _, s := range []string{"on Tuesday, March 5, 2024 at 10 p.m.", "x12 March12 é2020 5 years", "three years ago\nlast week"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 200 {
			return
		}
		compareTryCandidates(t, Default(), text)
	})
}
