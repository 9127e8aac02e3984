package temporal

import (
	"math/rand"
	"slices"
	"testing"
)

// findLiteralsRef is findLiterals as it was before the rows of the
// literals found were ORed once the window was read: each row added to
// found as its literals end.
func findLiteralsRef(s *Scanner, sub string) (found []uint64, ends []litEnd) {
	e := s.e
	found = make([]uint64, len(s.found))
	copy(found, e.always)
	m := e.lits
	nc := int(m.nclass)
	st := 0
	for i := 0; i < len(sub); i++ {
		var t int
		switch {
		case m.delta16 != nil:
			t = int(m.delta16[st*nc+int(m.class[sub[i]])])
		default:
			t = int(m.delta[st*nc+int(m.class[sub[i]])])
		}
		st = t >> 1
		if t&1 != 0 {
			k := int(e.litRowOf[st])
			for j, v := range e.litRows[k : k+len(found)] {
				found[j] |= v
			}
			ends = append(ends, litEnd{int32(k), int32(i)})
		}
	}
	return found, ends
}

// checkFindLiterals compares findLiterals with findLiteralsRef on sub.
func checkFindLiterals(t *testing.T, sc *Scanner, sub string) {
	t.Helper()
	want, wantEnds := findLiteralsRef(sc, sub)
	sc.findLiterals(sub)
	if !slices.Equal(sc.found, want) || !slices.Equal(sc.ends, wantEnds) {
		t.Fatalf("findLiterals(%q): found %x ends %v, want %x %v", clip(sub), sc.found, sc.ends, want, wantEnds)
	}
}

// TestFindLiteralsRef: findLiterals against findLiteralsRef on the test
// texts (the TBAQ texts when present), their windows, and random text.
func TestFindLiteralsRef(t *testing.T) {
	sc := Default().NewScanner()
	sc.hold()
	defer sc.release()
	var wins []Window
	for _, s := range testTexts(t) {
		checkFindLiterals(t, sc, s)
		wins = Windows(s, 0, len(s), wins[:0])
		for _, w := range wins {
			checkFindLiterals(t, sc, s[w.Start:w.End])
		}
	}
	rng := rand.New(rand.NewSource(1))
	const alphabet = "aeiou ndtsrlmyMJ0123456789 .,-'"
	words := []string{"January", "week", "ago", "the", "last", "1999", "morning", "years", "next", "today", "  ", "mid-", "p.m.", "Sept."}
	for range 3000 {
		var b []byte
		for range rng.Intn(80) {
			if rng.Intn(3) == 0 {
				b = append(b, words[rng.Intn(len(words))]...)
			} else {
				b = append(b, alphabet[rng.Intn(len(alphabet))])
			}
		}
		checkFindLiterals(t, sc, string(b))
	}
}

// FuzzFindLiterals compares findLiterals with findLiteralsRef.
func FuzzFindLiterals(f *testing.F) {
	for _, s := range []string{"", "last week", "January 5, 1999 and the 1990s", "two  days  ago, ago, ago", "ſince 1994"} {
		f.Add(s)
	}
	sc := Default().NewScanner()
	sc.hold()
	f.Fuzz(func(t *testing.T, s string) {
		checkFindLiterals(t, sc, s)
	})
}
