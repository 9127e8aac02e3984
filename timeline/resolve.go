package timeline

import (
	"strings"
	"time"

	"github.com/eventline/eventline/timeline/internal/temporal"
)

// resolver turns mentions into normalized values, in document order, so
// that the narrative reference (the date last mentioned) is always the
// one the reader has in mind.
type resolver struct {
	text string
	mode Mode
	// dct is the document creation time, if any.
	dct    time.Time
	hasDCT bool
	// ref is the date last mentioned in the story, at refGran.
	ref     time.Time
	refGran Granularity
	hasRef  bool
}

// anchorFor returns the time relative expressions are measured from.
// story marks offsets from the story ("two days later") and calendar
// names without a year ("July 28"): they take the date last mentioned in
// a narrative, or when there is no DCT. Deictic expressions ("yesterday",
// "on Tuesday") take the DCT in news, and stay unresolved without one:
// never the wall clock, never a date that is not the time of writing.
func (r *resolver) anchorFor(story bool) (time.Time, Anchor, bool) {
	if (r.mode == History || story || !r.hasDCT) && r.hasRef && (r.mode == History || story) {
		return r.ref, Narrative, true
	}
	if r.hasDCT {
		return r.dct, AnchorDCT, true
	}
	return time.Time{}, Unresolved, false
}

// resolve normalizes one mention found in the sentence sent.
func (r *resolver) resolve(m *temporal.Mention, sent Span) Timex {
	switch m.Kind {
	case temporal.Length:
		return Timex{Value: m.Value, Type: Duration, Mod: m.Mod, Anchor: Explicit}
	case temporal.Repeat:
		return Timex{Value: m.Value, Type: Set, Mod: m.Mod, Anchor: Explicit}
	case temporal.Vague:
		return Timex{Value: m.Value, Type: Date, Mod: m.Mod, Anchor: Explicit}
	}
	t := r.point(m, sent)
	if t.Resolved() && t.Granularity >= Year && t.Granularity != Week {
		r.ref, r.refGran, r.hasRef = t.Interval.Begin, t.Granularity, true
	}
	return t
}

func (r *resolver) point(m *temporal.Mention, sent Span) Timex {
	gran := fieldGranularity(m)
	typ := Date
	if gran > PartOfDay {
		typ = TimeType
	}
	switch {
	case m.Rel != nil:
		return r.relative(m, sent)
	case m.Year != nil:
		y := *m.Year
		if m.BC {
			y = 1 - y
		}
		mo, d := 1, 1
		if m.Month != nil {
			mo = *m.Month
		}
		if m.Day != nil {
			d = *m.Day
		}
		t := time.Date(y, time.Month(mo), d, intOr(m.Hour), intOr(m.Minute), intOr(m.Second), 0, time.UTC)
		return r.finish(m, t, gran, typ, Explicit)
	case m.Month != nil:
		anchor, how, ok := r.anchorFor(!r.hasDCT)
		if !ok {
			return unresolvedTimex(m, gran, typ)
		}
		d := 1
		if m.Day != nil {
			d = *m.Day
		}
		t := time.Date(anchor.Year(), time.Month(*m.Month), d, intOr(m.Hour), intOr(m.Minute), 0, 0, time.UTC)
		if t.Day() != d { // February 29 in a common year
			return unresolvedTimex(m, gran, typ)
		}
		if m.Tensed && how == AnchorDCT && m.Day == nil {
			// a bare month in news: the latest one on or before the DCT
			// in a past clause, the next one in a future clause
			if clauseTense(r.text, sent, Span{m.Start, m.End}) == futureTense {
				if t.Before(truncate(anchor, Month)) {
					t = t.AddDate(1, 0, 0)
				}
			} else if t.After(anchor) {
				t = t.AddDate(-1, 0, 0)
			}
		}
		return r.finish(m, t, gran, typ, how)
	case m.Weekday != nil:
		anchor, how, ok := r.anchorFor(false)
		if !ok {
			return unresolvedTimex(m, gran, typ)
		}
		dir := m.Dir
		if dir == 0 {
			dir = -1
			if clauseTense(r.text, sent, Span{m.Start, m.End}) == futureTense {
				dir = 1
			}
		}
		t := nearestWeekday(truncate(anchor, Day), time.Weekday(*m.Weekday), dir, m.Dir != 0)
		t = time.Date(t.Year(), t.Month(), t.Day(), intOr(m.Hour), intOr(m.Minute), 0, 0, time.UTC)
		return r.finish(m, t, gran, typ, how)
	case m.Hour != nil:
		anchor, how, ok := r.anchorFor(false)
		if !ok {
			return unresolvedTimex(m, gran, typ)
		}
		t := time.Date(anchor.Year(), anchor.Month(), anchor.Day(), *m.Hour, intOr(m.Minute), intOr(m.Second), 0, time.UTC)
		return r.finish(m, t, gran, typ, how)
	case m.Offset != 0:
		anchor, how, ok := r.anchorFor(false)
		if !ok {
			return unresolvedTimex(m, gran, typ)
		}
		return r.finish(m, anchor.Add(m.Offset), gran, typ, how)
	}
	return unresolvedTimex(m, gran, typ)
}

