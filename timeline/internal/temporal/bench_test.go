package temporal

// Benchmarks of the engine alone:
//
//	go test -run '^$' -bench . -benchmem ./timeline/internal/temporal

import (
	"regexp"
	"testing"
)

func benchTexts(b *testing.B) ([]string, int) {
	texts := testTexts(&testing.T{})
	n := 0
	for _, s := range texts {
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	return texts, n
}

// BenchmarkWindows: the trigger prefilter over the test texts (the TBAQ
// texts when present).
func BenchmarkWindows(b *testing.B) {
	texts, _ := benchTexts(b)
	var wins []Window
	for b.Loop() {
		for _, s := range texts {
			wins = Windows(s, 0, len(s), wins[:0])
		}
	}
}

// BenchmarkScan: windows and rules over the test texts, one Scanner per
// text as Extract uses.
func BenchmarkScan(b *testing.B) {
	texts, _ := benchTexts(b)
	e := Default()
	var wins []Window
	var ms []Mention
	for b.Loop() {
		for _, s := range texts {
			sc := e.NewScanner()
			wins = Windows(s, 0, len(s), wins[:0])
			ms = sc.Scan(s, wins, ms[:0])
		}
	}
}

// BenchmarkScanReference: the same without the engine's shortcuts (every
// rule whose Needs the window holds, rules.F.Find on the original text).
func BenchmarkScanReference(b *testing.B) {
	texts, _ := benchTexts(b)
	e := Default()
	var wins []Window
	for b.Loop() {
		for _, s := range texts {
			wins = Windows(s, 0, len(s), wins[:0])
			referenceScan(e, s, wins)
		}
	}
}

const newsCuePattern = `(?i)\b(?:yesterday|today|tomorrow|tonight|ago|this (?:week|month|year)|last (?:week|month|year)|(?:on|late|early|last|next) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b`

// BenchmarkRegexpMatch: Regexp against regexp on a whole-document search.
func BenchmarkRegexpMatch(b *testing.B) {
	b.Run("regexp", func(b *testing.B) {
		texts, _ := benchTexts(b)
		re := regexp.MustCompile(newsCuePattern)
		for b.Loop() {
			for _, s := range texts {
				re.MatchString(s)
			}
		}
	})
	b.Run("temporal", func(b *testing.B) {
		texts, _ := benchTexts(b)
		re := MustCompile(newsCuePattern)
		for b.Loop() {
			for _, s := range texts {
				re.MatchString(s)
			}
		}
	})
}

// BenchmarkNew: building the engine over the built-in rules (expression
// analysis, starters and their DFAs), paid once per process.
func BenchmarkNew(b *testing.B) {
	rs := English()
	for b.Loop() {
		New(rs)
	}
}
