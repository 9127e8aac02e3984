package timeline

import (
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// The actor index built as newActorIndex built it before it was made
// cheaper (the code as it was, renamed): TestActorIndexMatchesReference
// holds the new construction to the same index.

func newActorIndexRef() *actorIndex {
	ix := &actorIndex{gaz: newGazetteerRef(), byAlpha3: map[string]int{}}
	for _, line := range strings.Split(countriesTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 7 {
			continue
		}
		ci := len(ix.countries)
		ix.countries = append(ix.countries, country{name: f[1], alpha3: f[0], un: f[6] == "un"})
		ix.byAlpha3[f[0]] = ci
		ix.addCountryRef(ci, formName, f[1], f[2])
		ix.addCountryRef(ci, formName, split(f[3])...)
		for _, d := range split(f[4]) {
			ix.addCountryRef(ci, formDemonym, d)
			// Plural nouns for the people: Russians, Iraqis.
			if strings.HasSuffix(d, "n") || strings.HasSuffix(d, "i") {
				ix.addCountryRef(ci, formDemonym, d+"s")
			}
		}
		for _, c := range split(f[5]) {
			// "Washington D.C." is written "Washington" (supplement).
			ix.addCountryRef(ci, formCapital, c)
		}
	}
	for code, names := range countrySupplement {
		ix.addCountryRef(ix.byAlpha3[code], formName, names...)
	}
	for code, names := range demonymSupplement {
		ix.addCountryRef(ix.byAlpha3[code], formDemonym, names...)
	}
	for code, names := range capitalSupplement {
		ix.addCountryRef(ix.byAlpha3[code], formCapital, names...)
	}
	ix.orgs = organizations
	for oi, o := range ix.orgs {
		ix.gaz.addRef(o.name, gazEntry{kind: gazOrg, idx: oi})
		for _, a := range o.aliases {
			ix.gaz.addRef(a, gazEntry{kind: gazOrg, idx: oi})
		}
	}
	sectors := make([]string, 0, len(agentTable))
	for s := range agentTable {
		sectors = append(sectors, s)
	}
	sort.Strings(sectors) // deterministic indexes
	for _, sector := range sectors {
		for _, group := range strings.Split(agentTable[sector], ",") {
			for _, name := range strings.Split(strings.TrimSpace(group), "|") {
				a := agentInfo{sector: sector}
				switch {
				case strings.HasPrefix(name, "+"):
					a.title, name = true, name[1:]
				case strings.HasPrefix(name, "!"):
					a.title, a.nameOnly, name = true, true, name[1:]
				}
				a.name = name
				a.office, a.sectorName, a.adjectival = officeOf(name), sectorNames[sector], adjectival[name]
				ix.gaz.addRef(name, gazEntry{kind: gazAgent, idx: len(ix.agents)})
				ix.agents = append(ix.agents, a)
			}
		}
	}
	ix.gaz.sortRef()
	ix.triggers, ix.nounForms = buildTriggersRef()
	ix.gaz.addClassesRef(ix.triggers)
	ix.modes = buildModesRef()
	ix.trigBySlot = bySlotRef(ix.gaz, ix.triggers)
	ix.modeBySlot = bySlotRef(ix.gaz, ix.modes)
	return ix
}

func (ix *actorIndex) addCountryRef(ci int, f form, names ...string) {
	for _, n := range names {
		// Inverted catalogue forms ("Korea, Republic of") never occur in prose.
		if n == "" || strings.Contains(n, ",") {
			continue
		}
		ix.gaz.addRef(n, gazEntry{kind: gazCountry, form: f, idx: ci, minor: !ix.countries[ci].un})
	}
}

func newGazetteerRef() *gazetteer { return &gazetteer{mask: 1<<12 - 1, slots: make([]gazSlot, 1<<12)} }

func (g *gazetteer) indexRef() {
	g.hs = make([]uint32, len(g.slots))
	g.used = make([]uint64, (len(g.slots)+63)/64)
	g.named = make([]bool, len(g.slots))
	g.words = make([]gazWord, len(g.slots))
	// the keys' bytes side by side in one string, in slot order, rather
	// than wherever the words were made
	var b strings.Builder
	for k := range g.slots {
		b.WriteString(g.slots[k].first)
	}
	arena := b.String()
	for k := range g.slots {
		sl := &g.slots[k]
		if sl.first == "" {
			continue
		}
		g.hs[k] = sl.h | 1
		g.used[k/64] |= 1 << (k % 64)
		g.words[k].key, arena = arena[:len(sl.first)], arena[len(sl.first):]
		g.named[k] = len(sl.es) > 0
		if g.named[k] {
			sl.cls |= wcNamed
		}
		g.words[k].cls = sl.cls
		sl.pre = make([]gazPre, len(sl.es))
		for x, e := range sl.es {
			sl.pre[x].n = int32(len(e.toks))
			if len(e.toks) > 1 {
				sl.pre[x].h2 = fnv1a(e.toks[1], "")
				sl.multi |= h2Bit(sl.pre[x].h2)
			} else {
				sl.single = true
			}
		}
	}
	for c := range g.punct {
		t := token{raw: string(rune(c)), low: string(rune(c))}
		g.lookupToken(&t)
		g.punct[c].h, g.punct[c].slot, g.punct[c].cls = t.h, t.slot, t.cls
	}
}

func (g *gazetteer) growRef() {
	old := g.slots
	g.hs, g.used, g.words, g.named = nil, nil, nil, nil // index again
	g.slots = make([]gazSlot, 2*len(old))
	g.mask = uint32(len(g.slots) - 1)
	for _, sl := range old {
		if sl.first != "" {
			*g.slot(sl.h, sl.first) = sl
		}
	}
}

func (g *gazetteer) addRef(name string, e gazEntry) {
	e.toks = keyTokensRef(name)
	if len(e.toks) == 0 {
		return
	}
	if isAcronym(name) {
		for _, t := range tokenize(name, Span{0, len(name)}) {
			e.exact = append(e.exact, t.raw)
		}
	}
	first := e.toks[0]
	// what countryContextOK read from ambiguousNames each time, set once
	e.ambiguous = e.kind == gazCountry && ambiguousNames[e.toks[0]] && len(e.toks) == 1
	h := fnv1a(first, "")
	sl := g.slot(h, first)
	for _, o := range sl.es {
		if o.kind == e.kind && o.idx == e.idx && strings.Join(o.toks, " ") == strings.Join(e.toks, " ") && o.form <= e.form {
			return // a name that is also a demonym stays a name
		}
	}
	if sl.first == "" {
		sl.h, sl.first = h, first
		g.n++
	}
	sl.es = append(sl.es, &e)
	if 2*g.n > len(g.slots) {
		g.growRef()
	}
}

func (g *gazetteer) sortRef() {
	for _, sl := range g.slots {
		es := sl.es
		sort.SliceStable(es, func(i, j int) bool {
			if len(es[i].toks) != len(es[j].toks) {
				return len(es[i].toks) > len(es[j].toks)
			}
			return !es[i].minor && es[j].minor
		})
	}
}

func (g *gazetteer) addClassesRef(triggers triggerIndex) {
	set := func(w string, c wordClass) {
		sl := g.slot(fnv1a(w, ""), w)
		if sl.first == "" {
			sl.h, sl.first = fnv1a(w, ""), w
			g.n++
		}
		sl.cls |= c
		if 2*g.n > len(g.slots) {
			g.growRef()
		}
	}
	for _, l := range wordLists {
		for w := range l.list {
			set(w, l.c)
		}
	}
	for w := range triggers {
		set(w, wcTrigger)
	}
	for _, row := range modeCues {
		for _, c := range splitList(row.cues) {
			set(keyTokensRef(c)[0], wcModeStart)
		}
	}
	// commonWord: a stop word, a non-name word, a trigger or the first
	// word of a name; every such word is in the table by now.
	for k := range g.slots {
		sl := &g.slots[k]
		if sl.first != "" && (sl.cls&(wcStop|wcNonName|wcTrigger) != 0 || len(sl.es) > 0) {
			sl.cls |= wcCommon
		}
	}
	// A table a quarter full, not half: most words that it lacks then
	// end at a free first probe, read in find.
	for 4*g.n > len(g.slots) {
		g.growRef()
	}
	g.indexRef()
}

func buildTriggersRef() (triggerIndex, map[string]bool) {
	ti := triggerIndex{}
	nounForms := map[string]bool{}
	seen := map[string]bool{}
	add := func(form string, t trigger) {
		if seen[form] {
			return // the first row that lists a form decides its type
		}
		seen[form] = true
		t.toks = keyTokensRef(form)
		t.quad = categories[t.typ].quad
		t.hs = make([]uint32, len(t.toks))
		for k, w := range t.toks {
			t.hs[k] = fnv1a(w, "")
		}
		ti[t.toks[0]] = append(ti[t.toks[0]], &t)
	}
	for _, row := range lexicon {
		cameo := row.cameo
		if cameo == "" {
			cameo = categories[row.typ].cameo
		}
		for _, v := range splitList(row.verbs) {
			forms, pp := inflectRef(v)
			for k, f := range forms {
				add(f, trigger{typ: row.typ, cameo: cameo, mode: row.mode, participle: pp[k]})
			}
		}
		for _, n := range splitList(row.nouns) {
			add(n, trigger{typ: row.typ, cameo: cameo, mode: row.mode, noun: true})
			add(pluralRef(n), trigger{typ: row.typ, cameo: cameo, mode: row.mode, noun: true})
			nounForms[n], nounForms[pluralRef(n)] = true, true
		}
	}
	for _, ts := range ti {
		sort.SliceStable(ts, func(i, j int) bool { return len(ts[i].toks) > len(ts[j].toks) })
		for _, t := range ts {
			form := strings.Join(t.toks, " ")
			t.nounForm, t.idiom, t.sense = nounForms[form], idiomFollowers[form], objectSense[t.toks[0]]
			t.addVariantsRef()
		}
	}
	return ti, nounForms
}

func buildModesRef() map[string][]modeCue {
	mi := map[string][]modeCue{}
	for rank, row := range modeCues {
		for _, c := range splitList(row.cues) {
			mc := modeCue{toks: keyTokensRef(c), mode: row.mode, rank: rank}
			mi[mc.toks[0]] = append(mi[mc.toks[0]], mc)
		}
	}
	for _, cs := range mi {
		sort.SliceStable(cs, func(i, j int) bool { return len(cs[i].toks) > len(cs[j].toks) })
	}
	return mi
}

func bySlotRef[E any](g *gazetteer, m map[string][]E) [][]E {
	out := make([][]E, len(g.slots))
	for w, es := range m {
		s := g.find(fnv1a(w, ""), w)
		if s < 0 {
			panic("timeline: lexicon key " + w + " not in the gazetteer")
		}
		out[s] = es
	}
	return out
}

func keyTokensRef(name string) []string {
	ts := tokenize(name, Span{0, len(name)})
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		low := t.low
		if t.poss {
			low += "'s"
		}
		out = append(out, low)
	}
	return out
}

