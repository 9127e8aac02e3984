package temporal

import (
	"encoding/binary"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Where a match can start. An unanchored search tries the expression at
// every byte of the window; most rules, though, can only start a match on
// a few bytes ("m" of "march", a digit), and only at the start of a word.
// For those the engine looks for such positions itself and runs an
// anchored copy of the expression there. The result is the one the
// unanchored search would give: the leftmost start at which the
// expression matches, with the same submatches, because the anchored copy
// sees the same text from that position on and the same context before
// it (see starter.find).

// starter runs one rule's expression from candidate start positions.
type starter struct {
	re *lazyRegexp // the expression as run (caseless or original)
	// first[b]: a match can start with byte b
	first [256]bool
	// wordStart: every match starts with \b before a word character, so
	// no match starts right after an ASCII word character
	wordStart bool
	// anch is \A(?:re); anchW is \A[0-9A-Za-z_](?:re), run one byte
	// early so that \b sees a word character before the start
	// (compiled on first use: subMatch stands in for them almost always)
	anch, anchW *lazyRegexp
	// pre, when it builds a trie, holds strings one of which starts
	// every match
	pre *lazyTrie
	// dfa, when set, tells whether a match starts at a candidate (and
	// replaces pre, which it implies)
	dfa *dfa
	// udfa, when set, tells whether any match starts at or after a
	// position, and where the first one to end ends
	udfa *dfa
	// sub, when set, finds the submatches in place of anch and anchW
	// (see subMatch)
	sub *subProg
}

// newStarter returns a starter for re, or nil when re must be searched
// the ordinary way: it can match the empty string, looks at the start
// of the text or of a line, or can start with any character or U+FFFD.
func newStarter(re *regexp.Regexp) *starter {
	t, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil || hasBeginAnchor(t) {
		return nil
	}
	st := &starter{re: readyRegexp(re)}
	if nullable(t) || !firstBytes(t, &st.first) {
		return nil
	}
	wordFirst := true
	for b, ok := range st.first {
		if ok && !isASCIIWord(byte(b)) {
			wordFirst = false
		}
	}
	st.wordStart = wordFirst && startsAtBoundary(t)
	st.pre = &lazyTrie{re: st.re}
	src := t.String()
	var ncap int
	if st.anch, ncap, err = newLazyRegexp(`\A(?:` + src + `)`); err != nil {
		return nil
	}
	if !st.wordStart {
		if st.anchW, _, err = newLazyRegexp(`\A[0-9A-Za-z_](?:` + src + `)`); err != nil {
			return nil
		}
	}
	if ncap != re.NumSubexp() {
		return nil
	}
	// t is the parse of re.String() that newDFAs and newSubProg would
	// make: the DFAs and the submatch program share its program
	if prog, err := syntax.Compile(t.Simplify()); err == nil {
		st.dfa, st.udfa = newDFAsOfProg(prog)
		st.sub = newSubProgOf(prog, re.NumSubexp())
	}
	return st
}

func isASCIIWord(c byte) bool { return asciiWord[c] }

// asciiWord has the ASCII word bytes, as \b reads them.
var asciiWord = func() (t [256]bool) {
	for c := range 128 {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
	}
	return t
}()

// find returns what re.FindSubmatchIndex(s[from:]) returns (offsets
// relative to from), trying only the positions where a match can start.
// With ws, the word starts of s (see wordStartList), use says how the
// search reads them (see wsUse).
// Every candidate p is an ASCII or a UTF-8 lead byte, hence a rune
// boundary however s[from:] decodes. At p == from the anchored copy sees the start of the
// text, as the search on s[from:] does; after a byte that is not an
// ASCII word character, \b and \B see a non-word character before p in
// both (and re has no ^ or \A, which would tell them apart); after an
// ASCII word character, anchW consumes it first.
// sc is the scratch space of subMatch; with nil, the regexp runs.
//
// No match starts at or after until (the scan knows it from where the
// literals of the rule's clauses last end): the candidates stop there.
func (st *starter) find(sc *subScratch, s []byte, from int, ws []int32, si *scanInfo, until int) []int {
	if from >= until {
		return nil
	}
	if ws != nil && si != nil && si.use != 0 {
		return startFindWS(st, sc, s, from, true, ws, si, until)
	}
	return startFind(st, sc, s, from, true, until, si)
}

// scanInfo is what New reads from a starter's DFAs for the scan, kept
// beside the starter.
type scanInfo struct {
	// use says how the searches read a window's word starts
	use wsUse
	// lead[k] has the bytes a match can start with after a byte
	// whose word bit is k: in first, not at a word start when the
	// matches start with \b, and that the anchored DFA survives. It
	// is all a candidate costs, most of the time, in one cache line.
	lead [2][4]uint64
	// pairs[k], with the anchored DFA's classes (class, nclass), has
	// bit c1*nclass+c2 when the DFA, from its start after a byte whose
	// word bit is k, survives a byte of class c1 then one of class c2
	// (or a match ends, or a byte >= 0x80 leaves it unknown): half the
	// candidates that the lead lets through die at their second byte
	pairs  [2][]uint64
	class  *[256]uint8
	nclass int
}

func (si *scanInfo) leads(prevWord bool, c byte) bool {
	return si.lead[boolByte(prevWord)&1][c>>6]&(1<<(c&63)) != 0
}

// pairLives reports whether the anchored DFA can take the bytes c1 and
// c2 from its start after a byte whose word bit is prevWord (see
// pairs); si has pairs.
func (si *scanInfo) pairLives(prevWord bool, c1, c2 byte) bool {
	b := int(si.class[c1])*si.nclass + int(si.class[c2])
	return si.pairs[boolByte(prevWord)&1][b>>6]&(1<<(b&63)) != 0
}

// scanInfoOf returns the scanInfo of st.
func (st *starter) scanInfoOf() *scanInfo {
	si := &scanInfo{}
	if st.udfa != nil {
		si.use = st.wsUseOf()
	}
	for k, prevWord := range []bool{false, true} {
		for c := range 256 {
			ok := st.first[c] && !(st.wordStart && prevWord)
			if st.dfa != nil {
				ok = ok && dfaLives(st.dfa, byte(c), prevWord)
			}
			if ok {
				si.lead[k][c>>6] |= 1 << (c & 63)
			}
		}
	}
	if d := st.dfa; d != nil {
		nc := d.nclass
		si.class, si.nclass = &d.class, nc
		for k := range 2 {
			pairs := make([]uint64, (nc*nc+63)/64)
			for c1 := range nc {
				t1 := d.trans[int(d.start[k])+c1]
				for c2 := range nc {
					// the class of the bytes >= 0x80 is the last
					ok := c1 == nc-1 || t1 == dfaAsk16 || t1&1 != 0
					if !ok && t1>>1 != 0 {
						ok = d.trans[int(t1>>1)+c2] != 0
					}
					if ok {
						b := c1*nc + c2
						pairs[b>>6] |= 1 << (b & 63)
					}
				}
			}
			si.pairs[k] = pairs
		}
	}
	return si
}

// wsUse says what a search can skip with the list of word starts.
type wsUse uint8

const (
	// wsScan: the unanchored DFA goes from one word start to the next
	// (starter.wordStarts)
	wsScan wsUse = 1 << iota
	// wsCand: the candidates are the word starts (starter.startsAtWords)
	wsCand
)

// wsUseOf returns how st's searches can use the list of word starts.
func (st *starter) wsUseOf() wsUse {
	var u wsUse
	if st.wordStarts() {
		u |= wsScan
	}
	if st.startsAtWords() {
		u |= wsCand
	}
	return u
}

// findString is find over a string. With bot set, from is the start of
// the text, as in a search of s[from:]; without, the search sees the
// text before from, as regexp's FindAll does after a match.
func (st *starter) findString(sc *subScratch, s string, from int, bot bool, ws []int32, si *scanInfo, until int) []int {
	if from >= until {
		return nil
	}
	if ws != nil && si != nil && si.use != 0 {
		return startFindWS(st, sc, s, from, bot, ws, si, until)
	}
	return startFind(st, sc, s, from, bot, until, si)
}

// wordStarts reports whether the unanchored DFA of st starts threads
// only at an ASCII word byte after a byte that is none (or at the start
// of the text searched) and at bytes >= 0x80: from a start state, it
// reads every ASCII byte that is not a word byte, and every ASCII word
// byte after one, without starting a thread. The positions between
// those dfaScanWS need not look at. (Such a byte can still start a
// match, whose end another thread finds as well: see startsAtWords.)
func (st *starter) wordStarts() bool {
	d := st.udfa
	if d == nil || d.start[0] == d.start[1] {
		return false
	}
	for c := range 128 {
		if d.skip[1][c] < 0 || !isASCIIWord(byte(c)) && d.skip[0][c] < 0 {
			return false
		}
		if d.after[c] != boolByte(isASCIIWord(byte(c))) {
			return false
		}
	}
	return true
}

// startsAtWords reports whether every match of st's expression starts
// at an ASCII word byte after a byte that is none (or at the start of
// the text searched) or at a byte >= 0x80, as its anchored DFA tells:
// every ASCII byte after a word byte, and every ASCII byte that is not
// a word byte, leads nowhere from the start.
func (st *starter) startsAtWords() bool {
	d := st.dfa
	if d == nil {
		return false
	}
	for c := range 128 {
		if d.trans[int(d.start[1])+int(d.class[c])] != 0 {
			return false
		}
		if !isASCIIWord(byte(c)) && d.trans[int(d.start[0])+int(d.class[c])] != 0 {
			return false
		}
	}
	return true
}

// wordStartList appends to buf the word starts of s: the positions of
// the ASCII word bytes after a byte that is none (or at 0), and of the
// bytes >= 0x80. For most rules, those are the only positions where a
// match can start, or where their unanchored DFA starts a thread (see
// wsUse): a search skips from one to the next. The scan lists them as
// it lowers a window (lowerWindowWS); this is the plain version.
func wordStartList(buf []int32, s []byte) []int32 {
	prev := false
	for i, c := range s {
		w := isASCIIWord(c)
		if w && !prev || c >= 0x80 {
			buf = append(buf, int32(i))
		}
		prev = w
	}
	return buf
}

// startFindWS is startFind given the word starts ws of s (see
// wordStartList): with wsScan the unanchored DFA skips from one
// position of ws to the next, with wsCand so do the candidates. The
// starter has both DFAs.
func startFindWS[T string | []byte](st *starter, sc *subScratch, s T, from int, bot bool, ws []int32, si *scanInfo, until int) []int {
	use := si.use
	if from >= len(s) {
		return nil
	}
	prevFrom := from > 0 && !bot && isASCIIWord(s[from-1])
	// the first position of ws after from (most searches start at 0)
	j := 0
	if from > 0 {
		j = sort.Search(len(ws), func(k int) bool { return int(ws[k]) > from })
	} else if len(ws) > 0 && ws[0] == 0 {
		j = 1
	}
	limit := len(s)
	if use&wsCand == 0 {
		var v dfaVerdict
		var e int
		stop := scanStop(sc, len(s), until)
		if use&wsScan != 0 {
			v, e = dfaScanWS(st.udfa, s, from, prevFrom, ws, j, stop)
		} else {
			v, e = dfaScan(st.udfa, s, from, prevFrom, stop)
		}
		if v == dfaNo {
			return nil
		}
		if v == dfaYes {
			limit = e
		}
		return startCandidates(st, sc, s, from, bot, min(limit, until), si)
	}
	limit = until
	// the lead and the pairs after a byte that is no ASCII word byte
	lead0, pairs0, class, nc := &si.lead[0], si.pairs[0], si.class, si.nclass
	for p := from; p < limit; {
		c := s[p]
		prevWord := false
		var ok bool
		if p == from || c >= 0x80 {
			prevWord = prevFrom
			if p > from {
				prevWord = isASCIIWord(s[p-1])
			}
			ok = si.leads(prevWord, c)
			if ok && p+1 < len(s) {
				ok = si.pairLives(prevWord, c, s[p+1])
			}
		} else {
			// a word start below 0x80 after from follows a byte that
			// is no ASCII word byte (see wordStartList)
			ok = lead0[c>>6]&(1<<(c&63)) != 0
			if ok && p+1 < len(s) {
				b := int(class[c])*nc + int(class[s[p+1]])
				ok = pairs0[b>>6]&(1<<(b&63)) != 0
			}
		}
		if ok {
			if loc := tryCandidate(st, sc, s, from, p, prevWord); loc != nil {
				return loc
			}
		}
		if j >= len(ws) {
			break
		}
		p = int(ws[j])
		j++
	}
	return nil
}

// startFind is the search of find without the word starts; si, when
// set, is st's scanInfo.
func startFind[T string | []byte](st *starter, sc *subScratch, s T, from int, bot bool, until int, si *scanInfo) []int {
	limit := len(s)
	if st.udfa != nil && from < len(s) {
		// a match starts before the first match end, if there is one
		v, e := dfaScan(st.udfa, s, from, from > 0 && !bot && isASCIIWord(s[from-1]), scanStop(sc, len(s), until))
		if v == dfaNo {
			return nil
		}
		if v == dfaYes {
			limit = e
		}
	}
	return startCandidates(st, sc, s, from, bot, min(limit, until), si)
}

// scanStop returns where the unanchored scan of a text of length n may
// stop (see dfaScan): at until, where no match starts, when the scan's
// window is ASCII (sc.ascii).
func scanStop(sc *subScratch, n, until int) int {
	if sc != nil && sc.ascii {
		return until
	}
	return n
}

// startCandidates tries the candidates of startFind from from to limit,
// sorted with si when it is set.
func startCandidates[T string | []byte](st *starter, sc *subScratch, s T, from int, bot bool, limit int, si *scanInfo) []int {
	if si != nil {
		return leadCandidates(st, sc, s, from, bot, limit, si)
	}
	for p := from; p < limit; p++ {
		if !st.first[s[p]] {
			continue
		}
		// whether \b sees a word byte before p: not at the start of
		// the text searched
		prevWord := p > 0 && !(p == from && bot) && isASCIIWord(s[p-1])
		if st.wordStart && prevWord || st.dfa != nil && !dfaLives(st.dfa, s[p], prevWord) {
			continue
		}
		if loc := tryCandidate(st, sc, s, from, p, prevWord); loc != nil {
			return loc
		}
	}
	return nil
}

// leadCandidates is startCandidates with si: a candidate costs a bit of
// the lead set (which holds the first bytes, the word starts and the
// anchored DFA's start rows), and the byte before it is the byte of the
// turn before.
func leadCandidates[T string | []byte](st *starter, sc *subScratch, s T, from int, bot bool, limit int, si *scanInfo) []int {
	prevWord := from > 0 && !bot && isASCIIWord(s[from-1])
	for p := from; p < limit; p++ {
		c := s[p]
		pw := prevWord
		prevWord = isASCIIWord(c)
		if !si.leads(pw, c) {
			continue
		}
		if loc := tryCandidate(st, sc, s, from, p, pw); loc != nil {
			return loc
		}
	}
	return nil
}

// tryCandidate matches st at p, which a search from from reached; pw
// says whether \b sees a word byte before p. The DFA (or the prefix
// trie) turns most candidates away before the submatch; a match's
// offsets are made relative to from.
func tryCandidate[T string | []byte](st *starter, sc *subScratch, s T, from, p int, pw bool) []int {
	end := len(s)
	if d := st.dfa; d != nil {
		v, e := dfaRun(d, s, p, pw)
		if v == dfaNo {
			return nil
		}
		if v == dfaYes {
			end = e
		}
	} else if pre := st.pre.get(); pre != nil && !trieAt(pre, s, 0, p) {
		return nil
	}
	return anchoredFrom(st, sc, s, from, p, end, pw)
}

func findIndex[T string | []byte](re *regexp.Regexp, s T) []int {
	switch s := any(s).(type) {
	case string:
		return re.FindStringSubmatchIndex(s)
	case []byte:
		return re.FindSubmatchIndex(s)
	}
	return nil
}

func shift(loc []int, d int) {
	for i, v := range loc {
		if v >= 0 {
			loc[i] = v + d
		}
	}
}

// isFoldOfASCII reports whether the ranges hold nothing but ſ (U+017F)
// and the Kelvin sign (U+212A).
func isFoldOfASCII(ranges []rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			if r != 0x017F && r != 0x212A {
				return false
			}
		}
	}
	return true
}

