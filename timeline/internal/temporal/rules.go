package temporal

import (
	"slices"
	"strings"
	"time"

	"github.com/olebedev/when/rules"
)

// The English rules are split by subject: rules_date.go (calendar dates,
// years, decades, centuries, seasons, quarters), rules_time.go (clock
// times and parts of day), rules_relative.go (deictic and anaphoric
// expressions), rules_duration.go (durations, sets, vague references).
//
// Each rule is a regular expression with named groups and a fill function
// that reads them. The extent of a match is the whole match, unless the
// pattern marks it with ⟨ and ⟩ (for a leading or trailing word that must
// be present but is not part of the TIMEX3, such as "for" in "for
// years"); the part before ⟨ must hold no capturing group.

// caps gives the named groups of a match.
type caps struct {
	v     []string
	index *capIndex
}

// g returns the first non-empty group called name. It probes the
// index itself (of, inline, without its checks of a map and of the
// empty name when the index has neither): an applier reads a dozen
// names a match.
func (c caps) g(name string) string {
	x := c.index
	if x.big != nil || name == "" {
		return c.first(x.of(name))
	}
	key := nameKey(name)
	for k := capSlot(name); ; k = (k + 1) & 63 {
		e := x.slot[k]
		if e == 0 {
			return ""
		}
		if x.keys[k] == key && sameName(x.names[e-1], name) {
			return c.first(x.idx[e-1])
		}
	}
}

// first returns the first non-empty capture of the groups idx.
func (c caps) first(idx []int) string {
	for _, i := range idx {
		if i < len(c.v) && c.v[i] != "" {
			return c.v[i]
		}
	}
	return ""
}

// capIndex maps the group names of a rule to their indices in a match's
// captures: an appliers reads a dozen names a match, and a map lookup
// hashes the whole name. Here a name's slot comes from its length and
// its first and last bytes, in a table of 64 (the names of a rule are
// fewer than 48; a rule with more keeps a map).
type capIndex struct {
	slot [64]uint8 // entry + 1, or 0: free
	// keys[k] is the nameKey of the name of slot k: a probe compares
	// it, and then the bytes between the first and the last, rather
	// than the whole names with a call to memequal
	keys  [64]uint32
	names []string
	idx   [][]int
	big   map[string][]int
}

func capSlot(name string) uint {
	n := len(name)
	if n == 0 {
		return 0
	}
	return (uint(n)*7 + uint(name[0])*3 + uint(name[n-1])*5) & 63
}

// nameKey packs the length and the first and last bytes of a name.
func nameKey(name string) uint32 {
	n := len(name)
	return uint32(n)<<16 | uint32(name[0])<<8 | uint32(name[n-1])
}

func newCapIndex(index map[string][]int) *capIndex {
	x := &capIndex{}
	if _, empty := index[""]; empty || len(index) >= 48 {
		x.big = index
		return x
	}
	names := make([]string, 0, len(index))
	for n := range index {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		k := capSlot(n)
		for x.slot[k] != 0 {
			k = (k + 1) & 63
		}
		x.names = append(x.names, n)
		x.idx = append(x.idx, index[n])
		x.slot[k] = uint8(len(x.names))
		if n != "" {
			x.keys[k] = nameKey(n)
		}
	}
	return x
}

// of returns the indices of the groups called name.
func (x *capIndex) of(name string) []int {
	if x.big != nil {
		return x.big[name]
	}
	if name == "" {
		// an index with the empty name keeps its map
		return nil
	}
	key := nameKey(name)
	for k := capSlot(name); ; k = (k + 1) & 63 {
		e := x.slot[k]
		if e == 0 {
			return nil
		}
		if x.keys[k] == key && sameName(x.names[e-1], name) {
			return x.idx[e-1]
		}
	}
}

// sameName reports whether a == b, for names of the same nameKey:
// short, so compared byte by byte.
func sameName(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 1; i < len(a)-1; i++ {
		if a[i] != b[i] {
			return false
		}
	}
	return a[0] == b[0]
}

// l returns g(name) in lower case with single spaces.
func (c caps) l(name string) string {
	return normWords(c.g(name))
}

