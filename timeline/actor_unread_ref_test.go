package timeline

import (
	"context"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// checkUnreadMemory reads the prose sentences of text with three
// memories: one finds every sentence's actors in full (findActorsTo, the
// reference), one skips, for the sentences pick leaves unread, what the
// memory does not keep (findActorsFor with read false), and one reads
// as that one with findActorsForRef, the actor finding as it was before
// its passes were narrowed. The memories must agree after every
// sentence, and the read sentences' actors too.
func checkUnreadMemory(t *testing.T, x *Extractor, text string, pick func() bool) {
	t.Helper()
	st, err := x.process(context.Background(), 0, Document{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	full, fast, old := newActorMemory(), newActorMemory(), newActorMemory()
	for _, s := range st.sents {
		if s.Furniture != "" {
			continue
		}
		read := pick()
		want := append([]Actor(nil), x.actors.findActorsTo(nil, st.text, s.Span, full)...)
		was := append([]Actor(nil), x.actors.findActorsForRef(nil, st.text, s.Span, old, read)...)
		got := x.actors.findActorsFor(nil, st.text, s.Span, fast, read)
		if read && (!slices.Equal(got, want) || !slices.Equal(was, want)) {
			t.Fatalf("%q: the actors are\n%v\nwant\n%v\nand before\n%v", s.Span.In(st.text), got, want, was)
		}
		if !sameMemory(full, fast) {
			t.Fatalf("%q (read %v): the memory differs from the reference's", s.Span.In(st.text), read)
		}
		if !sameMemory(old, fast) {
			t.Fatalf("%q (read %v): the memory differs from findActorsForRef's", s.Span.In(st.text), read)
		}
	}
}

// sameMemory reports whether a and b keep the same persons and country.
func sameMemory(a, b *actorMemory) bool {
	return a.lastCountry == b.lastCountry && reflect.DeepEqual(a.people, b.people) &&
		reflect.DeepEqual(a.persons, b.persons) && reflect.DeepEqual(a.partial, b.partial) && a.keyed == b.keyed
}

var unreadMemoryCases = []string{
	"President Saddam Hussein of Iraq ordered his troops south. Saddam said Kuwait was Iraq's. Its forces crossed the border.",
	"Iraqi President Saddam Hussein met reporters. Hussein said his army would fight. Its navy waited. The U.N. and Iran's army moved.",
	"WASHINGTON, August 13 (Xinhua) -- Iran's government said. Spokesperson Maria Zakharova said her ministry agreed.",
}

func TestUnreadSentencesKeepMemory(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(5, 6))
	for _, text := range refTexts(t, unreadMemoryCases) {
		checkUnreadMemory(t, x, text, func() bool { return false })
		checkUnreadMemory(t, x, text, func() bool { return r.IntN(2) == 0 })
	}
}

func FuzzUnreadSentencesKeepMemory(f *testing.F) {
	x, err := New()
	if err != nil {
		f.Fatal(err)
	}
	for _, c := range unreadMemoryCases {
		f.Add(c, uint64(0))
	}
	f.Fuzz(func(t *testing.T, text string, reads uint64) {
		checkUnreadMemory(t, x, text, func() bool {
			read := reads&1 != 0
			reads = reads>>1 | reads<<63
			return read
		})
	})
}
