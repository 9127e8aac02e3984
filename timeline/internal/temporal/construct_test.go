package temporal

import (
	"reflect"
	"testing"
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
			d, u := newDFAs(st.re)
			if !reflect.DeepEqual(st.dfa, d) || !reflect.DeepEqual(st.udfa, u) {
				t.Errorf("rule %s: the DFAs differ from newDFAs'", p.Name)
			}
			if !reflect.DeepEqual(st.sub, newSubProg(st.re)) {
				t.Errorf("rule %s: the submatch program differs from newSubProg's", p.Name)
			}
			n := st.re.NumSubexp()
			if got := st.anch.get().NumSubexp(); got != n {
				t.Errorf("rule %s: anch has %d subexpressions, want %d", p.Name, got, n)
			}
			if st.anchW != nil && st.anchW.get().NumSubexp() != n {
				t.Errorf("rule %s: anchW has %d subexpressions, want %d", p.Name, st.anchW.get().NumSubexp(), n)
			}
		}
	}
}
