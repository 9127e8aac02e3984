package timeline

import (
	_ "embed"
	"sort"
	"strings"
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
}

type gazKind uint8

const (
	gazCountry gazKind = iota
	gazOrg
	gazAgent
)

// gazetteer finds names by their first lowercased token, longest first.
// Most tokens of prose start no name: a bit set over the hashes of the
// first tokens turns them away before the map lookup.
type gazetteer struct {
	byFirst map[string][]*gazEntry
	firsts  [firstBits / 64]uint64
}

// firstBits is the size of the bit set of first tokens; a few thousand
// names leave a small share of other words to the map.
const firstBits = 1 << 16

func newGazetteer() *gazetteer { return &gazetteer{byFirst: map[string][]*gazEntry{}} }

// fnv1a hashes s, then suffix.
func fnv1a(s, suffix string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	for i := 0; i < len(suffix); i++ {
		h = (h ^ uint32(suffix[i])) * 16777619
	}
	return h
}

// mayStart reports whether low+suffix can be a first token: false means
// it is none.
func (g *gazetteer) mayStart(low, suffix string) bool {
	h := fnv1a(low, suffix) % firstBits
	return g.firsts[h/64]&(1<<(h%64)) != 0
}

// has reports whether some name starts with the token low.
func (g *gazetteer) has(low string) bool {
	if !g.mayStart(low, "") {
		return false
	}
	_, ok := g.byFirst[low]
	return ok
}

// lookup returns the entries whose first token is low+suffix.
func (g *gazetteer) lookup(low, suffix string) []*gazEntry {
	if !g.mayStart(low, suffix) {
		return nil
	}
	if suffix == "" {
		return g.byFirst[low]
	}
	return g.byFirst[low+suffix]
}

func (g *gazetteer) add(name string, e gazEntry) {
	e.toks = keyTokens(name)
	if len(e.toks) == 0 {
		return
	}
	if isAcronym(name) {
		for _, t := range tokenize(name, Span{0, len(name)}) {
			e.exact = append(e.exact, t.raw)
		}
	}
	first := e.toks[0]
	for _, o := range g.byFirst[first] {
		if o.kind == e.kind && o.idx == e.idx && strings.Join(o.toks, " ") == strings.Join(e.toks, " ") && o.form <= e.form {
			return // a name that is also a demonym stays a name
		}
	}
	g.byFirst[first] = append(g.byFirst[first], &e)
	h := fnv1a(first, "") % firstBits
	g.firsts[h/64] |= 1 << (h % 64)
}

func (g *gazetteer) sort() {
	for _, es := range g.byFirst {
		sort.SliceStable(es, func(i, j int) bool {
			if len(es[i].toks) != len(es[j].toks) {
				return len(es[i].toks) > len(es[j].toks)
			}
			return !es[i].minor && es[j].minor
		})
	}
}

// isAcronym reports names written in capitals ("US", "UN", "NATO",
// "U.S."), which must match case-sensitively: "us" and "who" are words.
func isAcronym(name string) bool {
	letters := 0
	for _, r := range name {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
		}
	}
	return letters >= 2
}

// match returns the longest entry starting at toks[i], with the index
// after it.
func (g *gazetteer) match(toks []token, i int, accept func(*gazEntry) bool) (*gazEntry, int) {
	if !toks[i].word {
		return nil, i
	}
	cands := g.lookup(toks[i].low, "")
	if toks[i].poss {
		// the names whose first token is the possessive itself
		// ("People's Liberation Army") come after the others
		if more := g.lookup(toks[i].low, "'s"); len(more) > 0 {
			cands = append(cands[:len(cands):len(cands)], more...)
		}
	}
next:
	for _, e := range cands {
		if i+len(e.toks) > len(toks) {
			continue
		}
		for k, want := range e.toks {
			t := toks[i+k]
			last := k == len(e.toks)-1
			switch {
			case t.low == want && (!t.poss || last):
			case t.poss && len(want) == len(t.low)+2 && strings.HasPrefix(want, t.low) && strings.HasSuffix(want, "'s"):
			default:
				continue next
			}
			if e.exact != nil && t.raw != e.exact[k] {
				continue next
			}
		}
		if accept != nil && !accept(e) {
			continue
		}
		return e, i + len(e.toks)
	}
	return nil, i
}
