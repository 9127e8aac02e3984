package temporal

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// dfaTrickyTexts are strings at the edges of the DFAs: matches at the
// ends of the text, digits against letters, non-ASCII bytes before,
// inside and after matches, empty and one-byte texts, starts right
// after a word byte (the anchW path), long runs of spaces.
func dfaTrickyTexts() []string {
	ts := []string{
		"", " ", "a", "5", "x", "ab", "\n", "-",
		"March", "1998", "5 years", "years ago", "five years ago", "at 10 p.m", "10 p.m.", "10 pm", "the 1990s",
		"x12 March12 12March 2020x 1990s 1990's 1990sx 5years 5-year-old a5 years",
		"x5 years ago ab5 pm the5 days _1999 a_March 5 since1994 Tuesday5 5Tuesday",
		"FIVE YEARS AGO, MaRcH 5TH, Sept. 11, 2001, LAST WEEK, TWO DAYS LATER",
		"5 years\u00a0ago, March\u20145, 2020, café 1999, Jan–Feb 2001, 2001–2002 –5 days, 5 days–",
		"\xff1999 1999\xff \xc31999 \xe2\x80 March \x80 5 Tuesday\u2019s 10:30\u00a0p.m. é5 years 5é years",
		"Straße STRASSE straße €2020 £ 1999 $2001 x€1999 é€ ab—x – cd — ef", "ſeptember 5, 1999, 5 \u212Am, ſunday, ſince 1994, la\u017Ft week",
		"12\n34\n", "ab", "xayay ayAy xAYx ay xay Ayx", "xab", "ab\n", "a\nc abc a-c", "x xx x1 x 1 x", "9 days\n\n9 days\n",
		"March\n5", "5\nyears ago\n", "10\tp.m.\ton Tuesday\t", "2020-01-02T10:20:30Z", "19:45 GMT",
		"the first quarter of 1998, the third quarter, a year earlier, fiscal 1999",
		"more than a decade ago, 18th century, the mid-1990s, early 2003, the end of the year",
		"about 3 1/2 hours, for two to three weeks, a couple of days, several months later",
	}
	for _, pad := range []string{" ", " \t\n", "\u00a0"} {
		ts = append(ts,
			"5"+strings.Repeat(pad, 3000)+"years ago",
			"March"+strings.Repeat(pad, 2000)+"5, 1999",
			"a"+strings.Repeat(pad, 4000)+"few days",
			strings.Repeat(pad, 1000)+"1999"+strings.Repeat(pad, 1000))
	}
	return ts
}

var dfaEngines = sync.OnceValues(func() (*Engine, *Engine) {
	e := New(append(edgeRules(), English()...))
	return e, withoutDFAs(e)
})

// withoutDFAs returns a copy of e whose starters run as before the DFAs:
// the prefix trie and the regexp at every candidate.
func withoutDFAs(e *Engine) *Engine {
	c := *e
	c.prep = append([]prepared(nil), e.prep...)
	for i := range c.prep {
		p := &c.prep[i]
		for _, st := range []**starter{&p.start, &p.startOrig} {
			if *st != nil {
				s := **st
				s.dfa, s.udfa = nil, nil
				*st = &s
			}
		}
	}
	return &c
}

// TestDFABuilt: every built-in rule gets both DFAs, so the DFA path is
// the one the other tests compare.
func TestDFABuilt(t *testing.T) {
	for _, p := range Default().prep {
		st := p.start
		if st == nil {
			st = p.startOrig
		}
		if st == nil || st.dfa == nil || st.udfa == nil {
			t.Errorf("rule %s: no DFA", p.Name)
		}
	}
}

// compareStarters checks that each starter of e finds what the same
// starter without DFAs finds, from every position of text, on the
// lowered and on the original text, with and without the text before
// the start.
func compareStarters(t *testing.T, e, plain *Engine, text string) {
	t.Helper()
	low, special := lowerWindow(nil, text)
	var sc subScratch // the DFA side finds submatches with subMatch, the other with regexp
	ws := wordStartList(nil, low)
	for i := range e.prep {
		p, q := &e.prep[i], &plain.prep[i]
		// with the list of word starts where the starter can use it,
		// and without
		wss := [][]int32{nil}
		if p.scan != nil && p.scan.use != 0 {
			wss = append(wss, ws)
		}
		for from := 0; from <= len(text); from++ {
			for _, ws := range wss {
				if p.start != nil && !special {
					if got, want := p.start.find(&sc, low, from, ws, p.scan, len(low)), q.start.find(nil, low, from, nil, nil, len(low)); !sameLoc(got, want) {
						t.Fatalf("rule %s, lowered %q from %d (word starts %v): got %v, want %v", p.Name, clip(text), from, ws != nil, got, want)
					}
				}
				if p.startOrig != nil && !special {
					for _, bot := range []bool{true, false} {
						if got, want := p.startOrig.findString(&sc, text, from, bot, ws, p.scan, len(text)), q.startOrig.findString(nil, text, from, bot, nil, nil, len(text)); !sameLoc(got, want) {
							t.Fatalf("rule %s, %q from %d (bot %v, word starts %v): got %v, want %v", p.Name, clip(text), from, bot, ws != nil, got, want)
						}
					}
				}
			}
		}
	}
}

