package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a dot that does not end a sentence. Lower-case
// keys, without the dot.
var abbreviations = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`mr mrs ms dr prof gen col lt sgt capt maj adm cmdr gov sen rep rev st jr sr
		jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
		inc corp co ltd no nos vs v etc approx est dept univ fig al e.g i.e a.m p.m u.s u.n u.k e.u
		ft mt ave blvd rd gov't pres`) {
		m[w] = true
	}
	return m
}()

// splitSentences cuts text into sentences with spans into text. A blank
// line always ends a sentence; a single line break ends one when the line
// before is short or ends with terminal punctuation (scraped pages put
// each block on its own line, wire copy wraps long lines).
func splitSentences(text string) []Sentence {
	return appendSentences(make([]Sentence, 0, len(text)/sentenceBytes+1), text)
}

// appendSentences appends the sentences of text to out.
func appendSentences(out []Sentence, text string) []Sentence {
	// the blocks between hard breaks, read line by line: each line is
	// trimmed once, as the next line of one break and the line of the
	// next
	start := 0
	stops := newStopFinder(text)
	i := strings.IndexByte(text, '\n')
	var line string
	if i >= 0 {
		line = trimSpace(text[:i])
	}
	for i >= 0 {
		nextEnd, nl := len(text), -1
		if k := strings.IndexByte(text[i+1:], '\n'); k >= 0 {
			nextEnd, nl = i+1+k, i+1+k
		}
		next := trimSpace(text[i+1 : nextEnd])
		if hardBreak(line, next) {
			out = splitBlock(text, Span{start, i}, &stops, out)
			start = i + 1
		}
		line, i = next, nl
	}
	return splitBlock(text, Span{start, len(text)}, &stops, out)
}

// sentenceBytes is the length of a sentence the first guess of their
// number goes by: the TBAQ news texts average 135 bytes a sentence.
const sentenceBytes = 100

// wrapWidth is the shortest line length taken as wrapped prose.
const wrapWidth = 50

// hardBreak reports whether the line break between two lines, given
// trimmed, ends a block.
func hardBreak(l, n string) bool {
	if l == "" || n == "" {
		return true
	}
	if len(l) < wrapWidth || endsWithCredit(l) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(l)
	if strings.ContainsRune(".!?\"”’)", r) {
		return !endsWithAbbreviation(l)
	}
	// an unpunctuated long line is wrapped prose when the next line goes
	// on in lower case, or this one stops on a word that cannot end a
	// sentence; otherwise it is a title or a caption
	first, _ := utf8.DecodeRuneInString(n)
	if unicode.IsLower(first) || unicode.IsDigit(first) || strings.ContainsRune(",;:-–(", r) {
		return false
	}
	last := l[strings.LastIndexAny(l, " \t")+1:]
	var buf [8]byte // longer than any of continuationWords
	if low, ascii := lowerASCII(buf[:], last); ascii {
		return !continuationWords[string(low)]
	}
	return !continuationWords[strings.ToLower(last)]
}

// lowerASCII writes s in lower case into buf when s is ASCII (ascii
// true). An ASCII s longer than buf gives nil, which, as string(low),
// is in no table of words; strings.ToLower must lower the others.
func lowerASCII(buf []byte, s string) (low []byte, ascii bool) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return nil, false
		}
	}
	if len(s) > len(buf) {
		return nil, true
	}
	for i := 0; i < len(s); i++ {
		buf[i] = asciiLower[s[i]]
	}
	return buf[:len(s)], true
}

// continuationWords cannot end a sentence, so a line that stops on one
// goes on in the next line.
var continuationWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("a an the of and or but to in on at for with by from as that which who whose said says than into over under after before about against between during without within its their his her our") {
		m[w] = true
	}
	return m
}()

// splitStops are the bytes splitBlock stops at: terminal punctuation
// and the slash of a credit; the dot and the rarer others. Line breaks
// are found by appendSentences: inside a block, one matters only before
// a slash (creditBreak).
const (
	rareStops  = "!?/"
	splitStops = "." + rareStops
)

// stopFinder finds the next of splitStops in a text. It keeps the next
// place of each stop byte, found by strings.IndexByte (vector code), so
// that the bytes between stops are not read one by one, and a rare stop
// byte is searched for once per occurrence rather than once per byte.
// The dot, the stop of most calls, is kept apart from the rare ones,
// whose nearest is kept too: a call compares two places.
type stopFinder struct {
	text     string
	dot      int                 // the next dot at or after the last search for it; len(text) when none
	rare     [len(rareStops)]int // the same for each of rareStops
	nextRare int                 // the least of rare
}

