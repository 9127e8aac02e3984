package timeline

// Invariants every timeline must satisfy, whatever the input. The fuzz
// targets, the bad-input table and the concurrency test all call
// checkTimeline; it returns every violation rather than stopping at the
// first, so one failing input tells the whole story.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// checkSpan reports a span that does not index src, or whose carried text
// is not src[start:end].
func checkSpan(what string, s Span, text string, src string) error {
	if s.Start < 0 || s.Start > s.End || s.End > len(src) {
		return fmt.Errorf("%s: span [%d,%d) outside the input of %d bytes", what, s.Start, s.End, len(src))
	}
	if src[s.Start:s.End] != text {
		return fmt.Errorf("%s: span [%d,%d) holds %q, the result carries %q", what, s.Start, s.End, src[s.Start:s.End], text)
	}
	return nil
}

// eventBefore is the chronological order the events of a timeline must
// follow, written out independently of orderEvents (order.go): event a
// comes before b when
//  1. a's date interval begins earlier; else, with equal beginnings,
//  2. a's interval is wider: an open interval (zero End) first, then the
//     later End first (1988 before 1988-05-01); else, with equal intervals,
//  3. document order: lower Doc, then earlier sentence, then the earlier
//     date expression in the sentence.
//
// The events of a timeline are in order when no event is before the one
// that precedes it (a non-strict order: ties keep document order).
func eventBefore(a, b *Event) bool {
	ab, bb := a.Date.Interval.Begin, b.Date.Interval.Begin
	if !ab.Equal(bb) {
		return ab.Before(bb)
	}
	ae, be := a.Date.Interval.End, b.Date.Interval.End
	if ae.IsZero() != be.IsZero() {
		return ae.IsZero()
	}
	if !ae.Equal(be) {
		return ae.After(be)
	}
	if a.Doc != b.Doc {
		return a.Doc < b.Doc
	}
	if a.Sentence.Start != b.Sentence.Start {
		return a.Sentence.Start < b.Sentence.Start
	}
	return a.Date.Start < b.Date.Start
}

