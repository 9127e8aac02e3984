package timeline

import "testing"

// BenchmarkFindActorsAsReadTBAQ times actor finding as buildEvents asks
// for it: the prose sentences up to the last dated one, read in full
// when they have a dated expression and for the memory only otherwise.
func BenchmarkFindActorsAsReadTBAQ(b *testing.B) {
	docs := loadTBAQ(b)
	x := newBenchExtractor(b)
	sts := processedStates(b, x, docs)
	reads := make([][]bool, len(sts))
	for d, st := range sts {
		reads[d] = make([]bool, lastDatedSentence(st)+1)
		for i := range st.exprs {
			if e := &st.exprs[i]; e.dated() && e.Sentence >= 0 && e.Sentence < len(reads[d]) {
				reads[d][e.Sentence] = true
			}
		}
	}
	b.SetBytes(int64(totalBytes(docs)))
	b.ReportAllocs()
	mem := newActorMemory()
	cpu := startCPU(b)
	for b.Loop() {
		for d, st := range sts {
			mem.reset()
			for si, read := range reads[d] {
				if s := &st.sents[si]; s.Furniture == "" {
					if read {
						mem.scratch.actors = findRead(x.actors, mem.scratch.actors, st.text, s.Span, mem)
					} else {
						mem.scratch.actors = findUnread(x.actors, mem.scratch.actors, st.text, s.Span, mem)
					}
				}
			}
		}
	}
	cpu.report(b, totalBytes(docs))
}

//go:noinline
func findRead(ix *actorIndex, out []Actor, text string, s Span, mem *actorMemory) []Actor {
	return ix.findActorsFor(out, text, s, mem, true)
}

//go:noinline
func findUnread(ix *actorIndex, out []Actor, text string, s Span, mem *actorMemory) []Actor {
	return ix.findActorsFor(out, text, s, mem, false)
}
