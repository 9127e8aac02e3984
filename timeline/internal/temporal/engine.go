// Package temporal finds temporal expressions with rules built on the
// github.com/olebedev/when rule engine. It is the only package of eventline
// that imports when, so none of when's types reach the public API; and it
// imports when's rules package alone, as the root package compiles the
// expressions of all of when's languages when a program starts.
//
// A rule is a when rules.F (a regular expression and an applier that fills
// a when rules.Context) plus an optional Extend function for what a when
// Context cannot carry (durations, decades, seasons, modifiers…). The engine
// runs every rule over every candidate window, taking every match rather
// than when.Parser's first cluster, and maps match offsets back to the
// input.
//
// Speed. The results are exactly those of running each rule's
// rules.F.Find over each window again after each match (see the tests),
// but most of that work is skipped, in ways read from the rules' own
// expressions at New, so they keep working as rules are added:
//
//   - a literal prefilter (prefilter.go): one Aho-Corasick pass over the
//     window finds the literals each rule's matches must hold; a rule
//     runs only where they all occur, and no match of it starts after
//     the last end of a literal of one of its clauses (a bound on the
//     candidates below). The pass ORs one row of bits per automaton
//     state where literals end: the rules to try, the clauses met;
//   - caseless expressions (fold.go): the window is lowercased once and
//     the rules run without (?i), which Go's regexp handles rune by rune;
//     the same pass, eight bytes at a time, lists the window's word
//     starts;
//   - start positions (start.go): a rule is tried only where its matches
//     can start (a byte that begins one, the start of a word when they
//     start with \b), with an anchored copy of its expression, instead
//     of an unanchored search that tries every byte. Nearly all rules
//     start only at word starts (read from their DFAs at New): their
//     candidates are the listed word starts, and a candidate costs a
//     bit of a per-rule lead set (first bytes, word starts, the
//     anchored DFA's start rows: one cache line);
//   - start DFAs (dfa.go): two byte DFAs per rule, built from the
//     rule's compiled program at New (subset construction, minimized,
//     16-bit tables, immutable), tell which of those tries can succeed.
//     For the rules whose matches can start elsewhere than at word
//     starts, an unanchored one reads the rest of the window once (from
//     word start to word start where it can) and says whether a match
//     ends anywhere in it (most windows: no, and the rule is done) and
//     where the first one ends; an anchored one, at each candidate
//     start, says whether a match starts there and where its last
//     thread dies. Only then are the submatches sought, on the text up
//     to that point, which gives the same match and submatches as on
//     the whole rest (assertions included); when's applier still reads
//     every match. The DFAs handle \b, \B, $ and \z exactly (the state
//     knows whether the byte before was a word byte); a non-ASCII byte
//     that a thread could take stops them with no answer, and the
//     submatches are sought on the whole rest;
//   - submatches (submatch.go): where a start DFA says a match starts,
//     the submatches come from a backtracker of our own over the same
//     compiled program (leftmost-first, anchored, memoized at the
//     program's joins with generation stamps in the Scanner, branches
//     that cannot start with the next byte skipped), not from Go's
//     regexp, which runs its NFA for every program of more than 500
//     instructions (most rules) at microseconds per call; it gives
//     exactly regexp's offsets (tests and FuzzSubmatch compare them).
//     Where there is no starter (windows with ſ or the Kelvin sign) the
//     same backtracker searches from each start with one memo, as Go's
//     does; regexp still runs where there is no Scanner or the input is
//     too long for the memo;
//   - the built-in rules fill the Context and the Extra in one call,
//     into the Scanner's own, and find their groups without a map;
//   - tables made at build time (tables.go): what New reads from the
//     built-in rules' expressions (caseless sources, clauses, starters,
//     start DFAs, submatch programs, the literal automaton, what the
//     scan reads from the DFAs), and the starters of the patterns
//     the timeline package compiles with MustCompile, are written by
//     `go generate` and embedded; New and MustCompile decode them when
//     the expressions are those they were made from (a few milliseconds
//     rather than a tenth of a second of subset constructions) and
//     build as before otherwise. Then Go's regexp compiles none of
//     these expressions unless a search needs it (Rule.Regexp,
//     lazyRegexp), nor is the program of a submatch program decoded
//     before text outside ASCII needs it;
//   - a Scanner per document holds the scratch space (no locks, no
//     allocation per window, the backtracker's memo), taken from a pool
//     of the Engine while a Scan runs, and lets the dateline reader and
//     the sentence scan share the windows of the head of the document.
package temporal

import (
	"cmp"
	"math/bits"
	"regexp"
	"regexp/syntax"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/olebedev/when/rules"
)

// Rule is one temporal rule.
type Rule struct {
	// Name identifies the rule in results and diagnostics.
	Name string
	// Priority breaks ties between overlapping matches of equal length:
	// higher wins.
	Priority int
	// Needs is the set of trigger classes a window must hold for the rule
	// to run there; zero means any window.
	Needs Trigger
	// When is the when rule: its RegExp gives the extent (from the first to
	// the last matched capture group, as in rules.F.Find) and its Applier
	// fills the calendar fields of a rules.Context. The built-in rules
	// leave RegExp nil and keep their pattern in re: read the expression
	// with Regexp.
	When rules.F
	// Extend records what a rules.Context cannot carry. It may reject the
	// match by returning false.
	Extend func(m *rules.Match, x *Extra) bool

	// both, when set, does what the Applier (on a zero Context) and
	// then Extend (on a zero Extra) do, in one call, and reports
	// whether both accept the match. The built-in rules set it (see
	// rule); it must not outlive a change to When.Applier or Extend.
	both func(m *rules.Match, c *rules.Context, x *Extra) bool
	// re is the expression of a built-in rule, compiled on first use:
	// the engine reads what it runs from tables made at build time (see
	// tables.go), and compiling the rules' patterns would be most of
	// the work of a process that reads one document
	re *lazyRegexp
}

