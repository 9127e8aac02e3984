package timeline

// Fuzz targets for the public entry points: extraction (Extract,
// ExtractAll, the exporters) and dateline parsing. Both are seeded from
// ../seeds and testdata/ (whatever text files are there) and from the
// hand-written cases below; what the fuzzer finds is kept under
// testdata/fuzz/FuzzExtract and testdata/fuzz/FuzzDateline and replayed by
// every plain `go test`.
//
//	go test -run='^$' -fuzz='^FuzzExtract$' -fuzztime=10m ./timeline
//	go test -run='^$' -fuzz='^FuzzDateline$' -fuzztime=10m ./timeline

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// seedTexts returns the texts of ../seeds and testdata/ (not the fuzz
// corpus itself), at most maxLen bytes each, cut on a line boundary.
func seedTexts(tb testing.TB, maxLen int) []string {
	tb.Helper()
	var out []string
	for _, root := range []string{filepath.Join("..", "seeds"), "testdata"} {
		_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // a missing directory is no seed
			}
			if d.IsDir() {
				if d.Name() == "fuzz" {
					return filepath.SkipDir
				}
				return nil
			}
			switch filepath.Ext(path) {
			case ".txt", ".tml", ".xml", ".html":
			default:
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return nil
			}
			s := string(b)
			if len(s) > maxLen {
				s = s[:maxLen]
				if i := strings.LastIndexByte(s, '\n'); i > 0 {
					s = s[:i+1]
				}
			}
			out = append(out, s)
			return nil
		})
	}
	return out
}

// handSeeds are short inputs aimed at the corners: nonsense dates, wire
// and scraped datelines, relative expressions, odd bytes.
var handSeeds = []string{
	"",
	" \n\t\r\n ",
	"MOSCOW, Sept 19 (Reuters) - Russia said on Tuesday it was in contact with Azerbaijan.",
	"Updated 20:07, 19-Sep-2023\nCGTN\nThe talks began on Monday and ended two days later.",
	"Published: 2023-09-19T20:07:00Z\n\nThe war began in 1988. In early 1994 a ceasefire was signed.",
	"February 30, 2021. 32 December 2020. The year 0 and the year 99999. At 25:70 it happened.",
	"On 29 February 2021 and on February 29, 2020 they met.",
	"It was 0000-00-00 or 2021-13-45T99:99:99.",
	"Since 1994 the region has been disputed; in the 1990s and in the late 1980s fighting flared.",
	"Last week, yesterday, tomorrow, next year, this month, three years ago, several years later.",
	"Every year, weekly, for five years, a 48-hour truce, for several decades.",
	"On Tuesday morning, Friday night and last Sunday evening at 3 p.m. GMT.",
	"In the summer of 2020 and the first quarter of 2021; now, recently, in the past.",
	"\xff\xfe invalid \xc3\x28 UTF-8 on July 28, 2023 \xed\xa0\x80 here.",
	"NUL\x00bytes\x00on\x00September 27, 2020\x00.",
	"Jan. 5. Feb. 3, 2022. Mar. Apr. U.S. officials said on Dec. 1 it was over.",
	"A bridge, July 28, 2023. /CFP\nA bridge, July 28, 2023. /CFP\n\n(With input from agencies)",
}

// fuzzDocument builds a document from the fuzzer's arguments: flags
// bits 0-1 choose the mode (auto, news, narrative, auto), bit 2 gives a
// DCT (dct minutes from 1800-01-01, within four centuries), bit 3 makes
// it a date alone.
func fuzzDocument(text string, dct int64, flags uint8) Document {
	doc := Document{ID: "fuzz", Text: text}
	switch flags & 3 {
	case 1:
		doc.Mode = News
	case 2:
		doc.Mode = History
	}
	if flags&4 != 0 {
		const span = 400 * 366 * 24 * 60
		m := dct % span
		if m < 0 {
			m += span
		}
		doc.DCT = time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(m) * time.Minute)
		if flags&8 != 0 {
			doc.DCTGranularity = Day
		}
	}
	return doc
}

// maxFuzzLen bounds the inputs FuzzExtract runs: its speed is in the
// executions, and huge inputs have tests of their own (badinput_test.go).
const maxFuzzLen = 16 << 10

var fuzzExtractor = func() *Extractor {
	x, err := New(WithSentences(true))
	if err != nil {
		panic(err)
	}
	return x
}()

