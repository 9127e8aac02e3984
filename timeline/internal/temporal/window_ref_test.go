package temporal

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// windowsRef is Windows before endsFilter (and before its loop read the
// first byte of a token once): the hash of every token of ASCII letters,
// checked against the table's bit set.
func windowsRef(text string, from, to int, out []Window) []Window {
	wb := &windowBuilder{out: out}
	k := 0     // index of the current token
	last := -1 // index of the last token in the open window
	text = text[:to]
	i := from
	for {
		// to the next token, in a loop of its own
		for i < len(text) && tokenBytes[text[i]]&tokWord == 0 {
			i++
		}
		if i >= len(text) {
			break
		}
		f := tokenBytes[text[i]]
		j := i + 1
		for j < len(text) {
			g := tokenBytes[text[j]]
			if g&tokWord == 0 {
				break
			}
			f |= g
			j++
		}
		var trig Trigger
		if f&tokDigit != 0 {
			trig = TDigit
		} else if n := j - i; n <= maxTriggerLen && f&tokHigh == 0 {
			// ASCII letters, as the trigger words are: their key and
			// hash in a few operations, and a bit that most tokens
			// find clear
			if i+8 <= len(text) {
				var a, b uint64
				if n <= 8 {
					a = (le64(text, i) | lowerBytes) & (^uint64(0) >> (uint(64-8*n) & 63))
				} else {
					a, b = le64(text, i)|lowerBytes, le64(text, j-8)|lowerBytes
				}
				h := wordHash(a, b, n)
				if triggerTable.bits[h>>26]&(1<<(h>>20&63)) != 0 {
					trig = triggerTable.lookup(text, i, j, h)
				}
			} else {
				trig = triggerTable.lookupTail(text, i, j)
			}
		}
		wb.recent[k&7] = i
		if k <= last {
			// inside the open window's context
			wb.cur.End = j
		}
		if trig != 0 {
			last = wb.trigger(k, last, j, trig)
		}
		k++
		i = j
	}
	if last >= 0 {
		wb.out = append(wb.out, wb.cur)
	}
	return wb.out
}

// compareWindows checks Windows against windowsRef on text[from:to].
func compareWindows(t *testing.T, text string, from, to int) {
	t.Helper()
	got := Windows(text, from, to, nil)
	want := windowsRef(text, from, to, nil)
	if !slices.Equal(got, want) {
		t.Fatalf("%q [%d,%d): got %v, want %v", clip(text), from, to, got, want)
	}
}

// TestWindowsMatchesRef: Windows gives windowsRef's windows on the test
// texts (the TBAQ texts when present), whole and in parts.
func TestWindowsMatchesRef(t *testing.T) {
	for _, text := range testTexts(t) {
		compareWindows(t, text, 0, len(text))
		compareWindows(t, text, len(text)/3, len(text)/2)
		for from := 0; from < len(text); {
			to := strings.IndexByte(text[from:], '\n')
			if to < 0 {
				to = len(text)
			} else {
				to += from
			}
			compareWindows(t, text, from, to)
			from = to + 1
		}
	}
}

// randomWindowText is text of trigger words in any case, words that share
// their length and first and last letter with one, other words, numbers
// and non-ASCII bytes, ending anywhere (tokens near the end take
// lookupTail).
func randomWindowText(rng *rand.Rand) string {
	words := []string{"ago", "AGO", "Monday", "mondays", "SEPT", "sept", "Seconds", "thanksgiving",
		"aNo", "mdy", "Tuesdax", "yesterdaY", "yesterdax", "the", "a", "of", "said", "x", "week", "weeks",
		"é", "May\xc3", "ſince", "12", "1990s", "mid", "abcdefghijklmnopq", "centuries", "Centuriez"}
	seps := []string{" ", " ", ", ", ".", "-", "\n", "'", " (", ""}
	var b strings.Builder
	for range rng.IntN(40) {
		b.WriteString(words[rng.IntN(len(words))])
		b.WriteString(seps[rng.IntN(len(seps))])
	}
	return b.String()
}

// TestWindowsMatchesRefRandom: the same on random text.
func TestWindowsMatchesRefRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		text := randomWindowText(rng)
		from := rng.IntN(len(text) + 1)
		to := from + rng.IntN(len(text)-from+1)
		compareWindows(t, text, 0, len(text))
		compareWindows(t, text, from, to)
	}
}

// TestWindowsMatchesRefBytes: the same on short texts of bytes from
// each class (letters of both cases, digits, separators, non-ASCII
// bytes), at every span, so that tokens start and stop at every offset
// of the eight-byte blocks and at their bounds.
func TestWindowsMatchesRefBytes(t *testing.T) {
	alphabet := "aZmy09 .-\n\x80\xc3\xff"
	rng := rand.New(rand.NewPCG(7, 8))
	buf := make([]byte, 0, 40)
	for range 400 {
		buf = buf[:0]
		for range rng.IntN(cap(buf)) {
			buf = append(buf, alphabet[rng.IntN(len(alphabet))])
		}
		text := string(buf)
		for from := 0; from <= len(text); from++ {
			for to := from; to <= len(text); to++ {
				compareWindows(t, text, from, to)
			}
		}
	}
}

// FuzzWindows compares Windows with windowsRef on any text and span.
func FuzzWindows(f *testing.F) {
	f.Add("On Tuesday, March 5, 2024 at 10 p.m. GMT, three days ago.", 3, 40)
	f.Add("aNo mdy Tuesdax YESTERDAY ſince é2020 centuries", 0, 47)
	f.Fuzz(func(t *testing.T, text string, from, to int) {
		if from < 0 || from > len(text) {
			from = 0
		}
		if to < from || to > len(text) {
			to = len(text)
		}
		compareWindows(t, text, from, to)
	})
}
