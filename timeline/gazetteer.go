package timeline

import (
	_ "embed"
	"slices"
	"strings"
	"unicode/utf8"
)

//go:generate go run ./internal/gen/countries -o countries.tsv

// countriesTSV is the generated country table (world-countries, ODbL 1.0;
// see countries.LICENSE).
//
//go:embed countries.tsv
var countriesTSV string

// country is one ISO 3166-1 country.
type country struct {
	name   string // common English name
	alpha3 string
	un     bool // a UN member state
}

// form says how a country is named, which decides when a mention counts.
type form uint8

const (
	formName    form = iota // "Armenia", "Republic of Armenia"
	formDemonym             // "Armenian", "Russians"
	formCapital             // "Baku", "Moscow": only as a government
)

// gazEntry is one name of the gazetteer.
type gazEntry struct {
	toks  []string // lowercased key tokens
	exact []string // when set, the tokens must match as written (acronyms)
	kind  gazKind
	form  form
	idx   int // into countries, orgs or agents
	// minor ranks entries of the same length: a UN member before a
	// territory that shares its demonym ("American": the United States,
	// not the Northern Mariana Islands).
	minor bool
	// ambiguous marks a one-word country name that is also a given
	// name or another place (ambiguousNames): "Jordan", "Chad".
	ambiguous bool
}

type gazKind uint8

const (
	gazCountry gazKind = iota
	gazOrg
	gazAgent
)

// gazetteer finds names by their first lowercased token, longest first.
// The first tokens sit in an open-addressing table keyed by their FNV-1a
// hash, which the tokenizer computes as it reads a word: a lookup is a
// probe or two and no hashing of its own.
type gazetteer struct {
	mask  uint32
	slots []gazSlot
	n     int
	build *gazBuilder // while names are added; nil once laid out
	// hs holds each used slot's hash with its low bit set (0 for a free
	// slot), built by index: the probes past the first read 4 bytes a
	// slot, not a whole slot.
	hs []uint32
	// used has a bit a slot, set for a used one (hs not 0): 2 KB that
	// stay in the first-level cache, which a first probe reads first.
	// Most words that the table lacks end there, at a free slot, without
	// a miss on hs, where their probes would fall all over its 64 KB.
	used []uint64
	// words holds what a probe that hits reads of each used slot, built
	// by index: side by side in 32 bytes, one cache line, rather than
	// in three arrays a line each. A word of up to eight bytes is
	// compared with key8 alone, which is exact: its first probe reads
	// used and this line, not hs.
	words []gazWord
	// punct is the lookup of each ASCII punctuation mark, by byte.
	punct [utf8.RuneSelf]struct {
		h    uint32
		slot int32
		cls  wordClass
	}
	// named tells, by slot, whether some name starts with its word: most
	// looked-up tokens start none, which match then sees without reading
	// their slot. Built by index.
	named []bool
	// seconds is, by slot, the filter of its names' second tokens (the
	// slot's multi), all ones when a name of one token starts with its
	// word: nextMayFollow reads it without the slot. Built by index.
	seconds []uint64
}

// gazWord is a used slot's word as a look-up compares and reads it.
type gazWord struct {
	// key8 is the word of at most eight bytes as a little-endian
	// number (0 for a longer word): a word of the text is compared with
	// it in one load (scanPlain), without a call.
	key8 uint64
	cls  wordClass // the slot's classes
	key  string    // the word
}

type gazSlot struct {
	h     uint32
	first string // "" for a free slot
	es    []*gazEntry
	cls   wordClass
	pre   []gazPre // per entry of es, from index
	// multi is a one-word Bloom filter of the h2 of the entries of more
	// than one token, and single whether some entry has one: "the"
	// starts dozens of names, and most words after it are in none of
	// them, which match then sees without reading each entry. From index.
	multi  uint64
	single bool
}

// gazPre is what match reads of an entry before the entry itself: its
// length and the hash of its second token, which rule out most entries
// that share a first word without a cache miss on each.
type gazPre struct {
	n  int32
	h2 uint32 // 0 for a one-token name
}

func newGazetteer() *gazetteer {
	return &gazetteer{build: &gazBuilder{slots: make([]gazSlot, 0, minGazSlots)}}
}

