package timeline

import (
	"strings"

	"github.com/eventline/eventline/timeline/internal/temporal"
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
var futureCue = temporal.MustCompile(`(?i)\b(?:will|expects?\s+to|hopes?\s+to|aims?\s+to|shall|won't|'ll|(?:(?:is|are|was|were|am)\s+)?(?:going|planning|preparing)\s+to|(?:(?:is|are|was|were)\s+)?(?:due|set|expected|scheduled|slated|likely|supposed)\s+to|(?:is|are)\s+to|plans?\s+to|intends?\s+to|scheduled|upcoming|expire[sd]?|would|(?-i:may|might)|as\s+(?:soon|early)\s+as|until|till|no\s+later\s+than|deadline)\b|'ll\b`)

// pastWords are the markers of a past clause besides the regular "-ed"
// forms: the past tense of "be", "have" and "do", common irregular
// pasts, and "ago", "earlier", "last". "set off" is one too.
var pastWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`was were had did said told met went came took gave made began left saw fell rose won lost
		sold bought held led fought ran struck spoke wrote became sent brought paid kept broke ago earlier last`) {
		m[w] = true
	}
	return m
}()

// findPastCues calls f with the offsets of each past cue in s, in order:
// a word (a run of ASCII letters, digits and underscores, as \b sees
// words) made of letters that is one of pastWords or ends in "ed" after
// two letters or more, or "set off". Scanning words beats a regular
// expression with forty alternatives that is tried at every word.
func findPastCues(s string, f func(start, end int)) {
	var low [8]byte // longer than any of pastWords
	for i := 0; i < len(s); {
		if !asciiWordByte(s[i]) {
			i++
			continue
		}
		j := i
		letters := true
		for j < len(s) && asciiWordByte(s[j]) {
			c := s[j] | 0x20
			letters = letters && c >= 'a' && c <= 'z'
			j++
		}
		if !letters {
			i = j
			continue
		}
		w := low[:min(j-i, len(low))]
		for k := range w {
			w[k] = s[i+k] | 0x20
		}
		switch {
		case j-i >= 4 && s[j-2]|0x20 == 'e' && s[j-1]|0x20 == 'd' || j-i <= len(low) && pastWords[string(w)]:
			f(i, j)
		case string(w) == "set" && j-i == 3:
			k := j
			for k < len(s) && regexpSpace(s[k]) {
				k++
			}
			if k > j && k+3 <= len(s) && strings.EqualFold(s[k:k+3], "off") && (k+3 == len(s) || !asciiWordByte(s[k+3])) {
				f(i, k+3)
				j = k + 3
			}
		}
		i = j
	}
}

// asciiWordByte reports whether c is a word character as \b reads them.
func asciiWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// regexpSpace reports whether c is white space as \s reads it.
func regexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

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
var hadBefore = temporal.MustCompile(`(?i)\bhad\s+(?:been\s+|already\s+been\s+)?(?:(?:due|set|scheduled|expected|slated|supposed|planned|going)\s+to\s+)?$`)

// sentenceCues are the tense cues of one sentence, found once and read
// by every expression of the sentence: reading them again around each
// expression cost more than the rest of the resolver.
type sentenceCues struct {
	text string
	sent Span
	// future and past are the cue matches, in input offsets, in order
	future, past []tenseCue
	// perfect: whether the sentence holds a past perfect (0 unknown, 1
	// yes, 2 no)
	perfect int8
}

// pastPerfect reports whether the sentence holds a verb in the past
// perfect.
func (c *sentenceCues) pastPerfect() bool {
	if c.perfect == 0 {
		c.perfect = 2
		if pastPerfect.MatchString(c.text[c.sent.Start:c.sent.End]) {
			c.perfect = 1
		}
	}
	return c.perfect == 1
}

// tenseCue is one match of futureCue or a past cue. The checks on the text
// before it are made when first needed.
type tenseCue struct {
	Span
	// for a past cue: its lowercased word, and whether it is no past
	// verb at all (notPast)
	word    string
	notPast bool
	// lazily read from the text before the cue: 0 unknown, 1 yes, 2 no
	had, aux, det, adj int8
}

// cuesOf returns the cues of sentence sent, reusing c when it holds them.
func cuesOf(c *sentenceCues, text string, sent Span) *sentenceCues {
	if c != nil && c.sent == sent && c.text == text {
		return c
	}
	c = &sentenceCues{text: text, sent: sent}
	seg := text[sent.Start:sent.End]
	for _, loc := range futureCue.FindAllStringIndex(seg, -1) {
		c.future = append(c.future, tenseCue{Span: Span{sent.Start + loc[0], sent.Start + loc[1]}})
	}
	findPastCues(seg, func(s, e int) {
		w := strings.ToLower(seg[s:e])
		c.past = append(c.past, tenseCue{Span: Span{sent.Start + s, sent.Start + e}, word: w, notPast: notPast[w]})
	})
	return c
}