// Regexp returns the rule's expression: When.RegExp, or the pattern of a
// built-in rule, compiled on first use.
func (r *Rule) Regexp() *regexp.Regexp {
	if r.When.RegExp != nil {
		return r.When.RegExp
	}
	return r.re.get()
}

// lazyRegexp returns the rule's expression as a lazyRegexp.
func (r *Rule) lazyRegexp() *lazyRegexp {
	if r.When.RegExp != nil {
		return readyRegexp(r.When.RegExp)
	}
	return r.re
}

// source returns the source text of the rule's expression without
// compiling it.
func (r *Rule) source() string {
	if r.When.RegExp != nil {
		return r.When.RegExp.String()
	}
	return r.re.src
}

// Kind says what sort of value a mention names.
type Kind int

// Mention kinds.
const (
	Point  Kind = iota // a date or time, absolute or relative
	Length             // a duration: "five years"
	Repeat             // a set: "every year", "weekly"
	Vague              // PRESENT_REF, PAST_REF, FUTURE_REF
)

// Gran mirrors timeline.Granularity (same order, same values).
type Gran int

// Granularities, coarse to fine.
const (
	GUnknown Gran = iota
	GMillennium
	GCentury
	GDecade
	GYear
	GHalf
	GSeason
	GQuarter
	GMonth
	GWeek
	GDay
	GPartOfDay
	GHour
	GMinute
	GSecond
)

// Rel is a shift in calendar units from the anchor: N=-1 "last", 0 "this",
// +1 "next", -2 "two … ago".
type Rel struct {
	Unit Gran
	N    int
}

// Extra is what a rule records beyond a when rules.Context.
type Extra struct {
	Kind Kind
	// Gran overrides the granularity read from the Context fields
	// (decade, century, season, quarter, week, part of day).
	Gran Gran
	// Season ("SP", "SU", "FA", "WI"), Quarter or Half (1-based), and part
	// of day ("MO", "AF", "EV", "NI") refine Year.
	Season    string
	Quarter   int
	Half      int
	PartOfDay string
	// Rel, when set, shifts the anchor by calendar units.
	Rel *Rel
	// Value is the literal TIMEX3 value of durations, sets and vague
	// references ("P5Y", "PRESENT_REF").
	Value string
	// Mod is the TIMEX3 mod (START, MID, END, APPROX, MORE_THAN…).
	Mod string
	// BC marks a year before the common era.
	BC bool
	// Open marks "since X": an interval that starts at X and stays open.
	Open bool
	// Tensed marks a value whose direction from the anchor depends on the
	// sentence's tense (a bare weekday or month).
	Tensed bool
	// Dir fixes the direction of a weekday or month from the anchor: -1
	// the latest before it ("last Tuesday"), +1 the next after it.
	Dir int
	// Story marks an offset from the date last mentioned ("two days
	// later", "the previous day") rather than from the DCT.
	Story bool
	// TwoDigitYear marks a year written with two digits ('94).
	TwoDigitYear bool
	// Latest marks "the quarter", "the latest period": the period of
	// its granularity last under discussion, or else the last one
	// completed before the anchor.
	Latest bool
	// YearAgo marks "a year ago", "year-earlier": next to quarterly
	// figures, the same quarter a year before.
	YearAgo bool
	// Holiday names a holiday whose day moves with the year
	// ("thanksgiving", "easter"); Month holds its month.
	Holiday string
}

// Mention is one match of a rule, in input offsets.
type Mention struct {
	Start, End int
	Rule       string
	Priority   int
	// Calendar fields read from the when Context; nil when not set.
	Year, Month, Weekday, Day, Hour, Minute, Second *int
	// Offset is the when Context's relative duration ("two hours ago").
	Offset   time.Duration
	Location *time.Location
	Extra
}

// Engine holds compiled rules. It is immutable after New and safe for
// concurrent use: the scratch space of a scan lives in a Scanner.
type Engine struct {
	rules []*Rule
	opts  *rules.Options

	// prepared rules, in the order of rules
	prep []prepared
	// the prefilter: an automaton over the literals of all rules, the
	// rules indexed by the literals of their most selective clause, and
	// the rules with no known literal, which run on every window
	lits     *matcher
	nlits    int
	litRules [][]int32
	always   []uint64

	// read from the above for the scan. litDelta is lits' table with
	// the states premultiplied by the number of classes (nil when that
	// does not fit 16 bits), litRecip the reciprocal that divides them
	// back; literals end at the states from litEndMin on (lits numbers
	// them last). A state where
	// literals end has a row of litW words in litRows, from
	// litRowOf[state]: the rules its literals index (the first
	// len(always) words) and the clauses, numbered across the rules
	// (clause0), that hold them; a window's literals are the OR of the
	// rows of the states it reaches.
	litDelta  *[litDeltaLen]uint16
	litEndMin uint16
	litRecip  uint64
	litW      int
	litRows   []uint64
	litRowOf  []int32
	nclauses  int
	// needRules[t*len(always)+k] is word k of the set of rules whose
	// Needs a window with triggers t holds (or that need none)
	needRules []uint64
	// scratch pools the Scanners' scratch space, and spare holds one
	// more, which a Scan takes and gives back with an atomic swap
	// rather than the pool's bookkeeping (see hold)
	scratch *sync.Pool
	spare   *atomic.Pointer[scanScratch]
}

