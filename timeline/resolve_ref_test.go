package timeline

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The regular expressions and searches of the resolver that byte scans
// replaced or now guard: the references the scans must equal.

// quantBefore ends the text before a duration with a quantity word.
var quantBefore = regexp.MustCompile(`(?i)\b(about|around|over|within)\s+$`)

func quantityModRef(before string) string {
	sm := quantBefore.FindStringSubmatch(before)
	if sm == nil {
		return ""
	}
	switch strings.ToLower(sm[1]) {
	case "about", "around":
		return "APPROX"
	case "over":
		return "MORE_THAN"
	}
	return "EQUAL_OR_LESS"
}

// genitiveAfter follows a weekday in the genitive.
var genitiveAfter = regexp.MustCompile(`^(?:'s|’s)\b`)

var quoteMarks = []string{"``", "''", "\"", "“", "”"}

func lastQuoteRef(s string) (int, int) {
	at, end := -1, -1
	for _, q := range quoteMarks {
		if i := strings.LastIndex(s, q); i > at {
			at, end = i, i+len(q)
		}
	}
	return at, end
}

// anyQuoteRef is anyQuote as five searches for the marks.
func anyQuoteRef(s string) bool {
	return strings.IndexByte(s, '"') >= 0 || strings.Contains(s, "''") || strings.Contains(s, "``") ||
		strings.Contains(s, "“") || strings.Contains(s, "”")
}

// mayOpenRangeRef is mayOpenRange without its filter on the first byte.
func mayOpenRangeRef(rest string) bool {
	i := 0
	for i < len(rest) && regexpSpace(rest[i]) {
		i++
	}
	rest = rest[i:]
	for _, w := range rangeJoins {
		if len(rest) >= len(w) && strings.EqualFold(rest[:len(w)], w) {
			return true
		}
	}
	return false
}

// TestMayOpenRangeFirstBytes: every text of two bytes, then each join's
// tail, is turned away by mayOpenRange's first byte filter only where
// the reference turns it away (no rune outside ASCII folds to the first
// letter of a join).
func TestMayOpenRangeFirstBytes(t *testing.T) {
	for _, w := range rangeJoins {
		for _, r := range []rune(w)[:1] {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if f >= utf8.RuneSelf {
					t.Fatalf("%q folds to %q", r, f)
				}
			}
		}
	}
	for b0 := range 256 {
		for b1 := range 256 {
			for _, w := range append(rangeJoins, "") {
				x := string([]byte{byte(b0), byte(b1)}) + w
				if got, want := mayOpenRange(x), mayOpenRangeRef(x); got != want {
					t.Fatalf("mayOpenRange(%q) = %v, want %v", x, got, want)
				}
				x = string([]byte{byte(b0)}) + w[min(1, len(w)):]
				if got, want := mayOpenRange(x), mayOpenRangeRef(x); got != want {
					t.Fatalf("mayOpenRange(%q) = %v, want %v", x, got, want)
				}
			}
		}
	}
}

