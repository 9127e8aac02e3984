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

// FNV-1a over the lowercased bytes of a token, computed while the token
// is read.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// trigTable is triggerWords as an open-addressing table keyed by the
// FNV-1a hash of the lower-case word: a token is looked up without a
// lowercased copy and without a map access. A slot holds the hash and
// the word's index only (8 bytes), so the table stays in the first-level
// cache; most tokens are no trigger and stop at an empty slot or a
// different hash.
type trigTable struct {
	mask  uint32
	slots []trigSlot
	words []string
}

type trigSlot struct {
	h    uint32
	word uint16 // index in words, plus one; 0 for an empty slot
	trig Trigger
}

var triggerTable = func() *trigTable {
	n := 1
	for n < 4*len(triggerWords) {
		n *= 2
	}
	t := &trigTable{mask: uint32(n - 1), slots: make([]trigSlot, n), words: []string{""}}
	for w, trig := range triggerWords {
		h := uint32(fnvOffset)
		for i := 0; i < len(w); i++ {
			h = (h ^ uint32(w[i])) * fnvPrime
		}
		k := h & t.mask
		for t.slots[k].word != 0 {
			k = (k + 1) & t.mask
		}
		t.slots[k] = trigSlot{h, uint16(len(t.words)), trig}
		t.words = append(t.words, w)
	}
	return t
}()

// lookup returns the class of tok, whose lowercased FNV-1a hash is h.
func (t *trigTable) lookup(h uint32, tok string) Trigger {
	for k := h & t.mask; ; k = (k + 1) & t.mask {
		sl := &t.slots[k]
		if sl.word == 0 {
			return 0
		}
		if sl.h == h {
			if w := t.words[sl.word]; len(w) == len(tok) && equalLower(w, tok) {
				return sl.trig
			}
		}
	}
}

// equalLower reports whether tok, lowercased (ASCII), is w.
func equalLower(w, tok string) bool {
	for i := 0; i < len(w); i++ {
		c := tok[i]
		if c < 0x80 {
			c = lowerTable[c]
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

// Windows returns the candidate windows inside [from, to) of text. Tokens
// are maximal runs of letters, digits and non-ASCII bytes; a window covers
// its trigger tokens plus context tokens on each side, and windows closer
// than context tokens merge. It reads the text once and allocates
// nothing beyond out.
func Windows(text string, from, to int, out []Window) []Window {
	// starts of the last context+1 tokens, by token index mod context+1
	var recent [context + 1]int
	k := 0     // index of the current token
	last := -1 // index of the last token in the open window
	var cur Window
	text = text[:to]
	i := from
	for i < len(text) {
		if tokenBytes[text[i]]&tokWord == 0 {
			i++
			continue
		}
		j := i
		var flags uint16
		h := uint32(fnvOffset)
		for j < len(text) {
			f := tokenBytes[text[j]]
			if f&tokWord == 0 {
				break
			}
			flags |= f
			h = (h ^ uint32(uint8(f))) * fnvPrime
			j++
		}
		var trig Trigger
		if flags&tokDigit != 0 {
			trig = TDigit
		} else if j-i <= maxTriggerLen {
			trig = triggerTable.lookup(h, text[i:j])
		}
		recent[k%(context+1)] = i
		if last >= 0 && k <= last {
			// inside the open window's context
			cur.End = j
		}
		if trig != 0 {
			lo := max(k-context, 0)
			if last >= 0 && lo <= last {
				cur.End = j
				cur.Triggers |= trig
			} else {
				if last >= 0 {
					out = append(out, cur)
				}
				cur = Window{Start: recent[lo%(context+1)], End: j, Triggers: trig}
			}
			last = k + context
		}
		k++
		i = j
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

func isWordByte(c byte) bool { return wordBytes[c] }

// tokenBytes holds, for each byte, the byte lowercased (ASCII) in the
// low 8 bits and whether it is a word byte and a digit: one load per
// byte of a token.
const (
	tokWord  = 0x100
	tokDigit = 0x200
)

var tokenBytes = func() (t [256]uint16) {
	for i := range t {
		c := byte(i)
		v := uint16(c)
		if c < 0x80 {
			v = uint16(lowerTable[c])
		}
		if wordBytes[c] {
			v |= tokWord
		}
		if c >= '0' && c <= '9' {
			v |= tokDigit
		}
		t[i] = v
	}
	return t
}()

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
