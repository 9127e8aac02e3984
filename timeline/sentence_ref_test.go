package timeline

// The sentence splitter as it was before its byte scans (tables, no
// lowering into new strings, no block list): the reference that
// splitSentences must equal.

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// splitSentences cuts text into sentences with spans into text. A blank
// line always ends a sentence; a single line break ends one when the line
// before is short or ends with terminal punctuation (scraped pages put
// each block on its own line, wire copy wraps long lines).
func splitSentencesRef(text string) []Sentence {
	var out []Sentence
	for _, blk := range blocksRef(text) {
		out = splitBlockRef(text, blk, out)
	}
	return out
}

// blocks returns the spans of text between hard breaks.
func blocksRef(text string) []Span {
	var out []Span
	start := 0
	lineStart := 0
	for i := 0; i < len(text); i++ {
		if text[i] != '\n' {
			continue
		}
		line := text[lineStart:i]
		next := restOfLineRef(text, i+1)
		if hardBreakRef(line, next) {
			out = append(out, Span{start, i})
			start = i + 1
		}
		lineStart = i + 1
	}
	out = append(out, Span{start, len(text)})
	return out
}

func restOfLineRef(text string, i int) string {
	if i > len(text) {
		return ""
	}
	j := strings.IndexByte(text[i:], '\n')
	if j < 0 {
		return text[i:]
	}
	return text[i : i+j]
}

// wrapWidth is the shortest line length taken as wrapped prose.

func hardBreakRef(line, next string) bool {
	l := trimSpaceRef(line)
	n := trimSpaceRef(next)
	if l == "" || n == "" {
		return true
	}
	if len(l) < wrapWidth || endsWithCreditRef(l) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(l)
	if strings.ContainsRune(".!?\"”’)", r) {
		return !endsWithAbbreviationRef(l)
	}
	// an unpunctuated long line is wrapped prose when the next line goes
	// on in lower case, or this one stops on a word that cannot end a
	// sentence; otherwise it is a title or a caption
	first, _ := utf8.DecodeRuneInString(n)
	if unicode.IsLower(first) || unicode.IsDigit(first) || strings.ContainsRune(",;:-–(", r) {
		return false
	}
	last := l[strings.LastIndexAny(l, " \t")+1:]
	return !continuationWords[strings.ToLower(last)]
}

// splitBlock splits one block at sentence-final punctuation.
func splitBlockRef(text string, blk Span, out []Sentence) []Sentence {
	start := blk.Start
	emit := func(end int) {
		s := trimSpanRef(text, Span{start, end})
		if s.Len() > 0 {
			out = append(out, Sentence{Span: s, Text: s.In(text)})
		}
		start = end
	}
	i := blk.Start
	for i < blk.End {
		c := text[i]
		switch {
		case c == '.' || c == '!' || c == '?':
			j := i + 1
			for j < blk.End && strings.IndexByte(".!?", text[j]) >= 0 {
				j++
			}
			// closing quotes and brackets belong to the sentence
			for j < blk.End {
				r, n := utf8.DecodeRuneInString(text[j:])
				if r != '"' && r != '\'' && r != '”' && r != '’' && r != ')' {
					break
				}
				j += n
			}
			if c == '.' && j == i+1 && dotIsInternalRef(text, start, i) {
				i = j
				continue
			}
			k, sawSpace := skipSpaceRef(text, j, blk.End)
			if k >= blk.End || sawSpace && startsSentenceRef(text[k:blk.End]) && !ellipsisMidQuoteRef(text, i, j, k, blk.End) {
				emit(j)
				i = k
				continue
			}
			i = j
		case c == '\n':
			// a soft line break inside a block: a credit line ("/CFP")
			// still splits
			k, _ := skipSpaceRef(text, i, blk.End)
			if k < blk.End && text[k] == '/' {
				emit(i)
			}
			i++
		case c == '/' && i > start && isSpaceBeforeRef(text, i) && isCreditRef(text[i:blk.End]):
			emit(i)
			i++
		default:
			i++
		}
	}
	emit(blk.End)
	return out
}

