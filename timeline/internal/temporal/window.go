package temporal

import "strings"

// Trigger is a set of classes of tokens that can start a temporal
// expression. Rules declare the classes they need, and run only in windows
// that hold one.
type Trigger uint8

// Trigger classes.
const (
	TDigit   Trigger = 1 << iota // a token with a digit
	TMonth                       // a month name or abbreviation
	TWeekday                     // a weekday name or abbreviation
	TWord                        // a temporal keyword ("ago", "week", "since"…)
)

// Window is a stretch of text worth running the rules on, in input offsets.
type Window struct {
	Start, End int
	Triggers   Trigger
}

// keywords are the words other than month and weekday names that signal a
// temporal expression nearby.
var keywords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`ago yesterday today tomorrow tonight now nowadays currently current
		day days daily week weeks weekly weekend weekends fortnight month months monthly year years yearly
		annual annually decade decades century centuries millennium quarter quarters semester
		hour hours hourly minute minutes second seconds morning mornings afternoon afternoons evening evenings
		night nights nightly noon midnight midday dawn dusk overnight daybreak
		spring summer autumn fall winter season seasons
		since recently recent lately past future present previous following earlier later
		meanwhile then soon once moment period time times era
		bc bce ad ce mid nineteen eighteen seventeen sixteen thousand fiscal christmas easter thanksgiving halloween half`) {
		m[w] = true
	}
	return m
}()

// context is how many tokens a window extends beyond its triggers, so that
// modifiers ("more than a", "the early") are inside it.
const context = 4

type token struct {
	start, end int
	trig       Trigger
}

// Windows returns the candidate windows inside [from, to) of text. Tokens
// are maximal runs of letters, digits and non-ASCII bytes; a window covers
// its trigger tokens plus context tokens on each side, and windows closer
// than context tokens merge.
func Windows(text string, from, to int, out []Window) []Window {
	var toks []token
	var buf [16]byte
	i := from
	for i < to {
		c := text[i]
		if !isWordByte(c) {
			i++
			continue
		}
		j := i
		var trig Trigger
		for j < to && isWordByte(text[j]) {
			if text[j] >= '0' && text[j] <= '9' {
				trig = TDigit
			}
			j++
		}
		if trig == 0 && j-i <= len(buf) {
			w := lowerASCII(buf[:0], text[i:j])
			switch {
			case months[string(w)] != 0:
				trig = TMonth
			case hasWeekday(w):
				trig = TWeekday
			case keywords[string(w)]:
				trig = TWord
			}
		}
		toks = append(toks, token{i, j, trig})
		i = j
	}
	last := -1 // index of the last token in the open window
	var cur Window
	for k, t := range toks {
		if t.trig == 0 {
			continue
		}
		lo := max(k-context, 0)
		hi := min(k+context, len(toks)-1)
		if last >= 0 && lo <= last {
			cur.End = toks[hi].end
			cur.Triggers |= t.trig
			last = hi
			continue
		}
		if last >= 0 {
			out = append(out, cur)
		}
		cur = Window{Start: toks[lo].start, End: toks[hi].end, Triggers: t.trig}
		last = hi
	}
	if last >= 0 {
		out = append(out, cur)
	}
	return out
}

func hasWeekday(w []byte) bool {
	_, ok := weekdays[string(w)]
	if ok {
		return true
	}
	// plural weekdays ("Tuesdays") name a set
	if n := len(w); n > 3 && w[n-1] == 's' {
		_, ok = weekdays[string(w[:n-1])]
	}
	return ok
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func lowerASCII(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
