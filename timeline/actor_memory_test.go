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
