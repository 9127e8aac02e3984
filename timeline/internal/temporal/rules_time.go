package temporal

import (
	"strings"

	"github.com/olebedev/when/rules"
)

const (
	// clockPat is a clock time: "20:07", "10:15 UTC", "9pm GMT", "5 p.m.
	// EST", "5.30 pm", "0530 hrs", "noon", "midnight".
	clockPat = `(?:(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?:\s*(?P<ap>[ap]\.\s?m\b\.?|[ap]m\b))?(?:\s*hrs\b\.?)?` +
		`|(?P<H>\d{1,2})(?:\.(?P<M>\d{2}))?\s*(?P<ap>[ap]\.\s?m\b\.?|[ap]m\b)` +
		`|(?P<H>\d{1,2})\.(?P<M>\d{2})\s*(?P<zone>GMT|UTC|BST|CET|CEST|EET|EEST|WET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|MSK)` +
		`|(?P<noon>noon|midnight|midday))(?:,?\s*` + zonePat + `\b)?`
	// dayAfterClock is the day named after a clock time: "10 p.m.
	// Wednesday", "noon Thursday", "5 p.m. EST Nov. 9", "9:34 p.m., March 19".
	dayAfterClock = `(?:,?\s+(?:on\s+)?(?:(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?P<rd>yesterday|today|tomorrow)|(?P<mon>` + monthPat + `)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?))?`
)

// clock reads clockPat's groups.
func clock(c caps, x *rules.Context) bool {
	switch strings.ToLower(c.g("noon")) {
	case "noon", "midday":
		x.Hour, x.Minute = ptr(12), ptr(0)
		return true
	case "midnight":
		x.Hour, x.Minute = ptr(24), ptr(0)
		return true
	}
	ap := strings.ToLower(c.g("ap"))
	return setClock(x, c.g("H"), c.g("M"), c.g("S"), ap)
}

// dayNamed reads the day named with a clock time or a part of day.
func dayNamed(c caps, x *rules.Context, e *Extra) bool {
	switch {
	case c.g("wd") != "":
		x.Weekday = ptr(weekdayNum(c.g("wd")))
		e.Tensed = true
	case c.g("rd") != "":
		e.Rel = &Rel{GDay, dayWords[strings.ToLower(c.g("rd"))]}
	case c.g("mon") != "":
		d, _ := atoi(c.g("d"))
		if !capitalized(c.g("mon")) {
			return false
		}
		if y, ok := atoi(c.g("y")); ok {
			return setYMD(x, y, monthNum(c.g("mon")), d)
		}
		e.Tensed = true
		return setMD(x, monthNum(c.g("mon")), d)
	}
	return true
}

