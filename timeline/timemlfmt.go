package timeline

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/eventline/eventline/timeline/timeml"
)

func init() { writers["timeml"] = WriteTimeML }

// WriteTimeML writes the chronology as one TimeML 1.2 document: its TEXT
// holds the sentence of every event, one per line in chronological order,
// with the event's date tagged as a TIMEX3 (tid t1, t2…, type, value and
// mod as normalized). The DCT is the document's when the timeline has one
// document, and absent for a merged corpus. Other expressions and the
// sources are not written: use json or jsonl for them.
func WriteTimeML(w io.Writer, tl *Timeline) error {
	var raw strings.Builder
	var anns []timeml.Annotation
	for i := range tl.Events {
		e := &tl.Events[i]
		s := strings.Map(func(r rune) rune {
			if r == '\n' || r == '\r' || r == '\t' {
				return ' '
			}
			return r
		}, e.Sentence.Text)
		off := raw.Len()
		raw.WriteString(s)
		raw.WriteByte('\n')
		ds, de := e.Date.Start-e.Sentence.Start, e.Date.End-e.Sentence.Start
		if ds < 0 || de > len(s) || ds >= de {
			continue
		}
		anns = append(anns, timeml.Annotation{
			Span: timeml.Span{Start: off + ds, End: off + de},
			TID:  fmt.Sprintf("t%d", len(anns)+1), Type: string(e.Date.Type), Value: e.Date.Value, Mod: e.Date.Mod,
		})
	}
	var src strings.Builder
	src.WriteString("<?xml version=\"1.0\" ?>\n<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n")
	docID := fmt.Sprintf("chronology of %d documents", len(tl.Documents))
	if len(tl.Documents) == 1 && tl.Documents[0].ID != "" {
		docID = tl.Documents[0].ID
	}
	fmt.Fprintf(&src, "<DOCID>%s</DOCID>\n\n", html.EscapeString(docID))
	if len(tl.Documents) == 1 && tl.Documents[0].DCT.Value != "" {
		d := tl.Documents[0].DCT
		fmt.Fprintf(&src, "<DCT><TIMEX3 tid=\"t0\" type=\"%s\" value=\"%s\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">%s</TIMEX3></DCT>\n\n",
			html.EscapeString(string(d.Type)), html.EscapeString(d.Value), html.EscapeString(d.Value))
	}
	src.WriteString("<TEXT>\n")
	src.WriteString(html.EscapeString(raw.String()))
	src.WriteString("</TEXT>\n\n</TimeML>\n")
	// raw offsets are relative to TEXT's content, which starts with "\n"
	for i := range anns {
		anns[i].Start++
		anns[i].End++
	}
	out, _, err := timeml.Write([]byte(src.String()), anns)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}
