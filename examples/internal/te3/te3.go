// Package te3 runs the extractor on TimeML documents: the part the timeml
// and te3eval examples share.
package te3

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/eventline/eventline/timeline"
	"github.com/eventline/eventline/timeline/tempeval"
	"github.com/eventline/eventline/timeline/timeml"
)

// dctLayouts are the forms a TimeML creation time takes, finest first.
var dctLayouts = []struct {
	layout string
	gran   timeline.Granularity
}{
	{"2006-01-02T15:04:05", timeline.Second},
	{"2006-01-02T15:04", timeline.Minute},
	{"2006-01-02T15", timeline.Hour},
	{"2006-01-02", timeline.Day},
	{"2006-01", timeline.Month},
	{"2006", timeline.Year},
}

// clockLayouts is how many of dctLayouts hold a time of day: each reads
// "2006-01-02" in ten bytes exactly (fixed widths) and then the 'T'.
const clockLayouts = 3

// ReadFile reads and parses the TimeML document at path, returning its
// source bytes too; errors name the file. The Doc is ParseText's: the
// commands read its TEXT and creation time, not the links after TEXT.
func ReadFile(path string) (*timeml.Doc, []byte, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	doc, err := timeml.ParseText(src)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return doc, src, nil
}

// ParseDCT reads a TIMEX3 value of a creation time ("1998-01-08",
// "1998-08-07T06:18:00") as a UTC time and its precision.
func ParseDCT(value string) (time.Time, timeline.Granularity, error) {
	v := strings.TrimSpace(value)
	layouts := dctLayouts
	if len(v) <= 10 || v[10] != 'T' {
		// most creation times are dates alone: a time.Parse that fails
		// allocates its error, three a file
		layouts = layouts[clockLayouts:]
	}
	for _, l := range layouts {
		if t, err := time.Parse(l.layout, v); err == nil {
			return t, l.gran, nil
		}
	}
	return time.Time{}, timeline.Unknown, fmt.Errorf("creation time %q is not a calendar date", value)
}

// Mode parses a -mode flag.
func Mode(s string) (timeline.Mode, error) {
	switch s {
	case "auto", "":
		return timeline.Auto, nil
	case "news":
		return timeline.News, nil
	case "narrative", "history":
		return timeline.History, nil
	}
	return timeline.Auto, fmt.Errorf("unknown mode %q (auto, news or narrative)", s)
}

// NewExtractor builds the extractor Extract wants. TimeML reads the
// expressions alone, so unless events is set it makes none (the event
// stage is about half of the work of each document, and New then builds
// no actor index); the expressions are the same either way.
func NewExtractor(events bool) (*timeline.Extractor, error) {
	return timeline.New(timeline.WithEvents(events))
}

// Extract runs x on the raw text of d, with its creation time when it has
// one (else the extractor reads the dateline), and returns the
// expressions sorted by position, longest first.
func Extract(ctx context.Context, x *timeline.Extractor, name string, d *timeml.Doc, mode timeline.Mode) ([]timeline.Expression, error) {
	doc := timeline.Document{ID: name, Text: d.Text, Mode: mode}
	if d.DCT != nil {
		t, g, err := ParseDCT(d.DCT.Value)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		doc.DCT, doc.DCTGranularity = t, g
	}
	tl, err := x.Extract(ctx, doc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	// the timeline is this call's alone: its expressions are sorted in
	// place, and mostly are in that order already
	exprs := tl.Expressions
	if !slices.IsSortedFunc(exprs, byPositionLongestFirst) {
		slices.SortStableFunc(exprs, byPositionLongestFirst)
	}
	return exprs, nil
}

// byPositionLongestFirst orders expressions by start, the longer first
// at one start.
func byPositionLongestFirst(a, b timeline.Expression) int {
	if a.Start != b.Start {
		return cmp.Compare(a.Start, b.Start)
	}
	return cmp.Compare(b.End, a.End)
}

// Annotations turns expressions into TIMEX3 annotations numbered t1, t2…
func Annotations(exprs []timeline.Expression) []timeml.Annotation {
	out := make([]timeml.Annotation, len(exprs))
	for i, e := range exprs {
		out[i] = timeml.Annotation{
			Span:  timeml.Span{Start: e.Start, End: e.End},
			TID:   "t" + strconv.Itoa(i+1),
			Type:  string(e.Type),
			Value: e.Value,
			Mod:   e.Mod,
		}
	}
	return out
}

// Timexes turns expressions into scorer input; the ID is the rule that
// found the expression.
func Timexes(exprs []timeline.Expression) []tempeval.Timex {
	out := make([]tempeval.Timex, len(exprs))
	for i, e := range exprs {
		out[i] = tempeval.Timex{Start: e.Start, End: e.End, Text: e.Text, Type: string(e.Type), Value: e.Value, ID: e.Rule}
	}
	return out
}
