package timeline

import (
	"sort"
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
	h    uint32 // FNV-1a hash of low, for the gazetteer (words only)
	// set by gazetteer.lookup, not by the tokenizer:
	slot int32     // 1+the gazetteer slot of low, -1 when none, 0 before lookup
	cls  wordClass // the word lists low is in
}

// tokenize splits text[s.Start:s.End] into tokens. Offsets index text.
func tokenize(text string, s Span) []token {
	var tz tokenizer
	return tz.tokenize(text, s)
}

// tokenizer is the scratch space of tokenize for one document: the token
// slice, reused sentence after sentence, and the indexes of the tokens
// whose low is made at the end of a sentence. An ASCII word in lower case
// is its own low; the others of a sentence are lowered into one string
// together, so a sentence makes at most one allocation. Not safe for
// concurrent use.
type tokenizer struct {
	toks []token
	pend []int32 // ASCII words with capitals, to lower
}

// cleanCut reports whether a span of text may end or start at b and
// still be tokenized as the tokens of a longer span that b falls inside:
// the byte at b is ASCII and no token can take it in or look past it
// (not a letter, digit, dot or apostrophe, which a word, an abbreviation
// or a possessive would read).
func cleanCut(text string, b int) bool {
	if b < 0 || b >= len(text) {
		return false
	}
	c := text[b]
	return c < utf8.RuneSelf && !asciiWord[c] && c != '.' && c != '\''
}

// subTokens returns the tokens that tokenize gives for cl, taken from
// toks, the tokens of s, which holds cl; ok is false when a bound of cl
// inside s is no clean cut and cl must be tokenized on its own.
func subTokens(text string, s Span, toks []token, cl Span) ([]token, bool) {
	if cl.Start < s.Start || cl.End > s.End || cl.Start != s.Start && !cleanCut(text, cl.Start) || cl.End != s.End && !cleanCut(text, cl.End) {
		return nil, false
	}
	lo := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= cl.Start })
	hi := lo + sort.Search(len(toks)-lo, func(k int) bool { return toks[lo+k].Start >= cl.End })
	return toks[lo:hi:hi], true
}

