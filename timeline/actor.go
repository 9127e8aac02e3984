package timeline

import (
	"cmp"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// actorIndex finds and normalizes the actors of a sentence: countries (by
// name, demonym, possessive or capital), organizations, agents attached to
// their country, and named persons. It is built once in New and is safe
// for concurrent use: nothing in it changes after newActorIndex.
type actorIndex struct {
	gaz       *gazetteer
	countries []country
	byAlpha3  map[string]int
	orgs      []orgInfo
	agents    []agentInfo
	triggers  triggerIndex
	nounForms map[string]bool
	modes     map[string][]modeCue
	// triggers and modes again, by gazetteer slot: a looked-up token
	// finds its entries by its slot, without hashing its word again
	trigBySlot [][]*trigger
	modeBySlot [][]modeCue
}

// actorMemory is the per-document state of actor finding: the persons met
// so far, so that a later bare surname links back, and the last country
// named as a subject, for "its" and "their". Not safe for concurrent use.
type actorMemory struct {
	persons     map[string]int32 // by full name, into people
	partial     map[string]int32 // by surname or first name, into people
	lastCountry int              // index into countries, -1 when none
	// people are the persons met, without span or text (those are each
	// mention's own); one stored is never changed, so that a key keeps
	// the person as it was when the key was made.
	people []Actor
	// keyed has a bit set for the token hash (tokenHash) of each key of
	// persons and partial: a capitalized word whose bit is clear names
	// no one met before, without a look in either map.
	keyed [keyedWords]uint64

	scratch actorScratch
}

const keyedWords = 16 // 1024 bits

// tokenHash is the hash that a token whose raw is w carries (token.h):
// FNV-1a of w lowered as tokenize lowers it.
func tokenHash(w string) uint32 {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return fnv1a(strings.ToLower(w), "")
		}
	}
	return fnv1aLower(w)
}

// remember points key in *m at person i of people (making the map if
// need be), and notes the key in keyed.
func (mem *actorMemory) remember(m *map[string]int32, key string, i int32) {
	if *m == nil {
		*m = map[string]int32{}
	}
	(*m)[key] = i
	h := tokenHash(key) % (64 * keyedWords)
	mem.keyed[h/64] |= 1 << (h % 64)
}

// person returns the person a map gives for key.
func (mem *actorMemory) person(m map[string]int32, key string) (Actor, bool) {
	i, ok := m[key]
	if !ok {
		return Actor{}, false
	}
	return mem.people[i], true
}

// mayKnow reports whether a token hashed h may be a key of persons or
// partial; false means it is not.
func (mem *actorMemory) mayKnow(h uint32) bool {
	h %= 64 * keyedWords
	return mem.keyed[h/64]&(1<<(h%64)) != 0
}

// actorScratch is the working space of findActors, kept across the
// sentences of a document so that each sentence does not allocate its
// own; nothing in it outlives the call that fills it.
type actorScratch struct {
	tz       tokenizer
	clauseTz tokenizer // for a clause whose tokens are not the sentence's
	actors   []Actor   // the sentence's, as buildEvents reads them
	dated    []int     // the sentence's dated expressions
	inClause []Actor   // the actors of one event's clause
	ms       []mention
	at       []int32
	flags    []bool  // a token in a mention, then in a name
	caps     []int32 // the capitalized words contextPersons and namedUnits read
	// classification's, which buildEvents hands to classifyClause: the
	// actor lists it returns are copied out (withRoles) before its next
	// use, so a pooled memory keeps it for the next document
	classify classifyScratch
	ids      []byte  // buildEvents' event IDs, one after the other
	idEnds   []int32 // where each ends in ids
}

// int32s returns a zeroed slice of n int32s, reusing buf; one it makes
// has room for room.
func int32s(buf *[]int32, n, room int) []int32 {
	if cap(*buf) < n {
		*buf = make([]int32, n, max(n, room))
	}
	b := (*buf)[:n]
	clear(b)
	return b
}

// reset readies mem for another document: no persons met, no country
// named, the scratch kept (a sentence's tokens and their lowered words
// made before stay as they were: the lowered words only ever grow).
func (mem *actorMemory) reset() {
	clear(mem.persons)
	clear(mem.partial)
	clear(mem.people) // no strings of the last document kept alive
	mem.people = mem.people[:0]
	mem.keyed = [keyedWords]uint64{}
	mem.lastCountry = -1
}

func newActorMemory() *actorMemory {
	return &actorMemory{lastCountry: -1}
}

func newActorIndex() *actorIndex {
	lines := strings.Count(countriesTSV, "\n") + 1
	ix := &actorIndex{gaz: newGazetteer(), byAlpha3: make(map[string]int, lines), countries: make([]country, 0, lines)}
	for line := range strings.SplitSeq(countriesTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		var f [7]string
		if !tabFields(line, f[:]) {
			continue
		}
		ci := len(ix.countries)
		ix.countries = append(ix.countries, country{name: f[1], alpha3: f[0], un: f[6] == "un"})
		ix.byAlpha3[f[0]] = ci
		ix.addCountry(ci, formName, f[1], f[2])
		for n := range strings.SplitSeq(f[3], "|") {
			ix.addCountry(ci, formName, n)
		}
		for d := range strings.SplitSeq(f[4], "|") {
			ix.addCountry(ci, formDemonym, d)
			// Plural nouns for the people: Russians, Iraqis.
			if strings.HasSuffix(d, "n") || strings.HasSuffix(d, "i") {
				ix.addCountry(ci, formDemonym, d+"s")
			}
		}
		for c := range strings.SplitSeq(f[5], "|") {
			// "Washington D.C." is written "Washington" (supplement).
			ix.addCountry(ci, formCapital, c)
		}
	}
	for code, names := range countrySupplement {
		ix.addCountry(ix.byAlpha3[code], formName, names...)
	}
	for code, names := range demonymSupplement {
		ix.addCountry(ix.byAlpha3[code], formDemonym, names...)
	}
	for code, names := range capitalSupplement {
		ix.addCountry(ix.byAlpha3[code], formCapital, names...)
	}
	ix.orgs = organizations
	for oi, o := range ix.orgs {
		ix.gaz.add(o.name, gazEntry{kind: gazOrg, idx: oi})
		for _, a := range o.aliases {
			ix.gaz.add(a, gazEntry{kind: gazOrg, idx: oi})
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
				ix.gaz.add(name, gazEntry{kind: gazAgent, idx: len(ix.agents)})
				ix.agents = append(ix.agents, a)
			}
		}
	}
	ix.gaz.sort()
	triggers, trigs, nounForms := buildTriggers(ix.gaz.build)
	ix.triggers, ix.nounForms = triggers, nounForms
	ix.modes = buildModes(&ix.gaz.build.kt)
	ix.trigBySlot, ix.modeBySlot = ix.gaz.addClasses(trigs, ix.modes)
	return ix
}

func (ix *actorIndex) addCountry(ci int, f form, names ...string) {
	for _, n := range names {
		// Inverted catalogue forms ("Korea, Republic of") never occur in prose.
		if n == "" || strings.Contains(n, ",") {
			continue
		}
		ix.gaz.add(n, gazEntry{kind: gazCountry, form: f, idx: ci, minor: !ix.countries[ci].un})
	}
}

// tabFields cuts line at its tabs into f, and reports whether it has as
// many fields; what follows them is ignored.
func tabFields(line string, f []string) bool {
	for k := range f {
		var ok bool
		if f[k], line, ok = strings.Cut(line, "\t"); !ok && k < len(f)-1 {
			return false
		}
	}
	return true
}

// mention is a gazetteer match over tokens [i, j).
type mention struct {
	e    *gazEntry
	i, j int
	used bool
	// sectorFrom is the sector of a modifier that qualifies an agent:
	// "rebel leader" is REB.
	sectorFrom string
}

// minor words may be lower-case inside a capitalized name.
var minor = map[string]bool{"of": true, "the": true, "and": true, "for": true, "in": true, "de": true, "d'ivoire": true, "al": true, "-": true}

