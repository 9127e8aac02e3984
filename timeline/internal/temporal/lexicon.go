package temporal

import (
	"strconv"
	"strings"
)

// months maps English month names and abbreviations to 1..12.
var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

// weekdays maps English weekday names and abbreviations to time.Weekday.
var weekdays = map[string]int{
	"sunday": 0, "sun": 0, "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2,
	"wednesday": 3, "wed": 3, "thursday": 4, "thu": 4, "thur": 4, "thurs": 4,
	"friday": 5, "fri": 5, "saturday": 6, "sat": 6,
}

// numberWords maps spelled-out cardinals to values; -1 is a vague
// quantity ("several").
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"hundred": 100, "a hundred": 100, "one hundred": 100, "thousand": 1000, "a thousand": 1000,
	"several": -1, "few": -1, "a few": -1, "many": -1, "some": -1, "numerous": -1,
	"couple": 2, "a couple of": 2, "a couple": 2, "couple of": 2, "dozen": 12, "a dozen": 12,
}

// ordinalWords maps spelled-out ordinals to values.
var ordinalWords = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
	"twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
	"sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23,
	"twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27,
	"twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31,
}

// Regular-expression alternations built from the tables, longest first so
// that "sept" is tried before "sep".
const (
	monthPat   = `january|february|march|april|may|june|july|august|september|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec`
	weekdayPat = `monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|thurs|thur|mon|tue|wed|thu|fri|sat|sun`
	unitWord   = `one|two|three|four|five|six|seven|eight|nine`
	teenWord   = `ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen`
	tensWord   = `twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety`
	// numberPat is a cardinal in digits or words, or a vague quantity.
	numberPat = `\d+(?:\.\d+)?(?:\s+1/2)?|(?:` + tensWord + `)(?:[\s-](?:` + unitWord + `))?|` + teenWord + `|` + unitWord +
		`|a\s+hundred|one\s+hundred|hundred|a\s+thousand|thousand|a\s+few|a\s+couple\s+of|a\s+couple|couple\s+of|several|a\s+dozen|dozen|few|many|numerous|some|an|a`
	ordinalPat = `first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|twenty-second|twenty-third|twenty-fourth|twenty-fifth|twenty-sixth|twenty-seventh|twenty-eighth|twenty-ninth|thirtieth|thirty-first`
)

// monthNum returns the month number of a name or abbreviation (with or
// without a trailing dot), or 0.
func monthNum(s string) int {
	var buf [16]byte
	if k, ok := lowerKey(buf[:], s); ok {
		return months[string(k)]
	}
	return months[strings.TrimSuffix(strings.ToLower(s), ".")]
}

// lowerKey writes s lowercased, less one trailing dot, to buf and
// returns it, for a map look-up that does not allocate (m[string(k)]),
// as strings.TrimSuffix(strings.ToLower(s), ".") would for a capitalized
// name; ok is false when s is not ASCII or longer than buf.
func lowerKey(buf []byte, s string) (k []byte, ok bool) {
	if len(s) > len(buf) {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return nil, false
		}
		buf[i] = lowerTable[c]
	}
	k = buf[:len(s)]
	if len(k) > 0 && k[len(k)-1] == '.' {
		k = k[:len(k)-1]
	}
	return k, true
}

// weekdayNum returns the weekday of a name, or -1.
func weekdayNum(s string) int {
	var buf [16]byte
	if k, ok := lowerKey(buf[:], s); ok {
		if d, ok := weekdays[string(k)]; ok {
			return d
		}
		return -1
	}
	if d, ok := weekdays[strings.TrimSuffix(strings.ToLower(s), ".")]; ok {
		return d
	}
	return -1
}

// number reads a cardinal written in digits or words; -1 for vague
// quantities ("several"), and ok=false for anything else.
func number(s string) (n float64, ok bool) {
	s = normWords(s)
	half := 0.0
	if strings.HasSuffix(s, " 1/2") {
		s, half = strings.TrimSuffix(s, " 1/2"), 0.5
	}
	if mayBeFloat(s) {
		if v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64); err == nil {
			return v + half, true
		}
	}
	if v, found := numberWords[s]; found {
		return float64(v), true
	}
	if v, found := halfWords[s]; found {
		return v, true
	}
	// "twenty-five", "twenty five"
	if i := strings.IndexAny(s, "- "); i > 0 {
		a, okA := numberWords[s[:i]]
		b, okB := numberWords[s[i+1:]]
		if okA && okB && a >= 20 && b > 0 && b < 10 {
			return float64(a + b), true
		}
	}
	return 0, false
}

var halfWords = map[string]float64{"half a": 0.5, "a half": 0.5, "half": 0.5}

// ordinal reads "3rd", "third", "twenty-first"; ok=false otherwise.
func ordinal(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if v, ok := ordinalWords[s]; ok {
		return v, true
	}
	s = strings.TrimRight(s, "stndrh")
	return atoi(s)
}

// spelledYear reads a year said aloud: "nineteen ninety-six", "nineteen
// eighty", "two thousand", "two thousand and one". ok=false otherwise.
func spelledYear(s string) (int, bool) {
	f := strings.Fields(strings.ToLower(strings.ReplaceAll(s, "-", " ")))
	if len(f) >= 2 && f[0] == "two" && f[1] == "thousand" {
		rest := f[2:]
		if len(rest) > 0 && rest[0] == "and" {
			rest = rest[1:]
		}
		if len(rest) == 0 {
			return 2000, true
		}
		n, ok := number(strings.Join(rest, " "))
		if !ok || n < 1 || n > 99 {
			return 0, false
		}
		return 2000 + int(n), true
	}
	if len(f) < 2 {
		return 0, false
	}
	c, ok := numberWords[f[0]]
	if !ok || c < 10 || c > 20 {
		return 0, false
	}
	rest := f[1:]
	if rest[0] == "hundred" && len(rest) == 1 {
		return c * 100, true
	}
	if rest[0] == "oh" && len(rest) == 2 {
		d, ok := numberWords[rest[1]]
		if !ok || d < 1 || d > 9 {
			return 0, false
		}
		return c*100 + d, true
	}
	n, ok := number(strings.Join(rest, " "))
	if !ok || n < 10 || n > 99 {
		return 0, false
	}
	return c*100 + int(n), true
}

// mayBeFloat reports whether strconv.ParseFloat can take s with its
// commas removed: a number starts with a sign, a digit or a dot, and
// the only words it reads are inf, infinity and nan. The
// number words ("three") are refused without the error ParseFloat
// would allocate.
func mayBeFloat(s string) bool {
	if s == "" {
		return false
	}
	switch c := s[0]; {
	case c >= '0' && c <= '9', c == '+', c == '-', c == '.':
		return true
	}
	if strings.IndexByte(s, ',') >= 0 {
		// the word is read without its commas: let ParseFloat say
		return true
	}
	return strings.EqualFold(s, "inf") || strings.EqualFold(s, "infinity") || strings.EqualFold(s, "nan")
}

// atoi parses digits; ok=false when s is not a number. An empty group,
// most of the calls that fail, is refused without the error Atoi would
// allocate.
func atoi(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	v, err := strconv.Atoi(s)
	return v, err == nil
}

func ptr(v int) *int { return &v }
