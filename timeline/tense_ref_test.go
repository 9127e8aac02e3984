package timeline

import (
	"math/rand/v2"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// tailRegexps are the expressions of the resolver read with a filter on
// their last word, by name.
var tailRegexps = map[string]*tailRegexp{
	"hadBefore": hadBefore, "auxBefore": auxBefore, "deadlineBefore": deadlineBefore,
	"determinerBefore": determinerBefore, "adjectiveBefore": adjectiveBefore, "endedBefore": endedBefore,
	"sinceBefore": sinceBefore, "sinceSignal": sinceSignal, "boundaryWord": boundaryWord, "comingBefore": comingBefore,
}

// sampleMatch writes a random text that re's syntax tree spells out:
// a match, save where an assertion (\b, ^) is not met by what comes
// around it. Letters of case-folded literals get a random case of their
// fold orbit (ſ and the Kelvin sign among them).
func sampleMatch(rng *rand.Rand, re *syntax.Regexp, b *strings.Builder) {
	reps := func(min, max int) int {
		if max < 0 {
			max = min + 3
		}
		return min + rng.IntN(max-min+1)
	}
	switch re.Op {
	case syntax.OpLiteral:
		for _, r := range re.Rune {
			if re.Flags&syntax.FoldCase != 0 {
				for n := rng.IntN(4); n > 0; n-- {
					r = unicode.SimpleFold(r)
				}
			}
			b.WriteRune(r)
		}
	case syntax.OpCharClass:
		// mostly ASCII, to reach the expression's words
		var pick []rune
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1] && r < 0x80; r++ {
				pick = append(pick, r)
			}
		}
		if len(pick) == 0 || rng.IntN(20) == 0 {
			i := 2 * rng.IntN(len(re.Rune)/2)
			pick = []rune{re.Rune[i] + rune(rng.IntN(int(min(re.Rune[i+1]-re.Rune[i], 1000))+1))}
		}
		b.WriteRune(pick[rng.IntN(len(pick))])
	case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
		b.WriteByte("ab .,"[rng.IntN(5)])
	case syntax.OpCapture:
		sampleMatch(rng, re.Sub[0], b)
	case syntax.OpStar:
		for range reps(0, -1) {
			sampleMatch(rng, re.Sub[0], b)
		}
	case syntax.OpPlus:
		for range reps(1, -1) {
			sampleMatch(rng, re.Sub[0], b)
		}
	case syntax.OpQuest:
		if rng.IntN(2) == 0 {
			sampleMatch(rng, re.Sub[0], b)
		}
	case syntax.OpRepeat:
		for range reps(re.Min, re.Max) {
			sampleMatch(rng, re.Sub[0], b)
		}
	case syntax.OpConcat:
		for _, s := range re.Sub {
			sampleMatch(rng, s, b)
		}
	case syntax.OpAlternate:
		sampleMatch(rng, re.Sub[rng.IntN(len(re.Sub))], b)
	}
	// assertions and empty matches write nothing
}

// TestTailRegexpsMatchReference: reading the last word gives the
// expression's answer, on texts spelled from each expression after a
// few openings and on their tails, and on the windows of the reference
// texts before every word.
func TestTailRegexpsMatchReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	samples := 20000
	if raceEnabled {
		samples = 2000 // the same checks, ten times slower
	}
	for name, tr := range tailRegexps {
		re, err := syntax.Parse(tr.re.String(), syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		matched := 0
		for range samples {
			var b strings.Builder
			b.WriteString([]string{"", "x ", "and ", "é", "_", "(", "\u017F "}[rng.IntN(7)])
			sampleMatch(rng, re, &b)
			s := b.String()
			want := tr.re.MatchString(s)
			if want {
				matched++
			}
			if got := tr.MatchString(s); got != want {
				t.Fatalf("%s on %q: %v, want %v", name, s, got, want)
			}
			if rng.IntN(10) == 0 {
				// its tails, which lose the words that open a match
				for k := 1; k < len(s); k++ {
					if got, want := tr.MatchString(s[k:]), tr.re.MatchString(s[k:]); got != want {
						t.Fatalf("%s on %q: %v, want %v", name, s[k:], got, want)
					}
				}
			}
		}
		if matched < samples/4 {
			t.Errorf("%s: only %d of the texts spelled from it match", name, matched)
		}
	}
	if raceEnabled {
		return // single-goroutine comparisons, long under the detector
	}
	for _, text := range refTexts(t, nil) {
		for i := 1; i < len(text); i++ {
			if text[i-1] != ' ' {
				continue
			}
			s := text[max(0, i-64):i]
			for name, tr := range tailRegexps {
				if got, want := tr.MatchString(s), tr.re.MatchString(s); got != want {
					t.Fatalf("%s on %q: %v, want %v", name, s, got, want)
				}
			}
		}
	}
}

func FuzzTailRegexps(f *testing.F) {
	for _, s := range []string{"had been due to ", "is newly ", "on or after ", "the \u017Ftill ", "ahead of the  ", "xended ", "éthe "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, tr := range tailRegexps {
			if got, want := tr.MatchString(s), tr.re.MatchString(s); got != want {
				t.Fatalf("%s on %q: %v, want %v", name, s, got, want)
			}
		}
	})
}

func futureCueSpans(s string) [][]int {
	var out [][]int
	findFutureCues(s, func(a, b int) { out = append(out, []int{a, b}) })
	return out
}

