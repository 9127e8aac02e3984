package timeline

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Page furniture: the parts of a scraped page that are not the story.
// They keep their temporal expressions (a caption's date is still a
// date) but yield no events.

// Furniture kinds, the values of Sentence.Furniture.
const (
	FurnitureBoilerplate = "boilerplate" // "Download", "Search Trends", "Share"
	FurnitureHeadline    = "headline"    // a title line above the dateline
	FurnitureDateline    = "dateline"    // the line that holds the DCT
	FurnitureHeading     = "heading"     // a section title: "2004: Iraqi Resistance expands"
	FurnitureCredit      = "credit"      // "/CFP", "Photo: Reuters"
	FurnitureNote        = "note"        // "(With input from agencies)"
	FurnitureDuplicate   = "duplicate"   // a caption or line repeated on the page
)

// furnitureMessage is the message of a ReasonFurniture diagnostic for
// the furniture kind: a constant for each kind, rather than one made per
// expression.
func furnitureMessage(kind string) string {
	switch kind {
	case FurnitureBoilerplate:
		return "in " + FurnitureBoilerplate
	case FurnitureHeadline:
		return "in " + FurnitureHeadline
	case FurnitureDateline:
		return "in " + FurnitureDateline
	case FurnitureHeading:
		return "in " + FurnitureHeading
	case FurnitureCredit:
		return "in " + FurnitureCredit
	case FurnitureNote:
		return "in " + FurnitureNote
	case FurnitureDuplicate:
		return "in " + FurnitureDuplicate
	}
	return "in " + kind
}

var (
	creditRe = regexp.MustCompile(`^(?:/\s?[A-Z][\w.&' -]{0,40}|(?i:photo|image|picture|file photo|credit|video)\s*[:/|].{0,80})$`)
	noteRe   = regexp.MustCompile(`^\((?i:with (?:input|reporting|additional reporting) from|reporting by|writing by|editing by|compiled by|source:|this story|this article)[^)]*\)\.?$`)
)

// mayOpen reports whether s starts with one of the bytes of first: the
// anchored expressions above can match only then (their first letters
// fold to nothing outside ASCII), and most sentences are spared the
// regexp.
func mayOpen(s, first string) bool {
	return s != "" && strings.IndexByte(first, s[0]) >= 0
}

// creditWords open the credits of creditRe's second branch.
var creditWords = []string{"photo", "image", "picture", "file photo", "credit", "video"}

// maxSlashCredit is the longest credit of creditRe's first branch ("/",
// a space, a capital and 40 ASCII bytes).
const maxSlashCredit = 3 + 40

// matchCredit is creditRe.MatchString(s). It runs the regexp only on a
// slash credit short enough or a text that opens with one of
// creditWords (their letters fold to nothing outside ASCII).
func matchCredit(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '/':
		if len(s) > maxSlashCredit {
			return false
		}
	case 'p', 'P', 'i', 'I', 'f', 'F', 'c', 'C', 'v', 'V':
		opens := false
		for _, w := range creditWords {
			if len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) {
				opens = true
				break
			}
		}
		if !opens {
			return false
		}
	default:
		return false
	}
	return creditRe.MatchString(s)
}

// isCredit reports whether s (from a slash to the end of its line) is a
// photo credit such as "/CFP" or "/ AFP".
func isCredit(s string) bool {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return matchCredit(trimSpace(s))
}

// minDuplicate is the shortest key (normalized text) of a sentence that
// counts as a duplicate of an earlier one.
const minDuplicate = 24

// dupSeed seeds the hashes of the duplicate keys.
var dupSeed = maphash.MakeSeed()

// markFurniture sets Sentence.Furniture on the sentences that are not
// prose. dateline is the span of the DCT in the text, if read from it.
func markFurniture(text string, sents []Sentence, dateline Span, hasDateline bool) {
	markFurnitureWith(&dupKeys{}, text, sents, dateline, hasDateline)
}

