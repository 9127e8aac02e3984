package timeline

import (
	"math/rand/v2"
	"testing"
	"time"
)

// checkUTCDate compares utcDate with time.Date, the reference it spares,
// struct for struct.
func checkUTCDate(t *testing.T, y int, mo time.Month, d, h, mi, sec int) {
	t.Helper()
	if got, want := utcDate(y, mo, d, h, mi, sec), time.Date(y, mo, d, h, mi, sec, 0, time.UTC); got != want {
		t.Fatalf("utcDate(%d, %d, %d, %d, %d, %d) = %v, want %v", y, mo, d, h, mi, sec, got, want)
	}
}

// TestUTCDateMatchesDate: fields in range and out of it (Date normalizes
// them), years from far before 1 to far after 9999, and the bounds of
// utcDate's own arithmetic.
func TestUTCDateMatchesDate(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	n := 200000
	if raceEnabled {
		n = 20000
	}
	field := func(lo, hi int) int {
		switch rng.IntN(8) {
		case 0:
			return rng.IntN(1<<26) - 1<<25 // past utcDate's bounds at times
		case 1:
			return rng.IntN(200) - 100
		}
		return lo + rng.IntN(hi-lo+1)
	}
	for range n {
		y := 1900 + rng.IntN(200)
		switch rng.IntN(4) {
		case 0:
			y = rng.IntN(20000) - 10000
		case 1:
			y = rng.IntN(1<<26) - 1<<25
		}
		checkUTCDate(t, y, time.Month(field(1, 12)), field(1, 31), field(0, 23), field(0, 59), field(0, 59))
	}
	const lim = 1 << 24
	for _, y := range []int{-lim, -lim + 1, -401, -400, -1, 0, 1, 1600, 1970, 2000, 2100, 9999, lim - 1, lim} {
		for _, mo := range []time.Month{-lim, -13, -12, -1, 0, 1, 2, 3, 12, 13, 24, 25, lim - 1, lim} {
			for _, d := range []int{-lim, -366, -1, 0, 1, 28, 29, 30, 31, 32, 366, lim - 1, lim} {
				checkUTCDate(t, y, mo, d, 0, 0, 0)
				checkUTCDate(t, y, mo, d, -1, 59, 60)
				checkUTCDate(t, y, mo, d, lim-1, lim-1, lim-1)
				checkUTCDate(t, y, mo, d, -lim+1, -lim+1, -lim+1)
			}
		}
	}
}

func FuzzUTCDate(f *testing.F) {
	f.Add(2000, 1, 1, 0, 0, 0)
	f.Add(-1, 13, 0, -1, 60, -1)
	f.Add(1<<24, 0, 0, 0, 0, 0)
	f.Fuzz(func(t *testing.T, y, mo, d, h, mi, sec int) {
		checkUTCDate(t, y, time.Month(mo), d, h, mi, sec)
	})
}
