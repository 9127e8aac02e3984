package temporal

import (
	"math/bits"
	"slices"
	"strings"
)

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

// triggerWords maps the lower-case words that are triggers to their
// class: month names first, then weekday names and their plurals
// ("Tuesdays" name a set), then keywords.
var triggerWords = func() map[string]Trigger {
	m := map[string]Trigger{}
	for w := range keywords {
		m[w] = TWord
	}
	for w := range weekdays {
		m[w] = TWeekday
		m[w+"s"] = TWeekday
	}
	for w := range months {
		m[w] = TMonth
	}
	return m
}()

// maxTriggerLen is the longest token looked up as a trigger word.
const maxTriggerLen = 16

// le64 reads the eight bytes at s[i:] as a little-endian number (one
// load).
func le64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// trigAutomaton finds trigger tokens in one pass of a table lookup a
// byte: most bytes lie in tokens that are no trigger, and Windows
// tokenizes the text around a trigger only. Its states are "between
// tokens" (0), "in a token with a digit", "in a token that is no
// trigger word" and the nodes of a trie of the trigger words, case
// folded; they are premultiplied by the number of byte classes.
type trigAutomaton struct {
	// class maps a byte to its class: a separator (0), a digit, a
	// letter of a trigger word (both cases), or another word byte
	class [256]uint8
	// delta is indexed by state+class. Its entries are the next state,
	// or, on a separator after a token, fire|trig after a trigger and
	// tokenEnd after another token: the automaton then is between
	// tokens (state 0, whose row tokenEnd repeats). Its size lets an
	// entry plus a class index it without a bounds check.
	delta [1<<16 + 256]uint16
}

// Entries of trigAutomaton.delta at the end of a token, above the states.
const (
	tokenEnd = 1 << 14 // of any token
	fire     = 1 << 15 // of a trigger token
)

// Byte classes of trigAutomaton other than the letters.
const (
	classSep   = iota // no word byte
	classDigit        // a digit
	classOther        // a word byte in no trigger word
	classFirstLetter
)

// trigDFA is the automaton of triggerWords, a variable rather than a
// pointer so that its loops check no pointer.
var trigDFA trigAutomaton

func init() { trigDFA.build(triggerWords) }

// build makes a the automaton that recognizes words (ASCII letters,
// lower-case) as tokens, case-insensitively.
func (a *trigAutomaton) build(words map[string]Trigger) {
	sorted := sortedKeys(words)
	nc := classFirstLetter
	for _, w := range sorted {
		for i := 0; i < len(w); i++ {
			if c := w[i]; a.class[c] == 0 {
				a.class[c] = uint8(nc)
				a.class[c-'a'+'A'] = uint8(nc)
				nc++
			}
		}
	}
	for c := range a.class {
		switch {
		case c >= '0' && c <= '9':
			a.class[c] = classDigit
		case wordBytes[c] && a.class[c] == 0:
			a.class[c] = classOther
		}
	}
	// states: 0 between tokens (also the trie's root), 1 in a token
	// with a digit, 2 in another token, then the trie's nodes; delta
	// holds the trie's edges first, 0 for none (no edge goes to 0)
	const between, digit, other = 0, 1, 2
	n := 3
	for _, w := range sorted {
		st := between
		for i := 0; i < len(w); i++ {
			e := &a.delta[st*nc+int(a.class[w[i]])]
			if *e == 0 {
				if (n+1)*nc > tokenEnd {
					panic("temporal: trigger automaton too large")
				}
				*e = uint16(n * nc)
				n++
			}
			st = int(*e) / nc
		}
		a.delta[st*nc+classSep] = fire | uint16(words[w])
	}
	for st := range n {
		row := a.delta[st*nc : (st+1)*nc]
		toDigit, toOther := uint16(digit*nc), uint16(other*nc)
		switch st {
		case digit:
			setAll(row[1:], toDigit)
			row[classSep] = fire | uint16(TDigit)
		case other:
			setAll(row[1:], toOther)
			row[classDigit] = toDigit
			row[classSep] = tokenEnd
		default:
			row[classDigit] = toDigit
			row[classOther] = toOther
			for c := classFirstLetter; c < nc; c++ {
				if row[c] == 0 {
					// no trigger word goes on with this letter
					row[c] = toOther
				}
			}
			if st != between && row[classSep] == 0 {
				row[classSep] = tokenEnd
			}
		}
	}
	copy(a.delta[tokenEnd:tokenEnd+nc], a.delta[:nc])
}