// gazBuilder is the gazetteer while names and words are added: its slots
// side by side in the order their words came, found by an open-addressing
// table of their positions (4 bytes a slot, cheap to grow), and laid out
// in the table once, sized for them all (layout), rather than moved to a
// larger table of whole slots each time it fills.
type gazBuilder struct {
	slots   []gazSlot
	table   []int32 // 1+ the index into slots of a word, by its hash; 0 for none
	kt      keyTokenizer
	entries []gazEntry  // the entries' backing, in blocks
	lists   []*gazEntry // the first place of each slot's es, in blocks
	// the bytes of the slots' words and the entries made, for index
	wordBytes, entryCount int
}

// minGazSlots is the smallest table: most words a text looks up are in
// none of the lists, and end at a free first probe.
const minGazSlots = 1 << 12

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// fnv1a hashes s, then suffix.
func fnv1a(s, suffix string) uint32 { return fnv1aOn(fnv1aOn(fnvOffset, s), suffix) }

// fnv1aOn hashes s on from h, the hash of what comes before it.
func fnv1aOn(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

// slot returns the slot of first, whose hash is h: its own, or the free
// one where it would go.
func (g *gazetteer) slot(h uint32, first string) *gazSlot { return g.slotJoin(h, first, "") }

// slotJoin is slot of first+suffix, compared part by part: the word
// need not be made.
func (g *gazetteer) slotJoin(h uint32, first, suffix string) *gazSlot {
	for k := h & g.mask; ; k = (k + 1) & g.mask {
		sl := &g.slots[k]
		if sl.first == "" || sl.h == h && isJoin(sl.first, first, suffix) {
			return sl
		}
	}
}

// isJoin reports whether s is a+b.
func isJoin(s, a, b string) bool {
	return len(s) == len(a)+len(b) && s[:len(a)] == a && s[len(a):] == b
}

// index builds hs, keys, cls, named and punct of the table that layout
// made, whose used slots are at, their words size bytes and their
// entries as many as entries; the table must not change after.
func (g *gazetteer) index(at []int32, size, entries int) {
	g.hs = make([]uint32, len(g.slots))
	g.used = make([]uint64, (len(g.slots)+63)/64)
	g.named = make([]bool, len(g.slots))
	g.seconds = make([]uint64, len(g.slots))
	g.words = make([]gazWord, len(g.slots))
	// the keys' bytes side by side in one string, rather than wherever
	// the words were made (written once it has room for all: the keys
	// cut from it stay), and the entries' prefilters in one array
	var arena strings.Builder
	arena.Grow(size)
	pres := make([]gazPre, entries)
	for _, k := range at {
		sl := &g.slots[k]
		g.hs[k] = sl.h | 1
		g.used[k/64] |= 1 << (k % 64)
		start := arena.Len()
		arena.WriteString(sl.first)
		w := &g.words[k]
		w.key = arena.String()[start:]
		w.key8 = packKey(sl.first)
		g.named[k] = len(sl.es) > 0
		if g.named[k] {
			sl.cls |= wcNamed
		}
		w.cls = sl.cls
		sl.pre, pres = pres[:len(sl.es):len(sl.es)], pres[len(sl.es):]
		for x, e := range sl.es {
			sl.pre[x].n = int32(len(e.toks))
			if len(e.toks) > 1 {
				sl.pre[x].h2 = fnv1a(e.toks[1], "")
				sl.multi |= h2Bit(sl.pre[x].h2)
			} else {
				sl.single = true
			}
		}
		g.seconds[k] = sl.multi
		if sl.single {
			g.seconds[k] = ^uint64(0)
		}
	}
	for c := range g.punct {
		mark := string([]byte{byte(c)}) // one byte: no allocation
		t := token{raw: mark, low: mark}
		g.lookupToken(&t)
		g.punct[c].h, g.punct[c].slot, g.punct[c].cls = t.h, t.slot, t.cls
	}
}

// h2Bit is the bit of a second token's hash h2 in gazSlot.multi.
func h2Bit(h2 uint32) uint64 { return 1 << (h2 >> 26) }

// lookupToken is lookup (wordclass.go) of one token: tokenizeLookup
// looks each token up with it, and the two must agree (the test
// TestTokenizeLookupMatchesLookup holds them to it).
func (g *gazetteer) lookupToken(t *token) {
	h := t.h
	if !t.word {
		h = fnv1a(t.low, "")
		t.h = h
	}
	t.cls, t.slot = 0, -1
	if s := g.find(h, t.low); s >= 0 {
		t.cls, t.slot = g.slots[s].cls, int32(s)+1
	}
	if t.word && t.up && isAcronym(t.raw) {
		t.cls |= wcUpAcronym
	}
}

// lookupPunct is lookupToken of a one-byte punctuation mark c, read from
// the table index builds.
func (g *gazetteer) lookupPunct(t *token, c byte) {
	if g.hs == nil {
		g.lookupToken(t)
		return
	}
	p := &g.punct[c]
	t.h, t.slot, t.cls = p.h, p.slot, p.cls
}

// free reports whether slot s of the indexed table is free, from used.
func (g *gazetteer) free(s uint32) bool { return g.used[s/64]&(1<<(s%64)) == 0 }

// find returns the slot of low, hashed h, or -1. Most words end at
// their first probe, which is read here; the others go on in findFrom.
func (g *gazetteer) find(h uint32, low string) int {
	if k := h & g.mask; int(k) < len(g.hs) {
		if v := g.hs[k]; v == 0 {
			return -1
		} else if v == h|1 && g.words[k].key == low {
			return int(k)
		}
	}
	return g.findFrom(h, low)
}

// findFold is find of the ASCII word raw lowered, hashed h, once the
// table is indexed (-1 before): it compares raw with the keys, which are
// in lower case, folding its capitals, so that a capitalized word the
// table holds needs no lowered copy of its own.
func (g *gazetteer) findFold(h uint32, raw string) int {
	if g.hs == nil {
		return -1
	}
	hk := h | 1
	for k := h & g.mask; !g.free(k); k = (k + 1) & g.mask {
		// used, then hs: most chains end at a free slot, read in
		// used, whose line the first probe has loaded
		if g.hs[k] == hk {
			if key := g.words[k].key; len(key) == len(raw) && equalLowered(raw, key) {
				return int(k)
			}
		}
	}
	return -1
}

// equalLowered reports whether raw with its ASCII capitals lowered is
// low, which is as long.
func equalLowered(raw, low string) bool {
	for i := 0; i < len(low); i++ {
		if asciiLower[raw[i]] != low[i] {
			return false
		}
	}
	return true
}

// findFrom is find after its first probe: of the table as built, from
// the first probe on; of the indexed table, whose first probe its
// callers read (and found neither free nor low), from the second.
func (g *gazetteer) findFrom(h uint32, low string) int {
	if g.hs == nil {
		for k := h & g.mask; ; k = (k + 1) & g.mask {
			switch sl := &g.slots[k]; {
			case sl.first == "":
				return -1
			case sl.h == h && sl.first == low:
				return int(k)
			}
		}
	}
	hk := h | 1
	for k := (h + 1) & g.mask; !g.free(k); k = (k + 1) & g.mask {
		// as findFold: used first, hs for the used slots only
		if g.hs[k] == hk && g.words[k].key == low {
			return int(k)
		}
	}
	return -1
}

// has reports whether some name starts with the token low.
func (g *gazetteer) has(low string) bool {
	return len(g.slot(fnv1a(low, ""), low).es) > 0
}

// entries returns the entries whose first token is first, hashed h.
func (g *gazetteer) entries(h uint32, first string) []*gazEntry {
	return g.slot(h, first).es
}

// slot returns the index into slots of the slot of first, whose hash
// is h, made if need be.
func (b *gazBuilder) slot(h uint32, first string) int32 {
	if 4*(len(b.slots)+1) > len(b.table) {
		b.grow()
	}
	mask := uint32(len(b.table) - 1)
	for k := h & mask; ; k = (k + 1) & mask {
		x := b.table[k]
		if x == 0 {
			b.slots = append(b.slots, gazSlot{h: h, first: first})
			b.table[k] = int32(len(b.slots))
			b.wordBytes += len(first)
			return int32(len(b.slots) - 1)
		}
		if sl := &b.slots[x-1]; sl.h == h && sl.first == first {
			return x - 1
		}
	}
}

// grow doubles table (it starts at minGazSlots) and puts the slots in
// again.
func (b *gazBuilder) grow() {
	b.table = make([]int32, max(minGazSlots, 2*len(b.table)))
	mask := uint32(len(b.table) - 1)
	for x := range b.slots {
		k := b.slots[x].h & mask
		for b.table[k] != 0 {
			k = (k + 1) & mask
		}
		b.table[k] = int32(x + 1)
	}
}

// newEntry returns a copy of e that stays where it is.
func (b *gazBuilder) newEntry(e gazEntry) *gazEntry {
	if len(b.entries) == cap(b.entries) {
		b.entries = make([]gazEntry, 0, 256)
	}
	b.entries = append(b.entries, e)
	b.entryCount++
	return &b.entries[len(b.entries)-1]
}

func (g *gazetteer) add(name string, e gazEntry) {
	b := g.build
	e.toks = b.kt.tokens(name)
	if len(e.toks) == 0 {
		return
	}
	if isAcronym(name) {
		for _, t := range b.kt.tz.tokenize(name, Span{0, len(name)}) {
			e.exact = append(e.exact, t.raw)
		}
	}
	first := e.toks[0]
	e.ambiguous = e.kind == gazCountry && len(e.toks) == 1 && ambiguousNames[first]
	sl := &b.slots[b.slot(fnv1a(first, ""), first)]
	for _, o := range sl.es {
		if o.kind == e.kind && o.idx == e.idx && sameWords(o.toks, e.toks) && o.form <= e.form {
			return // a name that is also a demonym stays a name
		}
	}
	if sl.es == nil {
		sl.es = b.list()
	}
	sl.es = append(sl.es, b.newEntry(e))
}

// list returns an empty list with room for one entry: most words start
// one name; a list that grows past it moves out.
func (b *gazBuilder) list() []*gazEntry {
	if len(b.lists) == cap(b.lists) {
		b.lists = make([]*gazEntry, 0, 1024)
	}
	b.lists = b.lists[:len(b.lists)+1]
	return b.lists[len(b.lists)-1 : len(b.lists)-1 : len(b.lists)]
}

// sameWords reports whether a and b joined by spaces are the same
// string, without joining them when they are the same words.
func sameWords(a, b []string) bool {
	if slices.Equal(a, b) {
		return true
	}
	if joinedLen(a) != joinedLen(b) {
		return false
	}
	// other words as long joined: the same only if a word has a space
	// in it, which keyTokenizer never makes; joined to be exact
	return strings.Join(a, " ") == strings.Join(b, " ")
}

// joinedLen is len(strings.Join(ws, " ")).
func joinedLen(ws []string) int {
	n := max(len(ws)-1, 0)
	for _, w := range ws {
		n += len(w)
	}
	return n
}

func (g *gazetteer) sort() {
	for _, sl := range g.build.slots {
		if len(sl.es) > 1 {
			slices.SortStableFunc(sl.es, func(a, b *gazEntry) int {
				if len(a.toks) != len(b.toks) {
					return len(b.toks) - len(a.toks)
				}
				return cmpBool(a.minor, b.minor)
			})
		}
	}
}

// cmpBool orders false before true.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// isAcronym reports names written in capitals ("US", "UN", "NATO",
// "U.S."), which must match case-sensitively: "us" and "who" are words.
func isAcronym(name string) bool {
	// bytes, not runes: the bytes of a rune past ASCII are all past
	// ASCII too, so none is a letter of either case
	letters := 0
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c >= 'a' && c <= 'z':
			return false
		case c >= 'A' && c <= 'Z':
			letters++
		}
	}
	return letters >= 2
}

