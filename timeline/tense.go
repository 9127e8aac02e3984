package timeline

import (
	"regexp"
	"strings"
)

// tense is the grammatical time of a clause, as far as cheap cues tell.
type tense int

const (
	pastTense tense = iota
	futureTense
	// unknownTense: no cue either way (a present-tense or verbless
	// clause).
	unknownTense
)

// futureCue finds the markers of a future clause: modal "will" and
// "shall", "going to", "is due to", "plans to", "scheduled".
var futureCue = regexp.MustCompile(`(?i)\b(?:will|expects?\s+to|hopes?\s+to|aims?\s+to|shall|won't|'ll|(?:(?:is|are|was|were|am)\s+)?(?:going|planning|preparing)\s+to|(?:(?:is|are|was|were)\s+)?(?:due|set|expected|scheduled|slated|likely|supposed)\s+to|(?:is|are)\s+to|plans?\s+to|intends?\s+to|scheduled|upcoming|expire[sd]?|would|(?-i:may|might)|as\s+(?:soon|early)\s+as|until|till|no\s+later\s+than|deadline)\b|'ll\b`)

// pastCue finds the markers of a past clause: the past tense of "be",
// "have" and "do", common irregular pasts, and regular "-ed" forms.
var pastCue = regexp.MustCompile(`(?i)\b(?:was|were|had|did|said|told|met|went|came|took|gave|made|began|left|saw|fell|rose|won|lost|sold|bought|held|led|fought|ran|struck|spoke|wrote|became|sent|brought|paid|kept|set\s+off|broke|ago|earlier|last|[a-z]{2,}ed)\b`)

// notPast are "-ed" words that are not verbs in the past tense.
var notPast = map[string]bool{"need": true, "speed": true, "indeed": true, "proceed": true, "exceed": true, "succeed": true, "feed": true, "seed": true, "bred": true, "red": true, "bed": true, "shed": true, "wed": true, "hundred": true, "united": true, "limited": true, "expected": true, "scheduled": true, "proposed": true, "planned": true, "related": true, "based": true}

// reportingVerb are the past verbs of reporting that follow a reported
// clause after a comma or a quotation mark.
var reportingVerb = map[string]bool{"said": true, "told": true, "added": true, "announced": true, "reported": true, "stated": true, "declared": true, "predicted": true, "warned": true}

// reportTag reports whether a reporting verb closes the clause of an
// expression as a speech tag: a quotation mark comes between them
// (“… Thursday,” Castro said), or a comma does and the verb ends its
// own clause ("… on Friday, officials said."), unlike a main verb with
// an object ("In September, it announced plans").
func reportTag(between, after string) bool {
	if strings.ContainsAny(between, "'`\"") {
		return true
	}
	if !strings.Contains(between, ",") {
		return false
	}
	after = strings.TrimLeft(after, " ")
	return after == "" || strings.ContainsRune(".,;", rune(after[0]))
}

// hadBefore ends the text before a future cue in the past perfect.
var hadBefore = regexp.MustCompile(`(?i)\bhad\s+(?:been\s+|already\s+been\s+)?(?:(?:due|set|scheduled|expected|slated|supposed|planned|going)\s+to\s+)?$`)

// clauseTense reads the tense of the clause around an expression: the
// cue nearest to it in its sentence (within a window) decides.
func clauseTense(text string, sent Span, at Span) tense {
	t := clauseTenseIn(text, sent, at, 120, 80)
	if t == unknownTense && at.Start-sent.Start <= 12 {
		// a fronted adverbial with no cue nearby: the main verb may lie
		// past a long phrase ("In January, a week after the anniversary
		// of …, a bombing killed …")
		t = clauseTenseIn(text, sent, at, 0, 1<<20)
	}
	return t
}

