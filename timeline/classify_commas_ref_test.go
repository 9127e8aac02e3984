package timeline

import (
	"slices"
	"sort"
	"strings"
	"testing"
)

// The asides that open at a comma as they were before the comma index
// (classifyScratch.commas): each read every token of the clause for its
// commas. Their logic is unchanged, their comments trimmed.

func participialAsideRef(sc *classifyScratch, toks []token, c int) []bool {
	in := sc.mark(len(toks))
	if !sc.punct.has(hasComma) {
		return in
	}
	for i := 0; i+1 < c; i++ {
		if toks[i].raw != "," || !strings.HasSuffix(toks[i+1].low, "ing") || toks[i+1].up {
			continue
		}
		k := i + 1
		for k < c && toks[k].raw != "," {
			k++
		}
		if k < c {
			for m := i + 1; m < k; m++ {
				in[m] = true
			}
		}
	}
	return in
}

func withParticipleRef(sc *classifyScratch, toks []token, c candidate) []bool {
	in := sc.mark(len(toks))
	if !sc.punct.has(hasComma) {
		return in
	}
	for k := c.j; k+1 < len(toks); k++ {
		if toks[k].raw != "," || toks[k+1].low != "with" {
			continue
		}
		m := k + 2
		for m < len(toks) && m < k+14 && (toks[m].up || toks[m].raw == "," || toks[m].raw == "." && m > 0 && toks[m-1].up ||
			toks[m].low == "and" || toks[m].low == "the") {
			m++
		}
		if m < len(toks) && m > k+2 && strings.HasSuffix(toks[m].low, "ing") && !toks[m].up {
			for x := k + 2; x < m; x++ {
				in[x] = true
			}
		}
		break
	}
	return in
}

func relativeAsideRef(sc *classifyScratch, toks []token, c int) []bool {
	in := sc.mark(len(toks))
	if !sc.punct.has(hasComma) {
		return in
	}
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].raw != "," {
			continue
		}
		rel := toks[i+1].low == "who" || toks[i+1].low == "whose" ||
			i+2 < len(toks) && toks[i+1].is(wcRelPrep) && (toks[i+2].low == "which" || toks[i+2].low == "whom") ||
			i+3 < len(toks) && toks[i+1].low == "pursuant" && toks[i+2].low == "to" && toks[i+3].low == "which"
		if !rel {
			continue
		}
		k := i + 1
		for k < len(toks) && toks[k].raw != "," && toks[k].raw != ";" && toks[k].raw != "." {
			k++
		}
		if c > i && c < k {
			continue
		}
		for m := i + 1; m < k; m++ {
			in[m] = true
		}
		i = k - 1
	}
	return in
}

// subordinateRef is subordinate as it was before it read the stretches
// between the commas: every token, for a comma or a subordinator.
func subordinateRef(sc *classifyScratch, toks []token) []bool {
	in := sc.mark(len(toks))
	open := false
	for i := range toks {
		t := &toks[i]
		switch {
		case t.raw == ",":
			open = false
		case t.is(wcSubordinator) && (i == 0 || toks[i-1].raw == ","):
			open = true
		}
		in[i] = open
	}
	return in
}

// withFrameRef is withFrame as it was before it read the class of a
// token before the one ahead of it, and the commas before the eighth
// token no more.
func withFrameRef(sc *classifyScratch, toks []token, c candidate, actors []Actor) []bool {
	in := sc.mark(len(toks))
	open := -1 // the opener of a framing phrase at the start or after the first comma
	for k := 0; k < len(toks) && k < c.i; k++ {
		if (k == 0 || toks[k-1].raw == "," || k <= 3 && isDigitStart(toks[k-1].raw)) && toks[k].is(wcFrameOpener) {
			open = k
			break
		}
		if k > 0 && toks[k].raw == "," {
			if !(k < 8) {
				break
			}
		}
	}
	if open < 0 {
		return in
	}
	inActor := sc.mark(len(toks))
	for k := range actors {
		a := &actors[k]
		for i := tokenAt(toks, a.Start); i < len(toks) && toks[i].Start < a.End; i++ {
			inActor[i] = true
		}
	}
	cut, named := -1, false
	for k := c.i - 1; k > 0; k-- {
		if toks[k].raw != "," {
			continue
		}
		other, names := 0, false
		for m := k + 1; m < c.i; m++ {
			switch {
			case inActor[m]:
				names = true
			case toks[m].raw == ",", toks[m].low == "and", toks[m].low == "the":
			default:
				other++
			}
		}
		if other > 3 || !names {
			break
		}
		cut, named = k, true
	}
	if named && cut > open {
		for m := open; m < cut; m++ {
			in[m] = true
		}
	}
	return in
}