// dupKeys is the storage of the search for duplicates, empty between
// documents: a duplicate repeats the key (the normalized text) of an
// earlier sentence. Most sentences share the first dupPrefix bytes of
// their key with no other, so only those bytes are made at first:
// prefixes holds the hash of each prefix long enough to count, with the
// first sentence of that hash. Only the sentences whose prefix hash
// another has had get their whole key made: keys holds its hash, with
// the first sentence of that hash (complemented). The rare sentence
// whose key has the hash of another key is compared with every earlier
// one. key and other are buffers for the keys.
type dupKeys struct {
	prefixes   prefixTable
	keys       map[uint64]int32
	key, other []byte
}

// prefixTable is a set of prefix hashes with the first sentence of
// each, open addressed in a power of two of slots twice the sentences
// at least: a probe a sentence or two, and no map's hashing and growth
// for the one look-up most sentences make.
type prefixTable struct {
	slots []prefixSlot
}

// prefixSlot is a prefix hash and 1 + its first sentence; first is 0
// in an empty slot. keyed reports the first one's whole key in keys.
type prefixSlot struct {
	hash  uint64
	first int32
	keyed bool
}

// reset makes t an empty table for n sentences.
func (t *prefixTable) reset(n int) {
	size := 8
	for size < 2*n {
		size *= 2
	}
	if cap(t.slots) < size {
		t.slots = make([]prefixSlot, size)
	}
	t.slots = t.slots[:size] // cleared by the last clear
}

// clear empties the slots of t.
func (t *prefixTable) clear() { clear(t.slots) }

// slot returns the slot of hash h: h's, or the empty one where it goes.
func (t *prefixTable) slot(h uint64) *prefixSlot {
	mask := uint64(len(t.slots) - 1)
	for k := h & mask; ; k = (k + 1) & mask {
		if s := &t.slots[k]; s.first == 0 || s.hash == h {
			return s
		}
	}
}

// dupPrefix is the length of the key prefixes that dupKeys tells
// sentences apart by first; at least minDuplicate, so that a prefix long
// enough to count means a key long enough.
const dupPrefix = 32

// markFurnitureWith is markFurniture with d for its keys; it leaves d
// empty, with its buffers grown.
func markFurnitureWith(d *dupKeys, text string, sents []Sentence, dateline Span, hasDateline bool) {
	d.prefixes.reset(len(sents))
	for i := range sents {
		s := &sents[i]
		first := d.firstWithKey(sents, i) // the first earlier sentence of i's key hash
		switch {
		case hasDateline && s.Span.Contains(dateline) && s.Len() < dateline.Len()+40:
			s.Furniture = FurnitureDateline
		case matchCredit(s.Text):
			s.Furniture = FurnitureCredit
		case mayOpen(s.Text, "(") && noteRe.MatchString(s.Text):
			s.Furniture = FurnitureNote
		case first >= 0 && repeats(sents, i, int(first), d.key, &d.other):
			s.Furniture = FurnitureDuplicate
		case isBoilerplate(s.Text):
			s.Furniture = FurnitureBoilerplate
		case hasDateline && s.End <= dateline.Start && !endsLikeProse(s.Text):
			s.Furniture = FurnitureHeadline
		case isHeading(text, s):
			s.Furniture = FurnitureHeading
		}
	}
	d.prefixes.clear()
	clear(d.keys)
}