// maxWordBack bounds how far dotIsInternal reads back from a dot.

// dotIsInternal reports whether the dot at i belongs to an abbreviation,
// an initial or a number rather than ending a sentence.
func dotIsInternalRef(text string, from, i int) bool {
	w := i
	// look back at most maxWordBack bytes: abbreviations and initials are
	// short, and an unbounded walk is quadratic on "x.x.x.x…"
	for w > from && i-w < maxWordBack {
		r, n := utf8.DecodeLastRuneInString(text[from:w])
		if !unicode.IsLetter(r) && r != '.' && r != '\'' {
			break
		}
		w -= n
	}
	word := strings.ToLower(text[w:i])
	if word == "" {
		return false
	}
	if abbreviations[strings.TrimSuffix(word, ".")] {
		return true
	}
	// initials and dotted acronyms: "J.", "U.S.", "U.N."
	if strings.Contains(word, ".") || utf8.RuneCountInString(word) == 1 && unicode.IsUpper(rune(text[w])) {
		return true
	}
	return false
}

// endsWithCredit reports whether a line ends with a photo credit ("…,
// July 28, 2023. /CFP"), which closes a caption.
func endsWithCreditRef(line string) bool {
	i := strings.LastIndex(line, " /")
	return i >= 0 && isCreditRef(line[i+1:])
}

func endsWithAbbreviationRef(line string) bool {
	if !strings.HasSuffix(line, ".") {
		return false
	}
	i := len(line) - 1
	return dotIsInternalRef(line, 0, i)
}

// startsSentence reports whether rest (after whitespace) can open a new
// sentence: a capital, a digit, a quote or a bracket.
func startsSentenceRef(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'([", r)
}

// ellipsisMidQuote keeps "… to implement" together: three dots followed
// by a lower-case word continue the sentence (startsSentence already
// refuses those), and a spaced " ... " inside a quotation does too.
func ellipsisMidQuoteRef(text string, i, j, k, end int) bool {
	return j-i >= 3 && k < end && !unicode.IsUpper(rune(text[k]))
}

func skipSpaceRef(text string, i, end int) (int, bool) {
	saw := false
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		saw = true
		i += n
	}
	return i, saw
}

func isSpaceBeforeRef(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsSpace(r)
}

// trimSpan narrows s to exclude leading and trailing white space,
// non-breaking spaces included.
func trimSpanRef(text string, s Span) Span {
	for s.Start < s.End {
		r, n := utf8.DecodeRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) && r != '\ufeff' {
			break
		}
		s.Start += n
	}
	for s.End > s.Start {
		r, n := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if !unicode.IsSpace(r) && r != '\ufeff' {
			break
		}
		s.End -= n
	}
	return s
}

func trimSpaceRef(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' })
}

func isCreditRef(s string) bool {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return creditRe.MatchString(trimSpaceRef(s))
}

var splitCases = []string{
	"", "\n", "\n\n", "a\n", "\na", "Mr. Smith left. He came back.", "İnc. Smith left. \u212Ao. rose", "The U.N.\u00a0met. /CFP\nX",
	"A caption that is long enough to be wrapped prose, July 28, 2023. /CFP\nA caption again",
	"A line long enough to count as wrapped prose in the copy of the wire and\nthe next one goes on", "A line long enough to count as wrapped prose in the copy of the wire THE\nNext",
	"A line long enough to count as wrapped prose in the copy of the wire İN\nNext", "\ufeff Title \ufeff\n\u2028Body.\u0085", "Wait... what? Yes!! \"Done.\" (So.) ’Quote.’ x",
	"x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x Next", "\xff.\xfe. A\xc3. B",
	"short\nlines\n/ AFP\nPhoto: Reuters", "It ended... to go on. It did ... Then", "Gov't. Pres. St. jr. Sept. THURS. e.g. E.G. i.e. A.M. p.m.",
	// line breaks inside a block before a slash, through other white
	// space and bytes
	"A line long enough to count as wrapped prose in the copy of the wire and\n /CFP goes on\nand on / AFP",
	"A line long enough to count as wrapped prose in the copy of the wire and\n\u00a0\u2028/ AFP", "Done.\n/CFP and more of it",
	"A line long enough to count as wrapped prose in the copy of the wire and\n\xe2\xc2\xa0/CFP", "x /y\n/z\r\n\t/ W",
	"A line long enough to count as wrapped prose in the copy of the wire and\n/or what follows it. Then\n /x",
}