func (t *trigger) addVariantsRef() {
	if t.sense == "clause" {
		st := *t
		st.typ, st.cameo, st.quad = "STATEMENT", categories["STATEMENT"].cameo, categories["STATEMENT"].quad
		st.addNounRef()
		t.asStatement = &st
	}
	t.addNounRef()
}

func (t *trigger) addNounRef() {
	if !t.noun {
		n := *t
		n.noun, n.asNoun, n.asStatement = true, nil, nil
		t.asNoun = &n
	}
}

func inflectRef(entry string) (forms []string, participle []bool) {
	if strings.HasPrefix(entry, "=") { // a literal form: "stated" (but not the noun "state")
		return []string{entry[1:]}, []bool{strings.HasSuffix(entry, "ed")}
	}
	words := strings.Fields(entry)
	head, rest := words[0], ""
	if len(words) > 1 {
		rest = " " + strings.Join(words[1:], " ")
	}
	add := func(f string, pp bool) {
		forms = append(forms, f+rest)
		participle = append(participle, pp)
	}
	if strings.Contains(head, ":") {
		p := strings.Split(head, ":")
		lemma := p[0]
		add(lemma, false)
		add(thirdPerson(lemma), false)
		add(gerund(lemma, false), false)
		add(p[1], len(p) < 3 || p[1] == p[2])
		if len(p) > 2 && p[2] != p[1] {
			add(p[2], true)
		}
		return forms, participle
	}
	double := strings.HasSuffix(head, "~")
	lemma := strings.TrimSuffix(head, "~")
	add(lemma, false)
	add(thirdPerson(lemma), false)
	add(gerund(lemma, double), false)
	add(past(lemma, double), true)
	return forms, participle
}

