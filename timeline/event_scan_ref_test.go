package timeline

import (
	"slices"
	"strings"
	"sync"
	"testing"
)

// The scans of the event stage as they were before they looked outward,
// searched or skipped: candidatesRef read every word's flag before its
// classes, overlappingRef every token of the clause, wordBoundaryRef
// every byte between the two dates. Their logic is unchanged, their
// comments trimmed.

func (ix *actorIndex) candidatesRef(cands []candidate, toks []token, near Span) []candidate {
	first := true
	for i := 0; i < len(toks); i++ {
		if !toks[i].word {
			continue
		}
		wasFirst := first
		first = false
		if !toks[i].is(wcTrigger | wcSupportVerb) {
			continue
		}
		if toks[i].up && !wasFirst || near.Overlaps(toks[i].Span) {
			continue
		}
		if i > 0 && toks[i-1].low == "in" && toks[i].is(wcIdiomAfterIn) {
			continue // "in charge of", "in force"
		}
		var hit *trigger
		if toks[i].is(wcTrigger) {
			for _, t := range ix.triggersOf(&toks[i]) {
				if matchTrigger(toks, i, t) {
					hit = t
					break
				}
			}
		}
		if hit != nil && hit.mode == "mediate" {
			if c, ok := ix.supportedNoun(toks, i); ok && !negated(toks, i) {
				cands = append(cands, candidate{c.i, c.j, hit})
				i = c.j - 1
				continue
			}
		}
		if toks[i].is(wcSupportVerb) {
			if c, ok := ix.supportedNoun(toks, i); ok && (hit == nil || hit.typ == "STATEMENT" || hit.typ == "AGREE" || hit.typ == "COOPERATE") {
				if hit != nil && hit.typ == c.t.typ {
					c.t = hit // "signed a treaty": the verb's CAMEO code (05) is the finer
				}
				if !negated(toks, i) {
					cands = append(cands, c)
				}
				continue
			}
		}
		if hit == nil || i+1 < len(toks) && hit.idiom[toks[i+1].low] {
			continue // "fell ill", "a falling out"
		}
		if !hit.noun && len(hit.toks) == 1 && hit.sense != "" {
			next := ""
			if i+1 < len(toks) && toks[i+1].word {
				next = toks[i+1].low
			}
			switch sense := hit.sense; {
			case next == "that" || selfPronouns[next]:
				if sense != "clause" {
					continue
				}
				hit = hit.asStatement
			case sense == "clause" && (next == "" || prepositions[next]):
				continue // "talks that are supposed to conclude by May"
			case sense == "intransitive" && next != "" && !prepositions[next]:
				continue
			}
		}
		j := i + len(hit.toks)
		if !hit.noun && i > 0 && (strings.HasSuffix(toks[i].low, "ing") && toks[i-1].is(wcDeterminer) ||
			toks[i-1].is(wcArticle) || toks[i-1].poss) {
			hit = hit.asNoun
		}
		if !negated(toks, i) && !(hit.noun && j < len(toks) && toks[j].is(wcNounModified)) {
			cands = append(cands, candidate{i, j, hit})
		}
		i = j - 1
	}
	return cands
}

func overlappingRef(toks []token, near Span) (nearTok, nearEnd int) {
	nearTok, nearEnd = -1, -1
	for i := range toks {
		t := &toks[i]
		if t.Overlaps(near) {
			if nearTok < 0 {
				nearTok = i
			}
			nearEnd = i
		}
	}
	return nearTok, nearEnd
}

func wordBoundaryRef(text string, from, to int) int {
	mid := (from + to) / 2
	best := from
	for i := from; i < to; i++ {
		if (text[i] == ' ' || text[i] == '\n' || text[i] == '\t') && absRef(i-mid) < absRef(best-mid) {
			best = i
		}
	}
	return best
}

func absRef(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// scanRefIndex is the actor index of these tests, built once.
var scanRefIndex = sync.OnceValue(newActorIndex)

// checkEventScans compares the scans with their references on the
// tokens of text[s.Start:s.End], read as one clause: the candidates with
// no date and with a date at every fifth token, the tokens that overlap
// spans from every token to a few after it (and empty ones), and the
// word boundary of stretches of up to 40 bytes from most offsets. It returns the
// number of candidates found.
func checkEventScans(t *testing.T, tz *tokenizer, text string, s Span) int {
	t.Helper()
	ix := scanRefIndex()
	toks := tz.tokenizeLookup(text, s, ix.gaz)
	n := 0
	nears := []Span{{}}
	for i := 0; i < len(toks); i += 5 {
		nears = append(nears, toks[i].Span)
	}
	for _, near := range nears {
		got := slices.Clone(ix.candidates(nil, toks, near))
		if want := ix.candidatesRef(nil, toks, near); !slices.Equal(got, want) {
			t.Fatalf("candidates(%q, %v) = %v, want %v", text[s.Start:s.End], near, got, want)
		}
		n += len(got)
	}
	for i := range toks {
		for _, near := range []Span{toks[i].Span, {toks[i].Start, toks[min(i+3, len(toks)-1)].End}, {toks[i].Start + 1, toks[i].Start + 1},
			{toks[i].End, toks[i].End + 2}, {toks[i].Start - 1, toks[i].Start}} {
			f, l := overlapping(toks, near)
			if wf, wl := overlappingRef(toks, near); f != wf || l != wl {
				t.Fatalf("overlapping(%q, %v) = %d, %d, want %d, %d", text[s.Start:s.End], near, f, l, wf, wl)
			}
		}
	}
	for from := s.Start; from < s.End; from += 1 + (from-s.Start)%3 {
		for to := from - 2; to <= s.End && to <= from+40; to++ {
			if got, want := wordBoundary(text, from, to), wordBoundaryRef(text, from, to); got != want {
				t.Fatalf("wordBoundary(%q, %d, %d) = %d, want %d", text, from, to, got, want)
			}
		}
	}
	return n
}

var eventScanCases = []string{
	"On 8 October 1950, the day after the crossing, Mao Zedong ordered an attack and brokered a ceasefire.",
	"Attacks by Iraq, which invaded Kuwait\ton\n2 August,  were condemned.", "  ", "a b", "Signed", "\"Invasion\" - of",
}

func TestEventScansMatchReference(t *testing.T) {
	var tz tokenizer
	n := 0
	for _, text := range refTexts(t, eventScanCases) {
		if len(text) > 1<<12 {
			text = text[:1<<12] // the boundaries are quadratic in the span; a piece of each text
		}
		for from := 0; from < len(text); from += 263 {
			n += checkEventScans(t, &tz, text, Span{from, min(from+263, len(text))})
		}
	}
	if n < floorWithCorpus(t, 500) {
		t.Fatalf("%d candidates found, too few to compare", n)
	}
}

func FuzzEventScans(f *testing.F) {
	for _, c := range eventScanCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<10 || strings.Count(text, " ") > 1<<8 {
			return
		}
		var tz tokenizer
		checkEventScans(t, &tz, text, Span{0, len(text)})
	})
}

// matchTrigger is matchToks of tr's tokens, as candidates compared them
// before matchTriggerOf, which candidatesRef keeps: a word whose hash
// differs from the wanted one is ruled out without comparing strings.
func matchTrigger(toks []token, i int, tr *trigger) bool {
	want := tr.toks
	if len(tr.hs) != len(want) {
		return matchToks(toks, i, want) // a trigger not made by buildTriggers
	}
	if i+len(want) > len(toks) {
		return false
	}
	for k, w := range want {
		t := &toks[i+k]
		if t.word && t.h != tr.hs[k] || t.low != w {
			return false
		}
	}
	return true
}
