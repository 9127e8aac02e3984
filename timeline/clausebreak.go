package timeline

// The clause breaks were regular expressions run on every clause; these
// scanners find the same matches (clausebreak_test.go holds the
// expressions and compares them) by looking only at the commas,
// semicolons and white space where a break can start.
//
// clauseBreaks (the breaks inside a clause, for clauses):
//
//	(?i)(?:[,;]\s+|\s+)(?:before|after|when|while|until|and then|but|whereas|although|though|whereupon)\s|;\s|
//	,\s+and\s+(?:on|in|by|at)\s|,?\s+and\s+(?:said|says|added)\s|,\s+(?:where|which)\s
//
// clauseBreak (between two dated expressions, for splitClauses):
//
//	(?i)(?:[,;]\s+|\s+)(?:before|after|when|while|until|and then|but|whereas|as|then)\s|;\s

var (
	breakWords     = newFoldWords("before", "after", "when", "while", "until", "and then", "but", "whereas", "although", "though", "whereupon")
	dateBreakWords = newFoldWords("before", "after", "when", "while", "until", "and then", "but", "whereas", "as", "then")
	andDateWords   = newFoldWords("on", "in", "by", "at")
	andSpeechWords = newFoldWords("said", "says", "added")
	relativeWords  = newFoldWords("where", "which")
)

// foldWords are the words of an alternation, by first letter. No word
// of a list is a prefix of another, so at most one of them matches
// before a space and the order of the alternation does not matter.
type foldWords struct {
	byFirst [26][]string
}

func newFoldWords(words ...string) *foldWords {
	var fw foldWords
	for _, w := range words {
		fw.byFirst[w[0]-'a'] = append(fw.byFirst[w[0]-'a'], w)
	}
	return &fw
}

// breakLeads are the lows of the tokens a break at white space may read
// after it: the words of clauseBreaks' first alternative, and the "and"
// of "and then" and ", and said", as (?i) matches them. Of the letters
// that fold to an ASCII one only ſ (to s) is in a word, and lowering
// keeps it: "whereaſ".
var breakLeads = map[string]bool{"before": true, "after": true, "when": true, "while": true, "until": true,
	"and": true, "but": true, "whereas": true, "whereaſ": true, "although": true, "though": true, "whereupon": true}

// commaBreakLeads are the lows of the tokens a break at a comma may read
// after it, past white space: those of breakLeads, and the words of
// relativeWords (which no folding letter spells otherwise).
var commaBreakLeads = func() map[string]bool {
	m := map[string]bool{"where": true, "which": true}
	for w := range breakLeads {
		m[w] = true
	}
	return m
}()

// clauseBreakTokens calls f with the start and end of each clauseBreaks
// match in text[s.Start:s.End], offsets from s.Start, in order, as
// FindAllStringIndex gives them; toks are the tokens of s (tokenize's),
// looked up. A match starts at a comma or a semicolon, each a token of
// its own, or at the white space before a word that leads one: a whole
// token (white space ends it), whose low is then in breakLeads. The
// tokens tell where one may start (mayBreakAt), so the text is read
// there alone, not at every byte.
func clauseBreakTokens(text string, s Span, toks []token, f func(start, end int)) {
	str := text[s.Start:s.End]
	from := 0 // where the last match ended: matches do not overlap
	for k := range toks {
		t := &toks[k]
		if t.word && !t.is(wcBreakLead) || !t.word && t.raw != "," && t.raw != ";" {
			continue // most tokens: no break starts at them
		}
		if !mayBreakAt(toks, k) {
			continue
		}
		b := t.Start - s.Start
		if b < from {
			continue
		}
		p := b
		if t.word {
			if b == from || !isRESpace(str[b-1]) {
				continue
			}
			// the run of white space before the word, from its start or
			// from the end of the last match
			for p = b - 1; p > from && isRESpace(str[p-1]); p-- {
			}
		}
		if e := clauseBreakAt(str, p); e >= 0 {
			f(p, e)
			from = e
		}
	}
}

// mayBreakAt reports whether a clauseBreaks match may start at token k
// of toks, or at the white space before it, by the tokens alone: at a
// semicolon; at a comma before a word that a break at a comma reads; at
// a word that leads a break, and when that word is "and", before a word
// that a break reads after it. The words are whole tokens, as white
// space ends them.
func mayBreakAt(toks []token, k int) bool {
	t := &toks[k]
	switch {
	case t.word:
		return t.is(wcBreakLead) && (t.low != "and" || followedBy(toks, k, wcAndBreakFollower))
	case t.raw == ",":
		if !followedBy(toks, k, wcCommaBreakLead) {
			return false
		}
		return toks[k+1].low != "and" || followedBy(toks, k+1, wcAndBreakFollower|wcAndDateWord)
	}
	return t.raw == ";"
}

// followedBy reports whether the token after k is in class c.
func followedBy(toks []token, k int, c wordClass) bool {
	return k+1 < len(toks) && toks[k+1].is(c)
}

