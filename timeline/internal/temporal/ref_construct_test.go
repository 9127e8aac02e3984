package temporal

// The construction code of New as it was before it was made fast
// (commit 0459c96), renamed with a ref prefix: TestConstructionIdentity
// builds every rule's starter, DFAs, prefix sets and clauses with both
// and requires them to be equal. Do not optimize this file.

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"unicode"
	"unicode/utf8"
)

// refNewDFAs builds the anchored and the unanchored DFA of re, or returns
// nils when re reads the start of the text or of a line (which the two
// start states cannot tell) or a DFA needs more than maxDFAStates
// states. The unanchored DFA starts a new thread at every byte, as a
// search does: it tells whether a match ends anywhere.
func refNewDFAs(re *regexp.Regexp) (anchored, unanchored *dfa) {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil, nil
	}
	// as regexp.Compile does, so the program is the one re runs
	prog, err := syntax.Compile(t.Simplify())
	if err != nil {
		return nil, nil
	}
	for _, in := range prog.Inst {
		if in.Op == syntax.InstEmptyWidth && syntax.EmptyOp(in.Arg)&(syntax.EmptyBeginLine|syntax.EmptyBeginText) != 0 {
			return nil, nil
		}
	}
	cl := refNewDFAClasses(prog)
	anchored = refNewDFABuilder(prog, cl, false).build()
	if anchored == nil {
		return nil, nil
	}
	return anchored, refNewDFABuilder(prog, cl, true).build()
}

// refDfaClasses groups the ASCII bytes that every rune instruction, \b and
// $ treat alike; the bytes >= 0x80 are the last class.
type refDfaClasses struct {
	class [256]uint8
	rep   []byte // a byte of each ASCII class
	// takes[c][pc]: rune instruction pc takes the bytes of ASCII class c
	takes [][]bool
	// wide[pc]: rune instruction pc takes a rune >= 0x80 (U+FFFD too)
	wide []bool
}

func refNewDFAClasses(prog *syntax.Prog) *refDfaClasses {
	cl := &refDfaClasses{}
	var runePCs []int
	for pc, in := range prog.Inst {
		switch in.Op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			runePCs = append(runePCs, pc)
		}
	}
	takes := func(pc int, c byte) bool {
		in := &prog.Inst[pc]
		switch in.Op {
		case syntax.InstRuneAny:
			return true
		case syntax.InstRuneAnyNotNL:
			return c != '\n'
		}
		return in.MatchRune(rune(c))
	}
	seen := map[string]uint8{}
	for c := range 128 {
		row := make([]bool, len(prog.Inst))
		sig := make([]byte, 0, len(runePCs)+2)
		for _, pc := range runePCs {
			row[pc] = takes(pc, byte(c))
			sig = append(sig, refBoolByte(row[pc]))
		}
		sig = append(sig, refBoolByte(isASCIIWord(byte(c))), refBoolByte(c == '\n'))
		k, ok := seen[string(sig)]
		if !ok {
			k = uint8(len(cl.rep))
			seen[string(sig)] = k
			cl.rep = append(cl.rep, byte(c))
			cl.takes = append(cl.takes, row)
		}
		cl.class[c] = k
	}
	for c := 128; c < 256; c++ {
		cl.class[c] = uint8(len(cl.rep))
	}
	cl.wide = make([]bool, len(prog.Inst))
	for _, pc := range runePCs {
		cl.wide[pc] = refTakesWide(&prog.Inst[pc])
	}
	return cl
}

// refTakesWide reports whether rune instruction in takes some rune >= 0x80.
func refTakesWide(in *syntax.Inst) bool {
	switch in.Op {
	case syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
		return true
	}
	for i := 0; i+1 < len(in.Rune); i += 2 {
		if in.Rune[i+1] >= 0x80 {
			return true
		}
	}
	if len(in.Rune) == 1 {
		r := in.Rune[0]
		if r >= 0x80 {
			return true
		}
		if syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
			// s and k fold to ſ and the Kelvin sign
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if f >= 0x80 {
					return true
				}
			}
		}
	}
	return false
}

func refBoolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

type refDfaBuilder struct {
	prog       *syntax.Prog
	cl         *refDfaClasses
	unanchored bool
	// closure scratch
	mark  []uint32
	stamp uint32
	stack []uint32
	// states: the sets of unexpanded pcs and their word bits
	states [][]uint32
	words  []bool
	index  map[string]int32
	// whether a set of pcs reads the word bit, by set
	reads map[string]bool
}

func refNewDFABuilder(prog *syntax.Prog, cl *refDfaClasses, unanchored bool) *refDfaBuilder {
	return &refDfaBuilder{prog: prog, cl: cl, unanchored: unanchored, mark: make([]uint32, len(prog.Inst)),
		index: map[string]int32{}, reads: map[string]bool{}}
}

