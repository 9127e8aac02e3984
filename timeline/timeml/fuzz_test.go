package timeml

import (
	"bytes"
	"reflect"
	"testing"
)

// FuzzRead checks that the reader never panics, that every span it gives
// lies inside the raw text, and that a document it accepts is written back
// unchanged.
func FuzzRead(f *testing.F) {
	for _, path := range testdataFiles(f) {
		f.Add(readFile(f, path))
	}
	for _, s := range []string{
		"<TEXT>a<EVENT>b</EVENT></TEXT>",
		"<TEXT><TIMEX3 tid='t1'/>x &amp; y<![CDATA[z]]><!--c--></TEXT>",
		"<TEXT>&#x1F600;&#55296;&bogus;</TEXT>",
		"<TEXT><a><b></a></b></TEXT>",
		"<TEXT>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := Parse(src)
		if err != nil {
			if d != nil {
				t.Fatal("document and error")
			}
			return
		}
		n := len(d.Text)
		check := func(what string, s Span, text string) {
			if s.Start < 0 || s.Start > s.End || s.End > n {
				t.Fatalf("%s span %v outside [0,%d]", what, s, n)
			}
			if s.In(d.Text) != text {
				t.Fatalf("%s text %q, span gives %q", what, text, s.In(d.Text))
			}
		}
		for _, x := range d.Timexes {
			check("TIMEX3", x.Span, x.Text)
		}
		for _, x := range d.Events {
			check("EVENT", x.Span, x.Text)
		}
		for _, x := range append(d.Signals, d.Other...) {
			check(x.Name, x.Span, x.Text)
		}
		if d.TextPos < 0 || d.TextPos > len(src) {
			t.Fatalf("TextPos %d", d.TextPos)
		}
		out, _, err := Write(src, d.Annotations())
		if err != nil {
			t.Fatal(err)
		}
		// Nested TIMEX3 cannot be written back as they are.
		nested := false
		for i := 1; i < len(d.Timexes); i++ {
			if d.Timexes[i].Start < d.Timexes[i-1].End {
				nested = true
			}
		}
		if !nested && !bytes.Equal(out, src) {
			t.Fatalf("round trip changed the document:\n%q\n%q", src, out)
		}
	})
}

// FuzzWrite checks that whatever annotations Write is given, on whatever
// document the reader accepts, its output parses to the same raw text with
// non-overlapping TIMEX3.
func FuzzWrite(f *testing.F) {
	for _, path := range testdataFiles(f) {
		f.Add(readFile(f, path), 3, 9, 5, 20)
	}
	f.Add([]byte("<TEXT>a <EVENT>b c</EVENT><SIGNAL>d</SIGNAL> &amp; e</TEXT>"), 0, 3, 4, 4)
	f.Fuzz(func(t *testing.T, src []byte, s1, e1, s2, e2 int) {
		d, err := Parse(src)
		if err != nil {
			return
		}
		anns := []Annotation{
			{Span: Span{s1, e1}, TID: "t1", Type: "DATE", Value: "a\"<&"},
			{Span: Span{s2, e2}, TID: "t2", Type: "TIME", Value: "b"},
		}
		if n := len(d.Text) + 1; n > 1 {
			// Mostly valid spans, some out of range.
			for i := range anns {
				a := &anns[i]
				if a.Start >= 0 && a.End >= 0 {
					a.Start %= n
					a.End %= n
				}
			}
		}
		out, adj, err := Write(src, anns)
		if err != nil {
			t.Fatal(err)
		}
		again, adj2, err := d.Write(anns)
		if err != nil || !bytes.Equal(again, out) || !reflect.DeepEqual(adj, adj2) {
			t.Fatalf("Doc.Write differs from Write: %v\n%q\n%q", err, out, again)
		}
		d2, err := Parse(out)
		if err != nil {
			t.Fatalf("output does not parse: %v\n%q", err, out)
		}
		if d2.Text != d.Text {
			t.Fatalf("raw text changed:\n%q\n%q", d.Text, d2.Text)
		}
		for i := 1; i < len(d2.Timexes); i++ {
			if d2.Timexes[i].Start < d2.Timexes[i-1].End {
				t.Fatalf("TIMEX3 overlap: %v %v", d2.Timexes[i-1].Span, d2.Timexes[i].Span)
			}
		}
	})
}