// checkTimeline returns every invariant tl breaks. texts are the inputs
// of its documents, in order; sentences says whether the extractor was
// asked for DocumentInfo.Sentences.
func checkTimeline(tl *Timeline, texts []string, sentences bool) []error {
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	if tl == nil {
		return []error{fmt.Errorf("nil timeline without an error")}
	}
	if len(tl.Documents) != len(texts) {
		return []error{fmt.Errorf("%d documents for %d inputs", len(tl.Documents), len(texts))}
	}
	if tl.Events == nil || tl.Expressions == nil {
		add(fmt.Errorf("nil Events or Expressions (JSON would say null)"))
	}
	src := func(doc int) (string, bool) {
		if doc < 0 || doc >= len(texts) {
			return "", false
		}
		return texts[doc], true
	}
	// documents: DCT and sentences
	for di, d := range tl.Documents {
		text := texts[di]
		if d.Length != len(text) {
			add(fmt.Errorf("doc %d: Length %d, input has %d bytes", di, d.Length, len(text)))
		}
		if d.DCT.Value != "" {
			if !d.DCT.Given {
				add(checkSpan(fmt.Sprintf("doc %d DCT", di), d.DCT.Span, d.DCT.Text, text))
			}
			add(checkTimex(fmt.Sprintf("doc %d DCT %q", di, d.DCT.Text), d.DCT.Timex))
		}
		if sentences {
			prev := 0
			for si, s := range d.Sentences {
				add(checkSpan(fmt.Sprintf("doc %d sentence %d", di, si), s.Span, s.Text, text))
				if s.Start < prev {
					add(fmt.Errorf("doc %d sentence %d starts at %d, before the end %d of the one before", di, si, s.Start, prev))
				}
				prev = s.End
			}
		}
	}
	// expressions
	for i, e := range tl.Expressions {
		what := fmt.Sprintf("expression %d %q", i, e.Text)
		text, ok := src(e.Doc)
		if !ok {
			add(fmt.Errorf("%s: doc %d out of range", what, e.Doc))
			continue
		}
		add(checkSpan(what, e.Span, e.Text, text))
		if e.Len() == 0 {
			add(fmt.Errorf("%s: empty span", what))
		}
		add(checkTimex(what, e.Timex))
		if sentences {
			ss := tl.Documents[e.Doc].Sentences
			if e.Sentence < 0 || e.Sentence >= len(ss) {
				add(fmt.Errorf("%s: sentence %d out of range", what, e.Sentence))
			} else if !ss[e.Sentence].Contains(e.Span) {
				add(fmt.Errorf("%s: not inside its sentence %d %v", what, e.Sentence, ss[e.Sentence].Span))
			}
		}
		if i > 0 {
			p := tl.Expressions[i-1]
			if p.Doc == e.Doc && p.End > e.Start {
				add(fmt.Errorf("%s %v overlaps or precedes expression %d %v", what, e.Span, i-1, p.Span))
			}
		}
	}
	// events
	for i := range tl.Events {
		ev := &tl.Events[i]
		what := fmt.Sprintf("event %d %s", i, ev.ID)
		text, ok := src(ev.Doc)
		if !ok {
			add(fmt.Errorf("%s: doc %d out of range", what, ev.Doc))
			continue
		}
		add(checkSpan(what+" date", ev.Date.Span, ev.Date.Text, text))
		add(checkSpan(what+" trigger", ev.Trigger.Span, ev.Trigger.Text, text))
		add(checkSpan(what+" sentence", ev.Sentence.Span, ev.Sentence.Text, text))
		if !ev.Sentence.Contains(ev.Date.Span) {
			add(fmt.Errorf("%s: date %v outside its sentence %v", what, ev.Date.Span, ev.Sentence.Span))
		}
		if ev.Sentence.Furniture != "" {
			add(fmt.Errorf("%s: read from furniture (%s)", what, ev.Sentence.Furniture))
		}
		for k, a := range ev.Actors {
			add(checkSpan(fmt.Sprintf("%s actor %d", what, k), a.Span, a.Text, text))
		}
		for k, a := range ev.Recipients {
			add(checkSpan(fmt.Sprintf("%s recipient %d", what, k), a.Span, a.Text, text))
		}
		for k, s := range ev.Sources {
			st, ok := src(s.Doc)
			if !ok {
				add(fmt.Errorf("%s source %d: doc %d out of range", what, k, s.Doc))
				continue
			}
			if sp := s.Sentence; sp.Start < 0 || sp.Start > sp.End || sp.End > len(st) {
				add(fmt.Errorf("%s source %d: span %v outside the input of %d bytes", what, k, sp, len(st)))
			}
		}
		if len(ev.Sources) == 0 {
			add(fmt.Errorf("%s: no sources", what))
		}
		add(checkTimex(what+" date", ev.Date.Timex))
		if !ev.Date.Resolved() {
			add(fmt.Errorf("%s: date %q is not on the calendar", what, ev.Date.Value))
		}
		if i > 0 && eventBefore(ev, &tl.Events[i-1]) {
			p := &tl.Events[i-1]
			add(fmt.Errorf("%s (%s %v) is out of order after event %d (%s %v)", what, ev.Date.Value, ev.Date.Interval, i-1, p.Date.Value, p.Date.Interval))
		}
	}
	// diagnostics
	for i, d := range tl.Diagnostics {
		what := fmt.Sprintf("diagnostic %d %s %q", i, d.Reason, d.Text)
		text, ok := src(d.Doc)
		if !ok {
			add(fmt.Errorf("%s: doc %d out of range", what, d.Doc))
			continue
		}
		add(checkSpan(what, d.Span, d.Text, text))
		if d.Reason == "" {
			add(fmt.Errorf("%s: no reason", what))
		}
	}
	add(checkNothingLost(tl))
	return errs
}

// knownReasons are the reasons a diagnostic may give for an expression
// that is not an event's date.
var knownReasons = map[string]bool{
	ReasonUnresolved: true, ReasonFurniture: true, ReasonNotADate: true,
	ReasonNoEvent: true, ReasonSuperseded: true, ReasonInvalid: true,
}

