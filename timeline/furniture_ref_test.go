package timeline

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// normalizeRef is the duplicate key as it was computed before the byte
// loop into a reused buffer: the reference appendNormalized must equal.
func normalizeRef(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r < utf8.RuneSelf {
			// ASCII without the unicode tables
			switch c := byte(r); {
			case c == ' ' || c >= '\t' && c <= '\r':
				space = true
			default:
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			}
			continue
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

var normalizeCases = []string{"", "  A  b\t\nC ", "ÀÉ\u00a0Î\u2028x", "\xff\xfe Ab\xc3", "\x00\v\f\r", "KELVIN\u212a ſ İ"}

func TestNormalizedMatchesReference(t *testing.T) {
	buf := []byte("prefix")
	for _, s := range refTexts(t, normalizeCases) {
		if got, want := string(appendNormalized(buf[:0], s)), normalizeRef(s); got != want {
			t.Fatalf("%q: %q, want %q", s, got, want)
		}
	}
}

func FuzzNormalized(f *testing.F) {
	for _, c := range normalizeCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendNormalized([]byte("x"), s)[1:]), normalizeRef(s); got != want {
			t.Fatalf("%q: %q, want %q", s, got, want)
		}
	})
}

var cueCases = []string{"", "Updated: 12 May", "LAST UPDATED 3pm", "update", "dates", "date_x", "x-date-y", "Poſted May 1",
	"posted", "(Dateline)", "Created1", "MODIFIED!", "first published", "up dated", "ctreated"}

// TestCueMatchesRegexp checks the word scan against datelineCue itself.
func TestCueMatchesRegexp(t *testing.T) {
	var lines []string
	for _, s := range refTexts(t, cueCases) {
		lines = append(lines, strings.Split(s, "\n")...)
	}
	for _, l := range lines {
		if got, want := hasCue(l), datelineCue.MatchString(l); got != want {
			t.Fatalf("%q: %v, want %v", l, got, want)
		}
	}
}

func FuzzCue(f *testing.F) {
	for _, c := range cueCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasCue(s), datelineCue.MatchString(s); got != want {
			t.Fatalf("%q: %v, want %v", s, got, want)
		}
	})
}

// TestMayOpenKeepsMatches checks that the first-byte filters turn away
// no sentence the furniture expressions match.
func TestMayOpenKeepsMatches(t *testing.T) {
	var lines []string
	for _, s := range refTexts(t, []string{"/AFP", "Photo: Reuters", "VIDEO | x", "file photo: x", "Credit/x", "Image:", "PICTURE|y", "(With input from agencies)", "(reporting by X)."}) {
		lines = append(lines, strings.Split(s, "\n")...)
	}
	for _, l := range lines {
		if creditRe.MatchString(l) && !mayOpen(l, "/pPiIfFcCvV") || noteRe.MatchString(l) && !mayOpen(l, "(") {
			t.Fatalf("%q: a match turned away", l)
		}
	}
}