// normWords is s in lower case with single spaces between its words,
// as strings.Join(strings.Fields(strings.ToLower(s)), " "), without
// allocating when s is so already (ASCII with no upper case, no other
// space than single ' ' between words), as most captures are.
func normWords(s string) string {
	ok := len(s) == 0 || s[0] != ' ' && s[len(s)-1] != ' '
	for i := 0; ok && i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80, c >= 'A' && c <= 'Z', c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			ok = false
		case c == ' ' && s[i-1] == ' ':
			ok = false
		}
	}
	if ok {
		return s
	}
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// fill reads a match into a when Context (calendar fields) and an Extra.
// It may reject the match by returning false.
type fill func(c caps, x *rules.Context, e *Extra) bool

// rule builds a Rule from a pattern with named groups.
func rule(name string, prio int, needs Trigger, pattern string, f fill) *Rule {
	p := pattern
	if strings.Contains(p, "⟨") {
		p = strings.Replace(p, "⟨", "()", 1)
	} else {
		p = "()" + p
	}
	if strings.Contains(p, "⟩") {
		p = strings.Replace(p, "⟩", "()", 1)
	} else {
		p += "()"
	}
	// the rules run caseless
	src := `(?i)` + p
	index := map[string][]int{}
	// Captures of a when Match hold every group but the whole match, so
	// group i is Captures[i-1].
	for i, n := range subexpNames(src) {
		if n != "" {
			index[n] = append(index[n], i-1)
		}
	}
	cx := newCapIndex(index)
	r := &Rule{Name: name, Priority: prio, Needs: needs, re: &lazyRegexp{src: src}}
	r.When = rules.F{
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, _ time.Time) (bool, error) {
			var e Extra
			return f(caps{m.Captures, cx}, c, &e), nil
		},
	}
	r.Extend = func(m *rules.Match, x *Extra) bool {
		var c rules.Context
		return f(caps{m.Captures, cx}, &c, x)
	}
	// the Applier and Extend above each run f and throw away half of
	// what it fills; the scan runs it once for both
	r.both = func(m *rules.Match, c *rules.Context, x *Extra) bool {
		return f(caps{m.Captures, cx}, c, x)
	}
	return r
}

// English returns the built-in English rules.
func English() []*Rule {
	var rs []*Rule
	rs = append(rs, dateRules()...)
	rs = append(rs, timeRules()...)
	rs = append(rs, relativeRules()...)
	rs = append(rs, durationRules()...)
	return rs
}

// Shared pattern pieces.
const (
	// modPat is a written modifier before a date: "early", "mid-", "the
	// end of".
	modPat    = `(?P<mod>early|earlier|mid|middle|late|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+latter\s+part\s+of|the\s+early\s+part\s+of|the\s+latter\s+half\s+of|end\s+of|beginning\s+of|start\s+of|middle\s+of|the\s+close\s+of|the\s+dawn\s+of|the\s+turn\s+of|(?:early|late|later|earlier)\s+in)`
	ordSuffix = `(?:st|nd|rd|th)?`
	bcPat     = `(?P<bc>B\.\s?C\.?(?:E\.?)?|BCE|BC)`
	// podPre reads "the night of", "the early morning hours of", "early
	// in the morning of" before a date.
	podPre = `(?:(?:(?P<pmod>early|late)\s+(?:in\s+)?)?the\s+(?:early\s+|late\s+)?(?P<pod>morning|afternoon|evening|night)(?:\s+hours)?\s+of\s+)?`
	// zonePat is a time zone after a clock time.
	zonePat = `(?P<zone>GMT|UTC|Z|BST|CET|CEST|EET|EEST|WET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|MSK|IST|JST|KST|AEST|AEDT|HKT|SGT|(?:[A-Z][a-z]+\s+)?(?:local\s+)?time)`
)

// mods maps written modifiers to TIMEX3 mods.
var mods = map[string]string{
	"early": "START", "the beginning of": "START", "the start of": "START", "beginning of": "START",
	"start of": "START", "the early part of": "START", "the dawn of": "START", "early in": "START",
	"mid": "MID", "middle": "MID", "the middle of": "MID", "middle of": "MID", "the turn of": "MID",
	"late": "END", "the end of": "END", "end of": "END", "the latter part of": "END",
	"the close of": "END", "late in": "END", "the latter half of": "END",
}

