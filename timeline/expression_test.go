package timeline

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// exprDCT is the creation time of the test texts: Wednesday 20 September
// 2023.
var exprDCT = time.Date(2023, 9, 20, 0, 0, 0, 0, time.UTC)

// exprCase is one expression to find in a text, with the TIMEX3 extent,
// type, value and mod the TimeML guidelines give it. The expected values
// are worked out from the text and the DCT, not copied from the program.
type exprCase struct {
	name  string
	text  string
	mode  Mode   // Auto unless set
	noDCT bool   // the text has no DCT
	want  string // the expression's extent
	typ   TimexType
	value string
	mod   string
}

var exprCases = []exprCase{
	// Absolute dates
	{name: "year", text: "The war ended in 1988.", want: "1988", typ: Date, value: "1988"},
	{name: "BC year", text: "The city fell in 499 BC after a long siege.", want: "499 BC", typ: Date, value: "BC0499"},
	{name: "decade", text: "Prices soared in the 1990s.", want: "the 1990s", typ: Date, value: "199"},
	{name: "decade BC", text: "Athens grew strong in the 470s BC.", want: "the 470s BC", typ: Date, value: "BC047"},
	{name: "century", text: "The fort was built in the 18th century.", want: "the 18th century", typ: Date, value: "17"},
	{name: "century in words", text: "It was a nineteenth-century idea.", want: "nineteenth-century", typ: Date, value: "18"},
	{name: "month year", text: "Talks began in September 2020.", want: "September 2020", typ: Date, value: "2020-09"},
	{name: "season year", text: "Sales peaked in summer 2020.", want: "summer 2020", typ: Date, value: "2020-SU"},
	{name: "season of year", text: "The army retreated in the winter of 1941.", want: "the winter of 1941", typ: Date, value: "1941-WI"},
	{name: "quarter", text: "Profit rose in the third quarter of 2022.", want: "the third quarter of 2022", typ: Date, value: "2022-Q3"},
	{name: "quarter of the DCT year", text: "The company reported a third-quarter loss.", want: "third-quarter", typ: Date, value: "2023-Q3"},
	{name: "half", text: "Output fell in the second half of 2008.", want: "the second half of 2008", typ: Date, value: "2008-H2"},
	{name: "month day year", text: "The ceasefire was signed on November 9, 2020.", want: "November 9, 2020", typ: Date, value: "2020-11-09"},
	{name: "day month year", text: "It was signed on 9 November 2020 in Moscow.", want: "9 November 2020", typ: Date, value: "2020-11-09"},
	{name: "abbreviated month", text: "It was signed on Nov. 9, 2020, in Moscow.", want: "Nov. 9, 2020", typ: Date, value: "2020-11-09"},
	{name: "ISO date", text: "The report is dated 2020-11-09.", want: "2020-11-09", typ: Date, value: "2020-11-09"},
	{name: "numeric US date", text: "The rebels struck on 11/09/2020.", want: "11/09/2020", typ: Date, value: "2020-11-09"},
	{name: "weekday with date", text: "On Saturday, June 24, 1950, Acheson telephoned.", want: "Saturday, June 24, 1950", typ: Date, value: "1950-06-24"},
	{name: "spelled year", text: "Keating was convicted in nineteen ninety-one.", want: "nineteen ninety-one", typ: Date, value: "1991"},
	{name: "holiday with year", text: "The offensive began at Christmas 1963.", want: "Christmas 1963", typ: Date, value: "1963-12-25"},
	{name: "moving holiday", text: "The boy was rescued last Thanksgiving.", want: "last Thanksgiving", typ: Date, value: "2022-11-24"},
	{name: "Easter", text: "The rising began on Easter 2024.", want: "Easter 2024", typ: Date, value: "2024-03-31"},
	{name: "holiday week", text: "Pilgrims arrived in Easter week 2024.", want: "Easter week 2024", typ: Date, value: "2024-W13"},
	{name: "holiday week by tense", text: "Protesters prayed as Easter week began.", want: "Easter week", typ: Date, value: "2023-W14"},
	{name: "ordinal day", text: "The siege began on September 12, 1683. The relief army arrived on the 29th.", want: "the 29th", typ: Date, value: "1683-09-29"},

	// Times
	{name: "clock", text: "The blast came at 20:07.", want: "20:07", typ: TimeType, value: "2023-09-20T20:07"},
	{name: "clock pm zone", text: "He spoke at 9pm GMT.", want: "9pm GMT", typ: TimeType, value: "2023-09-20T21:00"},
	{name: "clock UTC", text: "The strike began at 10:15 UTC.", want: "10:15 UTC", typ: TimeType, value: "2023-09-20T10:15"},
	{name: "clock local time", text: "It started at 12am Moscow time.", want: "12am Moscow time", typ: TimeType, value: "2023-09-20T00:00"},
	{name: "clock with weekday", text: "The deadline passed at 10 p.m. Tuesday.", want: "10 p.m. Tuesday", typ: TimeType, value: "2023-09-19T22:00"},
	{name: "weekday night", text: "Shelling was heard Tuesday night.", want: "Tuesday night", typ: TimeType, value: "2023-09-19TNI"},
	{name: "part of a dated day", text: "It began in the early morning hours of November 1, 1954.", want: "the early morning hours of November 1, 1954", typ: TimeType, value: "1954-11-01TMO"},
	{name: "hour in the morning", text: "The father will leave at 4 in the morning.", want: "4 in the morning", typ: TimeType, value: "2023-09-20T04:00"},
	// a time restated in another zone, with its weekday: the time of that day
	{name: "clock restated with a weekday after", text: "The blast occurred at about 10:35 a.m. (0735 GMT) Monday, toppling a building.", want: "about 10:35 a.m", typ: TimeType, value: "2023-09-18T10:35", mod: "APPROX"},
	{name: "clock restated with a weekday inside", text: "``The father will leave at 4 in the morning (4 a.m. EDT Friday),'' he said.", want: "4 in the morning", typ: TimeType, value: "2023-09-22T04:00"},
	{name: "clock with an aside", text: "The rally began at 6 p.m. (an hour late) on Saturday.", want: "6 p.m", typ: TimeType, value: "2023-09-20T18:00"},
	{name: "hour in the evening", text: "The talks began at eight in the evening.", want: "eight in the evening", typ: TimeType, value: "2023-09-20T20:00"},
	{name: "this morning", text: "Officials met this morning.", want: "this morning", typ: TimeType, value: "2023-09-20TMO"},
	{name: "last night", text: "Rockets fell last night.", want: "last night", typ: TimeType, value: "2023-09-19TNI"},

	// Relative to the DCT
	{name: "yesterday", text: "Officials said yesterday that the talks had failed.", want: "yesterday", typ: Date, value: "2023-09-19"},
	{name: "today", text: "The talks resume today.", want: "today", typ: Date, value: "2023-09-20"},
	{name: "tonight", text: "The president speaks tonight.", want: "tonight", typ: TimeType, value: "2023-09-20TNI"},
	{name: "last week", text: "The army advanced last week.", want: "last week", typ: Date, value: "2023-W37"},
	{name: "this month", text: "Prices rose this month.", want: "this month", typ: Date, value: "2023-09"},
	{name: "next year", text: "Elections are due next year.", want: "next year", typ: Date, value: "2024"},
	{name: "days ago", text: "The town fell two days ago.", want: "two days ago", typ: Date, value: "2023-09-18"},
	{name: "earlier this month", text: "The deal was struck earlier this month.", want: "earlier this month", typ: Date, value: "2023-09"},
	{name: "last weekday", text: "He resigned last Tuesday.", want: "last Tuesday", typ: Date, value: "2023-09-19"},
	{name: "late weekday", text: "Troops withdrew late Thursday.", want: "late Thursday", typ: Date, value: "2023-09-14", mod: "END"},
	{name: "last month name", text: "The treaty was signed last May.", want: "last May", typ: Date, value: "2023-05"},
	{name: "last month day", text: "He was shot to death last Oct. 23 at his home.", want: "last Oct. 23", typ: Date, value: "2022-10-23"},
	{name: "last month day this year", text: "The blockade began last Sept. 12.", want: "last Sept. 12", typ: Date, value: "2023-09-12"},
	{name: "next month day", text: "The trial opens next Sept. 12.", want: "next Sept. 12", typ: Date, value: "2024-09-12"},
	{name: "the previous day", text: "Troops crossed the border on September 12, 2023. The previous day, talks had failed.", want: "The previous day", typ: Date, value: "2023-09-11"},
	{name: "the following week", text: "Troops crossed the border on September 12, 2023. The following week, they withdrew.", want: "The following week", typ: Date, value: "2023-W38"},
	// "the week of <date>": the ISO week that holds the day
	{name: "the week of a date", text: "A hearing is expected the week of October 2.", want: "the week of October 2", typ: Date, value: "2023-W40"},
	{name: "the week of a dated day", text: "Talks were held the week of Jan. 3, 1999.", want: "the week of Jan. 3, 1999", typ: Date, value: "1998-W53"},
	{name: "the weekend", text: "Fighting flared over the weekend.", want: "the weekend", typ: Date, value: "2023-W37-WE"},

	// a date named with its weekday: the year in which that day is that
	// weekday (Friday 22 September 2023), even in a past clause
	{name: "weekday fixes the year", text: "The Times said in an editorial on Friday, Sept. 22: the talks failed.", want: "Friday, Sept. 22", typ: Date, value: "2023-09-22"},
	{name: "weekday fixes the past year", text: "He said on Thursday, Sept. 22 that he would resign.", want: "Thursday, Sept. 22", typ: Date, value: "2022-09-22"},

	// Weekdays by tense
	{name: "weekday past", text: "Russia said on Monday it was in contact with Azerbaijan.", want: "Monday", typ: Date, value: "2023-09-18"},
	// a speech tag after the quotation ("…,'' he said") is the time of
	// the report, not the tense of the quoted clause
	{name: "weekday in a quoted future", text: "``The envoy will land in the capital and meet the president on Friday,'' the minister said.", want: "Friday", typ: Date, value: "2023-09-22"},
	{name: "weekday before a speech tag", text: "The envoy will land in the capital and meet the president on Friday, officials said.", want: "Friday", typ: Date, value: "2023-09-22"},
	// "were planning to": the past auxiliary belongs to a future cue
	{name: "weekday before a planned act", text: "Protesters planned a large demonstration on Saturday and were planning to drive around the airport.", want: "Saturday", typ: Date, value: "2023-09-23"},
	// a fronted adverbial takes the tense of the main verb, however far
	{name: "fronted month", text: "In January, a week after the fiftieth anniversary of the landmark court decision on the matter, a clinic bombing in the city killed a guard.", want: "January", typ: Date, value: "2023-01"},
	// a modal "may"/"might" points ahead like "will"
	{name: "date after may", text: "The dispute that has divided the family may finally be resolved on April 30.", want: "April 30", typ: Date, value: "2024-04-30"},
	// a month alone in a past clause: the latest, or the coming month
	{name: "past month", text: "The company said output fell in July.", want: "July", typ: Date, value: "2023-07"},
	{name: "past month of last year", text: "The company said output fell in November.", want: "November", typ: Date, value: "2022-11"},
	{name: "next month in a past clause", text: "The kingdom told its customers of a cutback in its oil supply in October.", want: "October", typ: Date, value: "2023-10"},
	// a plan in the past perfect ("had been due to") was for a time
	// now past
	{name: "weekday of a superseded plan", text: "The offer was extended to Oct. 6. It had been due to expire Friday evening.", want: "Friday evening", typ: TimeType, value: "2023-09-15TEV"},
	// participles after "be" and adjectives after a determiner are not
	// past verbs
	{name: "month after a passive", text: "The split would be paid on a still unspecified date in January.", want: "January", typ: Date, value: "2024-01"},
	{name: "weekday future", text: "The leaders will meet on Friday.", want: "Friday", typ: Date, value: "2023-09-22"},
	// "until" bounds a state: in the past perfect the state ended before
	// the report, so the day is the last one; otherwise the next one
	{name: "until in the past perfect", text: "Until Thursday, the police had not called him a suspect.", want: "Thursday", typ: Date, value: "2023-09-14"},
	{name: "until a coming day", text: "Officials postponed until Tuesday any action on the permit.", want: "Tuesday", typ: Date, value: "2023-09-26"},
	{name: "until in the future", text: "The talks will go on until Friday.", want: "Friday", typ: Date, value: "2023-09-22"},
	// a weekday in the genitive names an event already reported, however
	// the clause around it points ("would look for ways around …")
	{name: "genitive weekday", text: "The relatives said they would look for ways to get around Monday's ruling by the court.", want: "Monday", typ: Date, value: "2023-09-18"},
	{name: "genitive weekday today", text: "The relatives will appeal Wednesday's ruling.", want: "Wednesday", typ: Date, value: "2023-09-20"},
	{name: "genitive weekday ahead of", text: "Parties will campaign hard ahead of Sunday's vote.", want: "Sunday", typ: Date, value: "2023-09-24"},

	// Narrative anchoring
	{name: "narrative date", mode: History, text: "On November 12, 1918, he declared a republic. Two days later, the army mutinied. In March, the war resumed.", want: "November 12, 1918", typ: Date, value: "1918-11-12"},
	{name: "narrative offset", mode: History, text: "On November 12, 1918, he declared a republic. Two days later, the army mutinied. In March, the war resumed.", want: "Two days later", typ: Date, value: "1918-11-14"},
	{name: "narrative month", mode: History, text: "On November 12, 1918, he declared a republic. Two days later, the army mutinied. In March, the war resumed.", want: "March", typ: Date, value: "1919-03"},
	// a day offset from the story needs a day to count from: in news, a
	// year named since ("the post-1959 politics") does not give one, the
	// day last mentioned does
	{name: "next morning after a year", text: "He went to court on Monday. The politics of 1959 divided the family. He appeared healthy the next morning.", want: "the next morning", typ: TimeType, value: "2023-09-19TMO"},
	// "<day> of that year": one expression, the day in the story's year
	{name: "month day of that year", mode: History, text: "The war began in April 1861. Congress passed the resolution on July 25 of that year.", want: "July 25 of that year", typ: Date, value: "1861-07-25"},
	{name: "day month of the following year", mode: History, text: "The siege began in 1565. The fort fell on 8 September of the following year.", want: "8 September of the following year", typ: Date, value: "1566-09-08"},
	{name: "narrative without DCT", noDCT: true, text: "The siege began on 3 June 1565. On 24 June, the fort fell.", want: "24 June", typ: Date, value: "1565-06-24"},

	// "N units later" in news: a duration linked to an event by the
	// signal "later" (TimeBank, AQUAINT); a history dates it instead
	{name: "later in news", text: "The company cut its prices on Monday. Three days later, its rival did the same.", want: "Three days later", typ: Duration, value: "P3D"},

	{name: "vague later in news", text: "The company cut its prices on Monday. A few days later, its rival did the same.", want: "A few days later", typ: Duration, value: "PXD"},

	// Durations
	{name: "years", text: "The war lasted five years.", want: "five years", typ: Duration, value: "P5Y"},
	{name: "hours", text: "The ceasefire held for 48 hours.", want: "48 hours", typ: Duration, value: "PT48H"},
	{name: "decades", text: "The conflict has lasted three decades.", want: "three decades", typ: Duration, value: "P3DE"},
	{name: "compound", text: "The town endured a 17-year blockade.", want: "17-year", typ: Duration, value: "P17Y"},
	{name: "the past months", text: "Prices rose in the past two months.", want: "the past two months", typ: Duration, value: "P2M"},
	{name: "vague plural", text: "The dispute has simmered for years.", want: "years", typ: Duration, value: "PXY"},

	// Vague references
	{name: "now", text: "The region is now calm.", want: "now", typ: Date, value: "PRESENT_REF"},
	{name: "recently", text: "The border was recently closed.", want: "recently", typ: Date, value: "PAST_REF"},
	{name: "in the past", text: "Such raids were common in the past.", want: "the past", typ: Date, value: "PAST_REF"},
	// a quotation that is a sentence, not a title, keeps its times
	{name: "quoted today", text: "``Today, I'm here to tell you we have our suspect,'' he said.", want: "Today", typ: Date, value: "2023-09-20"},
	{name: "quoted weekday between quotes", text: "``It is entirely inaccurate.'' White House on Monday ``For weeks we have been subjected to leaks.''", want: "Monday", typ: Date, value: "2023-09-18"},
	{name: "quoted time phrase", text: "He said the troops would leave ``next week.''", want: "next week", typ: Date, value: "2023-W39"},
	{name: "the future", text: "Talks may resume in the future.", want: "the future", typ: Date, value: "FUTURE_REF"},

	// Modifiers
	{name: "mid month", text: "Talks stalled in mid-September.", want: "mid-September", typ: Date, value: "2023-09", mod: "MID"},
	{name: "early year", text: "The plan was drafted in early 2020.", want: "early 2020", typ: Date, value: "2020", mod: "START"},
	{name: "late decade", text: "Inflation surged in the late 1990s.", want: "the late 1990s", typ: Date, value: "199", mod: "END"},
	// TimeBank leaves "about" outside the TIMEX3; the mod still says it
	{name: "about", text: "The march took about two weeks.", want: "two weeks", typ: Duration, value: "P2W", mod: "APPROX"},
	{name: "more than", text: "The blockade lasted more than a decade.", want: "more than a decade", typ: Duration, value: "P1DE", mod: "MORE_THAN"},

	// Intervals
	{name: "from year", text: "He ruled from 1988 to 1994.", want: "1988", typ: Date, value: "1988"},
	{name: "to year", text: "He ruled from 1988 to 1994.", want: "1994", typ: Date, value: "1994"},
	{name: "between first", text: "Fighting raged between September 27 and November 9, 2020.", want: "September 27", typ: Date, value: "2020-09-27"},
	{name: "between second", text: "Fighting raged between September 27 and November 9, 2020.", want: "November 9, 2020", typ: Date, value: "2020-11-09"},
	{name: "season pair", mode: History, text: "In 1942 the front was quiet. Both armies spent the spring and early summer of 1943 preparing.", want: "the spring", typ: Date, value: "1943-SP"},
	{name: "day list", mode: History, text: "The Chinese attacked on February 15, 1951, and again on February 15 and 22.", want: "22", typ: Date, value: "1951-02-22"},
	// "since" a date without its year: a state that began before the DCT
	{name: "since month", text: "The carrier has been on patrol since March and is scheduled to return in October.", want: "March", typ: Date, value: "2023-03"},
	{name: "since a dated event", text: "Police will keep searching, as they have since shortly after the Oct. 23 killing.", want: "Oct. 23", typ: Date, value: "2022-10-23"},
	{name: "since", text: "Talks have been held since 1994.", want: "1994", typ: Date, value: "1994"},

	// Sets
	{name: "every year", text: "The festival is held every year.", want: "every year", typ: Set, value: "P1Y"},
	{name: "weekly", text: "The council meets weekly.", want: "weekly", typ: Set, value: "P1W"},
	{name: "each weekday", text: "Protesters gather each Friday.", want: "each Friday", typ: Set, value: "XXXX-WXX-5"},
	{name: "each month name", text: "Orangemen march each July from their church.", want: "each July", typ: Set, value: "XXXX-07"},
	{name: "twice a year", text: "The board meets twice a year.", want: "twice a year", typ: Set, value: "P1Y"},

	// Financial copy: the quarter under discussion
	{name: "year ended", text: "Revenue was $76 million for the year ended March 31.", want: "the year", typ: Duration, value: "P1Y"},
	{name: "latest quarter", text: "Profit fell 5% in the latest quarter.", want: "the latest quarter", typ: Date, value: "2023-Q2"},
	{name: "a year ago next to a quarter", text: "Net income in the third quarter of 2023 rose to $5 million from $4 million a year ago.", want: "a year ago", typ: Date, value: "2022-Q3"},

	// Never the wall clock
	{name: "no anchor", noDCT: true, text: "He left yesterday.", want: "yesterday", typ: Date, value: "XXXX-XX-XX"},
}

