package timeline

import (
	"regexp"
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
	typ, cameo, mode string
	noun, participle bool
}

// triggerIndex maps the first token of each trigger to its entries,
// longest first.
type triggerIndex map[string][]*trigger

// buildTriggers indexes the lexicon. It also returns the forms the
// lexicon lists as nouns, even where the same form is a verb's first
// ("embargo"): a support verb takes them ("imposed an embargo").
func buildTriggers() (triggerIndex, map[string]bool) {
	ti := triggerIndex{}
	nounForms := map[string]bool{}
	seen := map[string]bool{}
	add := func(form string, t trigger) {
		if seen[form] {
			return // the first row that lists a form decides its type
		}
		seen[form] = true
		t.toks = keyTokens(form)
		ti[t.toks[0]] = append(ti[t.toks[0]], &t)
	}
	for _, row := range lexicon {
		cameo := row.cameo
		if cameo == "" {
			cameo = categories[row.typ].cameo
		}
		for _, v := range splitList(row.verbs) {
			forms, pp := inflect(v)
			for k, f := range forms {
				add(f, trigger{typ: row.typ, cameo: cameo, mode: row.mode, participle: pp[k]})
			}
		}
		for _, n := range splitList(row.nouns) {
			add(n, trigger{typ: row.typ, cameo: cameo, mode: row.mode, noun: true})
			add(plural(n), trigger{typ: row.typ, cameo: cameo, mode: row.mode, noun: true})
			nounForms[n], nounForms[plural(n)] = true, true
		}
	}
	for _, ts := range ti {
		sort.SliceStable(ts, func(i, j int) bool { return len(ts[i].toks) > len(ts[j].toks) })
	}
	return ti, nounForms
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

// modeIndex maps the first token of each mode cue to its cues.
type modeCue struct {
	toks []string
	mode string
	rank int // lower is more specific
}

func buildModes() map[string][]modeCue {
	mi := map[string][]modeCue{}
	for rank, row := range modeCues {
		for _, c := range splitList(row.cues) {
			mc := modeCue{toks: keyTokens(c), mode: row.mode, rank: rank}
			mi[mc.toks[0]] = append(mi[mc.toks[0]], mc)
		}
	}
	for _, cs := range mi {
		sort.SliceStable(cs, func(i, j int) bool { return len(cs[i].toks) > len(cs[j].toks) })
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

// candidate is a trigger found in a sentence over tokens [i, j).
type candidate struct {
	i, j int
	t    *trigger
}

// clauseBreaks are where a sentence turns to another clause that can
// carry its own date or its own actors.
var clauseBreaks = regexp.MustCompile(`(?i)(?:[,;]\s+|\s+)(?:before|after|when|while|until|and then|but|whereas|although|though|whereupon)\s|;\s|,\s+and\s+(?:on|in|by|at)\s|,?\s+and\s+(?:said|says|added)\s|,\s+(?:where|which)\s`)

// clauses returns the clause spans of s.
func clauses(text string, s Span) []Span {
	var out []Span
	start := s.Start
	for _, loc := range clauseBreaks.FindAllStringIndex(text[s.Start:s.End], -1) {
		cut := s.Start + loc[0]
		if cut > start {
			out = append(out, Span{start, cut})
			start = cut
		}
	}
	return append(out, Span{start, s.End})
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
	cands := ix.candidates(toks, near)
	cls := clauses(text, s)
	best := -1
	if len(cands) > 0 {
		best = pickTrigger(cands, toks, cls, near)
	}
	if best < 0 {
		return EventClass{Type: "OTHER", Actors: dedupeActors(actors, nil)}
	}
	c := cands[best]
	cat := categories[c.t.typ]
	ec := EventClass{
		Type:    c.t.typ,
		Quad:    cat.quad,
		CAMEO:   c.t.cameo,
		Mode:    c.t.mode,
		Trigger: Span{toks[c.i].Start, toks[c.j-1].End},
	}
	cl := clauseOf(cls, toks[c.i].Start)
	if ec.Type == "STATEMENT" && threatens(cands, toks, best) {
		// A statement of force to come is a threat: "indicated that Iran
		// would invade Iraq".
		ec.Type, ec.Quad, ec.CAMEO = "THREATEN", categories["THREATEN"].quad, categories["THREATEN"].cameo
	}
	if ec.Type == "ASSAULT" {
		ec.Mode = ix.assaultMode(toks, c, cl)
	}
	ec.Actors, ec.Recipients = roles(toks, c, cl, actors, cands)
	if ec.Type == "STATEMENT" && !c.t.noun {
		ec.Recipients = addressees(toks, c, ec.Recipients)
	}
	if len(ec.Actors) == 0 && !c.t.noun {
		// "ROK and UN forces were prepared ..., and then counterattacked":
		// the subject stands in the clause before.
		for k, x := range cls {
			if x == cl && k > 0 {
				for _, a := range actors {
					if cls[k-1].Contains(a.Span) {
						ec.Actors = dedupeActors([]Actor{a}, ec.Recipients)
						break
					}
				}
			}
		}
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
func (ix *actorIndex) candidates(toks []token, near Span) []candidate {
	var cands []candidate
	first := true // the first word of the sentence may be capitalized
	for i := 0; i < len(toks); i++ {
		if !toks[i].word {
			continue
		}
		wasFirst := first
		first = false
		// Capitalized words are names ("March", "United", "Operation
		// Ripper"), and the date itself is no trigger.
		if toks[i].up && !wasFirst || near.Overlaps(toks[i].Span) {
			continue
		}
		if i > 0 && toks[i-1].low == "in" && idiomAfterIn[toks[i].low] {
			continue // "in charge of", "in force"
		}
		var hit *trigger
		for _, t := range ix.triggers[toks[i].low] {
			if matchToks(toks, i, t.toks) {
				hit = t
				break
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
		if supportVerbs[toks[i].low] {
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
		if hit == nil {
			continue
		}
		// Nouns used as modifiers are no events: "ceasefire agreements"
		// is one event, "war crimes" none of its own.
		j := i + len(hit.toks)
		if !hit.noun && strings.HasSuffix(toks[i].low, "ing") && i > 0 && (determiners[toks[i-1].low] || toks[i-1].poss) {
			// "the bombing of two U.S. embassies": a gerund used as a noun.
			n := *hit
			n.noun = true
			hit = &n
		}
		if !negated(toks, i) && !(hit.noun && j < len(toks) && nounModified[toks[j].low]) {
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
		t := toks[k]
		if !t.word {
			if t.raw == "\"" || t.raw == "“" || t.raw == "”" || t.raw == "-" || t.raw == "'" {
				continue
			}
			break
		}
		if stopWords[t.low] && t.low != "the" && t.low != "a" && t.low != "an" && t.low != "of" {
			break
		}
		for _, tr := range ix.triggers[t.low] {
			if (tr.noun || ix.nounForms[strings.Join(tr.toks, " ")]) && matchToks(toks, k, tr.toks) {
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
		if topicWords[toks[k].low] {
			return true
		}
		if (toks[k].low == "to" || toks[k].low == "for") && k > 0 && reactions[toks[k-1].low] {
			return true // "in response to U.S. missile attacks"
		}
		if !toks[k].word || stopWords[toks[k].low] && toks[k].low != "the" && toks[k].low != "a" && toks[k].low != "an" {
			return false
		}
	}
	return false
}

// subordinate marks the tokens of a framing clause, from a subordinator
// at the start of a sentence or after a comma to the next comma.
func subordinate(toks []token) []bool {
	in := make([]bool, len(toks))
	open := false
	for i, t := range toks {
		switch {
		case t.raw == ",":
			open = false
		case subordinators[t.low] && (i == 0 || toks[i-1].raw == ","):
			open = true
		}
		in[i] = open
	}
	return in
}

// determiners before a gerund make it a noun.
var determiners = map[string]bool{"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true, "this": true, "that": true}

// idiomAfterIn are nouns that make no event after "in": "in charge of",
// "in force", "in control".
var idiomAfterIn = map[string]bool{"charge": true, "force": true, "control": true, "support": true, "exchange": true, "response": true}

// negators before a trigger cancel it.
var negators = map[string]bool{"not": true, "never": true, "no": true, "without": true, "t": true, "nor": true}

func negated(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		t := toks[k]
		if !t.word {
			if t.raw == "," || t.raw == ";" {
				return false
			}
			continue
		}
		if negators[t.low] {
			return true
		}
	}
	return false
}

// pickTrigger returns the candidate closest to near within near's clause
// (or the whole sentence when that clause has none). Reported speech
// gives way to the event it reports: "Russia said it was in contact".
func pickTrigger(cands []candidate, toks []token, cls []Span, near Span) int {
	quoted, aside, sub := quoteDepth(toks), asideDepth(toks), subordinate(toks)
	nearTok := -1
	for i, t := range toks {
		if t.Overlaps(near) {
			nearTok = i
			break
		}
	}
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
			if c.t.typ == "STATEMENT" {
				d += 60
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

// quoteDepth marks the tokens inside quotation marks.
func quoteDepth(toks []token) []bool {
	in := make([]bool, len(toks))
	open := false
	for i, t := range toks {
		switch t.raw {
		case "\"":
			open = !open
		case "“", "`":
			open = true
		case "”":
			open = false
		case "'":
			if i > 0 && toks[i-1].raw == "'" {
				open = false
			}
		}
		in[i] = open
	}
	return in
}

// asideDepth marks the tokens of an aside between dashes or parentheses.
func asideDepth(toks []token) []bool {
	in := make([]bool, len(toks))
	dash, paren := false, 0
	for i, t := range toks {
		switch {
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
				if intentMarkers[toks[i].low] {
					return true
				}
				if !toks[i].word {
					break
				}
			}
		}
		for i := o.j; i < c.i; i++ {
			if toks[i].raw == ";" {
				break
			}
			near := i >= c.i-4 // the marker governs the event: "would invade"
			if directive || intentMarkers[toks[i].low] && (near || pastToo) || pastToo && toks[i].low == "had" ||
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
		t := toks[i]
		if t.low == "that" || t.raw == "," || t.raw == "\"" || t.raw == "“" || t.raw == "`" || t.raw == ":" ||
			i > c.j+1 && t.word && !t.up && !stopWords[t.low] {
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
func roles(toks []token, c candidate, cl Span, actors []Actor, cands []candidate) (src, rcp []Actor) {
	trig := Span{toks[c.i].Start, toks[c.j-1].End}
	passive := false
	if !c.t.noun && c.t.participle {
		for k := c.i - 1; k >= 0 && k >= c.i-3; k-- {
			if beForms[toks[k].low] {
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
	quoted := quoteDepth(toks)
	tokenAt := func(off int) int { return sort.Search(len(toks), func(i int) bool { return toks[i].Start >= off }) }
	inQuote := func(a Actor) bool {
		i := tokenAt(a.Start)
		return i < len(toks) && quoted[i] && !quoted[c.i]
	}
	var reporters []Span // "according to X": X reports, it does not act
	for k := 1; k+1 < len(toks); k++ {
		if toks[k-1].low == "according" && toks[k].low == "to" {
			reporters = append(reporters, Span{toks[k].End, toks[k].End + 1})
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
				if a.Start >= speechEnd && a.End <= trig.Start && tokenAt(a.Start)-tokenAt(speechEnd) <= 2 {
					subject = true
				}
			}
			if !subject {
				speechEnd = -1
			}
		}
	}
	np := nounPhrase(toks, c)
	aside := participialAside(toks, c.i)
	inAside := func(a Actor) bool {
		i := tokenAt(a.Start)
		return i < len(toks) && aside[i] && !aside[c.i]
	}
	for _, a := range actors {
		if inAside(a) {
			continue
		}
		if !cl.Contains(a.Span) && !cl.Overlaps(a.Span) || inQuote(a) || speechEnd >= 0 && a.End <= speechEnd {
			continue
		}
		reported := false
		for _, r := range reporters {
			if a.Start >= r.Start && a.Start <= r.Start+1 {
				reported = true
			}
		}
		if reported {
			continue
		}
		if np.End > np.Start {
			// A noun on its own: its modifiers act, its objects receive.
			switch {
			case a.Start >= np.Start && a.End <= trig.Start, a.Overlaps(trig):
				src = append(src, a)
			case by >= 0 && a.Start >= by && a.Start < np.End:
				src = append(src, a)
			case a.Start >= trig.End && a.End <= np.End:
				rcp = append(rcp, a)
			}
			continue
		}
		switch {
		case a.End <= trig.Start || a.Overlaps(trig):
			if passive {
				rcp = append(rcp, a)
			} else {
				src = append(src, a)
			}
		case by >= 0 && a.Start >= by && (passive || c.t.noun):
			src = append(src, a)
		default:
			rcp = append(rcp, a)
		}
	}
	src = dedupeActors(src, nil)
	return src, dedupeActors(rcp, src)
}

// participialAside marks the tokens of ", facing U.S. and Arab troops at
// the Saudi border,": a comma, a present participle and the next comma,
// all before the trigger at c (after it, the participle carries the
// event on: "invaded, declaring war on France").
func participialAside(toks []token, c int) []bool {
	in := make([]bool, len(toks))
	for i := 0; i+1 < c; i++ {
		if toks[i].raw != "," || !strings.HasSuffix(toks[i+1].low, "ing") || toks[i+1].up {
			continue
		}
		k := i + 1
		for k < c && toks[k].raw != "," {
			k++
		}
		if k < c {
			for m := i + 1; m < k; m++ {
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
		t := toks[k]
		if t.raw == "-" || t.raw == "–" || t.word && (!stopWords[t.low] && (!nonNameWords[t.low] || compass[t.low]) && !strings.HasSuffix(t.low, "ed") || t.low == "the" || t.low == "a" || t.low == "an" || t.low == "armed") {
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
		if !nounObjects[toks[k].low] {
			break
		}
		k++
		for k < len(toks) && (toks[k].word && (toks[k].up || toks[k].low == "the" || !stopWords[toks[k].low] && !strings.HasSuffix(toks[k].low, "ed")) || toks[k].raw == "-") {
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
// in other.
func dedupeActors(as, other []Actor) []Actor {
	key := func(a Actor) string { return a.Name + "\x00" + a.Sector + "\x00" + a.Office }
	seen := map[string]bool{}
	for _, a := range other {
		seen[key(a)] = true
	}
	var out []Actor
	for _, a := range as {
		if !seen[key(a)] {
			seen[key(a)] = true
			out = append(out, a)
		}
	}
	return out
}

// assaultMode names the means of an assault from the cue nearest to its
// trigger ("killed by landmines": explosives).
func (ix *actorIndex) assaultMode(toks []token, c candidate, cl Span) string {
	mode, bestD, bestRank := "", 0, 0
	for i := range toks {
		if !cl.Contains(toks[i].Span) {
			continue
		}
		for _, mc := range ix.modes[toks[i].low] {
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
