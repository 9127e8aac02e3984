package timeline

import (
	"strings"
	"unicode/utf8"

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

// futureAt returns the end of the match of futureCue's first
// alternative at the word s[i:j], an opener of kind op, or -1.
func futureAt(s string, i, j int, op futureOpener) int {
	// then returns the end of the words that follow s[:from] after
	// white space, each after white space, or -1
	then := func(from int, words ...string) int {
		for _, x := range words {
			k := from
			for k < len(s) && regexpSpace(s[k]) {
				k++
			}
			if k == from || k+len(x) > len(s) || !strings.EqualFold(s[k:k+len(x)], x) || k+len(x) < len(s) && asciiWordByte(s[k+len(x)]) {
				return -1
			}
			from = k + len(x)
		}
		return from
	}
	switch op {
	case openAlone:
		return j
	case openMay:
		if w := s[i:j]; w == "may" || w == "might" { // (?-i:may|might)
			return j
		}
	case openWon:
		if j+2 <= len(s) && s[j] == '\'' && s[j+1]|0x20 == 't' && (j+2 == len(s) || !asciiWordByte(s[j+2])) {
			return j + 2
		}
	case openTo:
		return then(j, "to")
	case openScheduled:
		if e := then(j, "to"); e > 0 {
			return e
		}
		return j
	case openIs, openWas, openAm:
		// the word after, read once: "going to", "due to", or "to"
		k, e := nextWord(s, j)
		if k < 0 {
			return -1
		}
		switch w := s[k:e]; {
		case wordIn(w, "going", "planning", "preparing"),
			op != openAm && wordIn(w, "due", "set", "expected", "scheduled", "slated", "likely", "supposed"):
			return then(e, "to")
		case op == openIs && wordIn(w, "to"):
			return e
		}
	case openAs:
		if k, e := nextWord(s, j); k >= 0 && wordIn(s[k:e], "soon", "early") {
			return then(e, "as")
		}
	case openNo:
		return then(j, "later", "than")
	}
	return -1
}

// nextWord returns the bounds of the word (a run of ASCII word bytes,
// as \b reads words) that follows s[:from] after white space, or -1, -1
// when no white space follows. The word may be empty.
func nextWord(s string, from int) (int, int) {
	k := from
	for k < len(s) && regexpSpace(s[k]) {
		k++
	}
	if k == from {
		return -1, -1
	}
	e := k
	for e < len(s) && asciiWordByte(s[e]) {
		e++
	}
	return k, e
}

// wordIn reports whether the ASCII word w is one of the lower-case
// words xs, in any case. (A text that EqualFold matches with one of xs,
// as far as a word ends, is such a word: the runes outside ASCII that
// fold to ASCII letters are longer than the letters.)
func wordIn(w string, xs ...string) bool {
	for _, x := range xs {
		if len(w) == len(x) && strings.EqualFold(w, x) {
			return true
		}
	}
	return false
}

// futureOpener is how futureAt reads a match from a word.
type futureOpener uint8

const (
	notOpener     futureOpener = iota
	openAlone                  // a match by itself: "will"
	openMay                    // "may", "might" in lower case only
	openWon                    // "won't"
	openTo                     // then "to": "plans to"
	openScheduled              // "scheduled", then "to" or not
	openIs                     // "is", "are": then "going to", "due to" or "to"
	openWas                    // "was", "were": then "going to" or "due to"
	openAm                     // "am": then "going to"
	openAs                     // "as soon as", "as early as"
	openNo                     // "no later than"
)

// futureOpeners are, by kind, the words futureAt reads a match from.
var futureOpeners = map[futureOpener]string{
	openAlone: "will shall upcoming expire expires expired would until till deadline",
	openMay:   "may might",
	openWon:   "won",
	openTo: `expect expects hope hopes aim aims going planning preparing due set expected slated likely supposed
		plan plans intend intends`,
	openScheduled: "scheduled",
	openIs:        "is are",
	openWas:       "was were",
	openAm:        "am",
	openAs:        "as",
	openNo:        "no",
}

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
func findPastCues(s string, f func(start, end int)) { findCues(s, f, nil) }

// findFutureCues calls f with the offsets of each match of futureCue in
// s, in order, as FindAllStringIndex gives them. It reads s word by word
// (the expression's words are letters, so they match whole runs), trying
// at the start of each run the alternatives in the expression's order; a
// text with ſ or the Kelvin sign, which (?i) folds to s and k, goes to
// the expression.
func findFutureCues(s string, f func(start, end int)) { findCues(s, nil, f) }

// findCues is findPastCues with past and findFutureCues with future (nil
// for none) in one pass over the words of s.
func findCues(s string, past, future func(start, end int)) {
	var withWord func(start, end int, w *cueWord)
	if past != nil {
		withWord = func(start, end int, _ *cueWord) { past(start, end) }
	}
	scanCues(s, withWord, future)
}

// scanCues is findCues, past being told the entry of cueTable of a past
// cue's word too (nil for "set off" and an "-ed" word not in the table),
// for its flags.
func scanCues(s string, past func(start, end int, w *cueWord), future func(start, end int)) {
	if future != nil && (strings.Contains(s, "\u017F") || strings.Contains(s, "\u212A")) {
		for _, loc := range futureCue.FindAllStringIndex(s, -1) {
			future(loc[0], loc[1])
		}
		future = nil
	}
	// each search goes on from the end of its last match
	pastFrom, futureFrom := 0, 0
	for from := 0; ; {
		i, j, class, ed, w := nextCueCandidate(s, from)
		if i == len(s) {
			return
		}
		if j == i {
			// 'll, after a word or not
			if future != nil && i >= futureFrom && i+3 <= len(s) && s[i+1]|0x20 == 'l' && s[i+2]|0x20 == 'l' &&
				(i+3 == len(s) || byteClass[s[i+3]] == 0) {
				future(i, i+3)
				futureFrom = i + 3
			}
			from = i + 1
			continue
		}
		if past != nil && i >= pastFrom && class == classLetter {
			switch {
			case ed || w.past:
				past(i, j, w)
			case w.set:
				k := j
				for k < len(s) && regexpSpace(s[k]) {
					k++
				}
				if k > j && k+3 <= len(s) && strings.EqualFold(s[k:k+3], "off") && (k+3 == len(s) || byteClass[s[k+3]] == 0) {
					past(i, k+3, nil)
					pastFrom = k + 3
				}
			}
		}
		// no match of futureCue starts inside a run, nor at a digit or _
		if future != nil && i >= futureFrom && w != nil && w.opener != notOpener {
			if e := futureAt(s, i, j, w.opener); e > 0 {
				future(i, e)
				futureFrom = e
			}
		}
		from = j
	}
}

// nextCueCandidate returns the next place from s[i:] that findCues must
// look at: an apostrophe (at == end), or a word s[at:end] that opens with
// a letter and is an "-ed" word (ed) or one of cueTable (w), with the
// classes of its bytes; at is len(s) when there is none. The scan is a
// function of its own, without findCues' calls, so that its loops keep
// their state in registers.
func nextCueCandidate(s string, i int) (at, end int, class uint8, ed bool, w *cueWord) {
	for i < len(s) {
		c := s[i]
		class = byteClass[c]
		if class == 0 {
			if c == '\'' {
				return i, i, 0, false, nil
			}
			i++
			continue
		}
		first := class // of the run's first byte
		j := i + 1
		for j < len(s) && byteClass[s[j]] != 0 {
			class |= byteClass[s[j]]
			j++
		}
		if first == classLetter {
			n, last := j-i, s[j-1]
			ed = n >= 4 && last|0x20 == 'd' && s[j-2]|0x20 == 'e'
			if n <= maxCueWord && cueFilter[n<<5|int(c&31)]&(1<<(last&31)) != 0 {
				w = lookupCueWord(s, i, j)
			}
			if ed || w != nil {
				return i, j, class, ed, w
			}
		}
		i = j
	}
	return len(s), len(s), 0, false, nil
}

// cueWord is what the tense cues make of a word of cueTable.
type cueWord struct {
	// key is the word's first eight bytes (wordKey), tail the rest
	key  uint64
	tail string
	// n is the word's length, first and last its bytes at either end
	n           int
	first, last byte
	// past: one of pastWords; set: "set", a past cue before "off"
	past, set bool
	opener    futureOpener
	// the flags of a past cue (tenseCue)
	notPast, reporting bool
}

// cueTable holds the words that are or open a tense cue, or flag one,
// by the hash of their key (open addressing): one probe tells most
// words of a sentence apart, where maps cost a lowering and a hash of
// the string each.
var cueTable = func() *[cueSlots]cueWord {
	var t [cueSlots]cueWord
	add := func(ws string, set func(*cueWord)) {
		for _, w := range strings.Fields(ws) {
			set(cueWordOf(&t, w))
		}
	}
	for w := range pastWords {
		add(w, func(e *cueWord) { e.past = true })
	}
	add("set", func(e *cueWord) { e.set = true })
	for op, ws := range futureOpeners {
		add(ws, func(e *cueWord) { e.opener = op })
	}
	for w := range notPast {
		add(w, func(e *cueWord) { e.notPast = true })
	}
	for w := range reportingVerb {
		add(w, func(e *cueWord) { e.reporting = true })
	}
	for h := range t {
		if e := &t[h]; e.key != 0 {
			cueKeys[h] = e.key
			cueFilter[e.n<<5|int(e.first&31)] |= 1 << (e.last & 31)
		}
	}
	return &t
}()

// cueKeys are the keys of cueTable, apart so that probes read a dense
// array.
var cueKeys [cueSlots]uint64

// cueFilter has a bit for each length, first byte and last byte of the
// words of cueTable, the bytes read by their low five bits (which a
// letter's case leaves alone): it turns away most other words at the
// cost of one test, before their key is made and looked up.
var cueFilter [(maxCueWord + 1) << 5]uint32

// cueSlots is the size of cueTable, a power of two well above its words.
const cueSlots = 256

// maxCueWord is the length of the longest word of cueTable.
const maxCueWord = 9

// cueWordOf returns the entry of the lower-case word w in t, adding it.
func cueWordOf(t *[cueSlots]cueWord, w string) *cueWord {
	if len(w) > maxCueWord {
		panic("cueTable: word too long: " + w)
	}
	key, tail := wordKey(w, 0, len(w)), w[min(8, len(w)):]
	for h := cueHash(key); ; h = (h + 1) % cueSlots {
		e := &t[h]
		if e.key == 0 {
			*e = cueWord{key: key, n: len(w), tail: tail, first: w[0], last: w[len(w)-1]}
			return e
		}
		if e.key == key && e.n == len(w) && e.tail == tail {
			return e
		}
	}
}

// lookupCueWord returns the entry of the word s[i:j] in cueTable, in any
// case, or nil.
func lookupCueWord(s string, i, j int) *cueWord {
	n := j - i
	if n > maxCueWord {
		return nil
	}
	key := wordKey(s, i, j)
	for h := cueHash(key); ; h = (h + 1) % cueSlots {
		switch cueKeys[h] {
		case key:
			if e := &cueTable[h]; e.n == n && (n <= 8 || strings.EqualFold(s[i+8:j], e.tail)) {
				return e
			}
		case 0:
			return nil
		}
	}
}

// wordKey packs the first eight bytes of the word s[i:j], of ASCII word
// bytes, into a number, the first in the low byte, each with its 0x20
// bit set: that lowers letters and makes no digit or _ a letter, so two
// words of letters have the same key when their first eight letters are
// the same in any case.
func wordKey(s string, i, j int) uint64 {
	n := min(j-i, 8)
	var k uint64
	if i+8 <= len(s) {
		k = le64(s, i)
	} else {
		for x := n - 1; x >= 0; x-- {
			k = k<<8 | uint64(s[i+x])
		}
	}
	return (k | 0x2020202020202020) & byteMasks[n]
}

// cueHash is the slot of key in cueTable.
func cueHash(key uint64) uint64 { return key * 0x9E3779B97F4A7C15 >> 56 }

// Classes of bytes, as \b reads words: letters, digits and the
// underscore are word bytes, the others not (class 0).
const (
	classLetter = 1 << iota
	classOther
)

var byteClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			t[c] = classLetter
		case c >= '0' && c <= '9' || c == '_':
			t[c] = classOther
		}
	}
	return t
}()

