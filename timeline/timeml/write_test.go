package timeml

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteRoundTrip(t *testing.T) {
	for _, f := range testdataFiles(t) {
		src := readFile(t, f)
		d, err := Parse(src)
		require.NoError(t, err, f)
		checkDoc(t, f, src, d) // writes d.Annotations() back and compares
	}
}

// find returns the span of the n-th (0-based) occurrence of s in text.
func find(t *testing.T, text, s string, n int) Span {
	t.Helper()
	off := 0
	for ; n >= 0; n-- {
		i := strings.Index(text[off:], s)
		require.GreaterOrEqual(t, i, 0, "%q not found", s)
		off += i
		if n > 0 {
			off++
		}
	}
	return Span{off, off + len(s)}
}

// rewrite writes anns into src and parses the result.
func rewrite(t *testing.T, src []byte, anns []Annotation) (string, *Doc, []Adjustment) {
	t.Helper()
	out, adj, err := Write(src, anns)
	require.NoError(t, err)
	d, err := Parse(out)
	require.NoError(t, err, "output does not parse:\n%s", out)
	return string(out), d, adj
}

func TestWriteReannotate(t *testing.T) {
	src := readFile(t, "testdata/news.tml")
	gold, err := Parse(src)
	require.NoError(t, err)
	text := gold.Text
	anns := []Annotation{
		{Span: find(t, text, "Thursday", 0), TID: "t1", Type: "DATE", Value: "1999-03-04"},
		{Span: find(t, text, "three months of", 0), TID: "t2", Type: "DURATION", Value: "P3M"},
		{Span: find(t, text, "Sunday", 0), TID: "t3", Type: "DATE", Value: "1999-03-07"},
		{Span: find(t, text, "the end of June", 0), TID: "t4", Type: "DATE", Value: "1999-06", Mod: "END"},
		{Span: find(t, text, "this morning", 0), TID: "t5", Type: "TIME", Value: "1999-03-04TMO", Attrs: Attrs{{"rule", `a"b<c>&d`}}},
	}
	out, d, adj := rewrite(t, src, anns)
	assert.Empty(t, adj)

	// Same raw text, same other elements, same bytes outside TEXT.
	assert.Equal(t, text, d.Text)
	assert.Equal(t, gold.Events, shiftEvents(gold.Events, d.Events))
	assert.Equal(t, len(gold.Signals), len(d.Signals))
	for i := range d.Signals {
		assert.Equal(t, gold.Signals[i].Span, d.Signals[i].Span)
	}
	assert.Equal(t, string(src[:gold.TextPos]), out[:d.TextPos])
	assert.True(t, strings.HasSuffix(out, string(src[strings.Index(string(src), "</TEXT>"):])))

	require.Len(t, d.Timexes, len(anns))
	for i, tx := range d.Timexes {
		assert.Equal(t, anns[i].Span, tx.Span)
		assert.Equal(t, anns[i].TID, tx.TID)
		assert.Equal(t, anns[i].Type, tx.Type)
		assert.Equal(t, anns[i].Value, tx.Value)
		assert.Equal(t, anns[i].Mod, tx.Mod)
	}
	// Unchanged annotations keep their tag as it was; others are written
	// fresh, attributes escaped.
	assert.Contains(t, out, `<TIMEX3 tid="t4" type="DATE" value="1999-06" mod="END">the end of June</TIMEX3>`)
	assert.Contains(t, out, `<TIMEX3 tid="t1" type="DATE" value="1999-03-04">Thursday</TIMEX3>`)
	assert.Contains(t, out, `<TIMEX3 tid="t2" type="DURATION" value="P3M">three months of</TIMEX3> <EVENT eid="e2"`)
	assert.Contains(t, out, `rule="a&quot;b&lt;c&gt;&amp;d"`)
	assert.Equal(t, `a"b<c>&d`, d.Timexes[4].Attrs.Get("rule"))
	assert.NotContains(t, out, "FUTURE_REF")
}

// shiftEvents returns got with the attributes of want, so that spans and
// texts are compared (Pos moves when tags are rewritten).
func shiftEvents(want, got []Event) []Event {
	out := make([]Event, len(got))
	for i := range got {
		out[i] = got[i]
		if i < len(want) {
			out[i].Pos = want[i].Pos
		}
	}
	return out
}