func newStopFinder(text string) stopFinder {
	f := stopFinder{text: text, dot: -1, nextRare: -1}
	for k := range f.rare {
		f.rare[k] = -1
	}
	return f
}

// find returns the index of the first stop byte in text[i:end], or end
// when there is none. Calls must not go back before the i of an earlier
// call.
func (f *stopFinder) find(i, end int) int {
	if f.dot < i {
		f.dot = f.next(i, '.')
	}
	if f.nextRare < i {
		f.nextRare = len(f.text)
		for k, p := range f.rare {
			if p < i {
				p = f.next(i, rareStops[k])
				f.rare[k] = p
			}
			f.nextRare = min(f.nextRare, p)
		}
	}
	return min(end, f.dot, f.nextRare)
}

// next returns the index of the first c in the text from i on, or the
// length of the text when there is none.
func (f *stopFinder) next(i int, c byte) int {
	if j := strings.IndexByte(f.text[i:], c); j >= 0 {
		return i + j
	}
	return len(f.text)
}

// splitBlock splits one block at sentence-final punctuation, finding its
// stop bytes with stops.
func splitBlock(text string, blk Span, stops *stopFinder, out []Sentence) []Sentence {
	start := blk.Start
	emit := func(end int) {
		s := trimSpan(text, Span{start, end})
		if s.Len() > 0 {
			out = append(out, Sentence{Span: s, Text: s.In(text)})
		}
		start = end
	}
	i, end := blk.Start, blk.End
	for i < end {
		if i = stops.find(i, end); i >= end {
			break
		}
		c := text[i]
		switch {
		case c == '.' || c == '!' || c == '?':
			j := i + 1
			for j < end && (text[j] == '.' || text[j] == '!' || text[j] == '?') {
				j++
			}
			// closing quotes and brackets belong to the sentence
			for j < end {
				if c := text[j]; c < utf8.RuneSelf {
					if c != '"' && c != '\'' && c != ')' {
						break
					}
					j++
					continue
				}
				r, n := utf8.DecodeRuneInString(text[j:])
				if r != '"' && r != '\'' && r != '”' && r != '’' && r != ')' {
					break
				}
				j += n
			}
			// a dot read as internal only matters where the
			// sentence would end, so it is looked at only there
			k, sawSpace := skipSpace(text, j, end)
			ends := k >= end || sawSpace && startsSentence(text[k:end]) && !ellipsisMidQuote(text, i, j, k, end)
			if ends && !(c == '.' && j == i+1 && dotIsInternal(text, start, i)) {
				emit(j)
				i = k
				continue
			}
			i = j
		case c == '/':
			// a soft line break inside a block: a credit line ("/CFP")
			// still splits
			if nl := creditBreak(text, start, i); nl >= 0 {
				emit(nl)
			}
			if i > start && isSpaceBefore(text, i) && isCredit(text[i:end]) {
				emit(i)
			}
			i++
		default:
			i++
		}
	}
	emit(end)
	return out
}

// creditBreak returns the line break that white space alone separates
// from the slash at i, -1 when there is none after from. In a block
// (no blank line), the white space before a slash holds one break at
// most.
func creditBreak(text string, from, i int) int {
	for w := i; w > from; {
		c := text[w-1]
		if c == '\n' {
			return w - 1
		}
		if c < utf8.RuneSelf {
			if !isSpaceByte(c) {
				break
			}
			w--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[from:w])
		if !unicode.IsSpace(r) {
			break
		}
		w -= n
	}
	return -1
}

// maxWordBack bounds how far dotIsInternal reads back from a dot.
const maxWordBack = 64

// dotIsInternal reports whether the dot at i belongs to an abbreviation,
// an initial or a number rather than ending a sentence.
func dotIsInternal(text string, from, i int) bool {
	// look back at most maxWordBack bytes: abbreviations and initials are
	// short, and an unbounded walk is quadratic on "x.x.x.x…"
	head := text[max(from, i-maxWordBack):i]
	// the word before the dot, read back over ASCII letters and
	// apostrophes, lowered into key (abbreviationKey) as it is read
	key := uint64(0)
	j := len(head)
	for ; j > 0 && asciiWordBytes[head[j-1]]; j-- {
		key = key<<8 | uint64(head[j-1]|0x20) // an apostrophe has the bit
	}
	if j > 0 {
		if c := head[j-1]; c == '.' {
			return true // a dotted acronym or initial: "U.S.", "J."
		} else if c >= utf8.RuneSelf {
			return dotIsInternalRunes(text, from, i)
		}
	}
	word := head[j:]
	return len(word) <= maxAbbreviation && abbreviationKeys[key] || len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z'
}

