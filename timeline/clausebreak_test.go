package timeline

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The regular expressions clauseBreakTokens and firstDateBreak implement.
var (
	clauseBreaksReference = regexp.MustCompile(`(?i)(?:[,;]\s+|\s+)(?:before|after|when|while|until|and then|but|whereas|although|though|whereupon)\s|;\s|,\s+and\s+(?:on|in|by|at)\s|,?\s+and\s+(?:said|says|added)\s|,\s+(?:where|which)\s`)
	clauseBreakReference  = regexp.MustCompile(`(?i)(?:[,;]\s+|\s+)(?:before|after|when|while|until|and then|but|whereas|as|then)\s|;\s`)
)

func clauseBreakList(s string) [][]int {
	var out [][]int
	whole := Span{0, len(s)}
	toks := tokenize(s, whole)
	lookupGaz().lookup(toks)
	clauseBreakTokens(s, whole, toks, func(a, b int) { out = append(out, []int{a, b}) })
	return out
}

// lookupGaz is the table the tokens of the clause-break tests are
// looked up in, as the classification's are, made once.
var lookupGaz = sync.OnceValue(func() *gazetteer { return newActorIndex().gaz })

func firstDateBreakReference(s string) int {
	if loc := clauseBreakReference.FindStringIndex(s); loc != nil {
		return loc[0]
	}
	return -1
}

// checkClauseBreaks compares both scanners with their expressions on s.
func checkClauseBreaks(t *testing.T, s string) {
	t.Helper()
	assert.Equal(t, clauseBreaksReference.FindAllStringIndex(s, -1), clauseBreakList(s), "clauseBreaks on %q", s)
	assert.Equal(t, firstDateBreakReference(s), firstDateBreak(s), "clauseBreak on %q", s)
}

var clauseBreakCases = []string{
	"", ",", "; ", ";x", " ;  before ",
	"It fell on Monday, before Russia brokered a ceasefire on Tuesday.",
	"Iraq attacked, but before the war ended; Iran AND THEN withdrew",
	"troops left ,  and in 1990 they came back, and said no,and said yes  and says , and added\tit",
	"the town, where  it began, which fell, whereas whereupon whereabouts",
	"though although, though\nthough\fthough\vthough\rthough",
	"as a rule, as, then then, thence AS THEN",
	"said Whereaſ it wa\u212As, and ſaid it, and by then", "x WHEREAſ y, whereaſ\tz; Whereupon\nBUT \u212Aept",
	"and\u00a0then before\u00a0it and  then",
	"until, until until; until",
}

func TestClauseBreaks(t *testing.T) {
	for _, tc := range []struct {
		text        string
		spans       [][]int
		firstBefore int
	}{
		{"", nil, -1},
		{"It fell on Monday, before Russia left.", [][]int{{17, 26}}, 17},
		// "; " takes the white space the ", and said" after it would need
		{"It fell; and said it, where it fell, and in May, and as then", [][]int{{7, 9}, {20, 28}, {35, 44}}, 7},
		{"left as he came", nil, 4},
	} {
		assert.Equal(t, tc.spans, clauseBreakList(tc.text), tc.text)
		assert.Equal(t, tc.firstBefore, firstDateBreak(tc.text), tc.text)
		checkClauseBreaks(t, tc.text)
	}
	for _, s := range clauseBreakCases {
		checkClauseBreaks(t, s)
	}
	// a long run of white space before a word that may start a break: a
	// scan that read the run again from each of its bytes would not end
	checkClauseBreaks(t, ","+strings.Repeat(" ", 1<<18)+"the ;"+strings.Repeat("\t", 1<<18)+"a")
}

// TestClauseBreaksMatchReference: the scanners find what the expressions
// find on real text: the seeds, the test documents and, when the shared
// data is there, the TBAQ documents.
func TestClauseBreaksMatchReference(t *testing.T) {
	n := 0
	for _, s := range refTexts(t, clauseBreakCases) {
		checkClauseBreaks(t, s)
		n += len(clauseBreaksReference.FindAllStringIndex(s, -1))
	}
	// without the shared data the seeds and test documents still hold
	// some, so that the comparison is never empty
	assert.Greater(t, n, floorWithCorpus(t, 50))
}

func FuzzClauseBreaks(f *testing.F) {
	for _, s := range clauseBreakCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkClauseBreaks(t, s)
	})
}

// TestClauseBreaksRandom compares the scanners with their expressions on
// strings put together from the pieces of the expressions, white space
// of every kind, and the letters that fold to s and k.
func TestClauseBreaksRandom(t *testing.T) {
	parts := []string{",", ";", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\u00a0", "and", "AND", "said", "ſaid", "says",
		"added", "then", "before", "after", "when", "while", "until", "but", "whereas", "whereaſ", "although", "though",
		"whereupon", "as", "aſ", "where", "which", "on", "in", "by", "at", "x", "é", "\u212a", "the", "wh", "Th", "b", "a", "."}
	r := rand.New(rand.NewPCG(1, 2))
	for range 50000 {
		var b strings.Builder
		for range r.IntN(14) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		if !slices.EqualFunc(clauseBreakList(s), clauseBreaksReference.FindAllStringIndex(s, -1), slices.Equal) ||
			firstDateBreak(s) != firstDateBreakReference(s) {
			checkClauseBreaks(t, s)
			return
		}
	}
}
