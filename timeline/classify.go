package timeline

import (
	"iter"
	"slices"
	"sort"
	"strings"
)

// EventClass is the type of an event and the roles of its actors, as
// classifyEvent reads them from a sentence.
type EventClass struct {
	// Type is a PLOVER category, STATEMENT (reported speech) or OTHER.
	Type string
	// Quad is the quad code: 1 verbal cooperation, 2 material
	// cooperation, 3 verbal conflict, 4 material conflict; 0 for OTHER.
	Quad int
	// CAMEO is the CAMEO root code, "01" to "20"; empty for OTHER.
	CAMEO string
	// Mode refines the type: the means of an ASSAULT ("aerial",
	// "heavy-weapons", "explosives", "firearms"…), "mediate" for a
	// third party's CONSULT.
	Mode string
	// Trigger is the span of the phrase that names the event; zero when
	// none was found.
	Trigger Span
	// Actors are the sources of the action, Recipients its targets.
	Actors, Recipients []Actor
}

// trigger is one entry of the event lexicon.
type trigger struct {
	toks             []string
	hs               []uint32 // fnv1a of each of toks, for matchTrigger
	typ, cameo, mode string
	quad             int // categories[typ].quad, read once
	noun, participle bool
	// read from the lists by the whole form, once (buildTriggers)
	nounForm bool            // the form is one the lexicon lists as a noun
	idiom    map[string]bool // idiomFollowers of the form
	sense    string          // objectSense of the first word
	// the variants candidates may turn the trigger into, made once
	// (addVariants) rather than copied for each use: the trigger read
	// as a noun, and a "clause" verb read as a STATEMENT
	asNoun, asStatement *trigger
}

// addVariants sets t's asNoun and asStatement, made in slab.
func (t *trigger) addVariants(slab *triggerSlab) {
	if t.sense == "clause" {
		st := slab.add(t)
		st.typ, st.cameo, st.quad = "STATEMENT", categories["STATEMENT"].cameo, categories["STATEMENT"].quad
		st.addNoun(slab)
		t.asStatement = st
	}
	t.addNoun(slab)
}

// addNoun sets asNoun of a trigger that is no noun.
func (t *trigger) addNoun(slab *triggerSlab) {
	if !t.noun {
		n := slab.add(t)
		n.noun, n.asNoun, n.asStatement = true, nil, nil
		t.asNoun = n
	}
}

// triggerIndex maps the first token of each trigger to its entries,
// longest first.
type triggerIndex map[string][]*trigger

// buildTriggers indexes the lexicon: the triggers by their first word,
// in a map and, as they are put in the table g builds (their words
// marked wcTrigger), by the word's index there. It also returns the
// forms the lexicon lists as nouns, even where the same form is a verb's
// first ("embargo"): a support verb takes them ("imposed an embargo").
func buildTriggers(g *gazBuilder) (triggerIndex, byWord[*trigger], map[string]bool) {
	verbs, nouns := lexiconSize()
	nounForms := make(map[string]bool, 2*nouns)
	seen := make(map[string]bool, 5*verbs+2*nouns) // the most forms there can be
	var slab triggerSlab
	var lists byWord[*trigger]
	var listOf []int32 // 1+ the index into lists, by the index of its word in g
	// add makes the trigger of form from its row's, proto
	add := func(form string, proto *trigger, participle bool) {
		n := len(seen)
		if seen[form] = true; len(seen) == n {
			return // the first row that lists a form decides its type
		}
		t := slab.add(proto)
		t.participle = participle
		t.toks = g.kt.tokens(form)
		t.hs = slab.hashes(t.toks)
		w := g.slot(t.hs[0], t.toks[0])
		if int(w) >= len(listOf) {
			listOf = append(listOf, make([]int32, int(w)+1-len(listOf))...)
		}
		if listOf[w] == 0 {
			g.slots[w].cls |= wcTrigger
			lists.add(w, slab.list())
			listOf[w] = int32(len(lists.lists))
		}
		ts := &lists.lists[listOf[w]-1]
		*ts = append(*ts, t)
	}
	for _, row := range lexicon {
		cat := categories[row.typ]
		cameo := row.cameo
		if cameo == "" {
			cameo = cat.cameo
		}
		verb := trigger{typ: row.typ, cameo: cameo, mode: row.mode, quad: cat.quad}
		for v := range listItems(row.verbs) {
			inflect(v, func(f string, pp bool) { add(f, &verb, pp) })
		}
		noun := verb
		noun.noun = true
		for n := range listItems(row.nouns) {
			pl := plural(n)
			add(n, &noun, false)
			add(pl, &noun, false)
			nounForms[n] = true
			if pl != n {
				nounForms[pl] = true
			}
		}
	}
	ti := make(triggerIndex, len(lists.lists))
	for k, ts := range lists.lists {
		ti[g.slots[lists.words[k]].first] = ts
	}
	markSenses(ti, nounForms)
	for _, ts := range lists.lists {
		if len(ts) > 1 {
			slices.SortStableFunc(ts, func(a, b *trigger) int { return len(b.toks) - len(a.toks) })
		}
		for _, t := range ts {
			t.addVariants(&slab)
		}
	}
	return ti, lists, nounForms
}

// lexiconSize returns how many verbs and nouns the lexicon lists, at
// most (empty items counted), to size the maps of buildTriggers.
func lexiconSize() (verbs, nouns int) {
	for _, row := range lexicon {
		verbs += strings.Count(row.verbs, ",") + 1
		nouns += strings.Count(row.nouns, ",") + 1
	}
	return verbs, nouns
}

// markSenses sets the sense, the idiom and nounForm of the triggers
// that objectSense, idiomFollowers and nounForms list, found from the
// words of these maps rather than each trigger looked up in all three.
func markSenses(ti triggerIndex, nounForms map[string]bool) {
	for w, sense := range objectSense {
		for _, t := range ti[w] {
			t.sense = sense
		}
	}
	for form, idiom := range idiomFollowers {
		for _, t := range triggersOfForm(ti, form) {
			if joinedIs(t.toks, form) {
				t.idiom = idiom
			}
		}
	}
	for form := range nounForms {
		for _, t := range triggersOfForm(ti, form) {
			if joinedIs(t.toks, form) {
				t.nounForm = true
			}
		}
	}
}

// triggersOfForm returns the triggers that may be form, its words
// joined by spaces: those of its first word (no token has a space).
func triggersOfForm(ti triggerIndex, form string) []*trigger {
	first, _, _ := strings.Cut(form, " ")
	return ti[first]
}

// joinedIs reports whether strings.Join(ws, " ") is s.
func joinedIs(ws []string, s string) bool {
	for k, w := range ws {
		if k > 0 {
			if s == "" || s[0] != ' ' {
				return false
			}
			s = s[1:]
		}
		if !strings.HasPrefix(s, w) {
			return false
		}
		s = s[len(w):]
	}
	return s == ""
}

// triggerSlab holds the triggers buildTriggers makes, their hashes and
// the first place of each list of the index in blocks, rather than each
// in an allocation of its own.
type triggerSlab struct {
	ts    []trigger
	hs    []uint32
	lists []*trigger
}

// list returns an empty list with room for one trigger: most words start
// one; a list that grows past it moves out.
func (s *triggerSlab) list() []*trigger {
	if len(s.lists) == cap(s.lists) {
		s.lists = make([]*trigger, 0, 1024)
	}
	s.lists = s.lists[:len(s.lists)+1]
	return s.lists[len(s.lists)-1 : len(s.lists)-1 : len(s.lists)]
}

// add returns a copy of *t that stays where it is.
func (s *triggerSlab) add(t *trigger) *trigger {
	if len(s.ts) == cap(s.ts) {
		s.ts = make([]trigger, 0, 256)
	}
	s.ts = append(s.ts, *t)
	return &s.ts[len(s.ts)-1]
}

// hashes returns the fnv1a of each word of toks.
func (s *triggerSlab) hashes(toks []string) []uint32 {
	if cap(s.hs)-len(s.hs) < len(toks) {
		s.hs = make([]uint32, 0, max(len(toks), 1024))
	}
	start := len(s.hs)
	for _, w := range toks {
		s.hs = append(s.hs, fnv1a(w, ""))
	}
	return s.hs[start:len(s.hs):len(s.hs)]
}

// listItems yields the items of a comma-separated list, trimmed, but
// for empty ones.
func listItems(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for f := range strings.SplitSeq(s, ",") {
			if f = strings.TrimSpace(f); f != "" && !yield(f) {
				return
			}
		}
	}
}

// modeIndex maps the first token of each mode cue to its cues.
type modeCue struct {
	toks []string
	mode string
	rank int // lower is more specific
}

func buildModes(kt *keyTokenizer) map[string][]modeCue {
	mi := map[string][]modeCue{}
	for rank, row := range modeCues {
		for c := range listItems(row.cues) {
			mc := modeCue{toks: kt.tokens(c), mode: row.mode, rank: rank}
			mi[mc.toks[0]] = append(mi[mc.toks[0]], mc)
		}
	}
	for _, cs := range mi {
		if len(cs) > 1 {
			slices.SortStableFunc(cs, func(a, b modeCue) int { return len(b.toks) - len(a.toks) })
		}
	}
	return mi
}

// matchToks reports whether want matches toks from i on, by lowercase
// token, ignoring possessives.
func matchToks(toks []token, i int, want []string) bool {
	if i+len(want) > len(toks) {
		return false
	}
	for k, w := range want {
		if toks[i+k].low != w {
			return false
		}
	}
	return true
}

// matchTriggerOf is matchTrigger of a trigger that triggersOf(&toks[i])
// lists: its first word is toks[i]'s, so only the words after it are
// compared, and a trigger of one word matches at once.
func matchTriggerOf(toks []token, i int, tr *trigger) bool {
	want := tr.toks
	if len(tr.hs) != len(want) {
		return matchToks(toks, i, want) // a trigger not made by buildTriggers
	}
	if i+len(want) > len(toks) {
		return false
	}
	for k := 1; k < len(want); k++ {
		t := &toks[i+k]
		if t.word && t.h != tr.hs[k] || t.low != want[k] {
			return false
		}
	}
	return true
}

