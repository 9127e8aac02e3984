package timeml

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadNews(t *testing.T) {
	src := readFile(t, "testdata/news.tml")
	d, err := Read(bytes.NewReader(src))
	require.NoError(t, err)
	checkDoc(t, "news", src, d)

	assert.Equal(t, "TEST19990304.0001", d.ID)
	require.NotNil(t, d.DCT)
	assert.Equal(t, "t0", d.DCT.TID)
	assert.Equal(t, "1999-03-04", d.DCT.Value)
	assert.Equal(t, "DATE", d.DCT.Type)
	assert.Equal(t, "March 4, 1999", d.DCT.Text)
	assert.Equal(t, Span{}, d.DCT.Span)
	assert.Equal(t, `<TIMEX3 tid="t0"`, string(src[d.DCT.Pos:d.DCT.Pos+16]))

	assert.True(t, strings.HasPrefix(d.Text, "\nPORTVILLE (XX) _ The harbour bridge reopened Thursday after three months of repairs, the Smith & Jones company said.\n\n"), d.Text)
	assert.True(t, strings.HasSuffix(d.Text, "the mayor said this morning.\n"))
	assert.Equal(t, "<TEXT>", string(src[d.TextPos-6:d.TextPos]))

	var got []string
	for _, tx := range d.Timexes {
		got = append(got, tx.TID+"|"+tx.Type+"|"+tx.Value+"|"+tx.Mod+"|"+tx.Text)
	}
	assert.Equal(t, []string{
		"t1|DATE|1999-03-04||Thursday",
		"t2|DURATION|P3M||three months",
		"t3|SET|XXXX-WXX-7||every Sunday",
		"t4|DATE|1999-06|END|the end of June",
		"t5|DATE|FUTURE_REF||later",
		"t6|TIME|1999-03-04TMO||this morning",
	}, got)
	assert.Equal(t, "t0", d.Timexes[0].Attrs.Get("anchorTimeID"))
	assert.Equal(t, "EVERY", d.Timexes[2].Attrs.Get("quant"))
	assert.Equal(t, "tid", d.Timexes[0].Attrs[0].Name)
	assert.Len(t, d.Timexes[0].Attrs, 6)

	require.Len(t, d.Events, 7)
	assert.Equal(t, "e1", d.Events[0].EID)
	assert.Equal(t, "OCCURRENCE", d.Events[0].Class)
	assert.Equal(t, "reopened", d.Events[0].Text)
	assert.Equal(t, "said", d.Events[2].Text)
	require.Len(t, d.Signals, 2)
	assert.Equal(t, "after", d.Signals[0].Text)
	assert.Equal(t, "s1", d.Signals[0].Attrs.Get("sid"))
	assert.Empty(t, d.Other)
	require.Len(t, d.Instances, 2)
	assert.Equal(t, "ei2", d.Instances[1].Attrs.Get("eiid"))
	require.Len(t, d.Links, 2)
	assert.Equal(t, "TLINK", d.Links[0].Name)
	assert.Equal(t, "IS_INCLUDED", d.Links[0].Attrs.Get("relType"))
}

func TestReadNarrative(t *testing.T) {
	// WikiWars layout: attributes in another order, no temporalFunction
	// on the TEXT timexes, CRLF outside TEXT, UTF-8 text.
	src := readFile(t, "testdata/narrative.tml")
	d, err := Parse(src)
	require.NoError(t, err)
	checkDoc(t, "narrative", src, d)
	require.NotNil(t, d.DCT)
	assert.Equal(t, "2010-05-01", d.DCT.Value)
	assert.Equal(t, "CREATION_TIME", d.DCT.Attrs.Get("functionInDocument"))
	assert.Equal(t, "99_Test", d.ID)
	require.Len(t, d.Timexes, 4)
	assert.Equal(t, "2 April 1820", d.Timexes[0].Text)
	assert.Equal(t, "1821", d.Timexes[3].Text)
	assert.Equal(t, "1821", d.Timexes[3].Value)
	assert.Contains(t, d.Text, "Zürich")
	assert.NotContains(t, d.Text, "\r")
}