// prepared is a rule ready to run.
type prepared struct {
	*Rule
	// fast is the caseless variant of the rule's expression for lowercased
	// windows; nil when the rule must run on the original text. It is
	// compiled on first use: the starter's DFAs and submatch program
	// stand in for it almost always.
	fast *lazyRegexp
	// start runs fast from the positions where a match can start, and
	// startOrig the expression on the original text; nil when the
	// expression must be searched the ordinary way.
	start, startOrig *starter
	// clauses are the literal ids the prefilter checks: one of each
	// clause must occur in the window.
	clauses [][]int32
	// clause0 is the number of the first of clauses across the rules;
	// the rest follow it
	clause0 int
	// clauseWord and clauseMask, when the clauses' bits fall in one
	// word of the clause bits (oneWord), are that word and the bits
	clauseWord int
	clauseMask uint64
	oneWord    bool
	// scan is what the scan reads from the starter run (start or
	// startOrig) beside it
	scan *scanInfo
	// search, fastSearch: the programs that search the expression and
	// fast without a starter (windows with ſ or the Kelvin sign, rules
	// with no starter), built on first use
	search, fastSearch *lazySub
}

// lazySub is the subMatch program of an expression, built on first use:
// most documents never need it.
type lazySub struct {
	re   *lazyRegexp
	once sync.Once
	sub  *subProg
}

func (l *lazySub) get() *subProg {
	l.once.Do(func() { l.sub = newSubProg(l.re.get()) })
	return l.sub
}

// lazyRegexp is a regexp compiled on first use. Its source is parsed
// when it is made, which is the one way a compile can fail, so that a
// regexp that would not compile is refused at New as before.
type lazyRegexp struct {
	src  string
	once sync.Once
	re   *regexp.Regexp
}

// newLazyRegexp returns the lazy regexp of src and its number of
// subexpressions, or the error regexp.Compile would return.
func newLazyRegexp(src string) (*lazyRegexp, int, error) {
	t, err := syntax.Parse(src, syntax.Perl)
	if err != nil {
		return nil, 0, err
	}
	return &lazyRegexp{src: src}, t.MaxCap(), nil
}

// readyRegexp returns a lazyRegexp of re, already compiled.
func readyRegexp(re *regexp.Regexp) *lazyRegexp {
	l := &lazyRegexp{src: re.String(), re: re}
	l.once.Do(func() {})
	return l
}

func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}

// searchIndex returns what re.FindSubmatchIndex gives on s for the
// expression of l, with subSearch when it can.
func searchIndex[T string | []byte](l *lazySub, sc *subScratch, s T) []int {
	if p := l.get(); p != nil {
		if loc, ok := subSearch(p, sc, s); ok {
			return loc
		}
	}
	return findIndex(l.re.get(), s)
}

// New returns an engine over the given rules, in the given order. For
// the built-in rules it reads most of what it prepares from tables made
// at build time (see tables.go).
func New(rs []*Rule) *Engine { return newEngine(rs, true) }

// newEngine is New; withTables says whether it may read the embedded
// tables instead of building (tests build both ways and compare).
func newEngine(rs []*Rule, withTables bool) *Engine {
	opts := &rules.Options{Distance: 5, MatchByOrder: true, Morning: 8, Noon: 12, Afternoon: 15, Evening: 19}
	e := &Engine{rules: rs, opts: opts}
	e.prepare(withTables)
	return e
}

func (e *Engine) prepare(withTables bool) {
	ids := map[string]int32{}
	var lits []string
	e.always = make([]uint64, (len(e.rules)+63)/64)
	var primary [][]int32
	var css [][][]string
	var lits0 *matcher
	ok := false
	if withTables {
		var t tabledRules
		if t, ok = prepareFromTables(e.rules); ok {
			e.prep, css, lits0 = t.prep, t.css, t.lits
		}
	}
	if !ok {
		e.prep, css = prepareRules(e.rules)
	}
	for i := range e.rules {
		p := e.prep[i]
		cs := css[i]
		best := bestClause(cs)
		var prim []int32
		for _, c := range cs {
			var cl []int32
			for _, l := range c {
				id, ok := ids[l]
				if !ok {
					id = int32(len(lits))
					ids[l] = id
					lits = append(lits, l)
				}
				cl = append(cl, id)
			}
			p.clauses = append(p.clauses, cl)
			if &c[0] == &best[0] {
				prim = cl
			}
		}
		if prim == nil {
			e.always[i/64] |= 1 << (i % 64)
		}
		primary = append(primary, prim)
		e.prep[i] = p
	}
	e.nlits = len(lits)
	e.litRules = make([][]int32, len(lits))
	for i, prim := range primary {
		for _, id := range prim {
			e.litRules[id] = append(e.litRules[id], int32(i))
		}
	}
	if lits0 == nil {
		lits0 = newMatcher(lits)
	}
	e.lits = lits0
	e.scanTables()
	litW, nw := e.litW, len(e.always)
	e.spare = new(atomic.Pointer[scanScratch])
	e.scratch = &sync.Pool{New: func() any {
		x := &scanScratch{found: make([]uint64, litW)}
		x.cand = x.found[:nw]
		return x
	}}
}

// prepareRules prepares each rule and reads its clauses (see
// prepareRule).
func prepareRules(rs []*Rule) ([]prepared, [][][]string) {
	prep := make([]prepared, len(rs))
	css := make([][][]string, len(rs))
	// the starters and their DFAs are most of the work of New, and each
	// rule's are its own: they are built side by side; the literals of
	// the clauses are numbered later, in the order of the rules
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, r := range rs {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			prep[i], css[i] = prepareRule(r)
		})
	}
	wg.Wait()
	return prep, css
}

