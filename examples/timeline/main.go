// Command timeline prints the chronology of news articles: of one article,
// or of a whole corpus merged into one timeline in which an event reported
// by several sources appears once with all of them.
//
//	go run ./examples/timeline [flags] [FILE|DIR|-]...
//
// Inputs are files, directories (read recursively) and "-" for standard
// input; with none it reads standard input. Files named *.jsonl or
// *.ndjson, and standard input starting with '{', are JSON Lines of
// articles {"id","url","title","published","text"}; other files are one
// plain-text document each. See package timeline/input.
//
// Flags:
//
//	-format F     text (default), json, jsonl, csv, html, timeml, plover, acled
//	-dct T        creation time of documents without one: 2023-09-19T20:07 or 2023-09-19
//	-mode M       auto, news or narrative
//	-workers N    extraction workers (default: one per core)
//	-merge=false  keep every document's events apart instead of merging them
//	-input F      auto, text or jsonl: how to read inputs
//	-o FILE       write there instead of standard output
//	-progress P   auto (a bar when stderr is a terminal), always or never
//	-similarity X, -conflict-similarity Y   merge thresholds (token Jaccard)
//
// Documents are read, extracted by a pool of workers and merged as they
// come, through bounded queues: memory holds the merged event index, not
// the texts. The output depends only on the set of documents, not on their
// order or on -workers. A single document is printed as extracted, with
// its expressions and diagnostics.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/term"

	"github.com/eventline/eventline/timeline"
	"github.com/eventline/eventline/timeline/input"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "timeline:", err)
		os.Exit(1)
	}
}