func FuzzExtract(f *testing.F) {
	for _, s := range append(seedTexts(f, 4<<10), handSeeds...) {
		f.Add(s, int64(0), uint8(0))
		f.Add(s, int64(117_000_000), uint8(4|1)) // a DCT in 2022, news
	}
	f.Fuzz(func(t *testing.T, text string, dct int64, flags uint8) {
		if len(text) > maxFuzzLen {
			t.Skip("long inputs are the bad-input tests' job")
		}
		checkExtract(t, fuzzExtractor, fuzzDocument(text, dct, flags))
	})
}

// checkExtract runs every invariant on one document.
func checkExtract(t *testing.T, x *Extractor, doc Document) *Timeline {
	t.Helper()
	ctx := context.Background()
	tl, err := x.Extract(ctx, doc)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	text := doc.Text
	for _, err := range checkTimeline(tl, []string{text}, x.cfg.sentences) {
		t.Error(err)
	}
	for _, err := range checkExporters(tl) {
		t.Error(err)
	}
	// deterministic: the same bytes twice
	tl2, err := x.Extract(ctx, doc)
	if err != nil {
		t.Fatalf("second Extract: %v", err)
	}
	if a, b := timelineJSON(tl), timelineJSON(tl2); a != b {
		t.Errorf("two runs differ:\n%s\n%s", a, b)
	}
	// the dateline Extract read is the one ParseDateline reads
	if doc.DCT.IsZero() {
		d, ok := x.ParseDateline(text)
		got := tl.Documents[0].DCT
		if ok != (got.Value != "") || d.Value != got.Value || d.Span != got.Span {
			t.Errorf("ParseDateline gives %v %+v, Extract's DCT is %+v", ok, d, got)
		}
	}
	// two copies in one timeline: the same invariants, twice the
	// expressions, events interleaved in order
	all, err := x.ExtractAll(ctx, []Document{doc, doc})
	if err != nil {
		t.Fatalf("ExtractAll: %v", err)
	}
	for _, err := range checkTimeline(all, []string{text, text}, x.cfg.sentences) {
		t.Error("ExtractAll:", err)
	}
	if len(all.Expressions) != 2*len(tl.Expressions) || len(all.Events) != 2*len(tl.Events) || len(all.Diagnostics) != 2*len(tl.Diagnostics) {
		t.Errorf("ExtractAll of two copies: %d expressions, %d events, %d diagnostics; one copy has %d, %d, %d",
			len(all.Expressions), len(all.Events), len(all.Diagnostics), len(tl.Expressions), len(tl.Events), len(tl.Diagnostics))
	}
	return tl
}

func FuzzDateline(f *testing.F) {
	for _, s := range seedTexts(f, datelineBytes+512) {
		f.Add(s)
	}
	for _, s := range append(handSeeds,
		"Updated 25:70, 32-Dec-0000",
		"Posted 12 p.m., Feb 29 2021",
		"BEIJING, Jan 1 (Xinhua) --",
		"Date: 1999-12-31T23:59:59+01:00",
		"Sept 19\n",
		strings.Repeat("\n", 20)+"Updated 20:07, 19-Sep-2023",
		strings.Repeat("x", datelineBytes-5)+"Updated July 28, 2023",
	) {
		f.Add(s)
	}
	x := fuzzExtractor
	f.Fuzz(func(t *testing.T, text string) {
		d, ok := x.ParseDateline(text)
		if !ok {
			if d != (DCT{}) {
				t.Errorf("no dateline, yet %+v", d)
			}
			return
		}
		if err := checkSpan("dateline", d.Span, d.Text, text); err != nil {
			t.Error(err)
		}
		if d.Len() == 0 {
			t.Error("empty dateline span")
		}
		if d.End > datelineBytes {
			t.Errorf("dateline %v past the head of %d bytes", d.Span, datelineBytes)
		}
		if err := checkTimex("dateline", d.Timex); err != nil {
			t.Error(err)
		}
		if d.Given {
			t.Error("a dateline read from the text says Given")
		}
		if d.Resolved() && d.Anchor != Explicit {
			t.Errorf("dateline resolved with anchor %q", d.Anchor)
		}
		if d2, ok2 := x.ParseDateline(text); !ok2 || d2 != d {
			t.Errorf("two runs differ: %+v / %+v", d, d2)
		}
	})
}