// cueLookback bounds the text before a cue that the checks on it read:
// the longest of them ("had already been scheduled to ") is far shorter.
const cueLookback = 64

// before returns the text of the sentence before cue k, at most
// cueLookback bytes of it, starting at a word.
func (c *sentenceCues) before(k Span) string {
	from := max(c.sent.Start, k.Start-cueLookback)
	if from > c.sent.Start {
		// start after a space, so that the checks' \b sees a word start
		if i := strings.IndexAny(c.text[from:k.Start], " \t\n"); i >= 0 {
			from += i + 1
		} else {
			from = k.Start
		}
	}
	return c.text[from:k.Start]
}

func (c *sentenceCues) check(memo *int8, k Span, re *temporal.Regexp) bool {
	if *memo == 0 {
		*memo = 2
		if re.MatchString(c.before(k)) {
			*memo = 1
		}
	}
	return *memo == 1
}

// clauseTense reads the tense of the clause around an expression: the
// cue nearest to it in its sentence (within a window) decides.
func clauseTense(c *sentenceCues, at Span) tense {
	t := clauseTenseIn(c, at, 120, 80)
	if t == unknownTense && at.Start-c.sent.Start <= 12 {
		// a fronted adverbial with no cue nearby: the main verb may lie
		// past a long phrase ("In January, a week after the anniversary
		// of …, a bombing killed …")
		t = clauseTenseIn(c, at, 0, 1<<20)
	}
	return t
}

// clauseTenseIn is clauseTense with a window of before and after bytes
// around the expression.
func clauseTenseIn(c *sentenceCues, at Span, before, after int) tense {
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
			strings.HasSuffix(k.word, "ed") && c.check(&k.det, k.Span, determinerBefore) {
			continue
		}
		if reportingVerb[k.word] && k.Start >= at.End && reportTag(c.text[at.End:k.Start], c.text[k.End:to]) {
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

// auxBefore matches a passive or infinitive auxiliary at the end of the
// text before a participle: "must be returned", "to be held".
var auxBefore = temporal.MustCompile(`(?i)\b(?:be|been|being|is|are|am|get|gets|to)\s+(?:\w+ly\s+)?$`)

// clearlyPast reports whether the clause of an expression is in the past
// beyond doubt: a past cue close to it and no future cue anywhere in its
// sentence. A date named without its year is taken from the last year
// only then; otherwise the nearest such date is meant.
func clearlyPast(c *sentenceCues, at Span) bool {
	text, sent := c.text, c.sent
	if endedBefore.MatchString(text[max(sent.Start, at.Start-12):at.Start]) {
		// "the year ended March 31": a period that has ended
		return true
	}
	if len(c.future) > 0 || deadlineBefore.MatchString(text[max(sent.Start, at.Start-30):at.Start]) {
		return false
	}
	from := max(sent.Start, at.Start-40)
	for i := range c.past {
		k := &c.past[i]
		if k.Start < from || k.End > at.Start {
			continue
		}
		if k.notPast || strings.HasSuffix(k.word, "ed") && (c.check(&k.aux, k.Span, auxBefore) || c.check(&k.adj, k.Span, adjectiveBefore)) {
			continue
		}
		return true
	}
	return false
}

// deadlineBefore ends the text before a date that is a deadline or a
// term ("extended to Nov. 20", "respond by Oct. 31", "payable Dec. 15"),
// which the past tense of the clause does not put in the past.
var deadlineBefore = temporal.MustCompile(`(?i)\b(?:to|by|until|till|through|payable|due|effective|from|starting|beginning|expires?|on\s+or\s+(?:before|after))\s+(?:around\s+|about\s+)?$`)

// determinerBefore ends the text before an "-ed" word that a determiner
// makes an adjective: "on a still unspecified date", "the revised plan".
var determinerBefore = temporal.MustCompile(`(?i)\b(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+(?:(?:still|yet|as\s+yet|newly|recently|\w+ly)\s+)?$`)

// adjectiveBefore ends the text before an "-ed" word used as an
// adjective: "in preferred shares", "the planned merger".
var adjectiveBefore = temporal.MustCompile(`(?i)\b(?:the|a|an|its|their|his|her|our|in|of|for|with|and)\s+$`)

// endedBefore ends the text before the last day of a period that has
// ended.
var endedBefore = temporal.MustCompile(`(?i)\bended\s+$`)

// untilCue is the future cue "until", which bounds a state rather than
// naming a time to come.
var untilCue = temporal.MustCompile(`(?i)^(?:until|till)$`)

// pastPerfect finds a verb in the past perfect: "had not called", "had
// described", "hadn't seen".
var pastPerfect = temporal.MustCompile(`(?i)\bhad(?:\s+not|n't|\s+never)?\s+(?:\w+ly\s+)?(?:been|[a-z]+(?:ed|en|wn|ne|nt|ld|ght|un|ung))\b`)