func timeRules() []*Rule {
	return []*Rule{
		// "4 in the morning", "eight in the evening", "two at night"
		rule("hour-in-part", 33, TDigit|TWord,
			`\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s+o'clock)?\s+(?:in\s+the\s+(?P<p>morning|afternoon|evening)|at\s+(?P<p>night))\b(?P<bad>\s+(?:papers?|newspapers?|editions?|news|shows?|shift|session)\b)?`,
			func(c caps, x *rules.Context, e *Extra) bool {
				if c.g("bad") != "" {
					return false // "four in the morning papers"
				}
				n, ok := number(c.g("n"))
				h := int(n)
				if !ok || h < 1 || h > 12 {
					return false
				}
				switch strings.ToLower(c.g("p")) {
				case "morning":
					if h == 12 {
						h = 0
					}
				case "afternoon", "evening":
					if h < 12 {
						h += 12
					}
				case "night":
					if h >= 6 && h < 12 {
						h += 12
					} else if h == 12 {
						h = 0
					}
				}
				x.Hour, x.Minute = ptr(h), ptr(0)
				return true
			}),
		rule("clock", 32, TDigit|TWord,
			`\b(?:(?P<ca>about|around|approximately|shortly\s+(?:after|before))\s+)?`+clockPat+dayAfterClock+`\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				if !clock(c, x) {
					return false
				}
				if c.g("H") != "" && c.g("M") == "" && c.g("ap") == "" {
					return false
				}
				if strings.HasPrefix(strings.ToLower(c.g("ca")), "a") {
					e.Mod = "APPROX"
				}
				return dayNamed(c, x, e)
			}),
		// "Wednesday at 10 p.m.", "March 19, 2003, at 9:34 p.m."
		rule("day-clock", 31, TWeekday|TMonth|TWord,
			`\b(?:(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?P<rd>yesterday|today|tomorrow)|(?P<mon>`+monthPat+`)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?)(?:,?\s+(?:at\s+)?|\s+(?:morning|afternoon|evening|night)\s+at\s+)`+clockPat+`\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				if !clock(c, x) || c.g("H") != "" && c.g("M") == "" && c.g("ap") == "" {
					return false
				}
				return dayNamed(c, x, e)
			}),
		// Parts of named days: "Tuesday night", "late Thursday
		// afternoon", "this morning", "yesterday evening", "last night",
		// "the next morning".
		rule("weekday-part", 28, TWeekday,
			`\b(?:(?P<mod>early|late)\s+(?:on\s+)?)?(?:(?P<rel>last|this|next|past|coming|this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+next)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:(?P<mod2>early|late)\s+)?(?P<pod>morning|afternoon|evening|night|dawn)\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				x.Weekday = ptr(weekdayNum(c.g("wd")))
				e.PartOfDay, e.Gran = partOfDay(c.g("pod")), GPartOfDay
				e.Mod = modOf(c.g("mod") + c.g("mod2"))
				weekdayDir(c.l("rel"), e)
				return true
			}),
		rule("deictic-part", 27, TWord,
			`\b(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<rel>yesterday|today|tomorrow|this|last|tonight|that|the\s+same|the\s+next|the\s+following|the\s+previous)\s+)(?:(?P<mod2>early|late)\s+)?(?P<pod>morning|afternoon|evening|night)\b|\b(?:(?P<mod>early|late|mid)[\s-]+)?(?P<pod>morning|afternoon|evening|night)\s+(?P<rel>yesterday|today|tomorrow)\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				e.PartOfDay, e.Gran = partOfDay(c.g("pod")), GPartOfDay
				e.Mod = modOf(c.g("mod") + c.g("mod2"))
				switch c.l("rel") {
				case "yesterday":
					e.Rel = &Rel{GDay, -1}
				case "tomorrow":
					e.Rel = &Rel{GDay, 1}
				case "last":
					if e.PartOfDay != "NI" {
						return false
					}
					e.Rel = &Rel{GDay, -1}
				case "this", "today", "tonight":
					e.Rel = &Rel{GDay, 0}
				case "that", "the same":
					e.Rel, e.Story = &Rel{GDay, 0}, true
				case "the next", "the following":
					e.Rel, e.Story = &Rel{GDay, 1}, true
				case "the previous":
					e.Rel, e.Story = &Rel{GDay, -1}, true
				}
				return true
			}),
		// "mid-afternoon", "late afternoon", "early morning": a part of
		// the day under discussion.
		rule("bare-part", 12, TWord,
			`\b(?P<mod>early|late|mid)[\s-](?P<pod>morning|afternoon|evening)\b|\bthe\s+(?:(?P<mod>early|late)\s+)?(?P<pod>morning|afternoon|evening)\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				e.PartOfDay, e.Gran = partOfDay(c.g("pod")), GPartOfDay
				e.Mod = modOf(c.g("mod"))
				e.Rel, e.Story = &Rel{GDay, 0}, true
				return true
			}),
		rule("tonight", 24, TWord,
			`\b(?:(?P<mod>early|late)\s+)?tonight\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				e.Rel = &Rel{GDay, 0}
				e.PartOfDay, e.Gran = "NI", GPartOfDay
				e.Mod = modOf(c.g("mod"))
				return true
			}),
	}
}

// weekdayDir reads "last", "next", "this" before a weekday.
func weekdayDir(rel string, x *Extra) {
	switch rel {
	case "last", "past", "this past", "the previous":
		x.Dir = -1
	case "next", "coming", "this coming", "the following", "the next":
		x.Dir = 1
	default:
		x.Tensed = true
	}
	if rel == "the previous" || rel == "the following" || rel == "the next" {
		x.Story = true
	}
}
