package temporal

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// windowsRef is Windows before endsFilter (and before its loop read the
// first byte of a token once): the hash of every token of ASCII letters,
// checked against the table's bit set.
func windowsRef(text string, from, to int, out []Window) []Window {
	wb := &windowBuilder{out: out}
	k := 0     // index of the current token
	last := -1 // index of the last token in the open window
	text = text[:to]
	i := from
	for {
		// to the next token, in a loop of its own
		for i < len(text) && tokenBytes[text[i]]&tokWord == 0 {
			i++
		}
		if i >= len(text) {
			break
		}
		f := tokenBytes[text[i]]
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
		} else if n := j - i; n <= maxTriggerLen && f&tokHigh == 0 {
			// ASCII letters, as the trigger words are: their key and
			// hash in a few operations, and a bit that most tokens
			// find clear
			if i+8 <= len(text) {
				var a, b uint64
				if n <= 8 {
					a = (le64(text, i) | lowerBytes) & (^uint64(0) >> (uint(64-8*n) & 63))
				} else {
					a, b = le64(text, i)|lowerBytes, le64(text, j-8)|lowerBytes
				}
				h := wordHash(a, b, n)
				if triggerTable.bits[h>>26]&(1<<(h>>20&63)) != 0 {
					trig = triggerTable.lookup(text, i, j, h)
				}
			} else {
				trig = triggerTable.lookupTail(text, i, j)
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
		i = j
	}
	if last >= 0 {
		wb.out = append(wb.out, wb.cur)
	}
	return wb.out
}

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

// windowsTokens is Windows before its automaton (trigAutomaton): it
// tokenizes every byte and classifies each token. It returns the candidate windows inside [from, to) of text. Tokens
// are maximal runs of letters, digits and non-ASCII bytes; a window covers
// its trigger tokens plus context tokens on each side, and windows closer
// than context tokens merge. It reads the text once and allocates
// nothing beyond out.
func windowsTokens(text string, from, to int, out []Window) []Window {
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

// compareWindows checks Windows against windowsRef and windowsTokens on text[from:to].
func compareWindows(t *testing.T, text string, from, to int) {
	t.Helper()
	got := Windows(text, from, to, nil)
	if want := windowsRef(text, from, to, nil); !slices.Equal(got, want) {
		t.Fatalf("%q [%d,%d): got %v, want %v", clip(text), from, to, got, want)
	}
	if want := windowsTokens(text, from, to, nil); !slices.Equal(got, want) {
		t.Fatalf("%q [%d,%d): got %v, windowsTokens %v", clip(text), from, to, got, want)
	}
}

// TestWindowsMatchesRef: Windows gives windowsRef's windows on the test
// texts (the TBAQ texts when present), whole and in parts.
func TestWindowsMatchesRef(t *testing.T) {
	for _, text := range testTexts(t) {
		compareWindows(t, text, 0, len(text))
		compareWindows(t, text, len(text)/3, len(text)/2)
		for from := 0; from < len(text); {
			to := strings.IndexByte(text[from:], '\n')
			if to < 0 {
				to = len(text)
			} else {
				to += from
			}
			compareWindows(t, text, from, to)
			from = to + 1
		}
	}
}

// randomWindowText is text of trigger words in any case, words that share
// their length and first and last letter with one, other words, numbers
// and non-ASCII bytes, ending anywhere (tokens near the end take
// lookupTail).
func randomWindowText(rng *rand.Rand) string {
	words := []string{"ago", "AGO", "Monday", "mondays", "SEPT", "sept", "Seconds", "thanksgiving",
		"aNo", "mdy", "Tuesdax", "yesterdaY", "yesterdax", "the", "a", "of", "said", "x", "week", "weeks",
		"é", "May\xc3", "ſince", "12", "1990s", "mid", "abcdefghijklmnopq", "centuries", "Centuriez"}
	seps := []string{" ", " ", ", ", ".", "-", "\n", "'", " (", ""}
	var b strings.Builder
	for range rng.IntN(40) {
		b.WriteString(words[rng.IntN(len(words))])
		b.WriteString(seps[rng.IntN(len(seps))])
	}
	return b.String()
}

// TestWindowsMatchesRefRandom: the same on random text.
func TestWindowsMatchesRefRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		text := randomWindowText(rng)
		from := rng.IntN(len(text) + 1)
		to := from + rng.IntN(len(text)-from+1)
		compareWindows(t, text, 0, len(text))
		compareWindows(t, text, from, to)
	}
}

// TestWindowsMatchesRefBytes: the same on short texts of bytes from
// each class (letters of both cases, digits, separators, non-ASCII
// bytes), at every span, so that tokens start and stop at every offset
// of the eight-byte blocks and at their bounds.
func TestWindowsMatchesRefBytes(t *testing.T) {
	alphabet := "aZmy09 .-\n\x80\xc3\xff"
	rng := rand.New(rand.NewPCG(7, 8))
	buf := make([]byte, 0, 40)
	for range 400 {
		buf = buf[:0]
		for range rng.IntN(cap(buf)) {
			buf = append(buf, alphabet[rng.IntN(len(alphabet))])
		}
		text := string(buf)
		for from := 0; from <= len(text); from++ {
			for to := from; to <= len(text); to++ {
				compareWindows(t, text, from, to)
			}
		}
	}
}

// FuzzWindows compares Windows with windowsRef on any text and span.
func FuzzWindows(f *testing.F) {
	f.Add("On Tuesday, March 5, 2024 at 10 p.m. GMT, three days ago.", 3, 40)
	f.Add("aNo mdy Tuesdax YESTERDAY ſince é2020 centuries", 0, 47)
	f.Add("Monday", 0, 6)
	f.Add("mondays1 é2 abcdefghijklmnop abcdefghijklmnopq THANKSGIVINGS", 2, 60)
	f.Fuzz(func(t *testing.T, text string, from, to int) {
		if from < 0 || from > len(text) {
			from = 0
		}
		if to < from || to > len(text) {
			to = len(text)
		}
		compareWindows(t, text, from, to)
	})
}