// clauseTenseIn is clauseTense with a window of before and after bytes
// around the expression.
func clauseTenseIn(text string, sent Span, at Span, before, after int) tense {
	from := max(sent.Start, at.Start-before)
	to := min(sent.End, at.End+after)
	if from >= to {
		return unknownTense
	}
	seg := text[from:to]
	best, bestDist := unknownTense, 1<<30
	dist := func(s, e int) int {
		s += from
		e += from
		switch {
		case e <= at.Start:
			return at.Start - e
		case s >= at.End:
			return s - at.End
		}
		return 1 << 30 // inside the expression itself
	}
	for _, loc := range futureCue.FindAllStringIndex(seg, -1) {
		if d := dist(loc[0], loc[1]); d < bestDist {
			best, bestDist = futureTense, d
			if hadBefore.MatchString(seg[:loc[0]]) {
				// "had been due to expire Friday": a plan made in the
				// past for a time now past
				best = pastTense
			} else if untilCue.MatchString(seg[loc[0]:loc[1]]) && pastPerfect.MatchString(text[sent.Start:sent.End]) {
				// "Until Thursday, they had not called him a suspect":
				// a state that ended before the past perfect's time of
				// reference; "until" points ahead only from a clause
				// that is not over
				best = pastTense
			}
		}
	}
	for _, loc := range pastCue.FindAllStringIndex(seg, -1) {
		w := strings.ToLower(seg[loc[0]:loc[1]])
		if notPast[w] || afterAux(seg[:loc[0]]) || strings.HasSuffix(w, "ed") && determinerBefore.MatchString(seg[:loc[0]]) {
			continue
		}
		if reportingVerb[w] && from+loc[0] >= at.End && reportTag(seg[at.End-from:loc[0]], seg[loc[1]:]) {
			// "… leave on Thursday,'' Castro said": the time of the
			// report, not of the clause that holds the expression
			continue
		}
		if d := dist(loc[0], loc[1]); d < bestDist {
			best, bestDist = pastTense, d
		}
	}
	return best
}

// auxBefore matches a passive or infinitive auxiliary at the end of the
// text before a participle: "must be returned", "to be held".
var auxBefore = regexp.MustCompile(`(?i)\b(?:be|been|being|is|are|am|get|gets|to)\s+(?:\w+ly\s+)?$`)

// afterAux reports whether an "-ed" word follows a present or future
// auxiliary, so that it is a participle, not a past tense.
func afterAux(before string) bool {
	return auxBefore.MatchString(before)
}

// clearlyPast reports whether the clause of an expression is in the past
// beyond doubt: a past cue close to it and no future cue anywhere in its
// sentence. A date named without its year is taken from the last year
// only then; otherwise the nearest such date is meant.
func clearlyPast(text string, sent Span, at Span) bool {
	if endedBefore.MatchString(text[max(sent.Start, at.Start-12):at.Start]) {
		// "the year ended March 31": a period that has ended
		return true
	}
	if futureCue.MatchString(text[sent.Start:sent.End]) || deadlineBefore.MatchString(text[max(sent.Start, at.Start-30):at.Start]) {
		return false
	}
	from := max(sent.Start, at.Start-40)
	for _, loc := range pastCue.FindAllStringIndex(text[from:at.Start], -1) {
		w := strings.ToLower(text[from+loc[0] : from+loc[1]])
		before := text[from : from+loc[0]]
		if notPast[w] || strings.HasSuffix(w, "ed") && (afterAux(before) || adjectiveBefore.MatchString(before)) {
			continue
		}
		return true
	}
	return false
}

// deadlineBefore ends the text before a date that is a deadline or a
// term ("extended to Nov. 20", "respond by Oct. 31", "payable Dec. 15"),
// which the past tense of the clause does not put in the past.
var deadlineBefore = regexp.MustCompile(`(?i)\b(?:to|by|until|till|through|payable|due|effective|from|starting|beginning|expires?|on\s+or\s+(?:before|after))\s+(?:around\s+|about\s+)?$`)

// determinerBefore ends the text before an "-ed" word that a determiner
// makes an adjective: "on a still unspecified date", "the revised plan".
var determinerBefore = regexp.MustCompile(`(?i)\b(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+(?:(?:still|yet|as\s+yet|newly|recently|\w+ly)\s+)?$`)

// adjectiveBefore ends the text before an "-ed" word used as an
// adjective: "in preferred shares", "the planned merger".
var adjectiveBefore = regexp.MustCompile(`(?i)\b(?:the|a|an|its|their|his|her|our|in|of|for|with|and)\s+$`)

// endedBefore ends the text before the last day of a period that has
// ended.
var endedBefore = regexp.MustCompile(`(?i)\bended\s+$`)

// untilCue is the future cue "until", which bounds a state rather than
// naming a time to come.
var untilCue = regexp.MustCompile(`(?i)^(?:until|till)$`)

// pastPerfect finds a verb in the past perfect: "had not called", "had
// described", "hadn't seen".
var pastPerfect = regexp.MustCompile(`(?i)\bhad(?:\s+not|n't|\s+never)?\s+(?:\w+ly\s+)?(?:been|[a-z]+(?:ed|en|wn|ne|nt|ld|ght|un|ung))\b`)
