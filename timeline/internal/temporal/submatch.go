package temporal

import (
	"regexp"
	"regexp/syntax"
	"unicode/utf8"
)

// Submatches without Go's NFA. Where a start DFA says that a match
// starts at a candidate, the submatches still have to be found: Go's
// regexp runs its NFA (a thread list stepped rune by rune) for every
// program of more than 500 instructions, which is most rules, and that
// costs microseconds even on a dozen bytes. subMatch finds the same
// submatches with a backtracker over the same compiled program:
//
//   - leftmost-first: an alternation tries its preferred branch (Out)
//     first and the other (Arg) on failure, so the first match reached
//     is the one of highest priority, the match Go's matchers give;
//   - anchored at the start of the input, as the starters' anchored
//     expressions are;
//   - memoized: an instruction reached again at the same position has
//     already failed from there (captures do not change what follows),
//     so it is cut, as Go's matchers cut a thread that reaches an
//     instruction already reached at that position. Only joins
//     (instructions with two ways in, the start counting as one: the
//     end of an alternation, a loop's head) are marked, a third of the
//     alternations: an instruction with one way in is reached again
//     only if the one before it is, back to a join, where the path is
//     cut at the same point of the search. Every cycle of the program
//     enters a join, and a path between two is walked once per position
//     of the first, so the work stays bounded by program × input size. The marks are generation
//     stamps in the Scanner's scratch space: no clearing per call, no
//     locks, the Engine stays immutable;
//   - an explicit stack of branches to try and of captures to restore
//     on the way back.
//
// Runes are read as Go reads them (an invalid byte is U+FFFD of width
// 1), classes and case folding are the program's own (syntax.Inst's
// MatchRune, with a table for ASCII), and the empty-width assertions see
// the byte before and after a position as Go's matchers do (\b and \B
// are ASCII).

// subMinInst: programs with fewer instructions keep Go's regexp (a
// variable for measurements and tests).
var subMinInst = 0

// subMaxMemo bounds the memo of one call (joins × positions);
// larger inputs keep Go's regexp. The stamps are bytes: the memo is
// cleared once every 255 calls.
const subMaxMemo = 1 << 22

// subProg is the program of one expression, ready for subMatch.
type subProg struct {
	inst  []subInst
	start int32
	// ncap is the length of a result: 2 × (subexpressions + 1)
	ncap int
	// njoin is the number of joins, the memo's width
	njoin int
	// masks are the ASCII byte sets of the rune instructions
	masks [][2]uint64
	// alts are the ASCII byte sets of the alternations' branches (see
	// altSets); altPairs the same sets, the two bits of a byte side by
	// side (see pairAlts)
	alts     [][4]uint64
	altPairs [][4]uint64
	// first is the index in masks of the ASCII bytes a match can
	// start with, firstLead whether it can start with a byte >= 0x80
	// (leadOutWide) or be empty (leadOutEmpty): subSearch tries only
	// the starts that fit
	first     uint16
	firstLead uint8
	// prog is the program, for the non-ASCII runes (see program); nil
	// for a program read from the tables, tabled, until first use
	prog   *syntax.Prog
	tabled *tabledProg
}

// maskOf returns the index of set in sp.masks, adding it when new.
func (sp *subProg) maskOf(ids map[[2]uint64]int, set [2]uint64) (uint16, bool) {
	id, ok := ids[set]
	if !ok {
		id = len(sp.masks)
		ids[set] = id
		sp.masks = append(sp.masks, set)
	}
	return uint16(id), id <= 0xFFFF
}

