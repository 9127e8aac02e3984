package timeline

import (
	"fmt"
	"regexp"
	"strconv"
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
	// lastQ is the quarter last mentioned, ending at byte lastQAt.
	lastQ   time.Time
	lastQAt int
	hasQ    bool
	// dayRef is the day last mentioned (a date to the day or finer).
	dayRef    time.Time
	hasDayRef bool
	// cues are the tense cues of the sentence last read
	cues *sentenceCues
}

// cuesOf returns the tense cues of sentence sent.
func (r *resolver) cuesOf(sent Span) *sentenceCues {
	r.cues = cuesOf(r.cues, r.text, sent)
	return r.cues
}

// anchorFor returns the time relative expressions are measured from.
// story marks offsets from the story ("two days later") and calendar
// names without a year ("July 28") in a document without a DCT: they
// take the date last mentioned in a narrative. Deictic expressions
// ("yesterday", "on Tuesday") take the DCT in news, and stay unresolved
// without one: never the wall clock, never a date that is not the time of
// writing.
func (r *resolver) anchorFor(story bool) (time.Time, Anchor, bool) {
	if (r.mode == History || story) && r.hasRef {
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
		if m.Value == "P9M" || m.Value == "P6M" || m.Value == "P1Y" {
			// "the first nine months": figures for a longer period
			// than the quarter are now under discussion
			r.lastQAt = -quarterNear
		}
		mod := m.Mod
		if mod == "" {
			mod = quantityMod(r.text[max(0, m.Start-16):m.Start])
		}
		return Timex{Value: m.Value, Type: Duration, Mod: mod, Anchor: Explicit}
	case temporal.Repeat:
		return Timex{Value: m.Value, Type: Set, Mod: m.Mod, Anchor: Explicit}
	case temporal.Vague:
		if m.Story && m.Rel != nil && vagueSpan[m.Rel.Unit] != "" && r.mode != History {
			// "a few days later" in news: a vague duration, as "three
			// days later" is a duration
			return Timex{Value: vagueSpan[m.Rel.Unit], Type: Duration, Mod: m.Mod, Anchor: Explicit}
		}
		return Timex{Value: m.Value, Type: Date, Mod: m.Mod, Anchor: Explicit}
	}
	if m.BC {
		return r.bc(m)
	}
	if r.mode == History && m.Rel != nil && m.Rel.N == 0 && m.Rel.Unit == temporal.GDay && !m.Story && m.PartOfDay == "" && m.Hour == nil {
		// "today" in a history is the writer's present, not a day of
		// the story
		return Timex{Value: "PRESENT_REF", Type: Date, Anchor: Explicit}
	}
	if m.Story && m.Value != "" && m.Rel != nil && m.Rel.N > 0 && r.mode != History {
		// "three days later" in news: TimeBank and AQUAINT mark the
		// span, "later" being the signal that links it to an event;
		// a history dates it from the story instead
		return Timex{Value: m.Value, Type: Duration, Mod: m.Mod, Anchor: Explicit}
	}
	if sinceBefore.MatchString(r.text[max(0, m.Start-12):m.Start]) {
		// "since 1994": an open interval that starts in 1994 ("since" is a
		// signal, not part of the expression)
		m.Open = true
	}
	if m.Rule == "the-year" {
		r.lastQAt = -quarterNear // "for the year": annual figures now
	}
	t := r.point(m, sent)
	flashback := m.Story && m.Rel != nil && m.Rel.N < 0
	if t.Resolved() && t.Granularity >= Year && t.Granularity != Week && !m.Open && !flashback && !r.boundary(m) &&
		!r.aside(m, t, sent) {
		r.setRef(t)
	}
	if t.Resolved() && t.Granularity >= Day && t.Granularity != Week && !m.Open && !flashback {
		r.dayRef, r.hasDayRef = dayStart(t), true
	}
	if t.Resolved() && t.Granularity == Quarter && (m.Quarter > 0 || m.Latest) && (m.Rel == nil || m.Rel.N == 0) {
		r.lastQ, r.lastQAt, r.hasQ = t.Interval.Begin, m.End, true
	}
	return t
}

// dayStart returns the start of the day on which t begins. A date to the
// day begins at midnight already (finish truncated it), which spares
// reckoning the calendar again.
func dayStart(t Timex) time.Time {
	if t.Granularity == Day {
		return t.Interval.Begin
	}
	return truncate(t.Interval.Begin, Day)
}

