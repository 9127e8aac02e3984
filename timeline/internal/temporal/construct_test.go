package temporal

import (
	"reflect"
	"regexp"
	"regexp/syntax"
	"testing"
	"unicode/utf8"
)

// TestStarterConstruction: the pieces New builds from one program or
// compiles late are those built the long way: the DFAs and the submatch
// program of the expression's own compile, and anchored copies that
// compile with the expression's subexpressions.
func TestStarterConstruction(t *testing.T) {
	e := New(append(edgeRules(), English()...))
	for i := range e.prep {
		p := &e.prep[i]
		for _, st := range []*starter{p.start, p.startOrig} {
			if st == nil {
				continue
			}
			re := st.re.get()
			d, u := newDFAs(re)
			if !reflect.DeepEqual(st.dfa, d) || !reflect.DeepEqual(st.udfa, u) {
				t.Errorf("rule %s: the DFAs differ from newDFAs'", p.Name)
			}
			if !reflect.DeepEqual(decodedSub(st.sub), newSubProg(re)) {
				t.Errorf("rule %s: the submatch program differs from newSubProg's", p.Name)
			}
			n := re.NumSubexp()
			if got := st.anch.get().NumSubexp(); got != n {
				t.Errorf("rule %s: anch has %d subexpressions, want %d", p.Name, got, n)
			}
			if st.anchW != nil && st.anchW.get().NumSubexp() != n {
				t.Errorf("rule %s: anchW has %d subexpressions, want %d", p.Name, st.anchW.get().NumSubexp(), n)
			}
		}
	}
}

// refASCIISet is the ASCII set of a rune instruction as newSubProgOf
// made it before it read asciiTakes: a test of each of the 128 runes.
func refASCIISet(in *syntax.Inst) (set [2]uint64) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		if instTakes(in, r) {
			set[r>>6] |= 1 << (r & 63)
		}
	}
	return set
}

// TestASCIITakesSets: asciiTakes gives each rune instruction of the
// rules' programs (and of a few odd expressions) the ASCII bytes that
// instTakes says it takes.
func TestASCIITakesSets(t *testing.T) {
	var res []*regexp.Regexp
	for _, r := range append(edgeRules(), English()...) {
		res = append(res, r.Regexp())
		if f := caseless(r.Regexp()); f != nil {
			res = append(res, f)
		}
	}
	for _, p := range []string{`(?i)k`, `(?i)s`, `\x{212A}`, `(?i)\x{17F}`, `[^a-z]`, `\W+`, `(?s).`, `.`, `[a-c[:digit:]x-z]`, `(?i)[^k]`, `[\x00-\x{10FFFF}]`, `é|\pL`} {
		res = append(res, regexp.MustCompile(p))
	}
	for _, re := range res {
		tree, err := syntax.Parse(re.String(), syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		prog, err := syntax.Compile(tree.Simplify())
		if err != nil {
			t.Fatal(err)
		}
		for pc := range prog.Inst {
			in := &prog.Inst[pc]
			switch in.Op {
			case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			default:
				continue
			}
			var got [2]uint64
			asciiTakes(in, func(c byte) { got[c>>6] |= 1 << (c & 63) })
			if want := refASCIISet(in); got != want {
				t.Errorf("%s, instruction %d: ASCII set %x, want %x", re, pc, got, want)
			}
		}
	}
}
