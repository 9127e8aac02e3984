package timeml

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"testing"
)

// checkSkipLinkTag: wherever skipLinkTag reads a tag of src (at each '<'
// and at every offset of its first 64 bytes), skipPlainEmptyTag, the
// scan by name and value it stands in for, reads it too, to the same end.
func checkSkipLinkTag(t testing.TB, name string, src []byte) {
	t.Helper()
	check := func(i int) {
		end, ok := skipLinkTag(src, i)
		if !ok {
			return
		}
		if i+1 >= len(src) || nameBytes[src[i+1]]&nameStart == 0 {
			t.Fatalf("%s: at %d: skipLinkTag read a tag with no name", name, i)
		}
		if rend, rok := skipPlainEmptyTag(src, i); !rok || rend != end {
			t.Fatalf("%s: at %d: skipLinkTag = %d, skipPlainEmptyTag = %d %v", name, i, end, rend, rok)
		}
	}
	for i := range min(len(src), 64) {
		check(i)
	}
	for i := 0; ; i++ {
		k := bytes.IndexByte(src[i:], '<')
		if k < 0 {
			return
		}
		i += k
		check(i)
	}
}

// TestSkipLinkTagMatchesRef: on the test documents, the corpora and
// their TempEval-3 inputs, skipLinkTag reads most links and instances, and
// what it reads skipPlainEmptyTag reads alike; so on random tags made of
// the bytes the scans treat apart (letters, digits, other name bytes,
// non-ASCII bytes, quotes, '=', '<', '&', space, "/>"), in words of any
// alignment.
func TestSkipLinkTagMatchesRef(t *testing.T) {
	read, links := 0, 0
	for name, src := range teInputs(t) {
		checkSkipLinkTag(t, name, src)
		for i := 0; ; i++ {
			k := bytes.Index(src[i:], []byte("LINK "))
			if k < 0 {
				break
			}
			i += k
			links++
			if _, ok := skipLinkTag(src, i-2); ok {
				read++
			}
		}
	}
	t.Logf("skipLinkTag read %d of %d links", read, links)
	if links > 0 && read < links*9/10 {
		t.Errorf("skipLinkTag read %d of %d links", read, links)
	}
	rng := rand.New(rand.NewPCG(13, 14))
	nameBits := []string{"a", "Z", "TLINK", "lid", "relType", "eventInstanceID", "0", "9", "-", ".", ":", "_", "é", "\x80", "@", "[", "`", "{", "/", "\x00"}
	valueBits := []string{"ei1", "BEFORE", "t0", "IS_INCLUDED", " ", "\"", "'", "<", "&", ">", "/>", "=", "\t", "é", "\xff", "0"}
	tails := []string{"/>", " />", "  />", "   />", "  >", "  \t/>", ">", "", " / >", "/", " ", "\t/>", "/x"}
	for round := range 30000 {
		var b bytes.Buffer
		b.WriteString("<")
		for range 1 + rng.IntN(3) {
			b.WriteString(nameBits[rng.IntN(len(nameBits))])
		}
		for range rng.IntN(6) {
			b.WriteString([]string{" ", " ", " ", "  ", "\t", ""}[rng.IntN(6)])
			for range 1 + rng.IntN(3) {
				b.WriteString(nameBits[rng.IntN(len(nameBits))])
			}
			if rng.IntN(8) > 0 {
				b.WriteString([]string{`="`, `="`, `="`, `='`, ` ="`, `=`}[rng.IntN(6)])
				for range rng.IntN(4) {
					b.WriteString(valueBits[rng.IntN(len(valueBits))])
				}
				b.WriteByte('"')
			}
		}
		b.WriteString(tails[rng.IntN(len(tails))])
		for range rng.IntN(12) {
			b.WriteByte("x\n<"[rng.IntN(3)])
		}
		checkSkipLinkTag(t, "random tag "+strconv.Itoa(round), b.Bytes())
	}
}

// FuzzSkipLinkTag: what skipLinkTag reads at any offset of any input,
// skipPlainEmptyTag reads alike.
func FuzzSkipLinkTag(f *testing.F) {
	for _, s := range []string{
		`<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0" />`,
		`<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" modality="would" pos="VERB"/>`,
		`<SLINK lid="l1" a="1" lid="2"/>`, `<TIMEX3 tid="t1"/>`, `<a b="&amp;"/>`, `<a b="1"c="2"/>`,
	} {
		f.Add([]byte(s+"\n"), 0)
	}
	f.Fuzz(func(t *testing.T, src []byte, i int) {
		if i < 0 || i >= len(src) {
			return
		}
		if end, ok := skipLinkTag(src, i); ok {
			if i+1 >= len(src) || nameBytes[src[i+1]]&nameStart == 0 {
				t.Fatalf("at %d: skipLinkTag read a tag with no name", i)
			}
			if rend, rok := skipPlainEmptyTag(src, i); !rok || rend != end {
				t.Fatalf("at %d: skipLinkTag = %d, skipPlainEmptyTag = %d %v", i, end, rend, rok)
			}
		}
	})
}