// vagueSpan is the value of a span of an unknown number of units.
var vagueSpan = map[temporal.Gran]string{temporal.GSecond: "PTXS", temporal.GMinute: "PTXM", temporal.GHour: "PTXH",
	temporal.GDay: "PXD", temporal.GWeek: "PXW", temporal.GMonth: "PXM", temporal.GYear: "PXY", temporal.GDecade: "PXDE", temporal.GCentury: "PXCE"}

// setRef makes t the date last mentioned in the story. A coarser date
// that holds the current reference ("1941" after "December 7, 1941")
// leaves it as it is.
func (r *resolver) setRef(t Timex) {
	b := t.Interval.Begin
	if r.hasRef && t.Granularity < r.refGran && !t.Interval.End.IsZero() &&
		!r.ref.Before(b) && r.ref.Before(t.Interval.End) {
		return
	}
	r.ref, r.refGran, r.hasRef = b, t.Granularity, true
}

// quantityMod reads the mod of a duration from the word before it: the
// text before ends with a quantity word that TimeBank leaves outside the
// TIMEX3 but that still gives its mod ("about", "around", "over",
// "within", in any case, as a word, then white space). It is
// `(?i)\b(about|around|over|within)\s+$` read back from the end.
func quantityMod(before string) string {
	i := len(before)
	for i > 0 && regexpSpace(before[i-1]) {
		i--
	}
	if i == len(before) {
		return ""
	}
	j := i
	for j > 0 && asciiWordByte(before[j-1]) {
		j--
	}
	switch w := before[j:i]; {
	case strings.EqualFold(w, "about"), strings.EqualFold(w, "around"):
		return "APPROX"
	case strings.EqualFold(w, "over"):
		return "MORE_THAN"
	case strings.EqualFold(w, "within"):
		return "EQUAL_OR_LESS"
	}
	return ""
}

// sinceBefore ends the text before the start of an open interval.
var sinceBefore = mustTail(`(?i)\bsince\s+$`, false, "since", "")

// sinceSignal ends the text before a date that starts a state lasting to
// the present: "since", "since shortly after the".
var sinceSignal = mustTail(`(?i)\bsince\s+(?:(?:shortly|just|soon|right|long|well)\s+)?(?:(?:after|before)\s+)?(?:the\s+)?$`,
	false, "since", "shortly just soon right long well after before the")

// rangeEnd follows the first date of a range whose second date carries
// the year: "September 27 and November 9, 2020", "27 September to 9
// November 2020", "June - August 1944".
var rangeEnd = regexp.MustCompile(`(?i)^\s*(?:and|to|through|thru|until|till|or|-|–|—)\s*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?)\s+(\d{4})\b`)

// seasonRangeEnd follows the first season of a pair whose second season
// carries the year: "the spring and early summer of 1943", "winter to
// spring 1945".
var seasonRangeEnd = regexp.MustCompile(`(?i)^\s*(?:and|to|through|into|until|or|-|–|—)\s*(?:the\s+)?(?:early\s+|late\s+|mid-?)?(spring|summer|autumn|fall|winter),?\s+(?:of\s+)?(\d{4})\b`)

// rangeYear returns the year written at the end of a range that a date
// without a year begins.
func (r *resolver) rangeYear(m *temporal.Mention) (int, bool) {
	if m.Year != nil || m.Month == nil && m.Season == "" {
		return 0, false
	}
	rest := r.text[m.End:min(len(r.text), m.End+40)]
	if !mayOpenRange(rest) || !fourDigits(rest) {
		return 0, false
	}
	re := rangeEnd
	if m.Month == nil {
		re = seasonRangeEnd
	}
	sm := re.FindStringSubmatch(rest)
	if sm == nil {
		return 0, false
	}
	y, err := strconv.Atoi(sm[len(sm)-1])
	return y, err == nil && y > 0
}

