package timeml

import (
	"bytes"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// checkWriteRef: write gives what refWrite gives for anns on src.
func checkWriteRef(t testing.TB, name string, src []byte, anns []Annotation) {
	t.Helper()
	p, err := parse(src)
	if err != nil {
		return
	}
	got, gadj := p.write(anns)
	want, wadj := p.refWrite(anns)
	if !bytes.Equal(got, want) || !reflect.DeepEqual(gadj, wadj) {
		t.Fatalf("%s: write differs from the reference for %+v:\n%q %v\n%q %v", name, anns, got, gadj, want, wadj)
	}
}

// randomAnns returns annotations for d: its own TIMEX3 (some with other
// attributes), the spans of its other elements, and random spans, some
// outside the raw text.
func randomAnns(rng *rand.Rand, d *Doc) []Annotation {
	anns := d.Annotations()
	for i := range anns {
		switch rng.IntN(4) {
		case 0:
			anns[i].Value += "x"
		case 1:
			anns[i].Attrs = append(anns[i].Attrs, Attr{Name: "anchorTimeID", Value: "t0"})
		}
	}
	spans := []Span{}
	for _, e := range d.Events {
		spans = append(spans, e.Span)
	}
	for _, e := range append(d.Signals, d.Other...) {
		spans = append(spans, e.Span)
	}
	n := len(d.Text)
	for range 1 + rng.IntN(6) {
		s := rng.IntN(n + 2)
		spans = append(spans, Span{s, s + rng.IntN(12) - 1})
	}
	for k := range min(len(spans), 8) {
		s := spans[rng.IntN(len(spans))]
		if k%2 == 1 {
			s.Start += rng.IntN(3) - 1
		}
		anns = append(anns, Annotation{Span: s, TID: "n", Type: "DATE", Value: "v"})
	}
	rng.Shuffle(len(anns), func(i, j int) { anns[i], anns[j] = anns[j], anns[i] })
	return anns
}

// TestWriteMatchesRef: write and its reference agree on random
// annotations of the test documents and of the shared corpora (skipped
// when absent).
func TestWriteMatchesRef(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	check := func(name string, src []byte, rounds int) {
		d, err := Parse(src)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		checkWriteRef(t, name, src, d.Annotations())
		for range rounds {
			checkWriteRef(t, name, src, randomAnns(rng, d))
		}
	}
	for _, f := range testdataFiles(t) {
		check(f, readFile(t, f), 200)
	}
	data := corpusDir(t)
	if data == "" {
		return
	}
	err := filepath.WalkDir(filepath.Join(data, "tbaq"), func(path string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() || !strings.HasSuffix(path, ".tml") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		check(path, src, 3)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// FuzzWriteRef: write and its reference agree on any document the reader
// accepts, with annotations drawn from a seed.
func FuzzWriteRef(f *testing.F) {
	for i, path := range testdataFiles(f) {
		f.Add(readFile(f, path), uint64(i))
	}
	f.Add([]byte("<TEXT>a <EVENT>b c</EVENT><SIGNAL>d</SIGNAL> &amp; e<TIMEX3 tid='t1'>f</TIMEX3></TEXT>"), uint64(9))
	f.Fuzz(func(t *testing.T, src []byte, seed uint64) {
		d, err := Parse(src)
		if err != nil {
			return
		}
		rng := rand.New(rand.NewPCG(seed, 1))
		checkWriteRef(t, "fuzz", src, randomAnns(rng, d))
	})
}
