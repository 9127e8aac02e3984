package timeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/eventline/eventline/timeline/internal/temporal"
	"github.com/eventline/eventline/timeline/timeml"
)

// stageDoc is one document with what the stages before the timed one
// produced.
type stageDoc struct {
	st       *docState
	dateline Span
	fromText bool
	ms       []temporal.Mention
	sentOf   []int32
}

// stageDocs runs process once on the TBAQ documents (with their creation
// time and without it, where the dateline is read from the text) and on
// the WikiWars narratives, keeping what each stage needs.
func stageDocs(b *testing.B) ([]stageDoc, int) {
	docs := loadTBAQ(b)
	var all []Document
	for _, d := range docs {
		all = append(all, d, Document{ID: d.ID, Text: d.Text})
	}
	ww, _ := filepath.Glob(filepath.Join(sharedData(b), "wikiwars-train", "*.tml"))
	for _, p := range ww {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if doc, err := timeml.Parse(raw); err == nil {
			all = append(all, Document{ID: filepath.Base(p), Text: doc.Text})
		}
	}
	x := newBenchExtractor(b)
	var out []stageDoc
	for i, d := range all {
		st, err := x.process(context.Background(), i, d)
		if err != nil {
			b.Fatal(err)
		}
		sd := stageDoc{st: st}
		if !st.info.DCT.Given && st.info.DCT.Value != "" {
			sd.dateline, sd.fromText = st.info.DCT.Span, true
		}
		sd.ms, sd.sentOf, err = scanMentions(context.Background(), x.engine.NewScanner(), st.text, st.sents, nil, nil, new([]temporal.Window))
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, sd)
	}
	return out, totalBytes(all)
}

// BenchmarkStages times the stages of process around the temporal scan
// and the event stage, each alone, over the documents of stageDocs:
// sentence splitting, furniture marking, resolution (the mentions'
// normalization, titles included) and the dateline.
func BenchmarkStages(b *testing.B) {
	docs, total := stageDocs(b)
	b.Run("split", func(b *testing.B) {
		b.SetBytes(int64(total))
		b.ReportAllocs()
		cpu := startCPU(b)
		for b.Loop() {
			for _, d := range docs {
				splitSentences(d.st.text)
			}
		}
		cpu.report(b, total)
	})
	b.Run("furniture", func(b *testing.B) {
		sents := make([][]Sentence, len(docs))
		for i, d := range docs {
			sents[i] = append([]Sentence(nil), d.st.sents...)
		}
		b.SetBytes(int64(total))
		b.ReportAllocs()
		cpu := startCPU(b)
		for b.Loop() {
			for i, d := range docs {
				markFurniture(d.st.text, sents[i], d.dateline, d.fromText)
			}
		}
		cpu.report(b, total)
	})
	b.Run("resolve", func(b *testing.B) {
		ms := make([][]temporal.Mention, len(docs))
		b.SetBytes(int64(total))
		b.ReportAllocs()
		cpu := startCPU(b)
		for b.Loop() {
			for i, d := range docs {
				// resolve marks mentions (Open): start from the scan's
				ms[i] = append(ms[i][:0], d.ms...)
				resolveMentions(d.st, ms[i], d.sentOf, d.st.info.Mode, d.dateline, d.fromText, &sentenceCues{})
			}
		}
		cpu.report(b, total)
	})
	b.Run("dateline", func(b *testing.B) {
		x := newBenchExtractor(b)
		b.SetBytes(int64(total))
		b.ReportAllocs()
		cpu := startCPU(b)
		for b.Loop() {
			for _, d := range docs {
				sc := x.engine.NewScanner()
				sc.Remember(true)
				readDateline(sc, d.st.text)
			}
		}
		cpu.report(b, total)
	})
}
