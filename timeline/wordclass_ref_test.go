package timeline

import (
	"strings"
	"testing"
)

// checkWordClasses compares each looked-up token's classes and slot with
// the lists and lookups they stand for.
func checkWordClasses(t *testing.T, ix *actorIndex, text string) {
	t.Helper()
	toks := tokenize(text, Span{0, len(text)})
	ix.gaz.lookup(toks)
	for k := range toks {
		tk := &toks[k]
		for _, l := range wordLists {
			if tk.is(l.c) != l.list[tk.low] {
				t.Fatalf("%q: token %q class %b is %v, its list says %v", text, tk.low, l.c, tk.is(l.c), l.list[tk.low])
			}
		}
		if tk.word && tk.up && tk.is(wcUpAcronym) != isAcronym(tk.raw) {
			t.Fatalf("%q: token %q acronym class %v", text, tk.raw, tk.is(wcUpAcronym))
		}
		_, trig := ix.triggers[tk.low]
		if tk.is(wcTrigger) != trig {
			t.Fatalf("%q: token %q trigger class %v, index %v", text, tk.low, tk.is(wcTrigger), trig)
		}
		if named := tk.slot > 0 && ix.gaz.named[tk.slot-1]; tk.is(wcNamed) != named {
			t.Fatalf("%q: token %q named class %v, table %v", text, tk.low, tk.is(wcNamed), named)
		}
		if got, want := ix.triggersOf(tk), ix.triggers[tk.low]; len(got) != len(want) || len(got) > 0 && &got[0] != &want[0] {
			t.Fatalf("%q: token %q slot %d gives %d triggers, want %d", text, tk.low, tk.slot, len(got), len(want))
		}
		if got, want := ix.modesOf(tk), ix.modes[tk.low]; len(got) != len(want) || len(got) > 0 && &got[0] != &want[0] {
			t.Fatalf("%q: token %q slot %d gives %d mode cues, want %d", text, tk.low, tk.slot, len(got), len(want))
		}
		if tk.is(wcModeStart) != (len(ix.modes[tk.low]) > 0) {
			t.Fatalf("%q: token %q mode class %v, modes %d", text, tk.low, tk.is(wcModeStart), len(ix.modes[tk.low]))
		}
		if tk.is(wcCommon) != ix.commonWord(tk.low) {
			t.Fatalf("%q: token %q common class %v, commonWord %v", text, tk.low, tk.is(wcCommon), ix.commonWord(tk.low))
		}
		var want []*gazEntry
		if tk.word {
			want = ix.gaz.entries(fnv1a(tk.low, ""), tk.low)
		}
		var got []*gazEntry
		if tk.slot > 0 {
			got = ix.gaz.slots[tk.slot-1].es
		}
		if len(got) != len(want) || len(got) > 0 && &got[0] != &want[0] {
			t.Fatalf("%q: token %q slot %d gives %d names, want %d", text, tk.low, tk.slot, len(got), len(want))
		}
	}
}

var wordClassCases = []string{
	"The U.S. Army's Eighth Army, in northern Iraq - said", "Gen. de Gaulle's cables to Stalin", "ÉMILE É’s",
}

func TestWordClassesMatchLists(t *testing.T) {
	ix := newActorIndex()
	for _, text := range refTexts(t, wordClassCases) {
		checkWordClasses(t, ix, text)
	}
	// every listed word, as written and capitalized
	for _, l := range wordLists {
		for w := range l.list {
			checkWordClasses(t, ix, w+" "+string(w[0]-32)+w[1:]+"'s")
		}
	}
	// every first word of a trigger or a mode cue
	for w := range ix.triggers {
		checkWordClasses(t, ix, w+" "+strings.ToUpper(w))
	}
	for w := range ix.modes {
		checkWordClasses(t, ix, w+" "+strings.ToUpper(w))
	}
}

func FuzzWordClasses(f *testing.F) {
	for _, c := range wordClassCases {
		f.Add(c)
	}
	ix := newActorIndex()
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<16 {
			return
		}
		checkWordClasses(t, ix, text)
	})
}