// mayOpenRange reports whether rest can open a match of rangeEnd or
// seasonRangeEnd: after ASCII white space, a word that joins a range
// (their letters fold to nothing outside ASCII; no white space need
// follow it), a hyphen or a dash.
func mayOpenRange(rest string) bool {
	i := 0
	for i < len(rest) && regexpSpace(rest[i]) {
		i++
	}
	rest = rest[i:]
	if rest == "" || !rangeJoinFirst[rest[0]] {
		return false // most texts: no join opens with their first byte
	}
	for _, w := range rangeJoins {
		if len(rest) >= len(w) && strings.EqualFold(rest[:len(w)], w) {
			return true
		}
	}
	return false
}

// fourDigits reports whether s holds four ASCII digits in a row, as the
// year that ends a range does.
func fourDigits(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if n++; n == 4 {
				return true
			}
		} else {
			n = 0
		}
	}
	return false
}

// rangeJoins open the ends of ranges, in rangeEnd and seasonRangeEnd.
var rangeJoins = []string{"and", "to", "through", "thru", "until", "till", "or", "into", "-", "–", "—"}

// rangeJoinFirst marks the first bytes of rangeJoins, in either case
// (their letters' case orbits hold no other letter).
var rangeJoinFirst = func() (t [256]bool) {
	for _, w := range rangeJoins {
		t[w[0]] = true
		t[asciiUpper(w[0])] = true
	}
	return t
}()

// asciiUpper upper-cases an ASCII letter, leaving other bytes alone.
func asciiUpper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// aside reports whether a date coarser than the narrative reference,
// named in the middle of a sentence, is an aside ("a campaign planned
// for 1976") rather than the story moving on ("In 1976, …" opens its
// sentence). Asides leave the reference alone.
func (r *resolver) aside(m *temporal.Mention, t Timex, sent Span) bool {
	if r.mode != History || !r.hasRef || t.Granularity >= r.refGran {
		return false
	}
	return m.Start-sent.Start > 30
}

// boundaryWord ends the text before a date that bounds a stretch of the
// story rather than placing it: "until 1945", "by 1976", "since 1939".
var boundaryWord = mustTail(`(?i)\b(?:until|till|through|before|since|up\s+to)\s+(?:the\s+)?(?:end\s+of\s+)?$`,
	false, "until till through before since", "to the of")

// boundary reports whether a mention bounds the story rather than
// advancing it, so that it leaves the narrative reference alone.
func (r *resolver) boundary(m *temporal.Mention) bool {
	from := max(0, m.Start-24)
	return boundaryWord.MatchString(r.text[from:m.Start])
}

// bc writes a year, decade or century before the common era: "499 BC"
// is BC0499, "the 470s BC" BC047, "the 4th century BC" BC03. The story
// reference moves to the year, counted astronomically (1 BC is year 0).
func (r *resolver) bc(m *temporal.Mention) Timex {
	if m.Year == nil {
		return unresolvedTimex(m, Year, Date)
	}
	y := *m.Year
	g := fieldGranularity(m)
	tx := Timex{Type: Date, Granularity: g, Mod: m.Mod, Anchor: Explicit}
	switch g {
	case Century:
		tx.Value = "BC" + pad2(y/100-1)
	case Decade:
		tx.Value = "BC" + fmt.Sprintf("%03d", y/10)
	default:
		tx.Value = "BC" + fmt.Sprintf("%04d", y)
		mo := 1
		if m.Month != nil {
			mo = *m.Month
			tx.Value += "-" + pad2(mo)
		}
		if m.Day != nil {
			tx.Value += "-" + pad2(*m.Day)
		}
		if m.Season != "" {
			tx.Value += "-" + m.Season
		}
		begin := utcDate(1-y, time.Month(mo), 1, 0, 0, 0)
		r.ref, r.refGran, r.hasRef = begin, Year, true
		if m.Month != nil {
			r.refGran = Month
		}
		tx.Interval = Interval{Begin: begin, End: advance(begin, r.refGran, 1)}
	}
	return tx
}

// latestWord marks "the latest quarter", "the most recent period": the
// last one completed, whatever was discussed before.
var latestWord = temporal.MustCompile(`(?i)\b(?:latest|most\s+recent)\b`)

// quarterNear is how close (in bytes) a quarter must have been mentioned
// for "a year ago" to mean the same quarter a year before.
const quarterNear = 1500