// prepareRule returns r prepared to run, without its clause ids, and
// the literals of its clauses.
func prepareRule(r *Rule) (p prepared, clauses [][]string) {
	// one parse for the clauses, then (rewritten in place) for the
	// caseless variant
	re := r.Regexp()
	t, err := syntax.Parse(re.String(), syntax.Perl)
	var fast *regexp.Regexp
	if err == nil {
		clauses = ruleClausesOf(t)
		fast = caselessOf(re, t)
	}
	p.Rule = r
	if fast != nil {
		p.fast = readyRegexp(fast)
		p.start = newStarter(fast)
		p.fastSearch = &lazySub{re: p.fast}
	} else {
		// a case-sensitive rule runs on the original text
		p.startOrig = newStarter(re)
	}
	p.search = &lazySub{re: readyRegexp(re)}
	return p, clauses
}

// scanTables derives the scan's tables from the literal automaton and
// the rules' clauses.
func (e *Engine) scanTables() {
	m := e.lits
	litClauses := make([][]int32, e.nlits)
	for i := range e.prep {
		p := &e.prep[i]
		p.clause0 = e.nclauses
		for _, c := range p.clauses {
			for _, id := range c {
				litClauses[id] = append(litClauses[id], int32(e.nclauses))
			}
			e.nclauses++
		}
	}
	for i := range e.prep {
		p := &e.prep[i]
		if c0, c1 := p.clause0, p.clause0+len(p.clauses)-1; c1 >= c0 && c0/64 == c1/64 {
			p.oneWord, p.clauseWord = true, c0/64
			for c := c0; c <= c1; c++ {
				p.clauseMask |= 1 << (c % 64)
			}
		}
		if p.scan != nil {
			// read from the tables
		} else if st := p.start; st != nil {
			p.scan = st.scanInfoOf()
		} else if st := p.startOrig; st != nil {
			p.scan = st.scanInfoOf()
		}
	}
	nw := len(e.always)
	e.needRules = needRulesOf(e.prep, nw)
	e.litW = nw + (e.nclauses+63)/64
	nstates := len(m.outStart) - 1
	e.litRowOf = make([]int32, nstates)
	for st := range nstates {
		out := m.out[m.outStart[st]:m.outStart[st+1]]
		if len(out) == 0 {
			e.litRowOf[st] = -1
			continue
		}
		e.litRowOf[st] = int32(len(e.litRows))
		row := make([]uint64, e.litW)
		for _, id := range out {
			for _, r := range e.litRules[id] {
				row[r/64] |= 1 << (r % 64)
			}
			for _, c := range litClauses[id] {
				row[nw+int(c)/64] |= 1 << (c % 64)
			}
		}
		e.litRows = append(e.litRows, row...)
	}
	if m.delta16 != nil && nstates*m.nclass < 1<<16 {
		e.litDelta = new([litDeltaLen]uint16)
		premultiplyDelta(e.litDelta[:len(m.delta16)], m.delta16, uint16(m.nclass))
		// the states where literals end come last (outputsLast)
		first := nstates
		for first > 0 && m.outStart[first-1] < m.outStart[first] {
			first--
		}
		e.litEndMin = uint16(first * m.nclass)
		// ceil(2^32 / nclass): a row number (a multiple of nclass
		// below 2^16) times it, shifted by 32, is the state
		e.litRecip = (1<<32 + uint64(m.nclass) - 1) / uint64(m.nclass)
	}
}

// premultiplyDelta sets dst[i] to (src[i]>>1)*nc, four a round in the
// lanes of a uint64 (one load, one multiply, one store): a product is a
// row of litDelta, below 2^16, so that no lane carries into the next.
func premultiplyDelta(dst, src []uint16, nc uint16) {
	const lanes = 0x7FFF_7FFF_7FFF_7FFF // each lane's bits after >>1
	i := 0
	for ; i+4 <= len(src); i += 4 {
		s, d := src[i:i+4:i+4], dst[i:i+4:i+4]
		x := uint64(s[0]) | uint64(s[1])<<16 | uint64(s[2])<<32 | uint64(s[3])<<48
		x = (x >> 1 & lanes) * uint64(nc)
		d[0], d[1], d[2], d[3] = uint16(x), uint16(x>>16), uint16(x>>32), uint16(x>>48)
	}
	for ; i < len(src); i++ {
		dst[i] = (src[i] >> 1) * nc
	}
}

// needRulesOf returns Engine.needRules for the rules prep, of nw words
// a set: the set of a trigger set t is that of t less its lowest
// trigger, with the rules that need that one.
func needRulesOf(prep []prepared, nw int) []uint64 {
	const ntrig = 8            // the bits of a Trigger
	var by [ntrig + 1][]uint64 // by trigger bit; by[ntrig]: the rules that need none
	for b := range by {
		by[b] = make([]uint64, nw)
	}
	for i := range prep {
		for b, n := 0, prep[i].Needs; b < ntrig; b++ {
			if n&(1<<b) != 0 {
				by[b][i/64] |= 1 << (i % 64)
			}
		}
		if prep[i].Needs == 0 {
			by[ntrig][i/64] |= 1 << (i % 64)
		}
	}
	need := make([]uint64, 256*nw)
	copy(need, by[ntrig])
	for t := 1; t < 256; t++ {
		rest, low := t&(t-1), bits.TrailingZeros(uint(t))
		for k := range nw {
			need[t*nw+k] = need[rest*nw+k] | by[low][k]
		}
	}
	return need
}

// Default returns the engine over the built-in English rules. It is built
// once, on first use, and shared: an Engine is immutable.
func Default() *Engine { return defaultEngine() }

