package temporal

import (
	"regexp"
	"regexp/syntax"
	"slices"
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
// lazily), and only over ASCII: a byte >= 0x80 ends the walk with no
// answer and the caller runs the regexp as before. A state is a set of
// program counters that still have to be expanded plus whether the byte
// before was an ASCII word byte; the empty-width assertions (\b, \B, $,
// \z) are resolved when the next byte, or the end of the text, is seen,
// which is exactly when Go's matchers resolve them. Sets keep every
// thread, whatever its priority: existence of a match does not depend on
// leftmost-first order.

// maxDFAStates bounds a DFA; a rule that needs more keeps the regexp
// path.
const maxDFAStates = 4096

// dfaBail is the class of bytes >= 0x80.
const dfaBail = 0xFF

// dfa is the start DFA of one expression. State 0 is dead.
type dfa struct {
	class  [256]uint8
	nclass int
	// trans[s*nclass+c] is next<<1 | m, where m says that a match ends
	// right before a byte of class c read in state s
	trans []int32
	// final[s]: a match ends at the end of the text in state s
	final []bool
	// start[1] when the byte before the start is an ASCII word byte
	start [2]int32
}

// dfaVerdict is the answer of a walk.
type dfaVerdict int

const (
	dfaNo      dfaVerdict = iota // no match starts here
	dfaYes                       // a match starts here, and ends before the bound
	dfaUnknown                   // a non-ASCII byte came first: ask the regexp
)

// run walks the DFA from p. With dfaYes, end is a bound: no thread of the
// expression started at p survives past s[end-1], so the expression
// finds the same match, with the same submatches and assertions, in
// s[:end] as in s (the assertions at a position up to end-1 read bytes
// before end only). A match found before a non-ASCII byte gives dfaYes
// with end = len(s).
func dfaRun[T string | []byte](d *dfa, s T, p int, prevWord bool) (v dfaVerdict, end int) {
	st := d.start[0]
	if prevWord {
		st = d.start[1]
	}
	nc := d.nclass
	matched := false
	for i := p; i < len(s); i++ {
		c := d.class[s[i]]
		if c == dfaBail {
			if matched {
				return dfaYes, len(s)
			}
			return dfaUnknown, 0
		}
		t := d.trans[int(st)*nc+int(c)]
		matched = matched || t&1 != 0
		st = t >> 1
		if st == 0 {
			if matched {
				return dfaYes, i + 1
			}
			return dfaNo, 0
		}
	}
	if matched || d.final[st] {
		return dfaYes, len(s)
	}
	return dfaNo, 0
}

// newDFA builds the start DFA of re, or returns nil when re reads the
// start of the text or of a line (which the two start states cannot
// tell) or needs more than maxDFAStates states.
func newDFA(re *regexp.Regexp) *dfa {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	// as regexp.Compile does, so the program is the one re runs
	prog, err := syntax.Compile(t.Simplify())
	if err != nil {
		return nil
	}
	b := &dfaBuilder{prog: prog, mark: make([]uint32, len(prog.Inst)), index: map[string]int32{}}
	for _, in := range prog.Inst {
		if in.Op == syntax.InstEmptyWidth && syntax.EmptyOp(in.Arg)&(syntax.EmptyBeginLine|syntax.EmptyBeginText) != 0 {
			return nil
		}
	}
	return b.build()
}

type dfaBuilder struct {
	prog *syntax.Prog
	d    *dfa
	rep  []byte // a byte of each class
	// matches[c][pc]: rune instruction pc takes the bytes of class c
	matches [][]bool
	// closure scratch
	mark  []uint32
	stamp uint32
	stack []uint32
	// states: the sets of unexpanded pcs, with the word bit last
	states [][]uint32
	words  []bool
	index  map[string]int32
}

func (b *dfaBuilder) build() *dfa {
	d := &dfa{}
	b.d = d
	b.classes()
	// state 0: dead
	b.intern(nil, false)
	start := []uint32{uint32(b.prog.Start)}
	d.start[0] = b.intern(start, false)
	d.start[1] = b.intern(start, b.readsWord(start))
	for s := 0; s < len(b.states); s++ {
		if len(b.states) > maxDFAStates {
			return nil
		}
		q, w := b.states[s], b.words[s]
		prev := rune(' ')
		if w {
			prev = 'a'
		}
		for c := range d.nclass {
			r := rune(b.rep[c])
			runes, m := b.closure(q, syntax.EmptyOpContext(prev, r))
			var next []uint32
			for _, pc := range runes {
				if b.matches[c][pc] {
					next = append(next, b.prog.Inst[pc].Out)
				}
			}
			slices.Sort(next)
			next = slices.Compact(next)
			id := b.intern(next, isASCIIWord(byte(r)) && b.readsWord(next))
			v := id << 1
			if m {
				v |= 1
			}
			d.trans = append(d.trans, v)
		}
		_, m := b.closure(q, syntax.EmptyOpContext(prev, -1))
		d.final = append(d.final, m)
	}
	if len(b.states) > maxDFAStates {
		return nil
	}
	return d
}

// classes groups the ASCII bytes that every rune instruction, \b and $
// treat alike.
func (b *dfaBuilder) classes() {
	d := b.d
	var runePCs []int
	for pc, in := range b.prog.Inst {
		switch in.Op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			runePCs = append(runePCs, pc)
		}
	}
	takes := func(pc int, c byte) bool {
		in := &b.prog.Inst[pc]
		switch in.Op {
		case syntax.InstRuneAny:
			return true
		case syntax.InstRuneAnyNotNL:
			return c != '\n'
		}
		return in.MatchRune(rune(c))
	}
	seen := map[string]uint8{}
	for c := range 256 {
		d.class[c] = dfaBail
	}
	for c := range 128 {
		sig := make([]byte, 0, len(runePCs)+2)
		for _, pc := range runePCs {
			sig = append(sig, boolByte(takes(pc, byte(c))))
		}
		sig = append(sig, boolByte(isASCIIWord(byte(c))), boolByte(c == '\n'))
		k, ok := seen[string(sig)]
		if !ok {
			k = uint8(len(b.rep))
			seen[string(sig)] = k
			b.rep = append(b.rep, byte(c))
			row := make([]bool, len(b.prog.Inst))
			for _, pc := range runePCs {
				row[pc] = takes(pc, byte(c))
			}
			b.matches = append(b.matches, row)
		}
		d.class[c] = k
	}
	d.nclass = len(b.rep)
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
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

// intern returns the id of state (q, word), adding it when new.
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
	key = append(key, boolByte(word))
	if id, ok := b.index[string(key)]; ok {
		return id
	}
	id := int32(len(b.states))
	b.index[string(key)] = id
	b.states = append(b.states, q)
	b.words = append(b.words, word)
	return id
}
