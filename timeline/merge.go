package timeline

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
)

// Merging.
//
// A Merger folds the timelines of many documents into one chronology in
// which an event reported by several sources appears once, with all of
// its sources. Two mentions are the same event when
//
//   - they have the same type;
//   - their actors overlap (when both name actors; a mention that names
//     none is compatible with any);
//   - their wording is similar: the token Jaccard of the content words of
//     their sentences, leaving out the date expression itself, stop words,
//     month and weekday names, is at least MergeOptions.Similarity
//     (default 0.5);
//   - their dates are compatible: the same day (times of day are ignored)
//     or the same value at a coarser granularity, with the same mod.
//
// A coarser mention ("in September 2020") joins a finer event ("September
// 27, 2020") that it contains only when exactly one such event is similar
// enough; when several are, it stays apart and a Diagnostic with reason
// ReasonAmbiguous says so.
//
// Mentions that read alike (similarity at least
// MergeOptions.ConflictSimilarity, default 0.8) with the same type and
// compatible actors but disjoint dates are not merged: each event lists
// the other in Event.Conflicts. Events read from one and the same
// sentence (a sentence with two dates) never conflict.
//
// The result depends only on the set of documents added, not on the order
// in which they arrive: documents are numbered by a stable key (ID, URL,
// Source, Title, DCT, length, then a hash of their events), and clusters
// are formed from the similarity graph with edges taken in a canonical
// order.

// ReasonAmbiguous is the Diagnostic reason of a coarse mention that could
// belong to several finer events and so was merged into none.
const ReasonAmbiguous = "ambiguous-merge"

// MergeOptions tunes a Merger. Zero values take the defaults.
type MergeOptions struct {
	// Similarity is the least token Jaccard for two mentions with
	// compatible dates to be one event (default 0.5).
	Similarity float64
	// ConflictSimilarity is the least token Jaccard for two mentions with
	// disjoint dates to be flagged as a conflict (default 0.8).
	ConflictSimilarity float64
	// MaxConflicts caps Event.Conflicts (default 20); the nearest dates
	// are kept.
	MaxConflicts int
}

// Default merge thresholds.
const (
	DefaultMergeSimilarity    = 0.5
	DefaultConflictSimilarity = 0.8
	DefaultMaxConflicts       = 20
)

// Merger builds one chronology from many documents' timelines,
// incrementally: Add each timeline as it is extracted, then call
// Timeline. Only the event index grows: document texts are not kept,
// exact repeats of a mention (same sentence, date, type and actors in
// another document) cost one Source each. A Merger is not safe for
// concurrent use; feed it from one goroutine.
type Merger struct {
	opt    MergeOptions
	docs   []mergeDoc
	groups map[[16]byte]*mergeGroup
}

type mergeDoc struct {
	info DocumentInfo
	tie  uint64 // hash of the document's events, the last tie-breaker
}

// mergeGroup is a set of mentions that are identical but for the
// document they were read in.
type mergeGroup struct {
	ev     Event  // the mention from the smallest document
	evID   string // ev.ID without its document prefix
	rep    int    // arrival index of ev's document
	srcs   []mergeSrc
	tokens []string // content words, sorted, unique
	names  []string // actor and recipient names, sorted, unique

	// set while building the timeline
	final int
	key   [3]int // final doc, sentence start, date start of ev
}

type mergeSrc struct {
	doc  int // arrival index
	sent Span
}

// NewMerger returns an empty Merger.
func NewMerger(opt MergeOptions) *Merger {
	if opt.Similarity <= 0 {
		opt.Similarity = DefaultMergeSimilarity
	}
	if opt.ConflictSimilarity <= 0 {
		opt.ConflictSimilarity = DefaultConflictSimilarity
	}
	if opt.MaxConflicts <= 0 {
		opt.MaxConflicts = DefaultMaxConflicts
	}
	return &Merger{opt: opt, groups: map[[16]byte]*mergeGroup{}}
}

// Merge merges the timelines of documents into one, with the default
// options. See Merger.
func Merge(tls ...*Timeline) *Timeline {
	m := NewMerger(MergeOptions{})
	for _, tl := range tls {
		m.Add(tl)
	}
	return m.Timeline()
}

// Documents returns how many documents were added.
func (m *Merger) Documents() int { return len(m.docs) }