func (r *resolver) point(m *temporal.Mention, sent Span) Timex {
	gran := fieldGranularity(m)
	typ := Date
	if gran >= PartOfDay {
		typ = TimeType
	}
	if m.Year != nil && m.Latest {
		// "the 1988 period": the quarter under discussion, in that year
		q := advance(truncate(r.dct, Quarter), Quarter, -1)
		if r.hasQ {
			q = r.lastQ
		}
		t := utcDate(*m.Year, q.Month(), 1, 0, 0, 0)
		return r.finish(m, t, Quarter, Date, Explicit)
	}
	if m.Year != nil {
		y := *m.Year
		mo, d := 1, 1
		if m.Month != nil {
			mo = *m.Month
		}
		if m.Day != nil {
			d = *m.Day
		} else if m.Holiday != "" {
			d = holidayDay(m.Holiday, y)
		}
		t := utcDate(y, time.Month(mo), d, intOr(m.Hour), intOr(m.Minute), intOr(m.Second))
		return r.finish(m, t, gran, typ, Explicit)
	}
	// a calendar name without a year ("July 28", "May") takes the story
	// when there is no DCT
	story := m.Story || !r.hasDCT && (m.Month != nil || m.Season != "" || m.Quarter > 0)
	anchor, how, ok := r.anchorFor(story)
	if !ok {
		return unresolvedTimex(m, gran, typ)
	}
	if m.Latest {
		// the quarter under discussion, or else the last one completed
		base := advance(truncate(r.dct, Quarter), Quarter, -1)
		if !r.hasDCT {
			base = truncate(anchor, Quarter)
		}
		if m.Rel != nil && m.Rel.Unit == temporal.GQuarter && m.Rel.N == 0 && r.hasDCT {
			base = truncate(r.dct, Quarter) // "this quarter"
		}
		if r.hasQ && !latestWord.MatchString(r.text[m.Start:m.End]) {
			base = r.lastQ
		}
		if m.Rel != nil && m.Rel.N != 0 {
			base = advance(base, Granularity(m.Rel.Unit), m.Rel.N)
		}
		return r.finish(m, base, Quarter, Date, how)
	}
	if how == Narrative && r.mode != History && m.Rel != nil && Granularity(m.Rel.Unit) >= Day && r.refGran < Day {
		// "the next morning" in news after "the post-1959 politics": a
		// year or a month cannot place a day; the day last mentioned can,
		// or else the time of writing
		switch {
		case r.hasDayRef:
			anchor = r.dayRef
		case r.hasDCT:
			anchor, how = r.dct, AnchorDCT
		}
	}
	tn := func() tense { return clauseTense(r.cuesOf(sent), Span{m.Start, m.End}) }
	base := anchor
	if m.Rel != nil {
		u := Granularity(m.Rel.Unit)
		if u == Year && (m.Rel.N == -1 || m.Rel.N == 1) && m.Month == nil && m.Quarter == 0 && m.Season == "" &&
			m.Half == 0 && m.Mod == "" && r.hasQ && m.Start-r.lastQAt < quarterNear && m.YearAgo {
			// "a year ago" next to quarterly figures: the same quarter a
			// year before
			return r.finish(m, advance(r.lastQ, Year, m.Rel.N), Quarter, Date, how)
		}
		base = advance(truncate(anchor, u), u, m.Rel.N)
		if m.Value == "WE" && m.Tensed && how == AnchorDCT {
			// "the weekend": the last one before the DCT on a weekday,
			// or the next one in a future clause
			wd := anchor.Weekday()
			if tn() == futureTense {
				if wd == time.Sunday {
					base = advance(base, Week, 1)
				}
			} else if wd != time.Saturday && wd != time.Sunday {
				base = advance(base, Week, -1)
			}
		}
	}
	var t time.Time
	switch {
	case m.Month != nil:
		y := base.Year()
		if ry, ok := r.rangeYear(m); ok && m.Rel == nil {
			// "between September 27 and November 9, 2020": the year
			// of the range's end
			y, how = ry, Explicit
		} else if m.Rel == nil {
			y = r.monthYear(m, sent, anchor, how, tn)
			if m.Weekday != nil && m.Day != nil {
				y = weekdayYear(y, time.Month(*m.Month), *m.Day, time.Weekday(*m.Weekday))
			}
		}
		d := 1
		if m.Day != nil {
			d = *m.Day
		} else if m.Holiday != "" {
			d = holidayDay(m.Holiday, y)
		}
		t = utcDate(y, time.Month(*m.Month), d, intOr(m.Hour), intOr(m.Minute), 0)
		if t.Day() != d && m.Holiday == "" { // February 29 in a common year
			return unresolvedTimex(m, gran, typ)
		}
	case m.Day != nil:
		// "the 29th": a day of the month under discussion
		if how == AnchorDCT || r.refGran < Month {
			return unresolvedTimex(m, gran, typ)
		}
		by, bm, _ := base.Date()
		t = utcDate(by, bm, *m.Day, 0, 0, 0)
		if t.Day() != *m.Day {
			return unresolvedTimex(m, gran, typ)
		}
	case m.Quarter > 0:
		y := base.Year()
		if m.Rel == nil {
			start := utcDate(y, time.Month(3*m.Quarter-2), 1, 0, 0, 0)
			if tn() == futureTense {
				// the last completed quarter may still be reported on;
				// any earlier one is next year's
				if advance(start, Quarter, 2).Before(anchor) {
					y++
				}
			} else if start.After(anchor) {
				y--
			}
		}
		t = utcDate(y, 1, 1, 0, 0, 0)
	case m.Half > 0:
		t = utcDate(base.Year(), 1, 1, 0, 0, 0)
	case m.Season != "":
		y := base.Year()
		if ry, ok := r.rangeYear(m); ok && (m.Rel == nil || m.Story && m.Rel.N == 0) {
			// "the spring and early summer of 1943"
			y, how = ry, Explicit
		} else if m.Rel == nil {
			start, end := seasonBounds(y, m.Season)
			switch m.Dir {
			case -1:
				if !end.Before(anchor) {
					y--
				}
			case 1:
				if !start.After(anchor) {
					y++
				}
			}
		}
		t = utcDate(y, 1, 1, 0, 0, 0)
	case m.Weekday != nil:
		day, wd := truncate(base, Day), time.Weekday(*m.Weekday)
		dir := m.Dir
		if dir == 0 && day.Weekday() != wd {
			// the anchor's own weekday is the anchor's day either way:
			// only another needs the clause's tense
			dir = r.weekdayDir(m, how, tn)
		}
		t = nearestWeekday(day, wd, dir, m.Dir != 0)
		ty, tm, td := t.Date()
		t = utcDate(ty, tm, td, intOr(m.Hour), intOr(m.Minute), 0)
	case m.Hour != nil:
		if wd, ok := r.restatedWeekday(m); ok && m.Rel == nil {
			// "at 10:35 a.m. (0735 GMT) Friday", "at 4 in the morning
			// (4 a.m. EDT Thursday)": the time of that day
			base = nearestWeekday(truncate(base, Day), wd, r.weekdayDir(m, how, tn), false)
		}
		by, bm, bd := base.Date()
		t = utcDate(by, bm, bd, *m.Hour, intOr(m.Minute), intOr(m.Second))
	case m.Rel != nil:
		t = base
	case m.Offset != 0:
		t = anchor.Add(m.Offset)
	default:
		return unresolvedTimex(m, gran, typ)
	}
	if m.Hour != nil && m.Month == nil && m.Weekday == nil {
		ty, tm, td := t.Date()
		t = utcDate(ty, tm, td, *m.Hour, intOr(m.Minute), intOr(m.Second))
	}
	tx := r.finish(m, t, gran, typ, how)
	if m.Value == "WE" {
		tx.Value += "-WE"
	}
	return tx
}

