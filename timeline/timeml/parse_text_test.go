package timeml

import (
	"bytes"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// checkParseText: ParseText gives what Parse gives on src, the same
// error or the same Doc but for Instances and Links, and the Doc writes
// the same output.
func checkParseText(t testing.TB, name string, src []byte) {
	t.Helper()
	want, werr := Parse(src)
	got, gerr := ParseText(src)
	if (werr == nil) != (gerr == nil) || werr != nil && werr.Error() != gerr.Error() {
		t.Fatalf("%s: error %v, want %v", name, gerr, werr)
	}
	if werr != nil {
		return
	}
	wantOut, wantAdj, err := want.Write(someAnnotations(want))
	if err != nil {
		t.Fatal(err)
	}
	gotOut, gotAdj, err := got.Write(someAnnotations(got))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gotOut, wantOut) || !reflect.DeepEqual(gotAdj, wantAdj) {
		t.Fatalf("%s: the Doc of ParseText writes\n%q\nnot\n%q", name, gotOut, wantOut)
	}
	w, g := *want, *got
	w.Instances, w.Links = inText(want, want.Instances), inText(want, want.Links)
	w.parsed, g.parsed = nil, nil
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("%s: the Doc of ParseText differs from Parse's:\n%+v\n%+v", name, g, w)
	}
}

// inText returns the elements of l that are inside TEXT, nil for none.
func inText(d *Doc, l []Element) []Element {
	var out []Element
	for _, e := range l {
		for k := range d.parsed.elems {
			if pe := &d.parsed.elems[k]; pe.pos == e.Pos && pe.inText {
				out = append(out, e)
			}
		}
	}
	return out
}

// someAnnotations returns the document's own TIMEX3 and new ones over
// every other run of its words, for Write.
func someAnnotations(d *Doc) []Annotation {
	anns := d.Annotations()
	for i, f := range strings.Fields(d.Text) {
		if i%2 == 0 {
			start := strings.Index(d.Text, f)
			anns = append(anns, Annotation{Span: Span{start, start + len(f)}, TID: "n" + strconv.Itoa(i), Type: "DATE"})
		}
	}
	return anns
}