// candidate is a trigger found in a sentence over tokens [i, j).
type candidate struct {
	i, j int
	t    *trigger
}

// clauses returns the clause spans of s, whose tokens are toks: it is
// cut where a sentence turns to another clause that can carry its own
// date or its own actors (clauseBreakTokens). The spans are appended to
// out.
func clauses(out []Span, text string, s Span, toks []token) []Span {
	start := s.Start
	clauseBreakTokens(text, s, toks, func(b, _ int) {
		if cut := s.Start + b; cut > start {
			out = append(out, Span{start, cut})
			start = cut
		}
	})
	return append(out, Span{start, s.End})
}

// clauseSpans returns the clauses of toks, the tokens of s, cut also
// where a coordinated clause brings in its own subject.
func clauseSpans(sc *classifyScratch, text string, s Span, toks []token, actors []Actor, cands []candidate) []Span {
	sc.cls = clauses(sc.cls[:0], text, s, toks)
	return splitCoordinated(sc, sc.cls, toks, actors, cands)
}

func clauseOf(cls []Span, at int) Span {
	for _, c := range cls {
		if c.Start <= at && at < c.End {
			return c
		}
	}
	return cls[len(cls)-1]
}

// classifyEvent finds the event trigger in text[s.Start:s.End] and types
// it. near is the span of the temporal expression that dates the event:
// when the sentence has several triggers, the one closest to it in its
// clause wins. The actors (from findActors) are split into sources and
// recipients by where they stand: the subject before an active verb acts,
// the object after it receives; a passive turns this round, and "by X"
// names the source.
func (ix *actorIndex) classifyEvent(text string, s Span, near Span, actors []Actor) EventClass {
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
		return EventClass{Type: "OTHER", Actors: actors}
	}
	toks := tokenize(text, s)
	ix.gaz.lookup(toks)
	return ix.classifyTokens(new(classifyScratch), toks, text, s, near, actors)
}

// classifyScratch is the memory that classifyClause reuses from one
// clause to the next: the actor lists of the EventClass it returns are
// valid until its next call with the same scratch. Not safe for
// concurrent use.
type classifyScratch struct {
	marks     []bool // the per-token marks of a clause, handed out by mark
	used      int
	cands     []candidate
	cls, cls2 []Span
	cuts      []int
	// the clauses of a sentence's dated expressions (splitClauses)
	sentClauses []Span
	sentCuts    []int
	// the actors of a document's events, with their roles, until
	// setEventActors copies them out (appendRoles)
	roleActors []Actor
	roleLists  []roleList
	actors     []Actor // the actor lists of a clause, handed out by actorList
	actorsUsed int
	// what the clause's tokens hold (classifyTokens sets it for the
	// passes it calls): a pass that looks for a mark the clause lacks
	// marks nothing and is not run
	punct punctuation
	// commas and ands are the indexes of the clause's "," and "and"
	// tokens, in order (readPunctuation): the asides and cuts that open
	// at one are looked for at them, not at every token
	commas, ands []int32
}

// punctuation tells which of the marks that the asides, quotes and
// coordinated clauses start at a clause may hold: a bit clear means
// none (a bit set may be a look-alike: "–" sets dash and openQuote).
type punctuation uint8

const (
	hasComma     punctuation = 1 << iota // ","
	hasDash                              // a hyphen or dash, spaced or not
	hasParen                             // "("
	hasOpenQuote                         // a quotation mark that can open a quote
	hasAnd                               // the word "and"
	mayBeAnd                             // a first letter of "and"
)

// punctByFirst are the marks a token of up to three bytes may be, by its
// first byte: the three-byte dashes and quotes all start with 0xE2.
var punctByFirst = func() (t [256]punctuation) {
	t[','], t['-'], t['('] = hasComma, hasDash, hasParen
	t['"'], t['`'] = hasOpenQuote, hasOpenQuote
	t[0xE2] = hasDash | hasOpenQuote
	t['a'], t['A'] = mayBeAnd, mayBeAnd
	return t
}()

// readPunctuation reads toks, a clause, for the marks of punctuation
// (sc.punct) and the indexes of its commas and its "and"s (sc.commas,
// sc.ands), in one pass.
func (sc *classifyScratch) readPunctuation(toks []token) {
	var p punctuation
	commas, ands := sc.commas[:0], sc.ands[:0]
	for i := range toks {
		t := &toks[i]
		if t.raw == "" {
			continue
		}
		// A token longer than any mark, and than "and", is none: its m
		// is cleared with no branch on the length, which the words'
		// lengths would mispredict; most words then pass at m == 0,
		// taken but for marks and short words starting with an 'a'.
		m := uint32(punctByFirst[t.raw[0]]) // a width a conditional move takes
		if len(t.raw) > 3 {
			m = 0
		}
		if m == 0 {
			continue
		}
		switch {
		case m&uint32(hasComma) != 0 && t.raw == ",":
			commas = append(commas, int32(i))
		case m&uint32(mayBeAnd) != 0 && t.low == "and":
			m |= uint32(hasAnd)
			ands = append(ands, int32(i))
		}
		p |= punctuation(m)
	}
	sc.punct, sc.commas, sc.ands = p, commas, ands
}

// commaIndex returns sc.commas, the indexes of the "," tokens of toks,
// the clause readPunctuation read last.
func (sc *classifyScratch) commaIndex(toks []token) []int32 { return sc.commas }

// has reports whether p may hold all of marks.
func (p punctuation) has(marks punctuation) bool { return p&marks == marks }

// reset makes all of the scratch free for the next clause.
func (sc *classifyScratch) reset() { sc.used, sc.actorsUsed = 0, 0 }

// mark returns n cleared marks, one a token, that stay the caller's
// until the next reset.
func (sc *classifyScratch) mark(n int) []bool {
	if sc.used+n > len(sc.marks) {
		// the slices handed out keep the old array
		sc.marks, sc.used = make([]bool, max(2*len(sc.marks), 16*n, 256)), 0
	}
	m := sc.marks[sc.used : sc.used+n : sc.used+n]
	sc.used += n
	clear(m)
	return m
}

// actorList returns an empty list with room for n actors, the caller's
// until the next reset.
func (sc *classifyScratch) actorList(n int) []Actor {
	if sc.actorsUsed+n > len(sc.actors) {
		// sized to the need: most documents have few actors a clause
		sc.actors, sc.actorsUsed = make([]Actor, max(2*len(sc.actors), 4*n)), 0
	}
	l := sc.actors[sc.actorsUsed : sc.actorsUsed : sc.actorsUsed+n]
	sc.actorsUsed += n
	return l
}

// classifyClause is classifyEvent on clause cl of sentence sent, whose
// tokens are sentToks: it takes the clause's tokens from them when it
// can, and tokenizes on tz (which must not hold sentToks) when not. The
// actor lists it returns live in sc.
func (ix *actorIndex) classifyClause(sc *classifyScratch, tz *tokenizer, text string, sent Span, sentToks []token, cl Span, near Span, actors []Actor) EventClass {
	if cl.Start < 0 || cl.End > len(text) || cl.Start >= cl.End {
		return EventClass{Type: "OTHER", Actors: actors}
	}
	toks, ok := sentToks[:len(sentToks):len(sentToks)], true // what subTokens gives for the whole sentence
	if cl != sent {
		toks, ok = subTokens(text, sent, sentToks, cl)
	}
	if !ok {
		toks = tz.tokenize(text, cl)
		ix.gaz.lookup(toks)
	}
	return ix.classifyTokens(sc, toks, text, cl, near, actors)
}

