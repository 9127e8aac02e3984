package temporal

import (
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The prefilter keeps most rules off most windows, however many rules
// there are. Each rule's regular expression is read once, at New, for
// the literals any match must hold: a conjunction of clauses, each a set
// of strings of which at least one occurs in every match. The strings are
// written in a normalized alphabet (ASCII letters in lower case, every
// digit as '0'). One Aho-Corasick automaton over the literals of all
// rules runs over each window; a rule runs on the window only when each
// of its clauses has a literal there. That costs one table lookup per
// byte of window, and the rules are found through their literals rather
// than tried one by one.

// maxExact bounds the sets of exact strings kept while reading a
// regular expression; larger sets turn into clauses.
const maxExact = 64

// maxClassSize is the largest character class read as a set of
// one-character strings; larger classes ("\w", "[^)]") say nothing.
const maxClassSize = 12

// litInfo is what is known of the strings an expression matches: the
// exact set of them (normalized) when it is small, and otherwise a
// conjunction of clauses. exact == nil with no clauses says nothing.
type litInfo struct {
	exact   []string
	clauses [][]string
}

func (x litInfo) isExact() bool { return x.exact != nil }

// asClauses returns the clauses implied by x.
func (x litInfo) asClauses() [][]string {
	if !x.isExact() {
		return x.clauses
	}
	for _, s := range x.exact {
		if s == "" {
			return nil
		}
	}
	return [][]string{x.exact}
}

var anything = litInfo{}

// exactly is the exact set ss, which it takes (sorts in place).
func exactly(ss ...string) litInfo { return litInfo{exact: dedupOwned(ss)} }

// normByte maps a byte to the prefilter alphabet.
func normByte(c byte) byte {
	switch {
	case c >= 'A' && c <= 'Z':
		return c + 'a' - 'A'
	case c >= '0' && c <= '9':
		return '0'
	}
	return c
}

func normString(s string) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = normByte(c)
	}
	return string(b)
}

// runeSet returns the normalized encodings of a rune, with its case
// variants when fold is set.
func runeSet(r rune, fold bool) []string {
	var out []string
	add := func(r rune) {
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], r)
		out = append(out, normString(string(buf[:n])))
	}
	add(r)
	if r < 0x80 {
		// the ASCII letters fold to ſ and the Kelvin sign too, but
		// windows holding those skip the prefilter
		return out
	}
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			add(f)
		}
	}
	return dedupOwned(out)
}

// analyze reads the literals of t.
func analyze(t *syntax.Regexp) litInfo {
	px := &prefixer{memo: map[*syntax.Regexp]litInfo{}}
	return px.analyze(t)
}

// The clauses read whitespace as the literal automaton does (see
// spaced): each \s byte as a space, and a run of them as one. A run of
// spaces in a match is then one space whatever its length, so that \s+
// and \s* are exact sets ({" "}, {"", " "}) and literals cross them:
// "end of the year" rather than "end", "of", "the" and "year".

// analyzeSpaced reads the literals of t with whitespace as one space:
// a literal l it reads for a match m is one of collapseSpaces(l) in
// collapseSpaces(spaceNorm(m)), where l may hold a run of spaces
// (\s+\s+ reads "  ") that collapseSpaces makes one.
func analyzeSpaced(t *syntax.Regexp) litInfo {
	px := &prefixer{memo: map[*syntax.Regexp]litInfo{}, spaced: true}
	return px.analyze(t)
}

// isSpaceRun reports whether x is the exact set {" "}: in spaced mode,
// what a run of \s reads as, whatever its length.
func isSpaceRun(x litInfo) bool {
	return x.isExact() && len(x.exact) == 1 && x.exact[0] == " "
}

// spaceByte maps a byte to the literal automaton's alphabet: normByte,
// with each \s byte a space.
func spaceByte(c byte) byte {
	if isSpaceByte(c) {
		return ' '
	}
	return normByte(c)
}

// spaceStrings maps the strings of ss (normalized) to spaceByte, in
// place.
func spaceStrings(ss []string) []string {
	for i, s := range ss {
		if strings.ContainsFunc(s, func(r rune) bool { return r < 0x80 && isSpaceByte(byte(r)) }) {
			b := []byte(s)
			for k, c := range b {
				b[k] = spaceByte(c)
			}
			ss[i] = string(b)
		}
	}
	return ss
}

// collapseSpaces returns s with each run of spaces made one.
func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' && i > 0 && s[i-1] == ' ' {
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