func pluralRef(n string) string {
	words := strings.Fields(n)
	last := words[len(words)-1]
	if strings.HasSuffix(last, "s") {
		return n
	}
	words[len(words)-1] = thirdPerson(last)
	return strings.Join(words, " ")
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// TestActorIndexMatchesReference builds the actor index both ways and
// compares them in full: every field of the index, and of the
// gazetteer every slot (its key, hash, classes, entries and their
// prefilter, the index arrays at it, its triggers and mode cues), the
// punctuation table, the counts and the table size. Two things are
// compared up to what the reference itself leaves to chance: where a
// key sits in the table (the reference inserts words from map ranges,
// so its layout differs from run to run), and the order of entries of
// a slot that its sort ties (supplement names added from map ranges).
func TestActorIndexMatchesReference(t *testing.T) {
	got, want := newActorIndex(), newActorIndexRef()
	gv, wv := viewActorIndex(t, got), viewActorIndex(t, want)
	if len(gv.slots) != len(wv.slots) {
		t.Errorf("%d keys, want %d", len(gv.slots), len(wv.slots))
	}
	for key, w := range wv.slots {
		if g, ok := gv.slots[key]; !ok {
			t.Errorf("key %q missing", key)
		} else if !reflect.DeepEqual(g, w) {
			t.Errorf("slot of %q:\n got %+v\nwant %+v", key, g, w)
		}
	}
	gv.slots, wv.slots = nil, nil
	if !reflect.DeepEqual(gv, wv) {
		t.Errorf("index differs beyond the slots:\n got %+v\nwant %+v", gv, wv)
	}
}

// actorIndexView is an actorIndex with its gazetteer laid out by key
// rather than by slot.
type actorIndexView struct {
	rest                actorIndex // gaz, trigBySlot and modeBySlot cleared
	mask                uint32
	size, n, indexSizes int
	punct               [utf8.RuneSelf]punctView
	slots               map[string]slotView
}

type punctView struct {
	h   uint32
	key string // of the slot the mark found, "" for none
	cls wordClass
}

type slotView struct {
	h      uint32
	cls    wordClass
	es     []*gazEntry
	pre    []gazPre
	multi  uint64
	single bool
	// the index arrays at the slot
	hs    uint32
	key   string
	named bool
	clsAt wordClass
	// the lexicon by slot
	trigs []*trigger
	modes []modeCue
}

func viewActorIndex(t *testing.T, ix *actorIndex) actorIndexView {
	g := ix.gaz
	v := actorIndexView{rest: *ix, mask: g.mask, size: len(g.slots), n: g.n, slots: map[string]slotView{}}
	v.rest.gaz, v.rest.trigBySlot, v.rest.modeBySlot = nil, nil, nil
	for _, l := range []int{len(g.hs), len(g.words), len(g.named), len(ix.trigBySlot), len(ix.modeBySlot)} {
		if l != len(g.slots) {
			t.Fatalf("an index array of %d slots in a table of %d", l, len(g.slots))
		}
	}
	if len(g.used) != (len(g.slots)+63)/64 {
		t.Fatalf("%d words of used bits for %d slots", len(g.used), len(g.slots))
	}
	v.indexSizes = len(g.slots)
	for k := range g.slots {
		sl := &g.slots[k]
		if sl.first == "" {
			if g.hs[k] != 0 || !g.free(uint32(k)) || g.words[k] != (gazWord{}) || g.named[k] || sl.es != nil || ix.trigBySlot[k] != nil || ix.modeBySlot[k] != nil {
				t.Fatalf("free slot %d not empty", k)
			}
			continue
		}
		if g.free(uint32(k)) {
			t.Fatalf("used slot %d marked free", k)
		}
		if _, dup := v.slots[sl.first]; dup {
			t.Fatalf("key %q in two slots", sl.first)
		}
		es, pre := tiesInOrder(sl.es, sl.pre)
		v.slots[sl.first] = slotView{h: sl.h, cls: sl.cls, es: es, pre: pre, multi: sl.multi, single: sl.single,
			hs: g.hs[k], key: g.words[k].key, named: g.named[k], clsAt: g.words[k].cls, trigs: ix.trigBySlot[k], modes: ix.modeBySlot[k]}
	}
	for c, p := range g.punct {
		v.punct[c] = punctView{h: p.h, cls: p.cls}
		if p.slot > 0 {
			v.punct[c].key = g.slots[p.slot-1].first
		}
	}
	return v
}

// tiesInOrder returns es and their prefilter with each run of entries
// that the gazetteer's sort ties (as long, as minor) put in one fixed
// order; the runs stay where they are.
func tiesInOrder(es []*gazEntry, pre []gazPre) ([]*gazEntry, []gazPre) {
	if len(pre) != len(es) {
		return es, pre
	}
	type pair struct {
		e *gazEntry
		p gazPre
	}
	ps := make([]pair, len(es))
	for x := range es {
		ps[x] = pair{es[x], pre[x]}
	}
	for i := 0; i < len(ps); {
		j := i + 1
		for j < len(ps) && len(ps[j].e.toks) == len(ps[i].e.toks) && ps[j].e.minor == ps[i].e.minor {
			j++
		}
		run := ps[i:j]
		sort.SliceStable(run, func(x, y int) bool {
			a, b := run[x].e, run[y].e
			if a.kind != b.kind {
				return a.kind < b.kind
			}
			if a.idx != b.idx {
				return a.idx < b.idx
			}
			if a.form != b.form {
				return a.form < b.form
			}
			return strings.Join(a.toks, " ") < strings.Join(b.toks, " ")
		})
		i = j
	}
	outE, outP := make([]*gazEntry, len(ps)), make([]gazPre, len(ps))
	for x, p := range ps {
		outE[x], outP[x] = p.e, p.p
	}
	return outE, outP
}

// TestKeyTokensMatchReference holds keyTokenizer, which splits plain
// names itself, to the tokenizer's split of names plain and not, one
// tokenizer for them all as newActorIndex has it.
func TestKeyTokensMatchReference(t *testing.T) {
	names := []string{"", " ", "a", "Z", "kill", "Kills", "opened fire", "Prime Minister", "UN", "U.N.",
		"US", "the United States", " lead", "trail ", "double  space", "tab\there", "Côte d'Ivoire",
		"People's Liberation Army", "al-Qaeda", "secretary-general", "Kurdistan Workers' Party",
		"Washington D.C.", "G7", "1st Army", "Über", "ÉTATS-UNIS", "a\u00a0b"}
	for _, o := range organizations {
		names = append(names, o.name)
		names = append(names, o.aliases...)
	}
	var kt keyTokenizer
	for _, name := range names {
		if got, want := kt.tokens(name), keyTokensRef(name); !slices.Equal(got, want) {
			t.Errorf("tokens(%q) = %q, want %q", name, got, want)
		}
	}
}
