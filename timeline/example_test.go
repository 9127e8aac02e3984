package timeline_test

import (
	"context"
	"fmt"

	"github.com/eventline/eventline/timeline"
)

func Example() {
	text := "Updated 20:07, 19-Sep-2023\n\n" +
		"Azerbaijan launched an offensive on Tuesday. " +
		"A ceasefire had been agreed on November 9, 2020.\n"
	x, err := timeline.New()
	if err != nil {
		panic(err)
	}
	tl, err := x.Extract(context.Background(), timeline.Document{Text: text})
	if err != nil {
		panic(err)
	}
	fmt.Println("DCT", tl.Documents[0].DCT.Value)
	for _, e := range tl.Events {
		fmt.Printf("%s %-5s [%d:%d] %q\n", e.Date.Value, e.Date.Granularity, e.Date.Start, e.Date.End, e.Date.Text)
	}
	// Output:
	// DCT 2023-09-19T20:07
	// 2020-11-09 day   [104:120] "November 9, 2020"
	// 2023-09-19 day   [64:71] "Tuesday"
}

func ExampleExtractor_ParseDateline() {
	x, _ := timeline.New()
	d, ok := x.ParseDateline("MOSCOW, Sept 19 (Reuters) - Russia said on Tuesday...")
	fmt.Println(ok, d.Value, d.Text)
	// Output: true XXXX-09-19 Sept 19
}
