package timeline

import (
	"context"
	"reflect"
	"testing"
)

// docActors finds the actors of each prose sentence of st with mem, as
// buildEvents does.
func docActors(x *Extractor, st *docState, mem *actorMemory) [][]Actor {
	var out [][]Actor
	for _, s := range st.sents {
		if s.Furniture != "" {
			continue
		}
		as := x.actors.findActors(st.text, s.Span, mem)
		out = append(out, append([]Actor(nil), as...))
	}
	return out
}

// TestActorMemoryReset: a memory reset after one document finds in the
// next what a new memory finds, person links and "its" included.
func TestActorMemoryReset(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"President Saddam Hussein of Iraq ordered his troops south. Saddam said Kuwait was Iraq's. Its forces crossed the border.",
		"Its army was on alert. Hussein met reporters. Spokesperson Maria Zakharova said Moscow would respond. Zakharova added that its army was ready.",
	}
	texts = append(texts, seedTexts(t, 1<<15)...)
	reused := newActorMemory()
	for i, text := range texts {
		st, err := x.process(context.Background(), i, Document{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		want := docActors(x, st, newActorMemory())
		reused.reset()
		got := docActors(x, st, reused)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("text %d: after reset the actors are\n%v\nwant\n%v", i, got, want)
		}
	}
}

// TestActorMemoryKeyFilter: every key of persons and partial that a word
// can be written as passes mayKnow with that word's hash, so that the
// filter never hides a person met before.
func TestActorMemoryKeyFilter(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	texts := append([]string{
		"Spokesperson Jürgen Müller said Müller's team was ready. Gen. Tommy R. Franks said the U.S. forces moved. ÉMILE Zola wrote.",
	}, seedTexts(t, 1<<15)...)
	keys := 0
	for i, text := range texts {
		st, err := x.process(context.Background(), i, Document{Text: text})
		if err != nil {
			t.Fatal(err)
		}
		mem := newActorMemory()
		docActors(x, st, mem)
		for _, m := range []map[string]int32{mem.persons, mem.partial} {
			for key := range m {
				toks := tokenize(key, Span{0, len(key)})
				if len(toks) != 1 || toks[0].raw != key {
					continue // no one word: no token's raw is the key
				}
				keys++
				if !mem.mayKnow(toks[0].h) {
					t.Fatalf("text %d: key %q (hash %x) not in the filter", i, key, toks[0].h)
				}
			}
		}
	}
	if keys == 0 {
		t.Fatal("no one-word key checked")
	}
}
