package temporal

import (
	"fmt"
	"strings"

	"github.com/olebedev/when/rules"
)

const unitPat = `second|minute|hour|day|week|fortnight|month|year|decade|century|centurie|millennium|millennia|quarter`

func relativeRules() []*Rule {
	return []*Rule{
		rule("deictic-day", 22, TWord,
			`\b(?:(?P<mod>early|late)\s+)?(?:(?P<dby>the\s+day\s+before\s+yesterday)|(?P<dat>the\s+day\s+after\s+tomorrow)|(?P<w>yesterday|today|tomorrow))\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				n := 0
				switch {
				case c.g("dby") != "":
					n = -2
				case c.g("dat") != "":
					n = 2
				default:
					n = dayWords[strings.ToLower(c.g("w"))]
				}
				e.Rel = &Rel{GDay, n}
				e.Mod = modOf(c.g("mod"))
				return true
			}),
		// "last week", "this month", "next year", "earlier this month",
		// "the following week", "the previous day", "that year", "the end
		// of next month".
		rule("relative-unit", 24, TWord,
			`\b(?:(?P<mod>earlier|later|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of|the\s+rest\s+of|the\s+remainder\s+of|(?:earlier|later|early|late)\s+in)[\s-]+)?(?P<rel>last|this|next|coming|previous|following|current|this\s+past|this\s+coming|the\s+(?:next|previous|following|current|coming|same|preceding|prior|past)|that|the)\s+(?P<u>day|week|weekend|month|year|decade|century|quarter)\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				u := unitGran(c.g("u"))
				rel := c.l("rel")
				mod := c.l("mod")
				n := 0
				switch rel {
				case "last", "previous", "this past", "the previous", "the preceding", "the prior", "the past":
					n = -1
				case "next", "coming", "following", "this coming", "the next", "the following", "the coming":
					n = 1
				}
				switch rel {
				case "the":
					// "the year", "the week" alone are as often durations as
					// dates; with a modifier ("the end of the year") the
					// period under discussion.
					if mod == "" {
						return false
					}
					e.Story = true
				case "the next", "the following", "the previous", "the same", "that", "the preceding", "the prior", "previous", "following":
					e.Story = true
				}
				if rel == "last" && (u == GDay) {
					return false
				}
				e.Rel = &Rel{u, n}
				switch mod {
				case "earlier", "later", "earlier in", "later in", "the rest of", "the remainder of":
				default:
					e.Mod = modOf(mod)
				}
				if strings.EqualFold(c.g("u"), "weekend") {
					e.Rel.Unit, e.Value = GWeek, "WE"
				}
				if u == GQuarter {
					e.Gran = GQuarter
				}
				return true
			}),
		// "the year ended Sept. 30": a twelve-month period.
		rule("the-year-ended", 25, TWord,
			`\bthe\s+(?:fiscal\s+)?year⟩\s+end(?:ed|ing)\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				e.Kind, e.Value = Length, "P1Y"
				return true
			}),
		// "for the year.", "the full year,", "the current fiscal year":
		// the year under discussion.
		rule("the-year", 13, TWord,
			`\bthe\s+(?:(?P<q>full|current|calendar|fiscal|present)\s+)?(?:fiscal\s+)?year⟩(?:\s*[.,;:]|\s+(?:as\s+a\s+whole|so\s+far|to\s+date))`,
			func(c caps, x *rules.Context, e *Extra) bool {
				e.Rel = &Rel{GYear, 0}
				e.Story = c.g("q") == ""
				return true
			}),
		// "the weekend", "over the weekend": the latest weekend, or the
		// coming one in a future clause.
		rule("the-weekend", 23, TWord,
			`\bthe\s+weekend\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				e.Rel, e.Value, e.Tensed = &Rel{GWeek, 0}, "WE", true
				return true
			}),
		// "two days ago", "a year earlier", "three weeks later".
		rule("units-ago", 26, TWord,
			`\b(?:(?P<q>about|around|almost|nearly|some|roughly|approximately|more\s+than|less\s+than|over|just|only|at\s+least|a\s+mere|barely|fully)\s+)?(?P<n>`+numberPat+`)(?:\s+and\s+a\s+half)?[\s-]+(?P<u>`+unitPat+`)s?\s+(?P<dir>ago|earlier|later|previously|hence|from\s+now)\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				n, ok := number(c.g("n"))
				u := unitGran(c.g("u"))
				if !ok || u == GUnknown {
					return false
				}
				dir := c.l("dir")
				sign := 1
				switch dir {
				case "ago", "earlier", "before", "previously":
					sign = -1
				}
				if n < 0 || n != float64(int(n)) {
					// "several years ago", "a few days later": a past or
					// future reference
					e.Kind = Vague
					e.Value = "PAST_REF"
					if sign > 0 {
						e.Value = "FUTURE_REF"
					}
					if dir == "later" {
						// news measures "a few days later" as a vague
						// duration (the resolver decides)
						e.Rel, e.Story = &Rel{u, 1}, true
					}
					return true
				}
				switch u {
				case GDecade:
					// "a decade ago" names a year, ten years back
					e.Rel = &Rel{GYear, sign * 10 * int(n)}
				case GCentury:
					e.Rel = &Rel{GYear, sign * 100 * int(n)}
				default:
					e.Rel = &Rel{u, sign * int(n)}
				}
				e.Story = dir != "ago" && dir != "from now" && dir != "hence"
				if dir == "later" {
					// news measures "three days later" as a duration
					// (the resolver decides)
					e.Value = durationValue(n, u)
				}
				e.YearAgo = u == GYear && n == 1 && sign < 0
				if q := approxMods[c.l("q")]; q != "" {
					e.Mod = q
				}
				return true
			}),
		// "year-ago results", "year-earlier profit": the period under
		// discussion a year before.
		rule("year-ago", 15, TWord,
			`\b(?:year-ago|year-earlier)\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				e.Rel = &Rel{GYear, -1}
				e.YearAgo = true
				return true
			}),
		// Weekdays: "Tuesday", "last Tuesday", "late Thursday", "the
		// previous Friday", "on Friday".
		rule("weekday", 20, TWeekday,
			`\b(?:(?P<mod>early|late)\s+(?:on\s+)?)?(?:(?P<rel>last|this|next|past|coming|this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+next|that)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?P<pl>s)?\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				if !capitalized(c.g("wd")) {
					return false
				}
				if c.g("pl") != "" {
					e.Kind = Repeat
					e.Value = "XXXX-WXX-" + isoWeekday(weekdayNum(c.g("wd")))
					return true
				}
				x.Weekday = ptr(weekdayNum(c.g("wd")))
				e.Mod = modOf(c.g("mod"))
				rel := c.l("rel")
				if rel == "that" {
					rel = ""
				}
				weekdayDir(rel, e)
				return true
			}),
		rule("weekday-set", 23, TWeekday,
			`\b(?:every|each)\s+(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?P<pod>morning|afternoon|evening|night))?\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				e.Kind = Repeat
				e.Value = "XXXX-WXX-" + isoWeekday(weekdayNum(c.g("wd")))
				if p := c.g("pod"); p != "" {
					e.Value += "T" + partOfDay(p)
				}
				return true
			}),
		// "each July", "every September": the month of every year
		rule("month-set", 24, TMonth,
			`\b(?:every|each)\s+(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december)\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				if !capitalized(c.g("mon")) {
					return false
				}
				e.Kind = Repeat
				e.Value = fmt.Sprintf("XXXX-%02d", monthNum(c.g("mon")))
				return true
			}),
	}
}

// isoWeekday writes a weekday as ISO 8601 does: Monday 1 … Sunday 7.
func isoWeekday(d int) string {
	if d == 0 {
		d = 7
	}
	return string(rune('0' + d))
}

// dayWords are the days named relative to the anchor.
var dayWords = map[string]int{"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}
