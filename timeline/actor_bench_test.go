package timeline

import "testing"

// BenchmarkFindActorsTBAQ times actor finding alone, sentence after
// sentence of the TBAQ documents as buildEvents calls it: furniture
// skipped, a new actor memory for each document, its token slice sized
// for the longest sentence.
func BenchmarkFindActorsTBAQ(b *testing.B) { benchFindActors(b, false) }

// BenchmarkFindActorsReusedTBAQ is BenchmarkFindActorsTBAQ with one
// actor memory for all the documents, reset between them: what the
// per-document memory and its scratch cost.
func BenchmarkFindActorsReusedTBAQ(b *testing.B) { benchFindActors(b, true) }

func benchFindActors(b *testing.B, reuse bool) {
	docs := loadTBAQ(b)
	x := newBenchExtractor(b)
	sts := processedStates(b, x, docs)
	b.SetBytes(int64(totalBytes(docs)))
	b.ReportAllocs()
	mem := newActorMemory()
	cpu := startCPU(b)
	for b.Loop() {
		for _, st := range sts {
			longest := 0
			for _, s := range st.sents {
				if s.Furniture == "" {
					longest = max(longest, s.End-s.Start)
				}
			}
			if reuse {
				mem.reset()
				if n := longest/4 + 8; cap(mem.scratch.tz.toks) < n {
					mem.scratch.tz.toks = make([]token, 0, n)
				}
			} else {
				mem = newActorMemory()
				mem.scratch.tz.toks = make([]token, 0, longest/4+8)
			}
			for si := range st.sents {
				if s := &st.sents[si]; s.Furniture == "" {
					mem.scratch.actors = x.actors.findActorsTo(mem.scratch.actors, st.text, s.Span, mem)
				}
			}
		}
	}
	cpu.report(b, totalBytes(docs))
}

// BenchmarkTokenizeLookupTBAQ times the tokenizer and its gazetteer
// look-ups alone, over the prose sentences of the TBAQ documents.
func BenchmarkTokenizeLookupTBAQ(b *testing.B) {
	docs := loadTBAQ(b)
	x := newBenchExtractor(b)
	sts := processedStates(b, x, docs)
	b.SetBytes(int64(totalBytes(docs)))
	b.ReportAllocs()
	var tz tokenizer
	cpu := startCPU(b)
	for b.Loop() {
		for _, st := range sts {
			for si := range st.sents {
				if s := &st.sents[si]; s.Furniture == "" {
					tz.tokenizeLookup(st.text, s.Span, x.actors.gaz)
				}
			}
		}
	}
	cpu.report(b, totalBytes(docs))
}

// BenchmarkNewActorIndex times building the actor index, which every
// New pays before its first document.
func BenchmarkNewActorIndex(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		newActorIndex()
	}
}