var defaultEngine = sync.OnceValue(func() *Engine { return New(English()) })

// Rules returns the engine's rules in order.
func (e *Engine) Rules() []*Rule { return e.rules }

// Scan runs every rule over each window of text and returns the mentions
// kept after overlaps are settled (longer wins, then priority, then
// earlier), in text order. It is Scanner.Scan with a scanner of its own;
// callers that scan many stretches of a document should keep one
// Scanner.
func (e *Engine) Scan(text string, windows []Window, out []Mention) []Mention {
	return e.NewScanner().Scan(text, windows, out)
}

// Scanner holds the scratch space of scans. It belongs to one goroutine;
// the Engine it came from may serve many Scanners at once.
type Scanner struct {
	e *Engine
	// the scratch space, held from a pool of the Engine while a Scan
	// runs (see hold): a document's Scanner starts with warm buffers
	// of the right size
	*scanScratch

	// remembered windows (see Remember)
	remember bool
	memo     []memoEntry
	memoMs   []Mention
	memoText string
}

// scanScratch is the scratch space of a Scanner.
type scanScratch struct {
	// found is the OR of the literal automaton's rows (see
	// Engine.litRows) that the current window reaches, with the rules
	// that run everywhere: cand, its first words, are the rules to
	// try, the rest the clauses that have a literal in the window
	found []uint64
	cand  []uint64
	// ends lists the literal automaton's rows reached in the current
	// window (index in Engine.litRows) with where their literals end:
	// no match of a rule starts after the last end of a literal of
	// one of its clauses (see until)
	ends []litEnd
	// suf[k*len(ends)+j] is the OR of word k of the clause bits of the
	// rows of ends[j:]: a set that shrinks as j grows, where until
	// finds by bisection the last end from which a rule's clauses are
	// all met
	suf []uint64
	// wsBuf lists the current window's word starts (see
	// wordStartList)
	wsBuf []int32
	low   []byte
	order []int
	kept  []Mention
	taken []bool
	// scratch of runRule
	match    rules.Match
	captures []string
	ctx      rules.Context
	men      Mention
	sub      subScratch
}

// hold gives s scratch space from its engine's spare or pool, and
// release gives it back. A document's sentences are scanned one Scan
// at a time: the spare spares the pool's work at each.
func (s *Scanner) hold() {
	if s.scanScratch == nil {
		if x := s.e.spare.Swap(nil); x != nil {
			s.scanScratch = x
		} else {
			s.scanScratch = s.e.scratch.Get().(*scanScratch)
		}
	}
}

func (s *Scanner) release() {
	if x := s.scanScratch; x != nil {
		// the spare is never freed: large buffers go to the pool,
		// which the garbage collector empties
		if !x.large() && s.e.spare.CompareAndSwap(nil, x) {
			s.scanScratch = nil
			return
		}
		s.e.scratch.Put(x)
		s.scanScratch = nil
	}
}

// spareMax bounds the buffers of the scratch space kept as the spare.
const spareMax = 1 << 16

// large reports whether x holds a buffer larger than spareMax bytes.
func (x *scanScratch) large() bool {
	return cap(x.low) > spareMax || len(x.sub.memo) > spareMax || cap(x.taken) > spareMax
}

// NewScanner returns a scanner over e's rules.
func (e *Engine) NewScanner() *Scanner {
	return &Scanner{e: e}
}

// Scan runs the rules over each window of text and returns the mentions
// kept after overlaps are settled (longer wins, then priority, then
// earlier), in text order, appended to out. A rule runs on a window when
// the window holds its Needs triggers and the literals its expression
// requires; it runs on the window's text alone, as rules.F.Find would on
// that substring, taking every match. Rules do not read the reference
// time, so resolution can happen later against the right anchor.
func (s *Scanner) Scan(text string, windows []Window, out []Mention) []Mention {
	s.hold()
	defer s.release()
	for _, w := range windows {
		start := len(out)
		if ms, ok := s.recalled(text, w); ok {
			out = append(out, ms...)
			continue
		}
		out = s.scanWindow(text, w, out)
		// windows are disjoint, so settling each window alone keeps the
		// same mentions as settling them all together
		out = s.settle(out, start)
		if s.remember {
			s.memo = append(s.memo, memoEntry{w: w, from: len(s.memoMs), to: len(s.memoMs) + len(out) - start})
			s.memoMs = append(s.memoMs, out[start:]...)
			s.memoText = text
		}
	}
	return out
}

// Remember makes the scanner keep the mentions of the windows it scans
// from now on (until Remember(false)), and give them again when a later
// Scan of the same text meets the same window: the dateline reader and
// the sentence scan both read the head of a document, in windows that
// mostly coincide. The mentions of a window depend only on its text and
// triggers, so they are the ones a new scan would find.
func (s *Scanner) Remember(on bool) { s.remember = on }

// memoEntry is a remembered window and its mentions, memoMs[from:to].
type memoEntry struct {
	w        Window
	from, to int
}

// recalled returns the remembered mentions of window w of text.
func (s *Scanner) recalled(text string, w Window) ([]Mention, bool) {
	n := len(s.memo)
	if n == 0 || s.remember || w.Start > s.memo[n-1].w.Start || text != s.memoText {
		return nil, false
	}
	i := sort.Search(n, func(i int) bool { return s.memo[i].w.Start >= w.Start })
	if i < n && s.memo[i].w == w {
		return s.memoMs[s.memo[i].from:s.memo[i].to], true
	}
	return nil, false
}

