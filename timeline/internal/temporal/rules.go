package temporal

import (
	"fmt"
	"strings"
	"time"

	"github.com/olebedev/when/rules"
)

// apply fills a when Context from a match's captures.
type apply func(caps []string, c *rules.Context) bool

// extend fills what a when Context cannot carry.
type extend func(caps []string, x *Extra) bool

// rule builds a Rule whose when Applier calls fill.
func rule(name string, prio int, needs Trigger, pattern string, fill apply, ext extend) *Rule {
	r := &Rule{Name: name, Priority: prio, Needs: needs}
	r.When = rules.F{
		RegExp: rx(pattern),
		Applier: func(m *rules.Match, c *rules.Context, _ *rules.Options, _ time.Time) (bool, error) {
			if fill == nil {
				return true, nil
			}
			return fill(m.Captures, c), nil
		},
	}
	if ext != nil {
		r.Extend = func(m *rules.Match, x *Extra) bool { return ext(m.Captures, x) }
	}
	return r
}

// Shared pattern pieces.
const (
	modPrefix = `(?:\b(early|mid|middle|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+)?`
	yearPat   = `(?:1[0-9]|20)\d{2}`
	ordSuffix = `(?:st|nd|rd|th)?`
	// yearAfter captures a year after a month and day: the day-and-year
	// rules take the valid dates, so a month-day rule that sees one has a
	// date the calendar lacks ("Feb. 29, 2021") and must not guess a year
	yearAfter = `(?:\.?,?\s*(\d{4})\b)?`
)

// mods maps written modifiers to TIMEX3 mods.
var mods = map[string]string{
	"early": "START", "the beginning of": "START", "the start of": "START",
	"mid": "MID", "middle": "MID", "the middle of": "MID",
	"late": "END", "the end of": "END",
}

func modOf(s string) string {
	return mods[strings.Join(strings.Fields(strings.ToLower(s)), " ")]
}