// gluedTriggerText is text of trigger words in random case, some cut
// or extended by a letter, some with digits, non-ASCII bytes or
// punctuation glued on, tokens of 16 and 17 letters among them, and
// separators or none between them.
func gluedTriggerText(rng *rand.Rand, words []string) string {
	glue := []string{"", "", "", "1", "9", "\xc3\xa9", "\x80", "-", ".", "'", "s", "x", "a"}
	seps := []string{" ", " ", ", ", "\n", "", "("}
	var b strings.Builder
	for range rng.IntN(12) {
		var w string
		switch rng.IntN(8) {
		case 0:
			w = "abcdefghijklmnopq"[:16+rng.IntN(2)]
		case 1:
			w = "thanksgivingweek"[:16-rng.IntN(2)] + "s"
		default:
			w = words[rng.IntN(len(words))]
		}
		if rng.IntN(4) == 0 && len(w) > 1 {
			w = w[:rng.IntN(len(w))]
		}
		b.WriteString(glue[rng.IntN(len(glue))])
		for i := 0; i < len(w); i++ {
			c := w[i]
			if rng.IntN(2) == 0 && c >= 'a' && c <= 'z' {
				c -= 'a' - 'A'
			}
			b.WriteByte(c)
		}
		b.WriteString(glue[rng.IntN(len(glue))])
		b.WriteString(seps[rng.IntN(len(seps))])
	}
	return b.String()
}

// TestWindowsMatchesRefGlued: Windows gives windowsRef's windows on
// every span of texts of trigger words glued to other bytes, so that
// triggers lie at the start and end of the span and the span's bounds
// cut tokens.
func TestWindowsMatchesRefGlued(t *testing.T) {
	words := sortedKeys(triggerWords)
	rng := rand.New(rand.NewPCG(9, 10))
	for range 600 {
		text := gluedTriggerText(rng, words)
		for from := 0; from <= len(text); from++ {
			for to := from; to <= len(text); to++ {
				compareWindows(t, text, from, to)
			}
		}
	}
}

// TestWindowsEveryTriggerWord: each trigger word, in any case, alone
// and among other words, is a trigger of its class, and no longer or
// shorter word is one unless it is a trigger word too.
func TestWindowsEveryTriggerWord(t *testing.T) {
	for w, trig := range triggerWords {
		for _, text := range []string{w, strings.ToUpper(w), "the " + w + " of", w + "s", w[:len(w)-1], "x" + w} {
			compareWindows(t, text, 0, len(text))
		}
		got := Windows(strings.ToUpper(w[:1])+w[1:], 0, len(w), nil)
		if len(got) != 1 || got[0] != (Window{0, len(w), trig}) {
			t.Fatalf("%q: got %v", w, got)
		}
	}
}

// TestTrigAutomatonSize: the automaton's states fit below tokenEnd.
func TestTrigAutomatonSize(t *testing.T) {
	var a trigAutomaton
	a.build(triggerWords) // panics if they do not
}

// BenchmarkTrigAutomatonBuild measures the init cost of trigDFA.
func BenchmarkTrigAutomatonBuild(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var a trigAutomaton
		a.build(triggerWords)
	}
}

// contextStartRef is contextStart as it was before it read the text
// eight bytes at a time: token by token, byte by byte.
func contextStartRef(text string, from, j int) int {
	// offsets in before, which start at 0, need no bounds check
	before := text[from:j]
	s := len(before)
	for s > 0 && wordBytes[before[s-1]] {
		s--
	}
	for range context {
		p := s
		for p > 0 && !wordBytes[before[p-1]] {
			p--
		}
		if p == 0 {
			break
		}
		for p > 0 && wordBytes[before[p-1]] {
			p--
		}
		s = p
	}
	return from + s
}

// checkContextStart compares contextStart with contextStartRef on text
// from from, for a trigger token ending at every token end.
func checkContextStart(t *testing.T, text string, from int) {
	t.Helper()
	for j := from + 1; j <= len(text); j++ {
		if !wordBytes[text[j-1]] || j < len(text) && wordBytes[text[j]] {
			continue
		}
		if got, want := contextStart(text, from, j), contextStartRef(text, from, j); got != want {
			t.Fatalf("contextStart(%q, %d, %d) = %d, want %d", clip(text), from, j, got, want)
		}
	}
}

// TestContextStartMatchesRef: contextStart against contextStartRef on
// the test texts (the corpora when present; every fifth, from 0 and from
// a word's middle), glued and random texts.
func TestContextStartMatchesRef(t *testing.T) {
	for i, text := range testTexts(t) {
		if i%5 != 0 {
			continue
		}
		checkContextStart(t, text, 0)
		checkContextStart(t, text, min(len(text), 7))
	}
	rng := rand.New(rand.NewPCG(21, 22))
	for range 2000 {
		text := randomWindowText(rng)
		checkContextStart(t, text, 0)
		checkContextStart(t, text, rng.IntN(len(text)+1))
	}
}

// FuzzContextStart compares contextStart with contextStartRef.
func FuzzContextStart(f *testing.F) {
	for _, s := range []string{"", "a b c d e f g h", "x1  é,ago--the 2020 week", "\xff\xfe a\x80b ab12 , . ;"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, text string, from int) {
		if from < 0 || from > len(text) {
			return
		}
		checkContextStart(t, text, from)
	})
}
