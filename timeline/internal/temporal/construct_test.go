package temporal

import (
	"reflect"
	"regexp"
	"regexp/syntax"
	"testing"
)

// refPrepare is what Engine.prepare computed before New was made fast,
// with the reference construction code of ref_construct_test.go.
func refPrepare(rs []*Rule) *Engine {
	e := &Engine{rules: rs}
	ids := map[string]int32{}
	var lits []string
	e.prep = make([]prepared, len(rs))
	e.always = make([]uint64, (len(rs)+63)/64)
	var primary [][]int32
	for i, r := range rs {
		p := &e.prep[i]
		p.Rule, p.fast = r, caseless(r.When.RegExp)
		if p.fast != nil {
			p.start = refNewStarter(p.fast)
		} else {
			p.startOrig = refNewStarter(r.When.RegExp)
		}
	}
	for i, r := range rs {
		p := e.prep[i]
		cs := refRuleClauses(r.When.RegExp)
		best := refBestClause(cs)
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
	e.lits = refNewMatcher(lits)
	return e
}

// sameStarter compares two starters; the expressions, compiled
// separately, by their source.
func sameStarter(t *testing.T, name string, got, want *starter) {
	t.Helper()
	if (got == nil) != (want == nil) {
		t.Errorf("%s: starter %v, want %v", name, got != nil, want != nil)
		return
	}
	if got == nil {
		return
	}
	res := func(re *regexp.Regexp) string {
		if re == nil {
			return "<nil>"
		}
		return re.String()
	}
	if res(got.re) != res(want.re) || res(got.anch) != res(want.anch) || res(got.anchW) != res(want.anchW) {
		t.Errorf("%s: expressions differ", name)
	}
	if got.first != want.first || got.wordStart != want.wordStart {
		t.Errorf("%s: first bytes or wordStart differ", name)
	}
	if !reflect.DeepEqual(got.pre, want.pre) {
		t.Errorf("%s: prefix tries differ", name)
	}
	if !reflect.DeepEqual(got.dfa, want.dfa) {
		t.Errorf("%s: anchored DFAs differ", name)
	}
	if !reflect.DeepEqual(got.udfa, want.udfa) {
		t.Errorf("%s: unanchored DFAs differ", name)
	}
}

// TestConstructionIdentity: New builds exactly what the reference
// construction code builds, for every built-in rule and the edge rules.
func TestConstructionIdentity(t *testing.T) {
	exhaustive(t)
	rs := append(edgeRules(), English()...)
	got, want := New(rs), refPrepare(rs)
	for i := range rs {
		g, w := &got.prep[i], &want.prep[i]
		name := rs[i].Name
		if g.Rule != w.Rule || (g.fast == nil) != (w.fast == nil) || g.fast != nil && g.fast.String() != w.fast.String() {
			t.Errorf("%s: rules differ", name)
		}
		sameStarter(t, name, g.start, w.start)
		sameStarter(t, name+" (orig)", g.startOrig, w.startOrig)
		if !reflect.DeepEqual(g.clauses, w.clauses) {
			t.Errorf("%s: clauses %v, want %v", name, g.clauses, w.clauses)
		}
		// the pieces on their own, on both expressions
		for _, re := range []*regexp.Regexp{rs[i].When.RegExp, g.fast} {
			if re == nil {
				continue
			}
			ga, gu := newDFAs(re)
			wa, wu := refNewDFAs(re)
			if !reflect.DeepEqual(ga, wa) || !reflect.DeepEqual(gu, wu) {
				t.Errorf("%s: newDFAs(%q) differ", name, re)
			}
			if g, w := ruleClauses(re), refRuleClauses(re); !reflect.DeepEqual(g, w) {
				t.Errorf("%s: ruleClauses(%q) = %q, want %q", name, re, g, w)
			}
			tr, err := syntax.Parse(re.String(), syntax.Perl)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := prefixes(tr), refPrefixes(tr); !reflect.DeepEqual(g, reflect.ValueOf(w).Convert(reflect.TypeOf(g)).Interface()) {
				t.Errorf("%s: prefixes(%q) = %v, want %v", name, re, g, w)
			}
			var gf, wf [256]bool
			if firstBytes(tr, &gf) != refFirstBytes(tr, &wf) || gf != wf {
				t.Errorf("%s: firstBytes(%q) differ", name, re)
			}
		}
	}
	if !reflect.DeepEqual(got.lits, want.lits) || got.nlits != want.nlits ||
		!reflect.DeepEqual(got.litRules, want.litRules) || !reflect.DeepEqual(got.always, want.always) {
		t.Errorf("literal automata or rule index differ")
	}
}