func (b *refDfaBuilder) build() *dfa {
	cl := b.cl
	nc := len(cl.rep) + 1
	var trans []int32
	var final []bool
	// state 0: dead
	b.intern(nil, false)
	start := []uint32{uint32(b.prog.Start)}
	starts := [2]int32{b.intern(start, false), b.intern(start, true)}
	// the closure of a state depends on the class only through the
	// assertions that hold before the byte: a few per state
	type closed struct {
		flags syntax.EmptyOp
		runes []uint32
		match bool
	}
	var cache []closed
	var next []uint32
	for s := 0; s < len(b.states); s++ {
		if len(b.states) > maxDFAStates {
			return nil
		}
		q, w := b.states[s], b.words[s]
		prev := rune(' ')
		if w {
			prev = 'a'
		}
		cache = cache[:0]
		for c, rep := range cl.rep {
			flags := syntax.EmptyOpContext(prev, rune(rep))
			k := slices.IndexFunc(cache, func(x closed) bool { return x.flags == flags })
			if k < 0 {
				runes, m := b.closure(q, flags)
				cache = append(cache, closed{flags, runes, m})
				k = len(cache) - 1
			}
			next = next[:0]
			for _, pc := range cache[k].runes {
				if cl.takes[c][pc] {
					next = append(next, b.prog.Inst[pc].Out)
				}
			}
			if b.unanchored {
				next = append(next, uint32(b.prog.Start))
			}
			slices.Sort(next)
			next = slices.Compact(next)
			v := b.intern(next, isASCIIWord(rep)) << 1
			if cache[k].match {
				v |= 1
			}
			trans = append(trans, v)
		}
		// a non-ASCII rune: not a word character, not a newline
		v := int32(dfaAsk)
		if runes, m := b.closure(q, syntax.EmptyOpContext(prev, 0x100)); !m && !slices.ContainsFunc(runes, func(pc uint32) bool { return cl.wide[pc] }) {
			// every thread dies on it
			v = 0
			if b.unanchored {
				v = b.intern([]uint32{uint32(b.prog.Start)}, false) << 1
			}
		}
		trans = append(trans, v)
		_, m := b.closure(q, syntax.EmptyOpContext(prev, -1))
		final = append(final, m)
	}
	if len(b.states) > maxDFAStates {
		return nil
	}
	trans, final, starts = refMinimizeDFA(trans, final, starts, nc)
	return refPack(trans, final, starts, cl.class, nc, b.unanchored)
}

// refPack stores a DFA with premultiplied states in 16 bits, or returns nil
// when it does not fit.
func refPack(trans []int32, final []bool, starts [2]int32, class [256]uint8, nc int, unanchored bool) *dfa {
	if len(final)*nc*2 >= dfaAsk16 {
		return nil
	}
	d := &dfa{class: class, nclass: nc, final: final, trans: make([]uint16, len(trans))}
	for i, v := range trans {
		if v == dfaAsk {
			d.trans[i] = dfaAsk16
			continue
		}
		d.trans[i] = uint16(int(v>>1)*nc<<1 | int(v&1))
	}
	d.start = [2]uint16{uint16(int(starts[0]) * nc), uint16(int(starts[1]) * nc)}
	for k, st := range d.start {
		for c := range 256 {
			d.skip[k][c] = -1
			if !unanchored {
				continue
			}
			t := d.trans[int(st)+int(class[c])]
			switch {
			case t == dfaAsk16, t&1 != 0:
			case t>>1 == d.start[0]:
				d.skip[k][c] = 0
			case t>>1 == d.start[1]:
				d.skip[k][c] = 1
			}
			if d.skip[k][c] >= 0 {
				d.after[c] = uint8(d.skip[k][c])
			}
		}
	}
	return d
}

// closure follows the empty transitions from q whose assertions hold in
// flags, and returns the rune instructions reached and whether Match is.
func (b *refDfaBuilder) closure(q []uint32, flags syntax.EmptyOp) (runes []uint32, match bool) {
	b.stamp++
	b.stack = append(b.stack[:0], q...)
	for len(b.stack) > 0 {
		pc := b.stack[len(b.stack)-1]
		b.stack = b.stack[:len(b.stack)-1]
		if b.mark[pc] == b.stamp {
			continue
		}
		b.mark[pc] = b.stamp
		in := &b.prog.Inst[pc]
		switch in.Op {
		case syntax.InstMatch:
			match = true
		case syntax.InstAlt, syntax.InstAltMatch:
			b.stack = append(b.stack, in.Out, in.Arg)
		case syntax.InstNop, syntax.InstCapture:
			b.stack = append(b.stack, in.Out)
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(in.Arg)&^flags == 0 {
				b.stack = append(b.stack, in.Out)
			}
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			runes = append(runes, pc)
		}
	}
	return runes, match
}