// andBreakFollowers are the lows of the words a break reads after an
// "and" wherever it starts ("and then", "and said"), as (?i) matches
// them: ſ folds to s. andDateFollowers are those it reads after ", and"
// alone (", and on").
var (
	andBreakFollowers = map[string]bool{"then": true, "added": true, "said": true, "ſaid": true,
		"says": true, "ſays": true, "sayſ": true, "ſayſ": true}
	andDateFollowers = map[string]bool{"on": true, "in": true, "by": true, "at": true}
)

// clauseBreakAt returns the end of the clauseBreaks match that starts at
// p, or -1: the alternatives in the expression's order, each taking the
// first of its words that fits.
func clauseBreakAt(s string, p int) int {
	c := s[p]
	if c != ',' && c != ';' && !isRESpace(c) {
		return -1
	}
	if e := leadWord(s, p, breakWords); e >= 0 {
		return e
	}
	if c == ';' && p+1 < len(s) && isRESpace(s[p+1]) {
		return p + 2
	}
	if c == ',' {
		if e := andWord(s, p+1, andDateWords); e >= 0 {
			return e
		}
	}
	q := p
	if c == ',' {
		q++
	}
	if e := andWord(s, q, andSpeechWords); e >= 0 {
		return e
	}
	if c == ',' {
		if q := skipRESpace(s, p+1); q > p+1 {
			return spacedWord(s, q, relativeWords)
		}
	}
	return -1
}

// firstDateBreak returns the start of the first clauseBreak match in s,
// or -1.
func firstDateBreak(s string) int {
	for p := 0; p < len(s); {
		c := s[p]
		if c != ',' && c != ';' && !isRESpace(c) {
			p++
			continue
		}
		if leadWord(s, p, dateBreakWords) >= 0 || c == ';' && p+1 < len(s) && isRESpace(s[p+1]) {
			return p
		}
		p++
		if isRESpace(c) {
			p = skipRESpace(s, p) // the rest of the run reads the same word
		}
	}
	return -1
}

// leadWord matches (?:[,;]\s+|\s+)(?:words)\s at p.
func leadWord(s string, p int, words *foldWords) int {
	q := p
	if s[p] == ',' || s[p] == ';' {
		q++
	}
	r := skipRESpace(s, q)
	if r == q {
		return -1
	}
	return spacedWord(s, r, words)
}

// andWord matches \s+and\s+(?:words)\s at p.
func andWord(s string, p int, words *foldWords) int {
	q := skipRESpace(s, p)
	if q == p {
		return -1
	}
	e := foldPrefix(s, q, "and")
	if e < 0 {
		return -1
	}
	r := skipRESpace(s, e)
	if r == e {
		return -1
	}
	return spacedWord(s, r, words)
}

// foldLetter returns the index from 0 of the letter that a word
// starting with byte c may fold to, or -1: ASCII letters, and the first
// byte of ſ (s) and of the Kelvin sign (k).
func foldLetter(c byte) int {
	switch {
	case 'a' <= c && c <= 'z':
		return int(c - 'a')
	case 'A' <= c && c <= 'Z':
		return int(c - 'A')
	case c == "\u017F"[0]:
		return 's' - 'a'
	case c == "\u212A"[0]:
		return 'k' - 'a'
	}
	return -1
}

// spacedWord matches (?i)(?:words)\s at p.
func spacedWord(s string, p int, words *foldWords) int {
	if p >= len(s) {
		return -1
	}
	l := foldLetter(s[p])
	if l < 0 {
		return -1
	}
	for _, w := range words.byFirst[l] {
		if e := foldPrefix(s, p, w); e >= 0 && e < len(s) && isRESpace(s[e]) {
			return e + 1
		}
	}
	return -1
}

// foldPrefix returns the end of w at s[p:] matched as (?i) matches it,
// or -1. w is lowercase ASCII: a letter matches either case, and s and
// k also the two non-ASCII letters that fold to them, ſ and the Kelvin
// sign.
func foldPrefix(s string, p int, w string) int {
	for i := 0; i < len(w); i++ {
		if p >= len(s) {
			return -1
		}
		c, want := s[p], w[i]
		switch {
		case c == want || 'a' <= want && want <= 'z' && c == want-'a'+'A':
			p++
		case want == 's' && hasAt(s, p, "\u017F"):
			p += len("\u017F")
		case want == 'k' && hasAt(s, p, "\u212A"):
			p += len("\u212A")
		default:
			return -1
		}
	}
	return p
}

func hasAt(s string, p int, w string) bool { return len(s)-p >= len(w) && s[p:p+len(w)] == w }

// isRESpace is the \s of regular expressions: ASCII white space but \v.
func isRESpace(c byte) bool { return breakBytes[c] == breakSpace }

// breakBytes are the bytes a clause break can start with.
var breakBytes = func() (t [256]uint8) {
	for _, c := range []byte(" \t\n\r\f") {
		t[c] = breakSpace
	}
	t[','], t[';'] = breakPunct, breakPunct
	return t
}()

const (
	breakNone  = iota // a byte no break starts with
	breakSpace        // \s
	breakPunct        // a comma or a semicolon
)

func skipRESpace(s string, p int) int {
	for p < len(s) && isRESpace(s[p]) {
		p++
	}
	return p
}