func firstQuoteRef(s string) int {
	at := -1
	for _, q := range quoteMarks {
		if i := strings.Index(s, q); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

var resolveScanCases = []string{
	"", " ", "about ", "ABOUT\t\n", "xabout ", "_over ", "éwithin  ", "around", "over the ", "1 over  ", "Within\v",
	"'s", "'s ", "’s", "’sx", "'S", "'s_", "'s-", "’", "``x''", "'''", "```", "“x”", "\xe2\x80", "\"", "\xe2\x80\x9c", "x\xe2\x80\x9d", "\xe2\xe2\x80\x9c", "\xe2\x80\x9e", "'x'x'", "`x``", "é“", "’'",
	" and May 3, 2020", " to 3 May 1944", " and the summer of 1943", "–June 1944", " - June 1944x", " or Sept. 27, 20201", " — x", "\tInto the summer of 1943", "Or", ". (0735 GMT) Friday", "..(", " \f(x)",
}

// checkResolveScans compares the scans on s, its suffixes and its
// prefixes with their references.
func checkResolveScans(t *testing.T, s string) {
	t.Helper()
	for i := 0; i <= len(s); i++ {
		for _, x := range []string{s[i:], s[:i]} {
			if got, want := quantityMod(x), quantityModRef(x); got != want {
				t.Fatalf("quantityMod(%q) = %q, want %q", x, got, want)
			}
			if got, want := genitive(x), genitiveAfter.MatchString(x); got != want {
				t.Fatalf("genitive(%q) = %v, want %v", x, got, want)
			}
			if got, want := mayOpenRange(x), mayOpenRangeRef(x); got != want {
				t.Fatalf("mayOpenRange(%q) = %v, want %v", x, got, want)
			}
			if (rangeEnd.MatchString(x) || seasonRangeEnd.MatchString(x)) && !(mayOpenRange(x) && fourDigits(x)) {
				t.Fatalf("mayOpenRange or fourDigits(%q) turns a match away", x)
			}
			if restatedAfter.MatchString(x) && !opensParen(x) {
				t.Fatalf("opensParen(%q) turns a match away", x)
			}
			if got, want := anyQuote(x), anyQuoteRef(x); got != want {
				t.Fatalf("anyQuote(%q) = %v, want %v", x, got, want)
			}
			a, e := lastQuote(x)
			wa, we := lastQuoteRef(x)
			if a != wa || e != we {
				t.Fatalf("lastQuote(%q) = %d, %d, want %d, %d", x, a, e, wa, we)
			}
			if got, want := firstQuote(x), firstQuoteRef(x); got != want {
				t.Fatalf("firstQuote(%q) = %d, want %d", x, got, want)
			}
		}
	}
}

func TestResolveScansMatchReference(t *testing.T) {
	ranges := 0
	for _, c := range resolveScanCases {
		checkResolveScans(t, c)
		if rangeEnd.MatchString(c) || seasonRangeEnd.MatchString(c) {
			ranges++
		}
	}
	if ranges < 4 {
		t.Errorf("only %d of the cases end a range", ranges)
	}
	if raceEnabled {
		// single-goroutine comparisons, minutes under the detector: the
		// plain test run makes them
		return
	}
	// windows of the reference texts around every byte, as the resolver
	// reads them
	for _, text := range refTexts(t, nil) {
		for i := 0; i < len(text); i++ {
			x := text[i:min(len(text), i+24)]
			if got, want := quantityMod(x), quantityModRef(x); got != want {
				t.Fatalf("quantityMod(%q) = %q, want %q", x, got, want)
			}
			if got, want := quantityMod(text[max(0, i-16):i]), quantityModRef(text[max(0, i-16):i]); got != want {
				t.Fatalf("quantityMod(%q) = %q, want %q", text[max(0, i-16):i], got, want)
			}
			if got, want := genitive(x[:min(len(x), 4)]), genitiveAfter.MatchString(x[:min(len(x), 4)]); got != want {
				t.Fatalf("genitive(%q) = %v, want %v", x, got, want)
			}
			y := text[i:min(len(text), i+80)]
			if got, want := mayOpenRange(y[:min(len(y), 40)]), mayOpenRangeRef(y[:min(len(y), 40)]); got != want {
				t.Fatalf("mayOpenRange(%q) = %v, want %v", y, got, want)
			}
			if (rangeEnd.MatchString(y) || seasonRangeEnd.MatchString(y)) && !(mayOpenRange(y) && fourDigits(y)) {
				t.Fatalf("mayOpenRange or fourDigits(%q) turns a match away", y)
			}
			if restatedAfter.MatchString(y) && !opensParen(y) {
				t.Fatalf("opensParen(%q) turns a match away", y)
			}
			q := text[max(0, i-60):i]
			if got, want := anyQuote(q), anyQuoteRef(q); got != want {
				t.Fatalf("anyQuote(%q) = %v, want %v", q, got, want)
			}
			a, e := lastQuote(q)
			wa, we := lastQuoteRef(q)
			if a != wa || e != we {
				t.Fatalf("lastQuote(%q) = %d, %d, want %d, %d", q, a, e, wa, we)
			}
			if got, want := firstQuote(y), firstQuoteRef(y); got != want {
				t.Fatalf("firstQuote(%q) = %d, want %d", y, got, want)
			}
		}
	}
}

func FuzzResolveScans(f *testing.F) {
	for _, c := range resolveScanCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 200 {
			s = s[:200]
		}
		checkResolveScans(t, s)
	})
}
