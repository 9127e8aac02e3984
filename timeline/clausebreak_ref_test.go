package timeline

import (
	"slices"
	"testing"
)

// clauseBreakTokens replaced a scanner of every byte of the clause; its
// reference is the expression it implements, clauseBreaksReference, run
// on the clause's text. These tests read it on spans of longer texts,
// with the tokens tokenizeLookup gives for the span, as clauses calls it.

// checkClauseBreakTokens compares clauseBreakTokens on text[s.Start:s.End]
// with the expression.
func checkClauseBreakTokens(t *testing.T, tz *tokenizer, text string, s Span) {
	t.Helper()
	var got [][]int
	clauseBreakTokens(text, s, tz.tokenizeLookup(text, s, lookupGaz()), func(a, b int) { got = append(got, []int{a, b}) })
	want := clauseBreaksReference.FindAllStringIndex(text[s.Start:s.End], -1)
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("clauseBreakTokens of %q = %v, want %v", text[s.Start:s.End], got, want)
	}
}

// TestClauseBreakTokensMatchReference reads sentence-sized pieces of the
// reference texts, cut anywhere, on one tokenizer.
func TestClauseBreakTokensMatchReference(t *testing.T) {
	var tz tokenizer
	for _, text := range refTexts(t, clauseBreakCases) {
		checkClauseBreakTokens(t, &tz, text, Span{0, len(text)})
		for from := 0; from < len(text); from += 89 {
			checkClauseBreakTokens(t, &tz, text, Span{from, min(from+233, len(text))})
		}
	}
}

func FuzzClauseBreakTokens(f *testing.F) {
	for _, c := range clauseBreakCases {
		f.Add(c, 0, len(c))
	}
	f.Add("x  before , and said ; y", 2, 20)
	f.Add("x, AND ſaid y and sayſ, and at 5 and then, and  then z, and In x", 0, 62)
	f.Fuzz(func(t *testing.T, text string, from, to int) {
		if from < 0 || from > to || to > len(text) || to-from > 1<<20 {
			return
		}
		var tz tokenizer
		checkClauseBreakTokens(t, &tz, text, Span{from, to})
	})
}