// asciiWordByte reports whether c is a word character as \b reads them.
func asciiWordByte(c byte) bool { return wordBytes[c] }

// wordBytes marks the ASCII letters, digits and the underscore.
var wordBytes = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
	}
	return t
}()

// regexpSpace reports whether c is white space as \s reads it.
func regexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// tailRegexp is a regular expression that matches at the end of a text
// only, after a last word and white space (it ends in \s+$): the text
// before a cue or a mention. Most texts end with another word, and
// MatchString reads the last word back from the end to tell. The
// expression itself runs only where the word can end a longer match:
// one of partial, or a word ending in "ly" when ly is set (the
// expression ends with \w+ly\s+), or a word with bytes outside ASCII
// (where ſ and the Kelvin sign fold to s and k). One of whole is a match
// by itself: it is an alternative of the expression's first group,
// which opens with \b, and all that follows the group is optional.
type tailRegexp struct {
	re *temporal.Regexp
	// words holds tailWhole or tailPartial for each of whole and partial;
	// first has, for each length of word, a bit for each first letter
	words map[string]uint8
	first [12]uint32
	ly    bool
}

const (
	tailWhole uint8 = 1 + iota
	tailPartial
)

// tailByte classes the bytes that MatchString reads back from the end:
// white space as \s reads it, word bytes as \b reads them, and the bytes
// outside ASCII, which MatchString reads as part of the last word.
var tailByte = func() (t [256]uint8) {
	for c := range t {
		switch {
		case regexpSpace(byte(c)):
			t[c] = tailSpace
		case wordBytes[c]:
			t[c] = tailWord
		case c >= utf8.RuneSelf:
			t[c] = tailWide
		}
	}
	return t
}()

