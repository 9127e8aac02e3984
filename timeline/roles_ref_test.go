package timeline

import (
	"sort"
	"testing"
)

// afterAccordingToRef is what roles read before afterAccordingTo: the
// spans after every "according to" of the clause (its "to" not the last
// token), and an actor at off reported when it starts in one.
func afterAccordingToRef(toks []token, off int) bool {
	var reporters []Span
	for k := 1; k+1 < len(toks); k++ {
		if toks[k-1].low == "according" && toks[k].low == "to" {
			reporters = append(reporters, Span{toks[k].End, toks[k].End + 1})
		}
	}
	for _, r := range reporters {
		if off >= r.Start && off <= r.Start+1 {
			return true
		}
	}
	return false
}

// checkAfterAccordingTo compares afterAccordingTo with its reference at
// every offset of s, a span of text, and one past it.
func checkAfterAccordingTo(t *testing.T, tz *tokenizer, text string, s Span) int {
	t.Helper()
	toks := tz.tokenize(text, s)
	n := 0
	for off := s.Start; off <= s.End+1; off++ {
		i := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= off })
		want := afterAccordingToRef(toks, off)
		if got := afterAccordingTo(toks, off, i); got != want {
			t.Fatalf("afterAccordingTo(%q, %d) = %v, want %v", text[s.Start:s.End], off, got, want)
		}
		if want {
			n++
		}
	}
	return n
}

var accordingToCases = []string{
	"according to Reuters, Iraq attacked", "According to  the U.N. and according to,X", "according toto according to",
	"according\tto\u00a0Iran", "according to", "x according to", "according to'", "according to s",
}

// TestAfterAccordingToMatchesReference reads sentence-sized pieces of
// the reference texts, cut anywhere, as roles reads clauses.
func TestAfterAccordingToMatchesReference(t *testing.T) {
	var tz tokenizer
	n := 0
	for _, text := range refTexts(t, accordingToCases) {
		for from := 0; from < len(text); from += 151 {
			n += checkAfterAccordingTo(t, &tz, text, Span{from, min(from+307, len(text))})
		}
	}
	if n == 0 {
		t.Fatal("no reporter found")
	}
}

func FuzzAfterAccordingTo(f *testing.F) {
	for _, c := range accordingToCases {
		f.Add(c, 0, len(c))
	}
	f.Fuzz(func(t *testing.T, text string, from, to int) {
		if from < 0 || from > to || to > len(text) || to-from > 1<<12 {
			return
		}
		var tz tokenizer
		checkAfterAccordingTo(t, &tz, text, Span{from, to})
	})
}
