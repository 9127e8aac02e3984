// Command beam builds one chronology from a corpus of news articles on
// Apache Beam, so that it can run on one machine or on a cluster.
//
// It reads article JSON Lines ({"id","url","title","published","text"},
// the convention of news-tls and similar corpora; the document creation
// time comes from "published"), extracts the events of each article with
// the eventline library, keys them by date window, merges the events of
// each window (the same event reported by several sources becomes one
// event that keeps all of them) and writes the merged events as JSON
// Lines, one Record a line.
//
//	go run . --input 'articles/*.jsonl' --output events.jsonl [--window day|month|year]
//
// It runs on Beam's local runner, prism, by default. Beam's own flags
// (--runner, --endpoint, --project, --region, --staging_location…) send
// the same binary to Flink, Spark or Dataflow; see README.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
)

var (
	input  = flag.String("input", "", "article JSON Lines to read: a file or glob, local or on a Beam file system (gs://…)")
	output = flag.String("output", "", "file to write the merged events to, one JSON object a line")
	window = flag.String("window", string(Month), "date window events are merged in: day, month or year")
)

func main() {
	flag.Parse()
	// On a remote worker, Init runs the worker harness and does not
	// return; in the launching process it returns at once.
	beam.Init()
	if err := run(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, "beam:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	w, err := ParseWindow(*window)
	if err != nil {
		return err
	}
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, Options{Input: *input, Output: *output, Window: w}); err != nil {
		return err
	}
	return beamx.Run(ctx, p)
}
