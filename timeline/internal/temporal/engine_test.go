package temporal

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/olebedev/when/rules"
)

// whenRule returns the rule's When with its expression.
func (r *Rule) whenRule() rules.F {
	f := r.When
	f.RegExp = r.Regexp()
	return f
}

// referenceScan is the engine without its shortcuts: every rule whose
// Needs the window holds, run by rules.F.Find on the original text,
// again after each match. Scanner.Scan must give exactly its results.
func referenceScan(e *Engine, text string, windows []Window) []Mention {
	var out []Mention
	for _, w := range windows {
		sub := text[w.Start:w.End]
		for _, r := range e.rules {
			if r.Needs != 0 && w.Triggers&r.Needs == 0 {
				continue
			}
			f := r.whenRule()
			pos := 0
			for pos < len(sub) {
				m := f.Find(sub[pos:])
				if m == nil {
					break
				}
				left, right := m.Left, m.Right
				if right <= left {
					pos += max(right, 1)
					continue
				}
				var c rules.Context
				ok, err := m.Apply(&c, e.opts, time.Time{})
				if err == nil && ok {
					men := Mention{
						Start: w.Start + pos + left, End: w.Start + pos + right,
						Rule: r.Name, Priority: r.Priority,
						Year: c.Year, Month: c.Month, Weekday: c.Weekday, Day: c.Day,
						Hour: c.Hour, Minute: c.Minute, Second: c.Second,
						Offset: c.Duration, Location: c.Location,
					}
					if r.Extend == nil || r.Extend(m, &men.Extra) {
						out = append(out, men)
					}
				}
				pos += right
			}
		}
	}
	if len(out) < 2 {
		return out
	}
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := &out[order[a]], &out[order[b]]
		if lx, ly := x.End-x.Start, y.End-y.Start; lx != ly {
			return lx > ly
		}
		if x.Priority != y.Priority {
			return x.Priority > y.Priority
		}
		return x.Start < y.Start
	})
	var kept []Mention
	for _, i := range order {
		m := out[i]
		clash := false
		for _, k := range kept {
			if m.Start < k.End && k.Start < m.End {
				clash = true
				break
			}
		}
		if !clash {
			kept = append(kept, m)
		}
	}
	sort.Slice(kept, func(a, b int) bool { return kept[a].Start < kept[b].Start })
	return kept
}

// testTexts returns text to compare the engine with the reference on:
// hand-written cases, the seed article and, when present, the TBAQ
// texts.
func testTexts(t *testing.T) []string {
	texts := []string{
		"On Tuesday, March 5, 2024 at 10 p.m. GMT, three days ago, the 1990s and mid-2010.",
		"SINCE 1994 THE TALKS; LAST WEEK; NEXT MONDAY MORNING; a couple of years later.",
		"x12 March12 2020-01-02T10:20:30Z 7am 7 a.m. 19:45 10.30pm every week, weekly.",
		"ſince 1994 and the ſecond day; 5 \u212Am away on Sunday.",
		"on Tueſday, a wee\u212A ago, la\u017Ft week, this \u212Aind of thing in thiſ year",
		"Ten-year-old, two-week-long, the past, the future, nowadays, 25 December 2019.",
		"He said... tomorrow? Yesterday! Tonight, 3 Jan. 2001 and Sept. 11 and 11 Sept 01.",
		"a few decades ago, several months later, in the early 1980s, the end of 2003",
		"\xff\xfe 2020 \xc3 May 5 \xe2\x84 1999",
	}
	root, _ := os.Getwd()
	for dir := root; ; dir = filepath.Dir(dir) {
		if raw, err := os.ReadFile(filepath.Join(dir, "seeds", "000_b4ef29c311dfde9a.txt")); err == nil {
			texts = append(texts, string(raw))
		}
		if matches, _ := filepath.Glob(filepath.Join(dir, "shared", "data", "tbaq", "*", "*.tml")); len(matches) > 0 {
			tag := regexp.MustCompile(`<[^>]*>`)
			for _, f := range matches {
				raw, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				s := string(raw)
				if i, j := strings.Index(s, "<TEXT>"), strings.Index(s, "</TEXT>"); i >= 0 && j > i {
					texts = append(texts, tag.ReplaceAllString(s[i+6:j], ""))
				}
			}
			break
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	return texts
}

func TestScanMatchesReference(t *testing.T) {
	exhaustive(t)
	e := Default()
	sc := e.NewScanner()
	n := 0
	for k, text := range testTexts(t) {
		// by paragraph, as sentences would be, and (the first texts)
		// whole
		var spans [][2]int
		if k < 40 {
			spans = append(spans, [2]int{0, len(text)})
		}
		start := 0
		for i := 0; i+1 < len(text); i++ {
			if text[i] == '\n' && text[i+1] == '\n' {
				spans = append(spans, [2]int{start, i})
				start = i + 2
			}
		}
		spans = append(spans, [2]int{start, len(text)})
		for _, sp := range spans {
			wins := Windows(text, sp[0], sp[1], nil)
			want := referenceScan(e, text, wins)
			got := sc.Scan(text, wins, nil)
			n += len(got)
			if !sameMentions(got, want) {
				t.Errorf("text %q:\n got %s\nwant %s", clip(text[sp[0]:sp[1]]), describe(text, got), describe(text, want))
			}
		}
	}
	t.Logf("%d mentions compared", n)
}

func sameMentions(a, b []Mention) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x.Start != y.Start || x.End != y.End || x.Rule != y.Rule ||
			!sameInt(x.Year, y.Year) || !sameInt(x.Month, y.Month) || !sameInt(x.Day, y.Day) ||
			!sameInt(x.Weekday, y.Weekday) || !sameInt(x.Hour, y.Hour) || !sameInt(x.Minute, y.Minute) ||
			!sameInt(x.Second, y.Second) || x.Offset != y.Offset || x.Location != y.Location ||
			!sameExtra(x.Extra, y.Extra) {
			return false
		}
	}
	return true
}