// tokenize is the package tokenize on tz's scratch: the tokens are valid
// until the next call.
func (tz *tokenizer) tokenize(text string, s Span) []token {
	if s.Start < 0 {
		s.Start = 0
	}
	if s.End > len(text) {
		s.End = len(text)
	}
	if s.Start >= s.End {
		tz.toks = tz.toks[:0]
		return tz.toks
	}
	pend, pendBytes := tz.pend[:0], 0
	// about one token in five bytes of prose
	toks := tz.toks[:0]
	if n := (s.End-s.Start)/5 + 4; cap(toks) < n {
		toks = make([]token, 0, n)
	}
	i := s.Start
	for i < s.End {
		c := text[i]
		var r rune
		n := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, n = utf8.DecodeRuneInString(text[i:s.End])
		}
		switch {
		case c < utf8.RuneSelf && asciiSpace[c] || c >= utf8.RuneSelf && (unicode.IsSpace(r) || r == utf8.RuneError && n <= 1):
			i += n
		case c < utf8.RuneSelf && asciiWord[c] || c >= utf8.RuneSelf && isWordRune(r):
			j := i + n
			ascii := c < utf8.RuneSelf
			caps := isUpperASCII(c)
			h := (fnvOffset ^ uint32(asciiLower[c])) * fnvPrime // low's hash while it is ASCII
			for j < s.End {
				if c2 := text[j]; c2 < utf8.RuneSelf {
					if !asciiWord[c2] {
						break
					}
					caps = caps || isUpperASCII(c2)
					h = (h ^ uint32(asciiLower[c2])) * fnvPrime
					j++
					continue
				}
				r2, n2 := utf8.DecodeRuneInString(text[j:s.End])
				if !isWordRune(r2) {
					break
				}
				j += n2
				ascii = false
			}
			// A single capital letter followed by ".X." is a dotted
			// abbreviation: U.S., U.N., U.S.A.
			dotted := false
			if j-i == 1 && j+2 < s.End && text[j] == '.' && isUpperASCII(text[j+1]) && text[j+2] == '.' {
				for j+2 < s.End && text[j] == '.' && isUpperASCII(text[j+1]) && text[j+2] == '.' {
					j += 2
				}
				j++ // the final dot
				dotted, caps = true, true
			}
			t := token{Span: Span{i, j}, raw: text[i:j], word: true, h: h}
			endsS := false
			switch {
			case !ascii:
				t.low = strings.ToLower(t.raw)
				t.up = unicode.IsUpper(r)
				t.h = fnv1a(t.low, "")
				endsS = strings.HasSuffix(t.low, "s")
			case caps:
				// lowered with the others at the end of the sentence
				pend = append(pend, int32(len(toks)))
				pendBytes += j - i
				t.up = isUpperASCII(c)
				if dotted {
					t.h = fnv1aLower(t.raw)
				}
				endsS = asciiLower[text[j-1]] == 's'
			default:
				t.low = t.raw
				endsS = text[j-1] == 's'
			}
			// Possessives: 's, ’s and the bare apostrophe after a plural.
			if j < s.End && (text[j] == '\'' || text[j] == 0xE2) {
				if k, ok := possessiveAfter(text, j, s.End, endsS); ok {
					t.poss = true
					j = k
				}
			}
			toks = append(toks, t)
			i = j
		default:
			toks = append(toks, token{Span: Span{i, i + n}, raw: text[i : i+n], low: text[i : i+n]})
			i += n
		}
	}
	if pendBytes > 0 {
		// one string for the lowered words of the sentence; a Builder
		// hands over its bytes without a copy
		var b strings.Builder
		b.Grow(pendBytes)
		for _, k := range pend {
			raw := toks[k].raw
			for i := 0; i < len(raw); i++ {
				b.WriteByte(asciiLower[raw[i]])
			}
		}
		all := b.String()
		for _, k := range pend {
			n := len(toks[k].raw)
			toks[k].low, all = all[:n], all[n:]
		}
	}
	tz.toks, tz.pend = toks, pend
	return toks
}

// fnv1aLower is fnv1a of s with its ASCII letters lowered.
func fnv1aLower(s string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(asciiLower[s[i]])) * fnvPrime
	}
	return h
}

// ASCII classes of the tokenizer: white space as unicode.IsSpace has it,
// letters and digits as isWordRune has them.
var asciiSpace, asciiWord, asciiLower = func() (sp, w [utf8.RuneSelf]bool, low [256]byte) {
	for c := 0; c < utf8.RuneSelf; c++ {
		sp[c] = unicode.IsSpace(rune(c))
		w[c] = isWordRune(rune(c))
	}
	for c := range low {
		low[c] = byte(c)
		if c >= 'A' && c <= 'Z' {
			low[c] = byte(c) + 'a' - 'A'
		}
	}
	return
}()

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isUpperASCII(b byte) bool { return b >= 'A' && b <= 'Z' }

// possessive reports whether a possessive marker starts at j and returns
// the offset after it.
func possessive(text string, j, end int, low string) (int, bool) {
	return possessiveAfter(text, j, end, strings.HasSuffix(low, "s"))
}

// possessiveAfter is possessive for a word whose low ends in "s" when
// endsS is set.
func possessiveAfter(text string, j, end int, endsS bool) (int, bool) {
	for _, ap := range []string{"'", "’"} {
		if !strings.HasPrefix(text[j:end], ap) {
			continue
		}
		k := j + len(ap)
		if k < end && (text[k] == 's' || text[k] == 'S') && (k+1 == end || !isWordByte(text[k+1])) {
			return k + 1, true
		}
		if endsS && (k == end || !isWordByte(text[k])) {
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