// checkNothingLost: every expression is the date of an event, or comes
// back in a diagnostic at the same place with one of the known reasons.
func checkNothingLost(tl *Timeline) error {
	type key struct {
		doc int
		sp  Span
	}
	dated := map[key]bool{}
	for _, ev := range tl.Events {
		dated[key{ev.Doc, ev.Date.Span}] = true
	}
	explained := map[key]string{}
	for _, d := range tl.Diagnostics {
		if knownReasons[d.Reason] {
			explained[key{d.Doc, d.Span}] = d.Reason
		}
	}
	var lost []string
	for _, e := range tl.Expressions {
		k := key{e.Doc, e.Span}
		if !dated[k] && explained[k] == "" {
			lost = append(lost, fmt.Sprintf("%q %v (%s %s)", e.Text, e.Span, e.Value, e.Anchor))
		}
	}
	if len(lost) > 0 {
		return fmt.Errorf("%d expressions neither date an event nor come back as diagnostics: %s", len(lost), strings.Join(lost, "; "))
	}
	return nil
}

// checkTimex checks a normalized value: valid TIMEX3, consistent with its
// type, anchor and interval.
func checkTimex(what string, tx Timex) error {
	if err := validTimexValue(tx.Value); err != nil {
		return fmt.Errorf("%s: %v", what, err)
	}
	switch tx.Type {
	case Date, TimeType, Duration, Set:
	default:
		return fmt.Errorf("%s: unknown type %q", what, tx.Type)
	}
	isDur := strings.HasPrefix(tx.Value, "P") && !strings.HasSuffix(tx.Value, "_REF")
	if tx.Type == Duration && !isDur {
		return fmt.Errorf("%s: DURATION with value %q", what, tx.Value)
	}
	if (tx.Type == Date || tx.Type == TimeType) && isDur {
		return fmt.Errorf("%s: %s with a duration value %q", what, tx.Type, tx.Value)
	}
	if tx.Type == TimeType && !strings.Contains(tx.Value, "T") {
		return fmt.Errorf("%s: TIME without a time part: %q", what, tx.Value)
	}
	if !tx.Resolved() {
		if !tx.Interval.End.IsZero() {
			return fmt.Errorf("%s: interval with an end but no beginning", what)
		}
		return nil
	}
	if tx.Anchor == Unresolved {
		return fmt.Errorf("%s: anchor unresolved, yet an interval %v", what, tx.Interval)
	}
	if strings.Contains(tx.Value, "X") || isDur || strings.HasSuffix(tx.Value, "_REF") {
		return fmt.Errorf("%s: value %q is not a calendar value, yet an interval %v", what, tx.Value, tx.Interval)
	}
	b := tx.Interval.Begin
	if y := b.Year(); y < -9998 || y > 9999 {
		return fmt.Errorf("%s: interval begins in year %d", what, y)
	}
	if e := tx.Interval.End; !e.IsZero() && !e.After(b) {
		return fmt.Errorf("%s: empty or reversed interval %v", what, tx.Interval)
	}
	if want, ok := valueBegin(tx.Value); ok && !want.Equal(b) {
		return fmt.Errorf("%s: value %q begins %v, the interval %v", what, tx.Value, want, b)
	}
	return nil
}

// The TIMEX3 value grammar (TimeML 1.2 / ISO-TimeML), as much of it as
// eventline can write.
var (
	// coarse: millennium "2", century "19", decade "199", BC or X'ed.
	timexCoarse = regexp.MustCompile(`^(?:BC)?[0-9X]{1,3}$`)
	// a calendar value: a four-digit (BC or X'ed) year, then a month and
	// day, an ISO week (and weekend), a season, a quarter or a half; then
	// an optional time: hours, minutes, seconds or a part of day.
	timexDate = regexp.MustCompile(`^(BC[0-9]{4}|[0-9]{4}|XXXX)` +
		`(?:-(?:(0[1-9]|1[0-2]|XX)(?:-(0[1-9]|[12][0-9]|3[01]|XX))?` +
		`|W(0[1-9]|[1-4][0-9]|5[0-3]|XX)(?:-(?:WE|[1-7]))?` +
		`|SP|SU|FA|WI|Q[1-4X]|H[12X]))?` +
		`(?:T(?:([01][0-9]|2[0-4])(?::([0-5][0-9])(?::([0-5][0-9]|60))?)?|MO|MI|AF|EV|NI|DT))?$`)
	// a duration: P, then quantities (digits, a decimal, or X) of years,
	// months, weeks, days, quarters, decades, centuries, millennia, and a
	// T part of hours, minutes and seconds; at least one quantity.
	timexDuration = regexp.MustCompile(`^P(?:(?:[0-9]+(?:\.[0-9]+)?|X)(?:Y|M|W|D|Q|H|DE|CE|ML))*(?:T(?:(?:[0-9]+(?:\.[0-9]+)?|X)(?:H|M|S))+)?$`)
	timexRef      = regexp.MustCompile(`^(?:PRESENT|PAST|FUTURE)_REF$`)
)

