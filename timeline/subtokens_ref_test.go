package timeline

import (
	"math/rand/v2"
	"testing"
)

// checkSubTokens compares the tokens subTokens takes from s's for cl
// with the reference tokenizer run on cl alone.
func checkSubTokens(t *testing.T, text string, s, cl Span) {
	t.Helper()
	var tz tokenizer
	got, ok := subTokens(text, s, tz.tokenize(text, s), cl)
	if !ok {
		return
	}
	want := tokenizeRef(text, cl)
	if len(got) != len(want) {
		t.Fatalf("%q s=%v cl=%v: %d tokens, want %d", text, s, cl, len(got), len(want))
	}
	for k := range want {
		g := got[k]
		g.h = 0
		if g != want[k] {
			t.Fatalf("%q s=%v cl=%v: token %d is %+v, want %+v", text, s, cl, k, got[k], want[k])
		}
	}
}

var subTokenCases = []string{
	"Iraq's Saddam, after U.S. troops left; Kenya's", "the 1990s' wars, U.S.A. and", "a'b 's ’s,’s",
	"x.Y.Z, A.B.C.", "Müller’s, plan’s; ok", "\xe2\x80, \xe2\x80\x99s end", "ab. cd' ef, gh",
}

func TestSubTokensMatchReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, text := range refTexts(t, subTokenCases) {
		if len(text) == 0 {
			continue
		}
		for n := 0; n < 400; n++ {
			a, b := r.IntN(len(text)+1), r.IntN(len(text)+1)
			s := Span{min(a, b), max(a, b)}
			if s.End-s.Start > 600 {
				s.End = s.Start + 600
			}
			c, d := s.Start+r.IntN(s.End-s.Start+1), s.Start+r.IntN(s.End-s.Start+1)
			checkSubTokens(t, text, s, Span{min(c, d), max(c, d)})
			// every cut of a short sentence
			if n%100 == 0 && s.End-s.Start < 80 {
				for c := s.Start; c <= s.End; c++ {
					checkSubTokens(t, text, s, Span{s.Start, c})
					checkSubTokens(t, text, s, Span{c, s.End})
				}
			}
		}
	}
}

func FuzzSubTokens(f *testing.F) {
	for _, c := range subTokenCases {
		f.Add(c, 0, len(c), 3, len(c)-3)
	}
	f.Fuzz(func(t *testing.T, text string, a, b, c, d int) {
		if a < 0 || b > len(text) || a > b || c < a || d > b || c > d {
			return
		}
		checkSubTokens(t, text, Span{a, b}, Span{c, d})
	})
}