func hasBeginAnchor(t *syntax.Regexp) bool {
	if t.Op == syntax.OpBeginLine || t.Op == syntax.OpBeginText {
		return true
	}
	for _, s := range t.Sub {
		if hasBeginAnchor(s) {
			return true
		}
	}
	return false
}

// nullable reports whether t can match the empty string.
func nullable(t *syntax.Regexp) bool {
	switch t.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary,
		syntax.OpQuest, syntax.OpStar:
		return true
	case syntax.OpLiteral:
		return len(t.Rune) == 0
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL, syntax.OpNoMatch:
		return false
	case syntax.OpCapture, syntax.OpPlus:
		return nullable(t.Sub[0])
	case syntax.OpRepeat:
		return t.Min == 0 || nullable(t.Sub[0])
	case syntax.OpConcat:
		for _, s := range t.Sub {
			if !nullable(s) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, s := range t.Sub {
			if nullable(s) {
				return true
			}
		}
		return false
	}
	return true
}

// firstBytes adds to set the bytes a non-empty match of t can start
// with (ASCII or UTF-8 lead bytes), and reports false when that is not
// known (any character, U+FFFD).
func firstBytes(t *syntax.Regexp, set *[256]bool) bool {
	addRune := func(r rune) bool {
		// a rune's first byte: ASCII or a lead byte, which Go's decoding
		// never takes as the middle of a rune, so a candidate start is
		// always a rune boundary. U+FFFD also stands for any invalid
		// byte, continuation bytes included: no starter then.
		if r == utf8.RuneError || r > unicode.MaxRune || r >= 0xD800 && r <= 0xDFFF {
			return false
		}
		var buf [utf8.UTFMax]byte
		utf8.EncodeRune(buf[:], r)
		set[buf[0]] = true
		return true
	}
	switch t.Op {
	case syntax.OpLiteral:
		if len(t.Rune) == 0 {
			return true
		}
		r := t.Rune[0]
		if !addRune(r) {
			return false
		}
		if t.Flags&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if r < utf8.RuneSelf && f >= utf8.RuneSelf {
					// ſ and the Kelvin sign: starters never run on
					// text that holds them
					continue
				}
				if !addRune(f) {
					return false
				}
			}
		}
		return true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(t.Rune); i += 2 {
			lo, hi := t.Rune[i], t.Rune[i+1]
			if lo >= utf8.RuneSelf && i > 0 && isFoldOfASCII(t.Rune[i:]) {
				// only ſ and the Kelvin sign beyond ASCII, which a
				// case-folded class of ASCII letters holds: starters
				// never run on text that holds them
				break
			}
			for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
				set[r] = true
			}
			if lo <= utf8.RuneError && utf8.RuneError <= hi {
				return false
			}
			if hi >= utf8.RuneSelf {
				// the lead bytes of the non-ASCII runes, in order (a
				// superset when the range spans the surrogates)
				lo, hi := max(lo, utf8.RuneSelf), min(hi, unicode.MaxRune)
				if lo >= 0xD800 && lo <= 0xDFFF {
					lo = 0xE000
				}
				if hi >= 0xD800 && hi <= 0xDFFF {
					hi = 0xD7FF
				}
				var a, b [utf8.UTFMax]byte
				utf8.EncodeRune(a[:], lo)
				utf8.EncodeRune(b[:], hi)
				for c := int(a[0]); c <= int(b[0]); c++ {
					set[c] = true
				}
			}
		}
		return true
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpNoMatch:
		return true
	case syntax.OpCapture, syntax.OpQuest, syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		return firstBytes(t.Sub[0], set)
	case syntax.OpConcat:
		for _, s := range t.Sub {
			if !firstBytes(s, set) {
				return false
			}
			if !nullable(s) {
				break
			}
		}
		return true
	case syntax.OpAlternate:
		for _, s := range t.Sub {
			if !firstBytes(s, set) {
				return false
			}
		}
		return true
	}
	// any character
	return false
}

