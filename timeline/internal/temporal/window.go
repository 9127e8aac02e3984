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

// trigTable is triggerWords as an open-addressing table keyed by a hash
// of the lower-case word (wordHash), with a bit set over other bits of
// the hash in front: a token is looked up without a lowercased copy,
// without a map access and without a loop over its bytes, and most
// tokens, which are no trigger, stop at a clear bit in a set of 512
// bytes. A slot holds the hash and the word's index only (8 bytes).
type trigTable struct {
	mask  uint32
	slots []trigSlot
	words []string
	// bits has bit h>>20 (12 bits) for the hash h of each word
	bits [64]uint64
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
		a, b := wordKey(w, 0, len(w))
		h := wordHash(a, b, len(w))
		t.bits[h>>26] |= 1 << (h >> 20 & 63)
		k := h & t.mask
		for t.slots[k].word != 0 {
			k = (k + 1) & t.mask
		}
		t.slots[k] = trigSlot{h, uint16(len(t.words)), trig}
		t.words = append(t.words, w)
	}
	return t
}()

// endsFilter has, for each length of trigger word and first letter, a
// bit for the last letter of each trigger word: a test of a few
// operations that 84% of the other words of news text fail, cheaper than
// their hash.
type endsFilter [maxTriggerLen + 1][32]uint32

// maybe reports whether a token of n (1 to maxTriggerLen) ASCII letters
// that starts with first and ends with last can be a trigger word (&31
// maps both cases of a letter to the same bit).
func (f *endsFilter) maybe(n uint, first, last byte) bool {
	return f[n][first&31]>>(last&31)&1 != 0
}

var triggerEnds = func() (f endsFilter) {
	for w := range triggerWords {
		f[len(w)][w[0]&31] |= 1 << (w[len(w)-1] & 31)
	}
	return f
}()

// lowerBytes sets the lower-case bit of eight ASCII letters.
const lowerBytes = 0x2020202020202020

// wordKey returns the first and the last eight bytes (overlapping in a
// shorter token, b = 0 in one of eight bytes or less) of the token
// s[i:j], 1 to maxTriggerLen ASCII letters, lowercased, as
// little-endian numbers; only the bytes of the token count.
func wordKey(s string, i, j int) (a, b uint64) {
	n := j - i
	if n <= 8 {
		return (load64(s, i, n) | lowerBytes) & (^uint64(0) >> (uint(64-8*n) & 63)), 0
	}
	return load64(s, i, 8) | lowerBytes, load64(s, j-8, 8) | lowerBytes
}

// wordHash hashes the key (a, b) of a token of n bytes (see wordKey).
func wordHash(a, b uint64, n int) uint32 {
	h := a*0x9E3779B97F4A7C15 ^ b*0xC2B2AE3D27D4EB4F ^ uint64(n)*0x165667B19E3779F9
	return uint32(h>>32) ^ uint32(h)
}

// load64 reads the n bytes (1 to 8) at s[i:] as a little-endian number.
func load64(s string, i, n int) uint64 {
	var v uint64
	for k := n - 1; k >= 0; k-- {
		v = v<<8 | uint64(s[i+k])
	}
	return v
}

// le64 reads the eight bytes at s[i:] as a little-endian number (one
// load).
func le64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// lookup returns the class of the token s[i:j], 1 to maxTriggerLen
// ASCII letters, whose wordHash is h.
func (t *trigTable) lookup(s string, i, j int, h uint32) Trigger {
	for k := h & t.mask; ; k = (k + 1) & t.mask {
		sl := &t.slots[k]
		if sl.word == 0 {
			return 0
		}
		if sl.h == h {
			if w, tok := t.words[sl.word], s[i:j]; len(w) == len(tok) && equalLower(w, tok) {
				return sl.trig
			}
		}
	}
}

// classify returns the class of the token s[i:j], 1 to maxTriggerLen
// ASCII letters. It is out of Windows' loop, which calls it for a few
// tokens only (see endsFilter), so that the loop keeps its values in
// registers.
//
//go:noinline
func (t *trigTable) classify(s string, i, j int) Trigger {
	if i+8 > len(s) {
		return t.lookupTail(s, i, j)
	}
	// the key and hash in a few operations, and a bit that most
	// tokens find clear
	var a, b uint64
	if n := j - i; n <= 8 {
		a = (le64(s, i) | lowerBytes) & (^uint64(0) >> (uint(64-8*n) & 63))
	} else {
		a, b = le64(s, i)|lowerBytes, le64(s, j-8)|lowerBytes
	}
	h := wordHash(a, b, j-i)
	if t.bits[h>>26]&(1<<(h>>20&63)) == 0 {
		return 0
	}
	return t.lookup(s, i, j, h)
}

// lookupTail is lookup for a token less than eight bytes from the end
// of s.
//
//go:noinline
func (t *trigTable) lookupTail(s string, i, j int) Trigger {
	a, b := wordKey(s, i, j)
	return t.lookup(s, i, j, wordHash(a, b, j-i))
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
	wb := &windowBuilder{out: out}
	k := 0     // index of the current token
	last := -1 // index of the last token in the open window
	text = text[:to]
	i := from
	for i < len(text) {
		// a byte that starts no token is passed here, the first byte
		// of a token read once
		f := tokenBytes[text[i]]
		if f&tokWord == 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(text) {
			g := tokenBytes[text[j]]
			if g&tokWord == 0 {
				break
			}
			f |= g
			j++
		}
		var trig Trigger
		if f&tokDigit != 0 {
			trig = TDigit
		} else if n := uint(j - i); n <= maxTriggerLen && f&tokHigh == 0 {
			// ASCII letters, as the trigger words are
			if triggerEnds.maybe(n, text[i], text[j-1]) {
				trig = triggerTable.classify(text, i, j)
			}
		}
		wb.recent[k&7] = i
		if k <= last {
			// inside the open window's context
			wb.cur.End = j
		}
		if trig != 0 {
			last = wb.trigger(k, last, j, trig)
		}
		k++
		// text[j], if any, is no word byte: the next token starts after it
		i = j + 1
	}
	if last >= 0 {
		wb.out = append(wb.out, wb.cur)
	}
	return wb.out
}

// windowBuilder holds what Windows needs only at a trigger, in memory:
// the loop over the tokens keeps few values, and most of them in
// registers.
type windowBuilder struct {
	// starts of the last tokens, token k's at k&7 (8 > context)
	recent [8]int
	cur    Window
	out    []Window
}

// trigger takes trigger token k, which ends at j, into the windows, with
// last the index of the last token in the open window (-1: none), and
// returns the new one.
//
//go:noinline
func (wb *windowBuilder) trigger(k, last, j int, trig Trigger) int {
	lo := max(k-context, 0)
	if lo <= last {
		wb.cur.End = j
		wb.cur.Triggers |= trig
	} else {
		if last >= 0 {
			wb.out = append(wb.out, wb.cur)
		}
		wb.cur = Window{Start: wb.recent[lo&7], End: j, Triggers: trig}
	}
	return k + context
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

// tokenBytes holds, for each byte, whether it is a word byte, a digit
// and a byte >= 0x80: one load per byte of a token.
const (
	tokWord  = 0x100
	tokDigit = 0x200
	tokHigh  = 0x400
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
		if c >= 0x80 {
			v |= tokHigh
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