func splitCoordinatedRef(sc *classifyScratch, cls []Span, toks []token, actors []Actor, cands []candidate) []Span {
	if !sc.punct.has(hasAnd) {
		return cls
	}
	tokenAt := func(off int) int { return sort.Search(len(toks), func(i int) bool { return toks[i].Start >= off }) }
	verbStart := sc.mark(len(toks))
	for _, c := range cands {
		if !c.t.noun {
			verbStart[c.i] = true
		}
	}
	verbAt := func(i int) bool { return verbLike(toks, i) || i < len(toks) && verbStart[i] }
	cuts := sc.cuts[:0]
	for n := range actors {
		a := &actors[n]
		i := tokenAt(a.Start)
		k := i - 1
		if k >= 0 && toks[k].low == "the" {
			k--
		}
		if k < 1 || toks[k].low != "and" || toks[k-1].raw != "," {
			continue
		}
		if listed(actors, toks[k-1].Start) {
			continue
		}
		if e := tokenAt(a.End); e < len(toks) && verbAt(e) {
			cuts = append(cuts, toks[k-1].Start)
		}
	}
	for k := 0; k+2 < len(toks); k++ {
		if toks[k].raw != "," || toks[k+1].low != "and" || adverbs[toks[k+2].low] || verbAt(k+2) && !nounAfter(toks, k+2) || listed(actors, toks[k].Start) {
			continue
		}
		for v := k + 3; v < len(toks) && v <= k+6; v++ {
			t := &toks[v]
			if !t.word || t.is(wcStop) && t.low != "the" {
				break
			}
			if verbAt(v) && !strings.HasSuffix(toks[v-1].low, "ly") && !strings.HasSuffix(toks[v-1].low, "ed") {
				cuts = append(cuts, toks[k].Start)
				break
			}
		}
	}
	for k := 1; k+2 < len(toks); k++ {
		if toks[k].low == "and" && toks[k-1].raw != "," && (toks[k+1].low == "on" || toks[k+1].low == "in" || toks[k+1].low == "by") &&
			(toks[k+2].up || isDigitStart(toks[k+2].raw)) && toks[k+2].is(wcNonName) || toks[k].low == "and" && k+2 < len(toks) &&
			(toks[k+1].low == "on" || toks[k+1].low == "in" || toks[k+1].low == "by") && isDigitStart(toks[k+2].raw) {
			cuts = append(cuts, toks[k].Start)
		}
	}
	sc.cuts = cuts
	if len(cuts) == 0 {
		return cls
	}
	sort.Ints(cuts)
	out := sc.cls2[:0]
	for _, c := range cls {
		start := c.Start
		for _, cut := range cuts {
			if cut > start && cut < c.End {
				out = append(out, Span{start, cut})
				start = cut
			}
		}
		out = append(out, Span{start, c.End})
	}
	sc.cls2 = out
	return out
}

// readPunctuationRef is the punctuation readPunctuation reads, as it
// read it with a branch on each token's length.
func readPunctuationRef(toks []token) punctuation {
	var p punctuation
	for i := range toks {
		t := &toks[i]
		if len(t.raw) > 3 || t.raw == "" { // longer than any mark, and than "and"
			continue
		}
		m := punctByFirst[t.raw[0]]
		if m&mayBeAnd != 0 && t.low == "and" {
			m |= hasAnd
		}
		p |= m
	}
	return p
}

