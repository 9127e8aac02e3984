package timeline

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"
)

// checkAddDays compares addDays with AddDate, the reference it spares,
// struct for struct (zone and monotonic reading included).
func checkAddDays(t *testing.T, tm time.Time, n int) {
	t.Helper()
	if got, want := addDays(tm, n), tm.AddDate(0, 0, n); got != want {
		t.Fatalf("addDays(%v, %d) = %v, want %v", tm, n, got, want)
	}
}

// addDaysZones are the zones addDays is checked in: UTC takes Add, the
// others (a fixed zone named UTC among them) AddDate.
var addDaysZones = []*time.Location{time.UTC, time.FixedZone("UTC", 0), time.FixedZone("EST", -5*3600), time.Local}

func TestAddDaysMatchesAddDate(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	steps := []int{0, 1, -1, 7, -7, 365, -366, maxFastDays - 1, maxFastDays, -maxFastDays, 1 << 40, -(1 << 40)}
	var times []time.Time
	for _, y := range []int{-1000, -1, 0, 1, 1969, 1970, 2000, 9999, 10000, 123456, 35000, -35000} {
		times = append(times, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 23, 59, 59, 999, time.UTC))
	}
	times = append(times, time.Time{}, time.Now(), time.Unix(maxFastUnix, 0), time.Unix(-maxFastUnix-1, 0), time.Unix(1<<62, 0), time.Unix(-1<<62, 0))
	for range 20000 {
		sec := rng.Int64N(1<<42) - 1<<41
		times = append(times, time.Unix(sec, rng.Int64N(1e9)).In(addDaysZones[rng.IntN(len(addDaysZones))]))
		steps = append(steps, rng.IntN(2*maxFastDays+10)-maxFastDays-5)
	}
	for i, tm := range times {
		for _, n := range steps[:12] {
			checkAddDays(t, tm, n)
		}
		checkAddDays(t, tm, steps[12+i%(len(steps)-12)])
		checkAddDays(t, tm.UTC(), steps[12+i%(len(steps)-12)])
	}
}

func FuzzAddDays(f *testing.F) {
	f.Add(int64(0), int64(0), 1, uint8(0))
	f.Add(int64(1_600_000_000), int64(5), -3, uint8(1))
	f.Add(int64(maxFastUnix), int64(0), maxFastDays-1, uint8(0))
	f.Add(int64(-1<<62), int64(0), -1, uint8(2))
	f.Fuzz(func(t *testing.T, sec, nsec int64, n int, zone uint8) {
		tm := time.Unix(sec, nsec).In(addDaysZones[int(zone)%len(addDaysZones)])
		checkAddDays(t, tm, n)
		checkAddDays(t, tm.UTC(), n)
	})
}

// checkDayStarts holds the invariant dayStart rests on: a date to the day
// begins at midnight, so its Begin is its day's start.
func checkDayStarts(t *testing.T, doc Document) {
	t.Helper()
	tl, err := fuzzExtractor.Extract(context.Background(), doc)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	for _, e := range tl.Expressions {
		if e.Timex.Granularity == Day && e.Timex.Resolved() {
			if b := e.Timex.Interval.Begin; b != truncate(b, Day) {
				t.Fatalf("%q: the day %q begins at %v, not at midnight", e.Text, e.Timex.Value, b)
			}
		}
	}
}

func TestDayStartsAtMidnight(t *testing.T) {
	for _, text := range seedTexts(t, 1<<16) {
		checkDayStarts(t, fuzzDocument(text, 117_000_000, 4|1))
		checkDayStarts(t, fuzzDocument(text, 0, 0))
	}
	if sharedData(t) != "" {
		for _, d := range loadTBAQ(t) {
			checkDayStarts(t, d)
		}
	}
}

func FuzzDayStarts(f *testing.F) {
	for _, s := range append(seedTexts(f, 4<<10), handSeeds...) {
		f.Add(s, int64(117_000_000), uint8(4|1))
	}
	f.Fuzz(func(t *testing.T, text string, dct int64, flags uint8) {
		if len(text) > maxFuzzLen {
			t.Skip("long inputs are the bad-input tests' job")
		}
		checkDayStarts(t, fuzzDocument(text, dct, flags))
	})
}

// truncateRef is truncate as it was, by the calendar at every
// granularity: the reference for its clock arithmetic.
func truncateRef(t time.Time, g Granularity) time.Time {
	y, m, d := t.Date()
	switch g {
	case Millennium, Century, Decade, Year, Half, Quarter, Month, Season, Week:
		return truncate(t, g) // by the calendar still
	case Day, PartOfDay:
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	case Hour:
		return time.Date(y, m, d, t.Hour(), 0, 0, 0, time.UTC)
	case Minute:
		return time.Date(y, m, d, t.Hour(), t.Minute(), 0, 0, time.UTC)
	}
	return time.Date(y, m, d, t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

func checkTruncate(t *testing.T, tm time.Time) {
	t.Helper()
	for g := Unknown; g <= Second+1; g++ {
		if got, want := truncate(tm, g), truncateRef(tm, g); got != want {
			t.Fatalf("truncate(%v, %v) = %v, want %v", tm, g, got, want)
		}
	}
}

func TestTruncateMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, y := range []int{-35000, -1000, -1, 0, 1, 1969, 1970, 2000, 9999, 10000, 35000, 123456} {
		checkTruncate(t, time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
		checkTruncate(t, time.Date(y, 12, 31, 23, 59, 59, 999, time.UTC))
	}
	for _, tm := range []time.Time{{}, time.Now(), time.Unix(maxFastUnix, 1), time.Unix(-maxFastUnix, 0), time.Unix(-maxFastUnix-1, 0), time.Unix(1<<62, 0), time.Unix(-1<<62, 0)} {
		checkTruncate(t, tm)
		checkTruncate(t, tm.UTC())
	}
	for range 20000 {
		tm := time.Unix(rng.Int64N(1<<42)-1<<41, rng.Int64N(1e9)).In(addDaysZones[rng.IntN(len(addDaysZones))])
		checkTruncate(t, tm)
		checkTruncate(t, tm.UTC())
	}
}

func FuzzTruncate(f *testing.F) {
	f.Add(int64(0), int64(0), uint8(0))
	f.Add(int64(-1), int64(999_999_999), uint8(0))
	f.Add(int64(maxFastUnix), int64(0), uint8(2))
	f.Fuzz(func(t *testing.T, sec, nsec int64, zone uint8) {
		tm := time.Unix(sec, nsec).In(addDaysZones[int(zone)%len(addDaysZones)])
		checkTruncate(t, tm)
		checkTruncate(t, tm.UTC())
	})
}