// firstWithKey records sentence i of sents (the sentences before it
// recorded already) and returns the first earlier sentence whose whole
// key has the hash of i's, or -1 when none has or i's key is too short
// to count. When it returns one, d.key holds i's whole key.
func (d *dupKeys) firstWithKey(sents []Sentence, i int) int32 {
	text := sents[i].Text
	// a byte of the text is at most three of its key (an invalid one
	// becomes U+FFFD): a shorter text has a key too short to count
	if len(text)*3 < minDuplicate {
		return -1
	}
	var h uint64
	if prefix, ok := plainKeyPrefix(text); ok {
		h = maphash.Bytes(dupSeed, prefix[:])
	} else {
		d.key = appendNormalizedUpTo(d.key[:0], text, dupPrefix)
		if len(d.key) < minDuplicate {
			return -1
		}
		h = maphash.Bytes(dupSeed, d.key[:min(len(d.key), dupPrefix)])
	}
	p := d.prefixes.slot(h)
	if p.first == 0 {
		p.hash, p.first = h, int32(i)+1
		return -1
	}
	if d.keys == nil {
		d.keys = map[uint64]int32{}
	}
	if !p.keyed { // the first of this prefix hash: its whole key goes in keys
		j := p.first - 1
		d.other = appendNormalized(d.other[:0], sents[j].Text)
		if hj := maphash.Bytes(dupSeed, d.other); d.keys[hj] == 0 {
			d.keys[hj] = ^j
		}
		p.keyed = true
	}
	d.key = appendNormalized(d.key[:0], text)
	hi := maphash.Bytes(dupSeed, d.key)
	if k := d.keys[hi]; k != 0 {
		return ^k
	}
	d.keys[hi] = ^int32(i)
	return -1
}

// plainKeyPrefix returns the first dupPrefix bytes of the key of s
// (appendNormalizedUpTo), ok when s opens with that many bytes that fold
// to themselves lowered, as most sentences do: ASCII without control
// bytes, no two spaces in a row, and none first or last. Its four words
// are tested together.
func plainKeyPrefix(s string) (prefix [dupPrefix]byte, ok bool) {
	if len(s) < dupPrefix || s[0] == ' ' || s[dupPrefix-1] == ' ' {
		return prefix, false
	}
	s = s[:dupPrefix]
	x0, x1, x2, x3 := le64(s, 0), le64(s, 8), le64(s, 16), le64(s, 24)
	const ctl = 0x60 * ones8 // carries into the high bit of each byte from ' ' up
	if (x0|x1|x2|x3)&high8 != 0 || (x0+ctl)&(x1+ctl)&(x2+ctl)&(x3+ctl)&high8 != high8 {
		return prefix, false // not ASCII, or a byte below ' '
	}
	// two spaces in a row, inside a word or across two
	sp0, sp1, sp2, sp3 := spaces8(x0), spaces8(x1), spaces8(x2), spaces8(x3)
	if sp0&(sp0<<8)|sp1&(sp1<<8|sp0>>56)|sp2&(sp2<<8|sp1>>56)|sp3&(sp3<<8|sp2>>56) != 0 {
		return prefix, false
	}
	binary.LittleEndian.PutUint64(prefix[0:], lower8(x0))
	binary.LittleEndian.PutUint64(prefix[8:], lower8(x1))
	binary.LittleEndian.PutUint64(prefix[16:], lower8(x2))
	binary.LittleEndian.PutUint64(prefix[24:], lower8(x3))
	return prefix, true
}

// repeats reports whether sentence i, of key key, repeats an earlier
// sentence, the first one of its key's hash being first. other is a
// buffer for the keys it compares with.
func repeats(sents []Sentence, i, first int, key []byte, other *[]byte) bool {
	if *other = appendNormalized((*other)[:0], sents[first].Text); bytes.Equal(*other, key) {
		return true
	}
	for j := range i { // a collision of hashes
		if *other = appendNormalized((*other)[:0], sents[j].Text); bytes.Equal(*other, key) {
			return true
		}
	}
	return false
}

// isBoilerplate: a short line with no terminal punctuation, such as a
// button label or a section name.
func isBoilerplate(s string) bool {
	return !endsLikeProse(s) && countFields(s, 4) <= 3
}

// headingWords is the most words a section title has.
const headingWords = 12

// isHeading: a short unpunctuated line standing alone, as section titles
// do. It names a topic, not an event.
func isHeading(text string, s *Sentence) bool {
	if endsLikeProse(s.Text) || countFields(s.Text, headingWords+1) > headingWords {
		return false
	}
	before := text[:s.Start]
	after := text[s.End:]
	if i := strings.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	if i := strings.IndexByte(after, '\n'); i >= 0 {
		after = after[:i]
	}
	return trimSpace(before) == "" && trimSpace(after) == ""
}

