package timeline

import (
	"context"
	"testing"
	"time"
)

// TestDCTEdges: a caller's DCT at the ends of the calendar TIMEX3 can
// write (years 1 to 9999), and in other zones, with expressions that
// step past them.
func TestDCTEdges(t *testing.T) {
	text := "Yesterday, today and tomorrow; last week, next week, next month, next year, " +
		"two years ago, in two decades, the following day, last century, this decade. " +
		"On Monday, on Sunday evening, in March, in December, at 11 p.m. and at 00:30 it happened."
	x, err := New(WithSentences(true))
	if err != nil {
		t.Fatal(err)
	}
	for _, dct := range []time.Time{
		time.Date(9999, 12, 31, 23, 59, 0, 0, time.UTC),
		time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC),
		// steps before the common era, and onto 0001-01-01T00:00,
		// time.Time's zero, which Timex.Resolved reads as "no interval"
		time.Date(1, 1, 2, 0, 0, 0, 0, time.UTC),
		time.Date(2, 3, 1, 12, 0, 0, 0, time.UTC),
		time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2023, 9, 19, 23, 30, 0, 0, time.FixedZone("UTC+14", 14*3600)),
		time.Date(2023, 9, 19, 0, 30, 0, 0, time.FixedZone("UTC-12", -12*3600)),
	} {
		for _, g := range []Granularity{Unknown, Day, Minute, Year, Second} {
			for _, mode := range []Mode{News, History} {
				doc := Document{Text: text, DCT: dct, DCTGranularity: g, Mode: mode}
				tl, err := x.Extract(context.Background(), doc)
				if err != nil {
					t.Fatal(err)
				}
				for _, err := range checkTimeline(tl, []string{text}, true) {
					t.Errorf("DCT %v (%s, %s): %v", dct, g, mode, err)
				}
			}
		}
	}
}