func sameExtra(a, b Extra) bool {
	ra, rb := a.Rel, b.Rel
	a.Rel, b.Rel = nil, nil
	if a != b {
		return false
	}
	return ra == nil && rb == nil || ra != nil && rb != nil && *ra == *rb
}

func sameInt(a, b *int) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

func describe(text string, ms []Mention) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString("[" + m.Rule + " " + text[m.Start:m.End] + "] ")
	}
	return b.String()
}

func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}

// TestScanEdgeRules compares odd rules with the reference: matches that
// start inside a word, a case-sensitive expression, anchors, an
// expression that matches the empty string, groups that take no part,
// and a non-ASCII case-folded literal.
func TestScanEdgeRules(t *testing.T) {
	exhaustive(t)
	rs := append(edgeRules(), English()...)
	e := New(rs)
	sc := e.NewScanner()
	texts := testTexts(t)
	texts = append(texts[:min(len(texts), 40)], "STRASSE Straße straße 12km 3 kg xx x MAY 4 May 4 march 5 March 5 abc bc ac", "word\nline\n",
		"a few days, a  few\tdays, a\n\ncouple day, x y x  y x\ty, a b a  b a \t b, a  c a c a c, q q\n", "a\x01b \x01 ", "€2020 £ 1999 $2001 x€1999 é€ \x80x \xe2\x82x ab—x – cd — ef")
	for _, text := range texts {
		wins := []Window{{Start: 0, End: len(text), Triggers: TDigit | TMonth | TWeekday | TWord}}
		want := referenceScan(e, text, wins)
		got := sc.Scan(text, wins, nil)
		if !sameMentions(got, want) {
			t.Errorf("text %q:\n got %s\nwant %s", clip(text), describe(text, got), describe(text, want))
		}
	}
}