type subInst struct {
	op syntax.InstOp
	// lead, in an alternation, says which of its branches can go on
	// at a byte >= 0x80 (leadOutWide, leadArgWide) and which can match
	// with no byte (leadOutEmpty, leadArgEmpty)
	lead uint8
	// join is a join's column in the memo plus one, or 0
	join uint16
	// out is the next instruction (the preferred branch of an
	// alternation)
	out int32
	// arg is the other branch of an alternation, the slot of a capture,
	// the syntax.EmptyOp of an assertion
	arg int32
	// mask indexes masks: the ASCII runes a rune instruction takes; in
	// an alternation, it indexes alts
	mask uint16
	// outMask, in an alternation while it is built, indexes the ASCII
	// bytes the branch out can start with (in masks), and mask those of
	// arg
	outMask uint16
}

// altSets are, for an alternation, the ASCII bytes at which its branch
// out can go on (words 0 and 1) and those at which arg can (2 and 3): the
// bytes it can start with, or every byte when it can match with no byte
// at all. One table entry answers both at a byte.
func altSets(out, arg [2]uint64, lead uint8) (set [4]uint64) {
	copy(set[:2], out[:])
	copy(set[2:], arg[:])
	if lead&leadOutEmpty != 0 {
		set[0], set[1] = ^uint64(0), ^uint64(0)
	}
	if lead&leadArgEmpty != 0 {
		set[2], set[3] = ^uint64(0), ^uint64(0)
	}
	return set
}

// An instruction is 16 bytes, and its byte sets live in a table of
// their own, most of them shared (letters, digits, spaces): a call walks
// instructions scattered over a program of up to a few thousand, and
// their loads are most of its time.

// The lead bits of an alternation.
const (
	leadOutWide = 1 << iota
	leadArgWide
	leadOutEmpty
	leadArgEmpty
)

// newSubProg compiles re's program as regexp.Compile does (the syntax
// tree of its source, simplified), or returns nil when it is too small
// to be worth it or holds an instruction it does not know.
func newSubProg(re *regexp.Regexp) *subProg {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return nil
	}
	prog, err := syntax.Compile(t.Simplify())
	if err != nil {
		return nil
	}
	return newSubProgOf(prog, re.NumSubexp())
}

// newSubProgOf is newSubProg over the expression's compiled program,
// which it does not modify, and its number of subexpressions.
func newSubProgOf(prog *syntax.Prog, numSubexp int) *subProg {
	if len(prog.Inst) < subMinInst {
		return nil
	}
	sp := &subProg{inst: make([]subInst, len(prog.Inst)), start: int32(prog.Start), ncap: 2 * (numSubexp + 1), prog: prog}
	// the start is a way in: a path back to it at position 0 must be
	// cut, as Go's matchers cut a thread at an instruction it has
	// already reached at the same position ((|a)+ on "a" matches "")
	ways := make([]int, len(prog.Inst))
	ways[prog.Start]++
	for _, in := range prog.Inst {
		switch in.Op {
		case syntax.InstMatch, syntax.InstFail:
		case syntax.InstAlt, syntax.InstAltMatch:
			ways[in.Out]++
			ways[in.Arg]++
		default:
			ways[in.Out]++
		}
	}
	ids := map[[2]uint64]int{}
	for pc := range prog.Inst {
		in := &prog.Inst[pc]
		x := &sp.inst[pc]
		x.op, x.out, x.arg = in.Op, int32(in.Out), int32(in.Arg)
		if ways[pc] > 1 {
			sp.njoin++
			if sp.njoin > 0xFFFF {
				return nil
			}
			x.join = uint16(sp.njoin)
		}
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			x.op = syntax.InstAlt
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			var set [2]uint64
			asciiTakes(in, func(c byte) { set[c>>6] |= 1 << (c & 63) })
			var ok bool
			if x.mask, ok = sp.maskOf(ids, set); !ok {
				return nil
			}
		case syntax.InstCapture:
			if int(in.Arg) >= sp.ncap {
				// a slot the result does not have: never read
				x.op = syntax.InstNop
			}
		case syntax.InstEmptyWidth, syntax.InstNop, syntax.InstMatch, syntax.InstFail:
		default:
			return nil
		}
	}
	// what the branches of each alternation can start with
	lc := newLeadCloser(sp, prog)
	set, wide, empty := lc.lead(uint32(sp.start))
	var ok bool
	if sp.first, ok = sp.maskOf(ids, set); !ok {
		return nil
	}
	if wide {
		sp.firstLead |= leadOutWide
	}
	if empty {
		sp.firstLead |= leadOutEmpty
	}
	for pc := range prog.Inst {
		x := &sp.inst[pc]
		if x.op != syntax.InstAlt {
			continue
		}
		set, wide, empty := lc.lead(uint32(x.out))
		if wide {
			x.lead |= leadOutWide
		}
		if empty {
			x.lead |= leadOutEmpty
		}
		var ok1, ok2 bool
		x.outMask, ok1 = sp.maskOf(ids, set)
		set, wide, empty = lc.lead(uint32(x.arg))
		if wide {
			x.lead |= leadArgWide
		}
		if empty {
			x.lead |= leadArgEmpty
		}
		x.mask, ok2 = sp.maskOf(ids, set)
		if !ok1 || !ok2 {
			return nil
		}
	}
	altIDs := map[[4]uint64]int{}
	for pc := range sp.inst {
		x := &sp.inst[pc]
		if x.op != syntax.InstAlt {
			continue
		}
		set := altSets(sp.masks[x.outMask], sp.masks[x.mask], x.lead)
		id, ok := altIDs[set]
		if !ok {
			id = len(sp.alts)
			if id > 0xFFFF {
				return nil
			}
			altIDs[set] = id
			sp.alts = append(sp.alts, set)
		}
		x.mask, x.outMask = uint16(id), 0
	}
	sp.pairAlts()
	return sp
}