// teInputs returns the test documents and, when the shared corpora are
// there, their files and TempEval-3 inputs made from them (every tag of
// TEXT removed, the links after it kept, as scripts/mkte3input does).
func teInputs(t *testing.T) map[string][]byte {
	docs := map[string][]byte{}
	for _, f := range testdataFiles(t) {
		docs[f] = readFile(t, f)
	}
	data := corpusDir(t)
	if data == "" {
		return docs
	}
	err := filepath.WalkDir(data, func(path string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() || !strings.HasSuffix(path, ".tml") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		docs[path] = src
		docs[path+".TE3input"] = stripTextTags(src)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// stripTextTags removes the tags between the first <TEXT> and the last
// </TEXT> of src, if any.
func stripTextTags(src []byte) []byte {
	open := bytes.Index(src, []byte("<TEXT>"))
	end := bytes.LastIndex(src, []byte("</TEXT>"))
	if open < 0 || end < open {
		return src
	}
	open += len("<TEXT>")
	out := slices.Clone(src[:open])
	inTag := false
	for _, c := range src[open:end] {
		switch {
		case c == '<':
			inTag = true
		case c == '>' && inTag:
			inTag = false
		case !inTag:
			out = append(out, c)
		}
	}
	return append(out, src[end:]...)
}

// TestParseTextMatchesParse: ParseText and Parse agree on the test
// documents, on the shared corpora and their TempEval-3 inputs (when
// there), and on random edits of them that hit the tags outside TEXT.
func TestParseTextMatchesParse(t *testing.T) {
	docs := teInputs(t)
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range docs {
			if !yield(n) {
				return
			}
		}
	})
	for _, n := range names {
		checkParseText(t, n, docs[n])
	}
	rng := rand.New(rand.NewPCG(5, 6))
	bits := []string{"<", ">", "/", "/>", "=", "&", "&amp;", "\"", "'", " ", "\n", "</TEXT>", "<TEXT>",
		"<!--", "-->", "<TLINK lid=\"l1\" relType=\"X\"/>", " a=\"1\"", " a='1'", " lid=\"l9\"", "</a>", "<a>",
		"<DCT>", "</DCT>", "<TIMEX3 tid=\"t0\" functionInDocument=\"CREATION_TIME\">", "</TIMEX3>", "é", "\x80"}
	for round := range 2000 {
		src := slices.Clone(docs[names[rng.IntN(len(names))]])
		// the edits fall after TEXT's start tag mostly, among the links
		from := max(0, bytes.Index(src, []byte("<TEXT")))
		for range 1 + rng.IntN(4) {
			at := from + rng.IntN(len(src)-from+1)
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
		checkParseText(t, "random edit "+strconv.Itoa(round), src)
	}
}

// TestParseTextAttrForms: ParseText and Parse agree on the attribute
// forms that skipPlainAttrs leaves to readAttrs, outside TEXT.
func TestParseTextAttrForms(t *testing.T) {
	many := ""
	for i := range 70 {
		many += " a" + strconv.Itoa(i) + "='x'"
	}
	for _, attrs := range []string{
		``, ` `, ` a="1"`, ` a='1'`, ` a="1" `, ` a="1" a="2"`, ` a="1" b='2' a="3"`, ` a="x&amp;y"`,
		` a="x&y"`, ` a="x<y"`, ` a="x`, ` a`, ` a=`, ` a=1`, ` a ="1"`, ` a= "1"`, "\ta=\"1\"", ` a="1"b="2"`,
		` 1="2"`, ` a="1" /`, ` a="1" / >`, many, many + many,
	} {
		for _, src := range []string{
			"<TEXT>x</TEXT><TLINK" + attrs + "/>",
			"<TEXT>x</TEXT><TLINK" + attrs + ">y</TLINK>",
			"<TimeML" + attrs + "><TEXT>x</TEXT></TimeML>",
			"<TimeML><TEXT>x</TEXT><MAKEINSTANCE" + attrs + "/></TimeML>",
			"<TEXT>x</TEXT><TLINK" + attrs,
		} {
			checkParseText(t, src, []byte(src))
		}
	}
}

// TestParseTextAfterText: ParseText and Parse agree on documents whose
// kept elements (DCT, TIMEX3, DOCID) or errors come after the first
// "</TEXT>", where a lean parse's copy of the file ends.
func TestParseTextAfterText(t *testing.T) {
	for _, src := range []string{
		"<TimeML><TEXT>x</TEXT><DCT><TIMEX3 tid='t0' value='1998'>1998</TIMEX3></DCT><DOCID>d</DOCID></TimeML>",
		"<TimeML><TEXT>x</TEXT><TIMEX3 tid='t0' functionInDocument=\"CREATION_TIME\" value='1998'/></TimeML>",
		"<TimeML><!-- </TEXT> --><TEXT>x <TIMEX3 tid='t1'>y</TIMEX3></TEXT><TLINK lid='l1'/></TimeML>",
		"<TimeML><TEXT>x</TEXT><TLINK lid='l1' a='&amp;'/><TLINK\nlid='l2'/></TimeML>",
		"<TimeML><TEXT>x</TEXT><TLINK lid='l1' lid='l2'/></TimeML>",
		"<TimeML><TEXT>x</TEXT><TLINK lid='l1'></TLINX></TimeML>",
		"<TimeML><TEXT>x</TEXT><TLINK lid='l1'>",
		"<TimeML><TEXT>x</TEXT></TimeML></TimeML>",
		"<TimeML><TEXT>x</TEXT><TEXT>y</TEXT></TimeML>",
		"<TimeML><TEXT>x</TEXT><TLINK lid='l1' <a/></TimeML>",
	} {
		checkParseText(t, src, []byte(src))
	}
}

// TestParseTextLeanCopy: ParseText and Parse agree on documents where a
// lean parse's first copy of the file, up to the first '<' after
// "<TEXT", falls short of the tags it keeps: "<TEXT" in a comment or a
// longer name before TEXT, tags in TEXT, attributes on TEXT, errors in
// its start tag.
func TestParseTextLeanCopy(t *testing.T) {
	dct := "<DOCID>d</DOCID><DCT><TIMEX3 tid='t0' value='1998'>1998</TIMEX3></DCT>"
	for _, src := range []string{
		"<TimeML><!-- <TEXT> -->" + dct + "<TEXT>x</TEXT></TimeML>",
		"<TimeML><TEXTX a='b'/>" + dct + "<TEXT>x</TEXT></TimeML>",
		"<TimeML>" + dct + "<TEXT a='1'>x <TIMEX3 tid='t1' value='1999'>y</TIMEX3> z</TEXT></TimeML>",
		"<TimeML>" + dct + "<TEXT>x <EVENT eid='e1' class='X'>y</EVENT><TIMEX3 tid='t1'>z</TIMEX3></TEXT></TimeML>",
		"<TimeML>" + dct + "<TEXT\n a=\"&amp;\">x&amp;y</TEXT></TimeML>",
		"<TimeML>" + dct + "<TEXT a='<'>x</TEXT></TimeML>",
		"<TimeML>" + dct + "<TEXT a='1'/></TimeML>",
		"<TimeML>" + dct + "<TEXT>x<!-- <TIMEX3 tid='t1'> --></TEXT><TIMEX3 tid='t2' functionInDocument='CREATION_TIME'/></TimeML>",
		"<TimeML>" + dct + "<TEXT>x</TEXT><TEXT a='2'>y</TEXT></TimeML>",
		"<TimeML><TEXT>x<![CDATA[</TEXT>]]> <a b='c'>d</a></TEXT></TimeML>",
		"<TimeML>" + dct + "<TEXT a=\">\" b='>' c='\"'>x <TIMEX3 tid='t1'>y</TIMEX3></TEXT></TimeML>",
		"<TimeML>" + dct + "<TEXT a=\"x<y\">x</TEXT></TimeML>",
		"<TimeML>" + dct + "<TEXT a=\"x>x</TEXT></TimeML>",
		"<TimeML>" + dct + "<TEXT a=>x</TEXT></TimeML>",
		"<TimeML><!-- <TEXT a=\" -->" + dct + "<TEXT b=\"1\">x</TEXT></TimeML>",
		"<TimeML><!-- <TEXT a='>' -->" + dct + "<TEXT>x</TEXT></TimeML>",
		"<TimeML><![CDATA[<TEXT ]]>" + dct + "<TEXT>x</TEXT></TimeML>",
		"<TEXT>x</TEXT>", "<TEXT", "<TEXT a='1'", "<TEXT>", "<TEXT a='</TEXT>'>x</TEXT>",
	} {
		checkParseText(t, src, []byte(src))
	}
	// random edits around TEXT's start tag, where the first copy ends
	docs := teInputs(t)
	names := slices.Sorted(maps.Keys(docs))
	rng := rand.New(rand.NewPCG(7, 8))
	bits := []string{"<", ">", "\"", "'", " a=\">\"", " a='<'", "<!--", "-->", "<TEXT", "</TEXT>", "<a>", "</a>",
		"<TIMEX3 tid='t1'>", "</TIMEX3>", "&amp;", "=", " "}
	for round := range 1000 {
		src := slices.Clone(docs[names[rng.IntN(len(names))]])
		t0 := max(0, bytes.Index(src, []byte("<TEXT")))
		for range 1 + rng.IntN(3) {
			at := min(len(src), max(0, t0-20+rng.IntN(60)))
			if rng.IntN(2) == 0 {
				src = slices.Insert(src, at, []byte(bits[rng.IntN(len(bits))])...)
			} else {
				src = slices.Delete(src, at, min(len(src), at+1+rng.IntN(4)))
			}
		}
		checkParseText(t, "edit at TEXT "+strconv.Itoa(round), src)
	}
}

// TestParseTextLinkRuns: ParseText and Parse agree on runs of link tags
// of the form skipLinkTag reads, back to back, between text, spaces and
// other markup, to the end of the file, with names alike by length and
// first byte, and under elements nested to MaxDepth.
func TestParseTextLinkRuns(t *testing.T) {
	link := `<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0" />`
	deep := strings.Repeat("<a>", MaxDepth-1)
	for _, run := range []string{
		link, link + link, link + "\n" + link, link + "x&amp;y" + link, link + "<" + link, link + "<<" + link,
		link + "<!-- c -->" + link, link + "</TLINK>", link + "\n</TimeML>",
		`<TLINK lid="1" lid="2"/>`, `<TLINK ab="1" ac="2"/>`, `<TLINK ab="1" ab="2"/>`, `<TLINK ab="1"  />`,
		"<TLINK ab=\"1\"\t/>", `<TLINK ab="1" 1="2"/>`, `<TLINK ab="<"/>` + link, `<TLINK ab="&"/>`, `<TLINK ab="'"/>`,
		`<TLINK ab='1'/>`, `<TLINK a_b="1"/>`, `<TLINK a1="1"/>`, `<T1 a="1"/>`, `<TIMEX3 tid="t1"/>`, `<TEXT/>`,
		`<TLINK a="1">`, `<TLINK a="1"/ >`, `<TLINK/>`, `<TLINK />`, `<TLINK a="1"/`,
	} {
		for _, src := range []string{
			"<TimeML><TEXT>x</TEXT>" + run + "</TimeML>",
			"<TimeML><TEXT>x</TEXT>" + run,
			"<TimeML><TEXT>x</TEXT>\n" + run + "\n" + run + "\n</TimeML>\n",
			"<TimeML><TEXT>x</TEXT>" + deep + run + strings.Repeat("</a>", MaxDepth-1) + "</TimeML>",
		} {
			checkParseText(t, src, []byte(src))
		}
	}
}

// FuzzParseText: ParseText and Parse agree on any input.
func FuzzParseText(f *testing.F) {
	for _, path := range testdataFiles(f) {
		f.Add(readFile(f, path))
	}
	for _, s := range []string{
		"<TEXT>a<EVENT eid='e1' class=\"X\">b</EVENT></TEXT><TLINK lid='l1'/>",
		"<TimeML><TEXT>x</TEXT><MAKEINSTANCE eiid=\"ei1\" eventID=\"e1\"/><TLINK lid=\"l1\" a='&amp;'/></TimeML>",
		"<TimeML><TLINK lid='l1' lid='l2'/><TEXT>x</TEXT><DCT><TIMEX3 tid='t0'>1998</TIMEX3></DCT></TimeML>",
		"<a><b c='1'><TEXT/></b></a>",
		"<TimeML><!-- <TEXT> --><DCT><TIMEX3 tid='t0'>1998</TIMEX3></DCT><TEXT a='1'>x <TIMEX3 tid='t1'>y</TIMEX3></TEXT></TimeML>",
		"<TimeML><TEXT>x</TEXT><TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t0\" />\n</TimeML>\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkParseText(t, "fuzz", src)
	})
}
