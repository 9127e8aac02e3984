package timeline

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokenizeRef is the tokenizer as it was before the ASCII fast path and
// the shared scratch (its logic unchanged, its comments trimmed): the
// reference the fast one must equal token for token.
func tokenizeRef(text string, s Span) []token {
	if s.Start < 0 {
		s.Start = 0
	}
	if s.End > len(text) {
		s.End = len(text)
	}
	toks := make([]token, 0, max((s.End-s.Start)/5+4, 0))
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
			if j-i == 1 && j+2 < s.End && text[j] == '.' && isUpperASCII(text[j+1]) && text[j+2] == '.' {
				for j+2 < s.End && text[j] == '.' && isUpperASCII(text[j+1]) && text[j+2] == '.' {
					j += 2
				}
				j++
			}
			t := token{Span: Span{i, j}, raw: text[i:j], word: true}
			t.low = strings.ToLower(t.raw)
			t.up = unicode.IsUpper(r)
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

var tokenizeCases = []string{
	"", " ", "U.S. and U.N. troops", "the U.S.A.'s", "Iraq's Saddam", "the Joneses' house",
	"İstanbul ǅemal KELVIN\u212a ſtraße", "Müller’s plan’s", "a\u00a0b\u0085c\u2028d", "\xff\xfeab\xc3",
	"\x00\x01\t\v\f\r\n", "A.B.C", "X.Y", "rock 'n' roll's", "1990s' wars", "’", "'s", "ÀÉÎ'S done",
	"iPhone McDonald's eBay aB1c2D x9Y NATO's U.S.-led",
	// capitalized words, short and long, before marks, capitals,
	// possessives and the end of text
	"The Hague. Washington said A B C J. Smith, Mr. Jones Ab1 Cd2e Fgh3456789abc Governmentality Xyzzy's Qq",
	// a token a byte or two: more than the room a sentence's tokens
	// start with
	"a.b,c;d:e!f?g(h)i[j]k{l}m-n+o=p a b c d e f g h i j k l m n o p q r s t u v w x y z the of",
}

func checkTokenize(t *testing.T, tz *tokenizer, text string, s Span) {
	t.Helper()
	want := tokenizeRef(text, s)
	got := tz.tokenize(text, s)
	if len(got) != len(want) {
		t.Fatalf("%q %v: %d tokens, want %d", text, s, len(got), len(want))
	}
	for k := range want {
		if got[k].word && got[k].h != fnv1a(got[k].low, "") {
			t.Fatalf("%q %v: token %d (%q) hashed %x", text, s, k, got[k].low, got[k].h)
		}
		g := got[k]
		g.h = 0 // the reference has no hash
		if g != want[k] {
			t.Fatalf("%q %v: token %d is %+v, want %+v", text, s, k, got[k], want[k])
		}
	}
}

func TestTokenizeMatchesReference(t *testing.T) {
	var tz tokenizer
	texts := refTexts(t, tokenizeCases)
	for _, text := range texts {
		checkTokenize(t, &tz, text, Span{0, len(text)})
		// sentence-sized pieces of one text on one scratch, as
		// findActors reads a document
		for from := 0; from < len(text); from += 97 {
			checkTokenize(t, &tz, text, Span{from, min(from+211, len(text))})
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, c := range tokenizeCases {
		f.Add(c, 0, len(c))
	}
	f.Fuzz(func(t *testing.T, text string, from, to int) {
		if from > to || to-from > 1<<20 {
			return
		}
		var tz tokenizer
		checkTokenize(t, &tz, text, Span{from, to})
		checkTokenize(t, &tz, text, Span{0, len(text)})
	})
}

// refTexts are the texts the fast paths are checked on against their
// references: the given cases, the seeds, and the TBAQ documents when the
// shared data is there.
func refTexts(t *testing.T, cases []string) []string {
	texts := append(append([]string{}, cases...), seedTexts(t, 1<<16)...)
	if sharedData(t) != "" {
		for _, d := range loadTBAQ(t) {
			texts = append(texts, d.Text)
		}
	}
	return texts
}

// floorWithCorpus is the least count of matches that a test over
// refTexts asks for, so that its comparison is not empty: n when the
// shared corpora are there, 1 without them (the seeds and test
// documents alone hold fewer).
func floorWithCorpus(t *testing.T, n int) int {
	if sharedData(t) == "" {
		return 1
	}
	return n
}

// checkTokenizeLookup compares tokenizeLookup with tokenize then lookup
// (wordclass.go), token for token.
func checkTokenizeLookup(t *testing.T, g *gazetteer, tz *tokenizer, text string, s Span) {
	t.Helper()
	want := tokenize(text, s)
	g.lookup(want)
	got := tz.tokenizeLookup(text, s, g)
	if len(got) != len(want) {
		t.Fatalf("%q %v: %d tokens, want %d", text, s, len(got), len(want))
	}
	for k := range want {
		if got[k] != want[k] {
			t.Fatalf("%q %v: token %d is %+v, want %+v", text, s, k, got[k], want[k])
		}
	}
}

func TestTokenizeLookupMatchesLookup(t *testing.T) {
	g := newActorIndex().gaz
	var tz tokenizer
	for _, text := range refTexts(t, tokenizeCases) {
		checkTokenizeLookup(t, g, &tz, text, Span{0, len(text)})
		for from := 0; from < len(text); from += 97 {
			checkTokenizeLookup(t, g, &tz, text, Span{from, min(from+211, len(text))})
		}
	}
	// every word the table holds, as written and in capitals, and every
	// ASCII mark
	var b strings.Builder
	for _, sl := range g.slots {
		if sl.first != "" {
			b.WriteString(sl.first + " " + strings.ToUpper(sl.first) + "'s, ")
		}
	}
	for c := 0; c < utf8.RuneSelf; c++ {
		b.WriteString("x" + string(rune(c)) + "y ")
	}
	checkTokenizeLookup(t, g, &tz, b.String(), Span{0, b.Len()})
	// every word the table holds with a capital first (scanPlain looks
	// it up folded), in a text and at its end, where fewer than eight
	// bytes are left to read
	b.Reset()
	for _, sl := range g.slots {
		if w := sl.first; w != "" && w[0] >= 'a' && w[0] <= 'z' {
			w = strings.ToUpper(w[:1]) + w[1:]
			b.WriteString(w + " " + w + ", ")
			checkTokenizeLookup(t, g, &tz, "in "+w, Span{0, len(w) + 3})
		}
	}
	checkTokenizeLookup(t, g, &tz, b.String(), Span{0, b.Len()})
}

func FuzzTokenizeLookup(f *testing.F) {
	for _, c := range tokenizeCases {
		f.Add(c, 0, len(c))
	}
	g := newActorIndex().gaz
	f.Fuzz(func(t *testing.T, text string, from, to int) {
		if from > to || to-from > 1<<20 {
			return
		}
		var tz tokenizer
		checkTokenizeLookup(t, g, &tz, text, Span{from, to})
		checkTokenizeLookup(t, g, &tz, text, Span{0, len(text)})
	})
}
