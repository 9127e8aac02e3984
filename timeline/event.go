package timeline

import (
	"slices"
	"strconv"
	"sync"
)

// actorMemories lends each document an actor memory whose scratch space
// an earlier document made; reset forgets that document's persons and
// countries, and events copy the actors they keep, so nothing of it is
// read again.
var actorMemories = sync.Pool{New: func() any { return newActorMemory() }}

// maxPooledTokens bounds the token slice a pooled memory keeps: a huge
// document's would otherwise stay allocated for the small ones after it.
const maxPooledTokens = 1 << 16

// maxPooledActors bounds the classification's actor lists a pooled
// memory keeps, as maxPooledTokens its tokens.
const maxPooledActors = 1 << 12

func releaseActorMemory(mem *actorMemory) {
	sc := &mem.scratch.classify
	if cap(mem.scratch.tz.toks) > maxPooledTokens || len(sc.marks) > maxPooledTokens || len(sc.actors) > maxPooledActors || cap(sc.roleActors) > maxPooledActors {
		return
	}
	actorMemories.Put(mem)
}

// buildEvents turns the dated expressions of prose sentences into events.
// Each distinct date in a sentence yields one event; the expressions that
// yield none come back as diagnostics with the reason.
func (x *Extractor) buildEvents(st *docState) {
	// the sentences after the last one with a dated expression make no
	// event, and the actor memory they would add to is read by none
	x.buildEventsThrough(st, lastDatedSentence(st))
}

// buildEventsThrough is buildEvents reading the actors of the prose
// sentences up to index last only; later ones give diagnostics alone.
func (x *Extractor) buildEventsThrough(st *docState, last int) {
	mem := actorMemories.Get().(*actorMemory)
	defer releaseActorMemory(mem)
	mem.reset()
	// room for the tokens of the longest sentence, about one in four
	// bytes, so that the token slice is made once per document rather
	// than grown sentence after sentence
	longest := 0
	for _, s := range st.sents {
		if s.Furniture == "" {
			longest = max(longest, s.End-s.Start)
		}
	}
	if n := longest/4 + 8; cap(mem.scratch.tz.toks) < n {
		mem.scratch.tz.toks = make([]token, 0, n)
	}
	sc := &mem.scratch.classify
	// the events, and the diagnostics of the expressions that make
	// none: made once at their size rather than grown
	nEvents, sentences := countEvents(st)
	st.events = slices.Grow(st.events, nEvents)
	st.diags = slices.Grow(st.diags, len(st.exprs)-nEvents)
	// the events' sources, one a sentence that makes events (the events
	// of a sentence share it), from one array for the document
	sources := make([]Source, 0, sentences)
	srcSent := -1 // the sentence of the last source
	// the events' actors, laid out in scratch and copied to one array
	// for the document at the end (setEventActors)
	roleActors, roleLists := sc.roleActors[:0], sc.roleLists[:0]
	if n := 2 * nEvents; cap(roleActors) < n {
		// room for two actors an event (news gives about one): a long
		// document's list grown by append would leave four times its
		// size in copies behind
		roleActors = make([]Actor, 0, n)
	}
	roleLists = slices.Grow(roleLists, nEvents)
	base := len(st.events)
	ids, idEnds := mem.scratch.ids[:0], mem.scratch.idEnds[:0] // the events' IDs, set at the end
	byDoc := st.exprs
	ei := 0
	for si := range st.sents {
		s := &st.sents[si]
		dated := mem.scratch.dated[:0]
		for ; ei < len(byDoc) && byDoc[ei].Sentence == si; ei++ {
			e := &byDoc[ei]
			switch {
			case s.Furniture != "":
				st.diag(e, ReasonFurniture, furnitureMessage(s.Furniture))
			case e.Type == Duration || e.Type == Set || !e.Resolved() && e.Anchor != Unresolved:
				st.diag(e, ReasonNotADate, notADate(e.Type))
			case e.Anchor == Unresolved:
				st.diag(e, ReasonUnresolved, "relative to a time the document does not give (no DCT, or no earlier date in the story)")
			default: // e.dated()
				dated = append(dated, ei)
			}
		}
		if s.Furniture != "" || si > last {
			continue
		}
		mem.scratch.dated = dated
		// a sentence with no dated expression is read for the memory only
		actors := x.actors.findActorsFor(mem.scratch.actors, st.text, s.Span, mem, len(dated) > 0)
		mem.scratch.actors = actors
		toks := mem.scratch.tz.toks // the sentence's, until the next findActors
		if len(dated) == 0 {
			continue
		}
		clauses := splitClauses(sc, st.text, s.Span, st.exprs, dated)
		for k, i := range dated {
			e := &st.exprs[i]
			if seenValue(st.exprs, dated[:k], e.Value) {
				st.diag(e, ReasonSuperseded, "its sentence already has an event on "+e.Value)
				continue
			}
			cl := clauses[k]
			inClause := actorsIn(&mem.scratch.inClause, actors, cl)
			class := x.actors.classifyClause(sc, &mem.scratch.clauseTz, st.text, s.Span, toks, cl, e.Span, inClause[:len(inClause):len(inClause)])
			// copied out of sc before its next use
			roleActors, roleLists = appendRoles(roleActors, roleLists, class.Actors, class.Recipients)
			if srcSent != si {
				sources = append(sources, Source{Doc: st.doc, DocID: st.info.ID, URL: st.info.URL, Sentence: s.Span})
				srcSent = si
			}
			st.events = append(st.events, Event{
				Date:     EventDate{Span: e.Span, Text: e.Text, Timex: e.Timex},
				Type:     class.Type,
				Quad:     class.Quad,
				CAMEO:    class.CAMEO,
				Mode:     class.Mode,
				Trigger:  Trigger{Span: class.Trigger, Text: class.Trigger.In(st.text)},
				Sentence: *s,
				Doc:      st.doc,
				Sources:  sources[len(sources)-1 : len(sources) : len(sources)],
			})
			ids = appendEventID(ids, st.doc, si, e.Start)
			idEnds = append(idEnds, int32(len(ids)))
		}
	}
	setEventIDs(st.events[base:], ids, idEnds)
	setEventActors(st.events[base:], roleActors, roleLists)
	mem.scratch.ids, mem.scratch.idEnds = ids, idEnds
	sc.roleActors, sc.roleLists = roleActors, roleLists
}