func TestWriteKeepsUnchangedTags(t *testing.T) {
	src := readFile(t, "testdata/news.tml")
	gold, err := Parse(src)
	require.NoError(t, err)
	anns := gold.Annotations()
	anns[1].Value = "P90D" // t2 rewritten in place, the others untouched
	out, d, adj := rewrite(t, src, anns)
	assert.Empty(t, adj)
	assert.Contains(t, out, `<TIMEX3 tid="t2" type="DURATION" value="P90D" temporalFunction="false" functionInDocument="NONE">three months</TIMEX3>`)
	assert.Equal(t, len(src)+1, len(out)) // "P3M" -> "P90D"
	assert.Equal(t, "P90D", d.Timexes[1].Value)
	assert.Equal(t, gold.Timexes[0].Pos, d.Timexes[0].Pos)

	// Order of the list does not matter.
	rev := gold.Annotations()
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	out2, _, _ := rewrite(t, src, rev)
	assert.Equal(t, string(src), out2)

	// No annotations: every TIMEX3 of TEXT goes, the DCT stays.
	out3, d3, _ := rewrite(t, src, nil)
	assert.Empty(t, d3.Timexes)
	assert.Equal(t, gold.Text, d3.Text)
	require.NotNil(t, d3.DCT)
	assert.Equal(t, 1, strings.Count(out3, "<TIMEX3"))
}

func TestWriteNesting(t *testing.T) {
	// "<EVENT>went</EVENT> on <EVENT>Monday</EVENT>" style layouts: where
	// a new tag meets kept ones.
	src := []byte(`<TimeML><TEXT>a <EVENT eid="e1">b c</EVENT><SIGNAL sid="s1">d</SIGNAL> e</TEXT></TimeML>`)
	d0, err := Parse(src)
	require.NoError(t, err)
	require.Equal(t, "a b cd e", d0.Text)
	tests := []struct {
		name string
		span Span
		want string // the TEXT content written
		adj  string
	}{
		{"same extent as EVENT goes inside", Span{2, 5},
			`a <EVENT eid="e1"><TIMEX3 tid="t1" type="DATE" value="X">b c</TIMEX3></EVENT><SIGNAL sid="s1">d</SIGNAL> e`, ""},
		{"contains EVENT and SIGNAL", Span{2, 6},
			`a <TIMEX3 tid="t1" type="DATE" value="X"><EVENT eid="e1">b c</EVENT><SIGNAL sid="s1">d</SIGNAL></TIMEX3> e`, ""},
		{"contains EVENT, ends where it ends", Span{0, 5},
			`<TIMEX3 tid="t1" type="DATE" value="X">a <EVENT eid="e1">b c</EVENT></TIMEX3><SIGNAL sid="s1">d</SIGNAL> e`, ""},
		{"starts at EVENT, contains it", Span{2, 8},
			`a <TIMEX3 tid="t1" type="DATE" value="X"><EVENT eid="e1">b c</EVENT><SIGNAL sid="s1">d</SIGNAL> e</TIMEX3>`, ""},
		{"inside EVENT", Span{4, 5},
			`a <EVENT eid="e1">b <TIMEX3 tid="t1" type="DATE" value="X">c</TIMEX3></EVENT><SIGNAL sid="s1">d</SIGNAL> e`, ""},
		{"after EVENT, before SIGNAL", Span{5, 5},
			`a <EVENT eid="e1">b c</EVENT><TIMEX3 tid="t1" type="DATE" value="X"/><SIGNAL sid="s1">d</SIGNAL> e`, ""},
		{"crosses EVENT start: clipped", Span{0, 3},
			`<TIMEX3 tid="t1" type="DATE" value="X">a </TIMEX3><EVENT eid="e1">b c</EVENT><SIGNAL sid="s1">d</SIGNAL> e`,
			"annotation 0 [0,3) written as [0,2): crosses <EVENT> at 1:17"},
		{"crosses EVENT end: clipped", Span{4, 8},
			`a <EVENT eid="e1">b c</EVENT><TIMEX3 tid="t1" type="DATE" value="X"><SIGNAL sid="s1">d</SIGNAL> e</TIMEX3>`,
			"annotation 0 [4,8) written as [5,8): crosses <EVENT> at 1:17"},
		{"crosses EVENT end: clipped to the SIGNAL's extent", Span{4, 6},
			`a <EVENT eid="e1">b c</EVENT><SIGNAL sid="s1"><TIMEX3 tid="t1" type="DATE" value="X">d</TIMEX3></SIGNAL> e`,
			"annotation 0 [4,6) written as [5,6): crosses <EVENT> at 1:17"},
		{"out of range: skipped", Span{3, 99},
			`a <EVENT eid="e1">b c</EVENT><SIGNAL sid="s1">d</SIGNAL> e`,
			"annotation 0 [3,99) skipped: outside the raw text [0,8)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, d, adj := rewrite(t, src, []Annotation{{Span: tc.span, TID: "t1", Type: "DATE", Value: "X"}})
			assert.Equal(t, "<TimeML><TEXT>"+tc.want+"</TEXT></TimeML>", out)
			assert.Equal(t, d0.Text, d.Text)
			if tc.adj == "" {
				assert.Empty(t, adj)
			} else {
				require.Len(t, adj, 1)
				assert.Equal(t, tc.adj, adj[0].String())
			}
		})
	}
}

