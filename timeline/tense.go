package timeline

import (
	"regexp"
)

// tense is the grammatical time of a clause, as far as cheap cues tell.
type tense int

const (
	pastTense tense = iota
	futureTense
)

// futureCue finds the markers of a future clause: modal "will" and
// "shall", "going to", "is due to", "plans to", "next".
var futureCue = regexp.MustCompile(`(?i)\b(?:will|shall|won't|'ll|going to|is due to|are due to|is set to|are set to|plans? to|planning to|is expected to|are expected to|scheduled to|is to|are to)\b`)

// tenseLookBack bounds how far before an expression clauseTense reads.
const tenseLookBack = 400

// clauseTense reads the tense of the clause around an expression: the
// stretch of the sentence up to the expression and a little past it.
// News reports in the past by default, so only a future cue changes it.
func clauseTense(text string, sent Span, at Span) tense {
	// at most tenseLookBack bytes before the expression: a cue further
	// back is in another clause, and an unbounded look is quadratic in a
	// sentence of thousands of dates
	from := max(sent.Start, at.Start-tenseLookBack)
	to := min(sent.End, at.End+60)
	if futureCue.MatchString(text[from:to]) {
		return futureTense
	}
	return pastTense
}