// pairAlts sets altPairs from alts: bits 2*(c%32) and 2*(c%32)+1 of
// word c/32 say whether the branches out and arg can go on at the
// ASCII byte c, so that the walk reads both with one load and a shift.
func (sp *subProg) pairAlts() {
	sp.altPairs = make([][4]uint64, len(sp.alts))
	for k, set := range sp.alts {
		for j := range 4 {
			// the 32 bytes of word j: out's bits from set[0:2], arg's
			// from set[2:4], each spread to every other bit
			shift := 32 * (j & 1)
			out, arg := uint32(set[j>>1]>>shift), uint32(set[2+j>>1]>>shift)
			sp.altPairs[k][j] = spreadBits(out) | spreadBits(arg)<<1
		}
	}
}

// spreadBits moves bit i of x to bit 2i, in five steps of halving
// shifts rather than a loop over the 32 bits: pairAlts runs for every
// alternation as New decodes the tables.
func spreadBits(x uint32) uint64 {
	v := uint64(x)
	v = (v | v<<16) & 0x0000FFFF0000FFFF
	v = (v | v<<8) & 0x00FF00FF00FF00FF
	v = (v | v<<4) & 0x0F0F0F0F0F0F0F0F
	v = (v | v<<2) & 0x3333333333333333
	return (v | v<<1) & 0x5555555555555555
}

// leadCloser finds what the threads at an instruction can read first.
type leadCloser struct {
	prog  *syntax.Prog
	sp    *subProg // its instructions' ASCII sets
	mark  []uint32
	stamp uint32
	stack []uint32
	wide  []int8 // by pc, for rune instructions: takesWide, or -1
}

func newLeadCloser(sp *subProg, prog *syntax.Prog) *leadCloser {
	lc := &leadCloser{prog: prog, sp: sp, mark: make([]uint32, len(prog.Inst)), wide: make([]int8, len(prog.Inst))}
	for i := range lc.wide {
		lc.wide[i] = -1
	}
	return lc
}