// findActors returns the actors named in text[s.Start:s.End], in text
// order; their spans index text. mem carries the document's persons.
func (ix *actorIndex) findActors(text string, s Span, mem *actorMemory) []Actor {
	return ix.findActorsTo(nil, text, s, mem)
}

// findActorsTo is findActors appending to out[:0], whose room it reuses.
func (ix *actorIndex) findActorsTo(out []Actor, text string, s Span, mem *actorMemory) []Actor {
	return ix.findActorsFor(out, text, s, mem, true)
}

// findActorsFor is findActorsTo; when read is false, the caller reads
// only what mem keeps of the sentence (its persons, its last country),
// not the actors it returns, which may then lack some and be out of
// order.
func (ix *actorIndex) findActorsFor(out []Actor, text string, s Span, mem *actorMemory, read bool) []Actor {
	out = out[:0]
	if mem == nil {
		mem = newActorMemory()
	}
	sc := &mem.scratch
	toks := sc.tz.tokenizeLookup(text, s, ix.gaz)
	if sc.ms == nil {
		sc.ms = make([]mention, 0, 8)
	}
	ms := ix.mentions(toks, sc.tz.poss, sc.ms[:0])
	sc.ms = ms
	// the token slice has room for the document's longest sentence: so
	// do the slices beside it
	room := cap(toks)
	at := int32s(&sc.at, len(toks), room) // token → 1+index of the mention starting there
	if cap(sc.flags) < 2*len(toks) {
		sc.flags = make([]bool, 2*max(len(toks), room))
	}
	flags := sc.flags[:2*len(toks)]
	clear(flags)
	inMention, inName := flags[:len(toks)], flags[len(toks):]
	for k := range ms {
		m := &ms[k]
		at[m.i] = int32(k + 1)
		for i := m.i; i < m.j; i++ {
			inMention[i] = true
		}
	}
	// Every name a pass below reads starts with a capitalized word.
	ups := sc.tz.ups

	// Persons: a title before a name ("spokesperson Maria Zakharova").
	for k := range ms {
		m := &ms[k]
		if m.used || m.e.kind != gazAgent || !ix.agents[m.e.idx].title {
			continue
		}
		n := m.j
		if n < len(toks) && toks[n].raw == "." { // "Gen." "Mr."
			n++
		}
		end := nameEnd(toks, n, at)
		if end == n {
			continue
		}
		title := &ix.agents[m.e.idx]
		p := Actor{Kind: "person", Name: spanText(text, toks[n:end]), Office: title.office, Sector: title.sector}
		if prev, ok := mem.lookupTitled(p.Name, title.name); ok {
			p = prev
		}
		start := ix.chainLeft(toks, ms, at, k, &p)
		if end+1 < len(toks) && toks[end].low == "of" && at[end+1] != 0 && ms[at[end+1]-1].e.kind == gazCountry && p.Country == "" {
			// "King Hussein of Jordan"
			om := &ms[at[end+1]-1]
			c := ix.countries[om.e.idx]
			p.Country, p.Code = c.name, c.alpha3
			om.used, end = true, om.j
		}
		ix.finishPerson(text, toks, start, end, &p, mem)
		m.used = true
		markName(inName, n, end)
		out = append(out, p)
	}
	// Persons: "Name, the U.N. secretary-general" and "Name said". The
	// loop also lists, from what stays fixed once the mentions are found
	// (their starts, which nameStart reads), the capitalized words that
	// later passes may take, so that they pass over the rest unread:
	// context, the words a name may start at that contextPersons reads
	// (personContext); units, those namedUnits reads a unit's name back
	// from ("Task", a unit noun). Both are cut from one buffer and
	// filled by index.
	if len(sc.caps) < 2*len(ups) {
		sc.caps = make([]int32, 2*max(len(ups), cap(ups)))
	}
	caps := sc.caps[:2*len(ups)]
	context, units := caps[:len(ups)], caps[len(ups):]
	nc, nu := 0, 0
	from := 0 // the first token a name may start at
	for _, u := range ups {
		n := int(u)
		if t := &toks[n]; t.is(wcUnitNoun) || t.low == "task" {
			units[nu] = u
			nu++
		}
		if !nameStart(toks, n, at) {
			continue
		}
		if n > 0 && personContext(toks, n) {
			context[nc] = u
			nc++
		}
		if n < from || inName[n] || inMention[n] || n > 0 && (toks[n-1].word && toks[n-1].up) && !possessed(toks, ms, at, n) {
			continue
		}
		end := nameEndAfter(toks, n, at) // n passed nameStart above
		single := end-n == 1
		switch {
		case single && (len(toks[n].raw) < 4 || n > 0 && (toks[n-1].low == "the" || toks[n-1].low == "a")):
			continue
		case single && toks[n].is(wcCommon):
			continue // "Fighting resumed": a word, capitalized to start the sentence
		case single && !verbLike(toks, end) && !possessed(toks, ms, at, n):
			// One capitalized word is a person only as the subject of a
			// verb ("Saddam ordered") or after a country ("Iraq's Saddam").
			continue
		}
		p := Actor{Kind: "person", Name: spanText(text, toks[n:end])}
		switch {
		case single || possessed(toks, ms, at, n):
			if prev, ok := mem.lookup(p.Name); ok {
				p = prev
			}
		case end < len(toks) && toks[end].raw == ",":
			k := ix.appositive(toks, ms, at, end+1)
			if k < 0 {
				continue
			}
			title := &ix.agents[ms[k].e.idx]
			p.Office, p.Sector = title.name, title.sector
			ix.chainLeft(toks, ms, at, k, &p)
			ms[k].used = true
		case verbLike(toks, end) || possessed(toks, ms, at, n) || end < len(toks) && toks[end].is(wcAuxiliary) || hasInitial(toks[n:end]):
			if prev, ok := mem.lookup(p.Name); ok {
				p = prev
			}
		default:
			continue
		}
		start := n
		if o := ownerEnding(ms, n-1); o >= 0 && toks[n-1].poss && ms[o].e.kind == gazCountry && p.Country == "" {
			// "Iraq's Saddam Hussein"
			c := ix.countries[ms[o].e.idx]
			p.Country, p.Code = c.name, c.alpha3
			ms[o].used, start = true, ms[o].i
		}
		ix.finishPerson(text, toks, start, end, &p, mem)
		markName(inName, n, end)
		out = append(out, p)
		from = end + 1 // the token after a name starts none
	}
	// Persons named once without a title where the context says a
	// person: "identified as Abdallah Mohammed Fadhul", "replaced by
	// Winston Churchill", "Hussein's sons (Uday and Qusay)", "Mao's
	// cables to Stalin".
	// (Most sentences have none of the words either pass reads: their
	// many arguments are not passed for nothing.)
	if nc > 0 {
		out = ix.contextPersons(out, text, toks, context[:nc], ms, at, inName, inMention, mem)
	}
	// Military units named by number or codename: "the Eighth Army",
	// "the 7th Cavalry Regiment", "Charlie Company", "Task Force Smith".
	if nu > 0 {
		out = ix.namedUnits(out, text, toks, units[:nu], ms, at, inName)
	}
	// Agents, attached to a country or organization when the text says so.
	for k := range ms {
		m := &ms[k]
		if m.used || m.e.kind != gazAgent || ix.agents[m.e.idx].nameOnly {
			continue
		}
		ag := &ix.agents[m.e.idx]
		if next := m.j; next < len(toks) && ag.adjectival && toks[next].word && !toks[next].up &&
			!toks[next].is(wcStop|wcCapitalVerb) && !strings.HasSuffix(toks[next].low, "ly") && !verbLike(toks, next) {
			// "military action", "government troops": a modifier, not an
			// agent; a following agent is the head and takes the sector.
			if at[next] != 0 && ms[at[next]-1].e.kind == gazAgent && (ag.sector == "MIL" || ag.sector == "REB") {
				head := &ms[at[next]-1]
				head.i, head.sectorFrom = m.i, ag.sector
			}
			m.used = true
			continue
		}
		a := Actor{Kind: "agent", Sector: ag.sector, Agent: spanText(text, toks[m.i:m.j])}
		a.Name = ag.sectorName
		if m.sectorFrom != "" && a.Sector != "MIL" {
			a.Sector = m.sectorFrom
			a.Name = sectorNames[a.Sector]
		}
		if a.Name == "" {
			a.Name = ag.name
		}
		start, end := m.i, m.j
		switch o := ix.owner(toks, ms, at, k, mem); {
		case o.mention >= 0:
			om := &ms[o.mention]
			ix.setOwner(&a, om.e)
			om.used = true
			start, end = min(start, om.i), max(end, om.j)
		case o.country >= 0:
			ix.setOwner(&a, &gazEntry{kind: gazCountry, idx: o.country})
			start = o.start
		}
		a.Span = Span{toks[start].Start, toks[end-1].End}
		a.Text = text[a.Start:a.End]
		m.used = true
		out = append(out, a)
	}
	// Countries and organizations on their own.
	for k := range ms {
		m := &ms[k]
		if m.used || m.e.kind == gazAgent {
			continue
		}
		a := Actor{Span: Span{toks[m.i].Start, toks[m.j-1].End}}
		a.Text = text[a.Start:a.End]
		if m.e.kind == gazCountry {
			c := ix.countries[m.e.idx]
			a.Kind, a.Name, a.Code = "country", c.name, c.alpha3
		} else {
			o := ix.orgs[m.e.idx]
			a.Kind, a.Name, a.Code, a.Sector = "organization", o.name, o.code, o.sector
			if o.country != "" {
				c := ix.countries[ix.byAlpha3[o.country]]
				a.Country = c.name
				if o.sector != "" && o.sector != "REB" { // a national body acts for its state
					a.Kind, a.Name, a.Agent = "agent", c.name, o.name
				}
			}
		}
		out = append(out, a)
	}
	if !read && !ix.mayOwnByPerson(text, out) {
		// What follows adds persons met before, orders the actors and
		// drops some agents: none of it changes the memory, unless an
		// agent takes a person's country (ownedByPerson).
		ix.noteLastCountry(text, s, out, mem)
		return out
	}
	// Persons met before, named again by surname (none before the
	// first person met).
	if len(mem.people) == 0 {
		ups = nil
	}
	for _, u := range ups {
		n := int(u)
		if inName[n] || inMention[n] || !mem.mayKnow(toks[n].h) {
			continue
		}
		p, ok := mem.person(mem.persons, toks[n].raw)
		if !ok {
			p, ok = mem.person(mem.partial, toks[n].raw)
		}
		if ok && toks[n].poss && n+1 < len(toks) && toks[n+1].word && !toks[n+1].up && at[n+1] == 0 {
			continue // "Hussein's home town": a relation, not a party
		}
		if ok {
			p.Span, p.Text = toks[n].Span, toks[n].raw
			out = append(out, p)
		}
	}
	if !slices.IsSortedFunc(out, byStart) { // often in order already
		slices.SortStableFunc(out, byStart)
	}
	ix.ownedByPerson(text, out)
	out = dropBridging(out)
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End || len(out) == 0 {
		return out
	}
	if m := findCreditLine(text[s.Start:s.End]); m != nil {
		// "WASHINGTON, August 13 (Xinhua) --", "UNITED NATIONS (AP) _":
		// the place and agency a wire story is filed from name no party.
		kept := out[:0]
		for _, a := range out {
			if a.Start >= s.Start+m[1] {
				kept = append(kept, a)
			}
		}
		out = kept
	}
	for k := range out {
		if namesState(&out[k]) {
			mem.lastCountry = ix.byAlpha3[out[k].Code]
			break
		}
	}
	return out
}

