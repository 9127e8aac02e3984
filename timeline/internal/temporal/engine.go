// Package temporal finds temporal expressions with rules built on the
// github.com/olebedev/when rule engine. It is the only package of eventline
// that imports when, so none of when's types reach the public API.
//
// A rule is a when rules.F (a regular expression and an applier that fills
// a when rules.Context) plus an optional Extend function for what a when
// Context cannot carry (durations, decades, seasons, modifiers…). The engine
// runs every rule over every candidate window, taking every match rather
// than when.Parser's first cluster, and maps match offsets back to the
// input.
package temporal

import (
	"regexp"
	"slices"
	"sort"
	"time"

	"github.com/olebedev/when"
	"github.com/olebedev/when/rules"
)

// Rule is one temporal rule.
type Rule struct {
	// Name identifies the rule in results and diagnostics.
	Name string
	// Priority breaks ties between overlapping matches of equal length:
	// higher wins.
	Priority int
	// Needs is the set of trigger classes a window must hold for the rule
	// to run there; zero means any window.
	Needs Trigger
	// When is the when rule: its RegExp gives the extent (from the first to
	// the last matched capture group, as in rules.F.Find) and its Applier
	// fills the calendar fields of a rules.Context.
	When rules.F
	// Extend records what a rules.Context cannot carry. It may reject the
	// match by returning false.
	Extend func(m *rules.Match, x *Extra) bool
}

// Kind says what sort of value a mention names.
type Kind int

// Mention kinds.
const (
	Point  Kind = iota // a date or time, absolute or relative
	Length             // a duration: "five years"
	Repeat             // a set: "every year", "weekly"
	Vague              // PRESENT_REF, PAST_REF, FUTURE_REF
)

// Gran mirrors timeline.Granularity (same order, same values).
type Gran int

// Granularities, coarse to fine.
const (
	GUnknown Gran = iota
	GMillennium
	GCentury
	GDecade
	GYear
	GHalf
	GSeason
	GQuarter
	GMonth
	GWeek
	GDay
	GPartOfDay
	GHour
	GMinute
	GSecond
)

// Rel is a shift in calendar units from the anchor: N=-1 "last", 0 "this",
// +1 "next", -2 "two … ago".
type Rel struct {
	Unit Gran
	N    int
}

// Extra is what a rule records beyond a when rules.Context.
type Extra struct {
	Kind Kind
	// Gran overrides the granularity read from the Context fields
	// (decade, century, season, quarter, week, part of day).
	Gran Gran
	// Season ("SP", "SU", "FA", "WI"), Quarter or Half (1-based), and part
	// of day ("MO", "AF", "EV", "NI") refine Year.
	Season    string
	Quarter   int
	Half      int
	PartOfDay string
	// Rel, when set, shifts the anchor by calendar units.
	Rel *Rel
	// Value is the literal TIMEX3 value of durations, sets and vague
	// references ("P5Y", "PRESENT_REF").
	Value string
	// Mod is the TIMEX3 mod (START, MID, END, APPROX, MORE_THAN…).
	Mod string
	// BC marks a year before the common era.
	BC bool
	// Open marks "since X": an interval that starts at X and stays open.
	Open bool
	// Tensed marks a value whose direction from the anchor depends on the
	// sentence's tense (a bare weekday or month).
	Tensed bool
	// Dir fixes the direction of a weekday or month from the anchor: -1
	// the latest before it ("last Tuesday"), +1 the next after it.
	Dir int
	// Story marks an offset from the date last mentioned ("two days
	// later", "the previous day") rather than from the DCT.
	Story bool
	// TwoDigitYear marks a year written with two digits ('94).
	TwoDigitYear bool
	// Latest marks "the quarter", "the latest period": the period of
	// its granularity last under discussion, or else the last one
	// completed before the anchor.
	Latest bool
	// YearAgo marks "a year ago", "year-earlier": next to quarterly
	// figures, the same quarter a year before.
	YearAgo bool
	// Holiday names a holiday whose day moves with the year
	// ("thanksgiving", "easter"); Month holds its month.
	Holiday string
}