// classifyTokens is classifyEvent on toks, the tokens of text[s.Start:s.End].
func (ix *actorIndex) classifyTokens(sc *classifyScratch, toks []token, text string, s Span, near Span, actors []Actor) EventClass {
	sc.reset()
	cands := ix.candidates(sc.cands[:0], toks, near)
	sc.cands = cands
	if ap := dateApposition(toks, near); ap.End > ap.Start {
		// "On 8 October 1950, the day after the US's crossing into North
		// Korea, Mao Zedong ordered": the apposition says which day; its
		// event and its names are not the dated event's.
		kept := cands[:0]
		for _, c := range cands {
			if !ap.Contains(Span{toks[c.i].Start, toks[c.j-1].End}) {
				kept = append(kept, c)
			}
		}
		cands = kept
		var as []Actor
		for _, a := range actors {
			if !ap.Contains(a.Span) {
				as = append(as, a)
			}
		}
		actors = as
	}
	if len(cands) == 0 {
		// no trigger: the clauses and the roles are not needed
		return EventClass{Type: "OTHER", Actors: dedupeActors(sc, actors, nil)}
	}
	sc.readPunctuation(toks)
	// The clauses, and the quotes, are read only when they can matter:
	// to choose among triggers, to place the actors, or to find the
	// means of an assault.
	var cls []Span
	var quoted []bool
	best := 0 // a lone trigger is picked
	if len(cands) > 1 {
		cls, quoted = clauseSpans(sc, text, s, toks, actors, cands), quoteDepth(sc, toks)
		if best = pickTrigger(sc, cands, toks, quoted, cls, near); best < 0 {
			return EventClass{Type: "OTHER", Actors: dedupeActors(sc, actors, nil)}
		}
	}
	c := cands[best]
	ec := EventClass{
		Type:    c.t.typ,
		Quad:    c.t.quad,
		CAMEO:   c.t.cameo,
		Mode:    c.t.mode,
		Trigger: Span{toks[c.i].Start, toks[c.j-1].End},
	}
	var cl Span
	if len(actors) > 0 || ec.Type == "ASSAULT" {
		if cls == nil {
			cls = clauseSpans(sc, text, s, toks, actors, cands)
		}
		cl = clauseOf(cls, toks[c.i].Start)
	}
	if ec.Type == "STATEMENT" && threatens(cands, toks, best) {
		// A statement of force to come is a threat: "indicated that Iran
		// would invade Iraq".
		ec.Type, ec.Quad, ec.CAMEO = "THREATEN", categories["THREATEN"].quad, categories["THREATEN"].cameo
	}
	if ec.Type == "ASSAULT" {
		ec.Mode = ix.assaultMode(toks, c, cl)
	}
	if len(actors) > 0 { // with none, there are no roles to give
		if quoted == nil {
			quoted = quoteDepth(sc, toks)
		}
		ec.Actors, ec.Recipients = roles(sc, toks, quoted, c, cl, actors, cands)
	}
	if verbal[ec.Type] && !c.t.noun {
		ec.Recipients = outsideEmbedded(toks, c, cands, ec.Recipients)
	}
	if ec.Type == "STATEMENT" && !c.t.noun {
		ec.Recipients = addressees(toks, c, ec.Recipients)
	}
	if len(ec.Actors) == 0 && !c.t.noun {
		// "ROK and UN forces were prepared ..., and then counterattacked":
		// the subject stands in the clause before.
		for k, x := range cls {
			if x == cl && k > 0 {
				var subj []Actor
				for _, a := range actors {
					if !cls[k-1].Contains(a.Span) {
						continue
					}
					// The subject and the names joined to it: "ROK Army
					// and UN Command forces were prepared".
					if len(subj) > 0 && !joined(text, subj[len(subj)-1].End, a.Start) {
						break
					}
					subj = append(subj, a)
				}
				ec.Actors = dedupeActors(sc, subj, ec.Recipients)
			}
		}
	}
	if ec.Type != "ASSAULT" && ec.Type != "SANCTION" {
		return ec // the checks below read the trigger of these two only
	}
	trig := strings.ToLower(ec.Trigger.In(text))
	if ec.Type == "ASSAULT" && strings.HasPrefix(trig, "raid") && allSector(ec.Actors, "COP") {
		// A police raid is repression, not an armed assault.
		ec.Type, ec.Quad, ec.CAMEO = "COERCE", categories["COERCE"].quad, categories["COERCE"].cameo
	}
	if ec.Type == "SANCTION" && strings.HasPrefix(trig, "expel") && anySector(ec.Recipients, "MIL") {
		// Expelling troops from ground is fighting, not a diplomatic expulsion.
		ec.Type, ec.Quad, ec.CAMEO = "ASSAULT", categories["ASSAULT"].quad, "19"
	}
	if ec.Type == "ASSAULT" && captures[trig] {
		for _, r := range ec.Recipients {
			if r.Kind == "person" {
				// Taking a person is an arrest, taking ground an assault.
				ec.Type, ec.Quad, ec.CAMEO = "COERCE", categories["COERCE"].quad, categories["COERCE"].cameo
				break
			}
		}
	}
	return ec
}

// verbal are the categories of saying: their object may be another event.
var verbal = map[string]bool{"STATEMENT": true, "ACCUSE": true, "SUPPORT": true, "REJECT": true}

// outsideEmbedded drops the recipients named after an event noun that
// is the verb's object: in "condemned terrorist bomb attacks at U.S.
// embassies in Kenya", the embassies are the attacks' targets, not the
// condemnation's. A name before the noun ("condemned Azerbaijan's
// military action") is the agent of the act condemned, and stays.
func outsideEmbedded(toks []token, c candidate, cands []candidate, rcp []Actor) []Actor {
	for _, o := range cands {
		if !o.t.noun || o.i < c.j || o.i > c.j+6 {
			continue
		}
		stop := false
		for i := c.j; i < o.i; i++ {
			if !toks[i].word && !toks[i].poss && toks[i].raw != "'" && toks[i].raw != "-" {
				stop = true
			}
		}
		if stop {
			continue
		}
		// The noun's phrase runs to a comma or to a conjunction that
		// starts a new predicate ("... and vowed", "... and appealed").
		end := len(toks)
		for i := o.j; i < len(toks); i++ {
			if !toks[i].word && toks[i].raw != "." && toks[i].raw != "-" && toks[i].raw != "'" ||
				(toks[i].low == "and" || toks[i].low == "but") && i+1 < len(toks) && !toks[i+1].up && !toks[i+1].is(wcArticle) {
				end = i
				break
			}
		}
		var kept []Actor
		for _, a := range rcp {
			if a.Start < toks[o.j-1].End || end < len(toks) && a.Start >= toks[end].Start {
				kept = append(kept, a)
			}
		}
		return kept
	}
	return rcp
}

func allSector(as []Actor, sector string) bool {
	for _, a := range as {
		if a.Sector != sector {
			return false
		}
	}
	return len(as) > 0
}

func anySector(as []Actor, sector string) bool {
	for _, a := range as {
		if a.Sector == sector {
			return true
		}
	}
	return false
}

// captures are the triggers that are arrests when their object is a person.
var captures = map[string]bool{"captured": true, "capture": true, "seized": true, "seize": true, "taken": true}

// threatens reports whether the statement at k is followed by material
// conflict marked as intended ("would invade", "to continue the war").
func threatens(cands []candidate, toks []token, k int) bool {
	for j := k + 1; j < len(cands) && cands[j].i <= cands[k].j+contentWindow; j++ {
		if !cands[j].t.noun && (cands[j].t.typ == "REQUEST" || cands[j].t.typ == "AGREE") {
			return false // what a request or promise after it asks for is not the statement's
		}
		switch cands[j].t.typ {
		case "ASSAULT", "COERCE", "SANCTION", "MOBILIZE":
			if contentOf(cands, toks, j, false) {
				return true
			}
		}
	}
	return false
}

// candidates finds the triggers of a sentence, longest first, dropping
// negated ones ("did not attack"). A support verb takes the type of the
// trigger noun that follows it: "launched what it called operations".
func (ix *actorIndex) candidates(cands []candidate, toks []token, near Span) []candidate {
	first := 0 // the first word of the sentence may be capitalized
	for first < len(toks) && !toks[first].word {
		first++
	}
	for i := first; i < len(toks); i++ {
		if !toks[i].is(wcTrigger|wcSupportVerb) || !toks[i].word {
			continue // neither a trigger nor a support verb starts here
		}
		// Capitalized words are names ("March", "United", "Operation
		// Ripper"), and the date itself is no trigger.
		if toks[i].up && i != first || near.Overlaps(toks[i].Span) {
			continue
		}
		if i > 0 && toks[i-1].low == "in" && toks[i].is(wcIdiomAfterIn) {
			continue // "in charge of", "in force"
		}
		var hit *trigger
		if toks[i].is(wcTrigger) {
			for _, t := range ix.triggersOf(&toks[i]) {
				if matchTriggerOf(toks, i, t) {
					hit = t
					break
				}
			}
		}
		if hit != nil && hit.mode == "mediate" {
			// "brokered a ceasefire": the mediation, spanning what it made.
			if c, ok := ix.supportedNoun(toks, i); ok && !negated(toks, i) {
				cands = append(cands, candidate{c.i, c.j, hit})
				i = c.j - 1
				continue
			}
		}
		if toks[i].is(wcSupportVerb) {
			if c, ok := ix.supportedNoun(toks, i); ok && (hit == nil || hit.typ == "STATEMENT" || hit.typ == "AGREE" || hit.typ == "COOPERATE") {
				if hit != nil && hit.typ == c.t.typ {
					c.t = hit // "signed a treaty": the verb's CAMEO code (05) is the finer
				}
				if !negated(toks, i) {
					cands = append(cands, c)
				}
				continue
			}
		}
		if hit == nil || hit.idiom != nil && i+1 < len(toks) && hit.idiom[toks[i+1].low] {
			continue // "fell ill", "a falling out"
		}
		if !hit.noun && len(hit.toks) == 1 && hit.sense != "" {
			// Verbs whose sense turns on their complement: "concluded a
			// treaty" agrees, "concluded (that) he had been killed" says;
			// "demonstrated in the capital" protests, "demonstrated
			// support" only shows.
			next := ""
			if i+1 < len(toks) && toks[i+1].word {
				next = toks[i+1].low
			}
			switch sense := hit.sense; {
			case next == "that" || selfPronouns[next]:
				if sense != "clause" {
					continue
				}
				hit = hit.asStatement
			case sense == "clause" && (next == "" || prepositions[next]):
				continue // "talks that are supposed to conclude by May"
			case sense == "intransitive" && next != "" && !prepositions[next]:
				continue
			}
		}
		// Nouns used as modifiers are no events: "ceasefire agreements"
		// is one event, "war crimes" none of its own.
		j := i + len(hit.toks)
		if !hit.noun && i > 0 && (strings.HasSuffix(toks[i].low, "ing") && toks[i-1].is(wcDeterminer) ||
			toks[i-1].is(wcArticle) || toks[i-1].poss) {
			// "the bombing of two U.S. embassies": a gerund used as a
			// noun; "with the help of": a verb's form after an article.
			hit = hit.asNoun
		}
		if !negated(toks, i) && !(hit.noun && j < len(toks) && toks[j].is(wcNounModified)) {
			cands = append(cands, candidate{i, j, hit})
		}
		i = j - 1
	}
	return cands
}

// supportedNoun finds the trigger noun a support verb at i governs,
// within ten tokens and before any punctuation but quotes.
func (ix *actorIndex) supportedNoun(toks []token, i int) (candidate, bool) {
	for k := i + 1; k < len(toks) && k <= i+10; k++ {
		t := &toks[k]
		if !t.word {
			if t.raw == "\"" || t.raw == "“" || t.raw == "”" || t.raw == "-" || t.raw == "'" {
				continue
			}
			break
		}
		if t.is(wcStop) && t.low != "the" && t.low != "a" && t.low != "an" && t.low != "of" {
			break
		}
		for _, tr := range ix.triggersOf(t) {
			if (tr.noun || tr.nounForm) && matchTriggerOf(toks, k, tr) {
				return candidate{i, k + len(tr.toks), tr}, true
			}
		}
	}
	return candidate{}, false
}

