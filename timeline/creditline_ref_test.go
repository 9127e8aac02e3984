package timeline

import (
	"slices"
	"strings"
	"testing"
)

var creditLineCases = []string{
	"WASHINGTON, August 13 (Xinhua) -- talks", "UNITED NATIONS (AP) _ The", " \t\fNEW YORK (Reuters) - x",
	"\vNEW YORK (Reuters) - x", "A. (AP) -", "X (AP) -", "The (AP) -", "BAKU' (AFP): y",
}

func checkCreditLine(t *testing.T, s string) {
	t.Helper()
	if got, want := findCreditLine(s), creditLine.FindStringIndex(s); !slices.Equal(got, want) {
		t.Fatalf("%q: findCreditLine %v, creditLine %v", s, got, want)
	}
}

// TestFindCreditLineMatchesRegexp checks the filtered search against the
// regexp alone on every line and sentence start of the reference texts.
func TestFindCreditLineMatchesRegexp(t *testing.T) {
	for _, text := range refTexts(t, creditLineCases) {
		checkCreditLine(t, text)
		for i := 0; i < len(text); i++ {
			if i == 0 || text[i-1] == '\n' || text[i-1] == '.' || text[i-1] == ' ' {
				checkCreditLine(t, text[i:min(len(text), i+300)])
			}
		}
		for _, s := range splitSentences(text) {
			checkCreditLine(t, s.In(text))
		}
	}
	for _, c := range creditLineCases {
		checkCreditLine(t, strings.ToLower(c))
	}
}

func FuzzFindCreditLine(f *testing.F) {
	for _, c := range creditLineCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) { checkCreditLine(t, s) })
}
