package timeline

import "github.com/eventline/eventline/timeline/internal/temporal"

// tense is the grammatical time of a clause, as far as cheap cues tell.
type tense int

const (
	pastTense tense = iota
	futureTense
)

// futureCue finds the markers of a future clause: modal "will" and
// "shall", "going to", "is due to", "plans to", "next".
var futureCue = temporal.MustCompile(`(?i)\b(?:will|shall|won't|'ll|going to|is due to|are due to|is set to|are set to|plans? to|planning to|is expected to|are expected to|scheduled to|is to|are to)\b`)

// clauseTense reads the tense of the clause around an expression: the
// stretch of the sentence up to the expression and a little past it.
// News reports in the past by default, so only a future cue changes it.
func clauseTense(text string, sent Span, at Span) tense {
	from := sent.Start
	to := min(sent.End, at.End+60)
	if futureCue.MatchString(text[from:to]) {
		return futureTense
	}
	return pastTense
}
