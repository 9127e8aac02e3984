package timeline

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// truncate returns the start of the period of granularity g holding t.
// Weeks start on Monday (ISO 8601).
func truncate(t time.Time, g Granularity) time.Time {
	if begin, ok := truncateClock(t, g); ok {
		return begin
	}
	y, m, d := t.Date()
	return truncateDate(t, y, m, d, g)
}

// truncateClock is truncate for the periods of a day or shorter of a
// time in UTC, not too far from 1970. UTC days are 86,400 seconds: such
// a period starts at a multiple of its seconds, with no calendar to
// reckon.
func truncateClock(t time.Time, g Granularity) (time.Time, bool) {
	if s := clockSeconds(g); s > 0 && t.Location() == time.UTC {
		if u := t.Unix(); u >= -maxFastUnix && u <= maxFastUnix {
			return time.Unix(u-floorMod(u, s), 0).UTC(), true
		}
	}
	return time.Time{}, false
}

// truncateDate is truncate by the calendar, t falling on date y-m-d.
func truncateDate(t time.Time, y int, m time.Month, d int, g Granularity) time.Time {
	switch g {
	case Millennium:
		return utcDate(floorDiv(y, 1000)*1000, 1, 1, 0, 0, 0)
	case Century:
		return utcDate(floorDiv(y, 100)*100, 1, 1, 0, 0, 0)
	case Decade:
		return utcDate(floorDiv(y, 10)*10, 1, 1, 0, 0, 0)
	case Year:
		return utcDate(y, 1, 1, 0, 0, 0)
	case Half:
		return utcDate(y, time.Month((int(m)-1)/6*6+1), 1, 0, 0, 0)
	case Quarter:
		return utcDate(y, time.Month((int(m)-1)/3*3+1), 1, 0, 0, 0)
	case Month, Season:
		return utcDate(y, m, 1, 0, 0, 0)
	case Week:
		off := (int(t.Weekday()) + 6) % 7
		return utcDate(y, m, d-off, 0, 0, 0)
	case Day, PartOfDay:
		return utcDate(y, m, d, 0, 0, 0)
	case Hour:
		return utcDate(y, m, d, t.Hour(), 0, 0)
	case Minute:
		return utcDate(y, m, d, t.Hour(), t.Minute(), 0)
	}
	return utcDate(y, m, d, t.Hour(), t.Minute(), t.Second())
}

// utcDate is time.Date(y, mo, d, h, mi, sec, 0, time.UTC): the same time,
// the fields normalized as Date normalizes them, counted from the days of
// the proleptic Gregorian calendar without Date's look-up of the zone.
// Fields far out of range take time.Date, which overflows its own way.
func utcDate(y int, mo time.Month, d, h, mi, sec int) time.Time {
	if !(calendarField(y) && calendarField(int(mo)) && calendarField(d) && calendarField(h) && calendarField(mi) && calendarField(sec)) {
		return time.Date(y, mo, d, h, mi, sec, 0, time.UTC)
	}
	if mo < 1 || mo > 12 {
		m := int(mo) - 1 // the month into the year, from 0
		y += floorDiv(m, 12)
		mo = time.Month(m-floorDiv(m, 12)*12) + 1
	}
	days := daysToMonth(y, mo) + int64(d-1)
	return time.Unix(days*86400+int64(h)*3600+int64(mi)*60+int64(sec), 0).UTC()
}

// calendarField reports whether v is small enough for utcDate's sums.
func calendarField(v int) bool {
	const lim = 1 << 24
	return uint(v+lim) < 2*lim
}

// daysToMonth returns the days from 1970-01-01 to the first day of month
// mo (1 to 12) of year y: the days of the years from year 0, their leap
// days counted, the years starting in March so that a leap day ends one.
func daysToMonth(y int, mo time.Month) int64 {
	if mo <= 2 {
		y--
	}
	if y < 0 {
		era := floorDiv(y, 400)
		yoe := y - era*400 // 0 to 399
		return int64(era)*146097 + int64(yoe*365+yoe/4-yoe/100+int(marchDays[mo])) - 719468
	}
	u := uint64(y)
	return int64(u*365+u/4-u/100+u/400+uint64(marchDays[mo])) - 719468
}

// marchDays are the days from March 1 to the first of each month.
var marchDays = [13]uint16{1: 306, 2: 337, 3: 0, 4: 31, 5: 61, 6: 92, 7: 122, 8: 153, 9: 184, 10: 214, 11: 245, 12: 275}