// monthYear chooses the year of a month (or a month and day) named
// without one. "last May" is the latest May before the anchor's month,
// "next May" the first after. In a narrative the month follows the story
// (a January after a December is the next year's). In news:
//   - a month alone in a past clause is the latest on or before the DCT,
//     or the month after the DCT's;
//   - a date in a clearly past clause (a past verb just before it, no
//     future cue, not a deadline such as "by Oct. 31") is the latest on
//     or before the DCT;
//   - a future clause takes the next one;
//   - otherwise the nearest one to the DCT: news dates without a year are
//     seldom more than half a year away, and financial copy names coming
//     dates ("payable Dec. 15") in the present tense.
func (r *resolver) monthYear(m *temporal.Mention, sent Span, anchor time.Time, how Anchor, tn func() tense) int {
	y, amo, _ := anchor.Date()
	am := int(amo)
	mo := *m.Month
	switch {
	case m.Dir != 0 && m.Day != nil:
		// "last Oct. 23": the latest such day before the anchor's day;
		// "next March 3" the first after it
		t := utcDate(y, time.Month(mo), *m.Day, 0, 0, 0)
		a := truncate(anchor, Day)
		if m.Dir < 0 && !t.Before(a) {
			y--
		} else if m.Dir > 0 && !t.After(a) {
			y++
		}
		return y
	case m.Dir < 0:
		if mo >= am {
			y--
		}
		return y
	case m.Dir > 0:
		if mo <= am {
			y++
		}
		return y
	case how == Narrative:
		if mo-am <= -7 {
			y++
		}
		return y
	}
	d := 15
	if m.Day != nil {
		d = *m.Day
	}
	t := utcDate(y, time.Month(mo), d, 0, 0, 0)
	a := truncate(anchor, Day)
	if m.Open || sinceSignal.MatchString(r.text[max(sent.Start, m.Start-40):m.Start]) {
		// "on patrol since March", "since shortly after the Oct. 23
		// slaying": what has gone on since a date began before the DCT
		if m.Day == nil && mo > am || m.Day != nil && t.After(a) {
			return y - 1
		}
		return y
	}
	switch tn() {
	case pastTense:
		if m.Day == nil && !deadlineBefore.MatchString(r.text[max(sent.Start, m.Start-30):m.Start]) {
			// a month alone in a past clause: the latest one, save the
			// month right after the DCT's, which news names when it
			// reports plans ("told its customers of a cutback in
			// September", written in August)
			if mo > am+1 {
				return y - 1
			}
			return y
		}
		if clearlyPast(r.cuesOf(sent), Span{m.Start, m.End}) {
			if t.After(a) {
				return y - 1
			}
			return y
		}
	case futureTense:
		if m.Day == nil && mo < am || m.Day != nil && t.Before(a) {
			y++
		}
		return y
	}
	if diff := t.Sub(a); diff > 183*24*time.Hour {
		y--
	} else if diff < -183*24*time.Hour {
		y++
	}
	return y
}