// nounModified are nouns that a trigger noun only qualifies: "war
// crimes", "bombing victims" name no event of their own.
var nounModified = map[string]bool{"crimes": true, "victims": true, "suspect": true, "suspects": true,
	"site": true, "sites": true, "zone": true, "plans": true, "plan": true, "survivors": true}

// topicWords before a trigger noun make it the topic of another event:
// "questioning about the bombing", "despite the sanctions".
var topicWords = map[string]bool{"about": true, "over": true, "into": true, "regarding": true,
	"concerning": true, "despite": true, "for": true, "amid": true}

// reactions name what an event answers: "in retaliation for".
var reactions = map[string]bool{"response": true, "retaliation": true, "reaction": true, "reply": true}

// subordinators open a clause that frames the main one: "after signing
// an armistice with Japan, the Soviets launched".
var subordinators = map[string]bool{"after": true, "before": true, "when": true, "while": true,
	"following": true, "during": true, "despite": true, "although": true, "though": true}

// asTopic reports a trigger noun governed by a topic word.
func asTopic(toks []token, c candidate) bool {
	if !c.t.noun {
		return false
	}
	for k := c.i - 1; k >= 0 && k >= c.i-4; k-- {
		if toks[k].is(wcTopicWord) {
			return true
		}
		if (toks[k].low == "to" || toks[k].low == "for") && k > 0 && reactions[toks[k-1].low] {
			return true // "in response to U.S. missile attacks"
		}
		if !toks[k].word || toks[k].is(wcStop) && toks[k].low != "the" && toks[k].low != "a" && toks[k].low != "an" {
			return false
		}
	}
	return false
}

// subordinate marks the tokens of a framing clause, from a subordinator
// at the start of a sentence or after a comma to the next comma: the
// stretches between the commas (commaIndex) are read at their first
// token.
func subordinate(sc *classifyScratch, toks []token) []bool {
	in := sc.mark(len(toks))
	commas := sc.commaIndex(toks)
	start := 0 // the first token after the last comma
	for x := 0; x <= len(commas); x++ {
		end := len(toks)
		if x < len(commas) {
			end = int(commas[x])
		}
		if start < end && toks[start].is(wcSubordinator) {
			for m := start; m < end; m++ {
				in[m] = true
			}
		}
		start = end + 1
	}
	return in
}

// objectSense says, for verbs whose event depends on what follows, which
// reading is the trigger's: "clause" (conclude a treaty; a clause after
// it is a finding, STATEMENT; nothing after it, an ending), or "intransitive" (demonstrate, protest
// in the streets; with an object it means "show").
var objectSense = func() map[string]string {
	m := map[string]string{}
	for _, f := range []string{"conclude", "concludes", "concluded", "concluding"} {
		m[f] = "clause"
	}
	for _, f := range []string{"demonstrate", "demonstrates", "demonstrated", "demonstrating"} {
		m[f] = "intransitive"
	}
	return m
}()

// prepositions that may follow an intransitive verb.
var prepositions = map[string]bool{"in": true, "on": true, "at": true, "against": true, "outside": true,
	"for": true, "near": true, "by": true, "before": true, "after": true, "until": true, "with": true,
	"across": true, "through": true, "throughout": true, "to": true, "over": true, "around": true, "and": true}

// idiomFollowers are the words after a trigger that make an idiom of
// it, and no event: "fell ill", "had a falling out", "fell short".
var idiomFollowers = func() map[string]map[string]bool {
	fall := map[string]bool{"ill": true, "out": true, "short": true, "silent": true, "asleep": true,
		"apart": true, "behind": true, "sick": true}
	m := map[string]map[string]bool{}
	for _, f := range []string{"fall", "falls", "fell", "fallen", "falling"} {
		m[f] = fall
	}
	return m
}()

// articles before a verb's form make it a noun: "the help", "a raid".
var articles = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true}

// determiners before a gerund make it a noun.
var determiners = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true, "this": true, "that": true}

// idiomAfterIn are nouns that make no event after "in": "in charge of",
// "in force", "in control".
var idiomAfterIn = map[string]bool{"charge": true, "force": true, "control": true, "support": true, "exchange": true, "response": true}

// negators before a trigger cancel it.
var negators = map[string]bool{"not": true, "never": true, "no": true, "without": true, "t": true, "nor": true}

func negated(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		t := &toks[k]
		if !t.word {
			if t.raw == "," || t.raw == ";" {
				return false
			}
			continue
		}
		if t.is(wcNegator) {
			return true
		}
	}
	return false
}

// pickTrigger returns the candidate closest to near within near's clause
// (or the whole sentence when that clause has none). Reported speech
// gives way to the event it reports: "Russia said it was in contact".
func pickTrigger(sc *classifyScratch, cands []candidate, toks []token, quoted []bool, cls []Span, near Span) int {
	aside, sub := asideDepth(sc, toks), subordinate(sc, toks)
	nearTok, nearEnd := overlapping(toks, near)
	speech := speechAtDate(cands, toks, nearTok, nearEnd)
	if speech >= 0 && selfReport(toks, max(cands[speech].j, nearEnd+1)) {
		// "Russia said on Tuesday it was in contact with Azerbaijan": the
		// speaker reports its own act, and the act is the event.
		speech = -1
	}
	dated := datedNoun(toks, nearEnd)
	closesConjunct := nearEnd >= 0 && nearEnd+1 < len(toks) && toks[nearEnd+1].low == "and" ||
		nearEnd >= 0 && nearEnd+2 < len(toks) && toks[nearEnd+1].raw == "," && toks[nearEnd+2].low == "and"
	pick := func(in func(candidate) bool) int {
		best, bestScore := -1, 0
		for k, c := range cands {
			if !in(c) {
				continue
			}
			sp := Span{toks[c.i].Start, toks[c.j-1].End}
			var d int
			switch {
			case near.End <= near.Start: // no date: the first event
				d = sp.Start
			case sp.End <= near.Start:
				d = near.Start - sp.End
			case sp.Start >= near.End:
				d = sp.Start - near.End
			}
			if c.t.typ == "STATEMENT" && k != speech {
				d += 60
			}
			if speech >= 0 && k != speech && c.i >= cands[speech].j && !performative[c.t.typ] {
				d += 100 // "said Friday that U.S. air raids ...": the saying is dated
			}
			if c.t.noun && c.i == dated {
				d -= 100 // "last Friday's bombings": the date names this event
			}
			if closesConjunct && c.i > nearEnd && nearTok > 0 && cands[0].i < nearTok {
				d += 80 // "condemned the attack on Tuesday and appealed": the date closes its conjunct
			}
			if adjunct(toks, c) && !datesPhrase(cands, toks, k, nearTok) {
				d += 70 // "with the help of", "during the uprising": context
			}
			if quoted[c.i] {
				d += 80 // quoted words are what someone said, not what happened
			}
			if aside[c.i] {
				d += 40 // "the Iraqi army - backed by coalition support - launched"
			}
			if reportedLater(cands, toks, k) {
				d += 80 // "said that he had ordered": not at the date of saying
			}
			if asTopic(toks, c) {
				d += 40
			}
			if c.t.noun && c.i > 0 && (toks[c.i-1].low == "the" || c.i > 1 && toks[c.i-2].low == "the" && toks[c.i-1].word && !toks[c.i-1].up) {
				d += 25 // "the war": a known event, referred to, seldom the news
			}
			if sub[c.i] && (nearTok < 0 || !sub[nearTok]) {
				d += 60 // a framing clause the date is not in
			}
			if best < 0 || d < bestScore {
				best, bestScore = k, d
			}
		}
		return best
	}
	if near.End > near.Start {
		cl := clauseOf(cls, near.Start)
		if b := pick(func(c candidate) bool { return cl.Contains(Span{toks[c.i].Start, toks[c.j-1].End}) }); b >= 0 {
			return b
		}
	}
	return pick(func(candidate) bool { return true })
}

// overlapping returns the first and the last of toks that overlap s,
// -1 and -1 when none does. The tokens are in order and apart, so their
// ends rise too: those that overlap s are the run from the first that
// ends after s.Start, while they start before s.End.
func overlapping(toks []token, s Span) (first, last int) {
	lo, hi := 0, len(toks)
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if toks[h].End <= s.Start {
			lo = h + 1
		} else {
			hi = h
		}
	}
	first, last = -1, -1
	for i := lo; i < len(toks) && toks[i].Start < s.End; i++ {
		if toks[i].Overlaps(s) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}

// performative are the categories whose verb, reported, is itself the
// act of the speaker: "said it would retaliate" threatens, "said Iraq
// must withdraw" demands.
var performative = map[string]bool{"THREATEN": true, "REQUEST": true, "ACCUSE": true, "REJECT": true}

// speechAtDate returns the speech verb the date attaches to, or -1: the
// date stands next to the verb, before its complement ("said on Tuesday
// that", "Bush on Tuesday said", "said here Friday"). What the clause
// after it reports is then not the dated event.
func speechAtDate(cands []candidate, toks []token, first, last int) int {
	if first < 0 {
		return -1
	}
	for k, c := range cands {
		if c.t.typ != "STATEMENT" || c.t.noun {
			continue
		}
		// The date right after the verb: "said (here) (on) Friday".
		if first >= c.j && first <= c.j+2 {
			ok := true
			for i := c.j; i < first; i++ {
				if !toks[i].word || !dateLead[toks[i].low] {
					ok = false
				}
			}
			if ok {
				return k
			}
		}
		// The date after the verb's addressee and before its clause:
		// "told his Cabinet on Sunday that".
		if first > c.j && first <= c.j+6 && last+1 < len(toks) && toks[last+1].low == "that" {
			ok := true
			for i := c.j; i < first; i++ {
				if !toks[i].word || toks[i].low == "that" {
					ok = false
				}
			}
			if ok {
				return k
			}
		}
		// The date right before it: "Bush on Tuesday said".
		if last < c.i && last >= c.i-2 {
			ok := true
			for i := last + 1; i < c.i; i++ {
				if !toks[i].word || !dateLead[toks[i].low] {
					ok = false
				}
			}
			if ok {
				return k
			}
		}
	}
	return -1
}