// byStart orders actors by where they start.
func byStart(a, b Actor) int { return cmp.Compare(a.Start, b.Start) }

// namesState reports an actor that names a state for a later "its" or
// "their": no person, and no international body.
func namesState(a *Actor) bool {
	return a.Kind != "person" && a.Code != "" && a.Code != "UNO" && a.Code != "IGO" && a.Code != "NGO" && a.Code != "IMG"
}

// noteLastCountry sets mem's last country as findActorsFor does at its
// end, from the actors of sentence s before they are ordered: the first
// in text order after any credit line that names a state, the earlier
// found of two at the same offset (the order is stable).
func (ix *actorIndex) noteLastCountry(text string, s Span, as []Actor, mem *actorMemory) {
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
		return
	}
	// the credit line is looked for only when some actor names a
	// state: most sentences have none
	first, read := -1, false
	var credit []int
	for k := range as {
		a := &as[k]
		if !namesState(a) {
			continue
		}
		if !read {
			credit, read = findCreditLine(text[s.Start:s.End]), true
		}
		if credit != nil && a.Start < s.Start+credit[1] {
			continue
		}
		if first < 0 || a.Start < as[first].Start {
			first = k
		}
	}
	if first >= 0 {
		mem.lastCountry = ix.byAlpha3[as[first].Code]
	}
}

// creditLine is a wire story's opening credit: a place in capitals, an
// optional date, and the agency in parentheses before a dash.
var creditLine = regexp.MustCompile(`^\s*[A-Z][A-Z.' -]{1,40}(?:,[^()]{1,60})?\s*\((?:Reuters|AP|AFP|Xinhua|UPI|Bloomberg|dpa|Anadolu|TASS|Interfax|IANS|PTI|ANI|Kyodo|Yonhap|CNA|EFE|ANSA)\)\s*(?:--|[-–—_:])`)

// findCreditLine is creditLine.FindStringIndex after a check of what
// any match starts with: white space ([\t\n\f\r ]), a capital, then a
// capital or one of .' - (and a parenthesis later on). Most sentences
// fail it at their first letters.
func findCreditLine(s string) []int {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	if i+1 >= len(s) || !isUpperASCII(s[i]) {
		return nil
	}
	if c := s[i+1]; !isUpperASCII(c) && c != '.' && c != '\'' && c != ' ' && c != '-' || strings.IndexByte(s[i:], '(') < 0 {
		return nil
	}
	return creditLine.FindStringIndex(s)
}

// dropBridging drops the state agents that the text ties to no one when
// the sentence names a state or organization: "Iraqi aircraft attacked
// ... soldiers", "a unit of nine soldiers" after "Danish troops" are that
// state's, not a party of their own. Rebels and civilians stay: they are
// seldom the named state's.
func dropBridging(as []Actor) []Actor {
	named := false
	for _, a := range as {
		if a.Code != "" {
			named = true
			break
		}
	}
	if !named {
		return as
	}
	out := as[:0]
	for k := range as {
		if a := &as[k]; a.Kind == "agent" && a.Code == "" && (a.Sector == "MIL" || a.Sector == "GOV" || a.Sector == "LEG") && !properUnit(a.Agent) {
			continue
		}
		if len(out) < k { // an actor dropped before: moved down
			as[len(out)] = as[k]
		}
		out = as[:len(out)+1]
	}
	return out
}

// officeNames spell out abbreviated titles; courtesy titles name no
// office.
var officeNames = map[string]string{
	"gen": "general", "lt": "lieutenant", "col": "colonel", "adm": "admiral", "capt": "captain",
	"sgt": "sergeant", "sen": "senator", "mr": "", "mrs": "", "ms": "", "dr": "",
}

// officeOf is the office a title names: its spelled-out form when
// officeNames has one, else the title itself.
func officeOf(title string) string {
	if o, abbr := officeNames[title]; abbr {
		return o
	}
	return title
}

// commonWord reports a word the lexicons know as something else: a
// trigger, an agent, a function word.
func (ix *actorIndex) commonWord(low string) bool {
	if stopWords[low] || nonNameWords[low] {
		return true
	}
	if _, ok := ix.triggers[low]; ok {
		return true
	}
	return ix.gaz.has(low)
}

