package timeline

import (
	"math/rand/v2"
	"testing"
	"time"
)

// checkOwnWeekday holds the shortcut of point for a weekday named
// without "last" or "next" (not strict): on the anchor's own weekday,
// nearestWeekday gives the anchor's day back in either direction, so the
// direction (and the tense that chooses it) need not be read.
func checkOwnWeekday(t *testing.T, from time.Time) {
	t.Helper()
	day := truncate(from, Day)
	back := nearestWeekday(day, day.Weekday(), -1, false)
	on := nearestWeekday(day, day.Weekday(), 1, false)
	if back != day || on != day {
		t.Fatalf("%v, its own weekday: back %v, on %v, want the day itself", day, back, on)
	}
}

func TestOwnWeekdayNeedsNoDirection(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for range 20000 {
		checkOwnWeekday(t, time.Unix(rng.Int64N(1<<42)-1<<41, rng.Int64N(1e9)).UTC())
	}
}

func FuzzOwnWeekday(f *testing.F) {
	f.Add(int64(0))
	f.Add(int64(883_612_800))
	f.Fuzz(func(t *testing.T, sec int64) {
		checkOwnWeekday(t, time.Unix(sec%(1<<40), 0).UTC())
	})
}
