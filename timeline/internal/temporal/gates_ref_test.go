package temporal

import (
	"math/rand/v2"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"testing"
)

// The gates: a rule runs on a window only when each of its clauses has a
// literal there. They are exact when every match of the rule's
// expression holds a literal of each clause; the scan must then find
// what running every rule ungated (referenceScan) finds.

// analyzeRef is analyze as it was before concatAll: a concatenation
// crossed its parts only up to the first inexact one, and each part
// after it was a clause of its own. The tests check that the clauses
// read now are never weaker than these.
func analyzeRef(t *syntax.Regexp) litInfo {
	switch t.Op {
	case syntax.OpCapture:
		return analyzeRef(t.Sub[0])
	case syntax.OpConcat:
		acc := exactly("")
		for _, s := range t.Sub {
			acc = concat(acc, analyzeRef(s))
		}
		return acc
	case syntax.OpAlternate:
		subs := make([]litInfo, len(t.Sub))
		for i, s := range t.Sub {
			subs[i] = analyzeRef(s)
		}
		return alternate(subs)
	case syntax.OpQuest:
		x := analyzeRef(t.Sub[0])
		if x.isExact() {
			return exactly(append(slices.Clip(x.exact), "")...)
		}
		return anything
	case syntax.OpPlus:
		return litInfo{clauses: analyzeRef(t.Sub[0]).asClauses()}
	case syntax.OpRepeat:
		x := analyzeRef(t.Sub[0])
		if x.isExact() && t.Max >= 0 {
			return repeatExact(x, t.Min, t.Max)
		}
		if t.Min == 0 {
			return anything
		}
		return litInfo{clauses: x.asClauses()}
	}
	// the leaves and the stars read as analyze reads them
	return analyze(t)
}

// ruleClausesRef is ruleClausesOf by analyzeRef.
func ruleClausesRef(t *syntax.Regexp) [][]string {
	return minimize(analyzeRef(t).asClauses())
}

// litNorm is s as the literal automaton reads it: normalized, each \s
// byte a space, each run of spaces one.
func litNorm(s string) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = spaceByte(c)
	}
	return collapseSpaces(string(b))
}

// clauseMet reports whether the normalized text norm holds a literal of
// clause c.
func clauseMet(norm string, c []string) bool {
	return slices.ContainsFunc(c, func(l string) bool { return strings.Contains(norm, l) })
}

// gateClausesMemo holds gateClauses by rule: the fuzz target checks
// every rule on each input.
var gateClausesMemo sync.Map

// gateClauses returns the clauses of r read now and by ruleClausesRef.
func gateClauses(r *Rule) (now, ref [][]string) {
	type both struct{ now, ref [][]string }
	if v, ok := gateClausesMemo.Load(r); ok {
		b := v.(both)
		return b.now, b.ref
	}
	tree, err := syntax.Parse(r.source(), syntax.Perl)
	if err == nil {
		now, ref = ruleClausesOf(tree), ruleClausesRef(tree)
	}
	gateClausesMemo.Store(r, both{now, ref})
	return now, ref
}

// checkGates checks, for every rule of e and every match of its
// expression in text and in each of its windows, that the match holds a
// literal of each clause the rule is gated by, and of each clause
// ruleClausesRef reads (the gates are exact, and no weaker than
// before). Windows with ſ or the Kelvin sign, which skip the gates,
// are left out.
func checkGates(t *testing.T, e *Engine, text string) {
	t.Helper()
	var subs []string
	if len(text) <= 1000 {
		subs = append(subs, text)
	}
	for _, w := range Windows(text, 0, len(text), nil) {
		subs = append(subs, text[w.Start:w.End])
	}
	for i := range e.prep {
		r := &e.prep[i]
		now, ref := gateClauses(r.Rule)
		for _, sub := range subs {
			if hasSpecial(sub) {
				continue
			}
			for _, loc := range r.Regexp().FindAllStringIndex(sub, -1) {
				m := sub[loc[0]:loc[1]]
				for _, c := range now {
					if !clauseMet(litNorm(m), c) {
						t.Fatalf("rule %s: match %q of %q holds none of %q", r.Name, m, clip(sub), c)
					}
				}
				for _, c := range ref {
					if !clauseMet(normString(m), c) {
						t.Fatalf("rule %s: match %q of %q holds none of the reference's %q", r.Name, m, clip(sub), c)
					}
				}
			}
		}
	}
}