// selfReport reports whether the clause a speech verb introduces at i
// has the speaker, as a pronoun, for its subject: "said (that) it was",
// "said he would".
func selfReport(toks []token, i int) bool {
	if i < len(toks) && toks[i].low == "that" {
		i++
	}
	return i < len(toks) && selfPronouns[toks[i].low]
}

var selfPronouns = map[string]bool{"it": true, "he": true, "she": true, "they": true, "we": true, "i": true}

// dateLead are the words that may stand between a speech verb and its date.
var dateLead = map[string]bool{"on": true, "in": true, "here": true, "there": true, "also": true,
	"late": true, "later": true, "earlier": true, "again": true, "publicly": true}

// datedNoun returns the token after a possessive date ("last Friday's
// bombings", "yesterday's attack"), or -1.
func datedNoun(toks []token, last int) int {
	if last < 0 || last+2 >= len(toks) {
		return -1
	}
	if toks[last+1].raw == "'" && toks[last+2].low == "s" && last+3 < len(toks) {
		return last + 3
	}
	if toks[last].poss {
		return last + 1
	}
	return -1
}

// adjunctPreps govern a phrase that is circumstance, not the clause's
// event: "with the help of", "in the aftermath of the bombings", "died of
// a heart attack", "stretched thin by fighting".
var adjunctPreps = map[string]bool{"of": true, "with": true, "from": true, "during": true, "amid": true,
	"following": true, "since": true, "despite": true, "by": true, "after": true, "before": true, "through": true}

// quantityNouns before "of" make the noun after it the event itself: "a
// series of bombings", "a wave of attacks".
var quantityNouns = map[string]bool{"series": true, "wave": true, "string": true, "round": true, "spate": true,
	"number": true, "rash": true, "chain": true, "flurry": true, "cycle": true, "outbreak": true, "resumption": true,
	"start": true, "beginning": true, "end": true}

// adjunct reports a trigger noun (or a gerund after "by") at the head of
// a prepositional phrase that qualifies another event: the phrase gives
// its setting, cause or means.
func adjunct(toks []token, c candidate) bool {
	if !matchToks(toks, c.i, c.t.toks) {
		return false // a support verb's noun: "by issuing an ultimatum" is the act
	}
	for k := c.i - 1; k >= 0 && k >= c.i-4; k-- {
		t := &toks[k]
		if !t.word {
			return false
		}
		if t.is(wcAdjunctPrep) {
			if !c.t.noun && !(t.low == "by" && k == c.i-1 && strings.HasSuffix(toks[c.i].low, "ing")) {
				return false
			}
			if t.low == "of" && k > 0 && (quantityNouns[toks[k-1].low] || toks[k-1].up) {
				return false // "a series of attacks", "the Battle of ..."
			}
			return true
		}
		if !c.t.noun {
			return false
		}
		if t.is(wcStop) && !t.is(wcDeterminer) || t.up {
			return false
		}
	}
	return false
}

// datesPhrase reports whether the date closes the phrase candidate k
// heads, with no other trigger and no punctuation between: "in
// connection with the bombing of two U.S. embassies last month".
func datesPhrase(cands []candidate, toks []token, k, nearTok int) bool {
	c := cands[k]
	if nearTok < c.j || nearTok > c.j+10 {
		return false
	}
	if k+1 < len(cands) && cands[k+1].i < nearTok {
		return false
	}
	for i := c.j; i < nearTok; i++ {
		if !toks[i].word && toks[i].raw != "." && toks[i].raw != "-" {
			return false
		}
	}
	return true
}

// quoteDepth marks the tokens inside quotation marks.
func quoteDepth(sc *classifyScratch, toks []token) []bool {
	in := sc.mark(len(toks))
	if !sc.punct.has(hasOpenQuote) {
		return in // no quote opens
	}
	open := false
	for i := range toks {
		t := &toks[i]
		switch {
		case t.word: // no quote mark
		case t.raw == "\"":
			open = !open
		case t.raw == "“" || t.raw == "`":
			open = true
		case t.raw == "”":
			open = false
		case t.raw == "'":
			if i > 0 && toks[i-1].raw == "'" {
				open = false
			}
		}
		in[i] = open
	}
	return in
}

// asideDepth marks the tokens of an aside between dashes or parentheses.
func asideDepth(sc *classifyScratch, toks []token) []bool {
	in := sc.mark(len(toks))
	if sc.punct&(hasDash|hasParen) == 0 {
		return in
	}
	dash, paren := false, 0
	for i := range toks {
		t := &toks[i]
		switch {
		case t.word: // no bracket or dash
		case t.raw == "(":
			paren++
		case t.raw == ")" && paren > 0:
			paren--
		case (t.raw == "-" || t.raw == "–" || t.raw == "—") && i > 0 && t.Start > toks[i-1].End:
			dash = !dash // a spaced dash, not a hyphen
		}
		in[i] = dash || paren > 0
	}
	return in
}

// intentMarkers between a speech verb and an event make the event
// reported, not dated by the speech: "said he would invade", "declared to
// continue the war", "said he had ordered".
var intentMarkers = map[string]bool{"would": true, "will": true, "may": true, "might": true, "could": true, "should": true, "shall": true}

// reportedLater reports whether candidate k is the content of a speech
// act before it in its clause, not an event at the date of speaking: a
// statement's with a modal or past perfect ("said he would invade",
// "said he had ordered"), or anything a request, promise or threat asks
// for or offers ("demanding that Iraq withdraw", "offered to provide").
func reportedLater(cands []candidate, toks []token, k int) bool {
	return contentOf(cands, toks, k, true)
}

// contentWindow bounds how many tokens a speech act reaches forward.
const contentWindow = 40

func contentOf(cands []candidate, toks []token, k int, pastToo bool) bool {
	c := cands[k]
	if c.t.typ == "STATEMENT" {
		return false
	}
	for m := k - 1; m >= 0; m-- {
		o := cands[m]
		if o.j < c.i-contentWindow {
			break // too far to govern it; and it keeps long input linear
		}
		directive := !o.t.noun && (o.t.typ == "REQUEST" || o.t.typ == "AGREE" || o.t.typ == "THREATEN")
		if o.t.typ != "STATEMENT" && !directive {
			continue
		}
		// A noun subject with its modal after it: "the naval barricade now
		// in force might be extended".
		if c.t.noun && !directive {
			for i := c.j; i < len(toks) && i <= c.j+5; i++ {
				if toks[i].is(wcIntentMarker) {
					return true
				}
				if !toks[i].word {
					break
				}
			}
		}
		crosses := false
		for i := o.j; i < c.i && !crosses; i++ {
			crosses = newSubject(toks, i)
		}
		if crosses {
			continue
		}
		for i := o.j; i < c.i; i++ {
			if toks[i].raw == ";" {
				break
			}
			near := i >= c.i-4 // the marker governs the event: "would invade"
			if directive || toks[i].is(wcIntentMarker) && (near || pastToo) || pastToo && toks[i].low == "had" ||
				toks[i].low == "to" && i == c.i-1 {
				return true
			}
		}
	}
	return false
}

// addressees keeps, of the actors after a speech verb, those it is
// addressed to ("informed the United Nations that", "told Iran"): what
// is named in what was said is not a party to the saying.
func addressees(toks []token, c candidate, rcp []Actor) []Actor {
	end := len(toks)
	for i := c.j; i < len(toks); i++ {
		t := &toks[i]
		if t.low == "that" || t.raw == "," || t.raw == "\"" || t.raw == "“" || t.raw == "`" || t.raw == ":" ||
			i > c.j+1 && t.word && !t.up && !t.is(wcStop) {
			end = i
			break
		}
	}
	if end == len(toks) {
		return rcp[:0]
	}
	limit := toks[end].Start
	var out []Actor
	for _, a := range rcp {
		if a.End <= limit {
			out = append(out, a)
		}
	}
	return out
}

// beForms make a following participle passive: "were killed".
var beForms = map[string]bool{"was": true, "were": true, "been": true, "being": true, "is": true, "are": true, "be": true, "got": true, "get": true}