// startsNone reports a looked-up token that match finds no name at: a
// word that starts none, not followed by a possessive (whose "x's" may
// start one), or no word.
func (g *gazetteer) startsNone(t *token) bool {
	if !t.word {
		return true
	}
	if t.poss {
		return false
	}
	return t.slot < 0 || t.slot > 0 && g.named != nil && !t.is(wcNamed) // wcNamed is named[t.slot-1]
}

// nextStart returns the first token from toks[i] on that startsNone
// does not rule out, or len(toks). The tokens must be looked up in g,
// and poss must index their possessives in order (tokenizer.poss).
func (g *gazetteer) nextStart(toks []token, i int, poss []int32) int {
	if g.named == nil {
		for i < len(toks) && g.startsNone(&toks[i]) {
			i++
		}
		return i
	}
	// Looked up in an indexed table, a token that startsNone keeps is
	// a possessive, or named, which is one test a token: up to the
	// next possessive, read from poss, it is the only one.
	end := len(toks)
	for _, p := range poss {
		if int(p) >= i {
			end = int(p)
			break
		}
	}
	rest := toks[i:end] // ranged over: no bounds check a token
	for k := range rest {
		if t := &rest[k]; t.cls&wcNamed != 0 && !g.startsNone(t) && g.nextMayFollow(toks, i+k) {
			return i + k
		}
	}
	return end
}

