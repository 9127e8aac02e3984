package temporal

import (
	"encoding/binary"
	"math/bits"
	"regexp"
	"regexp/syntax"
	"slices"
	"unicode"
)

// Case folding is the costliest part of Go's regexp matching here: a
// (?i) literal compares rune by rune through unicode.SimpleFold. The
// engine therefore lowercases each window once (ASCII only, so byte
// offsets do not move) and runs a caseless variant of each rule's
// regular expression on it: the same expression with its case-folded
// literals written in lower case and the fold flag dropped. Both match at
// the same offsets with the same submatches, except on text holding the
// only two non-ASCII runes that fold to ASCII letters, U+017F (ſ, s) and
// U+212A (Kelvin sign, k); windows holding either run the rules'
// own expressions on the original text.

// caseless returns the variant of re for ASCII-lowercased input, or nil
// when re tells case apart (a literal or class that matches a letter in
// one case only), in which case the engine runs re itself on the
// original text. re is taken to use Perl syntax, as regexp.Compile does.
func caseless(re *regexp.Regexp) *regexp.Regexp {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	return caselessOf(re, t)
}

// caselessOf is caseless over t, the parse of re's source (syntax.Perl),
// which it rewrites.
func caselessOf(re *regexp.Regexp, t *syntax.Regexp) *regexp.Regexp {
	if !lowerTree(t) {
		return nil
	}
	c, err := regexp.Compile(t.String())
	if err != nil || c.NumSubexp() != re.NumSubexp() {
		return nil
	}
	return c
}

// lowerTree rewrites t in place for lowercased input and reports whether
// that is exact.
func lowerTree(t *syntax.Regexp) bool {
	switch t.Op {
	case syntax.OpLiteral:
		fold := t.Flags&syntax.FoldCase != 0
		keepFold := false
		for i, r := range t.Rune {
			switch {
			case r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z':
				if !fold {
					return false
				}
				t.Rune[i] = r | 0x20
			case r >= 0x80 && fold && unicode.SimpleFold(r) != r:
				// a non-ASCII letter still needs folding; the ASCII
				// letters, now lower case, fold harmlessly
				keepFold = true
			}
		}
		if !keepFold {
			t.Flags &^= syntax.FoldCase
		}
	case syntax.OpCharClass:
		for c := rune('a'); c <= 'z'; c++ {
			if inClass(t.Rune, c) != inClass(t.Rune, c-'a'+'A') {
				return false
			}
		}
	}
	for _, s := range t.Sub {
		if !lowerTree(s) {
			return false
		}
	}
	return true
}

func inClass(ranges []rune, c rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i] <= c && c <= ranges[i+1] {
			return true
		}
	}
	return false
}

// lowerWindow writes the ASCII-lowercased bytes of s to dst and reports
// whether s holds ſ (U+017F) or the Kelvin sign (U+212A), the non-ASCII
// runes that fold to ASCII letters.
func lowerWindow(dst []byte, s string) ([]byte, bool) {
	dst, _, special, _ := lowerWindowWS(dst, nil, s)
	return dst, special
}

// lowerWindowWS is lowerWindow that also appends to ws the word starts
// of s (see wordStartList); its last result reports whether s is all
// ASCII. It reads eight bytes at a time.
func lowerWindowWS(dst []byte, ws []int32, s string) ([]byte, []int32, bool, bool) {
	n := len(dst)
	dst = slices.Grow(dst, len(s))[:n+len(s)]
	low := dst[n:]
	// a word start a byte at most: ws has room for them all, and the
	// loops set them by index, with no call to grow it (around which
	// their values would be saved at each block)
	ws = slices.Grow(ws, len(s))
	nw, room := len(ws), ws[:cap(ws)]
	var anyHigh, carry uint64
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := le64(s, i)
		hi := x & high
		anyHigh |= hi
		lowered, word := foldWord(x)
		binary.LittleEndian.PutUint64(low[i:], lowered)
		// the word bytes after none, and the high bytes
		starts := word&^(word<<8|carry) | hi
		carry = word >> 56
		for ; starts != 0; starts &= starts - 1 {
			room[nw] = int32(i + bits.TrailingZeros64(starts)>>3)
			nw++
		}
	}
	ws = ws[:nw]
	prev := carry != 0
	for ; i < len(s); i++ {
		c := s[i]
		anyHigh |= uint64(c)
		low[i] = lowerTable[c]
		w := isASCIIWord(c)
		if w && !prev || c >= 0x80 {
			ws = append(ws, int32(i))
		}
		prev = w
	}
	if anyHigh&high == 0 {
		return dst, ws, false, true
	}
	special := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0xC5 && i+1 < len(s) && s[i+1] == 0xBF || c == 0xE2 && i+2 < len(s) && s[i+1] == 0x84 && s[i+2] == 0xAA {
			special = true
			break
		}
	}
	return dst, ws, special, false
}

// foldWord returns x with its ASCII capitals lowered, and bit 7 set in
// word for each of its bytes that is an ASCII letter, digit or '_' (as
// \b reads them).
func foldWord(x uint64) (lowered, word uint64) {
	const (
		ones  = 0x0101010101010101
		under = '_' * ones
	)
	// the bytes below 0x80: a byte v < 0x80 plus 0x80-c has bit 7 set
	// when v >= c, with no carry into the next byte; v|0x20 is a
	// lower-case letter when v is a letter, and bit 5 of v (shifted to
	// bit 7) tells the cases apart; '_' is the byte that v^'_' makes 0,
	// which adding 0x7f leaves below 0x80
	x7 := x &^ high
	lw := x7 | 0x2020202020202020
	letter := (lw + (0x80-'a')*ones) &^ (lw + (0x80-'z'-1)*ones) &^ x & high
	upper := letter &^ (x7 << 2)
	digit := (x7 + (0x80-'0')*ones) &^ (x7 + (0x80-'9'-1)*ones)
	us := ^((x7 ^ under) + 0x7f*ones)
	return x | upper>>2, letter | (digit|us)&^x&high
}

// high has bit 7 of each of eight bytes.
const high = 0x8080808080808080

// lowerTable lowercases the ASCII letters and leaves the other bytes.
var lowerTable = func() (t [256]byte) {
	for i := range t {
		c := byte(i)
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		t[i] = c
	}
	return t
}()
