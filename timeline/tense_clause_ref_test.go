package timeline

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// clauseTenseInRef is clauseTenseIn as it was, reading every cue of the window
// and making the checks of each that came nearer than those before it.
func clauseTenseInRef(c *sentenceCues, at Span, before, after int) tense {
	from := max(c.sent.Start, at.Start-before)
	to := min(c.sent.End, at.End+after)
	if from >= to {
		return unknownTense
	}
	best, bestDist := unknownTense, 1<<30
	dist := func(k Span) int {
		switch {
		case k.End <= at.Start:
			return at.Start - k.End
		case k.Start >= at.End:
			return k.Start - at.End
		}
		return 1 << 30 // inside the expression itself
	}
	for i := range c.future {
		k := &c.future[i]
		if k.Start < from || k.End > to {
			continue
		}
		if d := dist(k.Span); d < bestDist {
			best, bestDist = futureTense, d
			if c.check(&k.had, k.Span, hadBefore) {
				// "had been due to expire Friday": a plan made in the
				// past for a time now past
				best = pastTense
			} else if untilCue.MatchString(c.text[k.Start:k.End]) && c.pastPerfect() {
				// "Until Thursday, they had not called him a suspect":
				// a state that ended before the past perfect's time of
				// reference; "until" points ahead only from a clause
				// that is not over
				best = pastTense
			}
		}
	}
	for i := range c.past {
		k := &c.past[i]
		if k.Start < from || k.End > to || k.notPast || c.check(&k.aux, k.Span, auxBefore) ||
			k.ed && c.check(&k.det, k.Span, determinerBefore) {
			continue
		}
		if k.reporting && k.Start >= at.End && reportTag(c.text[at.End:k.Start], c.text[k.End:to]) {
			// "… leave on Thursday,'' Castro said": the time of the
			// report, not of the clause that holds the expression
			continue
		}
		if d := dist(k.Span); d < bestDist {
			best, bestDist = pastTense, d
		}
	}
	return best
}

// checkClauseTense compares clauseTenseIn with clauseTenseInRef on the
// sentence sent of text, for expressions at each word and at random
// spans, in both windows clauseTense reads, each from cues of its own.
func checkClauseTense(t *testing.T, rng *rand.Rand, text string, sent Span) {
	t.Helper()
	got, want := cuesOf(nil, text, sent), cuesOf(nil, text, sent)
	if len(got.past)+len(got.future) == 0 {
		return
	}
	var spans []Span
	for i := sent.Start; i < sent.End; i++ {
		if i == sent.Start || text[i-1] == ' ' {
			j := i
			for j < sent.End && text[j] != ' ' {
				j++
			}
			spans = append(spans, Span{i, j})
		}
	}
	for range 4 {
		a := sent.Start + rng.IntN(sent.End-sent.Start+1)
		spans = append(spans, Span{a, min(sent.End, a+rng.IntN(20))})
	}
	for _, at := range spans {
		for _, w := range [][2]int{{120, 80}, {0, 1 << 20}, {10, 10}} {
			if g, r := clauseTenseIn(got, at, w[0], w[1]), clauseTenseInRef(want, at, w[0], w[1]); g != r {
				t.Fatalf("%q %v, window %v: tense %d, want %d", text[sent.Start:sent.End], at, w, g, r)
			}
		}
	}
}

// clauseTenseCases hold cues of both kinds around an expression, with the
// checks that turn cues away.
var clauseTenseCases = []string{
	"The plan, which was expected to be announced, will be signed Friday, officials said.",
	"He had been due to leave on Monday but stayed; the revised plan was approved Tuesday.",
	"Until Thursday, they had not called him a suspect, and the talks ended.",
	"``We will leave on Thursday,'' Castro said, as the upcoming vote was scheduled for May.",
	"It is to be held Sunday; the meeting was postponed until March, and set off protests.",
	"The company said it expects to report earnings in the quarter ended June 30.",
}

func TestClauseTenseMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for _, text := range refTexts(t, clauseTenseCases) {
		for _, s := range splitSentences(text) {
			checkClauseTense(t, rng, text, s.Span)
		}
	}
}

func FuzzClauseTense(f *testing.F) {
	for _, c := range clauseTenseCases {
		f.Add(c, uint64(1))
	}
	f.Fuzz(func(t *testing.T, text string, seed uint64) {
		if strings.TrimSpace(text) == "" {
			return
		}
		checkClauseTense(t, rand.New(rand.NewPCG(seed, 15)), text, Span{0, len(text)})
	})
}