// spaceClauses returns cs with each \s byte of their literals a space.
func spaceClauses(cs [][]string) [][]string {
	out := make([][]string, len(cs))
	for k, c := range cs {
		out[k] = spaceStrings(slices.Clone(c))
	}
	return out
}

// dropImplied drops the clauses that another implies (each of whose
// literals holds one of theirs): a match holds them whenever it holds
// the other. Of equal clauses the first stays.
func dropImplied(cs [][]string) [][]string {
	var out [][]string
	for i, c := range cs {
		implied := false
		for j, d := range cs {
			if j != i && implies(d, c) && (!implies(c, d) || j < i) {
				implied = true
				break
			}
		}
		if !implied {
			out = append(out, c)
		}
	}
	return out
}

// implies reports whether each literal of d holds one of c.
func implies(d, c []string) bool {
	for _, l := range d {
		if !slices.ContainsFunc(c, func(s string) bool { return contains(l, s) }) {
			return false
		}
	}
	return true
}

// maxLitLen bounds the literals of the clauses: a literal's first
// maxLitLen bytes occur wherever it does, longer ones filter little
// more, and their states would not fit the 16 bits of Engine.litDelta.
const maxLitLen = 8

// clauseLiterals returns the literals of the clauses cs read by
// analyzeSpaced as the literal automaton reads them: each run of spaces
// one, cut to maxLitLen bytes, less the spaces at its end (the automaton
// then notes no literal at a space, where a run would note it again).
// Each is a substring of the literal read. cs shares its slices with
// the analysis, and is not written.
func clauseLiterals(cs [][]string) [][]string {
	out := make([][]string, len(cs))
	for k, c := range cs {
		out[k] = make([]string, len(c))
		for i, l := range c {
			l = collapseSpaces(l)
			l = strings.TrimRight(l[:min(len(l), maxLitLen)], " ")
			out[k][i] = l
		}
	}
	return out
}

// runeStrings is runeSet of r, with whitespace a space in spaced mode.
func (px *prefixer) runeStrings(r rune, fold bool) []string {
	ss := runeSet(r, fold)
	if px.spaced {
		ss = spaceStrings(ss)
	}
	return ss
}

// analyzeNode is analyze of t, its subexpressions read through the
// memo. The results share slices, which are never written.
func (px *prefixer) analyzeNode(t *syntax.Regexp) litInfo {
	switch t.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return exactly("")
	case syntax.OpLiteral:
		if slices.ContainsFunc(t.Rune, func(r rune) bool { return r < 128 && isMarker(byte(r)) }) {
			// the bytes that stand for runs in prefixes
			return anything
		}
		acc := exactly("")
		fold := t.Flags&syntax.FoldCase != 0
		for _, r := range t.Rune {
			acc = concat(acc, exactly(px.runeStrings(r, fold)...))
		}
		return acc
	case syntax.OpCharClass:
		if inClass(t.Rune, 1) || inClass(t.Rune, 2) || inClass(t.Rune, 3) {
			return anything
		}
		var ss []string
		n := 0
		for i := 0; i+1 < len(t.Rune); i += 2 {
			lo, hi := t.Rune[i], t.Rune[i+1]
			n += int(hi-lo) + 1
			if n > 4*maxClassSize {
				return anything
			}
			for r := lo; r <= hi; r++ {
				ss = append(ss, px.runeStrings(r, false)...)
			}
		}
		ss = dedupOwned(ss)
		if len(ss) == 0 || len(ss) > maxClassSize {
			return anything
		}
		return litInfo{exact: ss}
	case syntax.OpCapture:
		return px.analyze(t.Sub[0])
	case syntax.OpConcat:
		return px.concatAll(t.Sub)
	case syntax.OpAlternate:
		subs := make([]litInfo, len(t.Sub))
		for i, s := range t.Sub {
			subs[i] = px.analyze(s)
		}
		return alternate(subs)
	case syntax.OpQuest:
		x := px.analyze(t.Sub[0])
		if x.isExact() {
			return exactly(append(slices.Clip(x.exact), "")...)
		}
		// the strings x matches, or none: not an exact set
		return anything
	case syntax.OpStar:
		if px.spaced && isSpaceRun(px.analyze(t.Sub[0])) {
			return exactly("", " ")
		}
		return anything
	case syntax.OpPlus:
		x := px.analyze(t.Sub[0])
		if px.spaced && isSpaceRun(x) {
			return exactly(" ")
		}
		return litInfo{clauses: x.asClauses()}
	case syntax.OpRepeat:
		x := px.analyze(t.Sub[0])
		if px.spaced && isSpaceRun(x) && t.Min > 0 {
			return exactly(" ")
		}
		if px.spaced && isSpaceRun(x) {
			return exactly("", " ")
		}
		if t.Min == 0 {
			if x.isExact() && t.Max >= 0 {
				return repeatExact(x, 0, t.Max)
			}
			return anything
		}
		if x.isExact() && t.Max >= 0 {
			return repeatExact(x, t.Min, t.Max)
		}
		return litInfo{clauses: x.asClauses()}
	}
	return anything
}