// clockSeconds returns the length in seconds of the periods of
// granularity g that are a day or shorter, or 0.
func clockSeconds(g Granularity) int64 {
	switch g {
	case Day, PartOfDay:
		return 24 * 60 * 60
	case Hour:
		return 60 * 60
	case Minute:
		return 60
	case Second:
		return 1
	}
	return 0
}

// floorMod is a mod b taken towards minus infinity, from 0 to b-1.
func floorMod(a, b int64) int64 {
	m := a % b
	if m < 0 {
		m += b
	}
	return m
}

// advance moves t by n periods of granularity g.
func advance(t time.Time, g Granularity, n int) time.Time {
	switch g {
	case Millennium:
		return t.AddDate(1000*n, 0, 0)
	case Century:
		return t.AddDate(100*n, 0, 0)
	case Decade:
		return t.AddDate(10*n, 0, 0)
	case Year:
		return t.AddDate(n, 0, 0)
	case Half:
		return t.AddDate(0, 6*n, 0)
	case Season, Quarter:
		return t.AddDate(0, 3*n, 0)
	case Month:
		return t.AddDate(0, n, 0)
	case Week:
		return addDays(t, 7*n)
	case Day, PartOfDay:
		return addDays(t, n)
	case Hour:
		return t.Add(time.Duration(n) * time.Hour)
	case Minute:
		return t.Add(time.Duration(n) * time.Minute)
	}
	return t.Add(time.Duration(n) * time.Second)
}

// maxFastDays bounds the days addDays moves by with Add, and
// maxFastUnix the times it moves so (some 30,000 years either side of
// 1970): within them neither the Duration nor the time can overflow,
// where Add and AddDate would overflow differently.
const (
	maxFastDays = 1 << 16
	maxFastUnix = 1 << 40
)

// addDays is t.AddDate(0, 0, n). In UTC every day lasts 24 hours, so Add
// gives the same time without reckoning the calendar twice; times in
// other zones (days of 23 or 25 hours) and far moves take AddDate.
func addDays(t time.Time, n int) time.Time {
	if u := t.Unix(); t.Location() != time.UTC || n <= -maxFastDays || n >= maxFastDays || u < -maxFastUnix || u > maxFastUnix {
		return t.AddDate(0, 0, n)
	}
	return t.Round(0).Add(time.Duration(n) * 24 * time.Hour) // AddDate drops a monotonic reading too
}

// formatValue writes the TIMEX3 value of the period of granularity g that
// starts at t.
func formatValue(t time.Time, g Granularity) string {
	y, mo, d := t.Date() // once: each call of Year or Date reckons the calendar anew
	if y <= 0 {
		return formatBC(t, g)
	}
	switch g {
	case Millennium:
		return yearDigits(floorDiv(y, 1000), 1)
	case Century:
		return yearDigits(floorDiv(y, 100), 2)
	case Decade:
		return yearDigits(floorDiv(y, 10), 3)
	case Year:
		return yearDigits(y, 4)
	}
	var buf [32]byte
	b := appendYear(buf[:0], y)
	switch g {
	case Half:
		b = append(b, '-', 'H', byte('0'+(int(mo)-1)/6+1))
	case Quarter:
		b = append(b, '-', 'Q', byte('0'+(int(mo)-1)/3+1))
	case Month:
		b = append2(append(b, '-'), int(mo))
	case Week:
		iy, w := t.ISOWeek()
		if iy <= 0 { // the week of January 1 of year 1
			return yearDigits(iy, 4) + "-W" + pad2(w)
		}
		b = append2(append(appendYear(buf[:0], iy), '-', 'W'), w)
	default:
		b = append2(append(append2(append(b, '-'), int(mo)), '-'), d)
		if g >= Hour && g <= Second {
			h, mi, sec := t.Clock()
			b = append2(append(b, 'T'), h)
			if g >= Minute {
				b = append2(append(b, ':'), mi)
			}
			if g == Second {
				b = append2(append(b, ':'), sec)
			}
		}
	}
	return string(b)
}

// periodValue returns formatValue(begin, g) and advance(begin, g, 1)
// for the period of granularity g that begin starts, truncated from a
// time on date y-mo-d. A year, a month or a day starts on a date read
// from y, mo and d: its value and its end are written from them rather
// than from the calendar reckoned again, twice.
func periodValue(begin time.Time, y int, mo time.Month, d int, g Granularity) (string, time.Time) {
	if y >= 1 { // years before 1 are formatBC's
		var buf [16]byte
		switch g {
		case Year:
			return yearDigits(y, 4), utcDate(y+1, 1, 1, 0, 0, 0)
		case Month:
			b := append2(append(appendYear(buf[:0], y), '-'), int(mo))
			return string(b), utcDate(y, mo+1, 1, 0, 0, 0)
		case Day:
			b := append2(append(append2(append(appendYear(buf[:0], y), '-'), int(mo)), '-'), d)
			return string(b), addDays(begin, 1)
		}
	}
	return formatValue(begin, g), advance(begin, g, 1)
}

