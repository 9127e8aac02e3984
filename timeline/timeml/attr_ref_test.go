package timeml

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"testing"
)

// skipPlainAttrsRef is skipPlainAttrs a byte at a time by table, names
// compared with all the earlier ones: what the word-at-a-time scans and
// the check of lengths must give.
func skipPlainAttrsRef(src []byte, j int) (end int, empty, ok bool) {
	var names [][]byte
	for {
		k := j + 1
		if k >= len(src) || src[j] != ' ' || nameBytes[src[k]]&nameStart == 0 {
			break
		}
		for k++; k < len(src) && nameBytes[src[k]]&nameChar != 0; k++ {
		}
		if k+1 >= len(src) || src[k] != '=' || (src[k+1] != '"' && src[k+1] != '\'') {
			return 0, false, false
		}
		q, stop := src[k+1], uint8(stopDouble|stopLT|stopAmp)
		if q == '\'' {
			stop = stopSingle | stopLT | stopAmp
		}
		v := k + 2
		for v < len(src) && valueStops[src[v]]&stop == 0 {
			v++
		}
		if v >= len(src) || src[v] != q {
			return 0, false, false
		}
		for _, seen := range names {
			if bytes.Equal(seen, src[j+1:k]) {
				return 0, false, false
			}
		}
		names = append(names, src[j+1:k])
		j = v + 1
	}
	j = skipSpaceFast(src, j)
	switch {
	case j < len(src) && src[j] == '>':
		return j + 1, false, true
	case j+1 < len(src) && src[j] == '/' && src[j+1] == '>':
		return j + 2, true, true
	}
	return 0, false, false
}

// checkSkipPlainAttrs: skipPlainAttrs and its reference agree after every
// '<' of src and at every offset of its first 64 bytes.
func checkSkipPlainAttrs(t testing.TB, name string, src []byte) {
	t.Helper()
	check := func(j int) {
		e, em, ok := skipPlainAttrs(src, j)
		re, rem, rok := skipPlainAttrsRef(src, j)
		if e != re || em != rem || ok != rok {
			t.Fatalf("%s: at %d: skipPlainAttrs = %d %v %v, reference %d %v %v", name, j, e, em, ok, re, rem, rok)
		}
	}
	for j := range min(len(src), 64) {
		check(j)
	}
	for j := 0; ; j++ {
		k := bytes.IndexByte(src[j:], '<')
		if k < 0 {
			return
		}
		j += k
		check(scanName(src, j+1))
	}
}

// TestSkipPlainAttrsMatchesRef: on the test documents, the corpora and
// their TempEval-3 inputs, and random tags made of the pieces of names
// and values the scans treat apart (letters, other name bytes, bytes of
// non-ASCII runes, quotes, '<', '&', lengths about eight).
func TestSkipPlainAttrsMatchesRef(t *testing.T) {
	for name, src := range teInputs(t) {
		checkSkipPlainAttrs(t, name, src)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	bits := []string{"a", "Z", "lid", "relType", "eventInstanceID", "0", "-", ".", ":", "_", "é", "\x80", "\xff",
		"@", "[", "`", "{", "\x00", " ", "=", "\"", "'", "<", "&", ">", "/", "/>", "\t", "ab", "ABCDEFGH", "`{@["}
	for round := range 20000 {
		var b bytes.Buffer
		b.WriteString("<T")
		for range rng.IntN(6) {
			b.WriteString(" ")
			for range 1 + rng.IntN(4) {
				b.WriteString(bits[rng.IntN(len(bits))])
			}
			if rng.IntN(4) > 0 {
				q := `"'`[rng.IntN(2)]
				b.WriteString("=" + string(q))
				for range rng.IntN(5) {
					b.WriteString(bits[rng.IntN(len(bits))])
				}
				b.WriteByte(q)
			}
		}
		b.WriteString([]string{">", "/>", " >", "", " / >"}[rng.IntN(5)])
		for range rng.IntN(12) {
			b.WriteByte('x')
		}
		checkSkipPlainAttrs(t, "random tag "+strconv.Itoa(round), b.Bytes())
	}
}

// TestLetters: letters marks exactly the ASCII letters, at every byte of
// the word, whatever the other bytes.
func TestLetters(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for c := range 256 {
		isLetter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		for at := range 8 {
			for range 16 {
				w := rng.Uint64()&^(0xff<<(8*at)) | uint64(c)<<(8*at)
				if got := letters(w)>>(8*at+7)&1 == 1; got != isLetter {
					t.Fatalf("letters(%#x): byte %d (%#x) marked %v", w, at, c, got)
				}
			}
		}
	}
}

// TestZeroBytes: the lowest set bit of zeroBytes is the high bit of the
// first zero byte.
func TestZeroBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for range 100000 {
		w := rng.Uint64()
		for at := range 8 {
			if rng.IntN(4) == 0 {
				w &^= 0xff << (8 * at)
			}
		}
		first := -1
		for at := range 8 {
			if w>>(8*at)&0xff == 0 {
				first = at
				break
			}
		}
		m := zeroBytes(w)
		if first < 0 && m != 0 || first >= 0 && m&-m != 1<<(8*first+7) {
			t.Fatalf("zeroBytes(%#x) = %#x, first zero byte %d", w, m, first)
		}
	}
}

// FuzzSkipPlainAttrs: skipPlainAttrs and its reference agree on any
// input, at any offset.
func FuzzSkipPlainAttrs(f *testing.F) {
	for _, s := range []string{
		`<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0" />`,
		`<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" modality="would" pos="VERB"/>`,
		`<a b='1' c="2" b='3'>`, `<a bé="&amp;" c='<'>`, `<a b="1"c="2">`,
	} {
		f.Add([]byte(s), 2)
	}
	f.Fuzz(func(t *testing.T, src []byte, j int) {
		if j < 0 || j > len(src) {
			return
		}
		e, em, ok := skipPlainAttrs(src, j)
		re, rem, rok := skipPlainAttrsRef(src, j)
		if e != re || em != rem || ok != rok {
			t.Fatalf("at %d: skipPlainAttrs = %d %v %v, reference %d %v %v", j, e, em, ok, re, rem, rok)
		}
	})
}