var futureCueCases = []string{
	"", "He will go. She'll see. They won't, WON'T, won'tx, won’t.", "is going to; was planning  to; am preparing\tto; were due to",
	"is to, are to, am to, was to", "scheduled to x; scheduled; scheduled tomorrow; SCHEDULED TO", "Expects to, hopes to, aims\nto, plans to, intends to, plan  to",
	"May may might Might", "as soon as, as early as, as soon, no later than, no later", "expire expires expired expiresx expire_", "until till untill deadline deadlines",
	"will'll x'll 'll 'llx", "2will _will willé éwill", "is due to is set to is expected to is scheduled to is slated to is likely to is supposed to",
	"was going  to  be", "is  going tomorrow", "\u017Fhall \u212A x will",
}

// TestFindFutureCuesMatchesReference: the word scan finds what futureCue
// finds, on the cases and on the reference texts and their sentences.
func TestFindFutureCuesMatchesReference(t *testing.T) {
	n := 0
	for _, s := range refTexts(t, futureCueCases) {
		want := futureCue.FindAllStringIndex(s, -1)
		if got := futureCueSpans(s); len(want)+len(got) > 0 && !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("%.200q:\n got %v\nwant %v", s, got, want)
		}
		n += len(want)
		for _, sent := range splitSentences(s) {
			want := futureCue.FindAllStringIndex(sent.Text, -1)
			if got := futureCueSpans(sent.Text); len(want)+len(got) > 0 && !slices.EqualFunc(got, want, slices.Equal) {
				t.Fatalf("%q:\n got %v\nwant %v", sent.Text, got, want)
			}
		}
	}
	if n < floorWithCorpus(t, 100) {
		t.Errorf("only %d future cues in the reference texts", n)
	}
}

func FuzzFutureCues(f *testing.F) {
	for _, c := range futureCueCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := futureCue.FindAllStringIndex(s, -1)
		if got := futureCueSpans(s); len(want)+len(got) > 0 && !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("%q:\n got %v\nwant %v", s, got, want)
		}
	})
}

// TestFindFutureCuesOnSpelledTexts compares the scan with futureCue on
// texts made of pieces spelled from the expression itself, from its
// alternatives and from words around them, joined by separators.
func TestFindFutureCuesOnSpelledTexts(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	re, err := syntax.Parse(futureCue.String(), syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"to", "is", "was", "going", "as", "soon", "later", "than", "won", "'t", "'", "x", "May", "tomorrow", "2", "_", "é"}
	seps := []string{" ", "  ", "\t", "\n", "", ".", ", ", "'", "-", "é"}
	texts := 50000
	if raceEnabled {
		texts = 5000 // the same checks, ten times slower
	}
	for range texts {
		var b strings.Builder
		for n := 1 + rng.IntN(5); n > 0; n-- {
			if rng.IntN(3) == 0 {
				b.WriteString(words[rng.IntN(len(words))])
			} else {
				sampleMatch(rng, re, &b)
			}
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		s := b.String()
		want := futureCue.FindAllStringIndex(s, -1)
		if got := futureCueSpans(s); len(want)+len(got) > 0 && !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("%q:\n got %v\nwant %v", s, got, want)
		}
	}
}

// checkCuesTogether: the pass that finds both kinds of cues finds what
// the passes for each kind find.
func checkCuesTogether(t *testing.T, s string) {
	t.Helper()
	var past, future [][]int
	findCues(s, func(a, b int) { past = append(past, []int{a, b}) }, func(a, b int) { future = append(future, []int{a, b}) })
	if wp, wf := pastCueSpans(s), futureCueSpans(s); !slices.EqualFunc(past, wp, slices.Equal) || !slices.EqualFunc(future, wf, slices.Equal) {
		t.Fatalf("%.200q: together %v %v, apart %v %v", s, past, future, wp, wf)
	}
}

func TestFindCuesTogether(t *testing.T) {
	for _, s := range refTexts(t, append(futureCueCases, "set off will set  off'll won't set off")) {
		checkCuesTogether(t, s)
	}
}

func FuzzCuesTogether(f *testing.F) {
	for _, c := range futureCueCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkCuesTogether(t, s)
	})
}

// TestCueFlags: the past cues of a sentence carry the flags of their
// words, whatever their case.
func TestCueFlags(t *testing.T) {
	var words []string
	for w := range notPast {
		words = append(words, w, strings.ToUpper(w))
	}
	for w := range reportingVerb {
		words = append(words, w, strings.ToUpper(w[:1])+w[1:])
	}
	words = append(words, "walked", "Sailed", "was", "set  off", "predictedx", "announce")
	n := 0
	for _, w := range words {
		text := "x " + w + " y"
		c := cuesOf(nil, text, Span{0, len(text)})
		low := strings.ToLower(w)
		for _, k := range c.past {
			if got := text[k.Start:k.End]; got != w {
				continue
			}
			n++
			if k.notPast != notPast[low] || k.reporting != reportingVerb[low] || k.ed != strings.HasSuffix(low, "ed") {
				t.Errorf("%q: notPast %v, reporting %v, ed %v", w, k.notPast, k.reporting, k.ed)
			}
		}
	}
	if n < 50 {
		t.Errorf("only %d of the words are past cues", n)
	}
}