func TestReadTE3Input(t *testing.T) {
	src := readFile(t, "testdata/plain.tml.TE3input")
	d, err := Parse(src)
	require.NoError(t, err)
	checkDoc(t, "te3input", src, d)
	require.NotNil(t, d.DCT)
	assert.Equal(t, "2001-09-11", d.DCT.Value)
	assert.Equal(t, "09/11/2001", d.DCT.Text)
	assert.Empty(t, d.Timexes)
	assert.Empty(t, d.Events)
	assert.Equal(t, "\nThe council will vote on the budget next Tuesday, two weeks after the\nfirst reading. Spending rose 4% last year & is expected to rise again in 2002.\n", d.Text)
}

func TestReadOddities(t *testing.T) {
	src := readFile(t, "testdata/odd.tml")
	d, err := Parse(src)
	require.NoError(t, err)
	checkDoc(t, "odd", src, d)

	assert.Equal(t, "Yesterday's résumé <draft> tomorrow 5 < 6 & and this week &foo; R&D.", d.Text)
	require.NotNil(t, d.DCT)
	assert.Equal(t, "20 Nov. 2005 – 09:30", d.DCT.Text)
	assert.Equal(t, "TIME", d.DCT.Type)
	require.Len(t, d.Timexes, 4)
	// A TIMEX3 inside an EVENT with the same extent.
	assert.Equal(t, Span{0, 9}, d.Timexes[0].Span)
	assert.Equal(t, Span{0, 9}, d.Events[0].Span)
	// An empty-element TIMEX3 has an empty span where it stands.
	assert.Equal(t, "t2", d.Timexes[1].TID)
	assert.Equal(t, 0, d.Timexes[1].Len())
	assert.Equal(t, "Yesterday's résumé <draft> ", d.Text[:d.Timexes[1].Start])
	assert.Equal(t, "t3", d.Timexes[1].Attrs.Get("beginPoint"))
	// Spaces around '=' and a tab between attributes.
	assert.Equal(t, "2005-11-21", d.Timexes[2].Value)
	// References in attribute values are decoded.
	assert.Equal(t, `a "week" & more`, d.Timexes[3].Attrs.Get("comment"))
	require.Len(t, d.Signals, 1)
	assert.Equal(t, 0, d.Signals[0].Len())
}