// actorsIn returns the actors that cl holds, nil when none: actors
// itself when it holds them all (a sentence's one clause), else a copy
// in buf. Classification reads them and copies what it keeps
// (appendRoles), so one buffer serves every event.
func actorsIn(buf *[]Actor, actors []Actor, cl Span) []Actor {
	all := true
	for k := range actors {
		if !cl.Contains(actors[k].Span) {
			all = false
			break
		}
	}
	if all {
		if len(actors) == 0 {
			return nil
		}
		return actors
	}
	in := (*buf)[:0]
	for _, a := range actors {
		if cl.Contains(a.Span) {
			in = append(in, a)
		}
	}
	*buf = in
	if len(in) == 0 {
		return nil
	}
	return in
}

// dated reports an expression that can date an event: a point in time
// (no DURATION or SET), resolved against an anchor the document gives.
// It is the default case of buildEvents' first switch.
func (e *Expression) dated() bool {
	return e.Type != Duration && e.Type != Set && e.Resolved() && e.Anchor != Unresolved
}

// lastDatedSentence is the index of the last prose sentence of st with a
// dated expression, -1 when none has one.
func lastDatedSentence(st *docState) int {
	for i := len(st.exprs) - 1; i >= 0; i-- {
		e := &st.exprs[i]
		if e.dated() && e.Sentence >= 0 && e.Sentence < len(st.sents) && st.sents[e.Sentence].Furniture == "" {
			return e.Sentence
		}
	}
	return -1
}

// notADate is the message of a ReasonNotADate diagnostic: a constant
// for each of the four types, rather than one made per expression.
func notADate(t TimexType) string {
	switch t {
	case Duration:
		return "a DURATION names no point in time"
	case Set:
		return "a SET names no point in time"
	case Date:
		return "a DATE names no point in time"
	case TimeType:
		return "a TIME names no point in time"
	}
	return "a " + string(t) + " names no point in time"
}

// countEvents is how many events st's expressions make: the dated ones
// of prose sentences (the tests of buildEvents' first loop) but those
// whose sentence has one of their value before them; and how many
// sentences hold them. Each of the other expressions makes a diagnostic
// instead.
func countEvents(st *docState) (events, sentences int) {
	last := -1
	for i := range st.exprs {
		e := &st.exprs[i]
		prose := e.Sentence >= 0 && e.Sentence < len(st.sents) && st.sents[e.Sentence].Furniture == ""
		if prose && e.dated() && !datedBefore(st.exprs, i) {
			events++
			if e.Sentence != last {
				sentences++
				last = e.Sentence
			}
		}
	}
	return events, sentences
}

// datedBefore reports whether a dated expression before exprs[i] in its
// sentence has its value, as seenValue finds among the sentence's dated.
func datedBefore(exprs []Expression, i int) bool {
	e := &exprs[i]
	for j := i - 1; j >= 0 && exprs[j].Sentence == e.Sentence; j-- {
		if exprs[j].dated() && exprs[j].Value == e.Value {
			return true
		}
	}
	return false
}

