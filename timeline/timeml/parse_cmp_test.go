package timeml

import (
	"bytes"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// checkParseRef: parse gives what refParse gives on src: the same error,
// or the same raw text, pieces and elements and the same Doc.
func checkParseRef(t testing.TB, name string, src []byte) {
	t.Helper()
	want, werr := refParse(src)
	got, gerr := parse(src)
	if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
		t.Fatalf("%s: error %v, want %v", name, gerr, werr)
	}
	if werr != nil {
		return
	}
	if got.raw.String() != string(want.raw) || !slices.Equal(got.pieces, want.pieces) ||
		!reflect.DeepEqual(got.refElems(), want.elems) || got.text0 != want.text0 || got.text1 != want.text1 ||
		got.textElem != want.textElem || got.textEmpty != want.textEmpty {
		t.Fatalf("%s: the parse differs from the reference's", name)
	}
	gd, wd := got.doc(), want.doc()
	gd.parsed = nil
	if !reflect.DeepEqual(gd, wd) {
		t.Fatalf("%s: the Doc differs from the reference's:\n%+v\n%+v", name, gd, wd)
	}
}

// refElems returns the elements of p as the reference holds them.
func (p *parsed) refElems() []refElement {
	out := make([]refElement, len(p.elems))
	for k := range p.elems {
		e := &p.elems[k]
		if e.kind != kindOf([]byte(p.name(e))) {
			panic("element kind does not match its name")
		}
		out[k] = refElement{name: p.name(e), attrs: p.attrs(e), pos: e.pos, inText: e.inText,
			open: e.open, close: e.close, span: e.span, content0: e.content0, content1: e.content1}
	}
	return out
}

// TestParseMatchesRef: the reader and its reference agree on the test
// documents, on the shared corpora (skipped when absent) and on random
// edits of the test documents.
func TestParseMatchesRef(t *testing.T) {
	var docs [][]byte
	for _, f := range testdataFiles(t) {
		src := readFile(t, f)
		docs = append(docs, src)
		checkParseRef(t, f, src)
	}
	if data := corpusDir(t); data != "" {
		err := filepath.WalkDir(data, func(path string, de fs.DirEntry, err error) error {
			if err != nil || de.IsDir() || !(strings.HasSuffix(path, ".tml") || strings.HasSuffix(path, ".TE3input")) {
				return err
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			checkParseRef(t, path, src)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	bits := []string{"<", ">", "/", "=", "&", "&amp;", "\"", "'", " ", "</TEXT>", "<TEXT>", "<!--", "-->", "<![CDATA[", "]]>", "<a b='c'>", "</a>", "<x/>", "é", "\x80"}
	for round := range 3000 {
		src := []byte(docs[rng.IntN(len(docs))])
		src = slices.Clone(src)
		for range 1 + rng.IntN(4) {
			at := rng.IntN(len(src) + 1)
			switch rng.IntN(3) {
			case 0: // insert
				src = slices.Insert(src, at, []byte(bits[rng.IntN(len(bits))])...)
			case 1: // delete
				src = slices.Delete(src, at, min(len(src), at+1+rng.IntN(8)))
			default: // replace a byte
				if at < len(src) {
					src[at] = bits[rng.IntN(len(bits))][0]
				}
			}
		}
		checkParseRef(t, "random edit "+strconv.Itoa(round), src)
	}
}

// FuzzParseRef: the reader and its reference agree on any input.
func FuzzParseRef(f *testing.F) {
	for _, path := range testdataFiles(f) {
		f.Add(readFile(f, path))
	}
	for _, s := range []string{
		"<TEXT>a<EVENT eid='e1' class=\"X\">b</EVENT></TEXT><TLINK lid='l1'/>",
		"<TEXT><TIMEX3 tid='t1'/>x &amp; y<![CDATA[z]]><!--</TEXT>--></TEXT>",
		"<a b='1' c='2' d='3'><TEXT/></a>",
		"<TEXT a='x' a='y'></TEXT>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkParseRef(t, "fuzz", src)
	})
}

// TestParseRefAttrValues: the reader and its reference agree on values
// that stop the scan by table short of their quote ('&', '<', the other
// quote), on values without a closing quote, and on attributes that
// plainAttr leaves to the general case (spaces, duplicates).
func TestParseRefAttrValues(t *testing.T) {
	for _, v := range []string{
		`"a"`, `'a'`, `""`, `''`, `"a'b"`, `'a"b'`, `"a&amp;b"`, `'&lt;'`, `"a&b"`,
		`"a<b"`, `'a<b'`, `"a<b`, `"a&b<c"`, `"a&b`, `'a`, `"`, `'`, `"a&#x41;"`, `"&#0;"`,
	} {
		for _, src := range []string{
			"<D a=" + v + "><TEXT>x</TEXT></D>",
			"<TEXT><T a=" + v + " b='1'>x</T></TEXT>",
			"<TEXT>x</TEXT><L a=" + v + "/>",
			"<TEXT>x</TEXT><L b='1' a=" + v + " a='2'/>",
			"<TEXT>x</TEXT><L  a=" + v + "\ta =" + v + "/>",
			"<TEXT>x</TEXT><L\na= " + v + " c=" + v + ">y</L>",
		} {
			checkParseRef(t, src, []byte(src))
		}
	}
}

// TestIndexEndText: indexEndText finds what bytes.Index finds.
func TestIndexEndText(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	bits := []string{"</TEXT>", "XT>", "</TE", "TEXT>", "X", "<", "a", "</TIMEX3>", "EXT>"}
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(bits[rng.IntN(len(bits))])
		}
		s := []byte(b.String())
		if got, want := indexEndText(s), bytes.Index(s, []byte("</TEXT>")); got != want {
			t.Fatalf("indexEndText(%q) = %d, want %d", s, got, want)
		}
	}
}
