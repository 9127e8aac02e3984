// Command timeline prints the chronology of news articles.
//
//	go run ./examples/timeline [-dct 2023-09-19T20:07] [-format text|json|plover|acled] [-mode auto|news|narrative] FILE...
//
// With no FILE it reads standard input.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/eventline/eventline/timeline"
)

func main() {
	if err := run(os.Args[1:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "timeline:", err)
		os.Exit(1)
	}
}

func run(args []string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("timeline", flag.ContinueOnError)
	dctFlag := fs.String("dct", "", "document creation time, `2023-09-19T20:07` or a date alone; overrides the dateline")
	format := fs.String("format", "text", "output format: "+strings.Join(timeline.Formats(), ", "))
	modeFlag := fs.String("mode", "auto", "anchoring of relative dates: auto, news or narrative")
	if err := fs.Parse(args); err != nil {
		return err
	}
	var opts []timeline.Option
	switch *modeFlag {
	case "auto":
	case "news":
		opts = append(opts, timeline.WithMode(timeline.News))
	case "narrative", "history":
		opts = append(opts, timeline.WithMode(timeline.History))
	default:
		return fmt.Errorf("unknown -mode %q", *modeFlag)
	}
	dct, gran, err := parseDCT(*dctFlag)
	if err != nil {
		return err
	}
	x, err := timeline.New(opts...)
	if err != nil {
		return err
	}
	var docs []timeline.Document
	if fs.NArg() == 0 {
		b, err := io.ReadAll(stdin)
		if err != nil {
			return err
		}
		docs = append(docs, timeline.Document{ID: "stdin", Text: string(b), DCT: dct, DCTGranularity: gran})
	}
	for _, name := range fs.Args() {
		b, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		docs = append(docs, timeline.Document{ID: filepath.Base(name), Source: name, Text: string(b), DCT: dct, DCTGranularity: gran})
	}
	tl, err := x.ExtractAll(context.Background(), docs)
	if err != nil {
		return err
	}
	return timeline.Write(stdout, tl, *format)
}

// parseDCT reads the -dct flag: a date and time, or a date alone.
func parseDCT(s string) (time.Time, timeline.Granularity, error) {
	if s == "" {
		return time.Time{}, timeline.Unknown, nil
	}
	layouts := []struct {
		layout string
		g      timeline.Granularity
	}{
		{time.RFC3339, timeline.Second},
		{"2006-01-02T15:04:05", timeline.Second},
		{"2006-01-02T15:04", timeline.Minute},
		{"2006-01-02 15:04", timeline.Minute},
		{"2006-01-02", timeline.Day},
	}
	for _, l := range layouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t, l.g, nil
		}
	}
	return time.Time{}, 0, fmt.Errorf("cannot read -dct %q: use 2023-09-19T20:07 or 2023-09-19", s)
}