// repeatExact is x{lo,hi} for an exact x.
func repeatExact(x litInfo, lo, hi int) litInfo {
	pow := exactly("") // x{k}
	var all []string
	for k := 0; k <= hi; k++ {
		if k >= lo {
			all = append(all, pow.exact...)
		}
		if len(all) > maxExact {
			break
		}
		if k == hi {
			return exactly(all...)
		}
		pow = concat(pow, x)
		if !pow.isExact() {
			break
		}
	}
	// too many strings: a match holds x{lo}, and x when lo > 0
	if lo == 0 {
		return anything
	}
	pow = exactly("")
	for range lo {
		pow = concat(pow, x)
	}
	return litInfo{clauses: pow.asClauses()}
}

// concatAll is the concatenation of subs. Adjacent exact parts abut in
// every match, also between inexact parts: after the first inexact
// part, each run of exact ones is crossed into one set while it stays
// small, a clause of longer literals than its parts' ("0st" rather
// than "0" and "st").
func (px *prefixer) concatAll(subs []*syntax.Regexp) litInfo {
	acc := exactly("")
	for i, s := range subs {
		x := px.analyze(s)
		if !x.isExact() || len(acc.exact)*len(x.exact) > maxExact {
			parts := []litInfo{x}
			for _, s := range subs[i+1:] {
				parts = append(parts, px.analyze(s))
			}
			return litInfo{clauses: append(slices.Clip(acc.asClauses()), runClauses(parts)...)}
		}
		acc = exactly(cross(acc.exact, x.exact)...)
	}
	return acc
}

// runClauses returns the clauses of the concatenation of parts, each
// run of exact parts crossed into one set (see concatAll).
func runClauses(parts []litInfo) [][]string {
	var clauses [][]string
	run := exactly("")
	for _, x := range parts {
		switch {
		case !x.isExact():
			clauses = append(append(clauses, run.asClauses()...), x.asClauses()...)
			run = exactly("")
		case len(run.exact)*len(x.exact) > maxExact || longEnough(run.exact):
			clauses = append(clauses, run.asClauses()...)
			run = x
		default:
			run = exactly(cross(run.exact, x.exact)...)
		}
	}
	return append(clauses, run.asClauses()...)
}

// runLen is the length from which the strings of a run of exact parts
// (see concatAll) are not lengthened: longer literals filter little
// more, and grow the literal automaton that reads every byte.
const runLen = 4

// longEnough reports whether every string of ss has runLen bytes or more.
func longEnough(ss []string) bool {
	for _, s := range ss {
		if len(s) < runLen {
			return false
		}
	}
	return true
}

func concat(a, b litInfo) litInfo {
	if a.isExact() && b.isExact() && len(a.exact)*len(b.exact) <= maxExact {
		return exactly(cross(a.exact, b.exact)...)
	}
	return litInfo{clauses: append(append([][]string(nil), a.asClauses()...), b.asClauses()...)}
}

func alternate(subs []litInfo) litInfo {
	n := 0
	allExact := true
	for _, s := range subs {
		if !s.isExact() {
			allExact = false
			break
		}
		n += len(s.exact)
	}
	if allExact && n <= maxExact {
		var out []string
		for _, s := range subs {
			out = append(out, s.exact...)
		}
		return exactly(out...)
	}
	// each branch contributes its best clause; a branch with none makes
	// the whole alternation say nothing
	var union []string
	for _, s := range subs {
		best := bestClause(s.asClauses())
		if best == nil {
			return anything
		}
		union = append(union, best...)
	}
	union = dedupOwned(union)
	clauses := [][]string{union}
	for _, c := range distribute(subs) {
		// a branch's long literals that hold another branch's
		// (year-end: "year's end" and "end") leave the short one
		if c = minimizeClause(c); shortStrings(c) && !slices.Equal(c, union) {
			clauses = append(clauses, c)
		}
	}
	return litInfo{clauses: clauses}
}

// maxDistributedLen bounds the strings of the clauses distribute adds:
// long ones grow the literal automaton more than they filter.
const maxDistributedLen = 8