// startsAtBoundary reports whether every non-empty match of t starts
// with a \b assertion at its start position.
func startsAtBoundary(t *syntax.Regexp) bool {
	switch t.Op {
	case syntax.OpWordBoundary:
		return true
	case syntax.OpCapture, syntax.OpQuest, syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		return startsAtBoundary(t.Sub[0])
	case syntax.OpConcat:
		for _, s := range t.Sub {
			if startsAtBoundary(s) {
				if !nullable(s) || s.Op == syntax.OpWordBoundary {
					return true
				}
				// an optional part that starts with \b: when it is
				// empty, the rest must too
				continue
			}
			if isAssertion(s) {
				continue
			}
			return false
		}
		return false
	case syntax.OpAlternate:
		for _, s := range t.Sub {
			if !startsAtBoundary(s) {
				return false
			}
		}
		return len(t.Sub) > 0
	}
	return false
}

func isAssertion(t *syntax.Regexp) bool {
	switch t.Op {
	case syntax.OpEmptyMatch, syntax.OpEndLine, syntax.OpEndText, syntax.OpNoWordBoundary:
		return true
	}
	return false
}

// maxPrefixes bounds the prefix sets read from an expression.
const maxPrefixes = 256

// prefixSet is a set of strings (normalized as the prefilter's literals)
// one of which starts every non-empty match; known false says nothing.
type prefixSet struct {
	ss    []string
	known bool
}

