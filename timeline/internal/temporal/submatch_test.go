package temporal

import (
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// subCase is a program to check: the starter's own expression, its
// subMatch program, and the anchored copies Go's regexp runs.
type subCase struct {
	name        string
	sub         *subProg
	anch, anchW *regexp.Regexp
	first       *[256]bool
}

// subCases returns the starters of the built-in rules and of the edge
// rules, caseless and original.
func subCases(t testing.TB) []subCase {
	cs, bad := subCasesOnce()
	if bad != "" {
		t.Fatalf("rule %s: no subMatch program", bad)
	}
	return cs
}

var subCasesOnce = sync.OnceValues(func() ([]subCase, string) {
	e, _ := dfaEngines()
	var cs []subCase
	for _, p := range e.prep {
		for _, st := range []*starter{p.start, p.startOrig} {
			if st == nil {
				continue
			}
			if st.sub == nil {
				return nil, p.Name
			}
			cs = append(cs, subCase{p.Name, st.sub, st.anch.get(), anchWOf(st), &st.first})
		}
	}
	return cs, ""
})

// checkSubAt compares subMatch on s[p:end] with Go's regexp: with the
// start of the text before p (st.anch on s[p:end]) and, after a word
// byte, with that byte before p (st.anchW on s[p-1:end]).
func checkSubAt(t testing.TB, c *subCase, sc *subScratch, s string, p, end int) {
	t.Helper()
	got, ok := subMatch(c.sub, sc, s[p:end], -1)
	want := c.anch.FindStringSubmatchIndex(s[p:end])
	if ok && !sameLoc(got, want) {
		t.Fatalf("rule %s on %q: got %v, want %v", c.name, s[p:end], got, want)
	}
	gotB, okB := subMatch(c.sub, sc, []byte(s[p:end]), -1)
	if ok != okB || okB && !sameLoc(gotB, want) {
		t.Fatalf("rule %s on []byte %q: got %v, want %v", c.name, s[p:end], gotB, want)
	}
	if p == 0 || !isASCIIWord(s[p-1]) {
		return
	}
	got, ok = subMatch(c.sub, sc, s[p:end], int(s[p-1]))
	want = c.anchW.FindStringSubmatchIndex(s[p-1 : end])
	if want != nil {
		shift(want, -1)
		want[0] = 0
	}
	if ok && !sameLoc(got, want) {
		t.Fatalf("rule %s on %q after %q: got %v, want %v", c.name, s[p:end], s[p-1], got, want)
	}
}

// checkSearch compares subSearch on s with Go's regexp search.
func checkSearch(t testing.TB, name string, p *subProg, re *regexp.Regexp, sc *subScratch, s string) {
	t.Helper()
	want := re.FindStringSubmatchIndex(s)
	if got, ok := subSearch(p, sc, s); ok && !sameLoc(got, want) {
		t.Fatalf("search %s on %q: got %v, want %v", name, s, got, want)
	}
	if got, ok := subSearch(p, sc, []byte(s)); ok && !sameLoc(got, want) {
		t.Fatalf("search %s on []byte %q: got %v, want %v", name, s, got, want)
	}
}

// searchCases are the search programs of every rule of the test engine:
// the rule's expression, and its caseless one.
var searchCases = sync.OnceValue(func() (cs []subCase) {
	e, _ := dfaEngines()
	for i := range e.prep {
		p := &e.prep[i]
		for _, l := range []*lazySub{p.search, p.fastSearch} {
			if l != nil && l.get() != nil {
				cs = append(cs, subCase{name: p.Name, sub: l.get(), anch: l.re.get()})
			}
		}
	}
	return cs
})

// TestSubSearch: the unanchored search of every rule on the tricky
// texts, from a third of the starts.
func TestSubSearch(t *testing.T) {
	exhaustive(t)
	var sc subScratch
	for _, text := range subTrickyTexts() {
		if len(text) > 80 {
			text = text[:40] + text[len(text)-40:]
		}
		low, _ := lowerWindow(nil, text)
		for _, s := range []string{text, string(low)} {
			for _, c := range searchCases() {
				// Go's search is slow on these programs: a third of
				// the starts
				for p := 0; p <= len(s); p += 3 {
					checkSearch(t, c.name, c.sub, c.anch, &sc, s[p:])
				}
			}
		}
	}
}

func subTrickyTexts() []string {
	ts := append(dfaTrickyTexts(),
		"", "ſ", "\u212A", "5 \u212Am", "ſeptember", "ſept. 5", "march 5, ſ", "Sunday\u212A",
		"5\xff years", "\xff", "\xc3", "\xe2\x80", "\xf0\x9f\x98", "\xf0\x9f\x98\x80 1999", "\xed\xa0\x80 5 days", "\xc0\xaf 1999",
		"1999é", "é1999", "5 années", "10 h 30", "10:30\u00a0a.m.", "x1999", "1999x", "_1999_", "1999_",
		"5 years ago", "5 YEARS AGO", "five years", "two decades", "a1 b2 c3", "the 1990s", "1990s", "mid-1990s",
		"March 5", "march 5th", "5 March", "Mar. 5, 1999", "10 p.m.", "10pm", "10:30", "noon", "midnight",
		"\n5 days\n", "5\ndays", "\t1999\t", "1999\n", "last week", "next Tuesday", "tuesday morning",
	)
	return ts
}

// TestSubMatchTricky: every rule's program at every start of strings at
// the edges (non-ASCII, invalid UTF-8, ſ and the Kelvin sign, word
// boundaries at the ends, the empty input), lowered and not, at the
// ends near the start and at the end of the string.
func TestSubMatchTricky(t *testing.T) {
	exhaustive(t)
	var sc subScratch
	for _, text := range subTrickyTexts() {
		if len(text) > 120 {
			text = text[:60] + text[len(text)-60:]
		}
		low, _ := lowerWindow(nil, text)
		for _, s := range []string{text, string(low)} {
			for _, c := range subCases(t) {
				for p := 0; p <= len(s); p++ {
					// the ends a DFA gives are near p; and the whole rest
					for end := p; end <= min(len(s), p+16); end++ {
						checkSubAt(t, &c, &sc, s, p, end)
					}
					if p+16 < len(s) {
						checkSubAt(t, &c, &sc, s, p, len(s))
					}
				}
			}
		}
	}
}

// TestSubMatchTexts: every rule's program at the candidate starts of the
// test texts (the TBAQ texts when present) where the engine asks for
// submatches (the start DFA does not say no), on the bounded input the
// engine gives and on the rest of the window, and at a sample of the
// other starts.
func TestSubMatchTexts(t *testing.T) {
	exhaustive(t)
	var sc subScratch
	e, _ := dfaEngines()
	texts := testTexts(t)
	if testing.Short() && len(texts) > 20 {
		texts = texts[:20]
	}
	n := 0
	for _, text := range texts {
		low, special := lowerWindow(nil, text)
		for i := range e.prep {
			pr := &e.prep[i]
			for _, v := range []struct {
				st *starter
				s  string
			}{{pr.start, string(low)}, {pr.startOrig, text}} {
				st, s := v.st, v.s
				if st == nil || special && st == pr.start {
					continue
				}
				c := subCase{pr.Name, st.sub, st.anch.get(), anchWOf(st), &st.first}
				for p := 0; p < len(s); p++ {
					if !st.first[s[p]] {
						continue
					}
					prevWord := p > 0 && isASCIIWord(s[p-1])
					end := len(s)
					if st.dfa != nil {
						verdict, e := dfaRun(st.dfa, s, p, prevWord)
						if verdict == dfaNo && p%97 != 0 {
							continue
						}
						if verdict == dfaYes {
							end = e
						}
					}
					// a window is a sentence or so
					lim := min(len(s), p+300)
					checkSubAt(t, &c, &sc, s, p, min(end, lim))
					checkSubAt(t, &c, &sc, s, p, lim)
					n++
				}
			}
		}
	}
	t.Logf("%d starts checked", n)
}

// TestSubMatchPatterns: hand-written expressions for what the rules do
// not hold (line anchors, (?s), lazy and empty loops, captures in loops).
func TestSubMatchPatterns(t *testing.T) {
	pats := []string{
		`^a`, `(?m)^(a)$`, `\Aab\z`, `(?m)(a$)\n^b`, `(?s)(.)b`, `(.)(\n)?`, `a*?(b)`, `(a+?)(a*)`, `(a*)*b`,
		`(|a)+`, `(a|)+`, `(a*)+$`, `((a)|b)*c`, `(a|ab)(c|bcd)(d*)`, `\b(\w+)\b`, `\B(\w)`, `(?i)(k|s)+`,
		`(?i)straße`, `[^a]`, `(?i)[^k]`, `\x{FFFD}`, `[\x{80}-\x{10FFFF}]+`, `é|e`, `(?U)(a+)(a*)`, `(a){0}b`,
		`(?:(a)|(b)|(c))+`, `x{2,5}?y`, `()`, `(a?){3}a{3}`, `[[:alpha:]]+(\d)`, `\pL+`, `(?i)\x{212A}`,
	}
	inputs := []string{"", "a", "aa", "ab", "abcd", "a\nb", "\na", "ab\n", "aaab", "abc", "acbc", "kKsS\u212Aſ",
		"straße", "STRASSE", "\xff", "\xffb", "é", "e\u0301", "\xed\xa0\x80", "xxxxy", "xy", "\n\nb", "aaaa", "b",
		"Ab1", "ab_1 c", "ćd1", "\x00a", "\u212A", "ſ", "\xe2\x84", "a\xe2\x84\xaa"}
	var sc subScratch
	for _, pat := range pats {
		re := regexp.MustCompile(pat)
		c := subCase{name: pat, sub: newSubProg(re), anch: regexp.MustCompile(`\A(?:` + pat + `)`),
			anchW: regexp.MustCompile(`\A[0-9A-Za-z_](?:` + pat + `)`)}
		if c.sub == nil {
			t.Fatalf("%s: no program", pat)
		}
		for _, in := range inputs {
			for _, pre := range []string{"", "x", " ", "\n"} {
				s := pre + in
				checkSubAt(t, &c, &sc, s, len(pre), len(s))
				checkSearch(t, pat, c.sub, re, &sc, s)
			}
		}
	}
}

// TestDecodeAt: decodeAt reads every sequence as utf8.DecodeRune.
func TestDecodeAt(t *testing.T) {
	check := func(b []byte) {
		r, w := decodeAt(b, 0)
		r2, w2 := utf8.DecodeRune(b)
		if r != r2 || w != w2 {
			t.Fatalf("%x: got %U %d, want %U %d", b, r, w, r2, w2)
		}
	}
	for c := 0x80; c < 0x100; c++ {
		check([]byte{byte(c)})
		for d := 0; d < 0x100; d++ {
			check([]byte{byte(c), byte(d)})
			for _, e := range []byte{0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF} {
				check([]byte{byte(c), byte(d), e})
				for _, f := range []byte{0x41, 0x80, 0xBF, 0xC0} {
					check([]byte{byte(c), byte(d), e, f})
				}
			}
		}
	}
}

// TestSubMatchMemo: stamps wrap around and the memo grows; a long input
// beyond the memo's bound leaves the answer to the regexp.
func TestSubMatchMemo(t *testing.T) {
	var sc subScratch
	c := subCases(t)[0]
	for i := 0; i < 600; i++ {
		s := strings.Repeat(" ", i%7) + "5 years ago March 5, 1999"
		checkSubAt(t, &c, &sc, s, i%7, len(s))
	}
	long := strings.Repeat("1", subMaxMemo/max(c.sub.njoin, 1)+1)
	if _, ok := subMatch(c.sub, &sc, long, -1); ok && c.sub.njoin > 0 {
		t.Fatalf("input of %d bytes: no refusal", len(long))
	}
}

// FuzzSubmatch compares subMatch with Go's regexp for all rules at every
// start of random input, lowered and not.
func FuzzSubmatch(f *testing.F) {
	for _, s := range subTrickyTexts() {
		if len(s) < 100 {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 64 {
			return
		}
		var sc subScratch
		low, _ := lowerWindow(nil, text)
		for _, s := range []string{text, string(low)} {
			for _, c := range subCases(t) {
				for p := 0; p <= len(s); p++ {
					checkSubAt(t, &c, &sc, s, p, len(s))
				}
			}
			for _, c := range searchCases() {
				checkSearch(t, c.name, c.sub, c.anch, &sc, s)
			}
		}
	})
}

// TestNormWords: normWords is strings.Join(strings.Fields(strings.ToLower(s)), " ").
func TestNormWords(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", "a  b", " a", "a ", "A b", "a\tb", "a\nb", "ab cd ef", "É a",
		"a\u00a0b", "a\u2003b", "the end of", "THE  END", "x\vy", "x\fy", "x\ry", "\x85", "a\x85b", "1/2"} {
		if got, want := normWords(s), strings.Join(strings.Fields(strings.ToLower(s)), " "); got != want {
			t.Errorf("%q: got %q, want %q", s, got, want)
		}
	}
}

// anchWOf is st's anchW, or the one it would have for a match that
// starts at a word start.
func anchWOf(st *starter) *regexp.Regexp {
	if st.anchW != nil {
		return st.anchW.get()
	}
	return regexp.MustCompile(`\A[0-9A-Za-z_](?:` + st.anch.src[len(`\A(?:`):])
}