// Mention is one match of a rule, in input offsets.
type Mention struct {
	Start, End int
	Rule       string
	Priority   int
	// Calendar fields read from the when Context; nil when not set.
	Year, Month, Weekday, Day, Hour, Minute, Second *int
	// Offset is the when Context's relative duration ("two hours ago").
	Offset   time.Duration
	Location *time.Location
	Extra
}

// Engine holds compiled rules. It is immutable after New and safe for
// concurrent use.
type Engine struct {
	rules []*Rule
	// parser is a private when.Parser over the same rules, for callers that
	// want when's own first-cluster semantics (the dateline reader).
	parser *when.Parser
	opts   *rules.Options
}

// New returns an engine over the given rules, in the given order.
func New(rs []*Rule) *Engine {
	opts := &rules.Options{Distance: 5, MatchByOrder: true, Morning: 8, Noon: 12, Afternoon: 15, Evening: 19}
	p := when.New(opts)
	for _, r := range rs {
		p.Add(&r.When)
	}
	return &Engine{rules: rs, parser: p, opts: opts}
}

// Default returns an engine over the built-in English rules.
func Default() *Engine { return New(English()) }

// Rules returns the engine's rules in order.
func (e *Engine) Rules() []*Rule { return e.rules }

// ParseFirst runs the private when.Parser over text and returns the first
// cluster's offsets and time, with base as when's reference time. It never
// falls back to the wall clock: a zero base is refused.
func (e *Engine) ParseFirst(text string, base time.Time) (start, end int, t time.Time, ok bool) {
	if base.IsZero() {
		return 0, 0, time.Time{}, false
	}
	r, err := e.parser.Parse(text, base)
	if err != nil || r == nil {
		return 0, 0, time.Time{}, false
	}
	return r.Index, r.Index + len(r.Text), r.Time, true
}

// Scan runs every rule over each window of text and returns the mentions
// kept after overlaps are settled (longer wins, then priority, then
// earlier), in text order. ref is handed to the appliers; rules in this
// package do not read it, so resolution can happen later against the
// right anchor.
func (e *Engine) Scan(text string, windows []Window, out []Mention) []Mention {
	start := len(out)
	for _, w := range windows {
		sub := text[w.Start:w.End]
		for _, r := range e.rules {
			if r.Needs != 0 && w.Triggers&r.Needs == 0 {
				continue
			}
			out = e.runRule(r, sub, w.Start, out)
		}
	}
	found := out[start:]
	kept := settle(found)
	return append(out[:start], kept...)
}

// runRule takes every match of r in sub, not only the first as
// rules.F.Find does, by finding again after each match.
func (e *Engine) runRule(r *Rule, sub string, base int, out []Mention) []Mention {
	pos := 0
	for pos < len(sub) {
		m := r.When.Find(sub[pos:])
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
				Start: base + pos + left, End: base + pos + right,
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
	return out
}

// settle keeps a set of non-overlapping mentions: longest first, then
// higher priority, then earliest.
func settle(ms []Mention) []Mention {
	if len(ms) < 2 {
		return append([]Mention(nil), ms...)
	}
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := &ms[order[a]], &ms[order[b]]
		if lx, ly := x.End-x.Start, y.End-y.Start; lx != ly {
			return lx > ly
		}
		if x.Priority != y.Priority {
			return x.Priority > y.Priority
		}
		return x.Start < y.Start
	})
	// taken marks the bytes of the kept mentions: a clash test in
	// O(length) rather than a walk over every kept mention, which is
	// quadratic in a window of thousands of dates (a scraped table)
	lo, hi := ms[0].Start, ms[0].End
	for i := range ms {
		lo, hi = min(lo, ms[i].Start), max(hi, ms[i].End)
	}
	taken := make([]bool, hi-lo)
	var kept []Mention
	for _, i := range order {
		m := ms[i]
		if slices.Contains(taken[m.Start-lo:m.End-lo], true) {
			continue
		}
		for b := m.Start; b < m.End; b++ {
			taken[b-lo] = true
		}
		kept = append(kept, m)
	}
	sort.Slice(kept, func(a, b int) bool { return kept[a].Start < kept[b].Start })
	return kept
}

// rx compiles a case-insensitive rule pattern.
func rx(p string) *regexp.Regexp { return regexp.MustCompile(`(?i)` + p) }
