package temporal

import (
	"math/bits"
	"os"
	"regexp/syntax"
	"sort"
	"strings"
	"testing"
)

// TestRuleStats (RULESTATS=1) logs, for the test texts, how often each
// rule runs on a window (its Needs held and its clauses met) and how many
// mentions it yields there: the rules that run for nothing.
func TestRuleStats(t *testing.T) {
	if os.Getenv("RULESTATS") == "" {
		t.Skip("RULESTATS unset")
	}
	e := newEngine(English(), false)
	type stat struct{ runs, hits, found int }
	st := make([]stat, len(e.prep))
	var wins []Window
	for _, text := range testTexts(t) {
		s := e.NewScanner()
		s.hold()
		wins = Windows(text, 0, len(text), wins[:0])
		for _, w := range wins {
			sub := text[w.Start:w.End]
			if hasSpecial(sub) {
				continue
			}
			s.findLiterals(sub)
			s.lower(sub)
			need := e.needRules[int(w.Triggers)*len(s.cand):][:len(s.cand)]
			for k, word := range s.cand {
				word &= need[k]
				for word != 0 {
					b := bits.TrailingZeros64(word)
					word &= word - 1
					i := k*64 + b
					r := &e.prep[i]
					if !s.satisfied(r) {
						continue
					}
					how := runOriginal
					if r.fast != nil {
						how = runCaseless
					}
					n := len(s.runRule(r, how, sub, w.Start, nil))
					st[i].runs++
					st[i].found += n
					if n > 0 {
						st[i].hits++
					}
				}
			}
		}
		s.release()
	}
	idx := make([]int, len(st))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return st[idx[a]].runs-st[idx[a]].hits > st[idx[b]].runs-st[idx[b]].hits })
	var runs, hits int
	for _, i := range idx {
		runs += st[i].runs
		hits += st[i].hits
	}
	t.Logf("literals %d, automaton states %d", e.nlits, len(e.lits.outStart)-1)
	t.Logf("total runs %d, runs with a mention %d", runs, hits)
	for _, i := range idx[:40] {
		p := &e.prep[i]
		var cs []string
		if tr, err := syntax.Parse(p.Regexp().String(), syntax.Perl); err == nil {
			for _, c := range ruleClausesOf(tr) {
				cs = append(cs, "{"+strings.Join(c, "|")+"}")
			}
		}
		t.Logf("%-28s runs %5d hits %5d found %5d  %s", p.Name, st[i].runs, st[i].hits, st[i].found, strings.Join(cs, " "))
	}
}