func shortStrings(c []string) bool {
	return !slices.ContainsFunc(c, func(s string) bool { return len(s) > maxDistributedLen })
}

// maxDistributed bounds the clauses distribute makes of an alternation.
const maxDistributed = 4

// distribute returns the clauses of the alternation of subs as the
// conjunction of the unions of one clause of each branch, all the ways
// of choosing them: a match holds the clauses of its branch, so every
// union. It returns nil when a branch has no
// clause, or when there would be more than maxDistributed clauses.
func distribute(subs []litInfo) [][]string {
	out := [][]string{nil}
	for _, s := range subs {
		// the clauses that filter something: a branch's spaces and
		// punctuation would use up the ways of choosing
		cs := minimize(s.asClauses())
		if len(cs) == 0 || len(out)*len(cs) > maxDistributed {
			return nil
		}
		var next [][]string
		for _, u := range out {
			for _, c := range cs {
				next = append(next, append(slices.Clip(u), c...))
			}
		}
		out = next
	}
	for i, u := range out {
		out[i] = dedupOwned(u)
	}
	return out
}

// quality rates how rarely a literal is expected in a window: letters
// count most, digits (all '0' here) less, spaces and punctuation least.
func quality(s string) float64 {
	q := 0.0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 0x80:
			q += 1
		case c == '0':
			q += 0.5
		default:
			q += 0.25
		}
	}
	return q
}

func clauseQuality(c []string) float64 {
	q := -1.0
	for _, s := range c {
		if v := quality(s); q < 0 || v < q {
			q = v
		}
	}
	return q
}

// bestClause returns the most selective clause, or nil.
func bestClause(cs [][]string) []string {
	var best []string
	bq := 0.0
	for _, c := range cs {
		q := clauseQuality(c)
		if best == nil || q > bq || q == bq && len(c) < len(best) {
			best, bq = c, q
		}
	}
	return best
}

// minimize drops the strings of a clause that contain another string of
// the same clause (the shorter one occurs wherever the longer does),
// and clauses that are no use.
func minimize(cs [][]string) [][]string {
	var out [][]string
	for _, c := range cs {
		keep := minimizeClause(c)
		// a clause of single spaces or punctuation marks filters nothing
		if len(keep) == 0 || clauseQuality(keep) < 0.5 {
			continue
		}
		out = append(out, keep)
	}
	return out
}