// Classes of tailByte.
const (
	tailSpace uint8 = 1 << iota
	tailWord
	tailWide
)

// mustTail compiles a tailRegexp. whole and partial hold words separated
// by spaces, in lower case.
func mustTail(pattern string, ly bool, whole, partial string) *tailRegexp {
	t := &tailRegexp{re: temporal.MustCompile(pattern), words: map[string]uint8{}, ly: ly}
	for k, ws := range []string{whole, partial} {
		for _, w := range strings.Fields(ws) {
			if len(w) >= len(t.first) {
				panic("tailRegexp: word too long: " + w)
			}
			t.words[w] = tailWhole + uint8(k)
			t.first[len(w)] |= 1 << (w[0] - 'a')
		}
	}
	return t
}

// MatchString reports whether s holds a match, as the expression's
// MatchString.
func (t *tailRegexp) MatchString(s string) bool {
	i := len(s)
	for i > 0 && tailByte[s[i-1]] == tailSpace {
		i--
	}
	if i == len(s) {
		return false // no white space at the end
	}
	j, kinds := i, uint8(0)
	for j > 0 {
		k := tailByte[s[j-1]]
		if k&(tailWord|tailWide) == 0 {
			break
		}
		kinds |= k
		j--
	}
	if kinds&tailWide != 0 {
		return t.re.MatchString(s)
	}
	w := s[j:i]
	// the length and first letter turn most words away before they are
	// lowered and looked up
	if n := len(w); n > 0 && n < len(t.first) {
		if c := asciiLower[w[0]]; c >= 'a' && c <= 'z' && t.first[n]&(1<<(c-'a')) != 0 {
			var buf [len(t.first)]byte
			low, _ := lowerASCII(buf[:], w)
			switch t.words[string(low)] {
			case tailWhole:
				return true
			case tailPartial:
				return t.re.MatchString(s)
			}
		}
	}
	if t.ly && len(w) >= 3 && w[len(w)-2]|0x20 == 'l' && w[len(w)-1]|0x20 == 'y' {
		return t.re.MatchString(s)
	}
	return false
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
var hadBefore = mustTail(`(?i)\bhad\s+(?:been\s+|already\s+been\s+)?(?:(?:due|set|scheduled|expected|slated|supposed|planned|going)\s+to\s+)?$`,
	false, "had", "been to")

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
	// for a past cue: whether its word ends in "ed", is a reporting verb
	// (reportingVerb), or is no past verb at all (notPast)
	ed, reporting, notPast bool
	// lazily read from the text before the cue: 0 unknown, 1 yes, 2 no
	had, aux, det, adj int8
}

