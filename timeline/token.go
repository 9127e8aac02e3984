package timeline

import (
	"slices"
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
// is its own low; the others of a sentence are lowered together into
// lows, which only ever grows, so that the tokens of earlier sentences
// keep theirs and a document makes a few allocations for them, not one a
// sentence. Not safe for concurrent use.
type tokenizer struct {
	toks []token
	pend []int32 // ASCII words with capitals, to look up and lower
	// lowOnly are the capitalized words in lower case after their
	// capital that scanPlain looked up and g lacks: they are only to
	// lower
	lowOnly []int32
	ups     []int32 // the words that start with a capital, in order
	// poss are the possessives, in order: gazetteer.nextStart passes
	// the tokens between them by their classes alone
	poss []int32
	low  []byte // the sentence's lowered words, on their way to lows
	// lows holds the lowered words of the sentences so far; a full one
	// is left to the tokens that use it and a larger one started
	lows *strings.Builder
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
	return tz.scan(text, s, nil)
}

// tokenizeLookup is tokenize, then g.lookup of the tokens, in one pass:
// each token is looked up as it is made (a word with capitals once it is
// lowered), while it is at hand.
func (tz *tokenizer) tokenizeLookup(text string, s Span, g *gazetteer) []token {
	return tz.scan(text, s, g)
}

// scan is tokenize, looking the tokens up in g unless g is nil.
func (tz *tokenizer) scan(text string, s Span, g *gazetteer) []token {
	if g != nil && g.hs == nil {
		// a table not indexed yet: no fast look-ups
		toks := tz.scan(text, s, nil)
		g.lookup(toks)
		return toks
	}
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
	text = text[:s.End] // the sentence ends the text: no bound to check but len(text)
	// about one token in five bytes of prose
	toks := tz.toks[:0]
	if n := (s.End-s.Start)/5 + 4; cap(toks) < n {
		toks = make([]token, 0, n)
	}
	tz.pend, tz.lowOnly, tz.ups, tz.poss = tz.pend[:0], tz.lowOnly[:0], tz.ups[:0], tz.poss[:0]
	if tz.pend == nil {
		// room for a sentence with capitals on one word in four, for
		// the three in one allocation
		n := cap(toks)/4 + 8
		buf := make([]int32, 3*n)
		tz.pend, tz.lowOnly, tz.ups = buf[:0:n], buf[n:n:2*n], buf[2*n:2*n:3*n]
	}
	// The loop reads an ASCII word with capitals itself, and the plain
	// tokens that scanPlain leaves to it (a word in lower case that a
	// capital or a possessive follows); it leaves the rest (runes past
	// ASCII, dotted abbreviations, possessives) to calls out of it.
	i := s.Start
	for i < len(text) {
		// most tokens are words in lower case and marks, which
		// scanPlain makes in a loop of its own; it stops at a token
		// it leaves to this one
		if toks, i = tz.scanPlain(toks, text, i, g); i == len(text) {
			break
		}
		c := text[i]
		k := asciiClass[c]
		if k&classSpace != 0 {
			i++
			continue
		}
		if k&classWord == 0 {
			if c >= utf8.RuneSelf {
				toks, i = tz.word(toks, text, i, g)
				continue
			}
			toks = append(toks, token{Span: Span{i, i + 1}, raw: text[i : i+1], low: text[i : i+1]})
			if g != nil {
				g.lookupPunct(&toks[len(toks)-1], c)
			}
			i++
			continue
		}
		// scanASCIIWord, its fast loop inlined here; the byte after the
		// word is classed once, by afterClass
		j, h, kj := scanLowerASCII(text, i+1, (fnvOffset^uint32(asciiLower[c]))*fnvPrime)
		caps, after := k&classUpper != 0, kj>>afterShift
		if after == afterUpper {
			j, h = scanFoldASCII(text, j, h)
			caps, after = true, 0
			if j < len(text) {
				after = afterClass[text[j]]
			}
		}
		if after == afterRune || after == afterDot && j-i == 1 {
			toks, i = tz.word(toks, text, i, g)
			continue
		}
		if len(toks) == cap(toks) {
			toks = slices.Grow(toks, 1)
		}
		toks = toks[:len(toks)+1]
		t := &toks[len(toks)-1]
		raw := text[i:j]
		t.Span, t.raw, t.low, t.h = Span{i, j}, raw, raw, h
		t.word, t.up, t.poss, t.slot, t.cls = true, k&classUpper != 0, false, 0, 0
		if caps {
			tz.pend = append(tz.pend, int32(len(toks)-1)) // lowered (and looked up) at the end
			if t.up {
				tz.ups = append(tz.ups, int32(len(toks)-1))
			}
		} else if g != nil {
			// lookupToken of a word in lower case, which is no acronym;
			// most words that the table lacks end at an empty first probe
			t.slot = -1
			// (find, its first probe read here)
			if !g.free(h & g.mask) {
				s := int(h & g.mask)
				if g.hs[s] != h|1 || g.words[s].key != raw {
					s = g.findFrom(h, raw)
				}
				if s >= 0 {
					t.cls, t.slot = g.words[s].cls, int32(s)+1
				}
			}
		}
		switch after {
		case afterSpace:
			j++ // the usual space after a word, here rather than a turn of the loop
		case afterQuote:
			j = tz.possessive(toks, text, j)
		}
		i = j
	}
	if len(tz.pend) > 0 || len(tz.lowOnly) > 0 {
		tz.lower(toks, text, g)
	}
	tz.toks = toks
	return toks
}

// scanPlain appends the tokens from text[i] on that need no more than
// ASCII bytes and a look-up in g unless g is nil: words in lower case,
// or in lower case after a capital (no possessive, no dotted
// abbreviation after one letter), and marks, as many as toks has room
// for. It returns where the first token that it leaves to scan starts
// (one it has no room for too), or len(text). The tokens are scan's,
// field for field, but for the low of a capitalized word that g lacks,
// which it leaves in tz.lowOnly for lower: it is a loop of its own,
// with few values live, for the tokens most prose is made of. g, if not
// nil, is indexed.
func (tz *tokenizer) scanPlain(toks []token, text string, i int, g *gazetteer) ([]token, int) {
	// A token takes a byte at least: the tokens that start before lim
	// fit in the room toks has, and the loop makes no call to grow it
	// (which would have its values saved around it at each token).
	lim := min(len(text), i+cap(toks)-len(toks))
	for i < lim {
		c := text[i]
		switch k := asciiClass[c]; {
		case k&classSpace != 0:
			i++
		case k&(classWord|classUpper) == classWord:
			// a letter in lower case or a digit, its own lowered byte
			j, h, kj := scanLowerASCII(text, i+1, (fnvOffset^uint32(c))*fnvPrime)
			after := kj >> afterShift
			if after >= afterQuote && (after != afterDot || j-i == 1) {
				return toks, i // a capital, a rune, an abbreviation or a possessive after it
			}
			toks = toks[:len(toks)+1]
			t := &toks[len(toks)-1]
			raw := text[i:j]
			t.Span, t.raw, t.low, t.h = Span{i, j}, raw, raw, h
			t.word, t.up, t.poss, t.slot, t.cls = true, false, false, 0, 0
			if g != nil {
				// lookupToken of a word in lower case, which is no acronym:
				// most words that the table lacks end at an empty first
				// probe, read here with the hits on it; find reads the rest
				t.slot = -1
				if !g.free(h & g.mask) {
					s := int(h & g.mask)
					// a word of up to eight bytes with eight to read at i
					// is compared with key8 in one load (its bytes are
					// never 0, key8's past the key are), with no call and
					// no look at hs: the probe reads one line, the slot's
					// gazWord
					var hit bool
					if n := j - i; n <= 8 && i+8 <= len(text) {
						hit = le64(text, i)&byteMasks[n] == g.words[s].key8
					} else {
						hit = g.hs[s] == h|1 && g.words[s].key == raw
					}
					if !hit {
						s = g.findFrom(h, raw)
					}
					if s >= 0 {
						t.cls, t.slot = g.words[s].cls, int32(s)+1
					}
				}
			}
			if after == afterSpace {
				j++
			}
			i = j
		case k&classUpper != 0:
			// a capital: the word is read here if it goes on in lower
			// case (it is no acronym then, having one capital)
			j, h, kj := scanLowerASCII(text, i+1, (fnvOffset^uint32(c|0x20))*fnvPrime)
			after := kj >> afterShift
			if after >= afterQuote && (after != afterDot || j-i == 1) {
				return toks, i // a capital, a rune, an abbreviation or a possessive after it
			}
			toks = toks[:len(toks)+1]
			t := &toks[len(toks)-1]
			raw := text[i:j]
			t.Span, t.raw, t.low, t.h = Span{i, j}, raw, raw, h
			t.word, t.up, t.poss, t.slot, t.cls = true, true, false, 0, 0
			at := int32(len(toks) - 1)
			tz.ups = append(tz.ups, at)
			if g == nil || !lookupCapitalized(t, g, text) {
				tz.lowOnly = append(tz.lowOnly, at) // lowered at the end
			}
			if after == afterSpace {
				j++
			}
			i = j
		case k&classBits == 0 && c < utf8.RuneSelf:
			// a mark, looked up in g.punct (lookupPunct)
			toks = toks[:len(toks)+1]
			t := &toks[len(toks)-1]
			mark := text[i : i+1]
			t.Span, t.raw, t.low = Span{i, i + 1}, mark, mark
			t.word, t.up, t.poss, t.h, t.slot, t.cls = false, false, false, 0, 0, 0
			if g != nil {
				p := &g.punct[c]
				t.h, t.slot, t.cls = p.h, p.slot, p.cls
			}
			i++
		default:
			return toks, i
		}
	}
	return toks, i
}

// lookupCapitalized is lookupToken of t, a word of ASCII letters and
// digits of which the first alone is a capital, in the indexed g: it
// sets t's low to g's key when g holds the word lowered and reports
// whether it does; t keeps its raw as low when not (slot -1).
func lookupCapitalized(t *token, g *gazetteer, text string) bool {
	t.slot = -1
	s := g.foldedSlot(t, text)
	if s < 0 {
		return false
	}
	t.low, t.cls, t.slot = g.words[s].key, g.words[s].cls, int32(s)+1
	return true
}

// foldedSlot is g.findFold of t, an ASCII word of text, with its first
// probe read here: most words end there, at a hit or an empty slot. It
// returns the slot, or -1.
func (g *gazetteer) foldedSlot(t *token, text string) int {
	s := int(t.h & g.mask)
	if g.free(uint32(s)) {
		return -1
	}
	if n := t.End - t.Start; n <= 8 && t.Start+8 <= len(text) {
		// a word of up to eight bytes with eight to read at its start is
		// compared with key8 in one load, lowered by setting bit 5 of
		// each byte (the letters' case; a digit or a dot has it
		// already), without hs
		if (le64(text, t.Start)|0x2020202020202020)&byteMasks[n] != g.words[s].key8 {
			return g.findFold(t.h, t.raw)
		}
		return s
	}
	if key := g.words[s].key; g.hs[s] != t.h|1 || len(key) != len(t.raw) || !equalLowered(t.raw, key) {
		return g.findFold(t.h, t.raw)
	}
	return s
}

// packKey returns key as scanPlain compares it with a word (key8): its
// bytes as a little-endian number, 0 for a key longer than eight bytes.
func packKey(key string) uint64 {
	if len(key) > 8 {
		return 0
	}
	var v uint64
	for i := len(key) - 1; i >= 0; i-- {
		v = v<<8 | uint64(key[i])
	}
	return v
}

// le64 reads the eight bytes at s[i:] as a little-endian number (one
// load).
func le64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// byteMasks[n] keeps the low n bytes of a number.
var byteMasks = [9]uint64{0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff, 0xffffffffffffff, 0xffffffffffffffff}

// word reads the token at text[i], which the fast path of scan leaves:
// a rune past ASCII (a word, punctuation or space), or an ASCII word
// with such runes or a dot after its first letter. It appends the token,
// if any, looked up in g unless g is nil or the token waits in pend to
// be lowered, and returns the offset after it.
func (tz *tokenizer) word(toks []token, text string, i int, g *gazetteer) ([]token, int) {
	c := text[i]
	j, r, ascii := i+1, rune(c), true
	h := (fnvOffset ^ uint32(asciiLower[c])) * fnvPrime // low's hash while it is ASCII
	if c >= utf8.RuneSelf {
		var n int
		r, n = utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r) || r == utf8.RuneError && n <= 1:
			return toks, i + n
		case !isWordRune(r):
			toks = append(toks, token{Span: Span{i, i + n}, raw: text[i : i+n], low: text[i : i+n]})
			if g != nil {
				g.lookupToken(&toks[len(toks)-1])
			}
			return toks, i + n
		}
		j, ascii = i+n, false
	}
	var caps bool
	j, h, caps = scanASCIIWord(text, j, h)
	for j < len(text) && text[j] >= utf8.RuneSelf {
		// a rune past the ASCII letters
		r2, n2 := utf8.DecodeRuneInString(text[j:])
		if !isWordRune(r2) {
			break
		}
		j += n2
		ascii = false
		var more bool
		j, h, more = scanASCIIWord(text, j, h)
		caps = caps || more
	}
	caps = caps || isUpperASCII(c)
	// A single capital letter followed by ".X." is a dotted
	// abbreviation: U.S., U.N., U.S.A.
	dotted := false
	if j-i == 1 && j+2 < len(text) && text[j] == '.' && isUpperASCII(text[j+1]) && text[j+2] == '.' {
		for j+2 < len(text) && text[j] == '.' && isUpperASCII(text[j+1]) && text[j+2] == '.' {
			j += 2
		}
		j++ // the final dot
		dotted, caps = true, true
	}
	raw := text[i:j]
	toks = append(toks, token{Span: Span{i, j}, raw: raw, low: raw, word: true, h: h})
	t := &toks[len(toks)-1]
	switch {
	case !ascii:
		t.low = strings.ToLower(raw)
		t.up = unicode.IsUpper(r)
		t.h = fnv1a(t.low, "")
	case caps:
		tz.pend = append(tz.pend, int32(len(toks)-1)) // lowered (and looked up) at the end
		t.up = isUpperASCII(c)
		if dotted {
			t.h = fnv1aLower(raw)
		}
	}
	if g != nil && (!ascii || !caps) {
		g.lookupToken(t)
	}
	if t.up {
		tz.ups = append(tz.ups, int32(len(toks)-1))
	}
	if j < len(text) && (text[j] == '\'' || text[j] == 0xE2) {
		j = tz.possessive(toks, text, j)
	}
	return toks, j
}