func extractExpr(t *testing.T, text string, mode Mode, noDCT bool) *Timeline {
	t.Helper()
	x, err := New()
	require.NoError(t, err)
	doc := Document{Text: text, Mode: mode}
	if !noDCT {
		doc.DCT, doc.DCTGranularity = exprDCT, Day
	}
	tl, err := x.Extract(context.Background(), doc)
	require.NoError(t, err)
	return tl
}

func TestExpressions(t *testing.T) {
	for _, c := range exprCases {
		t.Run(c.name, func(t *testing.T) {
			tl := extractExpr(t, c.text, c.mode, c.noDCT)
			var got *Expression
			var texts []string
			for i := range tl.Expressions {
				e := &tl.Expressions[i]
				texts = append(texts, e.Text+"="+e.Value)
				if e.Text == c.want && got == nil {
					got = e
				}
			}
			require.NotNil(t, got, "no expression %q in %q; found %s", c.want, c.text, strings.Join(texts, ", "))
			assert.Equal(t, c.typ, got.Type, "type of %q (rule %s)", c.want, got.Rule)
			assert.Equal(t, c.value, got.Value, "value of %q (rule %s)", c.want, got.Rule)
			assert.Equal(t, c.mod, got.Mod, "mod of %q (rule %s)", c.want, got.Rule)
		})
	}
}

