package timeline

import (
	"regexp"

	"github.com/eventline/eventline/timeline/internal/temporal"
)

// newsCue finds the deictic words of a news report: a weekday, "today",
// "yesterday", "ago", "last week". Histories rarely use them.
var newsCue = regexp.MustCompile(`(?i)\b(?:yesterday|today|tomorrow|tonight|ago|this (?:week|month|year)|last (?:week|month|year)|(?:on|late|early|last|next) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b`)

// chooseMode decides how a document's relative expressions are anchored.
// A document that speaks in deictic terms is news, with or without a DCT
// (without one, its deictic expressions stay unresolved). Otherwise,
// without a DCT only the story can anchor them; with one, a document is a
// narrative when it speaks in deictic terms nowhere and most of its
// explicit years lie far from the DCT (a Wikipedia history retrieved
// decades after the war it tells).
func chooseMode(text string, ms []temporal.Mention, hasDCT bool, dctYear int) Mode {
	if newsCue.MatchString(text) {
		return News
	}
	if !hasDCT {
		return History
	}
	years, near := 0, 0
	for i := range ms {
		m := &ms[i]
		if m.Year == nil || m.Kind != temporal.Point || m.Rel != nil {
			continue
		}
		years++
		if d := *m.Year - dctYear; d >= -1 && d <= 1 {
			near++
		}
	}
	if years >= 3 && near*4 < years {
		return History
	}
	return News
}
