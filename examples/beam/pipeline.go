package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/eventline/eventline/timeline"
)

func init() {
	// Registration lets remote workers find the DoFns by name and lets
	// every runner call them without reflection.
	register.DoFn3x1[context.Context, string, func(string, string), error](&extractFn{})
	register.Emitter2[string, string]()
	register.DoFn4x1[context.Context, string, func(*string) bool, func(string), error](&mergeFn{})
	register.Iter1[string]()
	register.Emitter1[string]()
}

// Counters, reported by the runner's metrics.
var (
	docsRead      = beam.NewCounter("eventline", "documents")
	eventsRead    = beam.NewCounter("eventline", "events_extracted")
	eventsMerged  = beam.NewCounter("eventline", "events_merged")
	badLines      = beam.NewCounter("eventline", "bad_lines")
	badPublished  = beam.NewCounter("eventline", "bad_published")
	skippedTooBig = beam.NewCounter("eventline", "documents_too_large")
	ambiguous     = beam.NewCounter("eventline", "ambiguous_merges")
	conflicting   = beam.NewCounter("eventline", "events_with_conflicts")
)

// Options configure the pipeline.
type Options struct {
	// Input is a file or glob of article JSON Lines, on any file system
	// Beam knows (local paths, gs://…).
	Input string
	// Output is the file the merged events are written to, one JSON
	// object a line.
	Output string
	// Window is the size of the date windows events are merged in.
	Window Window
}

// Build adds the whole pipeline to s: read articles, extract and key
// their events, merge per window, write.
func Build(s beam.Scope, o Options) error {
	if o.Input == "" || o.Output == "" {
		return errors.New("both --input and --output are required")
	}
	if _, err := ParseWindow(string(o.Window)); err != nil {
		return err
	}
	lines := textio.Read(s, o.Input)
	textio.Write(s, o.Output, Chronology(s, lines, o.Window))
	return nil
}

// Chronology turns a PCollection<string> of article JSON lines into a
// PCollection<string> of merged events, each a JSON-encoded Record.
func Chronology(s beam.Scope, lines beam.PCollection, w Window) beam.PCollection {
	s = s.Scope("eventline.Chronology")
	keyed := beam.ParDo(s, &extractFn{Window: string(w)}, lines)
	grouped := beam.GroupByKey(s, keyed)
	return beam.ParDo(s, &mergeFn{}, grouped)
}

// extractFn reads the events of one article and emits each one, encoded
// as JSON, keyed by its date window.
type extractFn struct {
	// Window is the window size, exported so that it travels to the
	// workers with the DoFn.
	Window string `json:"window"`

	x *timeline.Extractor
	w Window
}

// Setup builds the extractor once per DoFn instance; it is safe for
// concurrent use, so bundles processed in parallel share it.
func (f *extractFn) Setup() error {
	w, err := ParseWindow(f.Window)
	if err != nil {
		return err
	}
	x, err := timeline.New()
	if err != nil {
		return err
	}
	f.x, f.w = x, w
	return nil
}

// ProcessElement handles one input line. A line that is not an article
// is counted and skipped rather than failing the job, and so is an
// article over the extractor's size limit.
func (f *extractFn) ProcessElement(ctx context.Context, line string, emit func(string, string)) error {
	if strings.TrimSpace(line) == "" {
		return nil
	}
	a, err := parseArticle(line)
	if err != nil {
		badLines.Inc(ctx, 1)
		log.Warnf(ctx, "eventline: skipping line: %v", err)
		return nil
	}
	doc, err := a.Document()
	if err != nil {
		badPublished.Inc(ctx, 1)
		log.Warnf(ctx, "eventline: %s: %v; falling back on the dateline", doc.ID, err)
	}
	tl, err := f.x.Extract(ctx, doc)
	if err != nil {
		if tooBig := (*timeline.InputTooLargeError)(nil); errors.As(err, &tooBig) {
			skippedTooBig.Inc(ctx, 1)
			log.Warnf(ctx, "eventline: skipping %s: %v", doc.ID, err)
			return nil
		}
		return fmt.Errorf("%s: %w", doc.ID, err)
	}
	docsRead.Inc(ctx, 1)
	info := tl.Documents[0]
	info.Sentences = nil
	for _, ev := range tl.Events {
		b, err := json.Marshal(mention{Doc: info, Event: ev})
		if err != nil {
			return err
		}
		eventsRead.Inc(ctx, 1)
		emit(f.w.Key(ev), string(b))
	}
	return nil
}

// mergeFn merges the events of one window and emits them as Records.
type mergeFn struct{}

// ProcessElement merges the events of window key.
func (f *mergeFn) ProcessElement(ctx context.Context, key string, values func(*string) bool, emit func(string)) error {
	var ms []mention
	var v string
	for values(&v) {
		var m mention
		if err := json.Unmarshal([]byte(v), &m); err != nil {
			return fmt.Errorf("window %s: decoding event: %w", key, err)
		}
		ms = append(ms, m)
	}
	events, diags := mergeWindow(ms)
	for _, d := range diags {
		if d.Reason == timeline.ReasonAmbiguous {
			ambiguous.Inc(ctx, 1)
		}
		log.Infof(ctx, "eventline: window %s: %s: %s", key, d.Reason, d.Message)
	}
	for _, ev := range events {
		if len(ev.Conflicts) > 0 {
			conflicting.Inc(ctx, 1)
		}
		b, err := json.Marshal(Record{Window: key, Event: ev})
		if err != nil {
			return err
		}
		eventsMerged.Inc(ctx, 1)
		emit(string(b))
	}
	return nil
}