// possessive is possessiveToken of the last of toks, noted in tz.poss
// when it is one.
func (tz *tokenizer) possessive(toks []token, text string, j int) int {
	k := len(toks) - 1
	j = possessiveToken(&toks[k], text, j)
	if toks[k].poss {
		tz.poss = append(tz.poss, int32(k))
	}
	return j
}

// possessiveToken reads a possessive at text[j] after the word t, which
// ends there: 's, ’s, or the bare apostrophe after a plural. It sets
// t.poss and returns the offset after it, or returns j.
func possessiveToken(t *token, text string, j int) int {
	endsS := asciiLower[text[j-1]] == 's'
	if t.low != t.raw {
		endsS = strings.HasSuffix(t.low, "s") // a word past ASCII, lowered
	}
	if k, ok := possessiveAfter(text, j, len(text), endsS); ok {
		t.poss = true
		return k
	}
	return j
}

// scanASCIIWord reads the ASCII letters and digits of a word from
// text[j:] on, folding their lowered bytes into the hash h. It returns
// where they end, the hash, and whether a capital was among them.
func scanASCIIWord(text string, j int, h uint32) (int, uint32, bool) {
	// Most words have no capital after their first letter: they end in
	// scanLowerASCII. A capital ends that loop, and scanFoldASCII reads
	// the rest of the word.
	j, h, _ = scanLowerASCII(text, j, h)
	if j == len(text) || !isUpperASCII(text[j]) {
		return j, h, false
	}
	j, h = scanFoldASCII(text, j, h)
	return j, h, true
}