// appendYear appends a year from 1 on, in four digits or more (as
// time.Format writes "2006" and yearDigits writes them).
func appendYear(b []byte, y int) []byte {
	for d := 1000; d > 1 && y < d; d /= 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(y), 10)
}

// append2 appends v, from 0 to 99, in two digits.
func append2(b []byte, v int) []byte {
	return append(b, byte('0'+v/10), byte('0'+v%10))
}

// yearDigits writes the first n digits of a four-digit year count; years
// before 1 are written as TIMEX3 BC values ("BC0499").
func yearDigits(v, n int) string {
	if v <= 0 && n == 4 {
		return "BC" + zeroPad(1-v, 4)
	}
	return zeroPad(v, n)
}

// zeroPad writes v in n bytes or more, zeros in front of what
// strconv.Itoa writes (a minus sign included).
func zeroPad(v, n int) string {
	s := strconv.Itoa(v)
	if len(s) >= n {
		return s
	}
	return strings.Repeat("0", n-len(s)) + s
}

// twoDigits are the values 0 to 99 in two digits.
var twoDigits = func() (d [100]string) {
	for v := range d {
		d[v] = string([]byte{byte('0' + v/10), byte('0' + v%10)})
	}
	return d
}()

// pad2 writes v in two digits or more, as fmt's %02d.
func pad2(v int) string {
	if v >= 0 && v < 100 {
		return twoDigits[v]
	}
	return strconv.Itoa(v)
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// holidayDay returns the day of the month of a holiday whose date moves
// with the year: Thanksgiving (the fourth Thursday of November, as in the
// United States), Easter (Western, by the Gregorian computus), Election
// Day (the Tuesday after the first Monday of November), Labor Day (the
// first Monday of September), Memorial Day (the last Monday of May).
func holidayDay(h string, y int) int {
	nth := func(mo time.Month, wd time.Weekday, n int) int {
		first := utcDate(y, mo, 1, 0, 0, 0)
		d := 1 + (int(wd)-int(first.Weekday())+7)%7
		return d + 7*(n-1)
	}
	switch h {
	case "thanksgiving":
		return nth(time.November, time.Thursday, 4)
	case "election":
		return nth(time.November, time.Monday, 1) + 1
	case "labor":
		return nth(time.September, time.Monday, 1)
	case "memorial":
		d := nth(time.May, time.Monday, 1)
		for d+7 <= 31 {
			d += 7
		}
		return d
	case "easter":
		// Anonymous Gregorian algorithm; the day is in April here, or
		// in March when the result is 0 or less (the caller's month is
		// April, so March 31 is April 0 and so on: utcDate, as
		// time.Date, normalizes it).
		a, b, c := y%19, y/100, y%100
		d, e := b/4, b%4
		f := (b + 8) / 25
		g := (b - f + 1) / 3
		hh := (19*a + b - d - g + 15) % 30
		i, k := c/4, c%4
		l := (32 + 2*e + 2*i - hh - k) % 7
		m := (a + 11*hh + 22*l) / 451
		month := (hh + l - 7*m + 114) / 31
		day := (hh+l-7*m+114)%31 + 1
		if month == 3 {
			return day - 31
		}
		return day
	}
	return 1
}

// formatBC writes a value before the common era as TIMEX3 does: the
// count of years before year 1 ("BC0480", "BC0480-08", "BC047" for the
// 470s BC, "BC04" for the fifth century BC). t counts years
// astronomically (year 0 is 1 BC).
func formatBC(t time.Time, g Granularity) string {
	bc := 1 - t.Year()
	switch g {
	case Millennium:
		return fmt.Sprintf("BC%d", bc/1000)
	case Century:
		return fmt.Sprintf("BC%02d", bc/100)
	case Decade:
		return fmt.Sprintf("BC%03d", bc/10)
	case Year, Half, Quarter, Season:
		return fmt.Sprintf("BC%04d", bc)
	case Month, Week:
		return fmt.Sprintf("BC%04d-%02d", bc, t.Month())
	case Day, PartOfDay:
		return fmt.Sprintf("BC%04d-%02d-%02d", bc, t.Month(), t.Day())
	}
	return fmt.Sprintf("BC%04d-%02d-%02dT%02d:%02d", bc, t.Month(), t.Day(), t.Hour(), t.Minute())
}