// TestSinceIsOpen checks that "since 1994" is an interval that starts in
// 1994 and has no end, and that "since" stays outside the TIMEX3 (it is a
// SIGNAL in TimeML).
func TestSinceIsOpen(t *testing.T) {
	tl := extractExpr(t, "Talks have been held since 1994.", Auto, false)
	require.Len(t, tl.Expressions, 1)
	e := tl.Expressions[0]
	assert.Equal(t, "1994", e.Text)
	assert.Equal(t, time.Date(1994, 1, 1, 0, 0, 0, 0, time.UTC), e.Interval.Begin)
	assert.True(t, e.Interval.End.IsZero())
}

// TestNonsenseDates checks that impossible calendar values never become
// dates.
func TestNonsenseDates(t *testing.T) {
	for _, text := range []string{
		"It happened on February 30, 2021.",
		"It happened on 32 December 2021.",
		"The clock read 25:70 when it stopped.",
		"It was the year 0 of the new calendar.",
	} {
		tl := extractExpr(t, text, Auto, false)
		for _, e := range tl.Expressions {
			assert.NotContains(t, e.Value, "2021-02-30", text)
			assert.NotContains(t, e.Value, "2021-12-32", text)
			assert.NotContains(t, e.Value, "T25", text)
			assert.NotEqual(t, "0000", e.Value, text)
			if e.Type == TimeType {
				t.Errorf("%q: unexpected time %q=%s", text, e.Text, e.Value)
			}
		}
	}
}