// cuesOf returns the cues of sentence sent, reusing c when it holds them
// and its storage otherwise.
func cuesOf(c *sentenceCues, text string, sent Span) *sentenceCues {
	if c != nil && c.sent == sent && c.text == text {
		return c
	}
	if c == nil {
		c = &sentenceCues{}
	}
	*c = sentenceCues{text: text, sent: sent, future: c.future[:0], past: c.past[:0]}
	seg := text[sent.Start:sent.End]
	scanCues(seg, func(s, e int, cw *cueWord) {
		w := seg[s:e]
		k := tenseCue{Span: Span{sent.Start + s, sent.Start + e}, ed: len(w) >= 2 && w[len(w)-2]|0x20 == 'e' && w[len(w)-1]|0x20 == 'd'}
		if cw != nil {
			k.reporting, k.notPast = cw.reporting, cw.notPast
		}
		c.past = append(c.past, k)
	}, func(s, e int) {
		c.future = append(c.future, tenseCue{Span: Span{sent.Start + s, sent.Start + e}})
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

func (c *sentenceCues) check(memo *int8, k Span, re *tailRegexp) bool {
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
// around the expression. The future cue nearest the expression (the
// first of two as near) gives the tense, then a past cue nearer still
// makes it past; past cues are read outward from the expression, so
// that the checks on the text before a cue are made for the cues that
// may decide only.
func clauseTenseIn(c *sentenceCues, at Span, before, after int) tense {
	from := max(c.sent.Start, at.Start-before)
	to := min(c.sent.End, at.End+after)
	if from >= to {
		return unknownTense
	}
	best, bestDist := unknownTense, 1<<30
	var near *tenseCue
	for i := range c.future {
		k := &c.future[i]
		if k.Start < from || k.End > to {
			continue
		}
		if d := cueDist(k.Span, at); d < bestDist {
			near, bestDist = k, d
		}
	}
	if near != nil {
		best = futureTense
		if c.check(&near.had, near.Span, hadBefore) {
			// "had been due to expire Friday": a plan made in the past
			// for a time now past
			best = pastTense
		} else if untilCue.MatchString(c.text[near.Start:near.End]) && c.pastPerfect() {
			// "Until Thursday, they had not called him a suspect": a
			// state that ended before the past perfect's time of
			// reference; "until" points ahead only from a clause that
			// is not over
			best = pastTense
		}
	}
	// past cues are in order and apart: those that end before the
	// expression are the nearer the later they come, those that start
	// after it the nearer the earlier
	split := 0
	for split < len(c.past) && c.past[split].End <= at.Start {
		split++
	}
	for i := split - 1; i >= 0; i-- {
		k := &c.past[i]
		if k.Start < from || at.Start-k.End >= bestDist {
			break
		}
		if k.End <= to && c.pastCue(k, at, to) {
			return pastTense
		}
	}
	for i := split; i < len(c.past); i++ {
		k := &c.past[i]
		if k.Start < at.End {
			continue // inside the expression itself: never the nearest
		}
		if k.End > to || k.Start-at.End >= bestDist {
			break
		}
		if k.Start >= from && c.pastCue(k, at, to) {
			return pastTense
		}
	}
	return best
}

// cueDist is the distance in bytes between a cue and an expression, or
// 1<<30 for a cue inside the expression.
func cueDist(k, at Span) int {
	switch {
	case k.End <= at.Start:
		return at.Start - k.End
	case k.Start >= at.End:
		return k.Start - at.End
	}
	return 1 << 30
}

// pastCue reports whether past cue k, in the window of an expression at
// that ends at to, marks its clause as past: a past verb, not a
// participle after an auxiliary or a determiner, nor a reporting verb
// after the expression that tags speech (in "… leave on Thursday, Castro
// said" the time of the report, not of the clause that holds the
// expression).
func (c *sentenceCues) pastCue(k *tenseCue, at Span, to int) bool {
	if k.notPast || c.check(&k.aux, k.Span, auxBefore) || k.ed && c.check(&k.det, k.Span, determinerBefore) {
		return false
	}
	return !(k.reporting && k.Start >= at.End && reportTag(c.text[at.End:k.Start], c.text[k.End:to]))
}

// auxBefore matches a passive or infinitive auxiliary at the end of the
// text before a participle: "must be returned", "to be held".
var auxBefore = mustTail(`(?i)\b(?:be|been|being|is|are|am|get|gets|to)\s+(?:\w+ly\s+)?$`,
	true, "be been being is are am get gets to", "")

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
		if k.notPast || k.ed && (c.check(&k.aux, k.Span, auxBefore) || c.check(&k.adj, k.Span, adjectiveBefore)) {
			continue
		}
		return true
	}
	return false
}

// deadlineBefore ends the text before a date that is a deadline or a
// term ("extended to Nov. 20", "respond by Oct. 31", "payable Dec. 15"),
// which the past tense of the clause does not put in the past.
var deadlineBefore = mustTail(`(?i)\b(?:to|by|until|till|through|payable|due|effective|from|starting|beginning|expires?|on\s+or\s+(?:before|after))\s+(?:around\s+|about\s+)?$`,
	false, "to by until till through payable due effective from starting beginning expire expires", "before after around about")

// determinerBefore ends the text before an "-ed" word that a determiner
// makes an adjective: "on a still unspecified date", "the revised plan".
var determinerBefore = mustTail(`(?i)\b(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+(?:(?:still|yet|as\s+yet|newly|recently|\w+ly)\s+)?$`,
	true, "the a an its their his her our this that these those", "still yet")

// adjectiveBefore ends the text before an "-ed" word used as an
// adjective: "in preferred shares", "the planned merger".
var adjectiveBefore = mustTail(`(?i)\b(?:the|a|an|its|their|his|her|our|in|of|for|with|and)\s+$`,
	false, "the a an its their his her our in of for with and", "")

// endedBefore ends the text before the last day of a period that has
// ended.
var endedBefore = mustTail(`(?i)\bended\s+$`, false, "ended", "")

// untilCue is the future cue "until", which bounds a state rather than
// naming a time to come.
var untilCue = temporal.MustCompile(`(?i)^(?:until|till)$`)

// pastPerfect finds a verb in the past perfect: "had not called", "had
// described", "hadn't seen".
var pastPerfect = temporal.MustCompile(`(?i)\bhad(?:\s+not|n't|\s+never)?\s+(?:\w+ly\s+)?(?:been|[a-z]+(?:ed|en|wn|ne|nt|ld|ght|un|ung))\b`)
