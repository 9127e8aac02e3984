package timeline

import (
	"slices"
	"strings"
	"testing"
)

// matchRef is gazetteer.match as it was before the per-entry prefilter
// (its logic unchanged): every candidate read in full.
func matchRef(g *gazetteer, toks []token, i int, accept func(*gazEntry) bool) (*gazEntry, int) {
	if !toks[i].word {
		return nil, i
	}
	cands := g.entries(toks[i].h, toks[i].low)
	if toks[i].poss {
		if more := g.entries(fnv1a(toks[i].low, "'s"), toks[i].low+"'s"); len(more) > 0 {
			cands = append(cands[:len(cands):len(cands)], more...)
		}
	}
next:
	for _, e := range cands {
		if i+len(e.toks) > len(toks) {
			continue
		}
		for k, want := range e.toks {
			t := toks[i+k]
			last := k == len(e.toks)-1
			switch {
			case t.low == want && (!t.poss || last):
			case t.poss && len(want) == len(t.low)+2 && strings.HasPrefix(want, t.low) && strings.HasSuffix(want, "'s"):
			default:
				continue next
			}
			if e.exact != nil && t.raw != e.exact[k] {
				continue next
			}
		}
		if accept != nil && !accept(e) {
			continue
		}
		return e, i + len(e.toks)
	}
	return nil, i
}

func checkMatch(t *testing.T, ix *actorIndex, text string) {
	t.Helper()
	toks := tokenize(text, Span{0, len(text)})
	for pass := 0; pass < 2; pass++ {
		if pass == 1 {
			ix.gaz.lookup(toks) // the same, looked up
			var tz tokenizer
			tz.tokenize(text, Span{0, len(text)})
			checkNextStart(t, ix.gaz, text, toks, tz.poss)
			checkNextStart(t, ix.gaz, text, tz.tokenizeLookup(text, Span{0, len(text)}, ix.gaz), tz.poss)
		}
		for i := range toks {
			accept := func(e *gazEntry) bool { return ix.capsOK(toks, i, e) }
			for _, acc := range []func(*gazEntry) bool{nil, accept} {
				e, j := ix.gaz.match(toks, i, acc)
				we, wj := matchRef(ix.gaz, toks, i, acc)
				if e != we || j != wj {
					t.Fatalf("%q: token %d (%q, pass %d): match %v %d, want %v %d", text, i, toks[i].low, pass, e, j, we, wj)
				}
				if we != nil && ix.gaz.startsNone(&toks[i]) {
					t.Fatalf("%q: token %d (%q, pass %d) starts %v, which startsNone rules out", text, i, toks[i].low, pass, we.toks)
				}
			}
		}
	}
}

// nextStartRef is gazetteer.nextStart as it was: every token through
// startsNone.
func nextStartRef(g *gazetteer, toks []token, i int) int {
	for i < len(toks) && g.startsNone(&toks[i]) {
		i++
	}
	return i
}

// checkNextStart holds nextStart of the looked-up toks, whose
// possessives poss indexes, to nextStartRef, and poss to the tokens:
// nextStart may pass over more tokens than nextStartRef (those whose
// next token nextMayFollow rules out), but only tokens that match finds
// no name at, so that mentions finds the same.
func checkNextStart(t *testing.T, g *gazetteer, text string, toks []token, poss []int32) {
	t.Helper()
	var want []int32
	for k := range toks {
		if toks[k].poss {
			want = append(want, int32(k))
		}
	}
	if !slices.Equal(poss, want) {
		t.Fatalf("%q: possessives %v, want %v", text, poss, want)
	}
	for i := range toks {
		got, ref := g.nextStart(toks, i, poss), nextStartRef(g, toks, i)
		if got < ref || got > len(toks) {
			t.Fatalf("%q: nextStart from token %d (%q) = %d, want %d or after", text, i, toks[i].low, got, ref)
		}
		for k := ref; k < got; k++ {
			if e, _ := g.match(toks, k, nil); e != nil {
				t.Fatalf("%q: nextStart from token %d (%q) = %d passes over token %d (%q), which starts %v", text, i, toks[i].low, got, k, toks[k].low, e.toks)
			}
		}
	}
}

var matchCases = []string{
	"the People's Liberation Army and the People's Republic of China", "U.S. and U.N. troops in the United States",
	"Côte d'Ivoire's army; the Soviet Union's forces", "Republic of Korea, South Korea's, North Korean",
}

func TestGazetteerMatchMatchesReference(t *testing.T) {
	ix := newActorIndex()
	for _, text := range refTexts(t, matchCases) {
		checkMatch(t, ix, text)
	}
	// every name of the gazetteer, as written, lowered, possessive
	for _, sl := range ix.gaz.slots {
		for _, e := range sl.es {
			name := strings.Join(e.toks, " ")
			if e.exact != nil {
				name = strings.Join(e.exact, " ")
			}
			checkMatch(t, ix, "in "+name+" and "+strings.ToUpper(name)+"'s "+name+"' end")
		}
	}
}

func FuzzGazetteerMatch(f *testing.F) {
	for _, c := range matchCases {
		f.Add(c)
	}
	ix := newActorIndex()
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<14 {
			return
		}
		checkMatch(t, ix, text)
	})
}