// nextMayFollow reports whether the token after toks[i], a named word
// that is no possessive, may be the second of a name toks[i] starts, as
// match's prefilter reads it: a slot with no one-token name needs a
// next token, and one whose hash is in its names' second tokens'
// filter. "the" starts a few names, and the word after it is seldom in
// one: such a token is passed over here rather than matched.
func (g *gazetteer) nextMayFollow(toks []token, i int) bool {
	seconds := g.seconds[toks[i].slot-1]
	if seconds == ^uint64(0) {
		return true // a name of one token, or every second token
	}
	if i+1 >= len(toks) {
		return false // every name of the slot is longer
	}
	next := &toks[i+1]
	return next.slot == 0 || next.poss || seconds&h2Bit(next.h) != 0
}

// match returns the longest entry starting at toks[i], with the index
// after it.
func (g *gazetteer) match(toks []token, i int, accept func(*gazEntry) bool) (*gazEntry, int) {
	t := &toks[i]
	if !t.word {
		return nil, i
	}
	var sl *gazSlot
	switch {
	case t.slot > 0:
		sl = &g.slots[t.slot-1]
	case t.slot == 0:
		sl = g.slot(t.h, t.low)
	}
	if sl != nil {
		// The hash of a looked-up token (slot != 0) is that of its low, a
		// word's or not; a possessive may match "x's", so it is read in full.
		var next *token
		if i+1 < len(toks) && toks[i+1].slot != 0 && !toks[i+1].poss {
			next = &toks[i+1]
		}
		es := sl.es
		if next != nil && !sl.single && len(sl.pre) == len(es) && sl.multi&h2Bit(next.h) == 0 {
			es = nil // no entry's second token is next
		}
		for x, e := range es {
			if x < len(sl.pre) {
				p := sl.pre[x]
				if i+int(p.n) > len(toks) || p.n > 1 && next != nil && next.h != p.h2 {
					continue
				}
			}
			if matchAfterFirst(toks, i, e) && (accept == nil || accept(e)) {
				return e, i + len(e.toks)
			}
		}
	}
	if t.poss {
		// the names whose first token is the possessive itself
		// ("People's Liberation Army") come after the others; the hash
		// of a word's low is t.h, which "'s" is hashed on from
		for _, e := range g.slotJoin(fnv1aOn(t.h, "'s"), t.low, "'s").es {
			if matchEntry(toks, i, e) && (accept == nil || accept(e)) {
				return e, i + len(e.toks)
			}
		}
	}
	return nil, i
}