// readsWord reports whether the threads at q can meet \b or \B before
// their next byte: only then does the word bit tell states apart.
func (b *refDfaBuilder) readsWord(q []uint32) bool {
	b.stamp++
	b.stack = append(b.stack[:0], q...)
	for len(b.stack) > 0 {
		pc := b.stack[len(b.stack)-1]
		b.stack = b.stack[:len(b.stack)-1]
		if b.mark[pc] == b.stamp {
			continue
		}
		b.mark[pc] = b.stamp
		in := &b.prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			b.stack = append(b.stack, in.Out, in.Arg)
		case syntax.InstNop, syntax.InstCapture:
			b.stack = append(b.stack, in.Out)
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(in.Arg)&(syntax.EmptyWordBoundary|syntax.EmptyNoWordBoundary) != 0 {
				return true
			}
			b.stack = append(b.stack, in.Out)
		}
	}
	return false
}

// intern returns the id of the state of the threads q after a byte that
// is (word) or is not an ASCII word byte, adding it when new. The word
// bit is kept only when q reads it, so that states that differ in it
// alone are one.
func (b *refDfaBuilder) intern(q []uint32, word bool) int32 {
	if len(q) == 0 {
		if len(b.states) == 0 {
			b.states = append(b.states, nil)
			b.words = append(b.words, false)
		}
		return 0
	}
	key := make([]byte, 0, 4*len(q)+1)
	for _, pc := range q {
		key = append(key, byte(pc), byte(pc>>8), byte(pc>>16), byte(pc>>24))
	}
	if word {
		r, ok := b.reads[string(key)]
		if !ok {
			r = b.readsWord(q)
			b.reads[string(key)] = r
		}
		word = r
	}
	key = append(key, refBoolByte(word))
	if id, ok := b.index[string(key)]; ok {
		return id
	}
	id := int32(len(b.states))
	b.index[string(key)] = id
	b.states = append(b.states, slices.Clone(q))
	b.words = append(b.words, word)
	return id
}

// refMinimizeDFA merges the states that answer alike (Moore's partition
// refinement): states with the same final bit whose transitions on every
// class carry the same match bit to equivalent states. It roughly halves
// the tables, which are read at random. States from which no match can
// follow merge with the dead state, so a walk stops sooner; the bound
// that dfaRun gives stays exact, since the threads it cuts could match
// neither later nor at the end of the bounded text. It runs on state
// numbers, before trans is premultiplied.
func refMinimizeDFA(trans []int32, final []bool, starts [2]int32, nc int) ([]int32, []bool, [2]int32) {
	n := len(final)
	cls := make([]int32, n)
	for s := range n {
		if final[s] {
			cls[s] = 1
		}
	}
	// sig is a state's signature: its class, then the class and match
	// bit of each transition
	sig := func(s int, cls []int32, j int) int32 {
		if j == 0 {
			return cls[s]
		}
		t := trans[s*nc+j-1]
		if t == dfaAsk {
			return dfaAsk
		}
		return cls[t>>1]<<1 | t&1
	}
	count := -1
	for {
		// states with equal signatures form the next classes; a hash
		// finds the candidates, a comparison with a member decides
		byHash := map[uint64][]int32{} // hash → classes (by a member)
		var reps []int32
		next := make([]int32, n)
		for s := range n {
			h := uint64(14695981039346656037)
			for j := 0; j <= nc; j++ {
				h = (h ^ uint64(uint32(sig(s, cls, j)))) * 1099511628211
			}
			id := int32(-1)
			for _, c := range byHash[h] {
				r := int(reps[c])
				same := true
				for j := 0; j <= nc && same; j++ {
					same = sig(s, cls, j) == sig(r, cls, j)
				}
				if same {
					id = c
					break
				}
			}
			if id < 0 {
				id = int32(len(reps))
				reps = append(reps, int32(s))
				byHash[h] = append(byHash[h], id)
			}
			next[s] = id
		}
		cls = next
		if len(reps) == count {
			break
		}
		count = len(reps)
	}
	// renumber so that the dead state's class is 0
	rename := make([]int32, count)
	for i := range rename {
		rename[i] = -1
	}
	rename[cls[0]] = 0
	k := int32(1)
	for s := range n {
		if rename[cls[s]] < 0 {
			rename[cls[s]] = k
			k++
		}
	}
	mtrans := make([]int32, count*nc)
	mfinal := make([]bool, count)
	for s := n - 1; s >= 0; s-- {
		c := rename[cls[s]]
		mfinal[c] = final[s]
		for i, t := range trans[s*nc : (s+1)*nc] {
			if t == dfaAsk {
				mtrans[int(c)*nc+i] = dfaAsk
				continue
			}
			mtrans[int(c)*nc+i] = rename[cls[t>>1]]<<1 | t&1
		}
	}
	return mtrans, mfinal, [2]int32{rename[cls[starts[0]]], rename[cls[starts[1]]]}
}