// lead returns the ASCII bytes that the threads at pc can take first,
// whether they can take a rune >= 0x80 (or U+FFFD) first, and whether
// they can reach Match with no rune, the assertions taken as holding:
// where none of these fits the text, every thread at pc fails there.
func (lc *leadCloser) lead(start uint32) (ascii [2]uint64, wide, empty bool) {
	lc.stamp++
	lc.stack = append(lc.stack[:0], start)
	for len(lc.stack) > 0 {
		pc := lc.stack[len(lc.stack)-1]
		lc.stack = lc.stack[:len(lc.stack)-1]
		if lc.mark[pc] == lc.stamp {
			continue
		}
		lc.mark[pc] = lc.stamp
		in := &lc.prog.Inst[pc]
		switch in.Op {
		case syntax.InstMatch:
			empty = true
		case syntax.InstAlt, syntax.InstAltMatch:
			lc.stack = append(lc.stack, in.Out, in.Arg)
		case syntax.InstNop, syntax.InstCapture, syntax.InstEmptyWidth:
			lc.stack = append(lc.stack, in.Out)
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			m := &lc.sp.masks[lc.sp.inst[pc].mask]
			ascii[0] |= m[0]
			ascii[1] |= m[1]
			if lc.wide[pc] < 0 {
				lc.wide[pc] = int8(boolByte(takesWide(in) || instTakes(in, utf8.RuneError)))
			}
			wide = wide || lc.wide[pc] != 0
		}
	}
	return ascii, wide, empty
}

// instTakes reports whether rune instruction in takes r, as Go's
// matchers decide it.
func instTakes(in *syntax.Inst, r rune) bool {
	switch in.Op {
	case syntax.InstRune1:
		return r == in.Rune[0]
	case syntax.InstRuneAny:
		return true
	case syntax.InstRuneAnyNotNL:
		return r != '\n'
	}
	return in.MatchRune(r)
}

// subScratch is subMatch's scratch space; a Scanner holds one.
type subScratch struct {
	memo  []uint8
	gen   uint8
	stack []subJob
	caps  []int
	// the memo's width in the current run: the text's length + 1
	width int
	// ascii: the scan's current window has no byte >= 0x80, so the
	// unanchored scans of its searches stop at until (see dfaScan)
	ascii bool
}

// subJob is a branch to try (pc >= 0) or a capture slot ^pc to restore
// to pos.
type subJob struct {
	pc, pos int32
}

// subMatch returns what re.FindSubmatchIndex (or
// FindStringSubmatchIndex) returns on s for the expression of p
// anchored at the start of s: the submatch offsets of the match that
// starts at 0, -1 for unset groups, or nil. The offsets live in sc
// until its next use. prev is the byte before s
// that the assertions see (a word byte when the anchW expression would
// have consumed it), or -1 for the start of the text. ok is false when s
// is too long for the memo: the answer is then unknown.
func subMatch[T string | []byte](p *subProg, sc *subScratch, s T, prev int) (loc []int, ok bool) {
	if !subBegin(p, sc, len(s)) {
		return nil, false
	}
	return subRun(p, sc, s, 0, prev), true
}

// subSearch returns what re.FindSubmatchIndex (or
// FindStringSubmatchIndex) returns on s for the expression of p: the
// leftmost match, from each start in turn (rune by rune, as Go's
// matchers step), with one memo for all of them, as Go's backtracker
// keeps one: what failed from an instruction at a position fails there
// whatever the start. The offsets live in sc until its next use; ok is
// false when s is too long for the memo.
func subSearch[T string | []byte](p *subProg, sc *subScratch, s T) (loc []int, ok bool) {
	if !subBegin(p, sc, len(s)) {
		return nil, false
	}
	first := &p.masks[p.first]
	for start := 0; ; {
		// a start that the first byte (or the end) rules out is not
		// run: it would fail there, marking nothing that another
		// start could reach
		try := p.firstLead&leadOutEmpty != 0
		if !try && start < len(s) {
			if c := s[start]; c < utf8.RuneSelf {
				try = first[c>>6]&(1<<(c&63)) != 0
			} else {
				try = p.firstLead&leadOutWide != 0
			}
		}
		if try {
			if loc := subRun(p, sc, s, start, -1); loc != nil {
				return loc, true
			}
		}
		if start == len(s) {
			return nil, true
		}
		if s[start] < utf8.RuneSelf {
			start++
		} else {
			_, w := decodeAt(s, start)
			start += w
		}
	}
}