// finish builds the Timex of a point of granularity g starting at t.
func (r *resolver) finish(m *temporal.Mention, t time.Time, g Granularity, typ TimexType, how Anchor) Timex {
	y, mo, d := t.Date() // once: each call of Year or Date reckons the calendar anew
	if y > 9999 {
		return unresolvedTimex(m, g, typ)
	}
	begin, ok := truncateClock(t, g)
	if !ok {
		begin = truncateDate(t, y, mo, d, g)
	}
	if begin.IsZero() {
		// 0001-01-01T00:00 is time.Time's zero, which Resolved reads as
		// "no interval": a placeholder date, not a point in time
		return unresolvedTimex(m, g, typ)
	}
	tx := Timex{Type: typ, Granularity: g, Mod: m.Mod, Anchor: how, Interval: Interval{Begin: begin}}
	switch {
	case m.Season != "":
		tx.Value = yearDigits(begin.Year(), 4) + "-" + m.Season
		tx.Interval.Begin, tx.Interval.End = seasonBounds(begin.Year(), m.Season)
	case m.Quarter > 0:
		tx.Interval.Begin = utcDate(begin.Year(), time.Month(3*m.Quarter-2), 1, 0, 0, 0)
		tx.Value = formatValue(tx.Interval.Begin, Quarter)
		tx.Interval.End = advance(tx.Interval.Begin, Quarter, 1)
	case m.Half > 0:
		tx.Interval.Begin = utcDate(begin.Year(), time.Month(6*m.Half-5), 1, 0, 0, 0)
		tx.Value = formatValue(tx.Interval.Begin, Half)
		tx.Interval.End = advance(tx.Interval.Begin, Half, 1)
	case g == PartOfDay:
		tx.Value = formatValue(begin, Day) + "T" + m.PartOfDay
		tx.Interval.Begin, tx.Interval.End = partOfDayBounds(begin, m.PartOfDay)
	default:
		tx.Value, tx.Interval.End = periodValue(begin, y, mo, d, g)
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
	case m.PartOfDay != "":
		return PartOfDay
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
	case m.Rel != nil:
		return Granularity(m.Rel.Unit)
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
	b := utcDate(y, time.Month(start), 1, 0, 0, 0)
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

// weekdayYear checks a date named with its weekday and without its year
// ("Monday, Oct. 26"): when the weekday does not fall on that date in
// year y, the year before or after where it does is meant (the writer
// named the weekday of the date itself). Otherwise y stands.
func weekdayYear(y int, mo time.Month, d int, wd time.Weekday) int {
	for _, c := range []int{y, y + 1, y - 1} {
		t := utcDate(c, mo, d, 0, 0, 0)
		if t.Day() == d && t.Weekday() == wd {
			return c
		}
	}
	return y
}

// genitive reports whether s opens with the ending of a genitive as a
// word ("'s" or "’s", then no ASCII letter, digit or underscore), as
// `^(?:'s|’s)\b` matches it: "Wednesday's ruling".
func genitive(s string) bool {
	switch {
	case strings.HasPrefix(s, "'s"):
		s = s[len("'s"):]
	case strings.HasPrefix(s, "’s"):
		s = s[len("’s"):]
	default:
		return false
	}
	return s == "" || !asciiWordByte(s[0])
}

// comingBefore ends the text before a day that is still to come, whatever
// its form: "ahead of Tuesday's vote", "the upcoming Friday".
var comingBefore = mustTail(`(?i)\b(?:ahead\s+of|in\s+advance\s+of|upcoming|coming|forthcoming|awaited|await(?:s|ing)?)\s+(?:the\s+)?$`,
	false, "upcoming coming forthcoming awaited await awaits awaiting", "of the")

// knownDay reports whether a weekday named without "last" or "next" is a
// day the report treats as known, so that the tense of its clause does
// not move it ahead: a weekday in the genitive ("get around Wednesday's
// ruling", "after Thursday's vote") names an event that has happened,
// unless the text before says it is coming ("ahead of Tuesday's vote").
func (r *resolver) knownDay(m *temporal.Mention) bool {
	if !genitive(r.text[m.End:min(len(r.text), m.End+4)]) {
		return false
	}
	return !comingBefore.MatchString(r.text[max(0, m.Start-30):m.Start])
}

// weekdayDir is the direction in which a weekday named without "last" or
// "next" lies from its anchor: back from the DCT, save in a future clause
// (and not a known day: "Wednesday's ruling"); on from the story.
func (r *resolver) weekdayDir(m *temporal.Mention, how Anchor, tn func() tense) int {
	if how == Narrative || how == AnchorDCT && tn() == futureTense && !r.knownDay(m) {
		return 1
	}
	return -1
}

// restatedAfter follows a time of day that a parenthesis restates in
// another zone, with its weekday inside the parenthesis or just after it:
// "10:35 a.m. (0735 GMT) Friday", "4 in the morning (4 a.m. EDT
// Thursday)".
var restatedAfter = regexp.MustCompile(`(?i)^\.?\s*\(([^()]{1,40})\)(?:\s*(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)?`)

// opensParen reports whether s opens as restatedAfter needs: a dot
// perhaps, ASCII white space, a parenthesis.
func opensParen(s string) bool {
	s = strings.TrimPrefix(s, ".")
	i := 0
	for i < len(s) && regexpSpace(s[i]) {
		i++
	}
	return i < len(s) && s[i] == '('
}

// weekdayName finds a weekday.
var weekdayName = regexp.MustCompile(`(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`)

// restatedWeekday returns the weekday that a parenthetical restatement
// gives a time of day named without its day.
func (r *resolver) restatedWeekday(m *temporal.Mention) (time.Weekday, bool) {
	after := r.text[m.End:min(len(r.text), m.End+80)]
	if !opensParen(after) {
		return 0, false
	}
	sm := restatedAfter.FindStringSubmatch(after)
	if sm == nil || !clockLike.MatchString(sm[1]) {
		return 0, false
	}
	name := sm[2]
	if name == "" {
		name = weekdayName.FindString(sm[1])
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(d.String(), name) {
			return d, true
		}
	}
	return 0, false
}

// clockLike finds a time of day or a time zone in a parenthesis.
var clockLike = temporal.MustCompile(`(?i)\d\s*(?:a\.?m\b|p\.?m\b|gmt|utc|[ecmp][sd]t\b)|\b\d{4}\s*(?:gmt|utc)\b`)

// lastQuote and firstQuote find the quotation mark nearest the end or the
// start of s, returning its start and end offsets or -1.
func lastQuote(s string) (int, int) {
	if !anyQuote(s) {
		return -1, -1
	}
	for i := len(s) - 1; i >= 0; i-- {
		if quoteByte[s[i]] {
			if n := quoteAt(s, i); n > 0 {
				return i, i + n
			}
		}
	}
	return -1, -1
}

func firstQuote(s string) int {
	if !anyQuote(s) {
		return -1
	}
	for i := 0; i < len(s); i++ {
		if quoteByte[s[i]] && quoteAt(s, i) > 0 {
			return i
		}
	}
	return -1
}

// anyQuote reports whether s holds a quotation mark. A search for the
// first byte of each beats reading each byte, and beats searching for
// the marks themselves: an apostrophe or a backquote, which abound, or
// the lead byte of “ and ”, is looked at only where it is.
func anyQuote(s string) bool {
	return strings.IndexByte(s, '"') >= 0 || doubled(s, '\'') || doubled(s, '`') || curlyQuote(s)
}

// doubled reports whether s holds the byte q twice in a row.
func doubled(s string, q byte) bool {
	for i := strings.IndexByte(s, q); i >= 0; {
		if i+1 < len(s) && s[i+1] == q {
			return true
		}
		k := strings.IndexByte(s[i+1:], q)
		if k < 0 {
			return false
		}
		i += 1 + k
	}
	return false
}

// curlyQuote reports whether s holds “ or ”.
func curlyQuote(s string) bool {
	for i := strings.IndexByte(s, 0xE2); i >= 0; {
		if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x9C || s[i+2] == 0x9D) {
			return true
		}
		k := strings.IndexByte(s[i+1:], 0xE2)
		if k < 0 {
			return false
		}
		i += 1 + k
	}
	return false
}

// quoteByte marks the first bytes of the quotation marks.
var quoteByte = [256]bool{'"': true, '`': true, '\'': true, 0xE2: true}

// quoteAt returns the length of the quotation mark of news copy,
// opening or closing, at s[i], or 0: two backquotes, two apostrophes,
// a straight double quote, “ or ”. No two of them start with the same
// bytes.
func quoteAt(s string, i int) int {
	switch s[i] {
	case '"':
		return 1
	case '`', '\'':
		if i+1 < len(s) && s[i+1] == s[i] {
			return 2
		}
	case 0xE2:
		if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x9C || s[i+2] == 0x9D) {
			return 3
		}
	}
	return 0
}