// checkCommaAsides holds the comma and "and" indexes to the tokens, the
// marks read to readPunctuationRef, and
// the comma-indexed asides (and subordinate) to their references on
// the tokens of text[s.Start:s.End], read as one clause, at every token
// (as the trigger's), and splitCoordinated with the clause's own
// candidates and actors and with a candidate and an actor at every third
// token.
// It returns the number of tokens some aside marked.
func checkCommaAsides(t *testing.T, ix *actorIndex, tz *tokenizer, text string, s Span) int {
	t.Helper()
	toks := tz.tokenizeLookup(text, s, ix.gaz)
	var sc classifyScratch
	sc.readPunctuation(toks)
	var commas, ands []int32
	for i := range toks {
		switch toks[i].low {
		case ",":
			commas = append(commas, int32(i))
		case "and":
			ands = append(ands, int32(i))
		}
	}
	if !slices.Equal(sc.commas, commas) || !slices.Equal(sc.ands, ands) {
		t.Fatalf("%q: commas %v and ands %v indexed, want %v and %v", text[s.Start:s.End], sc.commas, sc.ands, commas, ands)
	}
	if want := readPunctuationRef(toks); sc.punct != want {
		t.Fatalf("%q: punctuation %#b, want %#b", text[s.Start:s.End], sc.punct, want)
	}
	marked := 0
	if got, want := subordinate(&sc, toks), subordinateRef(&sc, toks); !slices.Equal(got, want) {
		t.Fatalf("subordinate(%q) = %v, want %v", text[s.Start:s.End], got, want)
	} else {
		marked += countTrue(want)
	}
	fail := func(what string, c int, got, want any) {
		t.Helper()
		t.Fatalf("%s(%q, %d) = %v, want %v", what, text[s.Start:s.End], c, got, want)
	}
	for c := 0; c <= len(toks); c++ {
		sc.reset()
		if got, want := participialAside(&sc, toks, c), participialAsideRef(&sc, toks, c); !slices.Equal(got, want) {
			fail("participialAside", c, got, want)
		}
		if got, want := relativeAside(&sc, toks, c), relativeAsideRef(&sc, toks, c); !slices.Equal(got, want) {
			fail("relativeAside", c, got, want)
		} else {
			marked += countTrue(want)
		}
		cand := candidate{i: c, j: c + 1}
		if got, want := withParticiple(&sc, toks, cand), withParticipleRef(&sc, toks, cand); !slices.Equal(got, want) {
			fail("withParticiple", c, got, want)
		} else {
			marked += countTrue(want)
		}
	}
	cls := []Span{s}
	if len(toks) > 2 {
		cls = []Span{{s.Start, toks[len(toks)/2].Start}, {toks[len(toks)/2].Start, s.End}}
	}
	mem := newActorMemory()
	actors := ix.findActors(text, s, mem)
	toks = tz.tokenizeLookup(text, s, ix.gaz) // findActors's tokenizer is its own, but be sure
	sc.reset()
	sc.readPunctuation(toks)
	cands := slices.Clone(ix.candidates(nil, toks, Span{}))
	checkSplit := func(actors []Actor, cands []candidate) {
		t.Helper()
		sc.reset()
		got := slices.Clone(splitCoordinated(&sc, cls, toks, actors, cands))
		sc.reset()
		want := splitCoordinatedRef(&sc, cls, toks, actors, cands)
		if !slices.Equal(got, want) {
			t.Fatalf("splitCoordinated(%q) = %v, want %v", text[s.Start:s.End], got, want)
		}
	}
	checkSplit(actors, cands)
	for i := 0; i <= len(toks); i++ {
		sc.reset()
		c := candidate{i: i, j: i + 1}
		if got, want := withFrame(&sc, toks, c, actors), withFrameRef(&sc, toks, c, actors); !slices.Equal(got, want) {
			t.Fatalf("withFrame(%q, %d) = %v, want %v", text[s.Start:s.End], i, got, want)
		}
	}
	verb := &trigger{}
	for i := 0; i < len(toks); i += 3 {
		a := Actor{Span: toks[i].Span}
		checkSplit(append(slices.Clone(actors), a), append(slices.Clone(cands), candidate{i: i, j: i + 1, t: verb}))
	}
	return marked
}

func countTrue(bs []bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

var commaAsideCases = []string{
	"Iraq, facing U.S. troops, attacked Kuwait, with Britain, France and Poland contributing troops.",
	"James Dubik, who is in charge of training, praised Iran, under which the accord, pursuant to which it ran, fell.",
	"The Soviet Union agreed to charter tankers, and the United States offered to provide protection, and then left.",
	", , ,, with, who", ",", "a,", ",and", ", and the army attacked, and protracted armistice negotiations began",
	"After the war, Iraq attacked, while Iran, before, said, and on 5 May, AND in 1990 and by March, and",
	"In 1982 with Iranian success on the battlefield, Iraq and Kuwait, and Iran attacked", "2 May, under x, Iraq, Iran signed",
}

func TestCommaAsidesMatchReference(t *testing.T) {
	ix := newActorIndex()
	var tz tokenizer
	marked := 0
	for _, text := range refTexts(t, commaAsideCases) {
		for from := 0; from < len(text); from += 241 {
			marked += checkCommaAsides(t, ix, &tz, text, Span{from, min(from+241, len(text))})
		}
	}
	if marked == 0 {
		t.Fatal("no aside marked")
	}
}

func FuzzCommaAsides(f *testing.F) {
	for _, c := range commaAsideCases {
		f.Add(c)
	}
	ix := newActorIndex()
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<10 {
			return
		}
		var tz tokenizer
		checkCommaAsides(t, ix, &tz, text, Span{0, len(text)})
	})
}

// TestTokenAtMatchesSortSearch holds tokenAt to sort.Search at every
// offset of spans of the reference texts and one past them.
func TestTokenAtMatchesSortSearch(t *testing.T) {
	var tz tokenizer
	for _, text := range refTexts(t, commaAsideCases) {
		for from := 0; from < len(text); from += 997 {
			s := Span{from, min(from+331, len(text))}
			toks := tz.tokenize(text, s)
			for off := s.Start - 1; off <= s.End+1; off++ {
				want := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= off })
				if got := tokenAt(toks, off); got != want {
					t.Fatalf("tokenAt(%q, %d) = %d, want %d", text[s.Start:s.End], off, got, want)
				}
			}
		}
	}
}

func FuzzTokenAt(f *testing.F) {
	for _, c := range commaAsideCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var tz tokenizer
		toks := tz.tokenize(text, Span{0, len(text)})
		for off := -1; off <= len(text)+1; off++ {
			want := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= off })
			if got := tokenAt(toks, off); got != want {
				t.Fatalf("tokenAt(%q, %d) = %d, want %d", text, off, got, want)
			}
		}
	})
}