// relative resolves a shift in calendar units ("yesterday", "last week",
// "two years ago", "the following day").
func (r *resolver) relative(m *temporal.Mention, sent Span) Timex {
	u := Granularity(m.Rel.Unit)
	anchor, how, ok := r.anchorFor(m.Story)
	if !ok {
		return unresolvedTimex(m, u, Date)
	}
	t := advance(truncate(anchor, u), u, m.Rel.N)
	g := u
	if m.PartOfDay != "" {
		g = PartOfDay
	}
	tx := r.finish(m, t, g, Date, how)
	if m.Value == "WE" {
		tx.Value += "-WE"
	}
	return tx
}

// finish builds the Timex of a point of granularity g starting at t.
func (r *resolver) finish(m *temporal.Mention, t time.Time, g Granularity, typ TimexType, how Anchor) Timex {
	if t.Year() > 9999 {
		return unresolvedTimex(m, g, typ)
	}
	begin := truncate(t, g)
	tx := Timex{Type: typ, Granularity: g, Mod: m.Mod, Anchor: how, Interval: Interval{Begin: begin}}
	switch {
	case m.Season != "":
		tx.Value = yearDigits(begin.Year(), 4) + "-" + m.Season
		tx.Interval.Begin, tx.Interval.End = seasonBounds(begin.Year(), m.Season)
	case m.Quarter > 0:
		tx.Interval.Begin = time.Date(begin.Year(), time.Month(3*m.Quarter-2), 1, 0, 0, 0, 0, time.UTC)
		tx.Value = formatValue(tx.Interval.Begin, Quarter)
		tx.Interval.End = advance(tx.Interval.Begin, Quarter, 1)
	case m.Half > 0:
		tx.Interval.Begin = time.Date(begin.Year(), time.Month(6*m.Half-5), 1, 0, 0, 0, 0, time.UTC)
		tx.Value = formatValue(tx.Interval.Begin, Half)
		tx.Interval.End = advance(tx.Interval.Begin, Half, 1)
	case g == PartOfDay:
		tx.Value = formatValue(begin, Day) + "T" + m.PartOfDay
		tx.Interval.Begin, tx.Interval.End = partOfDayBounds(begin, m.PartOfDay)
	default:
		tx.Value = formatValue(begin, g)
		tx.Interval.End = advance(begin, g, 1)
	}
	if m.Open {
		tx.Interval.End = time.Time{}
	}
	return tx
}

// fieldGranularity reads the precision from which fields the rule set,
// unless the rule said otherwise.
func fieldGranularity(m *temporal.Mention) Granularity {
	switch {
	case m.Gran != temporal.GUnknown:
		return Granularity(m.Gran)
	case m.Season != "":
		return Season
	case m.Quarter > 0:
		return Quarter
	case m.Half > 0:
		return Half
	case m.Second != nil:
		return Second
	case m.Minute != nil:
		return Minute
	case m.Hour != nil:
		return Hour
	case m.Day != nil || m.Weekday != nil:
		return Day
	case m.Month != nil:
		return Month
	case m.Year != nil:
		return Year
	case m.Offset != 0:
		if m.Offset%time.Hour == 0 {
			return Hour
		}
		return Minute
	}
	return Day
}

// unresolvedTimex is the value of a relative expression with nothing to
// anchor it: X's where the anchor would supply digits.
func unresolvedTimex(m *temporal.Mention, g Granularity, typ TimexType) Timex {
	v := "XXXX"
	switch {
	case m.Month != nil && m.Day != nil:
		v += "-" + pad2(*m.Month) + "-" + pad2(*m.Day)
	case m.Month != nil:
		v += "-" + pad2(*m.Month)
	case g >= Day:
		v += "-XX-XX"
	case g == Month:
		v += "-XX"
	case g == Week:
		v += "-WXX"
	}
	if m.Hour != nil {
		v += "T" + pad2(*m.Hour) + ":" + pad2(intOr(m.Minute))
	} else if m.PartOfDay != "" {
		v += "T" + m.PartOfDay
	}
	return Timex{Value: v, Type: typ, Granularity: g, Mod: m.Mod, Anchor: Unresolved}
}

// nearestWeekday returns the day of weekday wd nearest to from in
// direction dir (-1 back, +1 forward); from itself counts unless strict.
func nearestWeekday(from time.Time, wd time.Weekday, dir int, strict bool) time.Time {
	diff := int(wd) - int(from.Weekday())
	if dir < 0 {
		if diff > 0 || diff == 0 && strict {
			diff -= 7
		}
	} else if diff < 0 || diff == 0 && strict {
		diff += 7
	}
	return from.AddDate(0, 0, diff)
}

func seasonBounds(y int, s string) (time.Time, time.Time) {
	start := map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[strings.ToUpper(s)]
	if start == 0 {
		start = 1
	}
	b := time.Date(y, time.Month(start), 1, 0, 0, 0, 0, time.UTC)
	return b, b.AddDate(0, 3, 0)
}

func partOfDayBounds(day time.Time, pod string) (time.Time, time.Time) {
	from, to := 0, 24
	switch pod {
	case "MO":
		from, to = 5, 12
	case "AF":
		from, to = 12, 18
	case "EV":
		from, to = 18, 22
	case "NI":
		from, to = 20, 29
	}
	return day.Add(time.Duration(from) * time.Hour), day.Add(time.Duration(to) * time.Hour)
}

func intOr(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}
