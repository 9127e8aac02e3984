package temporal

import (
	"strings"

	"github.com/olebedev/when/rules"
)

const (
	wdPre = `(?:(?P<wd>` + weekdayPat + `)\.?,?\s+(?:the\s+)?)?`
	// yearAfter reads a year after a month and day. The rules with a
	// year take every valid date, so a month-day rule that sees one has
	// a day the year lacks ("Feb. 29, 2021") and must not guess a year.
	yearAfter = `(?:,?\s*(?P<ya>\d{4})\b)?`
	// storyYearAfter reads "of that year", "of the following year" after a
	// month and day: the year of the story, or the one before or after.
	storyYearAfter = `(?:\s+of\s+(?P<ry2>that|the\s+same|the\s+previous|the\s+following|the\s+next)\s+year\b)?`
	// dayNum is a day of the month in digits or as an ordinal word.
	dayNum = `(?:(?P<d>\d{1,2})` + ordSuffix + `|(?P<dw>` + ordinalPat + `))`
	// spelledYearPat is a year said aloud.
	spelledYearPat = `(?:nineteen|eighteen|seventeen|sixteen)[\s-]+(?:(?:` + tensWord + `)(?:[\s-](?:` + unitWord + `))?|` + teenWord + `|hundred|oh[\s-](?:` + unitWord + `))`
)

// storyYear reads the group ry2 of storyYearAfter ("July 25 of that
// year") into a year offset from the story, and reports whether there was
// one.
func storyYear(c caps, e *Extra) bool {
	switch c.l("ry2") {
	case "that", "the same":
		e.Rel = &Rel{GYear, 0}
	case "the previous":
		e.Rel = &Rel{GYear, -1}
	case "the following", "the next":
		e.Rel = &Rel{GYear, 1}
	default:
		return false
	}
	e.Story = true
	return true
}

// day reads the day group of dayNum.
func day(c caps) (int, bool) {
	if s := c.g("d"); s != "" {
		return atoi(s)
	}
	return ordinal(c.g("dw"))
}

// monthOK refuses month names that are other words here: lower-case "may"
// and "march", abbreviations in lower case ("jan", "dec").
func monthOK(s string) bool {
	if capitalized(s) {
		return true
	}
	l := strings.ToLower(strings.TrimSuffix(s, "."))
	return len(l) > 3 && l != "march" && l != "may"
}

// readYear reads the year groups y (digits), sy (spelled) and bc.
func readYear(c caps, e *Extra) (int, bool) {
	var y int
	var ok bool
	switch {
	case c.g("y") != "":
		y, ok = atoi(c.g("y"))
	case c.g("sy") != "":
		y, ok = spelledYear(c.g("sy"))
	}
	if !ok || y < 1 {
		return 0, false
	}
	if c.g("bc") != "" {
		e.BC = true
	}
	return y, true
}

// pod records a part of day read from podPre.
func pod(c caps, e *Extra) {
	if p := c.g("pod"); p != "" {
		e.PartOfDay, e.Gran = partOfDay(p), GPartOfDay
	}
}

