package timeline

import (
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// The tense cue scan as it was before the word table (cueTable): each
// word turned away by its length and first letter, else lowered and
// looked up in maps. findCuesRef and cuesOfRef are the reference that
// findCues and cuesOf are compared with.

// futureAtRef returns the end of the match of futureCue's first
// alternative at the word s[i:j], lowered w, or -1.
func futureAtRef(s string, i, j int, w []byte) int {
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
	// after is then of one of the words xs, then of "to"
	after := func(xs ...string) int {
		for _, x := range xs {
			if e := then(j, x, "to"); e > 0 {
				return e
			}
		}
		return -1
	}
	switch string(w) {
	case "will", "shall", "upcoming", "expire", "expires", "expired", "would", "until", "till", "deadline":
		return j
	case "may", "might":
		if s[i:j] == string(w) { // (?-i:may|might)
			return j
		}
	case "won":
		if j+2 <= len(s) && s[j] == '\'' && s[j+1]|0x20 == 't' && (j+2 == len(s) || !asciiWordByte(s[j+2])) {
			return j + 2
		}
	case "expect", "expects", "hope", "hopes", "aim", "aims", "going", "planning", "preparing",
		"due", "set", "expected", "slated", "likely", "supposed", "plan", "plans", "intend", "intends":
		return then(j, "to")
	case "scheduled":
		if e := then(j, "to"); e > 0 {
			return e
		}
		return j
	case "is", "are", "was", "were", "am":
		if e := after("going", "planning", "preparing"); e > 0 {
			return e
		}
		if string(w) != "am" {
			if e := after("due", "set", "expected", "scheduled", "slated", "likely", "supposed"); e > 0 {
				return e
			}
		}
		if string(w) == "is" || string(w) == "are" {
			return then(j, "to")
		}
	case "as":
		if e := then(j, "soon", "as"); e > 0 {
			return e
		}
		return then(j, "early", "as")
	case "no":
		return then(j, "later", "than")
	}
	return -1
}

// pastFirstRef has, for each length of the words of pastWords and "set",
// a bit for each of their first letters: most words are turned away by
// it.
var pastFirstRef = firstLettersRef(append(slices.Collect(maps.Keys(pastWords)), "set"), 8)

// firstLettersRef returns, for each length up to max of the lower-case
// words ws, a mask with bit c-'a' for each first letter c.
func firstLettersRef(ws []string, max int) []uint32 {
	b := make([]uint32, max+1)
	for _, w := range ws {
		b[len(w)] |= 1 << (w[0] - 'a')
	}
	return b
}

// findCuesRef is findPastCues with past and findFutureCues with future (nil
// for none) in one pass over the words of s.
func findCuesRef(s string, past, future func(start, end int)) {
	if future != nil && (strings.Contains(s, "\u017F") || strings.Contains(s, "\u212A")) {
		for _, loc := range futureCue.FindAllStringIndex(s, -1) {
			future(loc[0], loc[1])
		}
		future = nil
	}
	// each search goes on from the end of its last match
	pastFrom, futureFrom := 0, 0
	var low [16]byte // longer than any of pastWords and futureOpenersRef
	for i := 0; i < len(s); {
		c := s[i]
		class := byteClass[c]
		if class == 0 {
			// 'll, after a word or not
			if c == '\'' && future != nil && i >= futureFrom && i+3 <= len(s) && s[i+1]|0x20 == 'l' && s[i+2]|0x20 == 'l' &&
				(i+3 == len(s) || byteClass[s[i+3]] == 0) {
				future(i, i+3)
				futureFrom = i + 3
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
		n := j - i
		if !(n >= 4 && s[j-2]|0x20 == 'e' && s[j-1]|0x20 == 'd') && (n >= len(cueFirstRef) || cueFirstRef[n]&(1<<(c|0x20-'a')) == 0) {
			i = j // neither an "-ed" word nor a word that may open a cue
			continue
		}
		// the word lowered, when one of the tables below may hold it
		lowered := false
		lower := func() []byte {
			if !lowered {
				for k := range n {
					low[k] = s[i+k] | 0x20
				}
				lowered = true
			}
			return low[:n]
		}
		if past != nil && i >= pastFrom && class == classLetter {
			if n >= 4 && s[j-2]|0x20 == 'e' && s[j-1]|0x20 == 'd' {
				past(i, j)
			} else if n < len(pastFirstRef) && pastFirstRef[n]&(1<<(c|0x20-'a')) != 0 {
				switch w := lower(); {
				case pastWords[string(w)]:
					past(i, j)
				case string(w) == "set":
					k := j
					for k < len(s) && regexpSpace(s[k]) {
						k++
					}
					if k > j && k+3 <= len(s) && strings.EqualFold(s[k:k+3], "off") && (k+3 == len(s) || byteClass[s[k+3]] == 0) {
						past(i, k+3)
						pastFrom = k + 3
					}
				}
			}
		}
		// no match of futureCue starts inside a run, nor at a digit or _
		if future != nil && i >= futureFrom && first == classLetter && n < len(futureFirstRef) && futureFirstRef[n]&(1<<(c|0x20-'a')) != 0 {
			if e := futureAtRef(s, i, j, lower()); e > 0 {
				future(i, e)
				futureFrom = e
			}
		}
		i = j
	}
}

// futureOpenersRef are the words futureAtRef reads a match from.
var futureOpenersRef = strings.Fields(`will shall upcoming expire expires expired would until till deadline may might won
	expect expects hope hopes aim aims going planning preparing due set expected slated likely supposed plan plans intend intends
	scheduled is are was were am as no`)

// futureFirstRef is pastFirstRef for futureOpenersRef.
var futureFirstRef = firstLettersRef(futureOpenersRef, 16)

// cueFirstRef joins pastFirstRef and futureFirstRef: most words are neither
// kind of cue, and one test turns them away.
var cueFirstRef = func() (m [17]uint32) { // as long as futureFirstRef
	for n := range m {
		if n < len(pastFirstRef) {
			m[n] |= pastFirstRef[n]
		}
		m[n] |= futureFirstRef[n]
	}
	return m
}()

// flagFirstRef is pastFirstRef for the words of notPast and reportingVerb.
var flagFirstRef = firstLettersRef(append(slices.Collect(maps.Keys(notPast)), slices.Collect(maps.Keys(reportingVerb))...), 9)

// cuesOfRef returns the cues of sentence sent, reusing c when it holds them
// and its storage otherwise.
func cuesOfRef(c *sentenceCues, text string, sent Span) *sentenceCues {
	if c != nil && c.sent == sent && c.text == text {
		return c
	}
	if c == nil {
		c = &sentenceCues{}
	}
	*c = sentenceCues{text: text, sent: sent, future: c.future[:0], past: c.past[:0]}
	seg := text[sent.Start:sent.End]
	findCuesRef(seg, func(s, e int) {
		w := seg[s:e]
		k := tenseCue{Span: Span{sent.Start + s, sent.Start + e}, ed: len(w) >= 2 && w[len(w)-2]|0x20 == 'e' && w[len(w)-1]|0x20 == 'd'}
		// most cues are in neither notPast nor reportingVerb, and their
		// lengths and first letters tell
		if len(w) < len(flagFirstRef) && flagFirstRef[len(w)]&(1<<(w[0]|0x20-'a')) != 0 {
			var buf [16]byte // longer than any of notPast and reportingVerb
			low, _ := lowerASCII(buf[:], w)
			k.reporting, k.notPast = reportingVerb[string(low)], notPast[string(low)]
		}
		c.past = append(c.past, k)
	}, func(s, e int) {
		c.future = append(c.future, tenseCue{Span: Span{sent.Start + s, sent.Start + e}})
	})
	return c
}

// cueSpans returns the past and future cues findCues (or findCuesRef)
// finds in s.
func cueSpans(s string, find func(string, func(int, int), func(int, int))) (past, future [][2]int) {
	find(s, func(a, b int) { past = append(past, [2]int{a, b}) }, func(a, b int) { future = append(future, [2]int{a, b}) })
	return past, future
}

// checkCuesMatchReference: findCues finds the cues findCuesRef finds,
// and cuesOf gives them the flags cuesOfRef gives.
func checkCuesMatchReference(t *testing.T, s string) {
	t.Helper()
	p, f := cueSpans(s, findCues)
	wp, wf := cueSpans(s, findCuesRef)
	if !slices.Equal(p, wp) || !slices.Equal(f, wf) {
		t.Fatalf("%.200q: cues %v %v, reference %v %v", s, p, f, wp, wf)
	}
	got, want := cuesOf(nil, s, Span{0, len(s)}), cuesOfRef(nil, s, Span{0, len(s)})
	if !slices.Equal(got.past, want.past) || !slices.Equal(got.future, want.future) {
		t.Fatalf("%.200q: cuesOf %v %v, reference %v %v", s, got.past, got.future, want.past, want.future)
	}
}

// cueWordCases hold the words of the tables in several cases, beside
// words that share their first eight letters or their key's bytes.
var cueWordCases = []string{
	"He SAID it Was over; they set off, SET\toff and Set  Off'll.", "ANNOUNCED announcedx announce Predicted predicteds",
	"scheduled SCHEDULED scheduledx schedule preparing PREPARINGS preparin", "need Need indeed hundreds united limited expected",
	"May may MAY might Might won't WON'T wont won", "is going to, ARE due to, was set to, am preparing to, were likely to",
	"as soon as, As Early As, no later than, No Later Than", "will_ 2will w1ll wi_l will2 _will ed_ed a1ed",
	"said\ttold\nadded,warned.stated;declared", "é said éwill willé saidé", "x'll 'LL 'llx", "set", "s", "ed", "WED bed",
}

func TestFindCuesMatchesReference(t *testing.T) {
	for _, s := range refTexts(t, append(futureCueCases, cueWordCases...)) {
		checkCuesMatchReference(t, s)
		for _, sent := range splitSentences(s) {
			checkCuesMatchReference(t, sent.Text)
		}
	}
	// random texts of the tables' words and their near misses, in
	// random case, with random separators
	rng := rand.New(rand.NewPCG(7, 8))
	var words []string
	for _, c := range cueWordCases {
		words = append(words, strings.Fields(c)...)
	}
	for w := range pastWords {
		words = append(words, w, w+"s", w[:len(w)-1])
	}
	for _, ws := range futureOpeners {
		words = append(words, strings.Fields(ws)...)
	}
	for w := range notPast {
		words = append(words, w)
	}
	for w := range reportingVerb {
		words = append(words, w)
	}
	seps := []string{" ", "  ", "\t", "\n", "", ".", ", ", "'", "-", "é", "_", "2"}
	texts := 50000
	if raceEnabled {
		texts = 5000
	}
	for range texts {
		var b strings.Builder
		for n := 1 + rng.IntN(8); n > 0; n-- {
			w := []byte(words[rng.IntN(len(words))])
			for k := range w {
				if rng.IntN(3) == 0 && w[k] >= 'a' && w[k] <= 'z' {
					w[k] -= 'a' - 'A'
				}
			}
			b.Write(w)
			b.WriteString(seps[rng.IntN(len(seps))])
		}
		checkCuesMatchReference(t, b.String())
	}
}

func FuzzFindCuesTable(f *testing.F) {
	for _, c := range append(futureCueCases, cueWordCases...) {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkCuesMatchReference(t, s)
	})
}

// TestCueTableWords: each word of the tables is found with its flags, in
// any case, and words that are not in them are not found.
func TestCueTableWords(t *testing.T) {
	opener := map[string]futureOpener{}
	for op, ws := range futureOpeners {
		for _, w := range strings.Fields(ws) {
			opener[w] = op
		}
	}
	all := slices.Concat(slices.Collect(maps.Keys(pastWords)), slices.Collect(maps.Keys(opener)),
		slices.Collect(maps.Keys(notPast)), slices.Collect(maps.Keys(reportingVerb)), []string{"set"})
	for _, w := range all {
		for _, s := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:], "x " + w + " y"} {
			i := strings.Index(strings.ToLower(s), w)
			e := lookupCueWord(s, i, i+len(w))
			if e == nil {
				t.Fatalf("%q not found in %q", w, s)
			}
			if e.past != pastWords[w] || e.set != (w == "set") || e.opener != opener[w] || e.notPast != notPast[w] || e.reporting != reportingVerb[w] {
				t.Errorf("%q: %+v", w, *e)
			}
		}
		for _, x := range []string{w + "s", w[1:], "x" + w, w[:len(w)-1]} {
			if lookupCueWord(x, 0, len(x)) != nil && !slices.Contains(all, x) {
				t.Errorf("%q found", x)
			}
		}
	}
}