// TestSplitMatchesReference checks splitSentences against the splitter
// it replaced on the reference texts, and trimSpace on their lines.
func TestSplitMatchesReference(t *testing.T) {
	for _, s := range refTexts(t, splitCases) {
		checkSplit(t, s)
		for _, l := range strings.Split(s, "\n") {
			if got, want := trimSpace(l), trimSpaceRef(l); got != want {
				t.Fatalf("trimSpace(%q) = %q, want %q", l, got, want)
			}
		}
	}
}

func checkSplit(t *testing.T, s string) {
	t.Helper()
	got, want := splitSentences(s), splitSentencesRef(s)
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !slices.Equal(got, want) {
		t.Fatalf("%q:\n got %+v\nwant %+v", s, got, want)
	}
}

func FuzzSplitSentences(f *testing.F) {
	for _, c := range splitCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSplit(t, s)
		if got, want := trimSpace(s), trimSpaceRef(s); got != want {
			t.Fatalf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

// dotCases are words before dots: abbreviations in any case, initials,
// dotted acronyms, words longer than the longest abbreviation, words with
// apostrophes, non-ASCII letters and bytes.
var dotCases = []string{"Mr. mr. MRS. approx. Approxi. gov't. Gov'T. it's. o'clock. A. a. v. V. ' x",
	"U.S. u.n. e.g. J.R.R. x.y. .. ...", "İnc. \u212Ao. Ça. é. É. Straße. ÉTATS. naïve. Ltd\u00e9.", "\xff. a\xc3. \xc3\xa9. 3. 3a. (Gen.) \"Sen.\"",
	"abcdefgh. abcdefghi. stabcdefgh. x" + strings.Repeat("a", 70) + ". " + strings.Repeat("é", 40) + "."}

// TestDotIsInternalMatchesReference checks dotIsInternal against the
// reference at every dot of the reference texts, reading back to the
// start of the text and to a few bytes before the dot, and on random
// words of letters, dots and apostrophes.
func TestDotIsInternalMatchesReference(t *testing.T) {
	for _, s := range refTexts(t, dotCases) {
		checkDots(t, s)
	}
	r := rand.New(rand.NewPCG(7, 8))
	const alphabet = "aAbMmRrSsTtVv.'é İ\u212A3"
	runes := []rune(alphabet)
	for range 20000 {
		b := make([]rune, 1+r.IntN(12))
		for k := range b {
			b[k] = runes[r.IntN(len(runes))]
		}
		checkDots(t, string(b)+".")
	}
}

// checkDots compares dotIsInternal with dotIsInternalRef at every dot of
// s, from the start of s and from up to three bytes before the dot.
func checkDots(t *testing.T, s string) {
	t.Helper()
	for i := strings.IndexByte(s, '.'); i >= 0; {
		for _, from := range []int{0, max(0, i-3), i} {
			if got, want := dotIsInternal(s, from, i), dotIsInternalRef(s, from, i); got != want {
				t.Fatalf("dotIsInternal(%q, %d, %d) = %v, want %v", s, from, i, got, want)
			}
		}
		k := strings.IndexByte(s[i+1:], '.')
		if k < 0 {
			break
		}
		i += 1 + k
	}
}

func FuzzDotIsInternal(f *testing.F) {
	for _, c := range dotCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkDots(t, s)
	})
}
