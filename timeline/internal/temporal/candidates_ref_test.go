package temporal

import (
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The candidate selection as it was before rows of four words, the
// Needs of a window as a set of rules, the word starts read without the
// byte before them and the other candidates read with the lead set: the
// references the tests below hold the scan to.

// findLiteralsRef is findLiterals with a row ORed word by word.
func (s *Scanner) findLiteralsRef(sub string) {
	e := s.e
	clear(s.found)
	copy(s.cand, e.always)
	s.ends = s.ends[:0]
	m := e.lits
	nc := m.nclass
	st := 0
	for i := 0; i < len(sub); i++ {
		var t uint32
		if m.delta16 != nil {
			t = uint32(m.delta16[st*nc+int(m.class[sub[i]])])
		} else {
			t = uint32(m.delta[st*nc+int(m.class[sub[i]])])
		}
		st = int(t >> 1)
		if t&1 != 0 {
			k := int(e.litRowOf[st])
			for j, v := range e.litRows[k : k+len(s.found)] {
				s.found[j] |= v
			}
			s.ends = append(s.ends, litEnd{int32(k), int32(i)})
		}
	}
}

// runsRef reports whether scanWindow runs rule r on window w once the
// literals are found: Needs read rule by rule, the clauses bit by bit.
func (s *Scanner) runsRef(r *prepared, i int, w Window) bool {
	if s.cand[i/64]&(1<<(i%64)) == 0 || r.Needs != 0 && w.Triggers&r.Needs == 0 {
		return false
	}
	clauses := s.found[len(s.cand):]
	for c := r.clause0; c < r.clause0+len(r.clauses); c++ {
		if clauses[c/64]&(1<<(c%64)) == 0 {
			return false
		}
	}
	return true
}

// runs is what scanWindow reads for rule i.
func (s *Scanner) runs(r *prepared, i int, w Window) bool {
	need := s.e.needRules[int(w.Triggers)*len(s.cand):]
	return s.cand[i/64]&need[i/64]&(1<<(i%64)) != 0 && s.satisfied(r)
}

// startFindWSRef is startFindWS reading the byte before every word start
// and searching the list from every from.
func startFindWSRef[T string | []byte](st *starter, sc *subScratch, s T, from int, bot bool, ws []int32, si *scanInfo, until int) []int {
	use := si.use
	if from >= len(s) {
		return nil
	}
	prevFrom := from > 0 && !bot && isASCIIWord(s[from-1])
	j := sort.Search(len(ws), func(k int) bool { return int(ws[k]) > from })
	limit := len(s)
	if use&wsCand == 0 {
		var v dfaVerdict
		var e int
		if use&wsScan != 0 {
			v, e = dfaScanWS(st.udfa, s, from, prevFrom, ws, j, len(s))
		} else {
			v, e = dfaScan(st.udfa, s, from, prevFrom, len(s))
		}
		if v == dfaNo {
			return nil
		}
		if v == dfaYes {
			limit = e
		}
		return startCandidatesRef(st, sc, s, from, bot, min(limit, until), si)
	}
	limit = until
	for p := from; p < limit; {
		prevWord := prevFrom
		if p > from {
			prevWord = isASCIIWord(s[p-1])
		}
		ok := si.leads(prevWord, s[p])
		if ok && p+1 < len(s) {
			b := int(si.class[s[p]])*si.nclass + int(si.class[s[p+1]])
			ok = si.pairs[boolByte(prevWord)&1][b>>6]&(1<<(b&63)) != 0
		}
		if ok {
			end := len(s)
			v, e := dfaRun(st.dfa, s, p, prevWord)
			if v != dfaNo {
				if v == dfaYes {
					end = e
				}
				if loc := anchoredAt(st, sc, s, p, end, prevWord); loc != nil {
					shift(loc, p-from)
					return loc
				}
			}
		}
		if j >= len(ws) {
			break
		}
		p = int(ws[j])
		j++
	}
	return nil
}

// startFindRef is startFind as it was: its candidates read without the
// scanInfo.
func startFindRef[T string | []byte](st *starter, sc *subScratch, s T, from int, bot bool, until int) []int {
	limit := len(s)
	if st.udfa != nil && from < len(s) {
		v, e := dfaScan(st.udfa, s, from, from > 0 && !bot && isASCIIWord(s[from-1]), len(s))
		if v == dfaNo {
			return nil
		}
		if v == dfaYes {
			limit = e
		}
	}
	return startCandidatesRef(st, sc, s, from, bot, min(limit, until), nil)
}

// startCandidatesRef is startCandidates as it was: one loop, with or
// without si, reading the byte before each position.
func startCandidatesRef[T string | []byte](st *starter, sc *subScratch, s T, from int, bot bool, limit int, si *scanInfo) []int {
	for p := from; p < limit; p++ {
		if si == nil && !st.first[s[p]] {
			continue
		}
		prevWord := p > 0 && !(p == from && bot) && isASCIIWord(s[p-1])
		if si != nil && !si.leads(prevWord, s[p]) || si == nil && st.wordStart && prevWord {
			continue
		}
		end := len(s)
		if d := st.dfa; d != nil {
			if si == nil && !dfaLives(d, s[p], prevWord) {
				continue
			}
			v, e := dfaRun(d, s, p, prevWord)
			if v == dfaNo {
				continue
			}
			if v == dfaYes {
				end = e
			}
		} else if pre := st.pre.get(); pre != nil && !trieAt(pre, s, 0, p) {
			continue
		}
		if loc := anchoredAt(st, sc, s, p, end, prevWord); loc != nil {
			shift(loc, p-from)
			return loc
		}
	}
	return nil
}

// compareCandidates holds the literals, the rules run and the searches
// from the word starts of every window of text (and of the whole text
// as one window) to their references.
func compareCandidates(t *testing.T, e *Engine, text string) {
	t.Helper()
	sc := e.NewScanner()
	sc.hold()
	defer sc.release()
	all := TDigit | TMonth | TWeekday | TWord
	wins := Windows(text, 0, len(text), nil)
	if len(text) <= 400 {
		wins = append(wins, Window{Start: 0, End: len(text), Triggers: all}, Window{Start: 0, End: len(text)})
	}
	for _, w := range wins {
		sub := text[w.Start:w.End]
		var special bool
		sc.low, sc.wsBuf, special, sc.sub.ascii = lowerWindowWS(sc.low[:0], sc.wsBuf[:0], sub)
		if special {
			continue
		}
		sc.findLiteralsRef(sub)
		found, ends := slices.Clone(sc.found), slices.Clone(sc.ends)
		sc.findLiterals(sub)
		if !slices.Equal(found, sc.found) || !slices.Equal(ends, sc.ends) {
			t.Fatalf("%q: literals %v %v, want %v %v", clip(sub), sc.found, sc.ends, found, ends)
		}
		for i := range e.prep {
			r := &e.prep[i]
			if got, want := sc.runs(r, i, w), sc.runsRef(r, i, w); got != want {
				t.Fatalf("%q, triggers %b: rule %s runs %v, want %v", clip(sub), w.Triggers, r.Name, got, want)
			}
			compareFinds(t, sc, r, sub)
		}
	}
}

// compareFinds compares the searches of r on the window sub (lowered in
// sc) with startFindWSRef, from 0 and from each word start.
func compareFinds(t *testing.T, sc *Scanner, r *prepared, sub string) {
	t.Helper()
	si, ws := r.scan, sc.wsBuf
	if si == nil {
		return
	}
	low := sc.low[:len(sub)]
	for _, until := range []int{len(sub), sc.until(r, len(sub))} {
		// from every word start of a short window, a seventh of them
		// in a long one (each search reads the rest of the window)
		step := 1 + len(ws)/64
		for k := -1; k < len(ws); k += step {
			from := 0
			if k >= 0 {
				from = int(ws[k])
			}
			var got, want []int
			switch {
			case si.use == 0 && r.start != nil:
				got = slices.Clone(r.start.find(&sc.sub, low, from, ws, si, until))
				want = slices.Clone(startFindRef(r.start, &sc.sub, low, from, true, until))
			case si.use == 0 && r.startOrig != nil:
				got = slices.Clone(r.startOrig.findString(&sc.sub, sub, from, from == 0, ws, si, until))
				want = slices.Clone(startFindRef(r.startOrig, &sc.sub, sub, from, from == 0, until))
			case r.start != nil:
				got = slices.Clone(startFindWS(r.start, &sc.sub, low, from, true, ws, si, until))
				want = slices.Clone(startFindWSRef(r.start, &sc.sub, low, from, true, ws, si, until))
			case r.startOrig != nil:
				got = slices.Clone(startFindWS(r.startOrig, &sc.sub, sub, from, from == 0, ws, si, until))
				want = slices.Clone(startFindWSRef(r.startOrig, &sc.sub, sub, from, from == 0, ws, si, until))
			}
			if !sameLoc(got, want) {
				t.Fatalf("rule %s, %q from %d until %d: %v, want %v", r.Name, clip(sub), from, until, got, want)
			}
		}
	}
}

// candidateWords make the random texts of the candidate tests: trigger
// words, the rules' literals and word bytes of every kind.
var candidateWords = strings.Fields(`may May MARCH 5 1994 '94 10:30 a.m. p.m. ago years days week-long
	last next this the of in on at since until early late mid- mid-1990s 2nd third Tuesday tuesdays
	quarter fiscal half decade century 1990s noon midnight tonight today yesterday every each a an
	two three dozen few several more than about nearly x12 March12 é ñ _ - , . ; : / ( )`)

// randomCandidateText returns a random text of candidateWords and
// separators.
func randomCandidateText(rng *rand.Rand) string {
	var b strings.Builder
	for n := 1 + rng.IntN(16); n > 0; n-- {
		b.WriteString(candidateWords[rng.IntN(len(candidateWords))])
		b.WriteString([]string{" ", " ", " ", "", "-", ", ", "\n", "é"}[rng.IntN(8)])
	}
	return b.String()
}

// TestCandidatesReference: the literals, the rules run and the searches
// of the scan are those of the references, on the test texts (the
// corpora when present; every fifth text), the tricky texts and random
// texts, for the built-in rules and the edge rules.
func TestCandidatesReference(t *testing.T) {
	exhaustive(t)
	e, _ := dfaEngines()
	texts := append(dfaTrickyTexts(), testTexts(t)...)
	for i, text := range texts {
		if i%5 == 0 || len(text) < 300 {
			compareCandidates(t, e, text)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		compareCandidates(t, e, randomCandidateText(rng))
	}
}

// FuzzCandidates compares the candidate selection with its references
// on random text.
func FuzzCandidates(f *testing.F) {
	for _, s := range dfaTrickyTexts() {
		if len(s) < 200 {
			f.Add(s)
		}
	}
	f.Add("On Tuesday, March 5, 2024 at 10 p.m. GMT, three days ago, the 1990s and mid-2010.")
	f.Add("x12 March12 é2020 mid-é May ſince 5 \u212Am")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 300 {
			return
		}
		e, _ := dfaEngines()
		compareCandidates(t, e, text)
	})
}

// TestNeedRules: the rule sets by triggers hold the rules whose Needs
// the triggers meet, for every byte of triggers.
func TestNeedRules(t *testing.T) {
	e := Default()
	nw := len(e.always)
	for tr := range 256 {
		for i := range e.prep {
			n := e.prep[i].Needs
			want := n == 0 || Trigger(tr)&n != 0
			if got := e.needRules[tr*nw+i/64]>>(i%64)&1 != 0; got != want {
				t.Fatalf("triggers %b, rule %s (needs %b): %v", tr, e.prep[i].Name, n, got)
			}
		}
		if tail := e.needRules[tr*nw+nw-1] >> (len(e.prep) % 64); len(e.prep)%64 != 0 && tail != 0 {
			t.Fatalf("triggers %b: bits past the rules: %b", tr, tail)
		}
	}
}