// refMaxExact bounds the sets of exact strings kept while reading a
// regular expression; larger sets turn into clauses.
const refMaxExact = 64

// refMaxClassSize is the largest character class read as a set of
// one-character strings; larger classes ("\w", "[^)]") say nothing.
const refMaxClassSize = 12

// refLitInfo is what is known of the strings an expression matches: the
// exact set of them (normalized) when it is small, and otherwise a
// conjunction of clauses. exact == nil with no clauses says nothing.
type refLitInfo struct {
	exact   []string
	clauses [][]string
}

func (x refLitInfo) isExact() bool { return x.exact != nil }

// asClauses returns the clauses implied by x.
func (x refLitInfo) asClauses() [][]string {
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

var refAnything = refLitInfo{}

func refExactly(ss ...string) refLitInfo { return refLitInfo{exact: refDedup(ss)} }

func refNormString(s string) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = normByte(c)
	}
	return string(b)
}

// refRuneSet returns the normalized encodings of a rune, with its case
// variants when fold is set.
func refRuneSet(r rune, fold bool) []string {
	var out []string
	add := func(r rune) {
		var buf [utf8.UTFMax]byte
		n := utf8.EncodeRune(buf[:], r)
		out = append(out, refNormString(string(buf[:n])))
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
	return refDedup(out)
}

// refAnalyze reads the literals of t.
func refAnalyze(t *syntax.Regexp) refLitInfo {
	switch t.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return refExactly("")
	case syntax.OpLiteral:
		if slices.ContainsFunc(t.Rune, func(r rune) bool { return r < 128 && isMarker(byte(r)) }) {
			// the bytes that stand for runs in refPrefixes
			return refAnything
		}
		acc := refExactly("")
		fold := t.Flags&syntax.FoldCase != 0
		for _, r := range t.Rune {
			acc = refConcat(acc, refExactly(refRuneSet(r, fold)...))
		}
		return acc
	case syntax.OpCharClass:
		if inClass(t.Rune, 1) || inClass(t.Rune, 2) || inClass(t.Rune, 3) {
			return refAnything
		}
		var ss []string
		n := 0
		for i := 0; i+1 < len(t.Rune); i += 2 {
			lo, hi := t.Rune[i], t.Rune[i+1]
			n += int(hi-lo) + 1
			if n > 4*refMaxClassSize {
				return refAnything
			}
			for r := lo; r <= hi; r++ {
				ss = append(ss, refRuneSet(r, false)...)
			}
		}
		ss = refDedup(ss)
		if len(ss) == 0 || len(ss) > refMaxClassSize {
			return refAnything
		}
		return refLitInfo{exact: ss}
	case syntax.OpCapture:
		return refAnalyze(t.Sub[0])
	case syntax.OpConcat:
		acc := refExactly("")
		for _, s := range t.Sub {
			acc = refConcat(acc, refAnalyze(s))
		}
		return acc
	case syntax.OpAlternate:
		subs := make([]refLitInfo, len(t.Sub))
		for i, s := range t.Sub {
			subs[i] = refAnalyze(s)
		}
		return refAlternate(subs)
	case syntax.OpQuest:
		x := refAnalyze(t.Sub[0])
		if x.isExact() {
			return refExactly(append(x.exact, "")...)
		}
		// the strings x matches, or none: not an exact set
		return refAnything
	case syntax.OpStar:
		return refAnything
	case syntax.OpPlus:
		return refLitInfo{clauses: refAnalyze(t.Sub[0]).asClauses()}
	case syntax.OpRepeat:
		x := refAnalyze(t.Sub[0])
		if t.Min == 0 {
			if x.isExact() && t.Max >= 0 {
				return refRepeatExact(x, 0, t.Max)
			}
			return refAnything
		}
		if x.isExact() && t.Max >= 0 {
			return refRepeatExact(x, t.Min, t.Max)
		}
		return refLitInfo{clauses: x.asClauses()}
	}
	return refAnything
}

// refRepeatExact is x{lo,hi} for an exact x.
func refRepeatExact(x refLitInfo, lo, hi int) refLitInfo {
	pow := refExactly("") // x{k}
	var all []string
	for k := 0; k <= hi; k++ {
		if k >= lo {
			all = append(all, pow.exact...)
		}
		if len(all) > refMaxExact {
			break
		}
		if k == hi {
			return refExactly(all...)
		}
		pow = refConcat(pow, x)
		if !pow.isExact() {
			break
		}
	}
	// too many strings: a match holds x{lo}, and x when lo > 0
	if lo == 0 {
		return refAnything
	}
	pow = refExactly("")
	for range lo {
		pow = refConcat(pow, x)
	}
	return refLitInfo{clauses: pow.asClauses()}
}