// scanLowerASCII is scanASCIIWord of a word in lower case: it stops at
// a capital. Its loop reads one table and keeps no more than the hash,
// and it is small enough to be inlined into scan's loop. It returns the
// asciiClass of the byte it stops at, whose afterClass its callers read
// (0 at the end of text).
func scanLowerASCII(text string, j int, h uint32) (int, uint32, uint8) {
	for ; j < len(text); j++ {
		// asciiClass, which the loops it is inlined into read too: one
		// table's address in a register, not two reloaded at each byte
		c := text[j]
		k := asciiClass[c]
		if k&classLowerWord == 0 {
			return j, h, k
		}
		h = (h ^ uint32(c)) * fnvPrime
	}
	return j, h, 0
}

// scanFoldASCII is scanASCIIWord with capitals, which it lowers. It is
// seldom called and kept out of scan's loop.
//
//go:noinline
func scanFoldASCII(text string, j int, h uint32) (int, uint32) {
	for ; j < len(text); j++ {
		l := asciiWordLower[text[j]]
		if l == 0 {
			break
		}
		h = (h ^ uint32(l)) * fnvPrime
	}
	return j, h
}

// lower sets the low of the tokens tz.pend, ASCII words with capitals,
// of text, and looks them up in g unless g is nil. A word that g holds
// takes its low from there; the others are lowered into lows, with the
// words of tz.lowOnly, which scanPlain looked up.
func (tz *tokenizer) lower(toks []token, text string, g *gazetteer) {
	pend, n := tz.pend, 0
	for _, k := range tz.lowOnly {
		n += len(toks[k].raw)
	}
	if g != nil {
		rest := pend[:0]
		for _, k := range pend {
			t := &toks[k]
			s := g.foldedSlot(t, text)
			if s < 0 {
				rest = append(rest, k)
				n += len(t.raw)
				continue
			}
			// lookupToken, with the low the table has
			t.low, t.cls, t.slot = g.words[s].key, g.words[s].cls, int32(s)+1
			if t.up && isAcronym(t.raw) {
				t.cls |= wcUpAcronym
			}
		}
		pend = rest
	} else {
		for _, k := range pend {
			n += len(toks[k].raw)
		}
	}
	if n == 0 {
		return
	}
	if tz.lows == nil || tz.lows.Cap()-tz.lows.Len() < n {
		size := 256
		if tz.lows != nil {
			size = min(2*tz.lows.Cap(), 16<<10)
		}
		tz.lows = new(strings.Builder)
		tz.lows.Grow(max(size, n))
	}
	if cap(tz.low) < n {
		tz.low = make([]byte, max(n, 2*cap(tz.low), 128))
	}
	b := tz.low[:n]
	// the bytes set by index into room made once: an append a byte
	// checks the capacity at each
	at := 0
	for _, k := range pend {
		raw := toks[k].raw
		lowerASCIIInto(b[at:at+len(raw)], raw)
		at += len(raw)
	}
	for _, k := range tz.lowOnly {
		raw := toks[k].raw
		lowerASCIIInto(b[at:at+len(raw)], raw)
		at += len(raw)
	}
	from := tz.lows.Len()
	tz.lows.Write(b)
	// a Builder never writes over what it holds: all keeps its bytes
	all := tz.lows.String()[from:]
	for _, k := range pend {
		t := &toks[k]
		n := len(t.raw)
		t.low, all = all[:n], all[n:]
		if g != nil {
			// lookupToken of a word that findFold did not find
			t.cls, t.slot = 0, -1
			if t.up && isAcronym(t.raw) {
				t.cls = wcUpAcronym
			}
		}
	}
	// looked up by scanPlain already (no acronyms)
	for _, k := range tz.lowOnly {
		t := &toks[k]
		n := len(t.raw)
		t.low, all = all[:n], all[n:]
	}
}

