package temporal

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"unicode"
)

// A start DFA decides, for one rule, whether any match of its expression
// starts at a given position, by reading bytes until the answer is
// known. Nearly all candidate starts fail within a few bytes, and a
// table walk is far cheaper than a call into Go's regexp (whose
// backtracker clears a bitset of program × input size per call, and
// whose NFA serves programs of more than 500 instructions). Where the
// DFA says a match starts, the rule's regexp still runs, for the
// submatches and the leftmost-first choice, on the bytes the DFA proved
// to be enough.
//
// The DFA is built at New by the subset construction over the compiled
// program, eagerly (the Engine is shared, so nothing is filled in
// lazily), and minimized. A state is a set of program counters that
// still have to be expanded plus whether the byte before was an ASCII
// word byte; the empty-width assertions (\b, \B, $, \z) are resolved
// when the next byte, or the end of the text, is seen, which is exactly
// when Go's matchers resolve them. Sets keep every thread, whatever its
// priority: existence of a match does not depend on leftmost-first
// order.
//
// The DFA reads ASCII. All bytes >= 0x80 share one class whose
// transition is known only where no thread can take a non-ASCII rune
// (nor U+FFFD, which a broken sequence reads as) and no match can end
// before one: there every thread dies on it. Elsewhere the walk stops
// with no answer and the caller runs the regexp as before.

// maxDFAStates bounds a DFA; a rule that needs more keeps the regexp
// path. It is a variable so that tests can take that path.
var maxDFAStates = 4096

// dfaAsk is the transition into the unknown: a non-ASCII byte that a
// thread may take. While building, states are numbered and a
// transition is an int32; the tables keep them in uint16 (see pack).
const (
	dfaAsk   = -1
	dfaAsk16 = 0xFFFF
)

// dfa is the start DFA of one expression. A state is named by the
// offset of its row in trans (its number times nclass), which saves a
// multiplication per byte; state 0 is dead.
type dfa struct {
	// class[b] is the column of byte b; the bytes >= 0x80 have the last
	class  [256]uint8
	nclass int
	// trans[s+c] is next<<1 | m, where m says that a match ends right
	// before a byte of class c read in state s, or dfaAsk16; 16 bits
	// keep the tables of all rules small enough for the caches
	trans []uint16
	// final[s/nclass]: a match ends at the end of the text in state s
	final []bool
	// start[1] when the byte before the start is an ASCII word byte
	start [2]uint16
	// skip[k][b], in an unanchored DFA, is the start state (0 or 1) the
	// DFA is in after reading b in start state k, or -1 when b starts a
	// thread: a run of text where nothing starts is read with a table
	// of 512 bytes rather than with trans. The start state after a
	// skipped byte depends on that byte alone (the threads are the
	// initial one, its word bit that of the byte), so the run's loads do
	// not wait on each other: after[b] is that state.
	skip  [2][256]int8
	after [256]uint8
}

// dfaVerdict is the answer of a walk.
type dfaVerdict int

const (
	dfaNo      dfaVerdict = iota // no match starts here
	dfaYes                       // a match starts here, and ends before the bound
	dfaUnknown                   // a non-ASCII byte a thread may take: ask the regexp
)

// dfaRun walks the DFA from p. With dfaYes, end is a bound: no thread of
// the expression started at p survives past s[end-1], so the expression
// finds the same match, with the same submatches and assertions, in
// s[:end] as in s (the assertions at a position up to end-1 read bytes
// before end only; a thread that dies on a non-ASCII byte dies on the
// U+FFFD that the cut sequence reads as). A match found before an
// unknown gives dfaYes with end = len(s).
func dfaRun[T string | []byte](d *dfa, s T, p int, prevWord bool) (v dfaVerdict, end int) {
	st := d.start[0]
	if prevWord {
		st = d.start[1]
	}
	matched := false
	for i := p; i < len(s); i++ {
		t := d.trans[int(st)+int(d.class[s[i]])]
		if t == dfaAsk16 {
			if matched {
				return dfaYes, len(s)
			}
			return dfaUnknown, 0
		}
		matched = matched || t&1 != 0
		st = t >> 1
		if st == 0 {
			if matched {
				return dfaYes, i + 1
			}
			return dfaNo, 0
		}
	}
	if matched || d.final[int(st)/d.nclass] {
		return dfaYes, len(s)
	}
	return dfaNo, 0
}