// minimizeClause returns the strings of c, deduplicated, less those
// that contain another (the shorter one occurs wherever the longer does).
func minimizeClause(c []string) []string {
	c = dedup(c)
	var keep []string
	for _, s := range c {
		redundant := false
		for _, t := range c {
			if t != s && len(t) < len(s) && contains(s, t) {
				redundant = true
				break
			}
		}
		if !redundant {
			keep = append(keep, s)
		}
	}
	return keep
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

func dedup(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return dedupOwned(append([]string(nil), ss...))
}

// dedupOwned is dedup in place: ss sorted and compacted, with dedup's
// answers for nil (empty, not nil) and for an empty slice (nil).
func dedupOwned(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	if len(ss) == 0 {
		return nil
	}
	slices.Sort(ss)
	return slices.Compact(ss)
}

// ruleClausesOf returns the clauses a match of the expression parsed as
// t (syntax.Perl, not modified) must satisfy, in the normalized
// alphabet; nil means none is known (the rule runs on every window its
// Needs allow).
func ruleClausesOf(t *syntax.Regexp) [][]string {
	spaced := clauseLiterals(analyzeSpaced(t).asClauses())
	plain := clauseLiterals(spaceClauses(analyze(t).asClauses()))
	return dropImplied(minimize(append(spaced, plain...)))
}

// matcher is an Aho-Corasick automaton over the literals of all rules,
// as a dense table over byte classes. It reads the text through
// spaceByte with each run of spaces as one (the literals have no two
// spaces in a row): a state reached by a space stays where it is on the
// next ones.
type matcher struct {
	class  [256]uint8 // byte → class; 0 for bytes in no literal
	nclass int
	// delta[state*nclass + class] is next<<1 | 1 when literals end at
	// next, so that most bytes need no look at outStart; in 16 bits
	// (delta16) when the states allow, which halves the table that every
	// byte of every window reads
	delta   []int32
	delta16 []uint16
	// out[outStart[s]:outStart[s+1]] are the literals that end at
	// state s, including through its suffix links
	outStart []int32
	out      []int32
}

func newMatcher(lits []string) *matcher {
	m := &matcher{}
	// byte classes over the raw (not normalized) bytes: a byte's class is
	// that of its normalized form
	var normClass [256]uint8
	next := uint8(1)
	for _, l := range lits {
		for i := 0; i < len(l); i++ {
			if normClass[l[i]] == 0 {
				normClass[l[i]] = next
				next++
			}
		}
	}
	for b := range 256 {
		m.class[b] = normClass[spaceByte(byte(b))]
	}
	m.nclass = int(next)
	nc := m.nclass

	// trie
	type node struct {
		next []int32
		fail int32
		out  []int32
		// bySpace: the node is reached by a space
		bySpace bool
	}
	newNode := func() node {
		n := node{next: make([]int32, nc)}
		for i := range n.next {
			n.next[i] = -1
		}
		return n
	}
	nodes := []node{newNode()}
	for id, l := range lits {
		s := int32(0)
		for i := 0; i < len(l); i++ {
			c := normClass[l[i]]
			if nodes[s].next[c] < 0 {
				nodes = append(nodes, newNode())
				nodes[len(nodes)-1].bySpace = l[i] == ' '
				nodes[s].next[c] = int32(len(nodes) - 1)
			}
			s = nodes[s].next[c]
		}
		nodes[s].out = append(nodes[s].out, int32(id))
	}
	// breadth-first: fail links and full transitions
	queue := []int32{}
	for c := range nc {
		if t := nodes[0].next[c]; t > 0 {
			nodes[t].fail = 0
			queue = append(queue, t)
		} else {
			nodes[0].next[c] = 0
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		f := nodes[s].fail
		nodes[s].out = append(nodes[s].out, nodes[f].out...)
		for c := range nc {
			t := nodes[s].next[c]
			if t < 0 {
				nodes[s].next[c] = nodes[f].next[c]
				continue
			}
			nodes[t].fail = nodes[f].next[c]
			queue = append(queue, t)
		}
	}
	// a run of spaces reads as one: the states a space leads to
	// (nodes reached by a space, or the root when no literal starts
	// with one) ignore the rest of the run. Where literals end, the
	// rest of the run goes to a twin with no literals, which notes no
	// end again.
	if sp := normClass[' ']; sp != 0 {
		for s := range nodes {
			if !nodes[s].bySpace {
				continue
			}
			if len(nodes[s].out) == 0 {
				nodes[s].next[sp] = int32(s)
				continue
			}
			twin := int32(len(nodes))
			nodes = append(nodes, node{next: slices.Clone(nodes[s].next)})
			nodes[twin].next[sp] = twin
			nodes[s].next[sp] = twin
		}
	}
	nodes = outputsLast(nodes, func(n *node) []int32 { return n.next }, func(n *node) bool { return len(n.out) > 0 })
	m.delta = make([]int32, len(nodes)*nc)
	m.outStart = make([]int32, len(nodes)+1)
	for s, n := range nodes {
		m.outStart[s] = int32(len(m.out))
		m.out = append(m.out, dedupIDs(n.out)...)
	}
	for s, n := range nodes {
		for c, t := range n.next {
			v := t << 1
			if len(nodes[t].out) > 0 {
				v |= 1
			}
			m.delta[s*nc+c] = v
		}
	}
	if len(nodes) < 1<<15 {
		m.delta16 = make([]uint16, len(m.delta))
		for i, v := range m.delta {
			m.delta16[i] = uint16(v)
		}
		m.delta = nil
	}
	m.outStart[len(nodes)] = int32(len(m.out))
	return m
}

// outputsLast renumbers the states of an automaton, nodes, so that the
// states where literals end (hasOut) come after all the others, the
// root (state 0) first: a state's number then tells whether literals
// end there (see Engine.litEndMin). next gives a node's transitions,
// which it rewrites.
func outputsLast[N any](nodes []N, next func(*N) []int32, hasOut func(*N) bool) []N {
	order := make([]int32, 0, len(nodes))
	for pass := range 2 {
		for s := range nodes {
			if hasOut(&nodes[s]) == (pass == 1) {
				order = append(order, int32(s))
			}
		}
	}
	num := make([]int32, len(nodes))
	for k, s := range order {
		num[s] = int32(k)
	}
	out := make([]N, len(nodes))
	for k, s := range order {
		out[k] = nodes[s]
		for c, t := range next(&out[k]) {
			next(&out[k])[c] = num[t]
		}
	}
	return out
}

func dedupIDs(ids []int32) []int32 {
	sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
	k := 0
	for i, v := range ids {
		if i == 0 || v != ids[k-1] {
			ids[k] = v
			k++
		}
	}
	return ids[:k]
}
