package timeml_test

import (
	"bytes"
	"fmt"
	"log"
	"strings"

	"github.com/eventline/eventline/timeline/timeml"
)

func Example() {
	src := []byte(`<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">08/07/1998</TIMEX3></DCT>
<TEXT>Talks <EVENT eid="e1" class="OCCURRENCE">resumed</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> in Smith &amp; Co's office.</TEXT>
</TimeML>`)
	doc, err := timeml.Parse(src)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("DCT %s, text %q\n", doc.DCT.Value, doc.Text)
	for _, t := range doc.Timexes {
		fmt.Printf("%s %s %s %q at [%d,%d)\n", t.TID, t.Type, t.Value, t.Text, t.Start, t.End)
	}

	// Re-annotate: a new value for "Friday" and a TIMEX3 for "office"
	// (not a date, but it shows the insertion).
	off := strings.Index(doc.Text, "office")
	anns := []timeml.Annotation{
		{Span: doc.Timexes[0].Span, TID: "t1", Type: "DATE", Value: "XXXX-WXX-5"},
		{Span: timeml.Span{Start: off, End: off + len("office")}, TID: "t2", Type: "DATE", Value: "X"},
	}
	out, adj, err := timeml.Write(src, anns)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(adj), "adjustments")
	fmt.Println(string(out[bytes.Index(out, []byte("<TEXT>")):]))
	// Output:
	// DCT 1998-08-07, text "Talks resumed Friday in Smith & Co's office."
	// t1 DATE 1998-08-07 "Friday" at [14,20)
	// 0 adjustments
	// <TEXT>Talks <EVENT eid="e1" class="OCCURRENCE">resumed</EVENT> <TIMEX3 tid="t1" type="DATE" value="XXXX-WXX-5">Friday</TIMEX3> in Smith &amp; Co's <TIMEX3 tid="t2" type="DATE" value="X">office</TIMEX3>.</TEXT>
	// </TimeML>
}
