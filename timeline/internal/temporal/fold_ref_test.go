package temporal

import (
	"encoding/binary"
	"math/bits"
	"math/rand/v2"
	"slices"
	"testing"
)

// lowerWindowWSRef is lowerWindowWS as it was before foldWord: it
// is lowerWindow that also appends to ws the word starts
// of s (see wordStartList); its last result reports whether s is all
// ASCII. It reads eight bytes at a time.
func lowerWindowWSRef(dst []byte, ws []int32, s string) ([]byte, []int32, bool, bool) {
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

// compareLowerWindow checks lowerWindowWS against lowerWindowWSRef on s,
// appended to a prefix and a list that are there already.
func compareLowerWindow(t *testing.T, s string) {
	t.Helper()
	low, ws, special, ascii := lowerWindowWS([]byte("pre"), []int32{-1}, s)
	wlow, wws, wspecial, wascii := lowerWindowWSRef([]byte("pre"), []int32{-1}, s)
	if string(low) != string(wlow) || !slices.Equal(ws, wws) || special != wspecial || ascii != wascii {
		t.Fatalf("%q: got %q %v %v %v, want %q %v %v %v", clip(s), low, ws, special, ascii, wlow, wws, wspecial, wascii)
	}
}

// TestLowerWindowMatchesRef: lowerWindowWS gives lowerWindowWSRef's
// results on the test texts (the TBAQ texts when present), whole and in
// windows, and on texts of bytes of every class at every length.
func TestLowerWindowMatchesRef(t *testing.T) {
	for _, text := range append(dfaTrickyTexts(), testTexts(t)...) {
		compareLowerWindow(t, text)
		for _, w := range Windows(text, 0, len(text), nil) {
			compareLowerWindow(t, text[w.Start:w.End])
		}
	}
	alphabet := "aAzZ09_@[`{/: .\x7f\x80\xc5\xbf\xe2\x84\xaa\xff"
	rng := rand.New(rand.NewPCG(9, 10))
	buf := make([]byte, 0, 40)
	for range 5000 {
		buf = buf[:0]
		for range rng.IntN(cap(buf)) {
			buf = append(buf, alphabet[rng.IntN(len(alphabet))])
		}
		compareLowerWindow(t, string(buf))
	}
	for c := range 256 {
		compareLowerWindow(t, string(slices.Repeat([]byte{byte(c)}, 17)))
	}
}

// FuzzLowerWindow compares lowerWindowWS with lowerWindowWSRef on any text.
func FuzzLowerWindow(f *testing.F) {
	f.Add("On Tuesday, March 5, 2024 at 10 p.m. GMT_x, three days ago.")
	f.Add("ABCDEFGH_ijklmnop QRSTUVW\x80\xff xyz[`@{ \u017F \u212A")
	f.Fuzz(func(t *testing.T, s string) {
		compareLowerWindow(t, s)
	})
}