// scanWindow appends the mentions the rules find in window w, unsettled.
func (s *Scanner) scanWindow(text string, w Window, out []Mention) []Mention {
	e := s.e
	sub := text[w.Start:w.End]
	// the literals are read on the original text: the window is
	// lowered when a rule runs there, before the first
	s.findLiterals(sub)
	lowered := false
	// the rules whose Needs the window holds, a word at a time
	need := e.needRules[int(w.Triggers)*len(s.cand):]
	need = need[:len(s.cand)]
	for k, word := range s.cand {
		word &= need[k]
		for word != 0 {
			b := bits.TrailingZeros64(word)
			word &= word - 1
			r := &e.prep[k*64+b]
			if !s.satisfied(r) {
				continue
			}
			if !lowered {
				lowered = true
				if s.lower(sub) {
					return s.scanSpecial(sub, w, out)
				}
			}
			how := runOriginal
			if r.fast != nil {
				how = runCaseless
			}
			out = s.runRule(r, how, sub, w.Start, out)
		}
	}
	if !lowered && hasSpecial(sub) {
		return s.scanSpecial(sub, w, out)
	}
	return out
}

// lower lowers the window sub into low and lists its word starts in
// wsBuf; it reports whether sub holds ſ or the Kelvin sign.
func (s *Scanner) lower(sub string) (special bool) {
	if cap(s.low) < len(sub) {
		// room for the windows to come: the list of word starts has
		// at most a position a byte
		s.low = make([]byte, 0, max(2*len(sub), 256))
		s.wsBuf = make([]int32, 0, cap(s.low))
	}
	s.low, s.wsBuf, special, s.sub.ascii = lowerWindowWS(s.low[:0], s.wsBuf[:0], sub)
	return special
}

// scanSpecial appends the mentions of window w, sub, which holds ſ or
// the Kelvin sign: no prefilter, the rules' own expressions on the
// original text.
func (s *Scanner) scanSpecial(sub string, w Window, out []Mention) []Mention {
	for i := range s.e.prep {
		r := &s.e.prep[i]
		if r.Needs != 0 && w.Triggers&r.Needs == 0 {
			continue
		}
		out = s.runRule(r, runPlain, sub, w.Start, out)
	}
	return out
}

// hasSpecial reports whether s holds ſ (U+017F) or the Kelvin sign
// (U+212A), as lowerWindowWS tells.
func hasSpecial(s string) bool {
	return strings.Contains(s, "\u017F") || strings.Contains(s, "\u212A")
}

// findLiterals runs the literal automaton over sub and sets found: cand
// to the rules indexed by the literals there plus the rules that run
// everywhere, and the clauses that have a literal there.
func (s *Scanner) findLiterals(sub string) {
	e := s.e
	clear(s.found)
	copy(s.cand, e.always)
	m := e.lits
	switch {
	case e.litDelta != nil:
		s.ends = scanLitEnds(e.litDelta, e.litEndMin, &m.class, e.litRowOf, e.litRecip, s.ends, sub)
	case m.delta16 != nil:
		s.ends = s.ends[:0]
		findLits(s, m, m.delta16, sub)
	default:
		s.ends = s.ends[:0]
		findLits(s, m, m.delta, sub)
	}
	s.orRows()
}

// litDeltaLen is the size of Engine.litDelta: a uint16 plus a class
// indexes it with no bounds check.
const litDeltaLen = 1<<16 + 256

// scanLitEnds runs the literal automaton delta (premultiplied states,
// literals ending at those from endMin on) over sub and returns in ends (emptied)
// the rows (litRowOf) of the states where literals end, with where. sub
// is read in blocks that ends has room for an end a byte of, by
// litBlock, whose loop then calls nothing.
func scanLitEnds(delta *[litDeltaLen]uint16, endMin uint16, class *[256]uint8, rowOf []int32, recip uint64, ends []litEnd, sub string) []litEnd {
	ends = ends[:0]
	st := 0
	for i := 0; i < len(sub); {
		if cap(ends)-len(ends) < min(len(sub)-i, 64) {
			ends = slices.Grow(ends, max(64, len(ends)))
		}
		block := sub[i:min(len(sub), i+cap(ends)-len(ends))]
		var n int
		n, st = litBlock(delta, endMin, class, block, ends[len(ends):cap(ends)], st)
		// litBlock noted the states and the offsets in block
		found := ends[len(ends) : len(ends)+n]
		for k, e := range found {
			found[k] = litEnd{rowOf[uint64(e.row)*recip>>32], e.at + int32(i)}
		}
		ends = ends[:len(ends)+n]
		i += len(block)
	}
	return ends
}

// litBlock runs the literal automaton delta from st over block, which
// room has room for an end a byte of: it notes in room the states
// where literals end (premultiplied) and the offsets in block, and
// returns how many and the state it ends in. A byte costs two loads, an
// add and a test; the state, a uint16, indexes delta with no bounds
// check.
func litBlock(delta *[litDeltaLen]uint16, endMin uint16, class *[256]uint8, block string, room []litEnd, st0 int) (int, int) {
	// the tables' nil checks once, not in the loop
	_, _ = delta[0], class[0]
	st := uint16(st0)
	n := 0
	k := 0
	for ; k+4 <= len(block); k += 4 {
		b := block[k : k+4]
		if st = delta[int(st)+int(class[b[0]])]; st >= endMin {
			room[n] = litEnd{int32(st), int32(k)}
			n++
		}
		if st = delta[int(st)+int(class[b[1]])]; st >= endMin {
			room[n] = litEnd{int32(st), int32(k + 1)}
			n++
		}
		if st = delta[int(st)+int(class[b[2]])]; st >= endMin {
			room[n] = litEnd{int32(st), int32(k + 2)}
			n++
		}
		if st = delta[int(st)+int(class[b[3]])]; st >= endMin {
			room[n] = litEnd{int32(st), int32(k + 3)}
			n++
		}
	}
	for ; k < len(block); k++ {
		if st = delta[int(st)+int(class[block[k]])]; st >= endMin {
			room[n] = litEnd{int32(st), int32(k)}
			n++
		}
	}
	return n, int(st)
}