// seenValue reports whether one of the expressions earlier has the
// value v: a sentence has few dated expressions, a scan beats a map.
func seenValue(exprs []Expression, earlier []int, v string) bool {
	for _, i := range earlier {
		if exprs[i].Value == v {
			return true
		}
	}
	return false
}

// appendEventID appends fmt.Sprintf("d%d-s%d-%d", doc, sent, start),
// an event's ID, to b.
func appendEventID(b []byte, doc, sent, start int) []byte {
	b = append(b, 'd')
	b = strconv.AppendInt(b, int64(doc), 10)
	b = append(b, "-s"...)
	b = strconv.AppendInt(b, int64(sent), 10)
	b = append(b, '-')
	return strconv.AppendInt(b, int64(start), 10)
}

// setEventIDs gives evs their IDs, which ids holds one after the other,
// each ending at its entry of ends: one string for a document's IDs
// rather than one each.
func setEventIDs(evs []Event, ids []byte, ends []int32) {
	all, from := string(ids), int32(0)
	for k := range evs {
		evs[k].ID = all[from:ends[k]]
		from = ends[k]
	}
}

// splitClauses gives each dated expression the part of its sentence that
// belongs to it: the whole sentence when it is the only one, else the
// clause between the breaks that separate it from its neighbours. The
// spans live in sc until the next call.
func splitClauses(sc *classifyScratch, text string, s Span, exprs []Expression, dated []int) []Span {
	out := slices.Grow(sc.sentClauses[:0], len(dated))[:len(dated)]
	sc.sentClauses = out
	if len(dated) == 1 {
		out[0] = s
		return out
	}
	cuts := append(sc.sentCuts[:0], s.Start)
	for k := 1; k < len(dated); k++ {
		prev, next := exprs[dated[k-1]].Span, exprs[dated[k]].Span
		// where the sentence turns to another clause that can carry its
		// own date (firstDateBreak): "…on September 27, 2020, before
		// Russia brokered a ceasefire on November 9, 2020."
		var cut int
		if b := firstDateBreak(text[prev.End:next.Start]); b >= 0 {
			cut = prev.End + b
		} else {
			cut = wordBoundary(text, prev.End, next.Start)
		}
		cuts = append(cuts, cut)
	}
	cuts = append(cuts, s.End)
	sc.sentCuts = cuts
	for k := range dated {
		out[k] = Span{cuts[k], cuts[k+1]}
	}
	return out
}

// roleList is where an event's actors lie in the scratch array of
// appendRoles: its sources from start, then its targets.
type roleList struct{ start, sources, targets int32 }

// appendRoles appends an event's sources then its targets, each marked
// with its role, to actors, and where they lie to lists.
func appendRoles(actors []Actor, lists []roleList, sources, targets []Actor) ([]Actor, []roleList) {
	l := roleList{int32(len(actors)), int32(len(sources)), int32(len(targets))}
	actors = appendWithRole(actors, sources, RoleSource)
	actors = appendWithRole(actors, targets, RoleTarget)
	return actors, append(lists, l)
}

// appendWithRole appends as to dst, marked with role.
func appendWithRole(dst, as []Actor, role string) []Actor {
	n := len(dst)
	dst = append(dst, as...)
	for i := n; i < len(dst); i++ {
		dst[i].Role = role
	}
	return dst
}

// setEventActors gives evs their actors, which appendRoles laid out in
// actors, one list a event, from one array for them all: each event's
// Actors, its sources then its targets, and its Recipients, the targets
// again in the same storage (they are equal, and the lists are capped,
// so that an append to one moves it out). The actors are never nil
// (JSON []), the recipients nil when there are none.
func setEventActors(evs []Event, actors []Actor, lists []roleList) {
	var all []Actor
	if len(actors) > 0 {
		all = slices.Clone(actors)
	}
	for k := range evs {
		l := lists[k]
		n := l.sources + l.targets
		if n == 0 {
			evs[k].Actors = []Actor{}
			continue
		}
		as := all[l.start : l.start+n : l.start+n]
		evs[k].Actors = as
		if l.targets > 0 {
			evs[k].Recipients = as[l.sources:]
		}
	}
}

// wordBoundary returns the white space nearest the middle of [from, to),
// the earlier of two as near, or from when none is nearer than from, so
// a cut never splits a word or a rune. It looks outward from the middle,
// and stops at the first it meets.
func wordBoundary(text string, from, to int) int {
	mid := (from + to) / 2
	for d := 0; mid-d > from; d++ {
		if cutSpace(text[mid-d]) {
			return mid - d
		}
		if mid+d < to && cutSpace(text[mid+d]) {
			return mid + d
		}
	}
	return from
}

// cutSpace reports the white space wordBoundary may cut at.
func cutSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' }