// validTimexValue reports whether v is a TIMEX3 value: a date or time
// (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-SU, YYYY-Q1, 199, 19,
// BC0499, …THH:MM(:SS), …TMO, XXXX-…), a duration (P…, PT…, PXY, P3DE)
// or a reference (PRESENT_REF, PAST_REF, FUTURE_REF). Dates are checked
// against the calendar: 2021-02-30 is refused, 2020-02-29 and XXXX-02-29
// are not.
func validTimexValue(v string) error {
	switch {
	case v == "":
		return fmt.Errorf("empty value")
	case timexRef.MatchString(v):
		return nil
	case strings.HasPrefix(v, "P"):
		if v == "P" || v == "PT" || !timexDuration.MatchString(v) {
			return fmt.Errorf("invalid duration %q", v)
		}
		return nil
	case timexCoarse.MatchString(v):
		return nil
	}
	m := timexDate.FindStringSubmatch(v)
	if m == nil {
		return fmt.Errorf("invalid TIMEX3 value %q", v)
	}
	year, month, day := m[1], m[2], m[3]
	if day != "" && day != "XX" && month != "XX" {
		mo, _ := strconv.Atoi(month)
		d, _ := strconv.Atoi(day)
		y := 2000 // a leap year, for XXXX-02-29
		if n, err := strconv.Atoi(strings.TrimPrefix(year, "BC")); err == nil {
			y = n
			if strings.HasPrefix(year, "BC") {
				y = 1 - n
			}
		}
		if t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC); t.Day() != d {
			return fmt.Errorf("%q: no day %d in month %d of year %s", v, d, mo, year)
		}
	}
	// m[4] is the week; m[5], m[6], m[7] the hours, minutes, seconds
	if m[5] == "24" && (m[6] != "" && m[6] != "00" || m[7] != "" && m[7] != "00") {
		return fmt.Errorf("%q: past 24:00", v)
	}
	return nil
}

// valueBegin returns the first instant of a fully numeric date or time
// value ("2021", "2021-03", "2021-03-04", "2021-03-04T05", "…T05:06",
// "…T05:06:07"); ok is false for the other forms.
func valueBegin(v string) (time.Time, bool) {
	for _, layout := range []string{"2006", "2006-01", "2006-01-02", "2006-01-02T15", "2006-01-02T15:04", "2006-01-02T15:04:05"} {
		if len(v) != len(layout) {
			continue
		}
		if t, err := time.Parse(layout, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// checkExporters runs every output format over tl: none may fail or
// panic, and the JSON must be valid.
func checkExporters(tl *Timeline) []error {
	var errs []error
	for _, f := range Formats() {
		var buf bytes.Buffer
		if err := Write(&buf, tl, f); err != nil {
			errs = append(errs, fmt.Errorf("format %s: %v", f, err))
		}
		if f == "json" && !json.Valid(buf.Bytes()) {
			errs = append(errs, fmt.Errorf("format json: invalid JSON"))
		}
	}
	if err := Write(io.Discard, tl, "no-such-format"); err == nil {
		errs = append(errs, fmt.Errorf("an unknown format was accepted"))
	}
	return errs
}

// timelineJSON is the byte form compared for determinism.
func timelineJSON(tl *Timeline) string {
	b, err := json.Marshal(tl)
	if err != nil {
		return "error: " + err.Error()
	}
	return string(b)
}