// edgeRules are odd rules for the comparisons with the reference: see
// TestScanEdgeRules; the last ones test each assertion at the ends of
// matches.
func edgeRules() []*Rule {
	raw := func(name, pattern string) *Rule {
		r := &Rule{Name: name, Priority: 1}
		r.When = rules.F{RegExp: regexp.MustCompile(pattern), Applier: func(*rules.Match, *rules.Context, *rules.Options, time.Time) (bool, error) { return true, nil }}
		return r
	}
	rs := []*Rule{
		raw("inword", `(?i)(\d+)\s*(km|kg|s)`),
		raw("cased", `([A-Z][a-z]+)\s+(\d{4})`),
		raw("cased-lit", `(March|MAY)\s+(\d+)`),
		raw("begin", `(?i)^(\w+)`),
		raw("line", `(?im)^(\w+)$`),
		raw("nullable", `(?i)(x*)`),
		raw("groups", `(?i)(?:(a)|(b))(c)`),
		raw("fold", `(?i)\b(?:the\s+)?(ſecond|straße)\b`),
		raw("nocapture", `(?i)\bweek\b`),
		raw("dot", `(?i)(.)ay\b`),
		raw("nb", `(?i)\B(ay)`),
		raw("ws1", `(?i)\b(a)\s+(few|couple)\s+(days?)`),
		raw("ws2", `(?i)(x)\s+\s*(y)`),
		raw("ws3", `(?i)(a)\s{2,}(b)`),
		raw("ws4", `(?i)(a)(?:\s+| )(?: |c)`),
		raw("ws5", `(?i)(q)\s+`),
		raw("cur", `(?i)(?:([$€£])\s*)?\b(\d{4})\b`),
		raw("any-nonascii", `([^a-z ]{2})x`),
		raw("dash", `(\s[-–—]\s)(\w+)`),
		raw("end", `(?i)(\d+)$`),
		raw("endline", `(?im)(\d+)$`),
		raw("endtext", `(?i)(ab)\z`),
		raw("nb-digit", `(?i)\B(\d)\b`),
		raw("nb-end", `(?i)(\d+)\B`),
		raw("dot-nl", `(?s)(a.c)`),
		raw("dot-nonl", `(a.c)`),
		raw("x-num", `(?i)x(\d+)\b`),
		raw("boundary-both", `(?i)(\bx\b)`),
		raw("nb-cased", `\B(AY|ay)\b`),
		raw("wb-cased", `\b(Ay|x)`),
		raw("fold-cased", `(?i)(sunday|kilo)(?-i:[A-Z]?)`),
	}
	return rs
}

// referenceWindows is Windows as first written: all tokens first, then
// the windows.
func referenceWindows(text string, from, to int) []Window {
	type token struct {
		start, end int
		trig       Trigger
	}
	var toks []token
	var buf [16]byte
	for i := from; i < to; {
		if !isWordByte(text[i]) {
			i++
			continue
		}
		j := i
		var trig Trigger
		for j < to && isWordByte(text[j]) {
			if text[j] >= '0' && text[j] <= '9' {
				trig = TDigit
			}
			j++
		}
		if trig == 0 && j-i <= len(buf) {
			w := lowerASCII(buf[:0], text[i:j])
			switch {
			case months[string(w)] != 0:
				trig = TMonth
			case hasWeekday(w):
				trig = TWeekday
			case keywords[string(w)]:
				trig = TWord
			}
		}
		toks = append(toks, token{i, j, trig})
		i = j
	}
	var out []Window
	last := -1
	var cur Window
	for k, t := range toks {
		if t.trig == 0 {
			continue
		}
		lo := max(k-context, 0)
		hi := min(k+context, len(toks)-1)
		if last >= 0 && lo <= last {
			cur.End = toks[hi].end
			cur.Triggers |= t.trig
			last = hi
			continue
		}
		if last >= 0 {
			out = append(out, cur)
		}
		cur = Window{Start: toks[lo].start, End: toks[hi].end, Triggers: t.trig}
		last = hi
	}
	if last >= 0 {
		out = append(out, cur)
	}
	return out
}

func TestWindowsMatchReference(t *testing.T) {
	texts := append(testTexts(t), "", "now", "x now y", "a b c d e f g h i j k l m n o p 2020 q r s t u v w x y z 2021",
		"Mondays thus Suns MAY may 1 2 3 4 5 6 7 8 9 10 11", "a b c d e f 1 g h i j k l m n o 2")
	for _, text := range texts {
		for _, sp := range [][2]int{{0, len(text)}, {len(text) / 3, len(text) / 2}} {
			got := Windows(text, sp[0], sp[1], nil)
			want := referenceWindows(text, sp[0], sp[1])
			if len(got) != len(want) {
				t.Fatalf("%q: got %d windows %v, want %d %v", clip(text[sp[0]:sp[1]]), len(got), got, len(want), want)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Fatalf("%q: window %d: got %v, want %v", clip(text[sp[0]:sp[1]]), i, got[i], want[i])
				}
			}
		}
	}
}