func TestWriteOverlappingAnnotations(t *testing.T) {
	src := []byte("<TimeML><TEXT>from May 3 to May 9, 1999 &amp; later</TEXT></TimeML>")
	a := func(s, e int, tid string) Annotation {
		return Annotation{Span: Span{s, e}, TID: tid, Type: "DATE", Value: "V"}
	}
	// raw: "from May 3 to May 9, 1999 & later"
	//       0123456789012345678901234567890123
	out, d, adj := rewrite(t, src, []Annotation{
		a(5, 10, "t1"),  // May 3
		a(14, 25, "t2"), // May 9, 1999
		a(19, 25, "t3"), // inside t2: skipped
		a(8, 16, "t4"),  // crosses t1: clipped to [10,16), so t2 is clipped to [16,25)
		a(26, 27, "t5"), // "&", the reference
		a(28, 30, "t6"), // "la": fine
		a(29, 33, "t7"), // crosses t6: clipped to [30,33)
	})
	assert.Equal(t, "from May 3 to May 9, 1999 & later", d.Text)
	assert.Equal(t, `<TimeML><TEXT>from <TIMEX3 tid="t1" type="DATE" value="V">May 3</TIMEX3><TIMEX3 tid="t4" type="DATE" value="V"> to Ma</TIMEX3><TIMEX3 tid="t2" type="DATE" value="V">y 9, 1999</TIMEX3> <TIMEX3 tid="t5" type="DATE" value="V">&amp;</TIMEX3> <TIMEX3 tid="t6" type="DATE" value="V">la</TIMEX3><TIMEX3 tid="t7" type="DATE" value="V">ter</TIMEX3></TEXT></TimeML>`, out)
	var got []string
	for _, x := range adj {
		got = append(got, x.String())
	}
	assert.ElementsMatch(t, []string{
		"annotation 3 [8,16) written as [10,16): crosses annotation 0",
		"annotation 1 [14,25) written as [16,25): crosses annotation 3",
		"annotation 2 [19,25) skipped: inside annotation 1",
		"annotation 6 [29,33) written as [30,33): crosses annotation 5",
	}, got)
}

func TestWriteSnapsToReferences(t *testing.T) {
	src := []byte("<TimeML><TEXT>caf&#xE9; at <![CDATA[noon]]></TEXT></TimeML>")
	// raw "café at noon": é is two bytes, [3,5); CDATA is [9,13)
	out, d, adj := rewrite(t, src, []Annotation{
		{Span: Span{0, 4}, TID: "t1"},
		{Span: Span{10, 12}, TID: "t2"},
	})
	assert.Equal(t, "café at noon", d.Text)
	assert.Equal(t, `<TimeML><TEXT><TIMEX3 tid="t1" type="" value="">caf&#xE9;</TIMEX3> at <TIMEX3 tid="t2" type="" value=""><![CDATA[noon]]></TIMEX3></TEXT></TimeML>`, out)
	require.Len(t, adj, 2)
	assert.Equal(t, Span{0, 5}, adj[0].To)
	assert.Equal(t, Span{9, 13}, adj[1].To)
}