// English returns the built-in English rules, in priority order.
func English() []*Rule {
	return []*Rule{
		rule("iso-datetime", 30, TDigit,
			`\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?\b`,
			func(c []string, x *rules.Context) bool {
				return setYMD(x, c[0], c[1], c[2]) && setHMS(x, c[3], c[4], c[5], "")
			}, nil),
		rule("month-day-year", 30, TMonth,
			modPrefix+`\b(`+monthPat+`)\.?\s+(\d{1,2})`+ordSuffix+`(?:,\s*|\s+)(\d{4})\b`,
			func(c []string, x *rules.Context) bool { return setYMD(x, c[3], c[1], c[2]) },
			func(c []string, x *Extra) bool { x.Mod = modOf(c[0]); return true }),
		rule("day-month-year", 30, TMonth,
			`\b(\d{1,2})`+ordSuffix+`\s+(?:of\s+)?(`+monthPat+`)\.?,?\s+(\d{4})\b`,
			func(c []string, x *rules.Context) bool { return setYMD(x, c[2], c[1], c[0]) }, nil),
		rule("day-mon-year", 30, TMonth,
			`\b(\d{1,2})[-/ ](`+monthPat+`)[-/ ](\d{4}|\d{2})\b`,
			func(c []string, x *rules.Context) bool {
				y := c[2]
				if len(y) == 2 {
					y = "20" + y
				}
				return setYMD(x, y, c[1], c[0])
			}, nil),
		rule("month-day", 20, TMonth,
			`\b(`+monthPat+`)\.?\s+(\d{1,2})`+ordSuffix+`\b`+yearAfter,
			func(c []string, x *rules.Context) bool {
				return c[2] == "" && plausibleMonth(c[0]) && setMD(x, c[0], c[1])
			},
			nil),
		rule("day-month", 20, TMonth,
			`\b(\d{1,2})`+ordSuffix+`\s+(?:of\s+)?(`+monthPat+`)\b`+yearAfter,
			func(c []string, x *rules.Context) bool {
				return c[2] == "" && capitalized(c[1]) && setMD(x, c[1], c[0])
			}, nil),
		rule("month-year", 25, TMonth,
			modPrefix+`\b(`+monthPat+`)\.?,?\s+(?:of\s+)?(`+yearPat+`)\b`,
			func(c []string, x *rules.Context) bool {
				m := monthNum(c[1])
				y, ok := atoi(c[2])
				if m == 0 || !ok || !capitalized(c[1]) {
					return false
				}
				x.Year, x.Month = ptr(y), ptr(m)
				return true
			},
			func(c []string, x *Extra) bool { x.Mod = modOf(c[0]); return true }),
		rule("month", 10, TMonth,
			modPrefix+`\b(january|february|march|april|june|july|august|september|october|november|december|sept|jan|feb|apr|aug|oct|nov|dec)\b\.?`,
			func(c []string, x *rules.Context) bool {
				m := monthNum(c[1])
				if m == 0 || !capitalized(c[1]) {
					return false
				}
				x.Month = ptr(m)
				return true
			},
			func(c []string, x *Extra) bool { x.Mod = modOf(c[0]); x.Tensed = true; return true }),
		rule("since-year", 16, TDigit,
			`\b(?:since|from)\s+(`+yearPat+`)\b`,
			func(c []string, x *rules.Context) bool { return setY(x, c[0]) },
			func(c []string, x *Extra) bool { x.Open = true; return true }),
		rule("decade", 15, TDigit,
			modPrefix+`\b(?:the\s+)?(`+yearPat[:len(yearPat)-4]+`\d)0'?s\b`,
			func(c []string, x *rules.Context) bool {
				d, ok := atoi(c[1])
				if !ok {
					return false
				}
				x.Year = ptr(d * 10)
				return true
			},
			func(c []string, x *Extra) bool { x.Gran = GDecade; x.Mod = modOf(c[0]); return true }),
		rule("year", 12, TDigit,
			modPrefix+`\b(`+yearPat+`)\b`,
			func(c []string, x *rules.Context) bool { return setY(x, c[1]) },
			func(c []string, x *Extra) bool { x.Mod = modOf(c[0]); return true }),
		rule("weekday-part", 22, TWeekday,
			`\b(?:(last|this|next|past|coming)\s+)?(`+weekdayPat+`)\.?\s+(morning|afternoon|evening|night)\b`,
			func(c []string, x *rules.Context) bool { return setWeekday(x, c[1]) },
			func(c []string, x *Extra) bool {
				x.PartOfDay = partOfDay(c[2])
				x.Gran = GPartOfDay
				return weekdayDir(c[0], x)
			}),
		rule("weekday", 20, TWeekday,
			`\b(?:(late|early)\s+)?(?:(last|this|next|past|coming)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`,
			func(c []string, x *rules.Context) bool { return setWeekday(x, c[2]) },
			func(c []string, x *Extra) bool { return weekdayDir(c[1], x) }),
		rule("deictic-day", 20, TWord,
			`\b(yesterday|today|tomorrow|tonight)\b`,
			nil,
			func(c []string, x *Extra) bool {
				switch strings.ToLower(c[0]) {
				case "yesterday":
					x.Rel = &Rel{GDay, -1}
				case "today":
					x.Rel = &Rel{GDay, 0}
				case "tomorrow":
					x.Rel = &Rel{GDay, 1}
				case "tonight":
					x.Rel = &Rel{GDay, 0}
					x.PartOfDay, x.Gran = "NI", GPartOfDay
				}
				return true
			}),
		rule("units-ago", 24, TWord,
			`\b(`+numberPat+`)[\s-]+(day|week|month|year|decade|century|centurie)s?\s+(ago|earlier|later|before|after)\b`,
			nil,
			func(c []string, x *Extra) bool {
				n, ok := number(c[0])
				u := unitGran(c[1])
				if !ok || n < 0 || u == GUnknown || n != float64(int(n)) {
					return false
				}
				sign := 1
				switch strings.ToLower(c[2]) {
				case "ago", "earlier", "before":
					sign = -1
				}
				x.Rel = &Rel{u, sign * int(n)}
				x.Story = !strings.EqualFold(c[2], "ago")
				return true
			}),
		rule("relative-unit", 22, TWord,
			`\b(last|this|next|coming|previous|following|current)\s+(day|week|weekend|month|year|decade|century|quarter)\b`,
			nil,
			func(c []string, x *Extra) bool {
				u := unitGran(c[1])
				n := 0
				switch strings.ToLower(c[0]) {
				case "last", "previous":
					n = -1
				case "next", "coming", "following":
					n = 1
				}
				x.Rel = &Rel{u, n}
				x.Story = strings.EqualFold(c[0], "previous") || strings.EqualFold(c[0], "following")
				if strings.EqualFold(c[1], "weekend") {
					x.Rel.Unit, x.Value = GWeek, "WE"
				}
				return true
			}),
		rule("duration", 18, TWord,
			`\b(`+numberPat+`)(?:\s+|-)(second|minute|hour|day|week|month|year|decade|century|centurie)s?(?:[\s-](long|old))?\b`,
			nil,
			func(c []string, x *Extra) bool {
				n, ok := number(c[0])
				if !ok {
					return false
				}
				x.Kind = Length
				x.Value = durationValue(n, unitGran(c[1]))
				return x.Value != ""
			}),
		rule("time-of-day", 26, TDigit,
			`\b(\d{1,2})[:.](\d{2})(?:\s*([ap]\.?m\b\.?))?(?:\s+(GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|MSK))?\b`,
			func(c []string, x *rules.Context) bool { return setHMS(x, c[0], c[1], "", c[2]) },
			nil),
		rule("hour-ampm", 24, TDigit,
			`\b(\d{1,2})\s*([ap]\.?m\b\.?)(?:\s+(GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|MSK))?`,
			func(c []string, x *rules.Context) bool { return setHMS(x, c[0], "0", "", c[1]) },
			nil),
		rule("vague", 8, TWord,
			`\b(now|currently|nowadays|recently|lately|(?:in\s+)?the\s+past|the\s+future|the\s+present)\b`,
			nil,
			func(c []string, x *Extra) bool {
				x.Kind = Vague
				switch w := strings.ToLower(c[0]); {
				case w == "now" || w == "currently" || w == "nowadays" || strings.HasSuffix(w, "present"):
					x.Value = "PRESENT_REF"
				case strings.HasSuffix(w, "future"):
					x.Value = "FUTURE_REF"
				default:
					x.Value = "PAST_REF"
				}
				return true
			}),
		rule("set", 19, TWord,
			`\b(every\s+(?:day|week|month|year)|daily|weekly|monthly|yearly|annually)\b`,
			nil,
			func(c []string, x *Extra) bool {
				x.Kind = Repeat
				w := strings.ToLower(c[0])
				switch {
				case strings.Contains(w, "day") || w == "daily":
					x.Value = "P1D"
				case strings.Contains(w, "week"):
					x.Value = "P1W"
				case strings.Contains(w, "month"):
					x.Value = "P1M"
				default:
					x.Value = "P1Y"
				}
				return true
			}),
	}
}

