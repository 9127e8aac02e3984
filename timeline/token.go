package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or punctuation mark of a sentence, with its byte span in
// the whole document text. Words are runs of letters and digits; dotted
// abbreviations ("U.S.", "U.N.") are one token; a possessive "'s" is not a
// token of its own but sets poss on the word it follows.
type token struct {
	Span
	raw  string // as written, without the possessive
	low  string // lowercased raw
	word bool   // letters or digits (not punctuation)
	up   bool   // starts with an upper-case letter
	poss bool   // followed by 's or a bare ' (possessive)
}

// tokenize splits text[s.Start:s.End] into tokens. Offsets index text.
func tokenize(text string, s Span) []token {
	if s.Start < 0 {
		s.Start = 0
	}
	if s.End > len(text) {
		s.End = len(text)
	}
	var toks []token
	i := s.Start
	for i < s.End {
		r, n := utf8.DecodeRuneInString(text[i:s.End])
		switch {
		case unicode.IsSpace(r) || r == utf8.RuneError && n <= 1:
			i += n
		case isWordRune(r):
			j := i
			for j < s.End {
				r2, n2 := utf8.DecodeRuneInString(text[j:s.End])
				if !isWordRune(r2) {
					break
				}
				j += n2
			}
			// A single capital letter followed by ".X." is a dotted
			// abbreviation: U.S., U.N., U.S.A.
			if j-i == 1 && j+2 < s.End && text[j] == '.' && isUpperASCII(text[j+1]) && text[j+2] == '.' {
				for j+2 < s.End && text[j] == '.' && isUpperASCII(text[j+1]) && text[j+2] == '.' {
					j += 2
				}
				j++ // the final dot
			}
			t := token{Span: Span{i, j}, raw: text[i:j], word: true}
			t.low = strings.ToLower(t.raw)
			t.up = unicode.IsUpper(r)
			// Possessives: 's, ’s and the bare apostrophe after a plural.
			if k, ok := possessive(text, j, s.End, t.low); ok {
				t.poss = true
				j = k
			}
			toks = append(toks, t)
			i = j
		default:
			toks = append(toks, token{Span: Span{i, i + n}, raw: text[i : i+n], low: text[i : i+n]})
			i += n
		}
	}
	return toks
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isUpperASCII(b byte) bool { return b >= 'A' && b <= 'Z' }

// possessive reports whether a possessive marker starts at j and returns
// the offset after it.
func possessive(text string, j, end int, low string) (int, bool) {
	for _, ap := range []string{"'", "’"} {
		if !strings.HasPrefix(text[j:end], ap) {
			continue
		}
		k := j + len(ap)
		if k < end && (text[k] == 's' || text[k] == 'S') && (k+1 == end || !isWordByte(text[k+1])) {
			return k + 1, true
		}
		if strings.HasSuffix(low, "s") && (k == end || !isWordByte(text[k])) {
			return k, true
		}
	}
	return j, false
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// keyTokens splits a gazetteer name into lowercased token strings, the
// way tokenize splits text, so names and text compare token by token.
func keyTokens(name string) []string {
	ts := tokenize(name, Span{0, len(name)})
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		low := t.low
		if t.poss {
			low += "'s"
		}
		out = append(out, low)
	}
	return out
}
