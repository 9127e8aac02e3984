package timeml

import (
	"encoding/binary"
	"math/bits"
)

// skipLinkTag reads the tag at src[i] == '<' when it has the form of a
// TempEval-3 link or instance: an empty-element tag of an element that a
// lean parse does not keep outside TEXT, its name and its attributes'
// names of ASCII letters, its attributes ` name="value"` with no '&' or
// '<' in a value and no two names alike by length and first byte, its end
// "/>" after spaces or none. It returns the offset after the tag and ok;
// for any other markup, and in the last bytes of src, ok is false
// (skipPlainEmptyTag reads the tag then), so that what it accepts
// skipPlainEmptyTag accepts alike.
//
// It is skipPlainEmptyTag for that form alone: one kind of quote, names
// of letters alone (no second scan by table), no comparison of names (a
// name of the same length and first byte as an earlier one goes to
// skipPlainEmptyTag), no space but before a name or the end. Fewer values
// live across the loop, and fewer of them go to the stack.
func skipLinkTag(src []byte, i int) (int, bool) {
	j := lettersEnd(src, i+1)
	if j == i+1 || keptOutside(kindOf(src[i+1:j])) {
		return 0, false
	}
	var seen uint64 // a bit for each name, by its length and first byte
	for j+16 <= len(src) {
		if src[j] != ' ' {
			return emptyTagEnd(src, j)
		}
		k := lettersEnd(src, j+1)
		if k+1 >= len(src) {
			return 0, false
		}
		if k == j+1 {
			return emptyTagEnd(src, skipSpaceFast(src, k))
		}
		if src[k] != '=' || src[k+1] != '"' {
			return 0, false
		}
		// the bit by length and first byte is apart for each name of a
		// TimeML link or instance
		bit := uint64(1) << (((k-j)<<3 + int(src[j+1])) & 63)
		if seen&bit != 0 {
			return 0, false
		}
		seen |= bit
		v := valueEnd(src, k+2)
		if v >= len(src) || src[v] != '"' {
			return 0, false
		}
		j = v + 1
	}
	return 0, false
}

// lettersEnd returns the offset of the first byte at or after k that is
// not an ASCII letter, or len(src) when the last bytes of src (less than
// a word) are reached before it.
func lettersEnd(src []byte, k int) int {
	for ; k+8 <= len(src); k += 8 {
		if m := ^letters(binary.LittleEndian.Uint64(src[k:k+8])) & highs; m != 0 {
			return k + bits.TrailingZeros64(m)>>3
		}
	}
	return len(src)
}

// valueEnd returns the offset of the first '"', '<' or '&' at or after
// k, or len(src) when the last bytes of src (less than a word) are
// reached before it.
func valueEnd(src []byte, k int) int {
	for ; k+8 <= len(src); k += 8 {
		w := binary.LittleEndian.Uint64(src[k:])
		if m := zeroBytes(w^('"'*ones)) | zeroBytes(w^('<'*ones)) | zeroBytes(w^('&'*ones)); m != 0 {
			return k + bits.TrailingZeros64(m)>>3
		}
	}
	return len(src)
}

// emptyTagEnd returns the offset after the "/>" at src[at] and true, or
// false when there is none.
func emptyTagEnd(src []byte, at int) (int, bool) {
	if at+1 < len(src) && src[at] == '/' && src[at+1] == '>' {
		return at + 2, true
	}
	return 0, false
}
