package temporal

import (
	"math/bits"
	"regexp"
	"regexp/syntax"
	"slices"
	"sync"
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
	trans, class := d.trans, &d.class
	st := d.start[0]
	if prevWord {
		st = d.start[1]
	}
	matched := false
	for i := p; i < len(s); i++ {
		t := trans[int(st)+int(class[s[i]])]
		if t&1 != 0 {
			if t == dfaAsk16 {
				if matched {
					return dfaYes, len(s)
				}
				return dfaUnknown, 0
			}
			matched = true
		}
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

// dfaLives reports whether the anchored DFA d survives its first byte
// c, which dfaRun would read first: most candidates end there, and the
// start states' rows are the ones most read.
func dfaLives(d *dfa, c byte, prevWord bool) bool {
	st := d.start[0]
	if prevWord {
		st = d.start[1]
	}
	return d.trans[int(st)+int(d.class[c])] != 0
}

// dfaScan runs the unanchored DFA from p and returns dfaYes and the end
// of the match that ends first when s[p:] holds a match, dfaNo when it
// holds none, and dfaUnknown when a non-ASCII byte that a thread may
// take comes first.
//
// At a start state at or after stop, it answers dfaNo: there, the live
// threads have the future of threads started there, so a match yet to
// end would start at stop or later, where the caller knows none does.
// (A stop below len(s) is for ASCII text, which the DFA reads exactly;
// its minimized states could differ on the runes past a non-ASCII byte.)
func dfaScan[T string | []byte](d *dfa, s T, p int, prevWord bool, stop int) (v dfaVerdict, end int) {
	trans, class, skip, after := d.trans, &d.class, &d.skip, &d.after
	s0, s1 := d.start[0], d.start[1]
	st := s0
	if prevWord {
		st = s1
	}
	i, n := p, min(len(s), stop)
	for i < len(s) {
		if st == s0 || st == s1 {
			// at a start state: the bytes where nothing starts are
			// read with skip, the state after each from the byte
			// alone (after)
			k := 0
			if st != s0 {
				k = 1
			}
			for i < n {
				c := s[i]
				if skip[k&1][c] < 0 {
					break
				}
				k = int(after[c])
				i++
			}
			st = d.start[k&1]
			if i == len(s) {
				break
			}
			if i >= stop {
				return dfaNo, 0
			}
		}
		t := trans[int(st)+int(class[s[i]])]
		if t&1 != 0 {
			if t == dfaAsk16 {
				return dfaUnknown, 0
			}
			return dfaYes, i
		}
		st = t >> 1
		i++
	}
	if d.final[int(st)/d.nclass] {
		return dfaYes, len(s)
	}
	return dfaNo, 0
}

// dfaScanWS is dfaScan for a DFA whose starts are word starts (see
// starter.wordStarts), given the positions ws of s where a thread can
// start and the index j of the first one after p: at a start state, it
// goes to the next position of ws where the byte starts a thread rather
// than reading the bytes in between. It stops as dfaScan does.
func dfaScanWS[T string | []byte](d *dfa, s T, p int, prevWord bool, ws []int32, j, stop int) (v dfaVerdict, end int) {
	trans, class, skip := d.trans, &d.class, &d.skip
	s0, s1 := d.start[0], d.start[1]
	st := s0
	if prevWord {
		st = s1
	}
	i := p
	for i < len(s) {
		if i > p && (st == s0 || st == s1) {
			// the next position where a thread starts
			for j < len(ws) && int(ws[j]) < i {
				j++
			}
			q := -1
			k := 0
			for ; j < len(ws); j++ {
				q = int(ws[j])
				k = int(boolByte(isASCIIWord(s[q-1])))
				if skip[k][s[q]] < 0 {
					break
				}
			}
			if j == len(ws) {
				// none: the rest is read in start states
				st = d.start[boolByte(isASCIIWord(s[len(s)-1]))]
				break
			}
			if q >= stop {
				return dfaNo, 0
			}
			i, st = q, d.start[k]
			j++
		}
		t := trans[int(st)+int(class[s[i]])]
		if t&1 != 0 {
			if t == dfaAsk16 {
				return dfaUnknown, 0
			}
			return dfaYes, i
		}
		st = t >> 1
		i++
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
	return newDFAsOf(t)
}

// newDFAsOf is newDFAs over the parsed expression (syntax.Perl), which
// it does not modify.
func newDFAsOf(t *syntax.Regexp) (anchored, unanchored *dfa) {
	// as regexp.Compile does, so the program is the one re runs
	prog, err := syntax.Compile(t.Simplify())
	if err != nil {
		return nil, nil
	}
	return newDFAsOfProg(prog)
}

// newDFAsOfProg is newDFAs over the compiled program, which it does not
// modify.
func newDFAsOfProg(prog *syntax.Prog) (anchored, unanchored *dfa) {
	for _, in := range prog.Inst {
		if in.Op == syntax.InstEmptyWidth && syntax.EmptyOp(in.Arg)&(syntax.EmptyBeginLine|syntax.EmptyBeginText) != 0 {
			return nil, nil
		}
	}
	b := builders.Get().(*dfaBuilder)
	defer builders.Put(b)
	b.classes.fill(prog)
	b.init(prog, &b.classes, false)
	anchored = b.build()
	if anchored == nil {
		return nil, nil
	}
	b.reset(true)
	return anchored, b.build()
}

// builders keeps the buffers of the subset construction from one
// expression to the next: they are scratch, so which builder serves
// which expression does not change what is built.
var builders = sync.Pool{New: func() any { return new(dfaBuilder) }}

// dfaClasses groups the ASCII bytes that every rune instruction, \b and
// $ treat alike; the bytes >= 0x80 are the last class.
type dfaClasses struct {
	class [256]uint8
	rep   []byte // a byte of each ASCII class
	// takes[c][pc]: rune instruction pc takes the bytes of ASCII class c
	takes [][]bool
	// wide[pc]: rune instruction pc takes a rune >= 0x80 (U+FFFD too)
	wide []bool
	// mask[pc], when there are at most 64 ASCII classes, has bit c
	// when takes[c][pc]
	mask []uint64
	// fill's buffers
	runePCs []int
	maskBuf []uint64
	sigs    []byte
	rows    []bool
	seen    map[string]uint8
}

// fill computes the classes of prog into cl, reusing its buffers.
func (cl *dfaClasses) fill(prog *syntax.Prog) {
	runePCs := cl.runePCs[:0]
	for pc, in := range prog.Inst {
		switch in.Op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			runePCs = append(runePCs, pc)
		}
	}
	cl.runePCs = runePCs
	// sigs[c] is the signature of byte c: what each rune instruction,
	//  and $ make of it
	w := len(runePCs) + 2
	sigs := grow(cl.sigs, 128*w)
	cl.sigs = sigs
	clear(sigs)
	for i, pc := range runePCs {
		asciiTakes(&prog.Inst[pc], func(c byte) { sigs[int(c)*w+i] = 1 })
	}
	if cl.seen == nil {
		cl.seen = make(map[string]uint8, 64)
	} else {
		clear(cl.seen)
	}
	cl.rep = cl.rep[:0]
	for c := range 128 {
		sig := sigs[c*w : (c+1)*w]
		sig[w-2], sig[w-1] = boolByte(isASCIIWord(byte(c))), boolByte(c == '\n')
		k, ok := cl.seen[string(sig)]
		if !ok {
			k = uint8(len(cl.rep))
			cl.seen[string(sig)] = k
			cl.rep = append(cl.rep, byte(c))
		}
		cl.class[c] = k
	}
	n := len(prog.Inst)
	cl.rows = grow(cl.rows, len(cl.rep)*n)
	clear(cl.rows)
	cl.takes = grow(cl.takes, len(cl.rep))
	for k, c := range cl.rep {
		row := cl.rows[k*n : (k+1)*n]
		sig := sigs[int(c)*w:]
		for i, pc := range runePCs {
			row[pc] = sig[i] != 0
		}
		cl.takes[k] = row
	}
	cl.mask = nil
	if len(cl.rep) <= 64 {
		cl.mask = grow(cl.maskBuf, n)
		cl.maskBuf = cl.mask
		clear(cl.mask)
		for k, row := range cl.takes {
			for _, pc := range runePCs {
				if row[pc] {
					cl.mask[pc] |= 1 << k
				}
			}
		}
	}
	for c := 128; c < 256; c++ {
		cl.class[c] = uint8(len(cl.rep))
	}
	cl.wide = grow(cl.wide, n)
	clear(cl.wide)
	for _, pc := range runePCs {
		cl.wide[pc] = takesWide(&prog.Inst[pc])
	}
}

// asciiTakes calls f with each ASCII byte that rune instruction in
// takes, as in.MatchRune decides.
func asciiTakes(in *syntax.Inst, f func(c byte)) {
	switch in.Op {
	case syntax.InstRuneAny:
		for c := range 128 {
			f(byte(c))
		}
		return
	case syntax.InstRuneAnyNotNL:
		for c := range 128 {
			if c != '\n' {
				f(byte(c))
			}
		}
		return
	}
	r := in.Rune
	sorted := len(r)%2 == 0
	for i := 2; sorted && i < len(r); i += 2 {
		sorted = r[i-1] < r[i]
	}
	switch {
	case len(r) == 1:
		// a literal: its rune, and with FoldCase its case variants
		if r[0] < 128 {
			f(byte(r[0]))
		}
		if syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
			for f1 := unicode.SimpleFold(r[0]); f1 != r[0]; f1 = unicode.SimpleFold(f1) {
				if f1 < 128 {
					f(byte(f1))
				}
			}
		}
	case sorted:
		for i := 0; i < len(r); i += 2 {
			for c := r[i]; c <= r[i+1] && c < 128; c++ {
				f(byte(c))
			}
		}
	default:
		for c := range 128 {
			if in.MatchRune(rune(c)) {
				f(byte(c))
			}
		}
	}
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

// dfaBuilder runs the subset construction. Its buffers serve both DFAs
// of an expression (see reset).
type dfaBuilder struct {
	prog       *syntax.Prog
	cl         *dfaClasses
	unanchored bool
	// closure scratch
	mark  []uint32
	stamp uint32
	stack []uint32
	// the closures of single pcs: memo[k*len(prog.Inst)+pc] is the
	// entry of pc under flagSet[k], or -1; entry e has the runes
	// memoRunes[memoOff[e]:memoOff[e+1]] and reaches Match when
	// memoMatch[e]
	flagSet   []syntax.EmptyOp
	memo      []int32
	memoRunes []uint32
	memoOff   []int32
	memoMatch []bool
	memoWide  []bool
	mark2     []uint32
	stamp2    uint32
	// readsPC[pc]: the threads at pc can meet \b or \B before their
	// next byte (1), cannot (0), not yet known (-1)
	readsPC []int8
	// states: state i is the set of unexpanded pcs
	// pcs[off[i]:off[i+1]] (sorted) and its word bit
	pcs   []uint32
	off   []int32
	words []bool
	hash  []uint64
	// table is an open-addressing index of the states by hash: state
	// id + 1, or 0 for a free slot
	table []int32
	// construction scratch
	runes []uint32
	next  []uint32
	last  []uint32
	// by class: the closure it reads, and the threads it takes
	kOf     []int8
	buckets [][]uint32
	trans   []int32
	final   []bool
	min     minimizer
	// the classes of prog, when the builder owns them
	classes dfaClasses
}

// init readies b for the DFAs of prog.
func (b *dfaBuilder) init(prog *syntax.Prog, cl *dfaClasses, unanchored bool) {
	b.prog, b.cl = prog, cl
	b.mark = grow(b.mark, len(prog.Inst))
	clear(b.mark)
	b.stamp = 0
	b.mark2 = grow(b.mark2, len(prog.Inst))
	clear(b.mark2)
	b.stamp2 = 0
	b.flagSet = b.flagSet[:0]
	b.memo = b.memo[:0]
	b.memoRunes = b.memoRunes[:0]
	b.memoOff = append(b.memoOff[:0], 0)
	b.memoMatch = b.memoMatch[:0]
	b.memoWide = b.memoWide[:0]
	b.readsPC = grow(b.readsPC, len(prog.Inst))
	for i := range b.readsPC {
		b.readsPC[i] = -1
	}
	b.reset(unanchored)
}

// reset empties the state index for a build of the (un)anchored DFA.
func (b *dfaBuilder) reset(unanchored bool) {
	b.unanchored = unanchored
	b.pcs = b.pcs[:0]
	b.off = append(b.off[:0], 0)
	b.words = b.words[:0]
	b.hash = b.hash[:0]
	if b.table == nil {
		b.table = make([]int32, 256)
	} else {
		clear(b.table)
	}
}

// state returns the pcs of state s.
func (b *dfaBuilder) state(s int) []uint32 { return b.pcs[b.off[s]:b.off[s+1]] }

func (b *dfaBuilder) build() *dfa {
	cl := b.cl
	nc := len(cl.rep) + 1
	trans := b.trans[:0]
	final := b.final[:0]
	// state 0: dead
	b.intern(nil, false)
	start := []uint32{uint32(b.prog.Start)}
	starts := [2]int32{b.intern(start, false), b.intern(start, true)}
	// the closure of a state depends on the class only through the
	// assertions that hold before the byte: a few per state. The rune
	// instructions of closure k are runes[lo:hi].
	type closed struct {
		flags  syntax.EmptyOp
		lo, hi int32
		match  bool
	}
	var cacheBuf [8]closed
	cache := cacheBuf[:0]
	closure := func(q []uint32, flags syntax.EmptyOp) int {
		for k := range cache {
			if cache[k].flags == flags {
				return k
			}
		}
		lo := len(b.runes)
		m := b.closure(q, flags)
		cache = append(cache, closed{flags, int32(lo), int32(len(b.runes)), m})
		return len(cache) - 1
	}
	// the assertions that hold before a byte of each class, after a
	// non-word (0) or a word byte (1)
	var flagsOf [2][]syntax.EmptyOp
	for w, prev := range [2]rune{' ', 'a'} {
		flagsOf[w] = make([]syntax.EmptyOp, len(cl.rep))
		for c, rep := range cl.rep {
			flagsOf[w][c] = syntax.EmptyOpContext(prev, rune(rep))
		}
	}
	for s := 0; s < len(b.words); s++ {
		if len(b.words) > maxDFAStates {
			return nil
		}
		q, w := b.state(s), b.words[s]
		prev := rune(' ')
		if w {
			prev = 'a'
		}
		cache = cache[:0]
		b.runes = b.runes[:0]
		fl := flagsOf[0]
		if w {
			fl = flagsOf[1]
		}
		// the last set interned, which the next class often reaches too
		lastK, lastWord, lastID := -1, false, int32(0)
		masks := cl.mask != nil
		if masks {
			// the threads each class takes, by rune instruction rather
			// than by class: most instructions take a class or two
			b.kOf = grow(b.kOf, len(cl.rep))
			b.buckets = grow(b.buckets, len(cl.rep))
			for c := range cl.rep {
				b.kOf[c] = int8(closure(q, fl[c]))
				b.buckets[c] = b.buckets[c][:0]
			}
			for k := range cache {
				for _, pc := range b.runes[cache[k].lo:cache[k].hi] {
					out := b.prog.Inst[pc].Out
					for m := cl.mask[pc]; m != 0; m &= m - 1 {
						c := bits.TrailingZeros64(m)
						if int(b.kOf[c]) == k {
							b.buckets[c] = append(b.buckets[c], out)
						}
					}
				}
			}
		}
		next := b.next
		for c, rep := range cl.rep {
			var k int
			if masks {
				k = int(b.kOf[c])
				if len(b.buckets[c]) == 0 {
					// no thread takes the byte: the dead state, or
					// the start state of the byte's word bit, which
					// intern gives (already interned, as starts)
					v := int32(0)
					if b.unanchored {
						v = starts[boolByte(isASCIIWord(rep))] << 1
					}
					if cache[k].match {
						v |= 1
					}
					trans = append(trans, v)
					continue
				}
				next = append(next[:0], b.buckets[c]...)
			} else {
				k = closure(q, fl[c])
				takes := cl.takes[c]
				next = next[:0]
				for _, pc := range b.runes[cache[k].lo:cache[k].hi] {
					if takes[pc] {
						next = append(next, b.prog.Inst[pc].Out)
					}
				}
			}
			if b.unanchored {
				next = append(next, uint32(b.prog.Start))
			}
			if len(next) > 1 {
				slices.Sort(next)
				next = slices.Compact(next)
			}
			word := isASCIIWord(rep)
			var id int32
			if lastK >= 0 && lastWord == word && slices.Equal(next, b.last) {
				id = lastID
			} else {
				id = b.intern(next, word)
				lastK, lastWord, lastID = 0, word, id
				b.last = append(b.last[:0], next...)
			}
			v := id << 1
			if cache[k].match {
				v |= 1
			}
			trans = append(trans, v)
		}
		b.next = next
		// a non-ASCII rune: not a word character, not a newline
		v := int32(dfaAsk)
		if m, wide := b.matchWide(q, syntax.EmptyOpContext(prev, 0x100)); !m && !wide {
			// every thread dies on it
			v = 0
			if b.unanchored {
				v = b.intern(start, false) << 1
			}
		}
		trans = append(trans, v)
		m, _ := b.matchWide(q, syntax.EmptyOpContext(prev, -1))
		final = append(final, m)
	}
	b.trans, b.final = trans, final
	if len(b.words) > maxDFAStates {
		return nil
	}
	mtrans, mfinal, mstarts := b.min.minimize(trans, final, starts, nc)
	return pack(mtrans, mfinal, mstarts, cl.class, nc, b.unanchored)
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
// flags, appends the rune instructions reached to b.runes, and reports
// whether Match is reached. It is the union of the closures of q's pcs,
// which are memoized by pc and flags.
func (b *dfaBuilder) closure(q []uint32, flags syntax.EmptyOp) (match bool) {
	memo := b.memoOf(flags)
	b.stamp++
	for _, pc := range q {
		e := memo[pc]
		if e < 0 {
			e = b.closePC(pc, flags)
			memo[pc] = e
		}
		lo, hi := b.memoOff[e], b.memoOff[e+1]
		match = match || b.memoMatch[e]
		for _, r := range b.memoRunes[lo:hi] {
			if b.mark[r] != b.stamp {
				b.mark[r] = b.stamp
				b.runes = append(b.runes, r)
			}
		}
	}
	return match
}

// matchWide reports whether the closure of q under flags reaches Match,
// and whether it holds a rune instruction that takes a rune >= 0x80.
func (b *dfaBuilder) matchWide(q []uint32, flags syntax.EmptyOp) (match, wide bool) {
	memo := b.memoOf(flags)
	for _, pc := range q {
		e := memo[pc]
		if e < 0 {
			e = b.closePC(pc, flags)
			memo[pc] = e
		}
		match = match || b.memoMatch[e]
		wide = wide || b.memoWide[e]
	}
	return match, wide
}

// memoOf returns the memo of the closures under flags, by pc.
func (b *dfaBuilder) memoOf(flags syntax.EmptyOp) []int32 {
	fi := -1
	for k, f := range b.flagSet {
		if f == flags {
			fi = k
			break
		}
	}
	if fi < 0 {
		fi = len(b.flagSet)
		b.flagSet = append(b.flagSet, flags)
		for range b.prog.Inst {
			b.memo = append(b.memo, -1)
		}
	}
	return b.memo[fi*len(b.prog.Inst) : (fi+1)*len(b.prog.Inst)]
}

// closePC adds the closure of pc under flags to the memo and returns
// its entry.
func (b *dfaBuilder) closePC(start uint32, flags syntax.EmptyOp) int32 {
	b.stamp2++
	match := false
	b.stack = append(b.stack[:0], start)
	for len(b.stack) > 0 {
		pc := b.stack[len(b.stack)-1]
		b.stack = b.stack[:len(b.stack)-1]
		if b.mark2[pc] == b.stamp2 {
			continue
		}
		b.mark2[pc] = b.stamp2
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
			b.memoRunes = append(b.memoRunes, pc)
		}
	}
	wide := false
	for _, pc := range b.memoRunes[b.memoOff[len(b.memoOff)-1]:] {
		wide = wide || b.cl.wide[pc]
	}
	b.memoWide = append(b.memoWide, wide)
	b.memoMatch = append(b.memoMatch, match)
	b.memoOff = append(b.memoOff, int32(len(b.memoRunes)))
	return int32(len(b.memoMatch) - 1)
}

// readsWord reports whether the threads at q can meet \b or \B before
// their next byte: only then does the word bit tell states apart. That
// holds of q when it holds of one of its pcs, which are memoized.
func (b *dfaBuilder) readsWord(q []uint32) bool {
	for _, pc := range q {
		r := b.readsPC[pc]
		if r < 0 {
			r = int8(boolByte(b.readsWordFrom(pc)))
			b.readsPC[pc] = r
		}
		if r != 0 {
			return true
		}
	}
	return false
}

func (b *dfaBuilder) readsWordFrom(start uint32) bool {
	b.stamp++
	b.stack = append(b.stack[:0], start)
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

// intern returns the id of the state of the threads q (sorted) after a
// byte that is (word) or is not an ASCII word byte, adding it when new.
// The word bit is kept only when q reads it, so that states that differ
// in it alone are one.
func (b *dfaBuilder) intern(q []uint32, word bool) int32 {
	if len(q) == 0 {
		if len(b.words) == 0 {
			b.off = append(b.off, int32(len(b.pcs)))
			b.words = append(b.words, false)
			b.hash = append(b.hash, 0)
		}
		return 0
	}
	if word {
		word = b.readsWord(q)
	}
	h := uint64(14695981039346656037)
	for _, pc := range q {
		h = (h ^ uint64(pc)) * 1099511628211
	}
	h = (h ^ uint64(boolByte(word))) * 1099511628211
	h ^= h >> 29
	mask := uint64(len(b.table) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		id := b.table[i] - 1
		if id < 0 {
			break
		}
		if b.hash[id] == h && b.words[id] == word && slices.Equal(b.state(int(id)), q) {
			return id
		}
	}
	id := int32(len(b.words))
	b.pcs = append(b.pcs, q...)
	b.off = append(b.off, int32(len(b.pcs)))
	b.words = append(b.words, word)
	b.hash = append(b.hash, h)
	if 2*len(b.words) > len(b.table) {
		b.table = make([]int32, 2*len(b.table))
		mask = uint64(len(b.table) - 1)
		for s := 1; s < len(b.words); s++ {
			i := b.hash[s] & mask
			for b.table[i] != 0 {
				i = (i + 1) & mask
			}
			b.table[i] = int32(s) + 1
		}
		return id
	}
	i := h & mask
	for b.table[i] != 0 {
		i = (i + 1) & mask
	}
	b.table[i] = id + 1
	return id
}

// minimizer holds the buffers of minimize.
type minimizer struct {
	key                   []byte
	elems, loc, blk       []int32
	first, end, mid       []int32
	count, src            []int32
	work, touched, splitr []int32
	inWork                []bool
	in                    []uint64
}

// minimize merges the states that answer alike: states with the same
// final bit whose transitions on every class carry the same match bit
// to equivalent states. It roughly halves the tables, which are read at
// random. States from which no match can follow merge with the dead
// state, so a walk stops sooner; the bound that dfaRun gives stays
// exact, since the threads it cuts could match neither later nor at the
// end of the bounded text. It runs on state numbers, before trans is
// premultiplied.
//
// The classes are the coarsest partition with that property, found by
// Hopcroft's partition refinement: the states start in blocks by final
// bit and by the match bits (and unknowns) of their transitions, and a
// block is split by the states that reach some block on some class and
// those that do not. A transition into the unknown goes to a sink state
// of its own. The states are then numbered by their first member, the
// dead state's class 0.
func (m *minimizer) minimize(trans []int32, final []bool, starts [2]int32, nc int) ([]int32, []bool, [2]int32) {
	n := len(final)
	sink := int32(n)
	N := n + 1
	// initial blocks
	m.blk = grow(m.blk, N)
	blocks := make(map[string]int32, 16)
	key := m.key[:0]
	for s := range n {
		key = append(key[:0], boolByte(final[s]))
		for _, t := range trans[s*nc : (s+1)*nc] {
			switch {
			case t == dfaAsk:
				key = append(key, 2)
			default:
				key = append(key, byte(t&1))
			}
		}
		b, ok := blocks[string(key)]
		if !ok {
			b = int32(len(blocks))
			blocks[string(key)] = b
		}
		m.blk[s] = b
	}
	m.key = key
	nb := int32(len(blocks))
	m.blk[sink] = nb
	nb++
	// elements by block
	m.first = grow(m.first, int(nb))
	m.end = grow(m.end, int(nb))
	m.mid = grow(m.mid, int(nb))
	clear(m.end)
	clear(m.mid)
	for s := range N {
		m.end[m.blk[s]]++
	}
	p := int32(0)
	for b := range nb {
		m.first[b] = p
		p += m.end[b]
		m.end[b] = m.first[b]
	}
	m.elems = grow(m.elems, N)
	m.loc = grow(m.loc, N)
	for s := range N {
		b := m.blk[s]
		m.elems[m.end[b]] = int32(s)
		m.loc[s] = m.end[b]
		m.end[b]++
	}
	// predecessors: the sources of the transitions into t on class c
	// are src[count[t*nc+c]:count[t*nc+c+1]]
	m.count = grow(m.count, N*nc+1)
	clear(m.count)
	target := func(t int32) int32 {
		if t == dfaAsk {
			return sink
		}
		return t >> 1
	}
	// in[t] has bit c when some transition on c goes to t (classes
	// past 63 always set): (B, c) splits nothing when no state of B has
	// one, and does not go on the work list
	m.in = grow(m.in, N)
	clear(m.in)
	for s := range n {
		for c, t := range trans[s*nc : (s+1)*nc] {
			m.count[int(target(t))*nc+c+1]++
			m.in[target(t)] |= 1 << min(c, 63)
		}
	}
	for i := 1; i < len(m.count); i++ {
		m.count[i] += m.count[i-1]
	}
	m.src = grow(m.src, n*nc)
	for s := range n {
		for c, t := range trans[s*nc : (s+1)*nc] {
			k := int(target(t))*nc + c
			m.src[m.count[k]] = int32(s)
			m.count[k]++
		}
	}
	// count[k] is now the end of k's sources, the start of k+1's
	copy(m.count[1:], m.count[:len(m.count)-1])
	m.count[0] = 0
	// the work list: every (block, class) but those of the largest
	// block (every state has a transition on every class, so a
	// partition that respects the others respects it too)
	m.inWork = grow(m.inWork, N*nc)
	clear(m.inWork)
	m.work = m.work[:0]
	largest := int32(0)
	for b := range nb {
		if m.end[b]-m.first[b] > m.end[largest]-m.first[largest] {
			largest = b
		}
	}
	for b := range nb {
		if b == largest {
			continue
		}
		in := m.blockIn(b)
		for c := range nc {
			m.push(b, nc, c, in)
		}
	}
	for len(m.work) > 0 {
		w := m.work[len(m.work)-1]
		m.work = m.work[:len(m.work)-1]
		m.inWork[w] = false
		b, c := int(w)/nc, int(w)%nc
		// mark the states with a transition on c into b
		m.splitr = append(m.splitr[:0], m.elems[m.first[b]:m.end[b]]...)
		m.touched = m.touched[:0]
		for _, t := range m.splitr {
			k := int(t)*nc + c
			for _, s := range m.src[m.count[k]:m.count[k+1]] {
				x := m.blk[s]
				at, mk := m.loc[s], m.first[x]+m.mid[x]
				if at < mk {
					continue
				}
				if m.mid[x] == 0 {
					m.touched = append(m.touched, x)
				}
				o := m.elems[mk]
				m.elems[mk], m.elems[at] = s, o
				m.loc[s], m.loc[o] = mk, at
				m.mid[x]++
			}
		}
		// split the blocks marked in part
		for _, x := range m.touched {
			k := m.mid[x]
			m.mid[x] = 0
			if k == m.end[x]-m.first[x] {
				continue
			}
			y := int32(len(m.first))
			m.first = append(m.first, m.first[x])
			m.end = append(m.end, m.first[x]+k)
			m.mid = append(m.mid, 0)
			m.first[x] += k
			for _, s := range m.elems[m.first[y]:m.end[y]] {
				m.blk[s] = y
			}
			small := y
			if m.end[x]-m.first[x] < k {
				small = x
			}
			// (y, c) where (x, c) waits, else (the smaller, c)
			iny, insmall := m.blockIn(y), m.blockIn(small)
			for c := range nc {
				if m.inWork[int(x)*nc+c] {
					m.push(y, nc, c, iny)
				} else {
					m.push(small, nc, c, insmall)
				}
			}
		}
	}
	cls := m.blk[:n]
	count := len(m.first) - 1 // without the sink's
	// renumber so that the dead state's class is 0
	rename := make([]int32, len(m.first))
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

// blockIn returns the classes on which some transition goes into block
// b, as in.
func (m *minimizer) blockIn(b int32) uint64 {
	var in uint64
	for _, s := range m.elems[m.first[b]:m.end[b]] {
		in |= m.in[s]
	}
	return in
}

// push puts (b, c) on the work list unless it is there or no
// transition on c goes into b (in is blockIn(b)).
func (m *minimizer) push(b int32, nc, c int, in uint64) {
	k := int(b)*nc + c
	if in&(1<<min(c, 63)) == 0 || m.inWork[k] {
		return
	}
	m.work = append(m.work, int32(k))
	m.inWork[k] = true
}

// minimizeDFA is minimize with fresh buffers.
func minimizeDFA(trans []int32, final []bool, starts [2]int32, nc int) ([]int32, []bool, [2]int32) {
	var m minimizer
	return m.minimize(trans, final, starts, nc)
}

// grow returns s with length n, reusing its array when it can.
func grow[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}