// hasInitial reports a name with a middle initial, "George W. Bush": a
// person wherever it stands.
func hasInitial(name []token) bool {
	for k := 1; k+2 < len(name); k++ {
		if len(name[k].raw) == 1 && name[k].up && name[k+1].raw == "." && name[k+2].up {
			return true
		}
	}
	return false
}

// auxiliaries after a full name make it a subject: "Saddam Hussein was
// captured".
var auxiliaries = map[string]bool{"was": true, "is": true, "has": true, "had": true, "will": true, "would": true}

// pastForms are irregular past tenses that follow a person's name as
// subject: "Hitler sent", "Stalin delayed" is caught by its -ed.
var pastForms = map[string]bool{"sent": true, "took": true, "led": true, "met": true, "fought": true,
	"struck": true, "won": true, "lost": true, "told": true, "gave": true, "made": true, "began": true,
	"became": true, "fled": true, "held": true, "went": true, "said": true, "says": true, "sought": true,
	"wrote": true, "spoke": true, "withdrew": true, "ordered": true, "tells": true, "adds": true}

// verbLike reports whether token i reads as the verb after a subject:
// a past tense, a speech verb, or an adverb before one ("Saddam
// repeatedly called").
func verbLike(toks []token, i int) bool {
	if i < len(toks) && toks[i].word && !toks[i].up && strings.HasSuffix(toks[i].low, "ly") {
		i++
	}
	if i >= len(toks) || !toks[i].word || toks[i].up {
		return false
	}
	w := toks[i].low
	return toks[i].is(wcSpeechVerb|wcPastForm) || len(w) > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed")
}

// possessed reports a name right after a country's possessive, ending
// its phrase: "Iraq's Saddam," but not "Jordan's Red Sea port".
func possessed(toks []token, ms []mention, at []int32, n int) bool {
	if n == 0 || !toks[n-1].poss {
		return false
	}
	end := nameEnd(toks, n, at)
	if end < len(toks) && toks[end].raw != "," && toks[end].raw != "." && !verbLike(toks, end) {
		return false
	}
	o := ownerEnding(ms, n-1)
	return o >= 0 && ms[o].e.kind == gazCountry
}

func (mem *actorMemory) lookup(name string) (Actor, bool) {
	if len(mem.people) == 0 {
		return Actor{}, false // no one met yet: both maps are empty
	}
	p, ok := mem.person(mem.persons, name)
	if !ok {
		p, ok = mem.person(mem.partial, lastField(name))
	}
	return p, ok
}

// lookupTitled finds a person named with a title ("King Hussein"): the
// same full name, or the same surname with the same office, so that
// "King Hussein" is not "Saddam Hussein".
func (mem *actorMemory) lookupTitled(name, office string) (Actor, bool) {
	if len(mem.people) == 0 {
		return Actor{}, false
	}
	if p, ok := mem.person(mem.persons, name); ok {
		return p, true
	}
	if p, ok := mem.person(mem.partial, lastField(name)); ok && p.Office == office {
		return p, true
	}
	return Actor{}, false
}

func markName(in []bool, i, j int) {
	for k := i; k < j; k++ {
		in[k] = true
	}
}

// finishPerson sets the span and text of a person and remembers it.
func (ix *actorIndex) finishPerson(text string, toks []token, start, end int, p *Actor, mem *actorMemory) {
	p.Span = Span{toks[start].Start, toks[end-1].End}
	p.Text = text[p.Start:p.End]
	if p.Code == "" && p.Country != "" {
		p.Code = ix.countries[ix.byAlpha3Name(p.Country)].alpha3
	}
	// The person as stored: a person named again is mostly the same.
	v := *p
	v.Span, v.Text = Span{}, ""
	i, known := mem.persons[p.Name]
	if known && mem.people[i] == v {
		return // remembered as it is, and by its names
	}
	i = int32(len(mem.people))
	mem.people = append(mem.people, v)
	mem.remember(&mem.persons, p.Name, i)
	if known {
		// its first and last names were taken when it was first met (a
		// name is remembered for persons here only), and a taken name
		// keeps its person
		return
	}
	// Later mentions use the surname ("Zakharova") or, in some styles,
	// the first name ("Saddam"); an earlier person keeps a shared key.
	first, last, n := outerFields(p.Name)
	if n < 2 {
		return
	}
	for _, w := range [2]string{first, last} {
		if _, taken := mem.partial[w]; !taken && len(w) > 2 {
			mem.remember(&mem.partial, w, i)
		}
	}
}

// lastField is the last of strings.Fields(s), which must have one.
func lastField(s string) string {
	if _, last, n := outerFields(s); n > 0 {
		return last
	}
	f := strings.Fields(s)
	return f[len(f)-1] // out of range, as it always was
}

// fieldEnds returns the first and the last of strings.Fields(s) and
// their number, without making the slice when s is ASCII.
func fieldEnds(s string) (first, last string, n int) {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			f := strings.Fields(s)
			if len(f) == 0 {
				return "", "", 0
			}
			return f[0], f[len(f)-1], len(f)
		}
	}
	for i := 0; i < len(s); {
		if asciiSpace[s[i]] {
			i++
			continue
		}
		j := i
		for j < len(s) && !asciiSpace[s[j]] {
			j++
		}
		if n == 0 {
			first = s[i:j]
		}
		last, n = s[i:j], n+1
		i = j
	}
	return first, last, n
}

// outerFields returns the first and the last of strings.Fields(s) and
// their number, 2 for two or more. It reads s from each end only as far
// as those fields, when they and the spaces beside them are ASCII (a
// name's words, and its middle ones are not read); else as fieldEnds.
func outerFields(s string) (first, last string, n int) {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && asciiSpace[s[i]] {
		i++
	}
	j := i
	for j < len(s) && s[j] < utf8.RuneSelf && !asciiSpace[s[j]] {
		j++
	}
	switch {
	case j < len(s) && s[j] >= utf8.RuneSelf:
		return outerFieldsSlow(s)
	case j == len(s):
		if i == j {
			return "", "", 0
		}
		return s[i:j], s[i:j], 1
	}
	// s[j] is a space: whatever follows the first field, read from the end
	e := len(s)
	for e > j && s[e-1] < utf8.RuneSelf && asciiSpace[s[e-1]] {
		e--
	}
	if e == j {
		return s[i:j], s[i:j], 1
	}
	b := e
	for b > j && s[b-1] < utf8.RuneSelf && !asciiSpace[s[b-1]] {
		b--
	}
	if s[b-1] >= utf8.RuneSelf {
		return outerFieldsSlow(s)
	}
	return s[i:j], s[b:e], 2
}

// outerFieldsSlow is outerFields through fieldEnds.
func outerFieldsSlow(s string) (first, last string, n int) {
	first, last, n = fieldEnds(s)
	return first, last, min(n, 2)
}

func (ix *actorIndex) byAlpha3Name(name string) int {
	for i, c := range ix.countries {
		if c.name == name {
			return i
		}
	}
	return 0
}

// setOwner makes a the agent of the country or organization e names.
func (ix *actorIndex) setOwner(a *Actor, e *gazEntry) {
	if e.kind == gazCountry {
		c := ix.countries[e.idx]
		a.Name, a.Code, a.Country = c.name, c.alpha3, c.name
		return
	}
	if e.kind != gazOrg {
		return
	}
	o := ix.orgs[e.idx]
	a.Name, a.Code = o.name, o.code
	if o.country != "" {
		c := ix.countries[ix.byAlpha3[o.country]]
		a.Name, a.Code, a.Country = c.name, c.alpha3, c.name
	}
}