// lowerASCIIInto writes raw with its ASCII capitals lowered into dst,
// which is as long.
func lowerASCIIInto(dst []byte, raw string) {
	dst = dst[:len(raw)]
	for i := 0; i < len(raw); i++ {
		dst[i] = asciiLower[raw[i]]
	}
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

// asciiWordLower maps an ASCII letter or digit to itself lowered and
// any other byte to 0 (no word byte is 0).
var asciiWordLower = func() (wl [256]byte) {
	for c := 0; c < utf8.RuneSelf; c++ {
		if asciiWord[c] {
			wl[c] = asciiLower[c]
		}
	}
	return
}()

// asciiClass classes the bytes for tokenize: white space, word (letter
// or digit), upper case, lower-case word (a letter in lower case or a
// digit), in classBits (none for a byte of a multi-byte rune), and
// afterClass above them, so that a word's loop reads the class of the
// byte after it with the byte.
var asciiClass = func() (cl [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		if asciiSpace[c] {
			cl[c] |= classSpace
		}
		if asciiWord[c] {
			cl[c] |= classWord
		}
		if isUpperASCII(byte(c)) {
			cl[c] |= classUpper
		} else if asciiWord[c] {
			cl[c] |= classLowerWord
		}
	}
	for c := range cl {
		cl[c] |= afterClass[c] << afterShift
	}
	return
}()

// afterClass classes the byte after a word in lower case for scan: a
// space, which scan passes, an apostrophe, which may start a
// possessive, a capital, which the word goes on with, a dot, which may
// make it an abbreviation, or a rune past ASCII, which the word may go
// on with; 0 for the bytes that simply end the word.
var afterClass = func() (cl [256]uint8) {
	cl[' '], cl['\''], cl['.'] = afterSpace, afterQuote, afterDot
	for c := 'A'; c <= 'Z'; c++ {
		cl[c] = afterUpper
	}
	for c := utf8.RuneSelf; c < len(cl); c++ {
		cl[c] = afterRune
	}
	return
}()

const (
	afterSpace = 1 + iota
	afterQuote
	afterUpper
	afterDot
	afterRune
)

const (
	classSpace = 1 << iota
	classWord
	classUpper
	classLowerWord // a letter in lower case or a digit

	classBits  = 1<<4 - 1 // the classes above; afterClass is past them
	afterShift = 4
)

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

// keyTokenizer splits gazetteer names and lexicon forms into lowercased
// token strings (their keys), the way tokenize splits text, so names and
// text compare token by token. One tokenizer's scratch serves them all,
// their lowered words sit side by side in shared buffers, and their
// lists are cut from blocks of strings, not one slice a name.
type keyTokenizer struct {
	tz    tokenizer
	block []string
	lows  *strings.Builder // the lowered words of plain names (plainTokens)
}

// tokens returns the keys of name. The list is valid for good: its
// block is never written again.
func (kt *keyTokenizer) tokens(name string) []string {
	if out, ok := kt.plainTokens(name); ok {
		return out
	}
	ts := kt.tz.tokenize(name, Span{0, len(name)})
	out := kt.list(len(ts))
	for _, t := range ts {
		low := t.low
		if t.poss {
			low += "'s"
		}
		out = append(out, low)
	}
	return kt.keep(out)
}

// plainTokens is tokens of a name of ASCII letters in words that single
// spaces part, which tokenize splits at the spaces and lowers, and
// nothing else: most names of the gazetteer and the lexicon. ok is false
// for any other name, which it leaves to the tokenizer.
func (kt *keyTokenizer) plainTokens(name string) (out []string, ok bool) {
	var kinds uint8 // of all the bytes
	for i := range len(name) {
		kinds |= plainByte[name[i]]
	}
	if kinds&plainOther != 0 || name == "" {
		return nil, false
	}
	words := 1
	if kinds&plainSpace != 0 {
		words += strings.Count(name, " ")
	}
	if kinds&plainUpper != 0 {
		name = kt.lower(name)
	}
	out = kt.list(words)
	for range words - 1 {
		i := strings.IndexByte(name, ' ')
		if i == 0 {
			return nil, false // a space first or after another: the list is not kept
		}
		out, name = append(out, name[:i]), name[i+1:]
	}
	if name == "" {
		return nil, false // a space last
	}
	return kt.keep(append(out, name)), true
}

// the bytes of the names plainTokens takes, by kind, as bits
const (
	plainLower = 1 << iota
	plainUpper
	plainSpace
	plainOther
)

var plainByte = func() (t [256]uint8) {
	for c := range t {
		t[c] = plainOther
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = plainLower, plainUpper
	}
	t[' '] = plainSpace
	return t
}()

// lower returns the ASCII s in lower case, written in lows.
func (kt *keyTokenizer) lower(s string) string {
	if kt.lows == nil || kt.lows.Cap()-kt.lows.Len() < len(s) {
		// a full buffer is left to the words cut from it
		kt.lows = new(strings.Builder)
		kt.lows.Grow(max(len(s), 4<<10))
	}
	var buf [64]byte
	low := buf[:]
	if len(s) > len(buf) {
		low = make([]byte, len(s))
	}
	low = low[:len(s)]
	for i := range low {
		low[i] = asciiLower[s[i]]
	}
	start := kt.lows.Len()
	kt.lows.Write(low)
	return kt.lows.String()[start:]
}

// list returns an empty list with room for n words at the end of the
// block, a new block if need be.
func (kt *keyTokenizer) list(n int) []string {
	if cap(kt.block)-len(kt.block) < n {
		kt.block = make([]string, 0, max(n, 1024)) // for hundreds of names
	}
	return kt.block[len(kt.block):len(kt.block)]
}

// keep takes out, filled from list, into the block and returns it.
func (kt *keyTokenizer) keep(out []string) []string {
	kt.block = kt.block[:len(kt.block)+len(out)]
	return out[:len(out):len(out)]
}