func TestWriteTE3Input(t *testing.T) {
	src := readFile(t, "testdata/plain.tml.TE3input")
	in, err := Parse(src)
	require.NoError(t, err)
	anns := []Annotation{
		{Span: find(t, in.Text, "next Tuesday", 0), TID: "t1", Type: "DATE", Value: "2001-09-18"},
		{Span: find(t, in.Text, "two weeks", 0), TID: "t2", Type: "DURATION", Value: "P2W"},
		{Span: find(t, in.Text, "last year", 0), TID: "t3", Type: "DATE", Value: "2000"},
		{Span: find(t, in.Text, "2002", 0), TID: "t4", Type: "DATE", Value: "2002"},
	}
	out, d, adj := rewrite(t, src, anns)
	assert.Empty(t, adj)
	assert.Equal(t, in.Text, d.Text)
	require.Len(t, d.Timexes, 4)
	assert.Contains(t, out, `rose 4% <TIMEX3 tid="t3" type="DATE" value="2000">last year</TIMEX3> &amp; is`)
	checkDoc(t, "written", []byte(out), d)
}

func TestWriteErrors(t *testing.T) {
	_, _, err := Write([]byte("<TimeML><TEXT>x"), nil)
	require.Error(t, err)
	_, adj, err := Write([]byte("<TimeML><TEXT/></TimeML>"), []Annotation{{Span: Span{0, 0}}})
	require.NoError(t, err)
	require.Len(t, adj, 1)
	assert.True(t, adj[0].Skipped)
}

// TestWriteRandom writes random annotations into the test documents and
// checks the output: it parses, the raw text and the other elements are
// unchanged, and the TIMEX3 are exactly the annotations as adjusted.
func TestWriteRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, f := range testdataFiles(t) {
		src := readFile(t, f)
		gold, err := Parse(src)
		require.NoError(t, err)
		n := len(gold.Text)
		for round := range 300 {
			var anns []Annotation
			for k := range rng.IntN(8) {
				s := rng.IntN(n + 1)
				e := s + rng.IntN(min(20, n-s)+1)
				anns = append(anns, Annotation{Span: Span{s, e}, TID: fmt.Sprint("t", k), Type: "DATE", Value: fmt.Sprint(k)})
			}
			out, adj, err := Write(src, anns)
			require.NoError(t, err)
			d, err := Parse(out)
			require.NoError(t, err, "%s round %d: %v\n%s", f, round, anns, out)
			require.Equal(t, gold.Text, d.Text)
			require.Equal(t, len(gold.Events), len(d.Events))
			for i := range d.Events {
				require.Equal(t, gold.Events[i].Span, d.Events[i].Span)
			}
			want := map[string]Span{}
			for i, a := range anns {
				want[a.Value] = a.Span
				_ = i
			}
			for _, x := range adj {
				if x.Skipped {
					delete(want, anns[x.Index].Value)
				} else {
					want[anns[x.Index].Value] = x.To
				}
			}
			got := map[string]Span{}
			for _, tx := range d.Timexes {
				got[tx.Value] = tx.Span
			}
			require.Equal(t, want, got, "%s round %d", f, round)
			for i := 1; i < len(d.Timexes); i++ {
				require.LessOrEqual(t, d.Timexes[i-1].End, d.Timexes[i].Start, "TIMEX3 nest or cross")
			}
		}
	}
}