// chainLeft reads what stands before the title of mention k ("Russian
// Foreign ministry spokesperson"): the country or organization and the
// body. It fills p and returns the first token of the phrase.
func (ix *actorIndex) chainLeft(toks []token, ms []mention, at []int32, k int, p *Actor) int {
	start := ms[k].i
	i := ms[k].i - 1
	skipped := 0
	for i >= 0 && skipped <= 2 {
		if t := &toks[i]; t.word && t.poss && !t.up {
			break
		}
		o := ownerEnding(ms, i)
		switch {
		case o >= 0 && ms[o].e.kind == gazAgent && !ix.agents[ms[o].e.idx].nameOnly:
			if p.Agent == "" {
				p.Agent = spanTextToks(toks[ms[o].i:ms[o].j])
			}
			if p.Sector == "" || p.Sector == "GOV" {
				p.Sector = ix.agents[ms[o].e.idx].sector
			}
			ms[o].used = true
			start, i = ms[o].i, ms[o].i-1
			continue
		case o >= 0 && ms[o].e.kind != gazAgent:
			if p.Country == "" && p.Code == "" {
				var a Actor
				ix.setOwner(&a, ms[o].e)
				p.Country, p.Code = a.Country, a.Code
				if a.Country == "" {
					p.Agent = strings.TrimSpace(a.Name + " " + p.Agent)
				}
			}
			ms[o].used = true
			start, i = ms[o].i, ms[o].i-1
			continue
		case toks[i].word && toks[i].is(wcTitleModifier):
			start, i = i, i-1
			continue
		case toks[i].low == "-" && i > 0 && toks[i-1].is(wcTitleModifier):
			start, i = i-1, i-2
			continue
		}
		break
	}
	return start
}

// ownerEnding returns the unused mention that ends at token i, or -1.
// Mentions are sorted and do not overlap.
func ownerEnding(ms []mention, i int) int {
	k := sort.Search(len(ms), func(k int) bool { return ms[k].j-1 >= i })
	if k < len(ms) && ms[k].j-1 == i && !ms[k].used {
		return k
	}
	return -1
}

// titleModifiers qualify an office: "deputy prime minister", "former
// president", "chief U.N. weapons inspector".
var titleModifiers = map[string]bool{
	"deputy": true, "vice": true, "acting": true, "former": true, "chief": true, "senior": true,
	"top": true, "interim": true, "then": true, "first": true, "assistant": true, "weapons": true,
	"foreign": true, "defense": true, "defence": true, "interior": true, "state": true, "general": true,
	"commander": true, "supreme": true, "military": true, "army": true, "ministry": true, "lt": true,
	"lieutenant": true, "rear": true, "brig": true, "brigadier": true, "major": true, "maj": true,
}

// appositive finds the title of "Name, the chief U.N. weapons inspector":
// from token i, an optional article, up to four modifiers and names, then
// a title. It returns the title's mention or -1.
func (ix *actorIndex) appositive(toks []token, ms []mention, at []int32, i int) int {
	if i < len(toks) && (toks[i].low == "the" || toks[i].low == "a" || toks[i].low == "an" || toks[i].low == "its") {
		i++
	}
	for steps := 0; i < len(toks) && steps < 6; steps++ {
		if at[i] != 0 {
			m := ms[at[i]-1]
			if m.e.kind == gazAgent && ix.agents[m.e.idx].title && !ix.agents[m.e.idx].nameOnly {
				// Take the last title of a run: "defense ministry spokesman".
				if m.j < len(toks) && at[m.j] != 0 && ms[at[m.j]-1].e.kind == gazAgent && ix.agents[ms[at[m.j]-1].e.idx].title {
					i = m.j
					continue
				}
				return int(at[i]) - 1
			}
			i = m.j
			continue
		}
		if !toks[i].word || !(toks[i].is(wcTitleModifier) || toks[i].up) {
			return -1
		}
		i++
	}
	return -1
}

// ownerRef is the owner of an agent: a mention of the sentence, or a
// country named by "its"/"their" (then start is the pronoun's token).
type ownerRef struct{ mention, country, start int }

// owner finds the country or organization agent mention k belongs to:
// "Armenia's Foreign Ministry", "illegal Armenian armed groups", "forces
// of Iraq", "its defense ministry".
func (ix *actorIndex) owner(toks []token, ms []mention, at []int32, k int, mem *actorMemory) ownerRef {
	none := ownerRef{-1, -1, -1}
	m := ms[k]
	i := m.i - 1
	for skipped := 0; i >= 0 && skipped <= 2; skipped++ {
		if o := ownerEnding(ms, i); o >= 0 && ms[o].e.kind != gazAgent {
			return ownerRef{o, -1, -1}
		}
		t := &toks[i]
		if t.low == "its" || t.low == "their" {
			// The last country named before it in the sentence, else in
			// the document. The pronoun is no mention of its own.
			for o := k - 1; o >= 0; o-- {
				if ms[o].e.kind == gazCountry && ms[o].j <= i {
					return ownerRef{-1, ms[o].e.idx, i}
				}
			}
			if mem.lastCountry >= 0 {
				return ownerRef{-1, mem.lastCountry, i}
			}
			return none
		}
		if !t.word || t.poss || t.up && !adjectiveLike(t.low) || t.is(wcStop) ||
			(strings.HasSuffix(t.low, "ed") || strings.HasSuffix(t.low, "ing")) && t.low != "armed" && t.low != "ruling" {
			break
		}
		i--
	}
	// "forces of Iraq", "the government of the Soviet Union", "police in
	// the Comoros".
	j := m.j
	if j < len(toks) && (toks[j].low == "of" || toks[j].low == "in" && bodiesIn[toks[j-1].low]) {
		j++
		if j < len(toks) && toks[j].low == "the" {
			j++
		}
		if j < len(toks) && at[j] != 0 {
			o := int(at[j]) - 1
			if ms[o].e.kind != gazAgent && !ms[o].used && ms[o].e.form != formCapital {
				return ownerRef{o, -1, -1}
			}
		}
	}
	return none
}

// sectorNames name the agents that the text ties to no country or
// organization: "the rebels", "gunmen" and "insurgents" are all "rebels".
var sectorNames = map[string]string{
	"GOV": "government", "MIL": "military", "COP": "police", "REB": "rebels",
	"CVL": "civilians", "LEG": "legislature", "JUD": "judiciary",
}

// adjectiveLike reports capitalized adjectives that can stand between a
// country and its agent: "Iraqi Parliamentary lawmakers", "Soviet Armed
// Forces".
func adjectiveLike(low string) bool {
	for _, suf := range []string{"ary", "al", "ic", "ist"} {
		if strings.HasSuffix(low, suf) {
			return true
		}
	}
	return low == "armed" || low == "air" || low == "ground"
}

// adjectival agents also modify nouns that are no actors: "military
// action", "government buildings".
var adjectival = map[string]bool{
	"military": true, "government": true, "police": true, "army": true, "rebel": true, "militia": true,
	"navy": true, "embassy": true, "court": true, "administration": true, "regime": true,
	"militant": true, "insurgent": true, "guerrilla": true, "soldier": true, "ministry": true,
}

var stopWords = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "or": true, "of": true, "to": true, "in": true,
	"on": true, "at": true, "by": true, "for": true, "with": true, "from": true, "that": true,
	"which": true, "who": true, "his": true, "her": true, "has": true, "have": true,
	"had": true, "was": true, "were": true, "is": true, "are": true, "be": true, "been": true,
	"not": true, "said": true, "as": true, "than": true, "but": true, "after": true, "before": true,
	"against": true, "into": true, "over": true, "between": true, "while": true, "when": true,
}

// speechVerbs follow a person's name in reported speech: "Maria
// Zakharova said".
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "stated": true, "announced": true,
	"declared": true, "warned": true, "urged": true, "insisted": true, "wrote": true,
}

// capitalVerbs follow a capital used for its government: "Baku said",
// "Moscow has".
var capitalVerbs = map[string]bool{
	"said": true, "says": true, "has": true, "have": true, "will": true, "would": true, "accused": true, "warned": true, "urged": true, "announced": true,
	"denied": true, "rejected": true, "condemned": true, "demanded": true, "called": true,
	"insisted": true, "agreed": true, "refused": true, "responded": true, "claimed": true,
	"launched": true, "sent": true,
}