// Mentions returns how many distinct mentions the index holds (exact
// repeats count once).
func (m *Merger) Mentions() int { return len(m.groups) }

// Add folds the timeline of one or more documents into the index. Its
// expressions and diagnostics are dropped; its events are kept.
func (m *Merger) Add(tl *Timeline) {
	if tl == nil {
		return
	}
	base := len(m.docs)
	for i, d := range tl.Documents {
		d.Sentences = nil
		d.DCT.Text = strings.Clone(d.DCT.Text) // may be the dateline, a slice of the text
		h := fnv.New64a()
		for k := range tl.Events {
			e := &tl.Events[k]
			if e.Doc == i {
				fmt.Fprintf(h, "%s\x00%s\x00%d\x00", e.Date.Value, e.Sentence.Text, e.Sentence.Start)
			}
		}
		m.docs = append(m.docs, mergeDoc{info: d, tie: h.Sum64()})
	}
	for k := range tl.Events {
		e := tl.Events[k]
		if e.Doc < 0 || e.Doc >= len(tl.Documents) {
			continue
		}
		doc := base + e.Doc
		names := mergeActorNames(&e)
		key := groupKey(&e, names)
		src := mergeSrc{doc: doc, sent: e.Sentence.Span}
		if g, ok := m.groups[key]; ok {
			g.srcs = append(g.srcs, src)
			if m.docLess(doc, g.rep) || doc == g.rep && e.Sentence.Start < g.ev.Sentence.Start {
				g.ev, g.evID, g.rep = trimEvent(e), idSuffix(e.ID), doc
			}
			continue
		}
		m.groups[key] = &mergeGroup{
			ev: trimEvent(e), evID: idSuffix(e.ID), rep: doc,
			srcs:   []mergeSrc{src},
			tokens: contentTokens(&e),
			names:  names,
		}
	}
}

// trimEvent readies an event for the index: its strings are copied, for
// they may be slices of the document's text, which must not stay alive.
func trimEvent(e Event) Event {
	e.Sources, e.Conflicts = nil, nil
	e.Sentence.Text = strings.Clone(e.Sentence.Text)
	e.Date.Text = strings.Clone(e.Date.Text)
	e.Trigger.Text = strings.Clone(e.Trigger.Text)
	e.Actors = cloneActors(e.Actors)
	e.Recipients = cloneActors(e.Recipients)
	return e
}

func cloneActors(as []Actor) []Actor {
	if as == nil {
		return nil
	}
	out := make([]Actor, len(as))
	for i, a := range as {
		a.Text, a.Agent, a.Office = strings.Clone(a.Text), strings.Clone(a.Agent), strings.Clone(a.Office)
		out[i] = a
	}
	return out
}

// idSuffix drops the "d<doc>-" prefix of an event ID.
func idSuffix(id string) string {
	if strings.HasPrefix(id, "d") {
		if i := strings.IndexByte(id, '-'); i > 0 {
			return id[i+1:]
		}
	}
	return id
}

func groupKey(e *Event, names []string) [16]byte {
	h := fnv.New128a()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%d\x00%d\x00%s\x00%s\x00%s", e.Type, e.Date.Value, e.Date.Mod, e.Date.Granularity,
		e.Date.Start-e.Sentence.Start, e.Date.Text, strings.Join(names, "\x01"), e.Sentence.Text)
	var k [16]byte
	h.Sum(k[:0])
	return k
}