func TestWriteEmptyElements(t *testing.T) {
	// Elements with an empty extent among the tags where a new one goes.
	const T = `<TIMEX3 tid="t1" type="DATE" value="X"`
	tests := []struct {
		name, src string
		span      Span
		want      string
	}{
		{"close before an empty element", `<EVENT>ab</EVENT><SIGNAL></SIGNAL><EVENT>cd</EVENT>`, Span{0, 2},
			`<EVENT>` + T + `>ab</TIMEX3></EVENT><SIGNAL></SIGNAL><EVENT>cd</EVENT>`},
		{"open after an empty element", `<EVENT>ab</EVENT><SIGNAL></SIGNAL><EVENT>cd</EVENT>`, Span{2, 4},
			`<EVENT>ab</EVENT><SIGNAL></SIGNAL><EVENT>` + T + `>cd</TIMEX3></EVENT>`},
		{"around an empty element", `<EVENT>ab</EVENT><SIGNAL></SIGNAL><EVENT>cd</EVENT>`, Span{0, 4},
			T + `><EVENT>ab</EVENT><SIGNAL></SIGNAL><EVENT>cd</EVENT></TIMEX3>`},
		{"empty annotation", `<EVENT>ab</EVENT><SIGNAL></SIGNAL><EVENT>cd</EVENT>`, Span{2, 2},
			`<EVENT>ab</EVENT>` + T + `/><SIGNAL></SIGNAL><EVENT>cd</EVENT>`},
		{"containers around an empty element", `q<A><Z></Z><B>yy</B></A>`, Span{1, 2},
			`q<A><Z></Z><B>` + T + `>y</TIMEX3>y</B></A>`},
		{"same extent as the element after an empty one", `q<A><Z/><B>yy</B>z</A>`, Span{1, 3},
			`q<A><Z/><B>` + T + `>yy</TIMEX3></B>z</A>`},
		{"containing the element after an empty one", `q<A><Z/><B>yy</B>z</A>`, Span{1, 4},
			`q<A>` + T + `><Z/><B>yy</B>z</TIMEX3></A>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := "<TimeML><TEXT>" + tc.src + "</TEXT></TimeML>"
			out, _, adj := rewrite(t, []byte(src), []Annotation{{Span: tc.span, TID: "t1", Type: "DATE", Value: "X"}})
			assert.Empty(t, adj)
			assert.Equal(t, "<TimeML><TEXT>"+tc.want+"</TEXT></TimeML>", out)
		})
	}
}

// TestWriteBesideEmptyTimex: a kept TIMEX3 with an empty extent stays out
// of a new TIMEX3 that opens or closes where it is (found by FuzzWrite).
func TestWriteBesideEmptyTimex(t *testing.T) {
	const kept = `<TIMEX3 tid="t1" type="DATE" value="X"></TIMEX3>`
	const T2 = `<TIMEX3 tid="t2" type="DATE" value="Y"`
	for _, tc := range []struct {
		name, src   string
		empty, span Span
		want        string
	}{
		{"opens there", kept + "abcd", Span{0, 0}, Span{0, 2}, kept + T2 + `>ab</TIMEX3>cd`},
		{"closes there", "ab" + kept + "cd", Span{2, 2}, Span{0, 2}, T2 + `>ab</TIMEX3>` + kept + `cd`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "<TimeML><TEXT>" + tc.src + "</TEXT></TimeML>"
			out, _, adj := rewrite(t, []byte(src), []Annotation{
				{Span: tc.empty, TID: "t1", Type: "DATE", Value: "X"},
				{Span: tc.span, TID: "t2", Type: "DATE", Value: "Y"},
			})
			assert.Empty(t, adj)
			assert.Equal(t, "<TimeML><TEXT>"+tc.want+"</TEXT></TimeML>", out)
		})
	}
}

// TestDocWrite: a parsed Doc writes what Write writes from its source; a
// Doc built by hand has no source to write.
func TestDocWrite(t *testing.T) {
	src := []byte("<TimeML><TEXT>He left on <EVENT eid=\"e1\">Monday</EVENT> and came back in 1998.</TEXT></TimeML>")
	d, err := Parse(src)
	require.NoError(t, err)
	anns := []Annotation{
		{Span: Span{11, 17}, TID: "t1", Type: "DATE", Value: "XXXX-WXX-1"},
		{Span: Span{35, 39}, TID: "t2", Type: "DATE", Value: "1998"},
	}
	want, wantAdj, err := Write(src, anns)
	require.NoError(t, err)
	got, adj, err := d.Write(anns)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
	assert.Equal(t, wantAdj, adj)
	assert.Contains(t, string(got), `<TIMEX3 tid="t2" type="DATE" value="1998">1998</TIMEX3>`)

	_, _, err = (&Doc{Text: "x"}).Write(anns)
	assert.Error(t, err)
}

// TestAppendWrite: AppendWrite appends what Write gives, to a new slice,
// to one with bytes in it, and to the reused output of another document.
func TestAppendWrite(t *testing.T) {
	var reused []byte
	for _, f := range testdataFiles(t) {
		src := readFile(t, f)
		d, err := Parse(src)
		require.NoError(t, err)
		anns := someAnnotations(d)
		want, wantAdj, err := d.Write(anns)
		require.NoError(t, err)
		got, adj, err := d.AppendWrite(nil, anns)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), f)
		assert.Equal(t, wantAdj, adj, f)
		got, _, err = d.AppendWrite([]byte("prefix"), anns)
		require.NoError(t, err)
		assert.Equal(t, "prefix"+string(want), string(got), f)
		reused, _, err = d.AppendWrite(reused[:0], anns)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(reused), f)
	}
	_, _, err := (&Doc{}).AppendWrite(nil, nil)
	assert.Error(t, err)
}
