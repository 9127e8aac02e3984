package timeline

import (
	"cmp"
	"slices"
	"strings"
)

// The actor finding of findActorsFor as it was before the passes over
// a sentence's capitalized words were narrowed (ded027a), kept to hold
// the new one to it: findActorsForRef with its mentions (mentionsRef,
// every token nextStartRef keeps matched), countryContextOKRef (the
// word lists read as maps), namedUnitsRef, contextPersonsRef,
// noteLastCountryRef and dropBridgingRef.

func (ix *actorIndex) findActorsForRef(out []Actor, text string, s Span, mem *actorMemory, read bool) []Actor {
	out = out[:0]
	if mem == nil {
		mem = newActorMemory()
	}
	sc := &mem.scratch
	toks := sc.tz.tokenizeLookup(text, s, ix.gaz)
	if sc.ms == nil {
		sc.ms = make([]mention, 0, 8)
	}
	ms := ix.mentionsRef(toks, sc.tz.poss, sc.ms[:0])
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
	// Of those, the ones a person's name may start at (nameStart, which
	// reads only the tokens and the mentions' starts, fixed from here on).
	starts := make([]int32, 0, len(ups)) // the scratch it had is gone
	for _, u := range ups {
		if nameStart(toks, int(u), at) {
			starts = append(starts, u)
		}
	}

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
	// Persons: "Name, the U.N. secretary-general" and "Name said".
	from := 0 // the first token a name may start at
	for _, u := range starts {
		n := int(u)
		if n < from || inName[n] || inMention[n] || n > 0 && (toks[n-1].word && toks[n-1].up) && !possessed(toks, ms, at, n) {
			continue
		}
		end := nameEnd(toks, n, at)
		if end == n {
			continue
		}
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
	out = ix.contextPersonsRef(out, text, toks, starts, ms, at, inName, inMention, mem)
	// Military units named by number or codename: "the Eighth Army",
	// "the 7th Cavalry Regiment", "Charlie Company", "Task Force Smith".
	out = ix.namedUnitsRef(out, text, toks, ups, ms, at, inName)
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
		ix.noteLastCountryRef(text, s, out, mem)
		return out
	}
	// Persons met before, named again by surname.
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
	slices.SortStableFunc(out, func(a, b Actor) int { return cmp.Compare(a.Start, b.Start) })
	ix.ownedByPerson(text, out)
	out = dropBridgingRef(out)
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
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

func (ix *actorIndex) mentionsRef(toks []token, poss []int32, ms []mention) []mention {
	placeEnd := -1 // end of the last place named: "in Tanzania and Kenya"
	for i := 0; i < len(toks); {
		if i = nextStartRef(ix.gaz, toks, i); i == len(toks) {
			break
		}
		e, j := ix.gaz.match(toks, i, func(e *gazEntry) bool { return ix.capsOK(toks, i, e) })
		if e == nil {
			i++
			continue
		}
		if e.kind == gazCountry && !ix.countryContextOKRef(toks, i, j, e) {
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

func (ix *actorIndex) countryContextOKRef(toks []token, i, j int, e *gazEntry) bool {
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
	if k < len(toks) && (toks[k].up || toks[k].low == "war" || toks[k].low == "wars") && notActorAfter[toks[k].low] && !toks[j-1].poss {
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
	if ambiguousNames[e.toks[0]] && len(e.toks) == 1 {
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

func (ix *actorIndex) namedUnitsRef(out []Actor, text string, toks []token, ups []int32, ms []mention, at []int32, inName []bool) []Actor {
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
	for _, u := range ups {
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

func (ix *actorIndex) contextPersonsRef(out []Actor, text string, toks []token, starts []int32, ms []mention, at []int32, inName, inMention []bool, mem *actorMemory) []Actor {
	from := 1 // the first token a name may start at
	for _, u := range starts {
		n := int(u)
		if n < from || inName[n] || inMention[n] || !personContext(toks, n) {
			continue
		}
		end := nameEnd(toks, n, at)
		if end == n {
			continue
		}
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

func (ix *actorIndex) noteLastCountryRef(text string, s Span, as []Actor, mem *actorMemory) {
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
		return
	}
	credit := findCreditLine(text[s.Start:s.End])
	first := -1
	for k := range as {
		a := &as[k]
		if credit != nil && a.Start < s.Start+credit[1] || !namesState(a) {
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

func dropBridgingRef(as []Actor) []Actor {
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
	for _, a := range as {
		if a.Kind == "agent" && a.Code == "" && (a.Sector == "MIL" || a.Sector == "GOV" || a.Sector == "LEG") && !properUnit(a.Agent) {
			continue
		}
		out = append(out, a)
	}
	return out
}