func refConcat(a, b refLitInfo) refLitInfo {
	if a.isExact() && b.isExact() && len(a.exact)*len(b.exact) <= refMaxExact {
		out := make([]string, 0, len(a.exact)*len(b.exact))
		for _, x := range a.exact {
			for _, y := range b.exact {
				out = append(out, x+y)
			}
		}
		return refExactly(out...)
	}
	return refLitInfo{clauses: append(append([][]string(nil), a.asClauses()...), b.asClauses()...)}
}

func refAlternate(subs []refLitInfo) refLitInfo {
	n := 0
	allExact := true
	for _, s := range subs {
		if !s.isExact() {
			allExact = false
			break
		}
		n += len(s.exact)
	}
	if allExact && n <= refMaxExact {
		var out []string
		for _, s := range subs {
			out = append(out, s.exact...)
		}
		return refExactly(out...)
	}
	// each branch contributes its best clause; a branch with none makes
	// the whole alternation say nothing
	var union []string
	for _, s := range subs {
		best := refBestClause(s.asClauses())
		if best == nil {
			return refAnything
		}
		union = append(union, best...)
	}
	return refLitInfo{clauses: [][]string{refDedup(union)}}
}

// refQuality rates how rarely a literal is expected in a window: letters
// count most, digits (all '0' here) less, spaces and punctuation least.
func refQuality(s string) float64 {
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

func refClauseQuality(c []string) float64 {
	q := -1.0
	for _, s := range c {
		if v := refQuality(s); q < 0 || v < q {
			q = v
		}
	}
	return q
}

// refBestClause returns the most selective clause, or nil.
func refBestClause(cs [][]string) []string {
	var best []string
	bq := 0.0
	for _, c := range cs {
		q := refClauseQuality(c)
		if best == nil || q > bq || q == bq && len(c) < len(best) {
			best, bq = c, q
		}
	}
	return best
}

// refMinimize drops the strings of a clause that contain another string of
// the same clause (the shorter one occurs wherever the longer does),
// and clauses that are no use.
func refMinimize(cs [][]string) [][]string {
	var out [][]string
	for _, c := range cs {
		c = refDedup(c)
		var keep []string
		for _, s := range c {
			redundant := false
			for _, t := range c {
				if t != s && len(t) < len(s) && refContains(s, t) {
					redundant = true
					break
				}
			}
			if !redundant {
				keep = append(keep, s)
			}
		}
		// a clause of single spaces or punctuation marks filters nothing
		if len(keep) == 0 || refClauseQuality(keep) < 0.5 {
			continue
		}
		out = append(out, keep)
	}
	return out
}

func refContains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

func refDedup(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	out := append([]string(nil), ss...)
	sort.Strings(out)
	k := 0
	for i, s := range out {
		if i == 0 || s != out[k-1] {
			out[k] = s
			k++
		}
	}
	return out[:k]
}

// refRuleClauses returns the clauses a match of re must satisfy, in the
// normalized alphabet; nil means none is known (the rule runs on every
// window its Needs allow).
func refRuleClauses(re *regexp.Regexp) [][]string {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	return refMinimize(refAnalyze(t).asClauses())
}

func refNewMatcher(lits []string) *matcher {
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
		m.class[b] = normClass[normByte(byte(b))]
	}
	m.nclass = int(next)
	nc := m.nclass

	// trie
	type node struct {
		next []int32
		fail int32
		out  []int32
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
	m.delta = make([]int32, len(nodes)*nc)
	m.outStart = make([]int32, len(nodes)+1)
	for s, n := range nodes {
		m.outStart[s] = int32(len(m.out))
		m.out = append(m.out, refDedupIDs(n.out)...)
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

func refDedupIDs(ids []int32) []int32 {
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

// refNewStarter returns a starter for re, or nil when re must be searched
// the ordinary way: it can match the empty string, looks at the start
// of the text or of a line, or can start with any character or U+FFFD.
func refNewStarter(re *regexp.Regexp) *starter {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil || refHasBeginAnchor(t) {
		return nil
	}
	st := &starter{re: re}
	if refNullable(t) || !refFirstBytes(t, &st.first) {
		return nil
	}
	wordFirst := true
	for b, ok := range st.first {
		if ok && !isASCIIWord(byte(b)) {
			wordFirst = false
		}
	}
	st.wordStart = wordFirst && refStartsAtBoundary(t)
	if ps := refPrefixes(t); ps.known && len(ps.ss) > 0 {
		st.pre = refNewPrefixTrie(ps.ss)
	}
	src := t.String()
	if st.anch, err = regexp.Compile(`\A(?:` + src + `)`); err != nil {
		return nil
	}
	if !st.wordStart {
		if st.anchW, err = regexp.Compile(`\A[0-9A-Za-z_](?:` + src + `)`); err != nil {
			return nil
		}
	}
	if st.anch.NumSubexp() != re.NumSubexp() {
		return nil
	}
	st.dfa, st.udfa = refNewDFAs(re)
	return st
}

// refIsFoldOfASCII reports whether the ranges hold nothing but ſ (U+017F)
// and the Kelvin sign (U+212A).
func refIsFoldOfASCII(ranges []rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			if r != 0x017F && r != 0x212A {
				return false
			}
		}
	}
	return true
}

func refHasBeginAnchor(t *syntax.Regexp) bool {
	if t.Op == syntax.OpBeginLine || t.Op == syntax.OpBeginText {
		return true
	}
	for _, s := range t.Sub {
		if refHasBeginAnchor(s) {
			return true
		}
	}
	return false
}

// refNullable reports whether t can match the empty string.
func refNullable(t *syntax.Regexp) bool {
	switch t.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary,
		syntax.OpQuest, syntax.OpStar:
		return true
	case syntax.OpLiteral:
		return len(t.Rune) == 0
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL, syntax.OpNoMatch:
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return refNullable(t.Sub[0])
	case syntax.OpRepeat:
		return t.Min == 0 || refNullable(t.Sub[0])
	case syntax.OpConcat:
		for _, s := range t.Sub {
			if !refNullable(s) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, s := range t.Sub {
			if refNullable(s) {
				return true
			}
		}
		return false
	}
	return true
}

// refFirstBytes adds to set the bytes a non-empty match of t can start
// with (ASCII or UTF-8 lead bytes), and reports false when that is not
// known (any character, U+FFFD).
func refFirstBytes(t *syntax.Regexp, set *[256]bool) bool {
	addRune := func(r rune) bool {
		// a rune's first byte: ASCII or a lead byte, which Go's decoding
		// never takes as the middle of a rune, so a candidate start is
		// always a rune boundary. U+FFFD also stands for any invalid
		// byte, continuation bytes included: no starter then.
		if r == utf8.RuneError || r > unicode.MaxRune || r >= 0xD800 && r <= 0xDFFF {
			return false
		}
		var buf [utf8.UTFMax]byte
		utf8.EncodeRune(buf[:], r)
		set[buf[0]] = true
		return true
	}
	switch t.Op {
	case syntax.OpLiteral:
		if len(t.Rune) == 0 {
			return true
		}
		r := t.Rune[0]
		if !addRune(r) {
			return false
		}
		if t.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if r < utf8.RuneSelf && f >= utf8.RuneSelf {
					// ſ and the Kelvin sign: starters never run on
					// text that holds them
					continue
				}
				if !addRune(f) {
					return false
				}
			}
		}
		return true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(t.Rune); i += 2 {
			lo, hi := t.Rune[i], t.Rune[i+1]
			if lo >= utf8.RuneSelf && i > 0 && refIsFoldOfASCII(t.Rune[i:]) {
				// only ſ and the Kelvin sign beyond ASCII, which a
				// case-folded class of ASCII letters holds: starters
				// never run on text that holds them
				break
			}
			for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
				set[r] = true
			}
			if lo <= utf8.RuneError && utf8.RuneError <= hi {
				return false
			}
			if hi >= utf8.RuneSelf {
				// the lead bytes of the non-ASCII runes, in order (a
				// superset when the range spans the surrogates)
				lo, hi := max(lo, utf8.RuneSelf), min(hi, unicode.MaxRune)
				if lo >= 0xD800 && lo <= 0xDFFF {
					lo = 0xE000
				}
				if hi >= 0xD800 && hi <= 0xDFFF {
					hi = 0xD7FF
				}
				var a, b [utf8.UTFMax]byte
				utf8.EncodeRune(a[:], lo)
				utf8.EncodeRune(b[:], hi)
				for c := int(a[0]); c <= int(b[0]); c++ {
					set[c] = true
				}
			}
		}
		return true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpNoMatch:
		return true
	case syntax.OpCapture, syntax.OpQuest, syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		return refFirstBytes(t.Sub[0], set)
	case syntax.OpConcat:
		for _, s := range t.Sub {
			if !refFirstBytes(s, set) {
				return false
			}
			if !refNullable(s) {
				break
			}
		}
		return true
	case syntax.OpAlternate:
		for _, s := range t.Sub {
			if !refFirstBytes(s, set) {
				return false
			}
		}
		return true
	}
	// any character
	return false
}