// TestModeChoice checks the automatic choice between news and narrative
// anchoring.
func TestModeChoice(t *testing.T) {
	history := "In 1914 the war began. In 1915 the front froze. In 1916 Verdun bled. In 1917 Russia left the war. In 1918 the armistice was signed."
	tl := extractExpr(t, history, Auto, false)
	assert.Equal(t, History, tl.Documents[0].Mode)
	news := "Russia said on Tuesday it was in contact with Azerbaijan. Talks resume today."
	tl = extractExpr(t, news, Auto, false)
	assert.Equal(t, News, tl.Documents[0].Mode)
}

// TestNotTimex checks words that look temporal but name no time.
func TestNotTimex(t *testing.T) {
	for _, c := range []struct{ text, not string }{
		{"The case went to the 11th Circuit Court of Appeals.", "the 11th"},
		{"He married when he was in his 30s.", "30s"},
		{"Protesters joined the annual March for Life in Washington.", "March"},
		{"About three-quarters of the voters agreed.", "three-quarters"},
		{"The 6-year-old boy was found on a raft.", "6-year"},
		{"The company paid $1990 in fees.", "1990"},
		{"Prices fell 1.20 points to 17.50.", "1.20"},
		{"It would be a second betrayal.", "a second"},
		// quoted titles of films, shows and campaigns name no time
		{"The poster showed Gary Cooper from the film ``High Noon.''", "Noon"},
		{"``They are abusing him,'' Gonzalez said on CBS's ''60 Minutes.''", "60 Minutes"},
		{"Baker, speaking on ABC News' \"This Week,\" said the request was fair.", "This Week"},
		{"He led a series of ``Spring of Life'' demonstrations in 1992.", "Spring"},
	} {
		tl := extractExpr(t, c.text, Auto, false)
		for _, e := range tl.Expressions {
			assert.NotContains(t, e.Text, c.not, "%q: %q=%s (rule %s)", c.text, e.Text, e.Value, e.Rule)
		}
	}
}