func sameLoc(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestDFAStartersTricky(t *testing.T) {
	exhaustive(t)
	e, plain := dfaEngines()
	for _, text := range dfaTrickyTexts() {
		if len(text) > 600 {
			// every start of the long ones would be quadratic
			text = text[:300] + text[len(text)-300:]
		}
		compareStarters(t, e, plain, text)
	}
}

// TestDFAVerdicts checks the walks against the anchored expressions
// themselves: no match where the DFA says none, and the same match on
// the bounded input as on the whole rest where it says one.
func TestDFAVerdicts(t *testing.T) {
	exhaustive(t)
	e, _ := dfaEngines()
	for _, text := range dfaTrickyTexts() {
		low, _ := lowerWindow(nil, text)
		for i := range e.prep {
			st := e.prep[i].start
			s := low
			if st == nil {
				st, s = e.prep[i].startOrig, []byte(text)
			}
			if st == nil || st.dfa == nil {
				continue
			}
			for p := 0; p < len(s); p++ {
				for _, pw := range []bool{false, true} {
					re, at := st.anch.get(), p
					if pw {
						if st.anchW == nil || p == 0 || !isASCIIWord(s[p-1]) {
							continue
						}
						re, at = st.anchW.get(), p-1
					}
					v, end := dfaRun(st.dfa, s, p, pw)
					full := re.FindSubmatchIndex(s[at:])
					switch v {
					case dfaNo:
						if full != nil {
							t.Fatalf("rule %s, %q at %d: DFA says no match, regexp finds %v", e.prep[i].Name, clip(text), p, full)
						}
					case dfaYes:
						if got := re.FindSubmatchIndex(s[at:end]); full == nil || !sameLoc(got, full) {
							t.Fatalf("rule %s, %q at %d: bounded to %d %v, whole rest %v", e.prep[i].Name, clip(text), p, end, got, full)
						}
					}
				}
			}
		}
	}
}

// TestScanDFATricky compares whole scans with the reference on the
// tricky texts: one window over the whole text, the windows the
// triggers give, and windows that cut words and matches.
func TestScanDFATricky(t *testing.T) {
	exhaustive(t)
	e, _ := dfaEngines()
	sc := e.NewScanner()
	all := TDigit | TMonth | TWeekday | TWord
	for _, text := range dfaTrickyTexts() {
		winSets := [][]Window{{{Start: 0, End: len(text), Triggers: all}}, Windows(text, 0, len(text), nil)}
		for cut := 1; cut < len(text) && cut < 40; cut += 3 {
			winSets = append(winSets, []Window{{Start: 0, End: cut, Triggers: all}, {Start: cut, End: len(text), Triggers: all}})
		}
		for _, wins := range winSets {
			want := referenceScan(e, text, wins)
			got := sc.Scan(text, wins, nil)
			if !sameMentions(got, want) {
				t.Fatalf("text %q, windows %v:\n got %s\nwant %s", clip(text), wins, describe(text, got), describe(text, want))
			}
		}
	}
}

// TestDFAStateCap: rules whose DFAs would pass the cap keep the regexp
// path, with the same results.
func TestDFAStateCap(t *testing.T) {
	exhaustive(t)
	old := maxDFAStates
	maxDFAStates = 20
	e := New(append(edgeRules(), English()...))
	maxDFAStates = old
	with, without := 0, 0
	for _, p := range e.prep {
		for _, st := range []*starter{p.start, p.startOrig} {
			switch {
			case st == nil:
			case st.dfa == nil:
				without++
			default:
				with++
			}
		}
	}
	if with == 0 || without == 0 {
		t.Fatalf("cap 20: %d starters with DFAs, %d without; want some of each", with, without)
	}
	sc := e.NewScanner()
	all := TDigit | TMonth | TWeekday | TWord
	for _, text := range append(dfaTrickyTexts(), testTexts(t)[:min(len(testTexts(t)), 12)]...) {
		wins := []Window{{Start: 0, End: len(text), Triggers: all}}
		if got, want := sc.Scan(text, wins, nil), referenceScan(e, text, wins); !sameMentions(got, want) {
			t.Fatalf("text %q:\n got %s\nwant %s", clip(text), describe(text, got), describe(text, want))
		}
	}
}

// FuzzDFAScan compares the DFA path with the reference scan and with the
// starters without DFAs on random text.
func FuzzDFAScan(f *testing.F) {
	for _, s := range dfaTrickyTexts() {
		if len(s) < 200 {
			f.Add(s)
		}
	}
	f.Add("On Tuesday, March 5, 2024 at 10 p.m. GMT, three days ago, the 1990s and mid-2010.")
	f.Add("x12 March12 2020-01-02T10:20:30Z 7am 7 a.m. 19:45 10.30pm every week, weekly.")
	f.Add("ſince 1994 and the ſecond day; 5 \u212Am away on Sunday.")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 300 {
			return
		}
		e, plain := dfaEngines()
		all := TDigit | TMonth | TWeekday | TWord
		for _, wins := range [][]Window{{{Start: 0, End: len(text), Triggers: all}}, Windows(text, 0, len(text), nil)} {
			want := referenceScan(e, text, wins)
			got := e.NewScanner().Scan(text, wins, nil)
			if !sameMentions(got, want) {
				t.Fatalf("text %q:\n got %s\nwant %s", text, describe(text, got), describe(text, want))
			}
		}
		if len(text) <= 48 {
			// every start, each tried by regexp without the DFAs:
			// quadratic, so on short texts only
			compareStarters(t, e, plain, text)
		}
	})
}