// plausibleMonth refuses the lower-case words that are also month names
// ("may", "march") so that "may 5" is not a date.
func plausibleMonth(s string) bool {
	l := strings.ToLower(s)
	return capitalized(s) || l != "may" && l != "march"
}

func capitalized(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

func setY(x *rules.Context, y string) bool {
	v, ok := atoi(y)
	if !ok {
		return false
	}
	x.Year = ptr(v)
	return true
}

// setYMD sets a full date, refusing dates the calendar does not have
// (February 30, month 13, year 0, year 1).
func setYMD(x *rules.Context, y, m, d string) bool {
	yy, ok1 := atoi(y)
	dd, ok2 := atoi(d)
	mm, ok3 := atoi(m)
	if !ok3 {
		mm = monthNum(m)
	}
	// year 1 is refused too: "0001-01-01" is the zero time that Go and
	// .NET print for a missing date, and its first instant is
	// time.Time's zero, which Timex.Resolved reads as "no interval"
	if !ok1 || !ok2 || mm < 1 || mm > 12 || yy < 2 || !validDay(yy, mm, dd) {
		return false
	}
	x.Year, x.Month, x.Day = ptr(yy), ptr(mm), ptr(dd)
	return true
}

// setMD sets a month and day with no year; February 29 is allowed.
func setMD(x *rules.Context, m, d string) bool {
	mm := monthNum(m)
	dd, ok := atoi(d)
	if mm == 0 || !ok || !validDay(2000, mm, dd) {
		return false
	}
	x.Month, x.Day = ptr(mm), ptr(dd)
	return true
}

func validDay(y, m, d int) bool {
	if d < 1 || d > 31 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

// setHMS sets a clock time; ampm is "a" or "p" for 12-hour times.
func setHMS(x *rules.Context, h, m, s, ampm string) bool {
	if h == "" {
		return true
	}
	hh, ok1 := atoi(h)
	mm, ok2 := atoi(m)
	if !ok1 || !ok2 || mm > 59 {
		return false
	}
	switch strings.ToLower(ampm[:min(len(ampm), 1)]) {
	case "a":
		if hh < 1 || hh > 12 {
			return false
		}
		if hh == 12 {
			hh = 0
		}
	case "p":
		if hh < 1 || hh > 12 {
			return false
		}
		if hh != 12 {
			hh += 12
		}
	}
	if hh > 23 {
		return false
	}
	x.Hour, x.Minute = ptr(hh), ptr(mm)
	if s != "" {
		ss, ok := atoi(s)
		if !ok || ss > 59 {
			return false
		}
		x.Second = ptr(ss)
	}
	return true
}

func setWeekday(x *rules.Context, w string) bool {
	d := weekdayNum(w)
	if d < 0 {
		return false
	}
	x.Weekday = ptr(d)
	return true
}

func weekdayDir(mod string, x *Extra) bool {
	switch strings.ToLower(mod) {
	case "last", "past":
		x.Dir = -1
	case "next", "coming":
		x.Dir = 1
	default:
		x.Tensed = true
	}
	return true
}

func partOfDay(s string) string {
	switch strings.ToLower(s) {
	case "morning":
		return "MO"
	case "afternoon":
		return "AF"
	case "evening":
		return "EV"
	}
	return "NI"
}

func unitGran(s string) Gran {
	switch strings.ToLower(s) {
	case "second":
		return GSecond
	case "minute":
		return GMinute
	case "hour":
		return GHour
	case "day":
		return GDay
	case "week", "weekend":
		return GWeek
	case "month":
		return GMonth
	case "quarter":
		return GQuarter
	case "year":
		return GYear
	case "decade":
		return GDecade
	case "century", "centurie":
		return GCentury
	}
	return GUnknown
}

// durationValue writes a TIMEX3 duration: P5Y, PT48H, P3DE; X for a vague
// quantity ("several years" is PXY).
func durationValue(n float64, u Gran) string {
	q := "X"
	if n >= 0 {
		q = strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", n), "0"), ".")
	}
	switch u {
	case GSecond:
		return "PT" + q + "S"
	case GMinute:
		return "PT" + q + "M"
	case GHour:
		return "PT" + q + "H"
	case GDay:
		return "P" + q + "D"
	case GWeek:
		return "P" + q + "W"
	case GMonth:
		return "P" + q + "M"
	case GQuarter:
		return "P" + q + "Q"
	case GYear:
		return "P" + q + "Y"
	case GDecade:
		return "P" + q + "DE"
	case GCentury:
		return "P" + q + "CE"
	}
	return ""
}