// titleFunction are the words a title leaves in lower case.
var titleFunction = map[string]bool{"a": true, "an": true, "the": true, "of": true, "and": true, "or": true,
	"in": true, "on": true, "at": true, "to": true, "for": true, "with": true, "from": true, "by": true}

// inTitle reports whether a mention in news lies inside a quoted title:
// a quotation of two to eight words, all capitalized but function words
// (“High Noon”, ”60 Minutes”, "This Week With David Brinkley", the
// “Spring of Life” demonstrations). It names a film, a show or a
// campaign, not a time. Histories are left alone: there a quoted name
// ("the Chinese Spring Offensive") dates the event it names.
func (r *resolver) inTitle(m *temporal.Mention) bool {
	if r.mode == History {
		return false
	}
	before := r.text[max(0, m.Start-60):m.Start]
	i, e := lastQuote(before)
	if i < 0 {
		return false
	}
	j := firstQuote(r.text[m.End:min(len(r.text), m.End+60)])
	if j < 0 || i > 0 && !strings.ContainsRune(" \t\n(", rune(before[i-1])) || j > 0 && r.text[m.End+j-1] == ' ' {
		// an opening mark follows a space, a closing mark a word
		return false
	}
	q := strings.TrimRight(before[e:]+r.text[m.Start:m.End+j], ".,!?")
	if strings.ContainsRune(q, '\n') {
		return false
	}
	words := strings.Fields(q)
	if len(words) < 2 || len(words) > 8 {
		return false
	}
	capital := 0
	for k, w := range words {
		switch c := w[0]; {
		case c >= 'A' && c <= 'Z':
			capital++
		case c >= 'a' && c <= 'z':
			if k == 0 || !titleFunction[w] {
				return false
			}
		}
	}
	return capital >= 1
}