type config struct {
	format, mode, dct, inputFormat, out, progress string
	workers                                       int
	merge                                         bool
	similarity, conflictSimilarity                float64
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("timeline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.StringVar(&c.dct, "dct", "", "document creation time, `2023-09-19T20:07` or a date alone, for documents without a published date; overrides the dateline")
	fs.StringVar(&c.format, "format", "text", "output format: "+strings.Join(timeline.Formats(), ", "))
	fs.StringVar(&c.mode, "mode", "auto", "anchoring of relative dates: auto, news or narrative")
	fs.IntVar(&c.workers, "workers", runtime.NumCPU(), "number of extraction workers")
	fs.BoolVar(&c.merge, "merge", true, "merge the events of many documents into one timeline (false: keep each document's events)")
	fs.StringVar(&c.inputFormat, "input", "auto", "how to read inputs: auto, text or jsonl")
	fs.StringVar(&c.out, "o", "", "write the output to `FILE` instead of standard output")
	fs.StringVar(&c.progress, "progress", "auto", "progress bar on stderr: auto (when stderr is a terminal), always or never")
	fs.Float64Var(&c.similarity, "similarity", timeline.DefaultMergeSimilarity, "least token Jaccard for mentions with compatible dates to be one event")
	fs.Float64Var(&c.conflictSimilarity, "conflict-similarity", timeline.DefaultConflictSimilarity, "least token Jaccard for mentions with disjoint dates to be flagged as conflicting")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: timeline [flags] [FILE|DIR|-]...\n\nWith no input it reads standard input. *.jsonl and *.ndjson files (and stdin starting with '{')\nare JSON Lines of articles {\"id\",\"url\",\"title\",\"published\",\"text\"}.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if !slicesContains(timeline.Formats(), c.format) {
		return fmt.Errorf("unknown -format %q (have %s)", c.format, strings.Join(timeline.Formats(), ", "))
	}
	var opts []timeline.Option
	switch c.mode {
	case "auto":
	case "news":
		opts = append(opts, timeline.WithMode(timeline.News))
	case "narrative", "history":
		opts = append(opts, timeline.WithMode(timeline.History))
	default:
		return fmt.Errorf("unknown -mode %q", c.mode)
	}
	iopt := input.Options{}
	switch c.inputFormat {
	case "auto":
	case "text":
		iopt.Format = input.Text
	case "jsonl":
		iopt.Format = input.JSONL
	default:
		return fmt.Errorf("unknown -input %q", c.inputFormat)
	}
	var err error
	iopt.DCT, iopt.DCTGranularity, err = parseDCT(c.dct)
	if err != nil {
		return err
	}
	if c.workers < 1 {
		c.workers = 1
	}
	x, err := timeline.New(opts...)
	if err != nil {
		return err
	}

	showProgress := false
	switch c.progress {
	case "auto":
		if f, ok := stderr.(*os.File); ok {
			showProgress = term.IsTerminal(int(f.Fd()))
		}
	case "always":
		showProgress = true
	case "never":
	default:
		return fmt.Errorf("unknown -progress %q", c.progress)
	}

	var skipped atomic.Int64
	iopt.OnError = func(err error) error {
		skipped.Add(1)
		fmt.Fprintln(stderr, "timeline: skipping:", err)
		return nil
	}

	tl, err := process(ctx, x, fs.Args(), stdin, iopt, c, stderr, showProgress, &skipped)
	if err != nil {
		return err
	}

	w := stdout
	if c.out != "" {
		f, err := os.Create(c.out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	if err := timeline.Write(bw, tl, c.format); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if f, ok := w.(*os.File); ok && c.out != "" {
		return f.Close()
	}
	return nil
}

type job struct {
	doc  timeline.Document
	size int64
}

type result struct {
	tl   *timeline.Timeline
	id   string
	size int64
	err  error
}

// process streams the inputs through a pool of extraction workers into
// the merger. The queues are bounded: the reader waits for the workers,
// the workers for the merger.
func process(ctx context.Context, x *timeline.Extractor, paths []string, stdin io.Reader, iopt input.Options, c config, stderr io.Writer, showProgress bool, skipped *atomic.Int64) (*timeline.Timeline, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	paths = cleanPaths(paths)

	jobs := make(chan job, 2*c.workers)
	results := make(chan result, 2*c.workers)
	readErr := make(chan error, 1)
	go func() {
		defer close(jobs)
		readErr <- input.Read(ctx, paths, stdin, iopt, func(d timeline.Document, size int64) error {
			select {
			case jobs <- job{d, size}:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for range c.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				tl, err := x.Extract(ctx, j.doc)
				select {
				case results <- result{tl: tl, id: j.doc.ID, size: j.size, err: err}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var prog *progress
	if showProgress {
		prog = newProgress(stderr, input.TotalSize(paths))
		defer prog.stop()
	}

	merger := timeline.NewMerger(timeline.MergeOptions{Similarity: c.similarity, ConflictSimilarity: c.conflictSimilarity})
	var first *timeline.Timeline // a lone document is printed as extracted
	var all []*timeline.Timeline // with -merge=false
	n := 0
	for r := range results {
		if prog != nil {
			prog.add(r.size)
		}
		if r.err != nil {
			var tooLarge *timeline.InputTooLargeError
			if errors.As(r.err, &tooLarge) {
				skipped.Add(1)
				fmt.Fprintf(stderr, "timeline: skipping %s: %v\n", r.id, r.err)
				continue
			}
			cancel()
			return nil, r.err
		}
		n++
		switch {
		case !c.merge:
			all = append(all, r.tl)
		case n == 1:
			first = r.tl
		default:
			if first != nil {
				merger.Add(first)
				first = nil
			}
			merger.Add(r.tl)
		}
	}
	if err := <-readErr; err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if prog != nil {
		prog.stop()
	}
	if s := skipped.Load(); s > 0 {
		fmt.Fprintf(stderr, "timeline: %d input(s) skipped\n", s)
	}
	switch {
	case !c.merge:
		return timeline.Concat(all...), nil
	case first != nil:
		return first, nil
	case n == 0:
		return &timeline.Timeline{Documents: []timeline.DocumentInfo{}, Events: []timeline.Event{}, Expressions: []timeline.Expression{}}, nil
	}
	return merger.Timeline(), nil
}

func cleanPaths(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		if p == input.Stdin {
			out[i] = p
			continue
		}
		out[i] = filepath.Clean(p)
	}
	return out
}

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
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
