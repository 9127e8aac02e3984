package temporal

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// The look-ups of the rule appliers as they were before they refused
// number words, empty groups and capitalized names without allocating.

func monthNumRef(s string) int {
	return months[strings.TrimSuffix(strings.ToLower(s), ".")]
}

func weekdayNumRef(s string) int {
	if d, ok := weekdays[strings.TrimSuffix(strings.ToLower(s), ".")]; ok {
		return d
	}
	return -1
}

func numberRef(s string) (n float64, ok bool) {
	s = normWords(s)
	half := 0.0
	if strings.HasSuffix(s, " 1/2") {
		s, half = strings.TrimSuffix(s, " 1/2"), 0.5
	}
	if v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64); err == nil {
		return v + half, true
	}
	if v, found := numberWords[s]; found {
		return float64(v), true
	}
	if v, found := halfWords[s]; found {
		return v, true
	}
	if i := strings.IndexAny(s, "- "); i > 0 {
		a, okA := numberWords[s[:i]]
		b, okB := numberWords[s[i+1:]]
		if okA && okB && a >= 20 && b > 0 && b < 10 {
			return float64(a + b), true
		}
	}
	return 0, false
}

func atoiRef(s string) (int, bool) {
	v, err := strconv.Atoi(s)
	return v, err == nil
}

// checkLexicon compares monthNum, weekdayNum, number and atoi with
// their references on s.
func checkLexicon(t *testing.T, s string) {
	t.Helper()
	if got, want := monthNum(s), monthNumRef(s); got != want {
		t.Fatalf("monthNum(%q) = %d, want %d", s, got, want)
	}
	if got, want := weekdayNum(s), weekdayNumRef(s); got != want {
		t.Fatalf("weekdayNum(%q) = %d, want %d", s, got, want)
	}
	n, ok := number(s)
	wn, wok := numberRef(s)
	if ok != wok || n != wn && !(math.IsNaN(n) && math.IsNaN(wn)) {
		t.Fatalf("number(%q) = %v, %v, want %v, %v", s, n, ok, wn, wok)
	}
	v, vok := atoi(s)
	wv, wvok := atoiRef(s)
	if v != wv || vok != wvok {
		t.Fatalf("atoi(%q) = %d, %v, want %d, %v", s, v, vok, wv, wvok)
	}
}

// lexiconWords are the names and numbers the appliers read, in the
// cases and forms that reach them, and the near misses of ParseFloat.
func lexiconWords() []string {
	var ws []string
	for k := range months {
		ws = append(ws, k, strings.ToUpper(k), strings.ToUpper(k[:1])+k[1:], k+".", strings.ToUpper(k[:1])+k[1:]+".")
	}
	for k := range weekdays {
		ws = append(ws, k, strings.ToUpper(k), strings.ToUpper(k[:1])+k[1:], k+".")
	}
	for k := range numberWords {
		ws = append(ws, k, strings.ToUpper(k), "twenty-"+k, "a "+k)
	}
	return append(ws, "", " ", ".", "..", ",", "1,000", ",5", "5,", "-3", "+7", ".5", "1e3", "0x1p-2", "1_000", "_1",
		"inf", "Inf", "+inf", "-Infinity", "infinity", "NaN", "nan", "i,nf", "in,f", "na,n", "nan,", "infinit", "info",
		"3 1/2", "half", "half a", "a half", "twenty five", "ninety-nine", "ſeptember", "SEPT.", "Sept", "thurs",
		"9223372036854775808", "-9223372036854775809", "12345678901234567890", "0", "00", "007", "1.5.6",
		"septembers", "Wednesday.", "wednesday..", "MAY.", "mAy", "\u212Aelvin", "é", strings.Repeat("a", 20))
}

// TestLexiconMatchesReference: the look-ups against their references
// on the names and numbers of the lexicon, the words of the test texts
// (the corpora when present) and random strings.
func TestLexiconMatchesReference(t *testing.T) {
	for _, s := range lexiconWords() {
		checkLexicon(t, s)
	}
	seen := map[string]bool{}
	for _, text := range testTexts(t) {
		for _, w := range strings.Fields(text) {
			for _, s := range []string{w, strings.Trim(w, ",;:()\"'")} {
				if !seen[s] {
					seen[s] = true
					checkLexicon(t, s)
				}
			}
		}
	}
	rng := rand.New(rand.NewPCG(7, 8))
	const alphabet = "0123456789.,+-_ eE xpinfaINFAd/1é"
	for range 20000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		checkLexicon(t, string(b))
	}
}

// FuzzLexicon compares the look-ups with their references.
func FuzzLexicon(f *testing.F) {
	for _, s := range []string{"", "March", "Tuesday.", "three", "1,000", "i,nf", "NaN", "twenty-five", "3 1/2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkLexicon(t, s)
	})
}