func setAll(s []uint16, v uint16) {
	for i := range s {
		s[i] = v
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// next runs trigDFA from between tokens at text[i] to the first entry
// at or above stop (fire: the end of a trigger token; tokenEnd: of any
// token): it returns where that is and the entry, or len(text) and the
// entry at the end of the text, which ends a token. It is a loop of its
// own, in registers (not inlined).
//
//go:noinline
func (a *trigAutomaton) next(text string, i, stop int) (int, int) {
	delta, class := &a.delta, &a.class
	st := 0
	// over a slice that starts at 0, which needs no bounds check, eight
	// bytes a round
	rest := text[i:]
	k := 0
	for ; k+8 <= len(rest); k += 8 {
		b := rest[k : k+8]
		if st = int(delta[st+int(class[b[0]])]); st >= stop {
			return i + k + 0, st
		}
		if st = int(delta[st+int(class[b[1]])]); st >= stop {
			return i + k + 1, st
		}
		if st = int(delta[st+int(class[b[2]])]); st >= stop {
			return i + k + 2, st
		}
		if st = int(delta[st+int(class[b[3]])]); st >= stop {
			return i + k + 3, st
		}
		if st = int(delta[st+int(class[b[4]])]); st >= stop {
			return i + k + 4, st
		}
		if st = int(delta[st+int(class[b[5]])]); st >= stop {
			return i + k + 5, st
		}
		if st = int(delta[st+int(class[b[6]])]); st >= stop {
			return i + k + 6, st
		}
		if st = int(delta[st+int(class[b[7]])]); st >= stop {
			return i + k + 7, st
		}
	}
	for ; k < len(rest); k++ {
		if st = int(delta[st+int(class[rest[k]])]); st >= stop {
			return i + k, st
		}
	}
	return len(text), int(delta[st+classSep])
}

// Windows returns the candidate windows inside [from, to) of text. Tokens
// are maximal runs of letters, digits and non-ASCII bytes; a window covers
// its trigger tokens plus context tokens on each side, and windows closer
// than context tokens merge. It reads the text once with trigAutomaton
// and tokenizes only around triggers; it allocates nothing beyond out.
func Windows(text string, from, to int, out []Window) []Window {
	text = text[:to]
	j, t := trigDFA.next(text, from, fire)
	if t < fire {
		return out
	}
	w := Window{Start: contextStart(text, from, j), End: j, Triggers: Trigger(t &^ fire)}
	for w.Triggers != 0 {
		var done Window
		done, w = trigDFA.grow(text, from, w)
		out = append(out, done)
	}
	return out
}

// grow extends w, which ends with a trigger token, over the context
// tokens after its last trigger and over the next triggers whose
// context overlaps it. It returns w and the start of the next window,
// which ends with its first trigger token (no Triggers: none).
func (a *trigAutomaton) grow(text string, from int, w Window) (Window, Window) {
	for {
		// text[w.End], if any, is a separator
		for n := 0; n < context; {
			if w.End >= len(text) {
				return w, Window{}
			}
			end, t := a.next(text, w.End+1, tokenEnd)
			if t < tokenEnd {
				// no token before the end
				return w, Window{}
			}
			w.End = end
			n++
			if t >= fire {
				w.Triggers |= Trigger(t &^ fire)
				n = 0
			}
		}
		if w.End >= len(text) {
			return w, Window{}
		}
		j, t := a.next(text, w.End+1, fire)
		if t < fire {
			return w, Window{}
		}
		// the windows merge if the trigger's context starts inside w
		start := contextStart(text, from, j)
		if start >= w.End {
			return w, Window{Start: start, End: j, Triggers: Trigger(t &^ fire)}
		}
		w.End = j
		w.Triggers |= Trigger(t &^ fire)
	}
}

// contextStart returns the start of the window of the trigger token
// that ends at j: context tokens before the token's start, or the first
// token at or after from. It reads the text back from j eight bytes at a
// time, counting the token starts (a word byte after a byte that is
// none, or at from) with one mask a block.
func contextStart(text string, from, j int) int {
	before := text[from:j]
	// the trigger token's start and context more; first is the
	// earliest start met
	need, first := context+1, len(before)
	p := len(before)
	for ; p >= 8; p -= 8 {
		q := p - 8
		word := wordMask8(le64(before, q))
		var wordBefore uint64
		if q > 0 && wordBytes[before[q-1]] {
			wordBefore = 0x80
		}
		starts := word &^ (word<<8 | wordBefore)
		n := bits.OnesCount64(starts)
		if n >= need {
			// the need-th start from the end of the block
			for range need - 1 {
				starts &^= 1 << (63 - bits.LeadingZeros64(starts))
			}
			return from + q + (63-bits.LeadingZeros64(starts))>>3
		}
		if n > 0 {
			need -= n
			first = q + bits.TrailingZeros64(starts)>>3
		}
	}
	for i := p - 1; i >= 0; i-- {
		if wordBytes[before[i]] && (i == 0 || !wordBytes[before[i-1]]) {
			first = i
			if need--; need == 0 {
				break
			}
		}
	}
	return from + first
}

// wordMask8 sets bit 7 of each byte of x that is a word byte (see
// wordBytes): an ASCII letter or digit, or a byte >= 0x80. As in
// foldWord, a byte v < 0x80 plus 0x80-c has bit 7 set when v >= c, and
// v|0x20 is a lower-case letter when v is a letter.
func wordMask8(x uint64) uint64 {
	const ones = 0x0101010101010101
	x7 := x &^ high
	lw := x7 | 0x20*ones
	letter := (lw + (0x80-'a')*ones) &^ (lw + (0x80-'z'-1)*ones)
	digit := (x7 + (0x80-'0')*ones) &^ (x7 + (0x80-'9'-1)*ones)
	return (letter | digit | x) & high
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

func isWordByte(c byte) bool { return wordBytes[c] }

var wordBytes = func() (t [256]bool) {
	for i := range t {
		c := byte(i)
		t[i] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
	}
	return t
}()

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