func dateRules() []*Rule {
	return []*Rule{
		rule("iso-date", 40, TDigit,
			`\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				y, _ := atoi(c.g("y"))
				m, _ := atoi(c.g("m"))
				d, _ := atoi(c.g("d"))
				if !setYMD(x, y, m, d) {
					return false
				}
				return c.g("H") == "" || setClock(x, c.g("H"), c.g("M"), c.g("S"), "")
			}),
		// 10/03/2020 is read month first, as in American usage, unless
		// the first number cannot be a month.
		rule("numeric-date", 35, TDigit,
			`\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				a, _ := atoi(c.g("a"))
				b, _ := atoi(c.g("b"))
				y, _ := atoi(c.g("y"))
				if len(c.g("y")) == 2 {
					y += 1900
					if y < 1950 {
						y += 100
					}
				}
				if a > 12 {
					a, b = b, a
				}
				return setYMD(x, y, a, b)
			}),
		rule("day-mon-year", 38, TMonth,
			`\b(?P<d>\d{1,2})[-/](?P<mon>`+monthPat+`)\.?[-/](?P<y>\d{4}|\d{2})\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				d, _ := atoi(c.g("d"))
				y, _ := atoi(c.g("y"))
				if len(c.g("y")) == 2 {
					y += 1900
					if y < 1950 {
						y += 100
					}
				}
				return setYMD(x, y, monthNum(c.g("mon")), d)
			}),
		rule("month-day-year", 38, TMonth,
			`\b`+podPre+wdPre+`(?P<mon>`+monthPat+`)\.?\s+`+dayNum+`(?:,\s*|\s+)(?:of\s+)?(?:(?P<y>\d{1,4})\s*`+bcPat+`|(?P<y>\d{4})\b)`,
			func(c caps, x *rules.Context, e *Extra) bool {
				d, ok := day(c)
				y, ok2 := readYear(c, e)
				if !ok || !ok2 || !monthOK(c.g("mon")) || !setYMD(x, y, monthNum(c.g("mon")), d) {
					return false
				}
				pod(c, e)
				return true
			}),
		rule("day-month-year", 38, TMonth,
			`\b`+podPre+wdPre+`(?:the\s+)?`+dayNum+`\s+(?:day\s+)?(?:of\s+)?(?P<mon>`+monthPat+`)\.?,?\s+(?:(?P<y>\d{1,4})\s*`+bcPat+`|(?P<y>\d{4})\b)`,
			func(c caps, x *rules.Context, e *Extra) bool {
				d, ok := day(c)
				y, ok2 := readYear(c, e)
				if !ok || !ok2 || !monthOK(c.g("mon")) || !setYMD(x, y, monthNum(c.g("mon")), d) {
					return false
				}
				pod(c, e)
				return true
			}),
		// "the week of March 6": the calendar week that holds the day
		rule("week-of", 40, TMonth,
			`\bthe\s+week\s+of\s+(?P<mon>`+monthPat+`)\.?\s+`+dayNum+`(?:,\s*(?P<y>\d{4}))?\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				d, ok := day(c)
				if !ok || !capitalized(c.g("mon")) {
					return false
				}
				if y, ok := atoi(c.g("y")); ok {
					if !setYMD(x, y, monthNum(c.g("mon")), d) {
						return false
					}
				} else if !setMD(x, monthNum(c.g("mon")), d) {
					return false
				} else {
					e.Tensed = true
				}
				e.Gran = GWeek
				return true
			}),
		rule("month-day", 30, TMonth,
			`\b`+podPre+`(?:(?P<rel>last|next|this\s+past|this\s+coming)\s+)?`+wdPre+`(?P<mon>`+monthPat+`)\.?\s+`+dayNum+`\b`+yearAfter+storyYearAfter,
			func(c caps, x *rules.Context, e *Extra) bool {
				d, ok := day(c)
				if !ok || c.g("ya") != "" || !capitalized(c.g("mon")) || !setMD(x, monthNum(c.g("mon")), d) {
					return false
				}
				switch c.l("rel") {
				case "last", "this past":
					// "last Oct. 23": the latest one before the anchor
					e.Dir = -1
				case "next", "this coming":
					e.Dir = 1
				}
				if wd := c.g("wd"); wd != "" {
					// "Monday, Oct. 26": the weekday fixes the year
					x.Weekday = ptr(weekdayNum(wd))
				}
				pod(c, e)
				e.Tensed = !storyYear(c, e)
				return true
			}),
		rule("day-month", 30, TMonth,
			`\b`+podPre+wdPre+`(?:the\s+)?`+dayNum+`\s+(?:day\s+)?(?:of\s+)?(?P<mon>`+monthPat+`)\b\.?`+yearAfter+storyYearAfter,
			func(c caps, x *rules.Context, e *Extra) bool {
				d, ok := day(c)
				if !ok || c.g("ya") != "" || !capitalized(c.g("mon")) || !setMD(x, monthNum(c.g("mon")), d) {
					return false
				}
				if wd := c.g("wd"); wd != "" {
					// "Monday, Oct. 26": the weekday fixes the year
					x.Weekday = ptr(weekdayNum(wd))
				}
				pod(c, e)
				e.Tensed = !storyYear(c, e)
				return true
			}),
		// "February 15 and 22": the second day of a list takes the month
		// of the first, which the resolver has just read.
		rule("day-list", 14, TMonth,
			`\b(?-i:[A-Z])(?:anuary|ebruary|arch|pril|ay|une|uly|ugust|eptember|ctober|ovember|ecember|an|eb|ar|pr|un|ul|ug|ep|ept|ct|ov|ec)\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,\s*\d{1,2}(?:st|nd|rd|th)?)*,?\s+(?:and|or|to|through|until|till|-|–)\s+⟨(?P<d>\d{1,2})(?:st|nd|rd|th)?\b⟩(?:\s*,?\s*\d{4})?`,
			func(c caps, x *rules.Context, e *Extra) bool {
				d, _ := atoi(c.g("d"))
				if d < 1 || d > 31 {
					return false
				}
				x.Day = ptr(d)
				e.Story = true
				return true
			}),
		// "the 29th": a day of the month last mentioned.
		rule("ordinal-day", 14, TDigit,
			`\bthe\s+(?P<d>\d{1,2})(?:st|nd|rd|th)\b(?P<noun>\s+(?-i:[A-Z])|\s+(?:anniversary|century|centuries|amendment|floor|time|times|birthday|place|round|day|week|month|year|person|district|division|army|corps|fleet|regiment|brigade|battalion|infantry|street|minute|hour|annual|largest|biggest|straight|consecutive|most|of\s+(?:the|its|their|his|her))\b)?`,
			func(c caps, x *rules.Context, e *Extra) bool {
				d, _ := atoi(c.g("d"))
				if d < 1 || d > 31 || c.g("noun") != "" {
					return false
				}
				x.Day = ptr(d)
				e.Story = true
				return true
			}),
		rule("month-year", 34, TMonth,
			`\b(?:`+modPat+`[\s-]+)?(?P<mon>`+monthPat+`)\.?,?\s+(?:of\s+)?(?:(?P<y>\d{1,4})\s*`+bcPat+`|(?P<y>\d{4})\b|(?P<sy>`+spelledYearPat+`)\b)`,
			func(c caps, x *rules.Context, e *Extra) bool {
				y, ok := readYear(c, e)
				if !ok || !monthOK(c.g("mon")) || c.g("sy") == "" && len(c.g("y")) != 4 && !e.BC {
					return false
				}
				x.Year, x.Month = ptr(y), ptr(monthNum(c.g("mon")))
				e.Mod = modOf(c.g("mod"))
				return true
			}),
		// A month alone, or with "last", "this", "next", "of that year",
		// "last year".
		rule("month", 20, TMonth,
			`\b(?:(?P<pre>the\s+march\b)|(?:(?P<rel>last|this|next|this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+next|that|the\s+same)\s+)?(?:`+modPat+`[\s-]+)?(?:(?P<pre>long|ice|women's|great|salt)\s+)?(?P<mon>(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|sept\b\.?|jan\.|feb\.|apr\.|aug\.|oct\.|nov\.|dec\.)(?:\s+(?P<ry>last|this|next)\s+year|\s+(?:of\s+)?(?P<ry2>that|the\s+same|the\s+previous|the\s+following|the\s+next)\s+year)?(?P<modal>\s+(?:I|we|you|be|have|not|also|well)\b|\s+(?:of\s+the|for)\s+(?-i:[A-Z])|\s+(?:to|on|against)\s+the\s+(?-i:[A-Z]))?)`,
			func(c caps, x *rules.Context, e *Extra) bool {
				mon := c.g("mon")
				// "the Long March", "Ayano-Maysky", "the March to the Sea":
				// not months
				if !capitalized(mon) || c.g("modal") != "" || c.g("pre") != "" {
					return false
				}
				x.Month = ptr(monthNum(mon))
				e.Mod = modOf(c.g("mod"))
				switch c.l("ry") {
				case "last":
					e.Rel = &Rel{GYear, -1}
				case "this":
					e.Rel = &Rel{GYear, 0}
				case "next":
					e.Rel = &Rel{GYear, 1}
				}
				switch c.l("ry2") {
				case "that", "the same":
					e.Rel, e.Story = &Rel{GYear, 0}, true
				case "the previous":
					e.Rel, e.Story = &Rel{GYear, -1}, true
				case "the following", "the next":
					e.Rel, e.Story = &Rel{GYear, 1}, true
				}
				switch c.l("rel") {
				case "last", "this past", "the previous":
					e.Dir = -1
				case "next", "this coming", "the following", "the next":
					e.Dir = 1
				case "this":
					if e.Rel == nil {
						e.Rel = &Rel{GYear, 0}
					}
				case "that", "the same":
					if e.Rel == nil {
						e.Rel, e.Story = &Rel{GYear, 0}, true
					}
				default:
					if e.Rel == nil {
						e.Tensed = true
					}
				}
				return true
			}),
		// Holidays: "Christmas 1963", "last Thanksgiving", "Easter".
		rule("holiday", 26, TWord,
			`\b(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?P<h>christmas\s+eve|christmas\s+day|christmas|new\s+year's\s+eve|new\s+year's\s+day|thanksgiving(?:\s+day)?|easter\s+sunday|easter|halloween|valentine's\s+day|election\s+day|labor\s+day|memorial\s+day|boxing\s+day)(?P<wk>\s+week\b)?(?:,?\s+(?:of\s+)?(?P<y>\d{4})\b)?`,
			func(c caps, x *rules.Context, e *Extra) bool {
				h := c.l("h")
				if !capitalized(c.g("h")) {
					return false
				}
				h = strings.TrimSuffix(strings.TrimSuffix(h, " day"), " sunday")
				if md, ok := fixedHolidays[h]; ok {
					x.Month, x.Day = ptr(md[0]), ptr(md[1])
				} else if mo, ok := movingHolidays[h]; ok {
					x.Month = ptr(mo)
					e.Holiday = h
				} else {
					return false
				}
				e.Gran = GDay
				if c.g("wk") != "" {
					// "Easter week", "Christmas week": the calendar week
					// that holds the day
					e.Gran = GWeek
				}
				if y, ok := atoi(c.g("y")); ok {
					x.Year = ptr(y)
					return true
				}
				switch c.l("rel") {
				case "last", "this past":
					e.Dir = -1
				case "next", "this coming":
					e.Dir = 1
				case "this":
					e.Rel = &Rel{GYear, 0}
				default:
					e.Tensed = true
				}
				return true
			}),
		rule("year", 18, TDigit,
			`(?:(?P<cur>[$€£]\s*)|\b(?P<cur>resolution|no\.|number|flight|route|highway|article|section|room|apollo|model|boeing|airbus|interstate)\s+)?\b(?:(?P<pre>fiscal(?:\s+year)?|the\s+(?:fiscal\s+)?year|calendar(?:\s+year)?|FY|model\s+year)\s+)?(?:`+modPat+`[\s-]+)?(?:(?P<ca>ca\.|c\.|circa)\s*)?(?:(?P<y>\d{1,4})\s*`+bcPat+`|(?:AD|A\.D\.)\s*(?P<y>\d{1,4})\b|(?P<y>\d{1,4})\s*(?:AD|A\.D\.|CE)\b|(?P<y>1\d{3}|20\d{2})\b(?P<post>\s*(?:%|percent|per\s*cent|[.,]\d+|-\d|feet|ft|foot|metres|meters|miles|km|kilometers|tons|tonnes|troops|people|men|women|soldiers|victims|prisoners|civilians|dead|casualties|killed|wounded|refugees|deaths|cases|units|yards|points|votes|acres|pounds|dollars|hours)\b)?)`,
			func(c caps, x *rules.Context, e *Extra) bool {
				if c.g("cur") != "" || c.g("post") != "" {
					return false
				}
				y, ok := readYear(c, e)
				if !ok {
					return false
				}
				x.Year = ptr(y)
				e.Mod = modOf(c.g("mod"))
				if c.g("ca") != "" {
					e.Mod = "APPROX"
				}
				return true
			}),
		rule("spelled-year", 18, TWord,
			`\b(?P<ty>the\s+year\s+)?(?P<sy>`+spelledYearPat+`|two\s+thousand(?:\s+and)?(?:[\s-](?:`+unitWord+`|`+teenWord+`))?)\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				y, ok := spelledYear(c.g("sy"))
				if !ok || y >= 2000 && c.g("ty") == "" {
					return false
				}
				x.Year = ptr(y)
				return true
			}),
		rule("decade", 24, TDigit|TWord,
			`\b(?P<the>the\s+)?(?:`+modPat+`[\s-]+(?P<the>the\s+)?)?(?:(?P<dc>1\d\d|20\d|\d{1,2})0'?s|'(?P<d2>\d)0'?s|(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?:\s*`+bcPat+`)?\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				var d int
				switch {
				case c.g("dc") != "":
					d, _ = atoi(c.g("dc"))
					if d < 10 && c.g("bc") == "" && c.g("the") == "" {
						// "in his 30s": an age
						return false
					}
					if d < 10 && c.g("bc") == "" {
						// "the 80s": the twentieth century's
						d += 190
					} else if d < 100 && c.g("bc") == "" {
						return false
					}
				case c.g("d2") != "":
					d, _ = atoi(c.g("d2"))
					d += 190
				default:
					d = 190 + decadeWords[strings.ToLower(c.g("dw"))]
				}
				x.Year = ptr(d * 10)
				e.Gran = GDecade
				e.BC = c.g("bc") != ""
				e.Mod = modOf(c.g("mod"))
				return true
			}),
		rule("century", 24, TWord,
			`\b(?:the\s+)?(?:`+modPat+`[\s-]+(?:the\s+)?)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<nw>`+ordinalPat+`))[\s-]+century(?:\s*`+bcPat+`)?\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				n, ok := atoi(c.g("n"))
				if !ok {
					n, ok = ordinal(c.g("nw"))
				}
				if !ok || n < 1 || n > 21 {
					return false
				}
				e.BC = c.g("bc") != ""
				if e.BC {
					x.Year = ptr(n * 100)
				} else {
					x.Year = ptr((n - 1) * 100)
				}
				e.Gran = GCentury
				e.Mod = modOf(c.g("mod"))
				return true
			}),
		rule("season", 26, TWord,
			`\b(?:(?P<rel>last|this|next|this\s+past|this\s+coming|the\s+previous|the\s+following|the\s+next|that|the\s+same|the)\s+)?(?:`+modPat+`[\s-]+(?:the\s+)?)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?:(?P<y>\d{1,4})\s*`+bcPat+`|(?P<y>\d{4})\b|(?P<sy>`+spelledYearPat+`)\b)|(?P<bad>\s+of\s+(?-i:[A-Z][a-z])|\s+(?-i:[A-Z][a-z])))?\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				s := strings.ToLower(c.g("s"))
				rel := c.l("rel")
				hasYear := c.g("y") != "" || c.g("sy") != ""
				if c.g("bad") != "" || s == "fall" && !hasYear && (rel == "" || rel == "the") {
					return false
				}
				e.Season = seasonCodes[s]
				e.Gran = GSeason
				e.Mod = modOf(c.g("mod"))
				if hasYear {
					y, ok := readYear(c, e)
					if !ok {
						return false
					}
					x.Year = ptr(y)
					return true
				}
				switch rel {
				case "last", "this past", "the previous":
					e.Dir = -1
				case "next", "this coming", "the following", "the next":
					e.Dir = 1
				case "this":
					e.Rel = &Rel{GYear, 0}
				default:
					e.Rel, e.Story = &Rel{GYear, 0}, true
				}
				return true
			}),
		rule("year-season", 27, TDigit,
			`\b(?:the\s+)?(?P<y>\d{4})\s+(?P<s>spring|summer|autumn|fall|winter)\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				y, ok := readYear(c, e)
				if !ok {
					return false
				}
				x.Year = ptr(y)
				e.Season = seasonCodes[strings.ToLower(c.g("s"))]
				e.Gran = GSeason
				return true
			}),
		rule("quarter", 28, TWord,
			`\b(?:(?:the|a|an|this|that)\s+)?(?:(?P<yrel>this\s+year's|last\s+year's|next\s+year's|the\s+year-ago|the\s+year-earlier|year-ago|year-earlier|(?:the\s+)?(?P<y>\d{4})|flat|strong|weak|disappointing|sluggish|solid|record)\s+)?(?:fiscal[\s-]+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?(?:quarter|qtr\.?)(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y>\d{4})|(?P<qrel>this|last|next|the\s+previous|the\s+following|that|the\s+same)\s+year))?\b`,
			ordinalQuarter),
		// "third-quarter loss": the adjective leaves the determiner to its noun.
		rule("quarter-adj", 28, TWord,
			`\b(?:(?P<yrel>this\s+year's|last\s+year's|next\s+year's|the\s+year-ago|the\s+year-earlier|year-ago|year-earlier|(?:the\s+)?(?P<y>\d{4})|flat|strong|weak|disappointing|sluggish|solid|record)\s+)?(?:fiscal[\s-]+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)-(?:fiscal-)?quarter(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y>\d{4})|(?P<qrel>this|last|next|the\s+previous|the\s+following|that|the\s+same)\s+year))?\b`,
			ordinalQuarter),
		// "the quarter", "the latest quarter", "the year-ago period": the
		// quarter under discussion.
		rule("the-quarter", 25, TWord,
			`\b(?P<det>the\s+(?P<y>\d{4})\s+(?:fiscal\s+)?(?:quarter|period)|the\s+(?:latest|most\s+recent|recent|same|comparable|year-ago|year-earlier|(?:comparable|corresponding|same)\s+year-(?:ago|earlier))(?:\s+fiscal)?\s+(?:quarter|period)|the\s+(?:fiscal\s+)?quarter|year-ago\s+(?:quarter|period)|year-earlier\s+(?:quarter|period)|that\s+quarter|this\s+quarter|the\s+(?:current|present)\s+quarter)\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				d := c.l("det")
				e.Gran, e.Latest = GQuarter, true
				if y, ok := atoi(c.g("y")); ok {
					// "the 1988 period": the quarter under discussion, in 1988
					x.Year = ptr(y)
					return true
				}
				switch {
				case strings.Contains(d, "year-ago") || strings.Contains(d, "year-earlier"):
					e.Rel = &Rel{GYear, -1}
				case strings.HasPrefix(d, "this"):
					// the quarter under discussion, or else the DCT's
					e.Rel = &Rel{GQuarter, 0}
				case strings.Contains(d, "current") || strings.Contains(d, "present"):
					// the DCT's quarter
					e.Latest = false
					e.Rel = &Rel{GQuarter, 0}
				}
				return true
			}),
		rule("half", 28, TWord,
			`\b(?:the\s+)?(?P<h>first|second|latter|last|1st|2nd)\s+half\s+of\s+(?:(?:fiscal\s+)?(?P<y>\d{4})\b|(?P<rel>this|last|next|that|the)\s+year)`,
			func(c caps, x *rules.Context, e *Extra) bool {
				h := 1
				if l := strings.ToLower(c.g("h")); l != "first" && l != "1st" {
					h = 2
				}
				e.Half, e.Gran = h, GHalf
				if y, ok := atoi(c.g("y")); ok {
					x.Year = ptr(y)
					return true
				}
				switch c.l("rel") {
				case "this":
					e.Rel = &Rel{GYear, 0}
				case "last":
					e.Rel = &Rel{GYear, -1}
				case "next":
					e.Rel = &Rel{GYear, 1}
				default:
					e.Rel, e.Story = &Rel{GYear, 0}, true
				}
				return true
			}),
		// "year-end", "the end of the year" with no year: the year under
		// discussion.
		rule("year-end", 22, TWord,
			`\b(?:the\s+)?(?P<w>year(?:'s)?[\s-]end|end\s+of\s+the\s+year)\b`,
			func(c caps, x *rules.Context, e *Extra) bool {
				e.Rel, e.Mod = &Rel{GYear, 0}, "END"
				return true
			}),
	}
}

// ordinalQuarter reads "the third quarter (of 1989|of last year)",
// "year-ago third-quarter": the quarter with its year, or the year
// relative to the anchor.
func ordinalQuarter(c caps, x *rules.Context, e *Extra) bool {
	q := quarterWords[strings.ToLower(c.g("q"))]
	e.Quarter, e.Gran = q, GQuarter
	if y, ok := atoi(c.g("y")); ok {
		x.Year = ptr(y)
		return true
	}
	switch r := c.l("yrel") + c.l("qrel"); {
	case strings.HasPrefix(r, "this"):
		e.Rel = &Rel{GYear, 0}
	case strings.HasPrefix(r, "last"):
		e.Rel = &Rel{GYear, -1}
	case strings.HasPrefix(r, "next"):
		e.Rel = &Rel{GYear, 1}
	case strings.Contains(r, "year-ago"), strings.Contains(r, "year-earlier"):
		e.Rel, e.Latest = &Rel{GYear, -1}, true
	case r == "that" || r == "the same":
		e.Rel, e.Story = &Rel{GYear, 0}, true
	default:
		e.Tensed = true
	}
	return true
}

// The tables of the appliers above, built once rather than at each
// match.
var (
	decadeWords  = map[string]int{"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9}
	seasonCodes  = map[string]string{"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
	quarterWords = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
	// fixedHolidays have a month and day, movingHolidays a month
	fixedHolidays = map[string][2]int{"christmas eve": {12, 24}, "christmas": {12, 25}, "new year's eve": {12, 31},
		"new year's": {1, 1}, "halloween": {10, 31}, "valentine's": {2, 14}, "boxing": {12, 26}}
	movingHolidays = map[string]int{"thanksgiving": 11, "easter": 4, "election": 11, "labor": 9, "memorial": 5}
)
