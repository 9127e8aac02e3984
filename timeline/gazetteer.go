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
type gazetteer map[string][]*gazEntry

func (g gazetteer) add(name string, e gazEntry) {
	e.toks = keyTokens(name)
	if len(e.toks) == 0 {
		return
	}
	if isAcronym(name) {
		for _, t := range tokenize(name, Span{0, len(name)}) {
			e.exact = append(e.exact, t.raw)
		}
	}
	for _, o := range g[e.toks[0]] {
		if o.kind == e.kind && o.idx == e.idx && strings.Join(o.toks, " ") == strings.Join(e.toks, " ") && o.form <= e.form {
			return // a name that is also a demonym stays a name
		}
	}
	g[e.toks[0]] = append(g[e.toks[0]], &e)
}

func (g gazetteer) sort() {
	for _, es := range g {
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
func (g gazetteer) match(toks []token, i int, accept func(*gazEntry) bool) (*gazEntry, int) {
	if !toks[i].word {
		return nil, i
	}
	key := toks[i].low
	if toks[i].poss {
		key += "'s"
	}
	cands := g[toks[i].low]
	if toks[i].poss {
		cands = append(cands[:len(cands):len(cands)], g[key]...)
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
			case t.poss && t.low+"'s" == want:
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