// subBegin readies sc's memo for a run of p over n bytes, or reports
// false when n is too long for it.
func subBegin(p *subProg, sc *subScratch, n int) bool {
	cells := p.njoin * (n + 1)
	if cells > subMaxMemo || n >= 1<<31-1 {
		return false
	}
	if len(sc.memo) < cells {
		// most calls need a few thousand cells (the DFA bounds the
		// input), a scanner reads one document
		sc.memo = make([]uint8, max(cells, 2*len(sc.memo), 1024))
		sc.gen = 0
	}
	sc.gen++
	if sc.gen == 0 {
		clear(sc.memo)
		sc.gen = 1
	}
	if cap(sc.caps) < p.ncap {
		sc.caps = make([]int, p.ncap)
	}
	if sc.stack == nil {
		sc.stack = make([]subJob, 0, 256)
	}
	return true
}

// subRun runs p anchored at start of s, the memo readied by subBegin,
// and returns the submatch offsets (in s) or nil. prev is the byte
// before s (see subMatch).
//
// subWalk does the walk and hands back the few steps that need a call
// (a byte >= 0x80, an assertion, a stack to grow), which subRun does
// before it walks on: a walk with no call in its loop keeps its values
// in registers rather than spilling them at every instruction.
func subRun[T string | []byte](p *subProg, sc *subScratch, s T, start, prev int) []int {
	caps := sc.caps[:p.ncap]
	// the program records the groups; the match itself starts at start
	// and ends where InstMatch is reached
	if len(caps) <= len(unsetCaps) {
		copy(caps, unsetCaps[:])
	} else {
		for i := range caps {
			caps[i] = -1
		}
	}
	caps[0] = start
	sc.width = len(s) + 1
	sc.stack = append(sc.stack[:0], subJob{p.start, int32(start)})
	for {
		step, job, then := subWalk(p, sc, s)
		switch step {
		case walkFail:
			return nil
		case walkMatch:
			caps[1] = int(then.pos)
			return caps
		case walkPush:
			// the stack was full
			sc.stack = append(sc.stack, job, then)
		case walkWide:
			// rune instruction job.pc at a byte >= 0x80
			if w := takesAt(p, job.pc, s, int(job.pos)); w != 0 {
				sc.stack = append(sc.stack, subJob{then.pc, job.pos + int32(w)})
			}
		case walkEmpty:
			// assertion job.pc
			in := &p.inst[job.pc]
			if syntax.EmptyOp(in.arg)&^emptyAt(s, int(job.pos), prev) == 0 {
				sc.stack = append(sc.stack, then)
			}
		}
	}
}

// The steps subWalk hands back to subRun.
const (
	walkFail  = iota // no job left: no match
	walkMatch        // a match, which ends at then.pos
	walkPush         // push job, then walk on from then
	walkWide         // rune instruction job.pc at a byte >= 0x80 (job.pos); then.pc is its out
	walkEmpty        // assertion job.pc at job.pos; walk on from then if it holds
)

