package timeline

import (
	"context"
	"testing"
)

// classifyInput is one call of classifyClause as buildEvents makes it.
type classifyInput struct {
	text       string
	sent, cl   Span
	near       Span
	sentToks   []token
	actors     []Actor
	sentActors []Actor
	exprs      []Expression
	dated      []int
}

// BenchmarkClassifyTBAQ times the clause work of the event stage alone
// (splitClauses and classifyClause, then the event's roles laid out)
// over the TBAQ documents: the actors and tokens of each sentence are
// found before the timer.
func BenchmarkClassifyTBAQ(b *testing.B) {
	docs := loadTBAQ(b)
	x := newBenchExtractor(b)
	var ins []classifyInput
	for i, d := range docs {
		st, err := x.process(context.Background(), i, d)
		if err != nil {
			b.Fatal(err)
		}
		ins = append(ins, classifyInputs(x, st)...)
	}
	b.SetBytes(int64(totalBytes(docs)))
	b.ReportAllocs()
	cpu := startCPU(b)
	var tz tokenizer
	var sc classifyScratch
	var roleActors []Actor
	var roleLists []roleList
	for b.Loop() {
		roleActors, roleLists = roleActors[:0], roleLists[:0]
		for k := range ins {
			in := &ins[k]
			if in.dated != nil {
				splitClauses(&sc, in.text, in.sent, in.exprs, in.dated)
			}
			class := x.actors.classifyClause(&sc, &tz, in.text, in.sent, in.sentToks, in.cl, in.near, in.actors)
			roleActors, roleLists = appendRoles(roleActors, roleLists, class.Actors, class.Recipients)
		}
	}
	cpu.report(b, totalBytes(docs))
}

// classifyInputs are the classifyClause calls buildEvents makes on st.
func classifyInputs(x *Extractor, st *docState) []classifyInput {
	var out []classifyInput
	mem := newActorMemory()
	for si, s := range st.sents {
		if s.Furniture != "" {
			continue
		}
		var dated []int
		for i, e := range st.exprs {
			if e.Sentence == si && e.Type != Duration && e.Type != Set && e.Resolved() && e.Anchor != Unresolved {
				dated = append(dated, i)
			}
		}
		actors := append([]Actor(nil), x.actors.findActorsTo(nil, st.text, s.Span, mem)...)
		toks := append([]token(nil), mem.scratch.tz.toks...)
		if len(dated) == 0 {
			continue
		}
		clauses := splitClauses(new(classifyScratch), st.text, s.Span, st.exprs, dated)
		for k, i := range dated {
			e := &st.exprs[i]
			if seenValue(st.exprs, dated[:k], e.Value) {
				continue
			}
			var in []Actor
			for _, a := range actors {
				if clauses[k].Contains(a.Span) {
					in = append(in, a)
				}
			}
			ci := classifyInput{text: st.text, sent: s.Span, cl: clauses[k], near: e.Span, sentToks: toks, actors: in[:len(in):len(in)]}
			if k == 0 {
				ci.exprs, ci.dated = st.exprs, dated
			}
			out = append(out, ci)
		}
	}
	return out
}