// refStartsAtBoundary reports whether every non-empty match of t starts
// with a \b assertion at its start position.
func refStartsAtBoundary(t *syntax.Regexp) bool {
	switch t.Op {
	case syntax.OpWordBoundary:
		return true
	case syntax.OpCapture, syntax.OpQuest, syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		return refStartsAtBoundary(t.Sub[0])
	case syntax.OpConcat:
		for _, s := range t.Sub {
			if refStartsAtBoundary(s) {
				if !refNullable(s) || s.Op == syntax.OpWordBoundary {
					return true
				}
				// an optional part that starts with \b: when it is
				// empty, the rest must too
				continue
			}
			if refIsAssertion(s) {
				continue
			}
			return false
		}
		return false
	case syntax.OpAlternate:
		for _, s := range t.Sub {
			if !refStartsAtBoundary(s) {
				return false
			}
		}
		return len(t.Sub) > 0
	}
	return false
}

func refIsAssertion(t *syntax.Regexp) bool {
	switch t.Op {
	case syntax.OpEmptyMatch, syntax.OpEndLine, syntax.OpEndText, syntax.OpNoWordBoundary:
		return true
	}
	return false
}

// refMaxPrefixes bounds the prefix sets read from an expression.
const refMaxPrefixes = 256

// refPrefixSet is a set of strings (normalized as the prefilter's literals)
// one of which starts every non-empty match; known false says nothing.
type refPrefixSet struct {
	ss    []string
	known bool
}