func findLits[E uint16 | int32](s *Scanner, m *matcher, delta []E, sub string) {
	nc := int(m.nclass)
	st := 0
	for i := 0; i < len(sub); i++ {
		t := delta[st*nc+int(m.class[sub[i]])]
		st = int(t >> 1)
		if t&1 != 0 {
			s.take(st, i)
		}
	}
}

// take notes in ends the row of state st of the literal automaton,
// where literals end at i; orRows adds the rows to found once the
// window is read.
func (s *Scanner) take(st, i int) {
	s.ends = append(s.ends, litEnd{s.e.litRowOf[st], int32(i)})
}

// orRows adds the rows noted in ends to found, a word of found at a
// time: one load and an OR per row and word. Apart from the scan, the
// byte loop keeps its registers. The clause words are ORed from the
// last end, each step kept in suf.
func (s *Scanner) orRows() {
	rows, ends, nw := s.e.litRows, s.ends, len(s.cand)
	n := len(ends)
	size := (len(s.found) - nw) * n
	if cap(s.suf) < size {
		s.suf = make([]uint64, size, 2*size)
	}
	// the words of suf are cut from its length: a window with more
	// ends than the last needs it grown within the capacity
	s.suf = s.suf[:size]
	if nw == 1 && len(s.found) == 3 {
		// the rows of the built-in rules: one word of rules, two of
		// clauses, ORed in registers in one pass
		s.orRows12()
		return
	}
	for j := range nw {
		var word uint64
		for _, le := range ends {
			word |= rows[int(le.row)+j]
		}
		s.found[j] |= word
	}
	for j := nw; j < len(s.found); j++ {
		suf := s.suf[(j-nw)*n:][:n]
		var word uint64
		for i := n - 1; i >= 0; i-- {
			word |= rows[int(ends[i].row)+j]
			suf[i] = word
		}
		s.found[j] |= word
	}
}

// orRows12 is orRows for rows of one word of rules and two of clauses.
func (s *Scanner) orRows12() {
	rows, ends := s.e.litRows, s.ends
	n := len(ends)
	suf := s.suf[:2*n]
	suf0, suf1 := suf[:n], suf[n:]
	var rules, c0, c1 uint64
	for i := n - 1; i >= 0; i-- {
		k := uint(ends[i].row)
		row := rows[k : k+3 : k+3]
		rules |= row[0]
		c0 |= row[1]
		c1 |= row[2]
		suf0[i], suf1[i] = c0, c1
	}
	s.found[0] |= rules
	s.found[1] |= c0
	s.found[2] |= c1
}

// litEnd is a row of the literal automaton reached in a window, and
// the position where its literals end.
type litEnd struct{ row, at int32 }

// until returns where no match of r starts from in the current window:
// after the last end of a literal of one of its clauses (a match holds
// one of each), or n, the window's length.
func (s *Scanner) until(r *prepared, n int) int {
	if !r.oneWord {
		return s.untilEach(r, n)
	}
	// the clauses in one word: the last end from which they are all
	// met, by bisection of the suffix ORs of that word
	ne := len(s.ends)
	suf, want := s.suf[r.clauseWord*ne:][:ne], r.clauseMask
	lo, hi := 0, ne
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if suf[m]&want == want {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return n
	}
	return min(n, int(s.ends[lo-1].at)+1)
}

// untilEach is until for clauses in more than one word, clause by
// clause.
func (s *Scanner) untilEach(r *prepared, n int) int {
	u := n
	rows, nw := s.e.litRows, len(s.cand)
	for c := r.clause0; c < r.clause0+len(r.clauses); c++ {
		w, b := nw+c/64, uint64(1)<<(c%64)
		for j := len(s.ends) - 1; j >= 0; j-- {
			if rows[int(s.ends[j].row)+w]&b != 0 {
				u = min(u, int(s.ends[j].at)+1)
				break
			}
		}
	}
	return u
}

// satisfied reports whether every clause of r has a literal in the
// current window.
func (s *Scanner) satisfied(r *prepared) bool {
	clauses := s.found[len(s.cand):]
	if r.oneWord {
		return clauses[r.clauseWord]&r.clauseMask == r.clauseMask
	}
	for c := r.clause0; c < r.clause0+len(r.clauses); c++ {
		if clauses[c/64]&(1<<(c%64)) == 0 {
			return false
		}
	}
	return true
}

// runMode says how runRule searches.
type runMode int

const (
	// runCaseless: the caseless expression on the lowercased window
	// (s.low), from the starts its matches can have
	runCaseless runMode = iota
	// runOriginal: the rule's expression on the original text, from the
	// starts its matches can have (a window without ſ or the Kelvin
	// sign, which the starts leave out)
	runOriginal
	// runPlain: the rule's expression on the original text, searched by
	// regexp alone
	runPlain
)

