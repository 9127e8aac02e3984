package timeline

// wordClass is the set of word lists that a token's lowercase form is
// in. The gazetteer's table holds it for every listed word, and each
// token reads it once (gazetteer.lookup), so that the list checks made
// for every token of every sentence are bit tests, not map lookups.
type wordClass uint64

const (
	wcStop wordClass = 1 << iota
	wcNonName
	wcLocative
	wcDirection
	wcTitleModifier
	wcSpeechVerb
	wcPastForm
	wcAuxiliary
	wcCapitalVerb
	wcParticle
	wcUnitNoun
	wcOrdinalWord
	wcMessageNoun
	wcMinor
	wcPlaceNoun
	wcRegion
	wcSupportVerb
	wcReasonStart
	wcSubordinator
	wcTrigger // a key of the trigger index
	wcCommon  // actorIndex.commonWord
	// wcUpAcronym is no list but a property of the token as written: a
	// capitalized word that isAcronym; lookup sets it on words with up.
	wcUpAcronym
	// the lists the event classification reads token by token
	wcNegator
	wcIntentMarker
	wcFrameOpener
	wcRelPrep
	wcArticle
	wcDeterminer
	wcBeForm
	wcAdjunctPrep
	wcTopicWord
	wcNounObject
	wcIdiomAfterIn
	wcNounModified
	wcModeStart // the first word of a cue of modeCues
	// wcNamed is no list either: some name of the gazetteer starts with
	// the word (set by index, as the table's named)
	wcNamed
	// wcBreakLead: the word a clause break at white space reads after it
	// (breakLeads), as a token's low may be
	wcBreakLead
	wcNotActorAfter // notActorAfter: a word after a country's name that makes it a larger name
	// wcPurposeCue: a word purposeAdjunct reads after the trigger
	// besides a reason's opener (purposeCues)
	wcPurposeCue
	// wcCommaBreakLead: the word a clause break at a comma reads after
	// it (commaBreakLeads)
	wcCommaBreakLead
	// wcAndBreakFollower, wcAndDateWord: the words a break reads after
	// "and" (andBreakFollowers, andDateFollowers)
	wcAndBreakFollower
	wcAndDateWord
)

// wordLists are the lists behind the classes that are plain lists; the
// bit of a word is set exactly when the list has it.
var wordLists = []struct {
	c    wordClass
	list map[string]bool
}{
	{wcStop, stopWords}, {wcNonName, nonNameWords}, {wcLocative, locatives}, {wcDirection, directions},
	{wcTitleModifier, titleModifiers}, {wcSpeechVerb, speechVerbs}, {wcPastForm, pastForms},
	{wcAuxiliary, auxiliaries}, {wcCapitalVerb, capitalVerbs}, {wcParticle, nameParticles},
	{wcUnitNoun, unitNouns}, {wcOrdinalWord, ordinalWords}, {wcMessageNoun, messageNouns},
	{wcMinor, minor}, {wcPlaceNoun, placeNouns}, {wcRegion, regionWords}, {wcSupportVerb, supportVerbs},
	{wcReasonStart, reasonStarts}, {wcSubordinator, subordinators},
	{wcNegator, negators}, {wcIntentMarker, intentMarkers}, {wcFrameOpener, frameOpeners}, {wcRelPrep, relPreps},
	{wcArticle, articles}, {wcDeterminer, determiners}, {wcBeForm, beForms}, {wcAdjunctPrep, adjunctPreps},
	{wcTopicWord, topicWords}, {wcNounObject, nounObjects}, {wcIdiomAfterIn, idiomAfterIn},
	{wcNounModified, nounModified}, {wcBreakLead, breakLeads}, {wcNotActorAfter, notActorAfter}, {wcPurposeCue, purposeCues},
	{wcCommaBreakLead, commaBreakLeads}, {wcAndBreakFollower, andBreakFollowers}, {wcAndDateWord, andDateFollowers},
}

// addClasses puts the listed words and the keys of the mode cues in the
// table and sets their classes; call it once all names and triggers
// (buildTriggers, which lists them in trigs) are added. It lays the
// table out and indexes it, and returns the triggers and the cues by
// slot (actorIndex.trigBySlot, modeBySlot).
func (g *gazetteer) addClasses(trigs byWord[*trigger], modes map[string][]modeCue) ([][]*trigger, [][]modeCue) {
	b := g.build
	set := func(w string, c wordClass) int32 {
		x := b.slot(fnv1a(w, ""), w)
		b.slots[x].cls |= c
		return x
	}
	for _, l := range wordLists {
		for w := range l.list {
			set(w, l.c)
		}
	}
	cues := newByWord[modeCue](len(modes))
	for w, cs := range modes {
		cues.add(set(w, wcModeStart), cs) // the first word of a cue
	}
	// commonWord: a stop word, a non-name word, a trigger or the first
	// word of a name; every such word is in the table by now.
	for k := range b.slots {
		if sl := &b.slots[k]; sl.cls&(wcStop|wcNonName|wcTrigger) != 0 || len(sl.es) > 0 {
			sl.cls |= wcCommon
		}
	}
	at := g.layout()
	g.index(at, b.wordBytes, b.entryCount)
	return trigs.bySlot(at, len(g.slots)), cues.bySlot(at, len(g.slots))
}

// byWord collects lists by the word they are listed under, as the index
// of the word among those added (gazBuilder.slot), until the table is
// laid out.
type byWord[E any] struct {
	words []int32
	lists [][]E
}

func newByWord[E any](n int) byWord[E] {
	return byWord[E]{make([]int32, 0, n), make([][]E, 0, n)}
}

func (bw *byWord[E]) add(word int32, list []E) {
	bw.words, bw.lists = append(bw.words, word), append(bw.lists, list)
}

// bySlot returns the lists by table slot, given the slot of each word
// added (at, from layout).
func (bw *byWord[E]) bySlot(at []int32, slots int) [][]E {
	out := make([][]E, slots)
	for k, w := range bw.words {
		out[at[w]] = bw.lists[k]
	}
	return out
}

// layout puts the words added in a table a quarter full at most, not
// half: most words that it lacks then end at a free first probe, read in
// find. It returns the slot of each, in the order they were added.
func (g *gazetteer) layout() []int32 {
	b := g.build
	size := minGazSlots
	for 4*len(b.slots) > size {
		size *= 2
	}
	g.slots = make([]gazSlot, size)
	g.mask = uint32(size - 1)
	g.n = len(b.slots)
	at := make([]int32, len(b.slots))
	for x := range b.slots {
		// the words are distinct: the first free slot is theirs
		k := b.slots[x].h & g.mask
		for g.slots[k].first != "" {
			k = (k + 1) & g.mask
		}
		g.slots[k] = b.slots[x]
		at[x] = int32(k)
	}
	g.build = nil // the table must not change after
	return at
}

// lookup sets the class and the table slot of each token (slot is 1+
// the slot, -1 for a word the table has not; 0 means not looked up).
func (g *gazetteer) lookup(toks []token) {
	for k := range toks {
		t := &toks[k]
		h := t.h
		if !t.word {
			h = fnv1a(t.low, "")
			t.h = h // so that every looked-up token has its hash
		}
		t.cls, t.slot = 0, -1
		if s := g.find(h, t.low); s >= 0 {
			t.cls, t.slot = g.slots[s].cls, int32(s)+1
		}
		if t.word && t.up && isAcronym(t.raw) {
			t.cls |= wcUpAcronym
		}
	}
}

// is reports whether the token t, looked up, is in class c.
func (t *token) is(c wordClass) bool { return t.cls&c != 0 }
