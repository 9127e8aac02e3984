package timeline

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"
)

// The value formatting as it was, with fmt and time.Format: the
// reference formatValue, yearDigits and pad2 must equal.

// formatValue writes the TIMEX3 value of the period of granularity g that
// starts at t.
func formatValueRef(t time.Time, g Granularity) string {
	y := t.Year()
	if y <= 0 {
		return formatBC(t, g)
	}
	switch g {
	case Millennium:
		return yearDigitsRef(floorDiv(y, 1000), 1)
	case Century:
		return yearDigitsRef(floorDiv(y, 100), 2)
	case Decade:
		return yearDigitsRef(floorDiv(y, 10), 3)
	case Year:
		return yearDigitsRef(y, 4)
	case Half:
		return fmt.Sprintf("%s-H%d", yearDigitsRef(y, 4), (int(t.Month())-1)/6+1)
	case Quarter:
		return fmt.Sprintf("%s-Q%d", yearDigitsRef(y, 4), (int(t.Month())-1)/3+1)
	case Month:
		return fmt.Sprintf("%s-%02d", yearDigitsRef(y, 4), t.Month())
	case Week:
		iy, w := t.ISOWeek()
		return fmt.Sprintf("%s-W%02d", yearDigitsRef(iy, 4), w)
	case Day:
		return t.Format("2006-01-02")
	case Hour:
		return t.Format("2006-01-02T15")
	case Minute:
		return t.Format("2006-01-02T15:04")
	case Second:
		return t.Format("2006-01-02T15:04:05")
	}
	return t.Format("2006-01-02")
}

// yearDigits writes the first n digits of a four-digit year count; years
// before 1 are written as TIMEX3 BC values ("BC0499").
func yearDigitsRef(v, n int) string {
	if v <= 0 && n == 4 {
		return "BC" + fmt.Sprintf("%04d", 1-v)
	}
	s := strconv.Itoa(v)
	for len(s) < n {
		s = "0" + s
	}
	return s
}

func pad2Ref(v int) string { return fmt.Sprintf("%02d", v) }

// TestFormatMatchesReference compares the formatting with the reference
// on the granularities of times from the years before 1 to past 9999,
// at random and at the edges of years and weeks.
func TestFormatMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var times []time.Time
	for _, y := range []int{-1000, -1, 0, 1, 2, 9, 10, 99, 100, 999, 1000, 1999, 2020, 9999, 10000, 123456} {
		for _, md := range [][2]int{{1, 1}, {1, 3}, {12, 31}, {6, 15}} {
			times = append(times, time.Date(y, time.Month(md[0]), md[1], 23, 59, 58, 0, time.UTC))
		}
	}
	for range 20000 {
		times = append(times, time.Date(rng.IntN(12000)-1000, time.Month(1+rng.IntN(12)), 1+rng.IntN(31), rng.IntN(24), rng.IntN(60), rng.IntN(60), 0, time.UTC))
	}
	for _, tm := range times {
		for g := Unknown; g <= Second+1; g++ {
			if got, want := formatValue(tm, g), formatValueRef(tm, g); got != want {
				t.Fatalf("formatValue(%v, %v) = %q, want %q", tm, g, got, want)
			}
		}
	}
	for v := -1200; v <= 12000; v++ {
		for n := 1; n <= 4; n++ {
			if got, want := yearDigits(v, n), yearDigitsRef(v, n); got != want {
				t.Fatalf("yearDigits(%d, %d) = %q, want %q", v, n, got, want)
			}
		}
		if got, want := pad2(v), pad2Ref(v); got != want {
			t.Fatalf("pad2(%d) = %q, want %q", v, got, want)
		}
	}
}
