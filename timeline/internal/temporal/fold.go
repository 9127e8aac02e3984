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
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	// ge(x, c) has the high bit of each byte of x (all < 0x80) that
	// is at least c
	ge := func(x uint64, c byte) uint64 { return (x + (0x80-uint64(c))*ones) & high }
	n := len(dst)
	dst = slices.Grow(dst, len(s))[:n+len(s)]
	low := dst[n:]
	var anyHigh, carry uint64
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := le64(s, i)
		hi := x & high
		anyHigh |= hi
		x7 := x &^ high
		upper := ge(x7, 'A') &^ ge(x7, 'Z'+1) &^ hi
		x |= upper >> 2
		binary.LittleEndian.PutUint64(low[i:], x)
		x7 |= upper >> 2
		word := (ge(x7, 'a')&^ge(x7, 'z'+1) | ge(x7, '0')&^ge(x7, '9'+1) | ge(x7, '_')&^ge(x7, '_'+1)) &^ hi
		// the word bytes after none, and the high bytes
		starts := word&^(word<<8|carry) | hi
		carry = word >> 56
		for starts != 0 {
			ws = append(ws, int32(i+bits.TrailingZeros64(starts)>>3))
			starts &= starts - 1
		}
	}
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