// TestLiteralTable32: the literal automaton's 32-bit table, for rule
// sets too large for 16 bits, finds what the 16-bit one finds.
func TestLiteralTable32(t *testing.T) {
	e := Default()
	if e.lits.delta16 == nil {
		t.Skip("the built-in rules already use the 32-bit table")
	}
	wide := *e
	m := *e.lits
	m.delta = make([]int32, len(m.delta16))
	for i, v := range m.delta16 {
		m.delta[i] = int32(v)
	}
	m.delta16 = nil
	wide.lits = &m
	wide.litDelta = nil
	a, b := e.NewScanner(), wide.NewScanner()
	for _, text := range append(dfaTrickyTexts(), testTexts(t)...) {
		wins := Windows(text, 0, len(text), nil)
		if got, want := b.Scan(text, wins, nil), a.Scan(text, wins, nil); !sameMentions(got, want) {
			t.Fatalf("text %q:\n got %s\nwant %s", clip(text), describe(text, got), describe(text, want))
		}
		a.hold()
		b.hold()
		a.findLiterals(text)
		b.findLiterals(text)
		if !sameLoc(toInts64(a.found), toInts64(b.found)) {
			t.Fatalf("text %q: literals %v / %v", clip(text), a.found, b.found)
		}
		a.release()
		b.release()
	}
}

func toInts64(v []uint64) []int {
	out := make([]int, len(v))
	for i, x := range v {
		out[i] = int(x)
	}
	return out
}

// TestWordStarts: the word starts listed as a window is lowered are
// those of wordStartList, and the window is lowered as byte by byte.
func TestWordStarts(t *testing.T) {
	texts := append(dfaTrickyTexts(), testTexts(t)...)
	texts = append(texts, "", "a", "_x_ y", "12345678abcdefgh", "ABCDEFGH_ijklmnop QRSTUVW\x80\xff xyz[`@{", "é1234567", "1234567é")
	for _, text := range texts {
		for _, w := range []int{len(text), 7, 8, 9, 17} {
			if w > len(text) {
				continue
			}
			s := text[:w]
			low, ws, special, ascii := lowerWindowWS([]byte("pre"), []int32{-1}, s)
			want := []byte("pre")
			for i := 0; i < len(s); i++ {
				c := s[i]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				want = append(want, c)
			}
			if string(low) != string(want) {
				t.Fatalf("%q: lowered %q", s, low)
			}
			if wantWS := wordStartList([]int32{-1}, []byte(s)); !slices.Equal(ws, wantWS) {
				t.Fatalf("%q: word starts %v, want %v", s, ws, wantWS)
			}
			if want := strings.Contains(s, "\u017F") || strings.Contains(s, "\u212A"); special != want {
				t.Fatalf("%q: special %v", s, special)
			}
			if want := !strings.ContainsFunc(s, func(r rune) bool { return r >= utf8.RuneSelf }); ascii != want {
				t.Fatalf("%q: ascii %v", s, ascii)
			}
		}
	}
}

// TestWordStartRules: the built-in rules read the word starts (all but
// one of them both ways), so the tests compare that path.
func TestWordStartRules(t *testing.T) {
	both := 0
	for _, p := range Default().prep {
		if p.scan != nil && p.scan.use == wsScan|wsCand {
			both++
		}
	}
	if both < len(Default().prep)*3/4 {
		t.Errorf("%d of %d rules read the word starts both ways", both, len(Default().prep))
	}
}