var unknownPrefix = prefixSet{}

// knownPrefixes is the prefix set ss, which it takes.
func knownPrefixes(ss ...string) prefixSet { return prefixSet{ss: dedupOwned(ss), known: true} }

// prefixes returns the prefix set of the non-empty matches of t.
func prefixes(t *syntax.Regexp) prefixSet {
	px := &prefixer{memo: map[*syntax.Regexp]litInfo{}}
	return px.prefixes(t, 0)
}

// prefixer memoizes analyze over the nodes of one expression.
type prefixer struct {
	memo map[*syntax.Regexp]litInfo
	// spaced: analyze reads whitespace as the clauses do (see
	// analyzeSpaced), never for prefixes, which are read on the text as
	// it is
	spaced bool
	// pmemo holds prefixes by node and depth; the sets are shared, and
	// never written
	pmemo map[prefixKey]prefixSet
	// rmemo holds restPrefixes by depth and the ids of the nodes
	rmemo map[string]prefixSet
	ids   map[*syntax.Regexp]uint32
	key   []byte
}

// restPrefixes is prefixes of the concatenation of b and rest at depth,
// memoized: nested alternations reach the same ones from each branch.
func (px *prefixer) restPrefixes(b *syntax.Regexp, rest []*syntax.Regexp, depth int) prefixSet {
	if px.rmemo == nil {
		px.rmemo = map[string]prefixSet{}
		px.ids = map[*syntax.Regexp]uint32{}
	}
	key := append(px.key[:0], byte(depth))
	for i := -1; i < len(rest); i++ {
		n := b
		if i >= 0 {
			n = rest[i]
		}
		id, ok := px.ids[n]
		if !ok {
			id = uint32(len(px.ids))
			px.ids[n] = id
		}
		key = binary.LittleEndian.AppendUint32(key, id)
	}
	px.key = key
	if p, ok := px.rmemo[string(key)]; ok {
		return p
	}
	t := &syntax.Regexp{Op: syntax.OpConcat, Sub: append([]*syntax.Regexp{b}, rest...)}
	p := px.prefixes(t, depth)
	px.rmemo[string(key)] = p
	return p
}

