package tempeval_test

import (
	"fmt"

	"github.com/eventline/eventline/timeline/tempeval"
)

func Example() {
	text := "Bombs exploded Friday, two days after the warning of August 5."
	gold := []tempeval.Timex{
		{Start: 15, End: 21, Text: "Friday", Type: "DATE", Value: "1998-08-07"},
		{Start: 23, End: 31, Text: "two days", Type: "DURATION", Value: "P2D"},
		{Start: 53, End: 61, Text: "August 5", Type: "DATE", Value: "1998-08-05"},
	}
	system := []tempeval.Timex{
		{Start: 15, End: 21, Text: "Friday", Type: "DATE", Value: "1998-08-07"},
		{Start: 27, End: 31, Text: "days", Type: "DURATION", Value: "P2D"},
		{Start: 53, End: 61, Text: "August 5", Type: "DATE", Value: "XXXX-08-05"},
	}
	var report tempeval.Report
	report.Add(tempeval.Score("bombs.tml", text, gold, system))
	fmt.Println(report.Total.Scores())
	for _, e := range report.Errors() {
		fmt.Println(e)
	}
	// Output:
	// strict P/R/F1 66.67/66.67/66.67  relaxed P/R/F1 100.00/100.00/100.00  value acc 66.67 F1 66.67  type acc 100.00 F1 100.00
	// extent   bombs.tml:1@23 gold "two days" system "days"  | Bombs exploded Friday, [two days] after the warning of August 5.
	// value    bombs.tml:1@53 "August 5" gold DATE 1998-08-05, system DATE XXXX-08-05  | …d Friday, two days after the warning of [August 5].
}
