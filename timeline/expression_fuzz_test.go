package timeline

import (
	"context"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzExpressions checks that no text makes the temporal rules or the
// resolver panic, that every expression's span indexes the text, and that
// no value names a calendar day that does not exist.
func FuzzExpressions(f *testing.F) {
	for _, s := range []string{
		"On November 12, 1918, he declared a republic. Two days later, the army mutinied.",
		"between September 27 and November 9, 2020; February 30, 2021; 25:70; 0 BC",
		"the 470s BC, the 4th century BC, in 499 BC, the following year, the winter",
		"Revenue for the year ended March 31 rose from $1.76 a year ago; the third-quarter loss",
		"last Tuesday night at 9pm GMT, the early morning hours of November 1, 1954",
		"é—Mar 5 and 22, 2020 – Christmas 1963, Easter, last Thanksgiving; 12am Moscow time",
	} {
		f.Add(s, true)
	}
	x, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, withDCT bool) {
		doc := Document{Text: text}
		if withDCT {
			doc.DCT, doc.DCTGranularity = time.Date(2023, 9, 20, 0, 0, 0, 0, time.UTC), Day
		}
		tl, err := x.Extract(context.Background(), doc)
		if err != nil {
			return
		}
		for _, e := range tl.Expressions {
			if e.Start < 0 || e.End > len(text) || e.Start > e.End {
				t.Fatalf("span %v outside the text", e.Span)
			}
			if utf8.ValidString(text) && !utf8.ValidString(text[e.Start:e.End]) {
				t.Fatalf("span %v splits a character", e.Span)
			}
			if e.Resolved() && e.Granularity == Day {
				if _, err := time.Parse("2006-01-02", e.Value); err != nil && e.Value[:2] != "BC" {
					t.Fatalf("%q: impossible day %q", e.Text, e.Value)
				}
			}
		}
	})
}