// runRule takes every match of r in sub, not only the first as
// rules.F.Find does, by finding again after each match. With runCaseless
// it matches r.fast on the lowercased window (s.low) and reads the
// captures from the original text at the same offsets.
func (s *Scanner) runRule(r *prepared, how runMode, sub string, base int, out []Mention) []Mention {
	e := s.e
	var ws []int32
	if r.scan != nil && r.scan.use != 0 && how != runPlain {
		// the window's word starts, listed as it was lowered
		ws = s.wsBuf
	}
	until := len(sub)
	if how != runPlain {
		until = s.until(r, len(sub))
	}
	pos := 0
	for pos < len(sub) {
		var loc []int
		switch {
		case how == runCaseless && r.start != nil:
			loc = r.start.find(&s.sub, s.low[:len(sub)], pos, ws, r.scan, until)
		case how == runCaseless:
			loc = searchIndex(r.fastSearch, &s.sub, s.low[pos:len(sub)])
		case how == runOriginal && r.startOrig != nil:
			loc = r.startOrig.findString(&s.sub, sub, pos, true, ws, r.scan, until)
		default:
			loc = searchIndex(r.search, &s.sub, sub[pos:])
		}
		// the Match, Context and Mention live in the Scanner: the
		// appliers take pointers to them, which would put three
		// allocations on every match, and keep none
		m := &s.match
		if !matchAt(m, s.captures[:0], sub[pos:], loc, r.When.Applier) {
			break
		}
		s.captures = m.Captures
		left, right := m.Left, m.Right
		if right <= left {
			pos += max(right, 1)
			continue
		}
		c := &s.ctx
		*c = rules.Context{}
		men := &s.men
		if r.both != nil {
			// one call for the Context and the Extra: the Mention
			// is filled in place
			men.Extra = Extra{}
			if r.both(m, c, &men.Extra) {
				men.setContext(c, r, base+pos+left, base+pos+right)
				out = append(out, *men)
			}
		} else if ok, err := m.Apply(c, e.opts, time.Time{}); err == nil && ok {
			*men = Mention{}
			men.setContext(c, r, base+pos+left, base+pos+right)
			if r.Extend == nil || r.Extend(m, &men.Extra) {
				out = append(out, *men)
			}
		}
		pos += right
	}
	return out
}

// setContext sets the fields of men other than Extra: its extent, its
// rule, and what the Context c holds.
func (men *Mention) setContext(c *rules.Context, r *prepared, start, end int) {
	men.Start, men.End = start, end
	men.Rule, men.Priority = r.Name, r.Priority
	men.Year, men.Month, men.Weekday, men.Day = c.Year, c.Month, c.Weekday, c.Day
	men.Hour, men.Minute, men.Second = c.Hour, c.Minute, c.Second
	men.Offset, men.Location = c.Duration, c.Location
}

// matchAt sets m to the rules.Match that rules.F.Find builds from the
// submatch offsets loc of a match in text: from the first matched
// capture group to the end of the last one. The captures go to buf. It
// reports false when there is no match.
func matchAt(m *rules.Match, buf []string, text string, loc []int, applier func(*rules.Match, *rules.Context, *rules.Options, time.Time) (bool, error)) bool {
	if len(loc) <= 2 {
		return false
	}
	*m = rules.Match{Applier: applier, Left: -1, Captures: buf[:0]}
	for i := 2; i < len(loc); i += 2 {
		if m.Left == -1 && loc[i] >= 0 {
			m.Left = loc[i]
		}
		if loc[i] >= 0 && loc[i+1] >= 0 {
			m.Captures = append(m.Captures, text[loc[i]:loc[i+1]])
			m.Right = loc[i+1]
		} else {
			m.Captures = append(m.Captures, "")
		}
	}
	if m.Left < 0 {
		// no group took part: rules.F.Find would slice text[-1:0] and
		// panic; take it as an empty match
		m.Left, m.Right = 0, 0
	}
	m.Text = text[m.Left:m.Right]
	return true
}

// settle keeps a set of non-overlapping mentions among out[start:]:
// longest first, then higher priority, then earliest; the kept ones come
// back in text order.
func (s *Scanner) settle(out []Mention, start int) []Mention {
	ms := out[start:]
	if len(ms) < 2 {
		return out
	}
	order := s.order[:0]
	for i := range ms {
		order = append(order, i)
	}
	slices.SortStableFunc(order, func(a, b int) int {
		x, y := &ms[a], &ms[b]
		if lx, ly := x.End-x.Start, y.End-y.Start; lx != ly {
			return cmp.Compare(ly, lx)
		}
		if x.Priority != y.Priority {
			return cmp.Compare(y.Priority, x.Priority)
		}
		return cmp.Compare(x.Start, y.Start)
	})
	s.order = order
	// taken marks the bytes of the kept mentions: a clash test in
	// O(length) rather than a walk over every kept mention, which would
	// be quadratic in a window of thousands of dates (a scraped table)
	lo, hi := ms[0].Start, ms[0].End
	for i := range ms {
		lo, hi = min(lo, ms[i].Start), max(hi, ms[i].End)
	}
	if cap(s.taken) < hi-lo {
		s.taken = make([]bool, hi-lo)
	}
	taken := s.taken[:hi-lo]
	clear(taken)
	// the kept ones, by index, then in text order
	keep := order[:0]
	for _, i := range order {
		m := &ms[i]
		if slices.Contains(taken[m.Start-lo:m.End-lo], true) {
			continue
		}
		for b := m.Start; b < m.End; b++ {
			taken[b-lo] = true
		}
		keep = append(keep, i)
	}
	slices.SortFunc(keep, func(a, b int) int { return cmp.Compare(ms[a].Start, ms[b].Start) })
	if slices.IsSorted(keep) {
		// text order is the order found (most windows): moved
		// down in place, each Mention copied once at most
		for j, i := range keep {
			if i != j {
				ms[j] = ms[i]
			}
		}
		return out[:start+len(keep)]
	}
	kept := s.kept[:0]
	for _, i := range keep {
		kept = append(kept, ms[i])
	}
	s.kept = kept
	return append(out[:start], kept...)
}