// asciiWordBytes are the bytes of a word before a dot that
// dotIsInternal reads without the unicode tables: ASCII letters and the
// apostrophe.
var asciiWordBytes = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	t['\''] = true
	return t
}()

// dotIsInternalRunes is dotIsInternal for a word with letters outside
// ASCII.
func dotIsInternalRunes(text string, from, i int) bool {
	w := i
	for w > from && i-w < maxWordBack {
		if c := text[w-1]; c < utf8.RuneSelf {
			if c|0x20 >= 'a' && c|0x20 <= 'z' || c == '.' || c == '\'' {
				w--
				continue
			}
			break
		}
		r, n := utf8.DecodeLastRuneInString(text[from:w])
		if !unicode.IsLetter(r) && r != '.' && r != '\'' {
			break
		}
		w -= n
	}
	word := text[w:i]
	if word == "" {
		return false
	}
	var buf [maxWordBack + utf8.UTFMax]byte
	key := strings.TrimSuffix(word, ".")
	if low, ascii := lowerASCII(buf[:], key); ascii && abbreviations[string(low)] || !ascii && abbreviations[strings.ToLower(key)] {
		return true
	}
	// initials and dotted acronyms: "J.", "U.S.", "U.N."
	if strings.IndexByte(word, '.') >= 0 || utf8.RuneCountInString(word) == 1 && unicode.IsUpper(rune(text[w])) {
		return true
	}
	return false
}

// maxAbbreviation is the length of the longest of abbreviations, whose
// keys abbreviationKeys holds.
var maxAbbreviation, abbreviationKeys = func() (int, map[uint64]bool) {
	n, keys := 0, map[uint64]bool{}
	for w := range abbreviations {
		n = max(n, len(w))
		keys[abbreviationKey(w)] = true
	}
	if n > 8 {
		panic("timeline: an abbreviation longer than its key")
	}
	return n, keys
}()

// abbreviationKey packs the bytes of the ASCII word w, of at most eight,
// into a number as dotIsInternal reads them back from the dot: the last
// in the low byte.
func abbreviationKey(w string) uint64 {
	key := uint64(0)
	for i := len(w) - 1; i >= 0; i-- {
		key = key<<8 | uint64(w[i])
	}
	return key
}

// endsWithCredit reports whether a line ends with a photo credit ("…,
// July 28, 2023. /CFP"), which closes a caption.
func endsWithCredit(line string) bool {
	if strings.IndexByte(line, '/') < 0 {
		return false
	}
	i := strings.LastIndex(line, " /")
	return i >= 0 && isCredit(line[i+1:])
}

func endsWithAbbreviation(line string) bool {
	if !strings.HasSuffix(line, ".") {
		return false
	}
	i := len(line) - 1
	return dotIsInternal(line, 0, i)
}

// startsSentence reports whether rest (after whitespace) can open a new
// sentence: a capital, a digit, a quote or a bracket.
func startsSentence(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'([", r)
}

// ellipsisMidQuote keeps "… to implement" together: three dots followed
// by a lower-case word continue the sentence (startsSentence already
// refuses those), and a spaced " ... " inside a quotation does too.
func ellipsisMidQuote(text string, i, j, k, end int) bool {
	return j-i >= 3 && k < end && !unicode.IsUpper(rune(text[k]))
}

// isSpaceByte reports whether the ASCII byte c is white space as
// unicode.IsSpace has it.
func isSpaceByte(c byte) bool {
	return c == ' ' || c >= '\t' && c <= '\r'
}

func skipSpace(text string, i, end int) (int, bool) {
	saw := false
	for i < end {
		if c := text[i]; c < utf8.RuneSelf {
			if !isSpaceByte(c) {
				break
			}
			saw = true
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		saw = true
		i += n
	}
	return i, saw
}

func isSpaceBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsSpace(r)
}

// trimSpan narrows s to exclude leading and trailing white space,
// non-breaking spaces included.
func trimSpan(text string, s Span) Span {
	for s.Start < s.End {
		if c := text[s.Start]; c < utf8.RuneSelf {
			if !isSpaceByte(c) {
				break
			}
			s.Start++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) && r != '\ufeff' {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		if c := text[s.End-1]; c < utf8.RuneSelf {
			if !isSpaceByte(c) {
				break
			}
			s.End--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) && r != '\ufeff' {
			break
		}
		s.End -= n
	}
	return s
}

// trimSpace trims white space, non-breaking spaces included, and byte
// order marks.
func trimSpace(s string) string {
	sp := trimSpan(s, Span{0, len(s)})
	return s[sp.Start:sp.End]
}
