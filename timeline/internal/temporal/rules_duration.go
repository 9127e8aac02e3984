package temporal

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/olebedev/when/rules"
)

const (
	// quantMod is a quantity modifier kept in a duration's extent.
	quantMod = `(?:(?P<q>approximately|roughly|some|almost|nearly|more\s+than|less\s+than|under|at\s+least|at\s+most|no\s+more\s+than|no\s+less\s+than|up\s+to|a\s+mere|fewer\s+than|ca\.|circa)\s+)?`
	// quantOut is a quantity word that TimeBank leaves outside the
	// TIMEX3 ("about two weeks", "over the past 20 years", "within a
	// week"); the resolver reads the mod it gives from the text.
	quantOut = `(?:(?:about|around|over|within|only|just|for)\s+)?`
	// durDet is a determiner kept in a duration's extent: "the past two
	// months", "the first nine months", "another three years".
	durDet = `(?:(?P<det>the\s+(?:past|last|next|first|final|coming|previous|following|latest|same|entire|whole|full|remaining|initial|ensuing|intervening|year-earlier|year-ago)|past|last|next|first|another|an\s+additional|additional|a\s+further|further|a\s+full|a\s+single)\s+)?`
)

func durationRules() []*Rule {
	return []*Rule{
		rule("duration", 21, TWord,
			// a rate ("$1.76 a year", "four flights a week") is not a
			// duration: the first branch reads it only to refuse it
			`(?:(?:\d[\d,.]*%?|million|billion|thousand|hundred|flights|seats|shares|points|cents|dollars|percent|units|barrels|tons|times)\s+(?P<rate>a|an|per)\s+(?:`+unitPat+`|night)\b|\b`+quantOut+`⟨`+quantMod+durDet+`(?P<n>`+numberPat+`)(?:\s+(?:to|or|-|and)\s+(?P<n2>`+numberPat+`))?(?P<half>\s+and\s+a\s+half)?(?:[\s-]+(?:more|additional|full|long|straight|consecutive|trading|business|working|calendar|bloody|brutal|hard|short|long))?(?P<sep>[\s-]+)(?P<u>`+unitPat+`|night)(?P<pl>s)?(?P<half2>[\s-]and[\s-]a[\s-]half)?(?P<old>[\s-]+old\b|-(?:earlier|ago|end|old)\b)?\b)`,
			func(c caps, x *rules.Context, e *Extra) bool {
				if c.g("rate") != "" || c.g("old") != "" || strings.TrimSpace(c.g("sep")) == "-" && c.g("pl") != "" && unitGran(c.g("u")) == GQuarter {
					// "three-quarters of": a fraction
					return false
				}
				n, ok := number(c.g("n"))
				u := unitGran(c.g("u"))
				if !ok || u == GUnknown {
					return false
				}
				nl := c.l("n")
				if nl == "a" && u == GSecond {
					// "a second attack": an ordinal
					return false
				}
				if (nl == "some" || nl == "many") && c.g("det") == "" {
					return false
				}
				if c.g("half") != "" || c.g("half2") != "" {
					n += 0.5
				}
				if c.g("n2") != "" {
					n = -1
				}
				e.Kind = Length
				e.Value = durationValue(n, u)
				e.Mod = approxMods[c.l("q")]
				return e.Value != ""
			}),
		// "twice a year", "three times a week": a set.
		rule("frequency", 23, TWord,
			`\b(?P<f>once|twice|thrice|(?P<n>`+numberPat+`)\s+times)\s+(?:a|an|per|each|every)\s+(?P<u>day|week|month|year|quarter|decade|hour|minute)\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				e.Kind = Repeat
				e.Value = durationValue(1, unitGran(c.g("u")))
				return e.Value != ""
			}),
		// Plural units with no number: "for years", "in recent months",
		// "the coming weeks", "decades".
		rule("vague-duration", 16, TWord,
			`\b(?:(?:for|within|over|after|in)\s+⟨|(?P<det>recent|the\s+past\s+(?:few|several)|the\s+last\s+(?:few|several)|the\s+next\s+(?:few|several)|the\s+coming|coming|the\s+following|the\s+ensuing|the\s+intervening)\s+)(?P<u>years|months|weeks|days|decades|centuries|hours|minutes)⟩\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				if c.l("det") == "the" && c.l("u") == "minutes" {
					return false
				}
				e.Kind = Length
				e.Value = durationValue(-1, unitGran(strings.TrimSuffix(c.g("u"), "s")))
				if strings.HasPrefix(c.l("u"), "centur") {
					e.Value = "PXCE"
				}
				return e.Value != ""
			}),
		rule("vague", 10, TWord,
			`\b(?:in\s+|for\s+|into\s+)?⟨(?P<w>now|right\s+now|currently|nowadays|recently|lately|the\s+past|the\s+future|the\s+near\s+future|the\s+distant\s+future|the\s+foreseeable\s+future|the\s+present|the\s+present\s+day|these\s+days|the\s+near\s+term|the\s+short\s+term|the\s+long\s+term|the\s+medium\s+term)⟩\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				e.Kind = Vague
				switch w := c.l("w"); {
				case w == "now" || w == "right now" || w == "currently" || w == "nowadays" || strings.Contains(w, "present") || w == "these days":
					e.Value = "PRESENT_REF"
				case strings.HasSuffix(w, "future") || strings.HasSuffix(w, "term"):
					e.Value = "FUTURE_REF"
				default:
					e.Value = "PAST_REF"
				}
				return true
			}),
		rule("set", 19, TWord,
			`\b(?:(?:every|each)\s+(?P<other>other\s+)?(?P<u>day|week|month|year|quarter|hour|minute|decade|morning|afternoon|evening|night|weekend|summer|winter|spring|autumn)|(?P<adv>daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly|biweekly|bimonthly|biannually|semiannually)|(?:per)\s+(?P<u>day|week|month|year|hour|minute|quarter))\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				e.Kind = Repeat
				n := 1
				if c.g("other") != "" {
					n = 2
				}
				u := c.l("u")
				switch c.l("adv") {
				case "daily":
					u = "day"
				case "weekly":
					u = "week"
				case "monthly":
					u = "month"
				case "yearly", "annually":
					u = "year"
				case "hourly":
					u = "hour"
				case "nightly":
					u = "night"
				case "quarterly":
					u = "quarter"
				case "biweekly":
					u, n = "week", 2
				case "bimonthly":
					u, n = "month", 2
				case "biannually", "semiannually":
					u, n = "month", 6
				}
				switch u {
				case "morning", "afternoon", "evening", "night":
					e.Value = "XXXX-XX-XXT" + partOfDay(u)
				case "weekend":
					e.Value = "XXXX-WXX-WE"
				case "summer", "winter", "spring", "autumn":
					e.Value = "XXXX-" + seasonCodes[u]
				default:
					e.Value = durationValue(float64(n), unitGran(u))
				}
				return e.Value != ""
			}),
	}
}

// durationValue writes a TIMEX3 duration: P5Y, PT48H, P3DE; X for a vague
// quantity ("several years" is PXY).
func durationValue(n float64, u Gran) string {
	q := "X"
	if n >= 0 {
		// halves of years and days are written in the next unit down
		if n != float64(int(n)) {
			switch u {
			case GYear:
				return fmt.Sprintf("P%dY%dM", int(n), int((n-float64(int(n)))*12+0.5))
			case GDay:
				return fmt.Sprintf("P%dDT%dH", int(n), int((n-float64(int(n)))*24+0.5))
			case GHour:
				return fmt.Sprintf("PT%dH%dM", int(n), int((n-float64(int(n)))*60+0.5))
			case GMinute:
				return fmt.Sprintf("PT%dM%dS", int(n), int((n-float64(int(n)))*60+0.5))
			}
		}
		if n == float64(int64(n)) && n < 1e15 {
			// a whole number, as the formatting below writes it
			q = strconv.FormatInt(int64(n), 10)
		} else {
			q = strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", n), "0"), ".")
			if strings.HasPrefix(q, "0.") && n > 0 {
				q = strings.TrimPrefix(q, "0")
			}
		}
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
	case GMillennium:
		return "P" + q + "ML"
	}
	return ""
}
