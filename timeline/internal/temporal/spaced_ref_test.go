package temporal

import (
	"math/rand"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"testing"
)

// The literal automaton reads the text through spaceByte with each run
// of spaces as one (twin states, outputsLast's numbering). Its
// reference is strings.Contains over litNorm of the text: the literals
// it finds in a text must be exactly those.

// spacedLits returns literals to test the automaton with: those of the
// built-in rules' clauses, and some with spaces in every place.
var spacedLits = sync.OnceValue(func() []string {
	lits := []string{"a b", "b ", " c", "of the", "the year", " ", "x  y", "0 jan", "end of", "n ", "n o", " on"}
	for _, r := range English() {
		tree, err := syntax.Parse(r.source(), syntax.Perl)
		if err != nil {
			continue
		}
		for _, c := range ruleClausesOf(tree) {
			lits = append(lits, c...)
		}
	}
	for i, l := range lits {
		// the automaton's literals have no run of spaces
		lits[i] = collapseSpaces(l)
	}
	slices.Sort(lits)
	return slices.Compact(lits)
})

var spacedMatcher = sync.OnceValue(func() *matcher { return newMatcher(spacedLits()) })

// spacedFound returns the ids of the literals m finds in sub.
func spacedFound(m *matcher, sub string) []int32 {
	var ids []int32
	nc := m.nclass
	st := 0
	for i := 0; i < len(sub); i++ {
		t := int(m.delta16[st*nc+int(m.class[sub[i]])])
		st = t >> 1
		if t&1 != 0 {
			ids = append(ids, m.out[m.outStart[st]:m.outStart[st+1]]...)
		}
	}
	return dedupIDs(ids)
}

// checkSpacedLiterals compares the literals the automaton finds in sub
// with those strings.Contains finds in litNorm(sub).
func checkSpacedLiterals(t *testing.T, sub string) {
	t.Helper()
	lits, m := spacedLits(), spacedMatcher()
	norm := litNorm(sub)
	var want []int32
	for i, l := range lits {
		if strings.Contains(norm, l) {
			want = append(want, int32(i))
		}
	}
	if got := spacedFound(m, sub); !slices.Equal(got, want) {
		name := func(ids []int32) (ss []string) {
			for _, id := range ids {
				ss = append(ss, lits[id])
			}
			return ss
		}
		t.Fatalf("literals of %q: got %q, want %q", clip(sub), name(got), name(want))
	}
}

// TestSpacedLiterals: the automaton against strings.Contains on the
// test texts (the TBAQ texts when present), their windows, and random
// text with runs of whitespace.
func TestSpacedLiterals(t *testing.T) {
	var wins []Window
	for _, s := range testTexts(t) {
		checkSpacedLiterals(t, s)
		wins = Windows(s, 0, len(s), wins[:0])
		for _, w := range wins {
			checkSpacedLiterals(t, s[w.Start:w.End])
		}
	}
	rng := rand.New(rand.NewSource(3))
	const alphabet = "abcnoxy0 \t\n\r\f  .,-"
	words := []string{"of the", "the\tyear", "end  of", "Jan", " ", "\n\n", "a b", "b  c", "year,", "5 March"}
	for range 5000 {
		var b []byte
		for range rng.Intn(60) {
			if rng.Intn(3) == 0 {
				b = append(b, words[rng.Intn(len(words))]...)
			} else {
				b = append(b, alphabet[rng.Intn(len(alphabet))])
			}
		}
		checkSpacedLiterals(t, string(b))
	}
}

// FuzzSpacedLiterals compares the automaton with strings.Contains over
// litNorm of the text.
func FuzzSpacedLiterals(f *testing.F) {
	for _, s := range []string{"", "a b", "a  \t b", "end \n of\tthe  year", "x  y", "b   c", "  on"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSpacedLiterals(t, s)
	})
}