// nonNameWords are capitalized words that start no person's name.
var nonNameWords = map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "but": true, "and": true,
	"later": true, "earlier": true, "he": true, "she": true, "it": true, "they": true, "we": true,
	"i": true, "this": true, "that": true, "these": true, "those": true, "after": true, "before": true,
	"when": true, "while": true, "his": true, "her": true, "their": true, "its": true, "as": true,
	"according": true, "meanwhile": true, "however": true, "there": true, "by": true, "for": true,
	"from": true, "with": true, "of": true, "to": true, "since": true, "during": true, "if": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "republic": true, "kingdom": true, "north": true, "south": true,
	"east": true, "west": true, "northern": true, "southern": true, "eastern": true, "western": true,
	"central": true, "minister": true, "ministry": true, "operation": true, "battle": true, "war": true,
	"treaty": true, "army": true, "day": true, "one": true, "two": true, "some": true, "many": true,
	"both": true, "all": true, "each": true, "other": true, "such": true, "no": true, "not": true,
	"what": true, "who": true, "how": true, "why": true, "where": true, "our": true, "my": true,
	"you": true, "your": true, "us": true, "said": true, "says": true, "lake": true, "river": true,
	"island": true, "mount": true, "city": true, "province": true, "region": true, "county": true,
	"street": true, "forces": true, "corps": true, "party": true, "front": true, "division": true,
	"national": true, "democratic": true, "communist": true, "allied": true, "allies": true,
	"task": true, "force": true, "company": true, "group": true, "regiment": true, "brigade": true,
	"battalion": true, "fleet": true, "command": true, "navy": true,
	"air": true, "airborne": true, "cavalry": true, "infantry": true, "marines": true,
	"union": true, "confederate": true, "imperial": true, "royal": true, "new": true, "old": true,
}

func nameStart(toks []token, n int, at []int32) bool {
	if n >= len(toks) || at[n] != 0 {
		return false
	}
	t := &toks[n]
	return t.word && t.up && !t.is(wcNonName|wcUpAcronym) && len(t.raw) > 1 && !isDigitStart(t.raw)
}

