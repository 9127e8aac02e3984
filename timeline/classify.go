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

func buildTriggers() triggerIndex {
	ti := triggerIndex{}
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
		}
	}
	for _, ts := range ti {
		sort.SliceStable(ts, func(i, j int) bool { return len(ts[i].toks) > len(ts[j].toks) })
	}
	return ti
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
var clauseBreaks = regexp.MustCompile(`(?i)(?:[,;]\s+|\s+)(?:before|after|when|while|until|and then|but|whereas|although|though|whereupon)\s|;\s|\s[-–—]\s`)

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
	cands := ix.candidates(toks)
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
	if ec.Type == "ASSAULT" {
		ec.Mode = ix.assaultMode(toks, c, cl)
	}
	ec.Actors, ec.Recipients = roles(toks, c, cl, actors)
	return ec
}

// candidates finds the triggers of a sentence, longest first, dropping
// negated ones ("did not attack"). A support verb takes the type of the
// trigger noun that follows it: "launched what it called operations".
func (ix *actorIndex) candidates(toks []token) []candidate {
	var cands []candidate
	for i := 0; i < len(toks); i++ {
		if !toks[i].word {
			continue
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
			if c, ok := ix.supportedNoun(toks, i); ok && (hit == nil || hit.typ == "STATEMENT" || hit.typ == "AGREE") {
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
		if !negated(toks, i) && !(hit.noun && j < len(toks) && toks[j].low == "crimes") {
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
			if tr.noun && matchToks(toks, k, tr.toks) {
				return candidate{i, k + len(tr.toks), tr}, true
			}
		}
	}
	return candidate{}, false
}

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

// beForms make a following participle passive: "were killed".
var beForms = map[string]bool{"was": true, "were": true, "been": true, "being": true, "is": true, "are": true, "be": true, "got": true, "get": true}

// roles splits the actors of the trigger's clause into sources and
// recipients.
func roles(toks []token, c candidate, cl Span, actors []Actor) (src, rcp []Actor) {
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
	var reporters []Span // "according to X": X reports, it does not act
	for k := 1; k+1 < len(toks); k++ {
		if toks[k-1].low == "according" && toks[k].low == "to" {
			reporters = append(reporters, Span{toks[k].End, toks[k].End + 1})
		}
	}
	for _, a := range actors {
		if !cl.Contains(a.Span) && !cl.Overlaps(a.Span) {
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
			if mode == "" || d < bestD || d == bestD && mc.rank < bestRank {
				mode, bestD, bestRank = mc.mode, d, mc.rank
			}
			break
		}
	}
	return mode
}