// roles splits the actors of the trigger's clause into sources and
// recipients. An active verb's subject (before it) acts on its objects
// (after it); a passive turns this round, and "by X" names the source. A
// noun that stands alone ("the Israeli invasion of Lebanon") takes only
// the actors of its own phrase. Actors quoted, or reporting ("according
// to X", "X said" before the event it reports), take no part.
func roles(sc *classifyScratch, toks []token, quoted []bool, c candidate, cl Span, actors []Actor, cands []candidate) (src, rcp []Actor) {
	trig := Span{toks[c.i].Start, toks[c.j-1].End}
	passive := false
	if !c.t.noun && c.t.participle {
		for k := c.i - 1; k >= 0 && k >= c.i-3; k-- {
			if toks[k].is(wcBeForm) {
				passive = true
				break
			}
			if !strings.HasSuffix(toks[k].low, "ly") && toks[k].low != "reportedly" {
				break
			}
		}
	}
	by := -1 // offset of the "by" that names the agent after the trigger
	for k := c.j; k < len(toks) && toks[k].Start < cl.End; k++ {
		if toks[k].low == "by" {
			by = toks[k].End
			break
		}
	}
	// "X said Y attacked Z": X reports. "X said it attacked Z": X acts.
	speechEnd := -1
	if c.t.typ != "STATEMENT" {
		for _, o := range cands {
			if o.t.typ == "STATEMENT" && !o.t.noun && o.j <= c.i && cl.Contains(Span{toks[o.i].Start, toks[o.j-1].End}) {
				speechEnd = toks[o.j-1].End
			}
		}
		if speechEnd >= 0 {
			subject := false
			for _, a := range actors {
				// The reported clause's own subject: right after the verb
				// ("said special ambassador Mikhail Sytenko left").
				if a.Start >= speechEnd && a.End <= trig.Start && tokenAt(toks, a.Start)-tokenAt(toks, speechEnd) <= 2 {
					subject = true
				}
			}
			if !subject {
				speechEnd = -1
			}
		}
	}
	np := nounPhrase(toks, c)
	adjunct := purposeAdjunct(sc, toks, c)
	aside := participialAside(sc, toks, c.i)
	src, rcp = sc.actorList(len(actors)), sc.actorList(len(actors))
	after := sc.actorList(len(actors)) // after a noun trigger's own phrase
	with := withParticiple(sc, toks, c)
	frame := withFrame(sc, toks, c, actors)
	rel := relativeAside(sc, toks, c.i)
	dashAside := dashes(sc, toks)
	topic := consultTopic(sc, toks, c)
	for n := range actors {
		a := &actors[n]
		i := tokenAt(toks, a.Start) // the actor's first token; len(toks) for none
		in := i < len(toks)
		if in && aside[i] && !aside[c.i] || describes(toks, tokenAt(toks, a.End)) || in && adjunct[i] {
			continue
		}
		if in && (rel[i] || frame[i]) {
			continue
		}
		if in && dashAside[i] && !dashAside[c.i] {
			continue // "the Iraqi army - backed by coalition support - launched"
		}
		if possession(toks, a) || topic[i] {
			continue
		}
		if in && with[i] {
			src = append(src, *a) // "with the United Kingdom and Australia contributing troops"
			continue
		}
		if !cl.Contains(a.Span) && !cl.Overlaps(a.Span) || in && quoted[i] && !quoted[c.i] || speechEnd >= 0 && a.End <= speechEnd {
			continue
		}
		if afterAccordingTo(toks, a.Start, i) {
			continue // "according to X": X reports, it does not act
		}
		if np.End > np.Start {
			// A noun on its own: its modifiers act, its objects receive.
			switch {
			case a.Start >= np.Start && a.End <= trig.Start, a.Overlaps(trig):
				src = append(src, *a)
			case by >= 0 && a.Start >= by && a.Start < np.End:
				src = append(src, *a)
			case a.Start >= trig.End && a.End <= np.End:
				rcp = append(rcp, *a)
			case a.Start >= np.End:
				after = append(after, *a)
			}
			continue
		}
		switch {
		case a.End <= trig.Start || a.Overlaps(trig):
			if passive {
				rcp = append(rcp, *a)
			} else {
				src = append(src, *a)
			}
		case by >= 0 && a.Start >= by && (passive || c.t.noun):
			src = append(src, *a)
		default:
			rcp = append(rcp, *a)
		}
	}
	if np.End > np.Start {
		// A noun that is the subject of a verb acts on what that verb
		// acts on: "an Iranian counter-offensive had recovered the areas
		// lost to Iraq".
		if e := tokenAt(toks, np.End); len(rcp) == 0 && e < len(toks) && (verbLike(toks, e) || auxiliaries[toks[e].low]) {
			rcp = after
		}
	}
	src = dedupeActors(sc, src, nil)
	return src, dedupeActors(sc, rcp, src)
}

// afterAccordingTo reports an "according to" (not the last tokens)
// whose "to" ends at off or the byte before; i is the first token at or
// after off. Token ends rise with the index, so only the two tokens
// before i may end there: one look back per actor rather than a scan of
// the clause.
func afterAccordingTo(toks []token, off, i int) bool {
	for k := i - 1; k >= i-2 && k >= 1; k-- {
		if end := toks[k].End; end <= off && end >= off-1 && k+1 < len(toks) && toks[k].low == "to" && toks[k-1].low == "according" {
			return true
		}
	}
	return false
}

// participialAside marks the tokens of ", facing U.S. and Arab troops at
// the Saudi border,": a comma, a present participle and the next comma,
// all before the trigger at c (after it, the participle carries the
// event on: "invaded, declaring war on France").
func participialAside(sc *classifyScratch, toks []token, c int) []bool {
	in := sc.mark(len(toks))
	if !sc.punct.has(hasComma) {
		return in // an aside opens at a comma
	}
	commas := sc.commaIndex(toks)
	for x, p := range commas {
		i := int(p)
		if i+1 >= c {
			break
		}
		if !strings.HasSuffix(toks[i+1].low, "ing") || toks[i+1].up {
			continue
		}
		// the aside ends at the next comma (after toks[i+1], no comma)
		if x+1 < len(commas) && int(commas[x+1]) < c {
			for m := i + 1; m < int(commas[x+1]); m++ {
				in[m] = true
			}
		}
	}
	return in
}

// nounPhrase returns the span of a trigger noun's own phrase when the
// noun is no verb's object or subject complement it depends on: from its
// modifiers ("the Chinese-authorized, North Korean invasion") to its
// prepositional objects ("of South Korea", "against Iranian cities").
// It is empty for verbs and for nouns after a support verb.
func nounPhrase(toks []token, c candidate) Span {
	if !c.t.noun || supportVerbs[toks[c.i].low] {
		return Span{}
	}
	start := c.i
	for k := c.i - 1; k >= 0 && k >= c.i-5; k-- {
		t := &toks[k]
		if t.raw == "-" || t.raw == "–" || t.word && (!t.is(wcStop) && (!t.is(wcNonName) || compass[t.low]) && !strings.HasSuffix(t.low, "ed") || t.low == "the" || t.low == "a" || t.low == "an" || t.low == "armed") {
			start = k
			continue
		}
		break
	}
	// Only a noun that heads its own clause stands alone: at the start,
	// after a comma, "of" or a subordinator ("after the invasion of").
	// "were at loggerheads", "for consultations with" are predicates.
	if k := start - 1; k >= 0 && toks[k].raw != "," && toks[k].raw != ";" && toks[k].low != "of" && !subordinators[toks[k].low] &&
		!(strings.HasSuffix(toks[k].low, "ed") && (toks[start].poss || toks[start].up)) {
		return Span{}
	}
	end := c.j
	for k := c.j; k < len(toks); {
		if !toks[k].is(wcNounObject) {
			break
		}
		k++
		for k < len(toks) && (toks[k].word && (toks[k].up || toks[k].low == "the" || !toks[k].is(wcStop) && !strings.HasSuffix(toks[k].low, "ed")) || toks[k].raw == "-") {
			k++
		}
		end = k
		if k+3 < len(toks) && toks[k].raw == "," && strings.HasSuffix(toks[k+1].low, "ed") && toks[k+2].low == "by" {
			k += 2 // "the invasion of Iraq, led by General Franks"
			continue
		}
		if k < len(toks) && (toks[k].low == "and" || toks[k].raw == ",") && k+1 < len(toks) && toks[k+1].up {
			k++
			for k < len(toks) && toks[k].word && toks[k].up {
				k++
			}
			end = k
		}
	}
	if end == len(toks) {
		return Span{toks[start].Start, toks[end-1].End}
	}
	return Span{toks[start].Start, toks[end].Start}
}

// compass words begin country names ("North Korean invasion").
var compass = map[string]bool{"north": true, "south": true, "east": true, "west": true}

// nounObjects introduce the target of an event noun: "invasion of
// Kuwait", "attacks on Iranian tankers", "bombings at U.S. embassies".
var nounObjects = map[string]bool{"of": true, "on": true, "against": true, "at": true, "by": true, "into": true, "with": true, "between": true, "to": true}

