package timeml

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// checkOpenTag: writeOpenTag writes what refOpenTag gives.
func checkOpenTag(t *testing.T, a Annotation) {
	t.Helper()
	for _, empty := range []bool{false, true} {
		var b bytes.Buffer
		writeOpenTag(&b, a, empty)
		if want := refOpenTag(a, empty); !bytes.Equal(b.Bytes(), want) {
			t.Fatalf("%+v: tag %q, want %q", a, b.Bytes(), want)
		}
		if got := openTag(a, empty); !bytes.Equal(got, b.Bytes()) {
			t.Fatalf("%+v: openTag %q, writeOpenTag %q", a, got, b.Bytes())
		}
	}
}

// TestWriteOpenTag: the tags of random annotations, with values made of
// the bytes that need escaping among others, and of every single byte.
func TestWriteOpenTag(t *testing.T) {
	for c := range 256 {
		checkOpenTag(t, Annotation{TID: "t1", Type: "DATE", Value: string([]byte{byte(c)})})
	}
	rng := rand.New(rand.NewPCG(5, 6))
	bits := []string{"&", "<", ">", "\"", "'", "\t", "\n", "\r", "a", "1999", "é", "\x80", " "}
	word := func() string {
		var b strings.Builder
		for range rng.IntN(6) {
			b.WriteString(bits[rng.IntN(len(bits))])
		}
		return b.String()
	}
	for range 2000 {
		a := Annotation{TID: word(), Type: word(), Value: word(), Mod: word()}
		for range rng.IntN(3) {
			// names that attrList leaves out (written from the fields) too
			name := []string{"tid", "type", "value", "mod", "anchorTimeID", "x" + word()}[rng.IntN(6)]
			a.Attrs = append(a.Attrs, Attr{Name: name, Value: word()})
		}
		checkOpenTag(t, a)
	}
}

// FuzzOpenTag: writeOpenTag writes what refOpenTag gives.
func FuzzOpenTag(f *testing.F) {
	f.Add("t1", "DATE", "1998-01-08", "", "anchorTimeID", "t0")
	f.Add("t&", "<x>", "\"q\"", "\t\n\r", "a", "é\x80")
	f.Add("t1", "DATE", "1998", "", "mod", "START")
	f.Fuzz(func(t *testing.T, tid, typ, value, mod, name, v string) {
		checkOpenTag(t, Annotation{TID: tid, Type: typ, Value: value, Mod: mod, Attrs: Attrs{{Name: name, Value: v}}})
	})
}