// compareUngated compares the scan of text, by paragraph, with every
// rule run ungated (referenceScan).
func compareUngated(t *testing.T, e *Engine, text string) {
	t.Helper()
	sc := e.NewScanner()
	start := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) && !(text[i] == '\n' && i+1 < len(text) && text[i+1] == '\n') {
			continue
		}
		if i < start {
			// the second of three newlines or more: no paragraph
			continue
		}
		wins := Windows(text, start, i, nil)
		got, want := sc.Scan(text, wins, nil), referenceScan(e, text, wins)
		if !sameMentions(got, want) {
			t.Fatalf("text %q:\n got %s\nwant %s", clip(text[start:i]), describe(text, got), describe(text, want))
		}
		start = i + 2
	}
}

// TestGatesExact: on the test texts (the corpora when present, every
// sixth long text), the
// tricky texts and random texts, every match holds its rule's clauses
// and the gated scan finds what the ungated one does, for the built-in
// rules and the edge rules.
func TestGatesExact(t *testing.T) {
	exhaustive(t)
	edge, _ := dfaEngines()
	texts := append(dfaTrickyTexts(), testTexts(t)...)
	rng := rand.New(rand.NewPCG(7, 8))
	for range 1000 {
		texts = append(texts, randomCandidateText(rng))
	}
	for _, e := range []*Engine{Default(), edge} {
		for i, text := range texts {
			// every sixth long text: each rule's expression runs
			// over each window
			if i%6 == 0 || len(text) < 300 {
				checkGates(t, e, text)
				compareUngated(t, e, text)
			}
		}
	}
}

// TestClausesNoWeaker: every clause ruleClausesRef reads, as the literal
// automaton reads it (whitespace one space, literals cut to maxLitLen),
// is implied by one read now (each of whose literals holds one of its,
// or may have before it was cut), for the built-in rules and the edge
// rules.
func TestClausesNoWeaker(t *testing.T) {
	for _, r := range append(English(), edgeRules()...) {
		tree, err := syntax.Parse(r.source(), syntax.Perl)
		if err != nil {
			continue
		}
		now := ruleClausesOf(tree)
		for _, c := range clauseLiterals(spaceClauses(ruleClausesRef(tree))) {
			implied := slices.ContainsFunc(now, func(n []string) bool {
				for _, l := range n {
					if !slices.ContainsFunc(c, func(s string) bool { return heldBeforeCut(l, s) }) {
						return false
					}
				}
				return true
			})
			if !implied {
				t.Errorf("rule %s: clause %q of the reference implied by none of %q", r.Name, c, now)
			}
		}
	}
}

// heldBeforeCut reports whether the literal l, cut to maxLitLen bytes
// (clauseLiterals), may have held s: it holds s, or is as long as the
// cut and ends with a start of s.
func heldBeforeCut(l, s string) bool {
	if strings.Contains(l, s) {
		return true
	}
	if len(l) < maxLitLen {
		return false
	}
	for k := 1; k < len(s) && k <= len(l); k++ {
		if strings.HasSuffix(l, s[:k]) {
			return true
		}
	}
	return false
}

// FuzzGates checks the gates' exactness and the gated scan against the
// ungated one on random text.
func FuzzGates(f *testing.F) {
	for _, s := range []string{"", "the 5th of March", "the 21st century, 3rd-quarter, 2nd-fiscal-quarter", "the year ended, the year ending", "12-Mar-99 1-jan/2001", "ſince the 5th"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 300 {
			return
		}
		edge, _ := dfaEngines()
		for _, e := range []*Engine{Default(), edge} {
			checkGates(t, e, text)
			compareUngated(t, e, text)
		}
	})
}
