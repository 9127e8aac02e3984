package timeline

import (
	"strings"
	"testing"
)

func checkFieldEnds(t *testing.T, s string) {
	t.Helper()
	f := strings.Fields(s)
	first, last, n := fieldEnds(s)
	if n != len(f) || n > 0 && (first != f[0] || last != f[n-1]) {
		t.Fatalf("%q: fieldEnds %q %q %d, Fields %q", s, first, last, n, f)
	}
	first, last, n = outerFields(s)
	if n != min(len(f), 2) || n > 0 && (first != f[0] || last != f[len(f)-1]) {
		t.Fatalf("%q: outerFields %q %q %d, Fields %q", s, first, last, n, f)
	}
}

var fieldCases = []string{"", " ", "Saddam Hussein", " a\tb\vc\fd\re\n ", "Ali Ali", "Müller  Ölaf", "x\u00a0y", "\x85z \xff",
	"George W. Bush", "a b\u00a0c d", "a\u00a0 b", "a \u00a0b", " a ", "ab  \u2003", "\u2003 ab", "a \u2003 b"}

func TestFieldEndsMatchesFields(t *testing.T) {
	for _, s := range refTexts(t, fieldCases) {
		checkFieldEnds(t, s)
		for i := 0; i+40 <= len(s); i += 37 {
			checkFieldEnds(t, s[i:i+40])
		}
	}
}

func FuzzFieldEnds(f *testing.F) {
	for _, c := range fieldCases {
		f.Add(c)
	}
	f.Fuzz(checkFieldEnds)
}
