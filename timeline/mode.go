package timeline

import (
	"regexp"

	"github.com/eventline/eventline/timeline/internal/temporal"
)

// newsCue finds the deictic words of a news report: a weekday, "today",
// "yesterday", "ago", "last week". Histories rarely use them.
var newsCue = regexp.MustCompile(`(?i)\b(?:yesterday|today|tomorrow|tonight|ago|this (?:week|month|year)|last (?:week|month|year)|next (?:week|month)|(?:on|late|early|last|next) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b`)

// chooseMode decides how a document's relative expressions are anchored.
// Without a DCT only the story can anchor them. With one, a document is a
// narrative when most of its explicit years lie far from the DCT (a
// Wikipedia history retrieved decades after the war it tells) and it
// speaks in deictic terms rarely next to them: a news report may recall
// old years, but it keeps saying "yesterday" and "last week".
func chooseMode(text string, ms []temporal.Mention, hasDCT bool, dctYear int) Mode {
	if !hasDCT {
		// A document that speaks in deictic terms is news even without a
		// DCT (its deictic expressions then stay unresolved); otherwise
		// only the story can anchor its relative expressions.
		if newsCue.MatchString(text) {
			return News
		}
		return History
	}
	years, far := 0, 0
	for i := range ms {
		m := &ms[i]
		if m.Year == nil || m.Kind != temporal.Point || m.Rel != nil {
			continue
		}
		years++
		if d := *m.Year - dctYear; m.BC || d < -1 || d > 1 {
			far++
		}
	}
	if years < 5 || far*3 < years*2 {
		return News
	}
	cues := len(newsCue.FindAllStringIndex(text, -1))
	if cues*6 > far {
		return News
	}
	return History
}