func isDigitStart(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

var nameParticles = map[string]bool{"al": true, "bin": true, "ibn": true, "de": true, "van": true, "von": true, "der": true, "da": true, "di": true, "le": true, "la": true, "el": true, "abu": true}

// nameEnd returns the end of a person's name starting at token n ("Maria
// Zakharova", "George W. Bush", "Nouri al-Maliki"), or n when there is
// none. Names are at most five tokens and stop at known names.
func nameEnd(toks []token, n int, at []int32) int {
	if !nameStart(toks, n, at) {
		return n
	}
	return nameEndAfter(toks, n, at)
}

// nameEndAfter is nameEnd of a name that starts at n (nameStart): the
// passes over the words a name may start at know it already.
func nameEndAfter(toks []token, n int, at []int32) int {
	j := n + 1
	if toks[n].poss {
		return j
	}
	for j < len(toks) && j-n < 6 {
		t := &toks[j]
		switch {
		case t.raw == "." && len(toks[j-1].raw) == 1 && toks[j-1].up: // the dot of an initial
			j++
			continue
		case t.low == "-" && j+1 < len(toks) && toks[j+1].word && toks[j+1].up && toks[j-1].is(wcParticle):
			j += 2
		case t.word && t.up && at[j] == 0 && !t.is(wcNonName|wcUpAcronym):
			j++
		case t.word && t.is(wcParticle) && j+1 < len(toks) && (toks[j+1].low == "-" || toks[j+1].up):
			j++
			continue
		default:
			return j
		}
		if toks[j-1].poss {
			return j
		}
	}
	return j
}

func spanText(text string, toks []token) string {
	if len(toks) == 0 {
		return ""
	}
	return text[toks[0].Start:toks[len(toks)-1].End]
}

func spanTextToks(toks []token) string {
	var b strings.Builder
	for k := range toks {
		t := &toks[k]
		if k > 0 && t.Start > toks[k-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(t.raw)
	}
	return b.String()
}

// mentions matches the gazetteer over toks, longest first, and appends
// to ms the matches that the context allows. The tokens are looked up,
// and poss indexes their possessives (tokenizer.poss).
func (ix *actorIndex) mentions(toks []token, poss []int32, ms []mention) []mention {
	placeEnd := -1 // end of the last place named: "in Tanzania and Kenya"
	var i int      // the token matched at, which capsOK reads
	capsOK := func(e *gazEntry) bool { return ix.capsOK(toks, i, e) }
	for i < len(toks) {
		if i = ix.gaz.nextStart(toks, i, poss); i == len(toks) {
			break
		}
		e, j := ix.gaz.match(toks, i, capsOK)
		if e == nil {
			i++
			continue
		}
		if e.kind == gazCountry && !ix.countryContextOK(toks, i, j, e) {
			i = j
			continue
		}
		if e.kind == gazCountry && (isPlace(toks, i, j, e) || ix.colony(toks, i, j, e) || placeEnd >= 0 && coordinated(toks, placeEnd, i) || cityOf(toks, i, j, ms)) {
			placeEnd = j // where something happened, not who did it
			i = j
			continue
		}
		ms = append(ms, mention{e: e, i: i, j: j})
		i = j
	}
	return ms
}

// bodiesIn are agents that "in" ties to a country: "police in the
// Comoros", "officials in Kenya".
var bodiesIn = map[string]bool{"police": true, "officials": true, "authorities": true, "government": true, "troops": true, "forces": true}

// coordinated reports that tokens [from, to) only join two names: "and",
// ",", "or".
func coordinated(toks []token, from, to int) bool {
	if from >= to {
		return false
	}
	for k := from; k < to; k++ {
		if l := toks[k].low; l != "and" && l != "," && l != "or" {
			return false
		}
	}
	return true
}

// cityOf reports a country named after a city: "Dar es Salaam,
// Tanzania", "Atlanta, Georgia". The word before the comma is a proper
// name that is no country.
func cityOf(toks []token, i, j int, ms []mention) bool {
	if i < 3 || toks[i-1].raw != "," || !toks[i-2].word || !toks[i-2].up || toks[i-2].is(wcNonName) {
		return false
	}
	if len(ms) > 0 && ms[len(ms)-1].j >= i-2 {
		return false // "Syria, Jordan": a list of countries
	}
	// The country closes the place ("in Nairobi, Kenya, on Aug. 7"), and
	// the places follow a locative ("in Dar es Salaam, Tanzania, and
	// Nairobi, Kenya").
	if j < len(toks) && toks[j].raw != "," && toks[j].raw != "." && toks[j].raw != ";" && toks[j].low != "and" && toks[j].low != "on" {
		return false
	}
	for k := i - 2; k >= 0 && k >= i-12; k-- {
		t := &toks[k]
		switch {
		case t.is(wcLocative) || t.low == "to" || t.low == "from":
			return true
		case t.up, t.raw == ",", t.low == "and", t.word && len(t.low) <= 3 && t.low != "the" && !t.is(wcStop):
			continue
		}
		return false
	}
	return false
}

// locatives put the country name after them as a place: "in Egypt",
// "across Iraq".
var locatives = map[string]bool{"in": true, "at": true, "near": true, "inside": true, "across": true, "off": true,
	"throughout": true, "within": true, "outside": true}

// regionWords before a country's name make it part of the country, a
// place: "in northern Iraq", "from northeast North Korea".
var regionWords = map[string]bool{"north": true, "south": true, "east": true, "west": true,
	"northern": true, "southern": true, "eastern": true, "western": true, "central": true,
	"northeast": true, "northwest": true, "southeast": true, "southwest": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true}

// directions put a place noun after them as where a move starts or
// ends: "expelled from the South Korean capital", "advanced towards the
// Iraqi port". Unlike locatives they do so only with a place noun: "sent
// troops to Iraqi Kurdistan" is a place, "handed control to the Iraqi
// government" is not.
var directions = map[string]bool{"from": true, "to": true, "toward": true, "towards": true, "into": true,
	"through": true, "beyond": true, "past": true}

// placeNouns after a demonym make it a place: "the Iraqi city of
// Samarra", "the South Korean capital".
var placeNouns = map[string]bool{"city": true, "cities": true, "town": true, "towns": true, "village": true,
	"villages": true, "port": true, "capital": true, "province": true, "region": true, "border": true,
	"coast": true, "soil": true, "island": true, "islands": true, "countryside": true, "mountains": true,
	"airspace": true, "waters": true, "kurdistan": true, "side": true}

// media are what a thing is read or shown on: "on Iraqi television".
var media = map[string]bool{"television": true, "radio": true, "tv": true}

// isPlace reports a country mention that names a place: a name after a
// locative preposition ("in Egypt"), or a demonym before a place noun
// after one ("in the Iraqi city of Samarra"). A target is no place
// ("bombing against Iranian cities"), and compounds such as
// "Armenian-populated" keep the country: they say whose the place is.
func isPlace(toks []token, i, j int, e *gazEntry) bool {
	if toks[j-1].poss {
		return false
	}
	k := i - 1
	for k >= 0 && k >= i-3 && toks[k].word && !toks[k].is(wcLocative|wcDirection|wcStop) && !toks[k].up || k >= 0 && toks[k].low == "the" {
		k--
	}
	if k >= 0 && (toks[k].low == "on" || toks[k].low == "over") && e.form == formDemonym && j < len(toks) && media[toks[j].low] {
		return true // "read on Iraqi television": the medium, not who spoke
	}
	region := k == i-2 && toks[i-1].is(wcRegion) && (e.form == formName || e.form == formCapital)
	if k < 0 || !toks[k].is(wcLocative) && !((e.form == formDemonym || region) && toks[k].is(wcDirection)) {
		return false
	}
	if k > 0 && toks[k].low == "in" && bodiesIn[toks[k-1].low] && !(k > 1 && toks[k-2].up) {
		return false // "police in the Comoros" are the Comoros' police, "Italian forces in Egypt" Italy's
	}
	if e.form == formName || e.form == formCapital {
		if j < len(toks) && toks[j].word && !toks[j].up && !toks[j].is(wcStop) && strings.Contains(toks[j-1].raw, ".") {
			return false // "at U.S. embassies": the name qualifies a noun
		}
		return k == i-1 || k == i-2 && (toks[i-1].low == "the" || region)
	}
	if j < len(toks) && (toks[j].raw == "-" || toks[j].raw == "–") {
		return false
	}
	for k := j; k < len(toks) && k < j+3; k++ {
		if !toks[k].word {
			return false
		}
		if toks[k].is(wcPlaceNoun) {
			return true
		}
	}
	return false
}

// capsOK checks the capitals: country and organization names are proper
// names ("turkey" is a bird, "chad" a scrap of paper), agents are common
// nouns written either way ("Foreign Ministry", "foreign ministry").
func (ix *actorIndex) capsOK(toks []token, i int, e *gazEntry) bool {
	if e.exact != nil || e.kind == gazAgent {
		return true
	}
	if e.kind == gazOrg && ix.orgs[e.idx].name[0] >= 'a' {
		return true // a common noun: "the coalition"
	}
	if !toks[i].up {
		return false
	}
	if e.kind == gazOrg {
		return true
	}
	for k := range e.toks {
		t := &toks[i+k]
		if t.word && !t.up && !t.is(wcMinor) {
			return false
		}
	}
	return true
}

// countryContextOK applies the rules that tell a country actor from a
// homonym: a capital stands for its government only as a possessive or
// the subject of a verb ("Baku said"), and not inside a longer name
// ("George Washington", "the Vietnam War").
func (ix *actorIndex) countryContextOK(toks []token, i, j int, e *gazEntry) bool {
	prevUp := i > 0 && toks[i-1].word && toks[i-1].up && !toks[i-1].poss
	var next *token
	if j < len(toks) {
		next = &toks[j]
	}
	nextUp := next != nil && next.word && next.up
	// "the Iran-Iraq War", "the Korean War", "the Spanish Civil War".
	k := j
	for k+1 < len(toks) && (toks[k].raw == "-" || toks[k].raw == "–") && toks[k+1].up {
		k += 2
	}
	if k < len(toks) && (toks[k].up || toks[k].low == "war" || toks[k].low == "wars") && toks[k].is(wcNotActorAfter) && !toks[j-1].poss {
		return false
	}
	switch e.form {
	case formCapital:
		if prevUp || nextUp && !toks[j-1].poss {
			return false
		}
		return toks[j-1].poss || next != nil && next.is(wcCapitalVerb)
	case formDemonym:
		// "Latin American", "Native American" are no Americans.
		if prevUp && (toks[i-1].low == "latin" || toks[i-1].low == "native" || toks[i-1].low == "south" || toks[i-1].low == "north" || toks[i-1].low == "central") {
			return false
		}
	}
	if e.ambiguous {
		// "Michael Jordan", "Jordan Peterson", "Atlanta, Georgia".
		if prevUp || nextUp && !toks[j-1].poss && startsName(toks, j) {
			return false
		}
		if i > 1 && toks[i-1].raw == "," && toks[i-2].up {
			if e2, _ := ix.gaz.match(toks, i-2, nil); e2 == nil || e2.kind != gazCountry {
				if i < 3 || toks[i-3].word {
					return false
				}
			}
		}
	}
	return true
}

// startsName reports whether token j can begin a person's name ("Chad
// Johnson"): it is no function word, month or other non-name word.
func startsName(toks []token, j int) bool { return !toks[j].is(wcNonName) }

// unitNouns head the names of military units.
var unitNouns = map[string]bool{"army": true, "corps": true, "division": true, "regiment": true, "battalion": true,
	"brigade": true, "fleet": true, "company": true, "squadron": true, "legion": true, "flotilla": true}

// ordinalWords number units: "the Eighth Army", "First Fleet".
var ordinalWords = map[string]bool{"first": true, "second": true, "third": true, "fourth": true, "fifth": true,
	"sixth": true, "seventh": true, "eighth": true, "ninth": true, "tenth": true, "eleventh": true, "twelfth": true,
	"thirteenth": true, "fourteenth": true, "fifteenth": true, "sixteenth": true, "seventeenth": true,
	"eighteenth": true, "nineteenth": true, "twentieth": true}

// ordinal reports a token that numbers a unit: "7th", "101st", "Eighth",
// "IX" (a Roman numeral).
func ordinal(t token) bool {
	if t.is(wcOrdinalWord) {
		return true
	}
	if isDigitStart(t.raw) {
		for _, suf := range []string{"st", "nd", "rd", "th"} {
			if strings.HasSuffix(t.low, suf) {
				return true
			}
		}
		return false
	}
	if !t.up || len(t.raw) > 5 {
		return false
	}
	return strings.Trim(t.raw, "IVXL") == ""
}

// properUnit reports an agent named as a proper name of more than one
// word ("Eighth Army", "Task Force Smith"): a body of its own, not a
// mention of a state's forces in passing.
func properUnit(agent string) bool {
	n, proper := 0, true
	for w := range strings.FieldsSeq(agent) {
		n++
		proper = proper && (w[0] >= 'A' && w[0] <= 'Z' || isDigitStart(w))
	}
	return n >= 2 && proper
}

// namedUnits finds military units named by a number or codename: a
// capitalized unit noun after an ordinal and the capitalized words
// between ("the 7th Cavalry Regiment", "IX Corps", "the Eighth Army"), a
// unit noun after a one-word code name ("Charlie Company"), and "Task
// Force" with its name. A country named just before ("the US 101st
// Airborne Division") is the unit's. The unit is a MIL agent; the agent
// mention of its head noun is used up. It appends the units to out;
// units are the capitalized words that are "Task" or a unit noun, in
// text order, as findActorsFor lists them.
func (ix *actorIndex) namedUnits(out []Actor, text string, toks []token, units []int32, ms []mention, at []int32, inName []bool) []Actor {
	add := func(i, j int) {
		a := Actor{Kind: "agent", Sector: "MIL", Name: sectorNames["MIL"], Agent: spanText(text, toks[i:j])}
		start := i
		if i > 0 {
			if o := ownerEnding(ms, i-1); o >= 0 && ms[o].e.kind == gazCountry && !ms[o].used {
				ix.setOwner(&a, ms[o].e)
				ms[o].used, start = true, ms[o].i
			}
		}
		for k := i; k < j; k++ {
			if at[k] != 0 {
				ms[at[k]-1].used = true
			}
		}
		markName(inName, start, j)
		a.Span = Span{toks[start].Start, toks[j-1].End}
		a.Text = text[a.Start:a.End]
		out = append(out, a)
	}
	from := 0 // the first token a unit may be read at
	// both kinds of name end in a capitalized word: "Task", the unit noun
	for _, u := range units {
		j := int(u)
		if j < from {
			continue
		}
		t := &toks[j]
		if t.low == "task" && j+2 < len(toks) && toks[j+1].low == "force" && toks[j+1].up && toks[j+2].word && (toks[j+2].up || isDigitStart(toks[j+2].raw)) {
			add(j, j+3)
			from = j + 3
			continue
		}
		if !t.is(wcUnitNoun) || inName[j] {
			continue
		}
		i, numbered := j, false
		for k := j - 1; k >= 0 && k >= j-4; k-- {
			if toks[k].word && ordinal(toks[k]) {
				i, numbered = k, true
				break
			}
			if !toks[k].word || !toks[k].up || toks[k].poss || at[k] != 0 && ms[at[k]-1].e.kind == gazCountry {
				break
			}
			i = k
		}
		switch {
		case numbered:
		case j-i == 1 && (t.low == "company" || t.low == "legion") && !toks[i].is(wcNonName):
		default:
			continue
		}
		add(i, j+1)
	}
	return out
}

// colonyWords after a demonym make a colony's or region's name: "the
// Dutch East Indies", "French Indochina", "Italian East Africa".
var colonyWords = map[string]bool{"africa": true, "asia": true, "indies": true, "indochina": true, "guinea": true,
	"somaliland": true, "sahara": true, "guiana": true, "congo": true, "india": true, "morocco": true,
	"borneo": true, "timor": true,
	"east": true, "west": true, "north": true, "south": true, "new": true, "central": true}

// colony reports a demonym that starts the name of a place: a colony or
// region named for the power that held it ("French Indochina", "the
// Dutch East Indies"), where something happened, not a party.
func (ix *actorIndex) colony(toks []token, i, j int, e *gazEntry) bool {
	if e.form != formDemonym || j >= len(toks) || toks[j-1].poss || !toks[j].word || !toks[j].up {
		return false
	}
	if colonyWords[toks[j].low] {
		if k := j + 1; (toks[j].low == "east" || toks[j].low == "west" || toks[j].low == "north" || toks[j].low == "south" ||
			toks[j].low == "new" || toks[j].low == "central") && !(k < len(toks) && toks[k].up && colonyWords[toks[k].low]) {
			return false // "the Chinese Winter Offensive", "South Korean" are no places
		}
		return true
	}
	return false
}

// messageNouns are messages a person sends: "Mao's cables to Stalin".
var messageNouns = map[string]bool{"cable": true, "cables": true, "letter": true, "letters": true, "message": true,
	"messages": true, "telegram": true, "telegrams": true, "note": true, "memo": true, "ultimatum": true,
	"orders": true, "offer": true, "proposal": true, "reply": true}

// contextPersons finds persons that the words around a capitalized name
// mark as one, where no title or verb does: a full name after "by" or
// "identified as"; names listed in parentheses after a common noun
// ("his sons (Uday and Qusay)"); a one-word name that sends a message or
// receives one ("Mao's cables to Stalin"). It appends them to out;
// context are the tokens a name may start at (nameStart) that
// personContext keeps, in text order, as findActorsFor lists them.
func (ix *actorIndex) contextPersons(out []Actor, text string, toks []token, context []int32, ms []mention, at []int32, inName, inMention []bool, mem *actorMemory) []Actor {
	from := 1 // the first token a name may start at
	for _, u := range context {
		n := int(u)
		if n < from || inName[n] || inMention[n] {
			continue
		}
		end := nameEndAfter(toks, n, at) // a name starts at every word of context
		prev := toks[n-1].low
		full := end-n >= 2 && !toks[end-1].poss
		switch {
		case full && (prev == "by" || prev == "as" && n > 1 && toks[n-2].low == "identified"):
			// "by Winston Churchill", "identified as Abdallah Mohammed Fadhul"
			if end < len(toks) && toks[end].word && toks[end].up {
				continue
			}
		case prev == "(" || prev == "and" && inParenList(toks, n):
			if prev == "(" && (n < 2 || !toks[n-2].word || toks[n-2].up || !parenNames(toks, n, at)) {
				continue
			}
		case end-n == 1 && toks[n].poss && end < len(toks) && toks[end].is(wcMessageNoun) && !toks[n].is(wcCommon):
		case end-n == 1 && prev == "to" && n > 1 && toks[n-2].is(wcMessageNoun) && !toks[n].is(wcCommon):
		default:
			continue
		}
		p := Actor{Kind: "person", Name: spanText(text, toks[n:end])}
		if prev, ok := mem.lookup(p.Name); ok {
			p = prev
		}
		ix.finishPerson(text, toks, n, end, &p, mem)
		markName(inName, n, end)
		out = append(out, p)
		from = end
	}
	return out
}

// personContext reports whether the words before a name at n may be
// one of contextPersons' contexts: the word before is "by", "as", "(",
// "and" or "to", or the name's first word is a possessive. Most
// capitalized words fail it, and their names are not read.
func personContext(toks []token, n int) bool {
	switch toks[n-1].low {
	case "by", "as", "(", "and", "to":
		return true
	}
	return toks[n].poss
}

// parenNames reports a parenthesis opened before token n that holds only
// names joined by "and" or commas: "(Uday and Qusay)".
func parenNames(toks []token, n int, at []int32) bool {
	for k := n; k < len(toks); k++ {
		switch t := &toks[k]; {
		case t.raw == ")":
			return k > n
		case t.word && t.up && at[k] == 0 && !t.is(wcNonName|wcUpAcronym) && !isDigitStart(t.raw),
			t.low == "and", t.raw == ",":
		default:
			return false
		}
	}
	return false
}

// inParenList reports a name after "and" inside such a parenthesis.
func inParenList(toks []token, n int) bool {
	for k := n - 1; k >= 0; k-- {
		switch {
		case toks[k].raw == "(":
			return k > 0 && toks[k-1].word && !toks[k-1].up
		case toks[k].word && toks[k].up, toks[k].low == "and", toks[k].raw == ",":
		default:
			return false
		}
	}
	return false
}

// ownerless reports an agent of no one after "his" or "her", whose
// owner ownedByPerson looks for.
func ownerless(text string, a *Actor) bool {
	if a.Kind != "agent" || a.Code != "" || a.Start < 4 {
		return false
	}
	pre := strings.ToLower(strings.TrimRight(text[max(0, a.Start-4):a.Start], " "))
	return strings.HasSuffix(pre, "his") || strings.HasSuffix(pre, "her")
}

// mayOwnByPerson reports whether ownedByPerson may change one of as.
func (ix *actorIndex) mayOwnByPerson(text string, as []Actor) bool {
	for k := range as {
		if ownerless(text, &as[k]) {
			return true
		}
	}
	return false
}

// ownedByPerson gives an agent after "his" or "her" the country of the
// person named last before it: "Saddam ordered his forces" are Iraq's.
func (ix *actorIndex) ownedByPerson(text string, out []Actor) {
	for k := range out {
		a := &out[k]
		if !ownerless(text, a) {
			continue
		}
		for x := k - 1; x >= 0; x-- {
			p := out[x]
			if p.Kind != "person" {
				continue
			}
			if ci, ok := ix.byAlpha3[p.Code]; ok && p.Code != "" {
				ix.setOwner(a, &gazEntry{kind: gazCountry, idx: ci})
			}
			break
		}
	}
}