func mergeActorNames(e *Event) []string {
	var out []string
	for _, a := range e.Actors {
		out = append(out, actorName(a))
	}
	for _, a := range e.Recipients {
		out = append(out, actorName(a))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func actorName(a Actor) string {
	if a.Name != "" {
		return a.Name
	}
	return a.Text
}

// docLess orders documents by their stable key.
func (m *Merger) docLess(a, b int) bool { return m.docCmp(a, b) < 0 }

func (m *Merger) docCmp(a, b int) int {
	x, y := &m.docs[a], &m.docs[b]
	if c := cmp.Compare(x.info.ID, y.info.ID); c != 0 {
		return c
	}
	if c := cmp.Compare(x.info.URL, y.info.URL); c != 0 {
		return c
	}
	if c := cmp.Compare(x.info.Source, y.info.Source); c != 0 {
		return c
	}
	if c := cmp.Compare(x.info.Title, y.info.Title); c != 0 {
		return c
	}
	if c := cmp.Compare(x.info.DCT.Value, y.info.DCT.Value); c != 0 {
		return c
	}
	if c := cmp.Compare(x.info.Length, y.info.Length); c != 0 {
		return c
	}
	return cmp.Compare(x.tie, y.tie)
}

// Timeline returns the merged chronology of everything added so far. The
// Merger can go on receiving documents afterwards. Expressions are not
// carried over (the result would repeat every document); Diagnostics
// holds the merge's own findings.
func (m *Merger) Timeline() *Timeline {
	// number documents by their stable key
	order := make([]int, len(m.docs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, m.docCmp)
	final := make([]int, len(m.docs))
	tl := &Timeline{Documents: make([]DocumentInfo, len(m.docs)), Events: []Event{}, Expressions: []Expression{}}
	for f, a := range order {
		final[a] = f
		tl.Documents[f] = m.docs[a].info
	}

	groups := make([]*mergeGroup, 0, len(m.groups))
	for _, g := range m.groups {
		g.key = [3]int{final[g.rep], g.ev.Sentence.Start, g.ev.Date.Start}
		groups = append(groups, g)
	}
	slices.SortFunc(groups, func(a, b *mergeGroup) int { return cmpKey(a.key, b.key) })
	for i, g := range groups {
		g.final = i
	}

	uf := newUnionFind(groups)
	merges, coarse, conflicts := m.candidatePairs(groups)

	// same date: strongest edges first
	slices.SortFunc(merges, func(a, b pair) int {
		if a.sim != b.sim {
			return cmp.Compare(b.sim, a.sim)
		}
		if c := cmp.Compare(a.a, b.a); c != 0 {
			return c
		}
		return cmp.Compare(a.b, b.b)
	})
	for _, p := range merges {
		uf.unionIfCompatible(p.a, p.b)
	}

	// coarse into fine, finest coarse level first, only when unambiguous
	ambiguous := m.joinCoarse(groups, uf, coarse)

	// build the events
	members := map[int][]int{}
	for i := range groups {
		r := uf.find(i)
		members[r] = append(members[r], i)
	}
	roots := make([]int, 0, len(members))
	for r := range members {
		roots = append(roots, r)
	}
	slices.Sort(roots)
	evOf := map[int]int{}
	for _, r := range roots {
		ms := members[r]
		rep := ms[0]
		for _, i := range ms[1:] {
			if groups[i].ev.Date.Granularity > groups[rep].ev.Date.Granularity {
				rep = i
			}
		}
		g := groups[rep]
		ev := g.ev
		ev.Doc = final[g.rep]
		ev.ID = fmt.Sprintf("d%d-%s", ev.Doc, g.evID)
		ev.Actors = slices.Clone(ev.Actors)
		ev.Recipients = slices.Clone(ev.Recipients)
		// actors and recipients of every report, each once by name and role
		seenA, seenR := map[string]bool{}, map[string]bool{}
		for _, a := range ev.Actors {
			seenA[actorName(a)+"\x00"+a.Role] = true
		}
		for _, a := range ev.Recipients {
			seenR[actorName(a)+"\x00"+a.Role] = true
		}
		type srcKey struct{ doc, start, end int }
		seen := map[srcKey]bool{}
		for _, i := range ms {
			for _, a := range groups[i].ev.Actors {
				if k := actorName(a) + "\x00" + a.Role; !seenA[k] {
					seenA[k] = true
					ev.Actors = append(ev.Actors, a)
				}
			}
			for _, a := range groups[i].ev.Recipients {
				if k := actorName(a) + "\x00" + a.Role; !seenR[k] {
					seenR[k] = true
					ev.Recipients = append(ev.Recipients, a)
				}
			}
			for _, s := range groups[i].srcs {
				k := srcKey{final[s.doc], s.sent.Start, s.sent.End}
				if seen[k] {
					continue
				}
				seen[k] = true
				d := &m.docs[s.doc].info
				ev.Sources = append(ev.Sources, Source{Doc: k.doc, DocID: d.ID, URL: d.URL, Sentence: s.sent})
			}
		}
		if ev.Actors == nil {
			ev.Actors = []Actor{}
		}
		slices.SortFunc(ev.Sources, func(a, b Source) int {
			if a.Doc != b.Doc {
				return cmp.Compare(a.Doc, b.Doc)
			}
			return cmp.Compare(a.Sentence.Start, b.Sentence.Start)
		})
		evOf[r] = len(tl.Events)
		tl.Events = append(tl.Events, ev)
	}

	m.flagConflicts(tl, groups, uf, conflicts, evOf, final)
	var diags []Diagnostic
	for _, a := range ambiguous {
		g := groups[a.coarse]
		var ids []string
		for _, f := range a.fines {
			e := &tl.Events[evOf[uf.find(f)]]
			ids = append(ids, e.ID+" ("+e.Date.Value+")")
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
		diags = append(diags, Diagnostic{
			Span: g.ev.Date.Span, Doc: final[g.rep], Text: g.ev.Date.Text, Reason: ReasonAmbiguous,
			Message: fmt.Sprintf("%s could be any of %d events: %s", g.ev.Date.Value, len(ids), strings.Join(ids, ", ")),
		})
	}
	orderEvents(tl.Events)
	slices.SortFunc(diags, func(a, b Diagnostic) int {
		if a.Doc != b.Doc {
			return cmp.Compare(a.Doc, b.Doc)
		}
		return cmp.Compare(a.Start, b.Start)
	})
	tl.Diagnostics = diags
	return tl
}

func cmpKey(a, b [3]int) int {
	for i := range a {
		if c := cmp.Compare(a[i], b[i]); c != 0 {
			return c
		}
	}
	return 0
}

type pair struct {
	a, b int // group indexes, a < b
	sim  float64
}

// dateRelation tells how two mentions' dates relate.
type dateRelation int

const (
	relOther    dateRelation = iota // overlapping, or with mods that forbid a judgement
	relSame                         // the same day or the same coarse value
	relContains                     // the first strictly contains the second
	relInside                       // the second strictly contains the first
	relDisjoint                     // no time in common
)

func dayKey(d *EventDate) string {
	if d.Granularity >= Day && len(d.Value) >= 10 {
		return d.Value[:10]
	}
	return d.Value
}

func endOf(iv Interval) time.Time {
	if iv.End.IsZero() {
		return time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return iv.End
}

func relate(a, b *EventDate) dateRelation {
	if a.Mod == b.Mod && dayKey(a) == dayKey(b) {
		return relSame
	}
	ab, ae := a.Interval.Begin, endOf(a.Interval)
	bb, be := b.Interval.Begin, endOf(b.Interval)
	if !ae.After(bb) || !be.After(ab) {
		if plainMod(a.Mod) && plainMod(b.Mod) {
			return relDisjoint
		}
		return relOther
	}
	if a.Mod != "" || b.Mod != "" {
		return relOther
	}
	if !ab.After(bb) && !ae.Before(be) && a.Granularity < b.Granularity {
		return relContains
	}
	if !bb.After(ab) && !be.Before(ae) && b.Granularity < a.Granularity {
		return relInside
	}
	return relOther
}

// plainMod reports whether a mod still names the interval itself (so two
// disjoint intervals are truly different dates).
func plainMod(mod string) bool {
	switch mod {
	case "", "APPROX", "START", "MID", "END", "EARLY", "LATE":
		return true
	}
	return false
}

type coarsePair struct {
	coarse, fine int
	sim          float64
}

// candidatePairs finds every pair of mention groups of one type whose
// wording is similar enough to matter, and sorts them by how their dates
// relate.
func (m *Merger) candidatePairs(groups []*mergeGroup) (merges []pair, coarse []coarsePair, conflicts []pair) {
	theta := math.Min(m.opt.Similarity, m.opt.ConflictSimilarity)
	// distinct wordings per type
	type wording struct {
		tokens []string
		groups []int
	}
	byType := map[string]map[string]*wording{}
	var types []string
	for i, g := range groups {
		if len(g.tokens) == 0 {
			continue
		}
		ws := byType[g.ev.Type]
		if ws == nil {
			ws = map[string]*wording{}
			byType[g.ev.Type] = ws
			types = append(types, g.ev.Type)
		}
		k := strings.Join(g.tokens, " ")
		w := ws[k]
		if w == nil {
			w = &wording{tokens: g.tokens}
			ws[k] = w
		}
		w.groups = append(w.groups, i)
	}
	slices.Sort(types)
	for _, t := range types {
		ws := make([]*wording, 0, len(byType[t]))
		for _, w := range byType[t] {
			ws = append(ws, w)
		}
		slices.SortFunc(ws, func(a, b *wording) int { return cmp.Compare(a.groups[0], b.groups[0]) })
		sets := make([][]string, len(ws))
		for i, w := range ws {
			sets[i] = w.tokens
		}
		similarPairs(sets, theta, func(i, j int, sim float64) {
			a, b := ws[i], ws[j]
			for x, gi := range a.groups {
				start := 0
				if i == j {
					start = x + 1
				}
				for _, gj := range b.groups[start:] {
					p, q := gi, gj
					if p > q {
						p, q = q, p
					}
					gp, gq := groups[p], groups[q]
					if !namesOverlap(gp.names, gq.names) {
						continue
					}
					switch relate(&gp.ev.Date, &gq.ev.Date) {
					case relSame:
						if sim >= m.opt.Similarity {
							merges = append(merges, pair{p, q, sim})
						}
					case relContains:
						if sim >= m.opt.Similarity {
							coarse = append(coarse, coarsePair{p, q, sim})
						}
					case relInside:
						if sim >= m.opt.Similarity {
							coarse = append(coarse, coarsePair{q, p, sim})
						}
					case relDisjoint:
						if sim >= m.opt.ConflictSimilarity {
							conflicts = append(conflicts, pair{p, q, sim})
						}
					}
				}
			}
		})
	}
	return merges, coarse, conflicts
}

// ambiguity is a coarse mention that fits several finer events.
type ambiguity struct {
	coarse int   // a coarse group
	fines  []int // a group of each finer event it fits
}

// joinCoarse merges coarse mentions into the one finer event they fit,
// finest coarse level first, and returns those that fit several.
func (m *Merger) joinCoarse(groups []*mergeGroup, uf *unionFind, coarse []coarsePair) []ambiguity {
	var out []ambiguity
	levels := map[Granularity][]coarsePair{}
	var gs []Granularity
	for _, p := range coarse {
		g := groups[p.coarse].ev.Date.Granularity
		if _, ok := levels[g]; !ok {
			gs = append(gs, g)
		}
		levels[g] = append(levels[g], p)
	}
	slices.Sort(gs)
	slices.Reverse(gs) // finest coarse level first
	for _, lv := range gs {
		// candidates per component, computed before any join at this level
		cands := map[int][]int{}
		first := map[int]int{} // the smallest coarse group of each component
		for _, p := range levels[lv] {
			rc, rf := uf.find(p.coarse), uf.find(p.fine)
			if rc == rf {
				continue
			}
			if f, ok := first[rc]; !ok || p.coarse < f {
				first[rc] = p.coarse
			}
			if !slices.Contains(cands[rc], rf) {
				cands[rc] = append(cands[rc], rf)
			}
		}
		roots := make([]int, 0, len(cands))
		for r := range cands {
			roots = append(roots, r)
		}
		slices.Sort(roots)
		type join struct{ a, b int }
		var joins []join
		for _, r := range roots {
			c := cands[r]
			if len(c) == 1 {
				joins = append(joins, join{r, c[0]})
				continue
			}
			slices.Sort(c)
			out = append(out, ambiguity{coarse: first[r], fines: c})
		}
		for _, j := range joins {
			uf.unionIfCompatible(j.a, j.b)
		}
	}
	return out
}

// flagConflicts records, on both events, pairs that read alike but are
// dated apart.
func (m *Merger) flagConflicts(tl *Timeline, groups []*mergeGroup, uf *unionFind, conflicts []pair, evOf map[int]int, final []int) {
	if len(conflicts) == 0 {
		return
	}
	type rp struct{ a, b int }
	best := map[rp]float64{}
	sentences := map[int]map[[2]int]bool{}
	sentsOf := func(r int) map[[2]int]bool {
		if s, ok := sentences[r]; ok {
			return s
		}
		s := map[[2]int]bool{}
		for _, src := range tl.Events[evOf[r]].Sources {
			s[[2]int{src.Doc, src.Sentence.Start}] = true
		}
		sentences[r] = s
		return s
	}
	for _, p := range conflicts {
		a, b := uf.find(p.a), uf.find(p.b)
		if a == b {
			continue
		}
		if a > b {
			a, b = b, a
		}
		k := rp{a, b}
		if s, ok := best[k]; ok {
			if s >= 0 && p.sim > s {
				best[k] = p.sim
			}
			continue
		}
		// one sentence that carries both dates is no conflict
		sa, sb := sentsOf(a), sentsOf(b)
		if len(sb) < len(sa) {
			sa, sb = sb, sa
		}
		shared := false
		for s := range sa {
			if sb[s] {
				shared = true
				break
			}
		}
		if shared {
			best[k] = -1
			continue
		}
		best[k] = p.sim
	}
	for k, sim := range best {
		if sim < 0 {
			continue
		}
		ea, eb := &tl.Events[evOf[k.a]], &tl.Events[evOf[k.b]]
		sim = math.Round(sim*1000) / 1000
		ea.Conflicts = append(ea.Conflicts, Conflict{Event: eb.ID, Date: eb.Date.Value, Similarity: sim})
		eb.Conflicts = append(eb.Conflicts, Conflict{Event: ea.ID, Date: ea.Date.Value, Similarity: sim})
	}
	for i := range tl.Events {
		e := &tl.Events[i]
		if len(e.Conflicts) == 0 {
			continue
		}
		slices.SortFunc(e.Conflicts, func(a, b Conflict) int {
			if a.Similarity != b.Similarity {
				return cmp.Compare(b.Similarity, a.Similarity)
			}
			if c := cmp.Compare(a.Date, b.Date); c != 0 {
				return c
			}
			return cmp.Compare(a.Event, b.Event)
		})
		if len(e.Conflicts) > m.opt.MaxConflicts {
			e.Conflicts = e.Conflicts[:m.opt.MaxConflicts]
		}
	}
}

func namesOverlap(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// unionFind clusters groups; the root of a set is its smallest member, so
// the clusters do not depend on the order of unions.
type unionFind struct {
	parent []int
	names  [][]string // actor names of each root's set
}

func newUnionFind(groups []*mergeGroup) *unionFind {
	u := &unionFind{parent: make([]int, len(groups)), names: make([][]string, len(groups))}
	for i, g := range groups {
		u.parent[i] = i
		u.names[i] = g.names
	}
	return u
}

func (u *unionFind) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

// unionIfCompatible joins the sets of a and b unless both name actors
// and none in common.
func (u *unionFind) unionIfCompatible(a, b int) bool {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return true
	}
	if !namesOverlap(u.names[ra], u.names[rb]) {
		return false
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
	if len(u.names[rb]) > 0 {
		n := append(slices.Clone(u.names[ra]), u.names[rb]...)
		slices.Sort(n)
		u.names[ra] = slices.Compact(n)
	}
	u.names[rb] = nil
	return true
}

// similarPairs calls fn for every pair i <= j of sets whose Jaccard is at
// least theta (each set with itself too), using prefix filtering: with
// tokens ordered rarest first, two sets can only reach theta if their
// prefixes share a token. Each set must be free of repeats.
func similarPairs(sets [][]string, theta float64, fn func(i, j int, sim float64)) {
	// number tokens by rarity, so that a set sorted by number is sorted
	// rarest first
	df := map[string]int{}
	for _, s := range sets {
		for _, t := range s {
			df[t]++
		}
	}
	vocab := make([]string, 0, len(df))
	for t := range df {
		vocab = append(vocab, t)
	}
	slices.SortFunc(vocab, func(a, b string) int {
		if df[a] != df[b] {
			return cmp.Compare(df[a], df[b])
		}
		return cmp.Compare(a, b)
	})
	id := make(map[string]int32, len(vocab))
	for i, t := range vocab {
		id[t] = int32(i)
	}
	ids := make([][]int32, len(sets))
	for i, s := range sets {
		r := make([]int32, len(s))
		for k, t := range s {
			r[k] = id[t]
		}
		slices.Sort(r)
		ids[i] = r
	}
	order := make([]int, len(sets))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(len(sets[a]), len(sets[b])) })
	index := make([][]int32, len(vocab))
	seen := make([]int, len(sets))
	for i := range seen {
		seen[i] = -1
	}
	var cands []int32
	for _, x := range order {
		n := len(ids[x])
		if n == 0 {
			continue
		}
		fn(x, x, 1)
		p := n - int(math.Ceil(theta*float64(n)-1e-9)) + 1
		p = min(max(p, 1), n)
		minLen := theta*float64(n) - 1e-9
		cands = cands[:0]
		for _, t := range ids[x][:p] {
			for _, y := range index[t] {
				if seen[y] != x && float64(len(ids[y])) >= minLen {
					seen[y] = x
					cands = append(cands, y)
				}
			}
		}
		for _, y32 := range cands {
			y := int(y32)
			if s := jaccard(ids[x], ids[y]); s >= theta-1e-9 {
				if x < y {
					fn(x, y, s)
				} else {
					fn(y, x, s)
				}
			}
		}
		for _, t := range ids[x][:p] {
			index[t] = append(index[t], int32(x))
		}
	}
}

// jaccard is |a ∩ b| / |a ∪ b| of two sorted sets without repeats.
func jaccard[T cmp.Ordered](a, b []T) float64 {
	i, j, inter := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	union := len(a) + len(b) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}

// contentTokens returns the content words of an event's sentence, less
// its date expression: lower-cased runs of letters and digits, without
// stop words, month and weekday names, sorted and unique.
func contentTokens(e *Event) []string {
	s := e.Sentence.Text
	ds, de := e.Date.Start-e.Sentence.Start, e.Date.End-e.Sentence.Start
	var out []string
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := s[start:end]
		st := start
		start = -1
		if st < de && end > ds && de > ds {
			return // inside the date expression
		}
		if len(w) < 2 {
			return
		}
		w = strings.ToLower(w)
		if mergeStopWords[w] {
			return
		}
		out = append(out, w)
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	slices.Sort(out)
	return slices.Compact(out)
}

var mergeStopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but nor of in on at to for from by with without about
	as against into onto over under after before during since until than then that this these those there here
	is are was were be been being am has have had having do does did will would shall should can could may
	might must it its it's he she they them his her their our we you your i me my us him who whom whose
	which what when where why how not no yes also just only very more most less least so such some any all
	each both other another again further once up down out off s t said says say says told according
	monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight
	january february march april may june july august september october november december
	jan feb mar apr jun jul aug sep sept oct nov dec week month year day last next ago early late later`) {
		m[w] = true
	}
	return m
}()

// Concat joins the timelines of documents without merging their events:
// documents are numbered by the same stable key as Merger uses, so the
// result does not depend on the order of tls, and every document keeps
// its events, expressions and diagnostics.
func Concat(tls ...*Timeline) *Timeline {
	m := NewMerger(MergeOptions{})
	type part struct {
		tl  *Timeline
		doc int // index in tl.Documents
	}
	var parts []part
	for _, tl := range tls {
		if tl == nil {
			continue
		}
		m.Add(&Timeline{Documents: tl.Documents, Events: tl.Events})
		for i := range tl.Documents {
			parts = append(parts, part{tl, i})
		}
	}
	order := make([]int, len(parts))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, m.docCmp)
	out := &Timeline{Documents: []DocumentInfo{}, Events: []Event{}, Expressions: []Expression{}}
	for f, a := range order {
		p := parts[a]
		out.Documents = append(out.Documents, p.tl.Documents[p.doc])
		for _, e := range p.tl.Events {
			if e.Doc != p.doc {
				continue
			}
			e.Doc = f
			e.ID = fmt.Sprintf("d%d-%s", f, idSuffix(e.ID))
			e.Sources = slices.Clone(e.Sources)
			for i := range e.Sources {
				e.Sources[i].Doc = f
			}
			out.Events = append(out.Events, e)
		}
		for _, x := range p.tl.Expressions {
			if x.Doc == p.doc {
				x.Doc = f
				out.Expressions = append(out.Expressions, x)
			}
		}
		for _, d := range p.tl.Diagnostics {
			if d.Doc == p.doc {
				d.Doc = f
				out.Diagnostics = append(out.Diagnostics, d)
			}
		}
	}
	orderEvents(out.Events)
	return out
}

// mergeNote is what the text format adds to a merged event: how many
// sources reported it and the dates it conflicts with.
func mergeNote(e *Event) string {
	var b strings.Builder
	if len(e.Sources) > 1 {
		fmt.Fprintf(&b, "  [%d sources]", len(e.Sources))
	}
	if len(e.Conflicts) > 0 {
		dates := make([]string, 0, len(e.Conflicts))
		for _, c := range e.Conflicts {
			dates = append(dates, c.Date)
		}
		slices.Sort(dates)
		fmt.Fprintf(&b, "  [conflicts: %s]", strings.Join(slices.Compact(dates), ", "))
	}
	return b.String()
}
