package timeline

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/eventline/eventline/timeline/internal/temporal"
)

// finishRef is finish as it was, reckoning the calendar for the year
// check, the truncation, the value and the end each: the reference for
// periodValue and the date read once.
func (r *resolver) finishRef(m *temporal.Mention, t time.Time, g Granularity, typ TimexType, how Anchor) Timex {
	if t.Year() > 9999 {
		return unresolvedTimex(m, g, typ)
	}
	begin := truncate(t, g)
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

// finishZones are the zones of the times finish is checked on: UTC
// takes truncateClock, the others the calendar.
var finishZones = []*time.Location{time.UTC, time.FixedZone("X", -5*3600), time.FixedZone("UTC", 0)}

// checkFinish compares finish and finishRef on time t, at every
// granularity, for mentions with each of the fields finish reads.
func checkFinish(t *testing.T, tm time.Time) {
	t.Helper()
	r := &resolver{}
	ms := []temporal.Mention{{}, {Extra: temporal.Extra{Season: "SU"}}, {Extra: temporal.Extra{Season: "WI"}}, {Extra: temporal.Extra{Quarter: 3}},
		{Extra: temporal.Extra{Half: 2}}, {Extra: temporal.Extra{PartOfDay: "MO"}}, {Extra: temporal.Extra{Open: true}}, {Extra: temporal.Extra{Mod: "START"}}}
	for g := Unknown; g <= Second; g++ {
		for i := range ms {
			if got, want := r.finish(&ms[i], tm, g, Date, Explicit), r.finishRef(&ms[i], tm, g, Date, Explicit); got != want {
				t.Fatalf("finish(%+v, %v, %v) = %+v, want %+v", ms[i], tm, g, got, want)
			}
		}
	}
}

// TestFinishMatchesReference: at random times from before year 1 to
// past 9999, in several zones, and at the edges of years.
func TestFinishMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	n := 20000
	if raceEnabled {
		n = 2000
	}
	for range n {
		y := rng.IntN(10200) - 100
		if rng.IntN(2) == 0 {
			y = 1900 + rng.IntN(200)
		}
		tm := time.Date(y, time.Month(1+rng.IntN(12)), 1+rng.IntN(31), rng.IntN(24), rng.IntN(60), rng.IntN(60), rng.IntN(2)*rng.IntN(1e9), finishZones[rng.IntN(len(finishZones))])
		checkFinish(t, tm)
	}
	for _, y := range []int{-1, 0, 1, 2, 1969, 1970, 1999, 2000, 9998, 9999, 10000} {
		for _, z := range finishZones {
			checkFinish(t, time.Date(y, 1, 1, 0, 0, 0, 0, z))
			checkFinish(t, time.Date(y, 12, 31, 23, 59, 59, 0, z))
		}
	}
}

func FuzzFinish(f *testing.F) {
	f.Add(int64(0), uint8(0))
	f.Add(int64(946684800), uint8(1))
	f.Add(int64(-62135596800), uint8(2))
	f.Fuzz(func(t *testing.T, unix int64, zone uint8) {
		checkFinish(t, time.Unix(unix%(400000*365*86400), 0).In(finishZones[int(zone)%len(finishZones)]))
	})
}
