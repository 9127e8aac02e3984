package timeline

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Page furniture: the parts of a scraped page that are not the story.
// They keep their temporal expressions (a caption's date is still a
// date) but yield no events.

// Furniture kinds, the values of Sentence.Furniture.
const (
	FurnitureBoilerplate = "boilerplate" // "Download", "Search Trends", "Share"
	FurnitureHeadline    = "headline"    // a title line above the dateline
	FurnitureDateline    = "dateline"    // the line that holds the DCT
	FurnitureHeading     = "heading"     // a section title: "2004: Iraqi Resistance expands"
	FurnitureCredit      = "credit"      // "/CFP", "Photo: Reuters"
	FurnitureNote        = "note"        // "(With input from agencies)"
	FurnitureDuplicate   = "duplicate"   // a caption or line repeated on the page
)

var (
	creditRe = regexp.MustCompile(`^(?:/\s?[A-Z][\w.&' -]{0,40}|(?i:photo|image|picture|file photo|credit|video)\s*[:/|].{0,80})$`)
	noteRe   = regexp.MustCompile(`^\((?i:with (?:input|reporting|additional reporting) from|reporting by|writing by|editing by|compiled by|source:|this story|this article)[^)]*\)\.?$`)
)

// mayOpen reports whether s starts with one of the bytes of first: the
// anchored expressions above can match only then (their first letters
// fold to nothing outside ASCII), and most sentences are spared the
// regexp.
func mayOpen(s, first string) bool {
	return s != "" && strings.IndexByte(first, s[0]) >= 0
}

// isCredit reports whether s (from a slash to the end of its line) is a
// photo credit such as "/CFP" or "/ AFP".
func isCredit(s string) bool {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return creditRe.MatchString(trimSpace(s))
}

// markFurniture sets Sentence.Furniture on the sentences that are not
// prose. dateline is the span of the DCT in the text, if read from it.
func markFurniture(text string, sents []Sentence, dateline Span, hasDateline bool) {
	seen := make(map[string]bool, len(sents))
	var key []byte // the sentence's key, in a buffer reused (a map lookup with string(key) copies nothing)
	for i := range sents {
		s := &sents[i]
		key = appendNormalized(key[:0], s.Text)
		switch {
		case hasDateline && s.Span.Contains(dateline) && s.Len() < dateline.Len()+40:
			s.Furniture = FurnitureDateline
		case mayOpen(s.Text, "/pPiIfFcCvV") && creditRe.MatchString(s.Text):
			s.Furniture = FurnitureCredit
		case mayOpen(s.Text, "(") && noteRe.MatchString(s.Text):
			s.Furniture = FurnitureNote
		case len(key) >= 24 && seen[string(key)]:
			s.Furniture = FurnitureDuplicate
		case isBoilerplate(s.Text):
			s.Furniture = FurnitureBoilerplate
		case hasDateline && s.End <= dateline.Start && !endsLikeProse(s.Text):
			s.Furniture = FurnitureHeadline
		case isHeading(text, s):
			s.Furniture = FurnitureHeading
		}
		if len(key) > 0 && !seen[string(key)] {
			seen[string(key)] = true
		}
	}
}

// isBoilerplate: a short line with no terminal punctuation, such as a
// button label or a section name.
func isBoilerplate(s string) bool {
	return !endsLikeProse(s) && len(strings.Fields(s)) <= 3
}

// headingWords is the most words a section title has.
const headingWords = 12

// isHeading: a short unpunctuated line standing alone, as section titles
// do. It names a topic, not an event.
func isHeading(text string, s *Sentence) bool {
	if endsLikeProse(s.Text) || len(strings.Fields(s.Text)) > headingWords {
		return false
	}
	before := text[:s.Start]
	after := text[s.End:]
	if i := strings.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	if i := strings.IndexByte(after, '\n'); i >= 0 {
		after = after[:i]
	}
	return trimSpace(before) == "" && trimSpace(after) == ""
}

func endsLikeProse(s string) bool {
	s = strings.TrimRight(s, "\"'”’) ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ":")
}

// appendNormalized appends s to b with case and spacing folded, so that a
// caption repeated with other white space still counts as the same.
func appendNormalized(b []byte, s string) []byte {
	start := len(b)
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			// ASCII without the unicode tables
			i++
			if c == ' ' || c >= '\t' && c <= '\r' {
				space = true
				continue
			}
			if space && len(b) > start {
				b = append(b, ' ')
			}
			space = false
			b = append(b, asciiLower[c])
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && len(b) > start {
			b = append(b, ' ')
		}
		space = false
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}