type prefixKey struct {
	t     *syntax.Regexp
	depth int
}

func (px *prefixer) analyze(t *syntax.Regexp) litInfo {
	if x, ok := px.memo[t]; ok {
		return x
	}
	x := px.analyzeNode(t)
	px.memo[t] = x
	return x
}

// unwrapAlternate returns the alternation t is, inside captures, or nil.
func unwrapAlternate(t *syntax.Regexp) *syntax.Regexp {
	for t.Op == syntax.OpCapture {
		t = t.Sub[0]
	}
	if t.Op == syntax.OpAlternate {
		return t
	}
	return nil
}

func (px *prefixer) prefixes(t *syntax.Regexp, depth int) prefixSet {
	if px.pmemo == nil {
		px.pmemo = map[prefixKey]prefixSet{}
	}
	k := prefixKey{t, depth}
	if p, ok := px.pmemo[k]; ok {
		return p
	}
	p := px.prefixesOf(t, depth)
	px.pmemo[k] = p
	return p
}

func (px *prefixer) prefixesOf(t *syntax.Regexp, depth int) prefixSet {
	switch t.Op {
	case syntax.OpLiteral, syntax.OpCharClass:
		x := px.analyze(t)
		if !x.isExact() {
			return unknownPrefix
		}
		return knownPrefixes(nonEmpty(x.exact)...)
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpNoMatch:
		return knownPrefixes()
	case syntax.OpCapture, syntax.OpQuest, syntax.OpStar, syntax.OpPlus, syntax.OpRepeat:
		if m := runMarker(t); m != 0 {
			return knownPrefixes(string(rune(m)))
		}
		// the first non-empty repetition starts the match
		return px.prefixes(t.Sub[0], depth)
	case syntax.OpAlternate:
		var all []string
		for _, s := range t.Sub {
			p := px.prefixes(s, depth)
			if !p.known {
				return unknownPrefix
			}
			all = append(all, p.ss...)
		}
		return capPrefixes(all)
	case syntax.OpConcat:
		var result []string
		acc := []string{""} // exact strings matched so far
		subs := flatten(t.Sub)
		for i, s := range subs {
			if m := runMarker(s); m != 0 {
				// \s+, \d+: the run, whatever its length
				acc = cross(acc, []string{string(rune(m))})
				continue
			}
			if x := px.analyze(s); x.isExact() && len(acc)*len(x.exact) <= maxPrefixes {
				acc = cross(acc, x.exact)
				continue
			}
			if alt := unwrapAlternate(s); alt != nil && i+1 < len(subs) && depth < 3 {
				// (a|bc)d… starts as ad… or bcd…: read each branch
				// followed by the rest
				var all []string
				for _, b := range alt.Sub {
					p := px.restPrefixes(b, subs[i+1:], depth+1)
					if !p.known {
						return capPrefixes(append(result, acc...))
					}
					all = append(all, p.ss...)
				}
				if len(acc)*len(all) > 4*maxPrefixes {
					// too many: shorten the branches' prefixes first
					c := capPrefixes(all)
					if !c.known || len(acc)*len(c.ss) > 4*maxPrefixes {
						return capPrefixes(append(result, acc...))
					}
					all = c.ss
				}
				return capPrefixes(append(result, cross(acc, all)...))
			}
			p := px.prefixes(s, depth)
			if !p.known {
				// the match starts with what came before
				return capPrefixes(append(result, acc...))
			}
			result = append(result, cross(acc, p.ss)...)
			if !nullable(s) {
				return capPrefixes(result)
			}
			if len(result) > 4*maxPrefixes {
				c := capPrefixes(result)
				if !c.known {
					return unknownPrefix
				}
				result = c.ss
			}
		}
		return capPrefixes(append(result, acc...))
	}
	return unknownPrefix
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func cross(a, b []string) []string {
	// the strings share one allocation
	n := 0
	for _, x := range a {
		n += len(x) * len(b)
	}
	for _, y := range b {
		n += len(y) * len(a)
	}
	buf := make([]byte, 0, n)
	for _, x := range a {
		for _, y := range b {
			buf = append(append(buf, x...), y...)
		}
	}
	all := string(buf)
	out := make([]string, 0, len(a)*len(b))
	off := 0
	for _, x := range a {
		for _, y := range b {
			out = append(out, all[off:off+len(x)+len(y)])
			off += len(x) + len(y)
		}
	}
	return out
}

// capPrefixes dedups ss, drops the strings that extend another one, and
// shortens them when there are too many. A set holding "" says nothing.
func capPrefixes(ss []string) prefixSet {
	ss = append([]string(nil), ss...)
	for i, x := range ss {
		// a run is taken whole, so what follows it in a prefix must not
		// be of its class
		for j := 0; j+1 < len(x); j++ {
			if m := x[j]; isMarker(m) && (runClass[m][x[j+1]] || isMarker(x[j+1]) && overlap(m, x[j+1])) {
				ss[i] = x[:j+1]
				break
			}
		}
	}
	ss = dedupOwned(ss)
	for n := 8; len(ss) > maxPrefixes && n > 0; n /= 2 {
		// cutting every string to n bytes keeps them sorted
		for i, s := range ss {
			if len(s) > n {
				ss[i] = s[:n]
			}
		}
		ss = slices.Compact(ss)
	}
	if len(ss) > maxPrefixes {
		return unknownPrefix
	}
	out := ss[:0]
	for _, s := range ss {
		if s == "" {
			return unknownPrefix
		}
		// sorted: a prefix of s sorts before it
		if len(out) > 0 && len(out[len(out)-1]) <= len(s) && s[:len(out[len(out)-1])] == out[len(out)-1] {
			continue
		}
		out = append(out, s)
	}
	return prefixSet{ss: out, known: true}
}

// lazyTrie is the prefix trie of a starter's expression, built on first
// use: only a starter without a DFA reads it (the DFA implies it), and
// most have one.
type lazyTrie struct {
	re   *lazyRegexp
	once sync.Once
	trie *prefixTrie
}

// get returns the trie, nil when the prefixes of the expression are
// not known.
func (l *lazyTrie) get() *prefixTrie {
	l.once.Do(func() {
		// newStarter parsed the same source
		t, err := syntax.Parse(l.re.src, syntax.Perl)
		if err != nil {
			return
		}
		if ps := prefixes(t); ps.known && len(ps.ss) > 0 {
			l.trie = newPrefixTrie(ps.ss)
		}
	})
	return l.trie
}

// prefixTrie matches a prefix set at a position of lowercased text.
type prefixTrie struct {
	// node i's children are kids[start[i]:start[i+1]], sorted by byte
	start []int32
	kids  []trieEdge
	final []bool
}

type trieEdge struct {
	b    byte
	node int32
}

func newPrefixTrie(ss []string) *prefixTrie {
	// the nodes in the order they are reached, their children in the
	// order they are added, in one list per node
	type node struct {
		kids  []trieEdge
		final bool
	}
	nodes := []node{{}}
	for _, s := range ss {
		n := 0
	bytes:
		for i := 0; i < len(s); i++ {
			for _, e := range nodes[n].kids {
				if e.b == s[i] {
					n = int(e.node)
					continue bytes
				}
			}
			nodes = append(nodes, node{})
			k := len(nodes) - 1
			nodes[n].kids = append(nodes[n].kids, trieEdge{s[i], int32(k)})
			n = k
		}
		nodes[n].final = true
	}
	nk := 0
	for _, n := range nodes {
		nk += len(n.kids)
	}
	t := &prefixTrie{start: make([]int32, len(nodes)+1), final: make([]bool, len(nodes))}
	if nk > 0 {
		t.kids = make([]trieEdge, 0, nk)
	}
	for i, n := range nodes {
		t.start[i] = int32(len(t.kids))
		t.final[i] = n.final
		first := len(t.kids)
		t.kids = append(t.kids, n.kids...)
		es := t.kids[first:]
		slices.SortFunc(es, func(a, b trieEdge) int { return int(a.b) - int(b.b) })
	}
	t.start[len(nodes)] = int32(len(t.kids))
	return t
}

// trieAt reports whether one of the prefixes occurs in s at p when
// called with n = 0: it walks the trie from node n at s[p:]. A run edge (see
// runClass) takes the whole run of its class at p (prefixes never have a
// byte of the class right after one); where a node has several ways on,
// each is tried.
func trieAt[T string | []byte](t *prefixTrie, s T, n int32, p int) bool {
	for {
		if t.final[n] {
			return true
		}
		if p >= len(s) {
			return false
		}
		c := normByte(s[p])
		kids := t.kids[t.start[n]:t.start[n+1]]
		next := int32(-1)
		var runs [numMarkers]int32
		var marks [numMarkers]byte
		nruns := 0
		for _, e := range kids {
			switch {
			case isMarker(e.b):
				if runClass[e.b][c] {
					runs[nruns], marks[nruns] = e.node, e.b
					nruns++
				}
			case e.b == c:
				next = e.node
			}
		}
		if nruns == 0 {
			if next < 0 {
				return false
			}
			n, p = next, p+1
			continue
		}
		if next >= 0 && trieAt(t, s, next, p+1) {
			return true
		}
		for k := 0; k < nruns-1; k++ {
			if trieAt(t, s, runs[k], skipRun(s, marks[k], p)) {
				return true
			}
		}
		n, p = runs[nruns-1], skipRun(s, marks[nruns-1], p)
	}
}

// skipRun returns the end of the run of marker m's class at p.
func skipRun[T string | []byte](s T, m byte, p int) int {
	for p < len(s) && runClass[m][normByte(s[p])] {
		p++
	}
	return p
}

// isSpaceByte is \s of Perl syntax: [\t\n\f\r ].
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// Run markers stand in prefixes for a run of one class of bytes, in the
// normalized alphabet: 1 for \s+, 2 for \d+, 3 for [\s-]+. Literal
// bytes 1 to 3 in an expression make its literals unknown.
const numMarkers = 3

func isMarker(b byte) bool { return b >= 1 && b <= numMarkers }

var runClass = func() (c [numMarkers + 1][256]bool) {
	for b := range 256 {
		sp := isSpaceByte(byte(b))
		c[1][b] = sp
		c[2][b] = b == '0'
		c[3][b] = sp || b == '-'
	}
	return c
}()

// overlap reports whether the classes of two markers share a byte.
func overlap(a, b byte) bool {
	for c := range 256 {
		if runClass[a][c] && runClass[b][c] {
			return true
		}
	}
	return false
}

// runMarker returns the marker of t when t is a run (x+ or x{n,}, n >=
// 1) of one of the marked classes, or 0.
func runMarker(t *syntax.Regexp) byte {
	if !(t.Op == syntax.OpPlus || t.Op == syntax.OpRepeat && t.Min >= 1 && t.Max == -1) {
		return 0
	}
	c := t.Sub[0]
	if c.Op != syntax.OpCharClass {
		return 0
	}
	for i := 0; i+1 < len(c.Rune); i += 2 {
		if c.Rune[i+1] >= 128 {
			return 0
		}
	}
	var set [256]bool
	for b := range 128 {
		set[b] = inClass(c.Rune, rune(b))
	}
	var digits [256]bool
	for b := '0'; b <= '9'; b++ {
		digits[b] = true
	}
	switch set {
	case runClass[1]:
		return 1
	case digits:
		return 2
	case runClass[3]:
		return 3
	}
	return 0
}

// flatten splices nested concatenations (inside captures too) into one
// list: the prefixes read the same.
func flatten(subs []*syntax.Regexp) []*syntax.Regexp {
	var out []*syntax.Regexp
	for _, s := range subs {
		u := s
		for u.Op == syntax.OpCapture {
			u = u.Sub[0]
		}
		if u.Op == syntax.OpConcat {
			out = append(out, flatten(u.Sub)...)
			continue
		}
		out = append(out, s)
	}
	return out
}
