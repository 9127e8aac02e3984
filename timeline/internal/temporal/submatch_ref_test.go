package temporal

import (
	"regexp/syntax"
	"slices"
	"testing"
	"unicode/utf8"
)

// subRunRef is subRun as it was before the alternations read both
// branches' bytes with one load (altPairs) and the walk kept its stack
// and captures in locals: the reference the tests compare it with.
func subRunRef[T string | []byte](p *subProg, sc *subScratch, s T, start, prev int) []int {
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
	width := len(s) + 1
	sc.stack = append(sc.stack[:0], subJob{p.start, int32(start)})
	inst := p.inst
next:
	for {
		top := len(sc.stack) - 1
		if top < 0 {
			return nil
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
				k := int(in.join-1)*width + pos
				if sc.memo[k] == sc.gen {
					continue next
				}
				sc.memo[k] = sc.gen
			}
			switch in.op {
			case syntax.InstAlt:
				// a branch that cannot start with the next byte
				// (or match at the end) fails here: it is not tried
				var outOK, argOK bool
				if pos < len(s) {
					if c := s[pos]; c < utf8.RuneSelf {
						set, w, bit := &p.alts[in.mask], c>>6, uint64(1)<<(c&63)
						outOK, argOK = set[w]&bit != 0, set[2+w]&bit != 0
					} else {
						outOK = in.lead&(leadOutWide|leadOutEmpty) != 0
						argOK = in.lead&(leadArgWide|leadArgEmpty) != 0
					}
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
					sc.stack = append(sc.stack, subJob{in.arg, int32(pos)})
				}
			case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
				if pos >= len(s) {
					continue next
				}
				if c := s[pos]; c < utf8.RuneSelf {
					if p.masks[in.mask][c>>6]&(1<<(c&63)) == 0 {
						continue next
					}
					pos++
				} else {
					w := takesAt(p, pc, s, pos)
					if w == 0 {
						continue next
					}
					pos += w
				}
			case syntax.InstCapture:
				// slots 0 and 1 never occur: see above
				sc.stack = append(sc.stack, subJob{^in.arg, int32(sc.caps[in.arg])})
				sc.caps[in.arg] = pos
			case syntax.InstEmptyWidth:
				if syntax.EmptyOp(in.arg)&^emptyAt(s, pos, prev) != 0 {
					continue next
				}
			case syntax.InstNop:
			case syntax.InstMatch:
				sc.stack = sc.stack[:0]
				sc.caps[1] = pos
				return sc.caps[:p.ncap]
			default: // InstFail
				continue next
			}
			pc = in.out
		}
	}
}

// compareSubRuns runs subRun and subRunRef, each with a scratch space of
// its own, for every rule program of e (caseless ones on the lowered
// text) from every start in text, with the byte before read as a
// word byte and as the start of the text, and compares the offsets.
func compareSubRuns(t *testing.T, e *Engine, text string) {
	t.Helper()
	low, _ := lowerWindow(nil, text)
	var a, b subScratch
	for i := range e.prep {
		r := &e.prep[i]
		for _, st := range []*starter{r.start, r.startOrig} {
			if st == nil || st.sub == nil {
				continue
			}
			s := text
			if st == r.start {
				s = string(low)
			}
			for start := 0; start < len(s); start++ {
				if !st.first[s[start]] {
					continue
				}
				for _, prev := range []int{-1, 'a'} {
					if !subBegin(st.sub, &a, len(s)) || !subBegin(st.sub, &b, len(s)) {
						return
					}
					got := slices.Clone(subRun(st.sub, &a, s, start, prev))
					want := slices.Clone(subRunRef(st.sub, &b, s, start, prev))
					if !sameLoc(got, want) {
						t.Fatalf("rule %s, %q at %d (prev %d): %v, want %v", r.Name, clip(s), start, prev, got, want)
					}
				}
			}
		}
	}
}

// TestSubRunMatchesReference: subRun against subRunRef on the tricky
// texts, the windows of the test texts (the corpora when present; every
// seventh text) and random texts.
func TestSubRunMatchesReference(t *testing.T) {
	e := Default()
	tricky := append(dfaTrickyTexts(), subTrickyTexts()...)
	forCandidateTexts(t, tricky, 13, func(text string) { compareSubRuns(t, e, text) })
}

// FuzzSubRun compares subRun with subRunRef.
func FuzzSubRun(f *testing.F) {
	for _, s := range []string{"on Tuesday, March 5, 2024 at 10 p.m.", "x12 March12 é2020 5 years", "three years ago\nlast week", "the 1990s, mid-2010 \xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 120 {
			return
		}
		compareSubRuns(t, Default(), text)
	})
}