var refUnknownPrefix = refPrefixSet{}

func refKnownPrefixes(ss ...string) refPrefixSet { return refPrefixSet{ss: refDedup(ss), known: true} }

// refPrefixes returns the prefix set of the non-empty matches of t.
func refPrefixes(t *syntax.Regexp) refPrefixSet {
	px := &refPrefixer{memo: map[*syntax.Regexp]refLitInfo{}}
	return px.prefixes(t, 0)
}

// refPrefixer memoizes refAnalyze over the nodes of one expression.
type refPrefixer struct {
	memo map[*syntax.Regexp]refLitInfo
}

func (px *refPrefixer) analyze(t *syntax.Regexp) refLitInfo {
	if x, ok := px.memo[t]; ok {
		return x
	}
	x := refAnalyze(t)
	px.memo[t] = x
	return x
}

// refUnwrapAlternate returns the alternation t is, inside captures, or nil.
func refUnwrapAlternate(t *syntax.Regexp) *syntax.Regexp {
	for t.Op == syntax.OpCapture {
		t = t.Sub[0]
	}
	if t.Op == syntax.OpAlternate {
		return t
	}
	return nil
}

func (px *refPrefixer) prefixes(t *syntax.Regexp, depth int) refPrefixSet {
	switch t.Op {
	case syntax.OpLiteral, syntax.OpCharClass:
		x := px.analyze(t)
		if !x.isExact() {
			return refUnknownPrefix
		}
		return refKnownPrefixes(refNonEmpty(x.exact)...)
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpNoMatch:
		return refKnownPrefixes()
	case syntax.OpCapture, syntax.OpQuest, syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		if m := refRunMarker(t); m != 0 {
			return refKnownPrefixes(string(rune(m)))
		}
		// the first non-empty repetition starts the match
		return px.prefixes(t.Sub[0], depth)
	case syntax.OpAlternate:
		var all []string
		for _, s := range t.Sub {
			p := px.prefixes(s, depth)
			if !p.known {
				return refUnknownPrefix
			}
			all = append(all, p.ss...)
		}
		return refCapPrefixes(all)
	case syntax.OpConcat:
		var result []string
		acc := []string{""} // exact strings matched so far
		subs := refFlatten(t.Sub)
		for i, s := range subs {
			if m := refRunMarker(s); m != 0 {
				// \s+, \d+: the run, whatever its length
				acc = refCross(acc, []string{string(rune(m))})
				continue
			}
			if x := px.analyze(s); x.isExact() && len(acc)*len(x.exact) <= refMaxPrefixes {
				acc = refCross(acc, x.exact)
				continue
			}
			if alt := refUnwrapAlternate(s); alt != nil && i+1 < len(subs) && depth < 3 {
				// (a|bc)d… starts as ad… or bcd…: read each branch
				// followed by the rest
				var all []string
				for _, b := range alt.Sub {
					rest := &syntax.Regexp{Op: syntax.OpConcat, Sub: append([]*syntax.Regexp{b}, subs[i+1:]...)}
					p := px.prefixes(rest, depth+1)
					if !p.known {
						return refCapPrefixes(append(result, acc...))
					}
					all = append(all, p.ss...)
				}
				if len(acc)*len(all) > 4*refMaxPrefixes {
					// too many: shorten the branches' refPrefixes first
					c := refCapPrefixes(all)
					if !c.known || len(acc)*len(c.ss) > 4*refMaxPrefixes {
						return refCapPrefixes(append(result, acc...))
					}
					all = c.ss
				}
				return refCapPrefixes(append(result, refCross(acc, all)...))
			}
			p := px.prefixes(s, depth)
			if !p.known {
				// the match starts with what came before
				return refCapPrefixes(append(result, acc...))
			}
			result = append(result, refCross(acc, p.ss)...)
			if !refNullable(s) {
				return refCapPrefixes(result)
			}
			if len(result) > 4*refMaxPrefixes {
				c := refCapPrefixes(result)
				if !c.known {
					return refUnknownPrefix
				}
				result = c.ss
			}
		}
		return refCapPrefixes(append(result, acc...))
	}
	return refUnknownPrefix
}

func refNonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func refCross(a, b []string) []string {
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

// refCapPrefixes dedups ss, drops the strings that extend another one, and
// shortens them when there are too many. A set holding "" says nothing.
func refCapPrefixes(ss []string) refPrefixSet {
	ss = append([]string(nil), ss...)
	for i, x := range ss {
		// a run is taken whole, so what follows it in a prefix must not
		// be of its class
		for j := 0; j+1 < len(x); j++ {
			if m := x[j]; isMarker(m) && (runClass[m][x[j+1]] || isMarker(x[j+1]) && overlap(m, x[j+1])) {
				ss[i] = x[:j+1]
				break
			}
		}
	}
	ss = refDedup(ss)
	for n := 8; len(ss) > refMaxPrefixes && n > 0; n /= 2 {
		for i, s := range ss {
			if len(s) > n {
				ss[i] = s[:n]
			}
		}
		ss = refDedup(ss)
	}
	if len(ss) > refMaxPrefixes {
		return refUnknownPrefix
	}
	out := ss[:0]
	for _, s := range ss {
		if s == "" {
			return refUnknownPrefix
		}
		// sorted: a prefix of s sorts before it
		if len(out) > 0 && len(out[len(out)-1]) <= len(s) && s[:len(out[len(out)-1])] == out[len(out)-1] {
			continue
		}
		out = append(out, s)
	}
	return refPrefixSet{ss: out, known: true}
}

func refNewPrefixTrie(ss []string) *prefixTrie {
	type node struct {
		kids  map[byte]int
		final bool
	}
	nodes := []node{{kids: map[byte]int{}}}
	for _, s := range ss {
		n := 0
		for i := 0; i < len(s); i++ {
			k, ok := nodes[n].kids[s[i]]
			if !ok {
				nodes = append(nodes, node{kids: map[byte]int{}})
				k = len(nodes) - 1
				nodes[n].kids[s[i]] = k
			}
			n = k
		}
		nodes[n].final = true
	}
	t := &prefixTrie{start: make([]int32, len(nodes)+1), final: make([]bool, len(nodes))}
	for i, n := range nodes {
		t.start[i] = int32(len(t.kids))
		t.final[i] = n.final
		first := len(t.kids)
		for b, k := range n.kids {
			t.kids = append(t.kids, trieEdge{b, int32(k)})
		}
		es := t.kids[first:]
		sort.Slice(es, func(a, b int) bool { return es[a].b < es[b].b })
	}
	t.start[len(nodes)] = int32(len(t.kids))
	return t
}

// refRunMarker returns the marker of t when t is a run (x+ or x{n,}, n >=
// 1) of one of the marked classes, or 0.
func refRunMarker(t *syntax.Regexp) byte {
	if !(t.Op == syntax.OpPlus || t.Op == syntax.OpRepeat && t.Min >= 1 && t.Max == -1) {
		return 0
	}
	c := t.Sub[0]
	if c.Op != syntax.OpCharClass {
		return 0
	}
	for i := 0; i+1 < len(c.Rune); i += 2 {
		if c.Rune[i+1] >= 128 {
			return 0
		}
	}
	var set [256]bool
	for b := range 128 {
		set[b] = inClass(c.Rune, rune(b))
	}
	var digits [256]bool
	for b := '0'; b <= '9'; b++ {
		digits[b] = true
	}
	switch set {
	case runClass[1]:
		return 1
	case digits:
		return 2
	case runClass[3]:
		return 3
	}
	return 0
}

// refFlatten splices nested concatenations (inside captures too) into one
// list: the refPrefixes read the same.
func refFlatten(subs []*syntax.Regexp) []*syntax.Regexp {
	var out []*syntax.Regexp
	for _, s := range subs {
		u := s
		for u.Op == syntax.OpCapture {
			u = u.Sub[0]
		}
		if u.Op == syntax.OpConcat {
			out = append(out, refFlatten(u.Sub)...)
			continue
		}
		out = append(out, s)
	}
	return out
}
