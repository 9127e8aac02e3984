package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a dot that does not end a sentence. Lower-case
// keys, without the dot.
var abbreviations = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`mr mrs ms dr prof gen col lt sgt capt maj adm cmdr gov sen rep rev st jr sr
		jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
		inc corp co ltd no nos vs v etc approx est dept univ fig al e.g i.e a.m p.m u.s u.n u.k e.u
		ft mt ave blvd rd gov't pres`) {
		m[w] = true
	}
	return m
}()

// splitSentences cuts text into sentences with spans into text. A blank
// line always ends a sentence; a single line break ends one when the line
// before is short or ends with terminal punctuation (scraped pages put
// each block on its own line, wire copy wraps long lines).
func splitSentences(text string) []Sentence {
	var out []Sentence
	for _, blk := range blocks(text) {
		out = splitBlock(text, blk, out)
	}
	return out
}

// blocks returns the spans of text between hard breaks.
func blocks(text string) []Span {
	var out []Span
	start := 0
	lineStart := 0
	for i := 0; i < len(text); i++ {
		if text[i] != '\n' {
			continue
		}
		line := text[lineStart:i]
		next := restOfLine(text, i+1)
		if hardBreak(line, next) {
			out = append(out, Span{start, i})
			start = i + 1
		}
		lineStart = i + 1
	}
	out = append(out, Span{start, len(text)})
	return out
}

func restOfLine(text string, i int) string {
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
const wrapWidth = 50

func hardBreak(line, next string) bool {
	l := trimSpace(line)
	n := trimSpace(next)
	if l == "" || n == "" {
		return true
	}
	if len(l) < wrapWidth || endsWithCredit(l) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(l)
	if strings.ContainsRune(".!?\"”’)", r) {
		return !endsWithAbbreviation(l)
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

// continuationWords cannot end a sentence, so a line that stops on one
// goes on in the next line.
var continuationWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("a an the of and or but to in on at for with by from as that which who whose said says than into over under after before about against between during without within its their his her our") {
		m[w] = true
	}
	return m
}()

// splitBlock splits one block at sentence-final punctuation.
func splitBlock(text string, blk Span, out []Sentence) []Sentence {
	start := blk.Start
	emit := func(end int) {
		s := trimSpan(text, Span{start, end})
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
			if c == '.' && j == i+1 && dotIsInternal(text, start, i) {
				i = j
				continue
			}
			k, sawSpace := skipSpace(text, j, blk.End)
			if k >= blk.End || sawSpace && startsSentence(text[k:blk.End]) && !ellipsisMidQuote(text, i, j, k, blk.End) {
				emit(j)
				i = k
				continue
			}
			i = j
		case c == '\n':
			// a soft line break inside a block: a credit line ("/CFP")
			// still splits
			k, _ := skipSpace(text, i, blk.End)
			if k < blk.End && text[k] == '/' {
				emit(i)
			}
			i++
		case c == '/' && i > start && isSpaceBefore(text, i) && isCredit(text[i:blk.End]):
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
const maxWordBack = 64

// dotIsInternal reports whether the dot at i belongs to an abbreviation,
// an initial or a number rather than ending a sentence.
func dotIsInternal(text string, from, i int) bool {
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
func endsWithCredit(line string) bool {
	i := strings.LastIndex(line, " /")
	return i >= 0 && isCredit(line[i+1:])
}

func endsWithAbbreviation(line string) bool {
	if !strings.HasSuffix(line, ".") {
		return false
	}
	i := len(line) - 1
	return dotIsInternal(line, 0, i)
}

// startsSentence reports whether rest (after whitespace) can open a new
// sentence: a capital, a digit, a quote or a bracket.
func startsSentence(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'([", r)
}

// ellipsisMidQuote keeps "… to implement" together: three dots followed
// by a lower-case word continue the sentence (startsSentence already
// refuses those), and a spaced " ... " inside a quotation does too.
func ellipsisMidQuote(text string, i, j, k, end int) bool {
	return j-i >= 3 && k < end && !unicode.IsUpper(rune(text[k]))
}

func skipSpace(text string, i, end int) (int, bool) {
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

func isSpaceBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsSpace(r)
}

// trimSpan narrows s to exclude leading and trailing white space,
// non-breaking spaces included.
func trimSpan(text string, s Span) Span {
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

func trimSpace(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' })
}
