package timeline

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventline/eventline/timeline/timeml"
)

// BenchmarkBuildEventsTBAQ times the event/actor stage alone over the
// TBAQ documents: the earlier stages run once, before the timer, so its
// profile is not drowned by the temporal scan.
func BenchmarkBuildEventsTBAQ(b *testing.B) {
	docs := loadTBAQ(b)
	x := newBenchExtractor(b)
	sts := processedStates(b, x, docs)
	b.SetBytes(int64(totalBytes(docs)))
	b.ReportAllocs()
	cpu := startCPU(b)
	for b.Loop() {
		for _, st := range sts {
			st.events, st.diags = st.events[:0], st.diags[:0]
			x.buildEvents(st)
		}
	}
	cpu.report(b, totalBytes(docs))
}

// TestDumpTimelines writes the timelines of the seeds, the testdata
// texts, and the TBAQ and WikiWars documents (with and without their
// creation time) as JSON to $EVENTLINE_DUMP, so that two builds can be
// compared byte for byte.
func TestDumpTimelines(t *testing.T) {
	out := os.Getenv("EVENTLINE_DUMP")
	if out == "" {
		t.Skip("EVENTLINE_DUMP unset")
	}
	var docs []Document
	for _, s := range seedTexts(t, 1<<22) {
		docs = append(docs, Document{Text: s})
	}
	for _, d := range loadTBAQ(t) {
		docs = append(docs, d, Document{ID: d.ID, Text: d.Text})
	}
	ww, _ := filepath.Glob(filepath.Join(sharedData(t), "wikiwars-train", "*.tml"))
	for _, p := range ww {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := timeml.Parse(raw)
		if err != nil {
			continue
		}
		docs = append(docs, Document{ID: filepath.Base(p), Text: doc.Text})
	}
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, d := range docs {
		tl, err := x.Extract(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		j, err := json.Marshal(tl)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(j)
		b.WriteByte('\n')
	}
	t.Logf("%d documents", len(docs))
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// processedStates runs the pipeline over docs once, before a benchmark's
// timer, so that it can time one stage on the states.
func processedStates(b *testing.B, x *Extractor, docs []Document) []*docState {
	sts := make([]*docState, 0, len(docs))
	for i, d := range docs {
		st, err := x.process(context.Background(), i, d)
		if err != nil {
			b.Fatal(err)
		}
		sts = append(sts, st)
	}
	return sts
}
