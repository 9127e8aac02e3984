package main

import (
	"fmt"
	"strings"

	"github.com/eventline/eventline/timeline"
)

// Window is the size of the date windows that events are grouped into
// before merging: every event is merged only with events of its own
// window, so a window must be wide enough to hold all the mentions of one
// event, and narrow enough to fit one worker.
type Window string

// The window sizes.
const (
	Day   Window = "day"
	Month Window = "month"
	Year  Window = "year"
)

// Undated is the window of events whose date names no point on the
// calendar. The extractor does not make such events today; the window
// keeps them from being lost if it ever does.
const Undated = "undated"

// ParseWindow reads the --window flag.
func ParseWindow(s string) (Window, error) {
	switch w := Window(strings.ToLower(strings.TrimSpace(s))); w {
	case Day, Month, Year:
		return w, nil
	}
	return "", fmt.Errorf("unknown window %q (want day, month or year)", s)
}

// granularity is the precision of the window.
func (w Window) granularity() timeline.Granularity {
	switch w {
	case Day:
		return timeline.Day
	case Month:
		return timeline.Month
	}
	return timeline.Year
}

// Key returns the window that ev belongs to: the beginning of its date,
// written to the precision of the window, or to the precision of the
// date when that is coarser. With day windows, an event dated
// 2020-09-27 is in window "2020-09-27", and one dated only to September
// 2020 in window "2020-09" (not in the window of September 1st). Dates
// coarser than a year (decades, centuries) are their own window, named by
// their TIMEX3 value.
func (w Window) Key(ev timeline.Event) string {
	d := ev.Date
	if d.Interval.Begin.IsZero() {
		return Undated
	}
	g := min(w.granularity(), d.Granularity)
	b := d.Interval.Begin.UTC()
	switch {
	case g >= timeline.Day:
		return b.Format("2006-01-02")
	case g >= timeline.Month:
		return b.Format("2006-01")
	case g >= timeline.Year:
		return b.Format("2006")
	}
	return d.Value
}
