package timeml

// Malformed TimeML of every shape the testdata can be cut into: every
// prefix, and every file with one byte removed or doubled. The reader
// either accepts it, with spans inside the text, or says where it broke:
// a *SyntaxError whose offset is in the input and whose line and column
// name that offset.

import (
	"bytes"
	"errors"
	"testing"
)

func checkParse(t *testing.T, name string, src []byte) {
	t.Helper()
	d, err := Parse(src)
	if err != nil {
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("%s: %T %v, want a *SyntaxError", name, err, err)
		}
		if d != nil {
			t.Fatalf("%s: a document and an error", name)
		}
		if se.Offset < 0 || se.Offset > len(src) {
			t.Fatalf("%s: error at byte %d of %d: %v", name, se.Offset, len(src), err)
		}
		before := src[:se.Offset]
		line := bytes.Count(before, []byte{'\n'}) + 1
		col := se.Offset - (bytes.LastIndexByte(before, '\n') + 1) + 1
		if se.Line != line || se.Col != col || se.Msg == "" {
			t.Fatalf("%s: error says %d:%d %q, its offset %d is %d:%d", name, se.Line, se.Col, se.Msg, se.Offset, line, col)
		}
		return
	}
	for _, x := range d.Timexes {
		if x.Start < 0 || x.Start > x.End || x.End > len(d.Text) || d.Text[x.Start:x.End] != x.Text {
			t.Fatalf("%s: TIMEX3 %v %q outside or not the text", name, x.Span, x.Text)
		}
	}
	for _, x := range d.Events {
		if x.Start < 0 || x.Start > x.End || x.End > len(d.Text) || d.Text[x.Start:x.End] != x.Text {
			t.Fatalf("%s: EVENT %v %q outside or not the text", name, x.Span, x.Text)
		}
	}
}

func TestMalformedPositions(t *testing.T) {
	for _, path := range testdataFiles(t) {
		src := readFile(t, path)
		step := 1
		if testing.Short() {
			step = 7
		}
		for n := 0; n <= len(src); n += step {
			checkParse(t, path+" prefix", src[:n])
			if n < len(src) {
				cut := append(append([]byte{}, src[:n]...), src[n+1:]...)
				checkParse(t, path+" one byte less", cut)
				dup := append(append([]byte{}, src[:n+1]...), src[n:]...)
				checkParse(t, path+" one byte doubled", dup)
			}
		}
	}
}