// subWalk walks p from the jobs on sc's stack (see subRun) until it
// finds a match, runs out of jobs, or meets a step that needs a call.
// It tests the instructions most walked first (alternations, then
// runes) and reads an alternation's two branches off one word of
// altPairs.
//
//go:noinline
func subWalk[T string | []byte](p *subProg, sc *subScratch, s T) (step int, job, then subJob) {
	inst := p.inst
next:
	for {
		top := len(sc.stack) - 1
		if top < 0 {
			return walkFail, job, then
		}
		j := sc.stack[top]
		sc.stack = sc.stack[:top]
		if j.pc < 0 {
			sc.caps[^j.pc] = int(j.pos)
			continue
		}
		pc, pos := j.pc, int(j.pos)
		for {
			in := &inst[pc]
			if in.join != 0 {
				k := int(in.join-1)*sc.width + pos
				if sc.memo[k] == sc.gen {
					continue next
				}
				sc.memo[k] = sc.gen
			}
			if in.op == syntax.InstAlt {
				// a branch that cannot start with the next byte (or
				// match at the end) fails here: it is not tried
				var outOK, argOK bool
				if uint(pos) < uint(len(s)) && s[pos] < utf8.RuneSelf {
					// most: an ASCII byte, the bits tested in place
					c := s[pos]
					w, b := p.altPairs[in.mask][c>>5&3], 2*(c&31)
					if w&(1<<b) == 0 {
						if w>>1&(1<<b) == 0 {
							continue next
						}
						pc = in.arg
						continue
					}
					outOK, argOK = true, w>>1&(1<<b) != 0
				} else if uint(pos) < uint(len(s)) {
					outOK = in.lead&(leadOutWide|leadOutEmpty) != 0
					argOK = in.lead&(leadArgWide|leadArgEmpty) != 0
				} else {
					outOK = in.lead&leadOutEmpty != 0
					argOK = in.lead&leadArgEmpty != 0
				}
				if !outOK {
					if !argOK {
						continue next
					}
					pc = in.arg
					continue
				}
				if argOK {
					if n := len(sc.stack); n < cap(sc.stack) {
						sc.stack = sc.stack[:n+1]
						sc.stack[n] = subJob{in.arg, int32(pos)}
					} else {
						return walkPush, subJob{in.arg, int32(pos)}, subJob{in.out, int32(pos)}
					}
				}
				pc = in.out
				continue
			}
			if in.op >= syntax.InstRune {
				// InstRune, InstRune1, InstRuneAny, InstRuneAnyNotNL
				if uint(pos) >= uint(len(s)) {
					continue next
				}
				c := s[pos]
				if c >= utf8.RuneSelf {
					return walkWide, subJob{pc, int32(pos)}, subJob{in.out, 0}
				}
				if p.masks[in.mask][c>>6&1]&(1<<(c&63)) == 0 {
					continue next
				}
				pos++
				pc = in.out
				continue
			}
			switch in.op {
			case syntax.InstCapture:
				// slots 0 and 1 never occur: see subRun
				restore := subJob{^in.arg, int32(sc.caps[in.arg])}
				sc.caps[in.arg] = pos
				if n := len(sc.stack); n < cap(sc.stack) {
					sc.stack = sc.stack[:n+1]
					sc.stack[n] = restore
				} else {
					return walkPush, restore, subJob{in.out, int32(pos)}
				}
			case syntax.InstEmptyWidth:
				return walkEmpty, subJob{pc, int32(pos)}, subJob{in.out, int32(pos)}
			case syntax.InstNop:
			case syntax.InstMatch:
				sc.stack = sc.stack[:0]
				return walkMatch, job, subJob{0, int32(pos)}
			default: // InstFail
				continue next
			}
			pc = in.out
		}
	}
}

// takesAt returns the width of the rune at s[pos] (>= 0x80) when rune
// instruction pc of p takes it, or 0.
func takesAt[T string | []byte](p *subProg, pc int32, s T, pos int) int {
	r, w := decodeAt(s, pos)
	if !instTakes(&p.program().Inst[pc], r) {
		return 0
	}
	return w
}

// unsetCaps are the offsets of unset groups, copied over a run's
// captures at its start rather than set one by one.
var unsetCaps = func() (c [64]int) {
	for i := range c {
		c[i] = -1
	}
	return c
}()