// countFields is len(strings.Fields(s)), counted up to at most max.
func countFields(s string, max int) int {
	n := 0
	in := false
	for i := 0; i < len(s) && n < max; {
		sp := false
		if c := s[i]; c < utf8.RuneSelf {
			sp = isSpaceByte(c)
			i++
		} else {
			r, w := utf8.DecodeRuneInString(s[i:])
			sp = unicode.IsSpace(r)
			i += w
		}
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// endsLikeProse reports whether s ends with terminal punctuation or a
// colon, before closing quotes, brackets and spaces.
func endsLikeProse(s string) bool {
	for s != "" {
		switch c := s[len(s)-1]; c {
		case '"', '\'', ')', ' ':
			s = s[:len(s)-1]
			continue
		case '.', '!', '?', ':':
			return true
		}
		if strings.HasSuffix(s, "”") || strings.HasSuffix(s, "’") {
			s = s[:len(s)-len("”")]
			continue
		}
		return false
	}
	return false
}

// appendNormalized appends s to b with case and spacing folded, so that a
// caption repeated with other white space still counts as the same.
func appendNormalized(b []byte, s string) []byte {
	return appendNormalizedUpTo(b, s, math.MaxInt)
}

// appendNormalizedUpTo is appendNormalized that stops once it has
// appended at least max bytes; what it appended is a prefix of what
// appendNormalized appends (a space is appended only before what
// follows it).
func appendNormalizedUpTo(b []byte, s string, max int) []byte {
	start := len(b)
	space := false
	for i := 0; i < len(s) && len(b)-start < max; {
		// eight ASCII bytes at a time where they fold to themselves
		// lowered: no control bytes, no two spaces in a row, no space
		// first unless one is due there; a space last is taken off
		// again, as it is due only before what follows it
		if i+8 <= len(s) {
			x := le64(s, i)
			if sp, ok := plainWord8(x); ok && (sp&1 == 0 || !space && len(b) > start) {
				if space && len(b) > start {
					b = append(b, ' ')
				}
				b = binary.LittleEndian.AppendUint64(b, lower8(x))
				i += 8
				if space = sp>>56 != 0; space {
					b = b[:len(b)-1]
				}
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			// ASCII without the unicode tables
			i++
			if isSpaceByte(c) {
				space = true
				continue
			}
			if space && len(b) > start {
				b = append(b, ' ')
			}
			space = false
			b = append(b, asciiLower[c])
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && len(b) > start {
			b = append(b, ' ')
		}
		space = false
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

const (
	ones8 = 0x0101010101010101
	high8 = 0x8080808080808080
)

// plainWord8 reports whether the eight bytes of x (the first in the low
// byte) are ASCII without control bytes and without two spaces in a row;
// sp has 1 in the low bit of each byte that is a space.
func plainWord8(x uint64) (sp uint64, ok bool) {
	if x&high8 != 0 || (x+0x60*ones8)&high8 != high8 {
		return 0, false // not ASCII, or a byte below ' '
	}
	sp = spaces8(x)
	return sp, sp&(sp<<8) == 0
}

// spaces8 has 1 in the low bit of each byte of x that is a space, the
// bytes of x being ASCII.
func spaces8(x uint64) uint64 {
	// a space is a zero byte of t; the sum carries into no other byte
	// as the bytes are below 0x80
	t := x ^ 0x20*ones8
	return ^((t&^high8 + 0x7f*ones8) | t) & high8 >> 7
}

// lower8 lowers the ASCII letters among the eight ASCII bytes of x.
func lower8(x uint64) uint64 {
	geA := (x + (0x80-'A')*ones8) & high8
	gtZ := (x + (0x80-'Z'-1)*ones8) & high8
	return x | (geA&^gtZ)>>2
}