// dfaScan runs the unanchored DFA from p and returns dfaYes and the end
// of the match that ends first when s[p:] holds a match, dfaNo when it
// holds none, and dfaUnknown when a non-ASCII byte that a thread may
// take comes first.
func dfaScan[T string | []byte](d *dfa, s T, p int, prevWord bool) (v dfaVerdict, end int) {
	k := 0
	if prevWord {
		k = 1
	}
	st := d.start[k]
	for i := p; i < len(s); i++ {
		if st == d.start[0] || st == d.start[1] {
			k = 0
			if st != d.start[0] {
				k = 1
			}
			if i < len(s) && d.skip[k][s[i]] >= 0 {
				i++
				for i < len(s) && d.skip[d.after[s[i-1]]][s[i]] >= 0 {
					i++
				}
				k = int(d.after[s[i-1]])
			}
			st = d.start[k]
			if i == len(s) {
				break
			}
		}
		t := d.trans[int(st)+int(d.class[s[i]])]
		if t == dfaAsk16 {
			return dfaUnknown, 0
		}
		if t&1 != 0 {
			return dfaYes, i
		}
		st = t >> 1
	}
	if d.final[int(st)/d.nclass] {
		return dfaYes, len(s)
	}
	return dfaNo, 0
}

// newDFAs builds the anchored and the unanchored DFA of re, or returns
// nils when re reads the start of the text or of a line (which the two
// start states cannot tell) or a DFA needs more than maxDFAStates
// states. The unanchored DFA starts a new thread at every byte, as a
// search does: it tells whether a match ends anywhere.
func newDFAs(re *regexp.Regexp) (anchored, unanchored *dfa) {
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
	cl := newDFAClasses(prog)
	anchored = newDFABuilder(prog, cl, false).build()
	if anchored == nil {
		return nil, nil
	}
	return anchored, newDFABuilder(prog, cl, true).build()
}

// dfaClasses groups the ASCII bytes that every rune instruction, \b and
// $ treat alike; the bytes >= 0x80 are the last class.
type dfaClasses struct {
	class [256]uint8
	rep   []byte // a byte of each ASCII class
	// takes[c][pc]: rune instruction pc takes the bytes of ASCII class c
	takes [][]bool
	// wide[pc]: rune instruction pc takes a rune >= 0x80 (U+FFFD too)
	wide []bool
}

func newDFAClasses(prog *syntax.Prog) *dfaClasses {
	cl := &dfaClasses{}
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
			sig = append(sig, boolByte(row[pc]))
		}
		sig = append(sig, boolByte(isASCIIWord(byte(c))), boolByte(c == '\n'))
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
		cl.wide[pc] = takesWide(&prog.Inst[pc])
	}
	return cl
}

// takesWide reports whether rune instruction in takes some rune >= 0x80.
func takesWide(in *syntax.Inst) bool {
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

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

type dfaBuilder struct {
	prog       *syntax.Prog
	cl         *dfaClasses
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

func newDFABuilder(prog *syntax.Prog, cl *dfaClasses, unanchored bool) *dfaBuilder {
	return &dfaBuilder{prog: prog, cl: cl, unanchored: unanchored, mark: make([]uint32, len(prog.Inst)),
		index: map[string]int32{}, reads: map[string]bool{}}
}

func (b *dfaBuilder) build() *dfa {
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
	trans, final, starts = minimizeDFA(trans, final, starts, nc)
	return pack(trans, final, starts, cl.class, nc, b.unanchored)
}

// pack stores a DFA with premultiplied states in 16 bits, or returns nil
// when it does not fit.
func pack(trans []int32, final []bool, starts [2]int32, class [256]uint8, nc int, unanchored bool) *dfa {
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
func (b *dfaBuilder) closure(q []uint32, flags syntax.EmptyOp) (runes []uint32, match bool) {
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
func (b *dfaBuilder) readsWord(q []uint32) bool {
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
func (b *dfaBuilder) intern(q []uint32, word bool) int32 {
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
	key = append(key, boolByte(word))
	if id, ok := b.index[string(key)]; ok {
		return id
	}
	id := int32(len(b.states))
	b.index[string(key)] = id
	b.states = append(b.states, slices.Clone(q))
	b.words = append(b.words, word)
	return id
}

// minimizeDFA merges the states that answer alike (Moore's partition
// refinement): states with the same final bit whose transitions on every
// class carry the same match bit to equivalent states. It roughly halves
// the tables, which are read at random. States from which no match can
// follow merge with the dead state, so a walk stops sooner; the bound
// that dfaRun gives stays exact, since the threads it cuts could match
// neither later nor at the end of the bounded text. It runs on state
// numbers, before trans is premultiplied.
func minimizeDFA(trans []int32, final []bool, starts [2]int32, nc int) ([]int32, []bool, [2]int32) {
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