func modOf(s string) string {
	return mods[normWords(s)]
}

// approxMods maps quantity modifiers of durations to TIMEX3 mods.
var approxMods = map[string]string{
	"about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
	"some": "APPROX", "ca.": "APPROX", "ca": "APPROX", "c.": "APPROX", "circa": "APPROX", "nearly": "LESS_THAN",
	"almost": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN", "less than": "LESS_THAN",
	"under": "LESS_THAN", "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
	"no more than": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "fewer than": "LESS_THAN",
	"within": "EQUAL_OR_LESS",
}

func capitalized(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// setYMD sets a full date, refusing dates the calendar does not have
// (February 30, month 13, year 0).
func setYMD(x *rules.Context, y, m, d int) bool {
	// year 1 is refused too: "0001-01-01" is the zero time that Go and
	// .NET print for a missing date, and its first instant is
	// time.Time's zero, which Timex.Resolved reads as "no interval"
	if m < 1 || m > 12 || y < 2 || !validDay(y, m, d) {
		return false
	}
	x.Year, x.Month, x.Day = ptr(y), ptr(m), ptr(d)
	return true
}

// setMD sets a month and day with no year; February 29 is allowed.
func setMD(x *rules.Context, m, d int) bool {
	if m < 1 || m > 12 || !validDay(2000, m, d) {
		return false
	}
	x.Month, x.Day = ptr(m), ptr(d)
	return true
}

func validDay(y, m, d int) bool {
	if d < 1 || d > 31 || m < 1 || m > 12 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

// setClock sets a clock time; ampm starts with "a" or "p" for 12-hour
// times. It refuses hours and minutes the clock does not have.
func setClock(x *rules.Context, h, m, s, ampm string) bool {
	hh, ok := atoi(h)
	if !ok {
		return false
	}
	mm := 0
	if m != "" {
		if mm, ok = atoi(m); !ok || mm > 59 {
			return false
		}
	}
	switch a := strings.ToLower(ampm); {
	case strings.HasPrefix(a, "a"):
		if hh < 1 || hh > 12 {
			return false
		}
		if hh == 12 {
			hh = 0
		}
	case strings.HasPrefix(a, "p"):
		if hh < 1 || hh > 12 {
			return false
		}
		if hh != 12 {
			hh += 12
		}
	}
	if hh > 24 || hh == 24 && mm > 0 {
		return false
	}
	x.Hour, x.Minute = ptr(hh), ptr(mm)
	if s != "" {
		ss, ok := atoi(s)
		if !ok || ss > 59 {
			return false
		}
		x.Second = ptr(ss)
	}
	return true
}

func partOfDay(s string) string {
	switch strings.ToLower(strings.TrimSuffix(strings.ToLower(s), "s")) {
	case "morning", "dawn", "daybreak", "sunrise":
		return "MO"
	case "afternoon":
		return "AF"
	case "evening", "dusk", "sunset":
		return "EV"
	case "day", "daytime":
		return "DT"
	}
	return "NI"
}

func unitGran(s string) Gran {
	s = strings.ToLower(s)
	switch {
	case strings.HasPrefix(s, "sec"):
		return GSecond
	case strings.HasPrefix(s, "min"):
		return GMinute
	case strings.HasPrefix(s, "hour"):
		return GHour
	case strings.HasPrefix(s, "day"), strings.HasPrefix(s, "night"):
		return GDay
	case strings.HasPrefix(s, "week"), strings.HasPrefix(s, "fortnight"):
		return GWeek
	case strings.HasPrefix(s, "month"):
		return GMonth
	case strings.HasPrefix(s, "quarter"):
		return GQuarter
	case strings.HasPrefix(s, "year"):
		return GYear
	case strings.HasPrefix(s, "decade"):
		return GDecade
	case strings.HasPrefix(s, "centur"):
		return GCentury
	case strings.HasPrefix(s, "millenni"):
		return GMillennium
	}
	return GUnknown
}