// matchAfterFirst is matchEntry of an entry of toks[i]'s own slot,
// whose first key token is toks[i].low, which the look-up compared: the
// first token is checked for what matchEntry reads besides its low (a
// possessive ends the name, an acronym is as written), the others in
// full.
func matchAfterFirst(toks []token, i int, e *gazEntry) bool {
	n := len(e.toks)
	if i+n > len(toks) {
		return false
	}
	t := &toks[i]
	if t.poss && n > 1 || e.exact != nil && t.raw != e.exact[0] {
		return false
	}
	for k := 1; k < n; k++ {
		if !keyTokenMatches(&toks[i+k], e, k) {
			return false
		}
	}
	return true
}

// matchEntry reports whether e's tokens match toks from i on.
func matchEntry(toks []token, i int, e *gazEntry) bool {
	if i+len(e.toks) > len(toks) {
		return false
	}
	for k := range e.toks {
		if !keyTokenMatches(&toks[i+k], e, k) {
			return false
		}
	}
	return true
}

// keyTokenMatches reports whether t matches e's k-th key token: its low
// is the key, or it is the possessive whose key ends in "'s"; only the
// last token of a name may be a possessive; an acronym is as written.
func keyTokenMatches(t *token, e *gazEntry, k int) bool {
	want := e.toks[k]
	switch {
	case t.low == want && (!t.poss || k == len(e.toks)-1):
	case t.poss && len(want) == len(t.low)+2 && strings.HasPrefix(want, t.low) && strings.HasSuffix(want, "'s"):
	default:
		return false
	}
	return e.exact == nil || t.raw == e.exact[k]
}