// TestRemember: windows remembered from a scan by lines come back, the
// same as a new scan gives, in a later scan by paragraphs.
func TestRemember(t *testing.T) {
	e := Default()
	texts := testTexts(t)
	// the first 60: without the corpora, there are fewer
	for _, text := range texts[:min(60, len(texts))] {
		sc := e.NewScanner()
		sc.Remember(true)
		for from := 0; from < len(text) && from < 2048; {
			to := strings.IndexByte(text[from:], '\n')
			if to < 0 {
				to = len(text)
			} else {
				to += from
			}
			sc.Scan(text, Windows(text, from, to, nil), nil)
			from = to + 1
		}
		sc.Remember(false)
		fresh := e.NewScanner()
		for from := 0; from < len(text); {
			to := strings.Index(text[from:], "\n\n")
			if to < 0 {
				to = len(text)
			} else {
				to += from
			}
			wins := Windows(text, from, to, nil)
			got, want := sc.Scan(text, wins, nil), fresh.Scan(text, wins, nil)
			if !sameMentions(got, want) {
				t.Fatalf("%q:\n got %s\nwant %s", clip(text[from:to]), describe(text, got), describe(text, want))
			}
			from = to + 2
		}
	}
}

// TestCapIndex: the group index of every built-in rule gives what its
// map gives, for its names and for names it does not have.
func TestCapIndex(t *testing.T) {
	for _, r := range English() {
		index := map[string][]int{}
		for i, n := range r.Regexp().SubexpNames() {
			if n != "" {
				index[n] = append(index[n], i-1)
			}
		}
		big := map[string][]int{}
		for i := range 60 {
			big[fmt.Sprint("g", i)] = []int{i}
		}
		for _, m := range []map[string][]int{index, big} {
			x := newCapIndex(m)
			for n, want := range m {
				if got := x.of(n); !slices.Equal(got, want) {
					t.Fatalf("rule %s, %q: got %v, want %v", r.Name, n, got, want)
				}
			}
			for _, n := range []string{"", "x", "zz", "year2", "mod_", "nope"} {
				if got := x.of(n); !slices.Equal(got, m[n]) {
					t.Fatalf("rule %s, %q: got %v, want %v", r.Name, n, got, m[n])
				}
			}
		}
	}
}

// refDurationValue is durationValue as first written.
func refDurationValue(n float64, u Gran) string {
	q := "X"
	if n >= 0 {
		// halves of years and days are written in the next unit down
		if n != float64(int(n)) {
			switch u {
			case GYear:
				return fmt.Sprintf("P%dY%dM", int(n), int((n-float64(int(n)))*12+0.5))
			case GDay:
				return fmt.Sprintf("P%dDT%dH", int(n), int((n-float64(int(n)))*24+0.5))
			case GHour:
				return fmt.Sprintf("PT%dH%dM", int(n), int((n-float64(int(n)))*60+0.5))
			case GMinute:
				return fmt.Sprintf("PT%dM%dS", int(n), int((n-float64(int(n)))*60+0.5))
			}
		}
		q = strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", n), "0"), ".")
		if strings.HasPrefix(q, "0.") && n > 0 {
			q = strings.TrimPrefix(q, "0")
		}
	}
	switch u {
	case GSecond:
		return "PT" + q + "S"
	case GMinute:
		return "PT" + q + "M"
	case GHour:
		return "PT" + q + "H"
	case GDay:
		return "P" + q + "D"
	case GWeek:
		return "P" + q + "W"
	case GMonth:
		return "P" + q + "M"
	case GQuarter:
		return "P" + q + "Q"
	case GYear:
		return "P" + q + "Y"
	case GDecade:
		return "P" + q + "DE"
	case GCentury:
		return "P" + q + "CE"
	case GMillennium:
		return "P" + q + "ML"
	}
	return ""
}

// TestDurationValue: durationValue writes what it first wrote.
func TestDurationValue(t *testing.T) {
	for _, n := range []float64{-1, 0, 1, 2, 10, 12, 100, 1000, 2.5, 0.5, 1.25, 0.333, 1e14, 1e15, 1e16, 123456789, 99.999} {
		for u := GUnknown; u <= GSecond; u++ {
			if got, want := durationValue(n, u), refDurationValue(n, u); got != want {
				t.Errorf("%v %v: got %q, want %q", n, u, got, want)
			}
		}
	}
}