func TestReadErrors(t *testing.T) {
	head := "<TimeML>\n<TEXT>\n"
	deep := head + strings.Repeat("<X>", 10000) + "deep" + strings.Repeat("</X>", 10000) + "</TEXT></TimeML>"
	tests := []struct {
		name      string
		in        string
		line, col int
		msg       string
	}{
		{"empty", "", 1, 1, "no <TEXT> element"},
		{"no TEXT", "<TimeML><DCT>x</DCT></TimeML>\n", 2, 1, "no <TEXT> element"},
		{"truncated in text", head + "Some text <EVENT eid=\"e1\">went", 3, 11, "unclosed <EVENT>"},
		{"truncated in tag", head + "Some <TIMEX3 tid=\"t1\" ty", 3, 6, "unterminated start tag <TIMEX3"},
		{"truncated in value", head + "Some <TIMEX3 tid=\"t1", 3, 14, "unterminated value of attribute tid"},
		{"truncated end tag", head + "x</TEX", 3, 2, "unterminated end tag </TEX"},
		{"unclosed TEXT", head + "text\n</TimeML>", 4, 1, "</TimeML> does not match <TEXT> opened at 2:1"},
		{"mismatch", head + "a <EVENT>b</TIMEX3>", 3, 11, "</TIMEX3> does not match <EVENT> opened at 3:3"},
		{"stray end", "</TEXT>", 1, 1, "unexpected </TEXT>"},
		{"nested TEXT", head + "one <TEXT>two</TEXT></TEXT></TimeML>", 3, 5, "<TEXT> inside the <TEXT> opened at 2:1"},
		{"second TEXT", "<TimeML><TEXT>a</TEXT>\n<TEXT>b</TEXT></TimeML>", 2, 1, "second <TEXT> element (the first is at 1:9)"},
		{"deep", deep, 3, 1 + 3*(MaxDepth-2), "nested deeper than 256"},
		{"bare lt", head + "5 < 6", 3, 3, "'<' not followed by a tag name"},
		{"missing quote", head + "<TIMEX3 tid=\"t1>x</TIMEX3 tid=\"t2\">", 3, 18, "'<' in value of attribute tid"},
		{"unquoted", head + "<TIMEX3 tid=t1>", 3, 13, "not quoted"},
		{"no value", head + "<TIMEX3 tid>", 3, 9, "attribute tid of <TIMEX3> has no value"},
		{"duplicate attr", head + "<TIMEX3 tid=\"1\" tid=\"2\">", 3, 17, "duplicate attribute tid"},
		{"no space", head + "<TIMEX3 a=\"1\"b=\"2\">", 3, 14, "expected a space"},
		{"bad slash", head + "<X /a>", 3, 4, "expected '>' after '/'"},
		{"comment", head + "<!-- never closed", 3, 1, "unterminated comment"},
		{"cdata", head + "<![CDATA[ never", 3, 1, "unterminated CDATA"},
		{"pi", "<?xml version", 1, 1, "unterminated processing instruction"},
		{"decl", "<!DOCTYPE x [ <!ENTITY a 'b'> ", 1, 1, "unterminated declaration"},
		{"bad end tag", head + "</TEXT x>", 3, 8, "unexpected 'x' in end tag"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			d, err := Parse([]byte(tc.in))
			require.Error(t, err)
			assert.Nil(t, d)
			var se *SyntaxError
			require.True(t, errors.As(err, &se), "%T", err)
			assert.Contains(t, se.Msg, tc.msg)
			assert.Equal(t, tc.line, se.Line, "line")
			assert.Equal(t, tc.col, se.Col, "col")
			l, c := lineCol([]byte(tc.in), se.Offset)
			assert.Equal(t, [2]int{tc.line, tc.col}, [2]int{l, c}, "offset agrees with line:col")
			assert.Contains(t, err.Error(), "timeml: ")
			assert.Less(t, time.Since(start), 2*time.Second)
		})
	}
}

func TestReadDepthLimit(t *testing.T) {
	ok := "<TimeML><TEXT>" + strings.Repeat("<X>", MaxDepth-2) + "x" + strings.Repeat("</X>", MaxDepth-2) + "</TEXT></TimeML>"
	d, err := Parse([]byte(ok))
	require.NoError(t, err)
	assert.Equal(t, "x", d.Text)
	assert.Len(t, d.Other, MaxDepth-2)
}

func TestReadLenient(t *testing.T) {
	// Text outside the root, no root at all, a BOM, references that are not
	// references.
	d, err := Parse([]byte("\xef\xbb\xbfjunk<TEXT>a &b; &#0; &#xZZ; &amp &lt;</TEXT>tail"))
	require.NoError(t, err)
	assert.Equal(t, "a &b; &#0; &#xZZ; &amp <", d.Text)
	assert.Nil(t, d.DCT)

	// A creation time outside any DCT element.
	d, err = Parse([]byte(`<TimeML><TIMEX3 tid="t9" value="2000" functionInDocument="CREATION_TIME">2000</TIMEX3><TEXT/></TimeML>`))
	require.NoError(t, err)
	require.NotNil(t, d.DCT)
	assert.Equal(t, "t9", d.DCT.TID)
	assert.Equal(t, "", d.Text)
}
