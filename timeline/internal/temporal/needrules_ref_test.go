package temporal

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// needRulesRef is how scanTables made Engine.needRules before
// needRulesOf: each trigger set against each rule.
func needRulesRef(prep []prepared, nw int) []uint64 {
	need := make([]uint64, 256*nw)
	for t := range 256 {
		for i := range prep {
			if n := prep[i].Needs; n == 0 || Trigger(t)&n != 0 {
				need[t*nw+i/64] |= 1 << (i % 64)
			}
		}
	}
	return need
}

// checkNeedRules compares needRulesOf with needRulesRef for rules with
// the given Needs.
func checkNeedRules(t *testing.T, needs []Trigger) {
	t.Helper()
	prep := make([]prepared, len(needs))
	for i, n := range needs {
		prep[i].Rule = &Rule{Needs: n}
	}
	nw := (len(prep) + 63) / 64
	if got, want := needRulesOf(prep, nw), needRulesRef(prep, nw); !slices.Equal(got, want) {
		t.Fatalf("needs %v: sets differ", needs)
	}
}

// TestNeedRulesMatchesReference: the built-in rules, the edge rules, no
// rule, and random rule sets of one to three words.
func TestNeedRulesMatchesReference(t *testing.T) {
	var needs []Trigger
	for _, r := range append(English(), edgeRules()...) {
		needs = append(needs, r.Needs)
	}
	checkNeedRules(t, needs)
	checkNeedRules(t, nil)
	rng := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		needs := make([]Trigger, 1+rng.IntN(190))
		for i := range needs {
			if rng.IntN(3) > 0 {
				needs[i] = Trigger(rng.IntN(256))
			}
		}
		checkNeedRules(t, needs)
	}
}

// FuzzNeedRules compares needRulesOf with needRulesRef for rules whose
// Needs are the bytes of the input.
func FuzzNeedRules(f *testing.F) {
	f.Add([]byte{0, 1, 2, 255, 128})
	f.Add(make([]byte, 70))
	f.Fuzz(func(t *testing.T, b []byte) {
		needs := make([]Trigger, len(b))
		for i, c := range b {
			needs[i] = Trigger(c)
		}
		checkNeedRules(t, needs)
	})
}
