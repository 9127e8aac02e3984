package timeline

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// finishPersonRef is finishPerson as it was before it returned early for
// a person met before (its logic unchanged): every call remembered the
// full name and tried the first and last names.
func finishPersonRef(ix *actorIndex, text string, toks []token, start, end int, p *Actor, mem *actorMemory) {
	p.Span = Span{toks[start].Start, toks[end-1].End}
	p.Text = text[p.Start:p.End]
	if p.Code == "" && p.Country != "" {
		p.Code = ix.countries[ix.byAlpha3Name(p.Country)].alpha3
	}
	v := *p
	v.Span, v.Text = Span{}, ""
	i, ok := mem.persons[p.Name]
	if !ok || mem.people[i] != v {
		i = int32(len(mem.people))
		mem.people = append(mem.people, v)
	}
	mem.remember(&mem.persons, p.Name, i)
	first, last, n := fieldEnds(p.Name)
	if n < 2 {
		return
	}
	for _, w := range [2]string{first, last} {
		if _, taken := mem.partial[w]; !taken && len(w) > 2 {
			mem.remember(&mem.partial, w, i)
		}
	}
}

// checkFinishPerson remembers the persons ps one after the other in two
// memories, with finishPerson and with finishPersonRef: the persons
// finished and the memories must agree after each.
func checkFinishPerson(t *testing.T, ix *actorIndex, ps []Actor) {
	t.Helper()
	got, want := newActorMemory(), newActorMemory()
	for _, p := range ps {
		text := "x " + p.Name + " y"
		toks := []token{{Span: Span{2, 2 + len(p.Name)}}}
		g, w := p, p
		ix.finishPerson(text, toks, 0, 1, &g, got)
		finishPersonRef(ix, text, toks, 0, 1, &w, want)
		if g != w {
			t.Fatalf("%+v: finished as %+v, want %+v", p, g, w)
		}
		if !reflect.DeepEqual(got.people, want.people) || !reflect.DeepEqual(got.persons, want.persons) ||
			!reflect.DeepEqual(got.partial, want.partial) || got.keyed != want.keyed {
			t.Fatalf("%+v: the memory differs from the reference's", p)
		}
	}
}

// docPersons are the persons findActors finds in the prose sentences of
// text, in order, each followed by itself with another office: a person
// met again, the same and not.
func docPersons(t *testing.T, x *Extractor, text string) []Actor {
	t.Helper()
	st, err := x.process(context.Background(), 0, Document{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	mem := newActorMemory()
	var ps []Actor
	for _, s := range st.sents {
		if s.Furniture != "" {
			continue
		}
		for _, a := range x.actors.findActors(st.text, s.Span, mem) {
			if a.Kind == "person" {
				ps = append(ps, a)
				a.Office += "x"
				ps = append(ps, a)
			}
		}
	}
	return ps
}

func TestFinishPersonMatchesReference(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, text := range refTexts(t, nil) {
		ps := docPersons(t, x, text)
		n += len(ps)
		checkFinishPerson(t, x.actors, ps)
	}
	ps := personSpecs(x.actors, "Maria Zakharova|Zakharova|Maria Zakharova;GE|Maria Zakharova|Al Gore|Al|Bo Li Wu|Saddam;IQ;president|Saddam Hussein|Saddam Hussein;;x|Uday Hussein")
	checkFinishPerson(t, x.actors, append(ps, ps...))
	if n == 0 && sharedData(t) != "" {
		t.Fatal("no person found in the corpus")
	}
}

// personSpecs reads persons from "name;country;office|…": the country
// is given by its first letters, of a country of ix.
func personSpecs(ix *actorIndex, spec string) []Actor {
	var ps []Actor
	for _, f := range strings.Split(spec, "|") {
		parts := strings.SplitN(f, ";", 3)
		p := Actor{Kind: "person", Name: parts[0]}
		if len(parts) > 1 && parts[1] != "" {
			for _, c := range ix.countries {
				if strings.HasPrefix(c.name, parts[1]) {
					p.Country = c.name
					break
				}
			}
		}
		if len(parts) > 2 {
			p.Office = parts[2]
		}
		ps = append(ps, p)
	}
	return ps
}

func FuzzFinishPerson(f *testing.F) {
	f.Add("Maria Zakharova|Zakharova|Maria Zakharova;G|Maria Zakharova")
	f.Add("Saddam;I;president|Saddam Hussein|Saddam Hussein;;x|Uday  Hussein|\u00a0Al\tGore ")
	ix := newActorIndex()
	f.Fuzz(func(t *testing.T, spec string) {
		if len(spec) > 1<<10 {
			return
		}
		checkFinishPerson(t, ix, personSpecs(ix, spec))
	})
}