// emptyAt returns the assertions that hold at pos of s, with prev the
// byte before s (-1: none), as syntax.EmptyOpContext gives them for the
// runes around pos: only ASCII bytes can be a newline or a word
// character, and a byte >= 0x80 before pos ends a rune that is neither.
func emptyAt[T string | []byte](s T, pos, prev int) syntax.EmptyOp {
	before, after := prev, -1
	if pos > 0 {
		before = int(s[pos-1])
	}
	if pos < len(s) {
		after = int(s[pos])
	}
	var f syntax.EmptyOp
	switch before {
	case -1:
		f = syntax.EmptyBeginText | syntax.EmptyBeginLine
	case '\n':
		f = syntax.EmptyBeginLine
	}
	switch after {
	case -1:
		f |= syntax.EmptyEndText | syntax.EmptyEndLine
	case '\n':
		f |= syntax.EmptyEndLine
	}
	if wordByte(before) != wordByte(after) {
		f |= syntax.EmptyWordBoundary
	} else {
		f |= syntax.EmptyNoWordBoundary
	}
	return f
}

func wordByte(c int) bool { return c >= 0 && c < utf8.RuneSelf && isASCIIWord(byte(c)) }

// decodeAt decodes the rune at s[i], s[i] >= 0x80, as utf8.DecodeRune
// does: an invalid or short sequence is U+FFFD of width 1.
func decodeAt[T string | []byte](s T, i int) (rune, int) {
	c := s[i]
	rest := len(s) - i
	cont := func(k int, lo, hi byte) bool { return k < rest && s[i+k] >= lo && s[i+k] <= hi }
	switch {
	case c < 0xC2:
	case c < 0xE0:
		if cont(1, 0x80, 0xBF) {
			return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
		}
	case c < 0xF0:
		lo, hi := byte(0x80), byte(0xBF)
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F
		}
		if cont(1, lo, hi) && cont(2, 0x80, 0xBF) {
			return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
		}
	case c < 0xF5:
		lo, hi := byte(0x80), byte(0xBF)
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
		if cont(1, lo, hi) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) {
			return rune(c&0x07)<<18 | rune(s[i+1]&0x3F)<<12 | rune(s[i+2]&0x3F)<<6 | rune(s[i+3]&0x3F), 4
		}
	}
	return utf8.RuneError, 1
}

// anchoredFrom is anchoredAt with the offsets relative to from (<= p),
// as a search from from gives them. After from, subMatch runs on
// s[from:end] from p, and its offsets need no shift: the assertions
// at p see the byte before p, a word byte when prevWord is set (as
// anchW would read it) and otherwise a byte that \b and \B read as
// they read the start of the text (a starter's expression holds no ^
// or \A, the only assertions that would tell them apart).
func anchoredFrom[T string | []byte](st *starter, sc *subScratch, s T, from, p, end int, prevWord bool) []int {
	if p > from && st.sub != nil && sc != nil && subBegin(st.sub, sc, end-from) {
		return subRun(st.sub, sc, s[from:end], p-from, -1)
	}
	loc := anchoredAt(st, sc, s, p, end, prevWord)
	if loc != nil {
		shift(loc, p-from)
	}
	return loc
}

// anchoredAt returns the submatches of st's expression anchored at p in
// s[:end], relative to p (loc[0] == 0), as st.anch on s[p:end] gives
// them, or, after a word byte (prevWord), as st.anchW on s[p-1:end]
// does; nil when there is none. It runs subMatch when st has a program
// and sc is set, Go's regexp otherwise.
func anchoredAt[T string | []byte](st *starter, sc *subScratch, s T, p, end int, prevWord bool) []int {
	if st.sub != nil && sc != nil {
		prev := -1
		if prevWord {
			prev = int(s[p-1])
		}
		if loc, ok := subMatch(st.sub, sc, s[p:end], prev); ok {
			return loc
		}
	}
	if !prevWord {
		return findIndex(st.anch.get(), s[p:end])
	}
	loc := findIndex(st.anchW.get(), s[p-1:end])
	if loc != nil {
		shift(loc, -1)
		loc[0] = 0
	}
	return loc
}