// dedupeActors keeps the first mention of each actor, and none that is already
// in other, in a list of sc; nil when none is left.
func dedupeActors(sc *classifyScratch, as, other []Actor) []Actor {
	if len(as) == 0 {
		return nil
	}
	out := sc.actorList(len(as))
next:
	for k := range as {
		a := &as[k]
		for m := range other {
			if sameActorKey(a, &other[m]) {
				continue next
			}
		}
		for m := range out {
			if sameActorKey(a, &out[m]) {
				continue next
			}
		}
		out = append(out, *a)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// dedupeKey is what dedupeActors tells actors apart by.
func dedupeKey(a Actor) string { return a.Name + "\x00" + a.Sector + "\x00" + a.Office }

// sameActorKey is dedupeKey(a) == dedupeKey(b) without building the keys
// (the lists are short, a map and its keys cost more than the scan):
// the fields compare one by one unless one holds the separator.
func sameActorKey(a, b *Actor) bool {
	if a.Name == b.Name && a.Sector == b.Sector && a.Office == b.Office {
		return true
	}
	if !hasNUL(a) && !hasNUL(b) {
		return false
	}
	return dedupeKey(*a) == dedupeKey(*b)
}

func hasNUL(a *Actor) bool {
	return strings.IndexByte(a.Name, 0) >= 0 || strings.IndexByte(a.Sector, 0) >= 0 || strings.IndexByte(a.Office, 0) >= 0
}

// assaultMode names the means of an assault from the cue nearest to its
// trigger ("killed by landmines": explosives).
func (ix *actorIndex) assaultMode(toks []token, c candidate, cl Span) string {
	mode, bestD, bestRank := "", 0, 0
	for i := range toks {
		if !cl.Contains(toks[i].Span) {
			continue
		}
		if !toks[i].is(wcModeStart) {
			continue
		}
		for _, mc := range ix.modesOf(&toks[i]) {
			if !matchToks(toks, i, mc.toks) {
				continue
			}
			d := i - c.j
			if i < c.i {
				d = c.i - i
			} else if i < c.j {
				d = 0
			}
			// The most specific means named in the clause wins ("aircraft
			// attacked with chemical weapons" is CBRN), then the nearest.
			if mode == "" || mc.rank < bestRank || mc.rank == bestRank && d < bestD {
				mode, bestD, bestRank = mc.mode, d, mc.rank
			}
			break
		}
	}
	return mode
}

// describers after a country in a hyphenated compound make it say what a
// place or thing is like, not who took part: "the Armenian-populated
// region", "a Britain-based group", "U.S.-flagged tankers".
var describers = map[string]bool{"populated": true, "inhabited": true, "based": true, "flagged": true,
	"registered": true, "speaking": true, "born": true, "owned": true, "majority": true}

// describes reports an actor ending before token j that is the first
// half of such a compound.
func describes(toks []token, j int) bool {
	return j+1 < len(toks) && (toks[j].raw == "-" || toks[j].raw == "–") && toks[j].End == toks[j+1].Start && describers[toks[j+1].low]
}

// reasonOpeners open an adjunct that gives the reason or aim of the
// event after it: what is named there is what the event answers or aims
// at, not one of its parties ("ordered an embargo on trade with Iraq as
// punishment for seizing Kuwait", "attacked ... in retaliation for an
// Iranian attack on the U.S.-flagged Kuwaiti tanker").
var reasonOpeners = [][]string{
	{"in", "order", "to"}, {"so", "as", "to"}, {"as", "punishment", "for"}, {"as", "a", "punishment", "for"},
	{"in", "retaliation", "for"}, {"in", "reprisal", "for"}, {"in", "revenge", "for"}, {"as", "retaliation", "for"},
	{"as", "a", "reprisal", "for"}, {"if"}, {"unless"},
}

// reasonStarts are the first words of reasonOpeners.
var reasonStarts = func() map[string]bool {
	m := map[string]bool{}
	for _, o := range reasonOpeners {
		m[o[0]] = true
	}
	return m
}()

// mentalParticiples after a comma open an aside on what the actor had in
// mind: "adopted a policy of submarine warfare, realizing the Americans
// would enter the war".
var mentalParticiples = map[string]bool{"realizing": true, "realising": true, "hoping": true, "fearing": true,
	"believing": true, "knowing": true, "expecting": true, "thinking": true, "assuming": true, "anticipating": true}

// purposeCues are the words other than a reason's opener that may
// start a purpose adjunct: the "to" of an infinitive, a participle of
// thought. Any other word starts none, and is passed by its class.
var purposeCues = func() map[string]bool {
	m := map[string]bool{"to": true}
	for w := range mentalParticiples {
		m[w] = true
	}
	return m
}()

// purposeObjects are words after "to" that are no verbs: "sent troops to
// the front".
var purposeObjects = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "his": true,
	"her": true, "this": true, "that": true, "these": true, "those": true, "all": true, "some": true, "power": true,
	"safety": true, "death": true, "date": true, "war": true, "sea": true, "shore": true, "ground": true}

// purposeAdjunct marks the tokens of an adjunct after the trigger at c
// that says why or to what end the event happened, up to the end of the
// clause: a reason phrase ("as punishment for", "in retaliation for"),
// a purpose infinitive after the object of an act of force ("invaded
// Denmark and Norway to secure shipments of iron ore from Sweden"), or a
// participle of thought after a comma. A purpose right after the trigger
// is its complement, not an adjunct ("agreed to charter", "offered to
// provide"), and speech keeps its content to the addressee rules.
func purposeAdjunct(sc *classifyScratch, toks []token, c candidate) []bool {
	in := sc.mark(len(toks))
	force := c.t.typ == "ASSAULT" || c.t.typ == "COERCE" || c.t.typ == "SANCTION"
	for k := c.j; k < len(toks); k++ {
		if !toks[k].is(wcReasonStart | wcPurposeCue) {
			continue // no adjunct starts here
		}
		start := -1
		if toks[k].is(wcReasonStart) {
			for _, o := range reasonOpeners {
				if k+len(o) <= len(toks) && matchToks(toks, k, o) {
					start = k
					break
				}
			}
		}
		if start < 0 && force && k > c.j && toks[k].low == "to" && k+1 < len(toks) {
			n := &toks[k+1]
			if n.word && !n.up && !isDigitStart(n.raw) && !n.is(wcStop) && !purposeObjects[n.low] &&
				!(strings.HasSuffix(n.low, "s") && !strings.HasSuffix(n.low, "ss")) && !strings.HasSuffix(n.low, "ing") {
				start = k
			}
		}
		if start < 0 && k > c.j && toks[k-1].raw == "," && mentalParticiples[toks[k].low] {
			start = k
		}
		if start < 0 {
			continue
		}
		for m := start; m < len(toks) && toks[m].raw != ";" && toks[m].raw != "."; m++ {
			in[m] = true
		}
		break
	}
	return in
}

// splitCoordinated cuts a clause where ", and" brings in a new subject
// with its own verb: "The Soviet Union agreed to charter tankers starting
// in 1987, and the United States offered to provide protection ... on 7
// March 1987" holds two events, each with its own actor. A list of
// objects ("invaded France, Belgium, and the Netherlands") has no verb
// after the name and stays whole.
func splitCoordinated(sc *classifyScratch, cls []Span, toks []token, actors []Actor, cands []candidate) []Span {
	if !sc.punct.has(hasAnd) {
		return cls // every cut below is at an "and"
	}
	verbStart := sc.mark(len(toks))
	for _, c := range cands {
		if !c.t.noun {
			verbStart[c.i] = true
		}
	}
	verbAt := func(i int) bool { return verbLike(toks, i) || i < len(toks) && verbStart[i] }
	cuts := sc.cuts[:0]
	for n := range actors {
		a := &actors[n]
		i := tokenAt(toks, a.Start)
		k := i - 1
		if k >= 0 && toks[k].low == "the" {
			k--
		}
		if k < 1 || toks[k].low != "and" || toks[k-1].raw != "," {
			continue
		}
		if listed(actors, toks[k-1].Start) {
			continue // "Hungary, Slovakia, and Romania joined": one subject
		}
		if e := tokenAt(toks, a.End); e < len(toks) && verbAt(e) {
			cuts = append(cuts, toks[k-1].Start)
		}
	}
	// ", and protracted armistice negotiations began": a subject noun
	// phrase and its verb.
	for _, p := range sc.commaIndex(toks) {
		k := int(p)
		if k+2 >= len(toks) {
			break
		}
		if toks[k+1].low != "and" || adverbs[toks[k+2].low] || verbAt(k+2) && !nounAfter(toks, k+2) || listed(actors, toks[k].Start) {
			continue
		}
		for v := k + 3; v < len(toks) && v <= k+6; v++ {
			t := &toks[v]
			if !t.word || t.is(wcStop) && t.low != "the" {
				break
			}
			if verbAt(v) && !strings.HasSuffix(toks[v-1].low, "ly") && !strings.HasSuffix(toks[v-1].low, "ed") {
				cuts = append(cuts, toks[k].Start)
				break
			}
		}
	}
	// "Khorramshahr was captured and by November Saddam ordered": a new
	// date opens a new event.
	for _, p := range sc.ands {
		k := int(p)
		if k < 1 {
			continue
		}
		if k+2 >= len(toks) {
			break
		}
		if toks[k-1].raw != "," && (toks[k+1].low == "on" || toks[k+1].low == "in" || toks[k+1].low == "by") &&
			(toks[k+2].up || isDigitStart(toks[k+2].raw)) && toks[k+2].is(wcNonName) ||
			(toks[k+1].low == "on" || toks[k+1].low == "in" || toks[k+1].low == "by") && isDigitStart(toks[k+2].raw) {
			cuts = append(cuts, toks[k].Start)
		}
	}
	sc.cuts = cuts
	if len(cuts) == 0 {
		return cls
	}
	sort.Ints(cuts)
	out := sc.cls2[:0]
	for _, c := range cls {
		start := c.Start
		for _, cut := range cuts {
			if cut > start && cut < c.End {
				out = append(out, Span{start, cut})
				start = cut
			}
		}
		out = append(out, Span{start, c.End})
	}
	sc.cls2 = out
	return out
}

// listed reports an actor ending right before offset off (a comma): the
// name before ", and" is part of a list.
func listed(actors []Actor, off int) bool {
	for k := range actors {
		if actors[k].End == off {
			return true
		}
	}
	return false
}

// newSubject reports ", and" at token i before a capitalized name: a
// coordinated clause with a subject of its own ("agreed to charter
// tankers, and the United States offered"), which what was said or
// agreed before does not reach.
func newSubject(toks []token, i int) bool {
	if toks[i].raw != "," || i+2 >= len(toks) || toks[i+1].low != "and" {
		return false
	}
	n := i + 2
	if toks[n].low == "the" && n+1 < len(toks) {
		n++
	}
	return toks[n].word && toks[n].up
}

// joined reports that text[from:to] only joins two names: "and", a
// comma, "the".
func joined(text string, from, to int) bool {
	if from > to {
		return false
	}
	for _, w := range strings.FieldsFunc(text[from:to], func(r rune) bool { return r == ' ' || r == ',' }) {
		if w != "and" && w != "the" {
			return false
		}
	}
	return true
}

// withParticiple marks the names of ", with X, Y and Z <verb>ing" after
// the trigger at c: an absolute clause that adds parties to the event
// ("The 2003 invasion of Iraq ... began ..., with the United Kingdom,
// Australia and Poland contributing troops").
func withParticiple(sc *classifyScratch, toks []token, c candidate) []bool {
	in := sc.mark(len(toks))
	if !sc.punct.has(hasComma) {
		return in // the phrase opens at a comma
	}
	for _, p := range sc.commaIndex(toks) {
		k := int(p)
		if k < c.j {
			continue
		}
		if k+1 >= len(toks) {
			break
		}
		if toks[k+1].low != "with" {
			continue
		}
		m := k + 2
		for m < len(toks) && m < k+14 && (toks[m].up || toks[m].raw == "," || toks[m].raw == "." && m > 0 && toks[m-1].up ||
			toks[m].low == "and" || toks[m].low == "the") {
			m++
		}
		if m < len(toks) && m > k+2 && strings.HasSuffix(toks[m].low, "ing") && !toks[m].up {
			for x := k + 2; x < m; x++ {
				in[x] = true
			}
		}
		break
	}
	return in
}

// relPreps open a relative clause with "which" or "whom": ", under which".
var relPreps = map[string]bool{"in": true, "under": true, "by": true, "through": true, "during": true, "after": true, "for": true}

// relativeAside marks a relative clause set off by commas (", who ... ,",
// ", whose ... ,", ", under which ... ,", ", pursuant to which ..."), that does not hold the trigger at c: it says who
// someone is ("James Dubik, who is in charge of training Iraqi security
// forces, praised Iran"), not who took part.
func relativeAside(sc *classifyScratch, toks []token, c int) []bool {
	in := sc.mark(len(toks))
	if !sc.punct.has(hasComma) {
		return in // an aside opens at a comma
	}
	next := 0 // the first token an aside may open at: none inside the last
	for _, p := range sc.commaIndex(toks) {
		i := int(p)
		if i < next {
			continue
		}
		if i+1 >= len(toks) {
			break
		}
		rel := toks[i+1].low == "who" || toks[i+1].low == "whose" ||
			i+2 < len(toks) && toks[i+1].is(wcRelPrep) && (toks[i+2].low == "which" || toks[i+2].low == "whom") ||
			i+3 < len(toks) && toks[i+1].low == "pursuant" && toks[i+2].low == "to" && toks[i+3].low == "which"
		if !rel {
			continue
		}
		k := i + 1
		for k < len(toks) && toks[k].raw != "," && toks[k].raw != ";" && toks[k].raw != "." {
			k++
		}
		if c > i && c < k {
			continue
		}
		for m := i + 1; m < k; m++ {
			in[m] = true
		}
		next = k
	}
	return in
}

// adverbs after ", and" keep the subject before: "and then counterattacked".
var adverbs = map[string]bool{"then": true, "later": true, "also": true, "subsequently": true, "finally": true,
	"eventually": true, "soon": true, "thus": true, "so": true, "still": true}

// nounAfter reports a word at i that reads as a modifier of the noun
// after it ("protracted armistice negotiations"): a lowercase word
// follows.
func nounAfter(toks []token, i int) bool {
	return i+1 < len(toks) && toks[i+1].word && !toks[i+1].up && !toks[i+1].is(wcStop) && !verbLike(toks, i+1)
}

// withFrame marks a sentence-initial absolute phrase, "With X doing Y,",
// when the main clause names its own subject before the trigger at c:
// the phrase gives the circumstances ("With his armed forces benefiting
// from support from Saudi Arabia, Kuwait ... and France, Saddam went on
// the offensive"). When the subject is only referred to ("With the
// Soviets wary ... and the Japanese planning ..., the two powers
// signed"), the phrase names the parties and stays.
func withFrame(sc *classifyScratch, toks []token, c candidate, actors []Actor) []bool {
	in := sc.mark(len(toks))
	open := -1 // the opener of a framing phrase at the start or after the first comma
	for k := 0; k < len(toks) && k < c.i; k++ {
		if toks[k].is(wcFrameOpener) && (k == 0 || toks[k-1].raw == "," || k <= 3 && isDigitStart(toks[k-1].raw)) {
			open = k
			break
		}
		if k >= 8 && toks[k].raw == "," {
			break // only a phrase opening the sentence or after its date
		}
	}
	if open < 0 {
		return in
	}
	inActor := sc.mark(len(toks))
	for k := range actors {
		a := &actors[k]
		for i := tokenAt(toks, a.Start); i < len(toks) && toks[i].Start < a.End; i++ {
			inActor[i] = true
		}
	}
	// The phrase ends at the comma before the main clause's subject: the
	// earliest comma after which only names, "and", "the" and at most
	// three more words (the verb) come before the trigger.
	cut, named := -1, false
	for k := c.i - 1; k > 0; k-- {
		if toks[k].raw != "," {
			continue
		}
		other, names := 0, false
		for m := k + 1; m < c.i; m++ {
			switch {
			case inActor[m]:
				names = true
			case toks[m].raw == ",", toks[m].low == "and", toks[m].low == "the":
			default:
				other++
			}
		}
		if other > 3 || !names {
			break
		}
		cut, named = k, true
	}
	if named && cut > open {
		for m := open; m < cut; m++ {
			in[m] = true
		}
	}
	return in
}

// frameOpeners open a phrase that frames the main clause: "With his armed
// forces ...,", "Under the guise of counter-attacking a South Korean
// raid,", "after signing an armistice with Japan,", "In 1982 with Iranian
// success on the battlefield,".
var frameOpeners = map[string]bool{"with": true, "under": true, "despite": true, "after": true, "following": true,
	"amid": true, "given": true}

// dashes marks the tokens between spaced dashes: an aside.
func dashes(sc *classifyScratch, toks []token) []bool {
	in := sc.mark(len(toks))
	if !sc.punct.has(hasDash) {
		return in
	}
	open := false
	for i := range toks {
		t := &toks[i]
		if !t.word && (t.raw == "-" || t.raw == "–" || t.raw == "—") && i > 0 && t.Start > toks[i-1].End {
			open = !open
			continue
		}
		in[i] = open
	}
	return in
}

// possessions after a person's possessive name a relation or a thing of
// theirs, not a part they play: "Saddam Hussein's presidential palace",
// "Hussein's sons".
var possessions = map[string]bool{"palace": true, "palaces": true, "home": true, "house": true, "hometown": true,
	"town": true, "village": true, "residence": true, "birthplace": true, "tomb": true, "statue": true,
	"statues": true, "portrait": true, "compound": true, "farm": true, "family": true, "son": true, "sons": true,
	"daughter": true, "daughters": true, "wife": true, "brother": true, "brothers": true, "grandson": true,
	"grandsons": true, "widow": true, "mother": true, "father": true}

// possession reports a person in the possessive before such a noun,
// perhaps after one adjective.
func possession(toks []token, a *Actor) bool {
	if a.Kind != "person" {
		return false
	}
	j := tokenAt(toks, a.End) // the token after the name
	for j < len(toks) && j > 0 && !toks[j-1].poss && toks[j].word && toks[j].up {
		j++ // "Saddam" of "Saddam Hussein's palace", met before by first name
	}
	if j == 0 || j > len(toks) || !toks[j-1].poss {
		return false
	}
	for k := j; k < len(toks) && k <= j+1; k++ {
		if possessions[toks[k].low] {
			return true
		}
		if !toks[k].word || toks[k].up {
			return false
		}
	}
	return false
}

// topicPreps after a consultation verb open what the talks were about:
// "conferred in Washington on putting an anti-Iraq naval blockade under a
// United Nations umbrella". The parties are its subject and those it is
// "with".
var topicPreps = map[string]bool{"on": true, "about": true, "over": true, "regarding": true, "concerning": true}

// consultTopic marks the topic phrase of a consultation verb at c, from
// "on"/"about" after it to the end of the clause or a "with".
func consultTopic(sc *classifyScratch, toks []token, c candidate) []bool {
	in := sc.mark(len(toks) + 1)
	if c.t.typ != "CONSULT" || c.t.noun {
		return in
	}
	for k := c.j; k < len(toks) && k <= c.j+4; k++ {
		if !topicPreps[toks[k].low] {
			continue
		}
		if k+1 < len(toks) && (isDigitStart(toks[k+1].raw) || toks[k+1].is(wcNonName) && toks[k+1].up) {
			continue // "on Monday", "on 3 May": a date
		}
		for m := k; m < len(toks) && toks[m].raw != ";" && toks[m].raw != "." && toks[m].low != "with"; m++ {
			in[m] = true
		}
		break
	}
	return in
}

// appositionUnits count the distance of a day from another event: "two
// days after", "the day before".
var appositionUnits = map[string]bool{"day": true, "days": true, "week": true, "weeks": true, "month": true,
	"months": true, "year": true, "years": true}

// dateApposition returns the span of ", the day after <event>," or ", two
// days after <event> and three months before <event>," right after the
// date near: a phrase that places the date by other events.
func dateApposition(toks []token, near Span) Span {
	k := tokenAt(toks, near.End)
	if k+3 >= len(toks) || toks[k].raw != "," {
		return Span{}
	}
	m := k + 1
	if toks[m].low == "the" || isDigitStart(toks[m].raw) || numberWords[toks[m].low] {
		m++
	}
	if m >= len(toks) || !appositionUnits[toks[m].low] {
		return Span{}
	}
	m++
	if m >= len(toks) || toks[m].low != "after" && toks[m].low != "before" {
		return Span{}
	}
	for e := m + 1; e < len(toks); e++ {
		if toks[e].raw == "," {
			return Span{toks[k].Start, toks[e].End}
		}
		if toks[e].raw == ";" || toks[e].raw == "." {
			break
		}
	}
	return Span{}
}

// numberWords count days: "two days after".
var numberWords = map[string]bool{"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "a": true, "several": true, "some": true, "few": true}

// triggersOf returns the triggers whose first token is t's: by its slot
// when t is looked up (a word the table lacks starts none).
func (ix *actorIndex) triggersOf(t *token) []*trigger {
	switch {
	case t.slot > 0:
		return ix.trigBySlot[t.slot-1]
	case t.slot < 0:
		return nil
	}
	return ix.triggers[t.low]
}

// modesOf is triggersOf for the mode cues.
func (ix *actorIndex) modesOf(t *token) []modeCue {
	switch {
	case t.slot > 0:
		return ix.modeBySlot[t.slot-1]
	case t.slot < 0:
		return nil
	}
	return ix.modes[t.low]
}

// tokenAt returns the index of the first of toks that starts at or after
// off, len(toks) when none: sort.Search's, without a call a probe. The
// probes narrow a range of n tokens from base with no branch on what
// they read, which would go either way half the time: a token before
// off moves base by the sign of Start-off (offsets are far from
// overflowing it).
func tokenAt(toks []token, off int) int {
	if len(toks) == 0 {
		return 0
	}
	base, n := 0, len(toks)
	for n > 1 {
		half := n / 2
		base += half & ((toks[base+half].Start - off) >> 63) // half when before off, else 0
		n -= half
	}
	return base + int(uint(toks[base].Start-off)>>63) // one more when before off
}
