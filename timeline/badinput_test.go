package timeline

// Bad input: broken encodings, NUL bytes, nothing at all, one enormous
// line, dates the calendar does not have. Each is a row; every row also
// goes through checkTimeline's invariants.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var badDCT = time.Date(2023, 9, 19, 20, 7, 0, 0, time.UTC)

// findExpr returns the expression at exactly [start, start+len(text)).
func findExpr(tl *Timeline, start int, text string) *Expression {
	for i := range tl.Expressions {
		e := &tl.Expressions[i]
		if e.Start == start && e.End == start+len(text) {
			return e
		}
	}
	return nil
}

// wantExpr asserts an expression with the given text and value at the
// first place text occurs in src.
func wantExpr(t *testing.T, tl *Timeline, src, text, value string) {
	t.Helper()
	at := strings.Index(src, text)
	if at < 0 {
		t.Fatalf("bad test: %q not in the input", text)
	}
	e := findExpr(tl, at, text)
	if e == nil {
		t.Errorf("no expression %q at byte %d; have %s", text, at, exprList(tl))
		return
	}
	if e.Value != value {
		t.Errorf("%q at %d: value %q, want %q", text, at, e.Value, value)
	}
}

func exprList(tl *Timeline) string {
	var b strings.Builder
	for _, e := range tl.Expressions {
		fmt.Fprintf(&b, " %q@%d=%s", e.Text, e.Start, e.Value)
	}
	return "[" + b.String() + " ]"
}

// noClaim asserts that no expression with a calendar interval covers any
// byte of bad (at its first occurrence in src): the part that makes a
// date nonsense ("30" of "February 30, 2021").
func noClaim(t *testing.T, tl *Timeline, src, bad string) {
	t.Helper()
	at := strings.Index(src, bad)
	if at < 0 {
		t.Fatalf("bad test: %q not in the input", bad)
	}
	sp := Span{at, at + len(bad)}
	for _, e := range tl.Expressions {
		if e.Resolved() && e.Span.Overlaps(sp) {
			t.Errorf("expression %q %v claims the nonsense %q: value %s, interval %v", e.Text, e.Span, bad, e.Value, e.Interval)
		}
	}
	for _, d := range tl.Documents {
		if d.DCT.Resolved() && !d.DCT.Given && d.DCT.Span.Overlaps(sp) {
			t.Errorf("the DCT %q %v claims the nonsense %q: %s", d.DCT.Text, d.DCT.Span, bad, d.DCT.Value)
		}
	}
}

func hasDiag(tl *Timeline, reason string) bool {
	for _, d := range tl.Diagnostics {
		if d.Reason == reason {
			return true
		}
	}
	return false
}

// repeatTo repeats s until the result is at least n bytes.
func repeatTo(s string, n int) string {
	return strings.Repeat(s, (n+len(s)-1)/len(s))
}

func TestBadInput(t *testing.T) {
	invalid := "\xff\xfeRussia said on July 28, 2023 \xc3\x28 that talks \xed\xa0\x80 would resume on September 27, 2023.\n\nA \x80\x81 line."
	nul := "Fighting\x00began on\x00September 27, 2020.\x00\x00 It ended\x00on November 9, 2020.\x00"
	// distinct sentences: a repeated one would be page furniture
	var hl strings.Builder
	for i := 0; hl.Len() < 2<<20; i++ {
		fmt.Fprintf(&hl, "On September 27, 2020, Azerbaijan launched offensive number %d in the region. ", i)
	}
	hugeLine := hl.String()
	tests := []struct {
		name string
		text string
		dct  time.Time // the caller's DCT, if not zero
		// big rows are skipped with -short and under the race detector
		big   bool
		check func(t *testing.T, src string, tl *Timeline)
	}{
		{name: "invalid UTF-8", text: invalid, check: func(t *testing.T, src string, tl *Timeline) {
			wantExpr(t, tl, src, "July 28, 2023", "2023-07-28")
			wantExpr(t, tl, src, "September 27, 2023", "2023-09-27")
			if !hasDiag(tl, "invalid-utf8") {
				t.Error("no invalid-utf8 diagnostic")
			}
			if len(tl.Events) == 0 {
				t.Error("no event around the invalid bytes")
			}
		}},
		{name: "invalid UTF-8 inside a date", text: "On July\xff 28, 2023 and on Sept\xc3 19, 2023 \xe2\x80 it rained.", dct: badDCT, check: func(t *testing.T, src string, tl *Timeline) {
			noClaim(t, tl, src, "\xff")
			noClaim(t, tl, src, "\xc3")
		}},
		{name: "truncated UTF-8 at the end", text: "Talks began on September 27, 2020 in Gen\xc3", dct: badDCT, check: func(t *testing.T, src string, tl *Timeline) {
			wantExpr(t, tl, src, "September 27, 2020", "2020-09-27")
		}},
		{name: "NUL bytes", text: nul, check: func(t *testing.T, src string, tl *Timeline) {
			wantExpr(t, tl, src, "September 27, 2020", "2020-09-27")
			wantExpr(t, tl, src, "November 9, 2020", "2020-11-09")
		}},
		{name: "NUL only", text: strings.Repeat("\x00", 4096), check: func(t *testing.T, src string, tl *Timeline) {
			if len(tl.Expressions) != 0 || len(tl.Events) != 0 {
				t.Errorf("%d expressions, %d events in NUL bytes", len(tl.Expressions), len(tl.Events))
			}
		}},
		{name: "empty", text: "", check: func(t *testing.T, src string, tl *Timeline) {
			if len(tl.Expressions)+len(tl.Events)+len(tl.Diagnostics) != 0 || tl.Documents[0].DCT.Value != "" || len(tl.Documents[0].Sentences) != 0 {
				t.Errorf("something from nothing: %+v", tl)
			}
		}},
		{name: "empty with a DCT", text: "", dct: badDCT, check: func(t *testing.T, src string, tl *Timeline) {
			if len(tl.Expressions)+len(tl.Events) != 0 || tl.Documents[0].DCT.Value != "2023-09-19T20:07" {
				t.Errorf("empty document: %d expressions, DCT %q", len(tl.Expressions), tl.Documents[0].DCT.Value)
			}
		}},
		{name: "whitespace only", text: " \t\n\r\n\u00a0\ufeff \v\f\n\n\u2003\u3000 ", check: func(t *testing.T, src string, tl *Timeline) {
			if len(tl.Expressions)+len(tl.Events)+len(tl.Diagnostics) != 0 || len(tl.Documents[0].Sentences) != 0 {
				t.Errorf("something from white space: %d expressions, %d sentences", len(tl.Expressions), len(tl.Documents[0].Sentences))
			}
		}},
		{name: "a single 2 MB line", text: hugeLine, big: true, check: func(t *testing.T, src string, tl *Timeline) {
			n := strings.Count(src, "September 27, 2020")
			exprs, events := 0, 0
			for _, e := range tl.Expressions {
				if e.Text == "September 27, 2020" && e.Value == "2020-09-27" {
					exprs++
				}
			}
			for _, e := range tl.Events {
				if e.Date.Value == "2020-09-27" {
					events++
				}
			}
			if exprs != n || events != n {
				t.Errorf("%d expressions and %d events on 2020-09-27 in %d sentences", exprs, events, n)
			}
		}},
		// single sentences of hundreds of kilobytes: each was quadratic
		// (minutes at these sizes) before the bounds in dotIsInternal,
		// settle and clauseTense
		{name: "one sentence of dotted initials", text: repeatTo("x.", 256<<10), big: true},
		{name: "one sentence of years", text: repeatTo("1999 ", 256<<10), big: true, check: func(t *testing.T, src string, tl *Timeline) {
			if n := strings.Count(src, "1999"); len(tl.Expressions) != n {
				t.Errorf("%d expressions for %d years", len(tl.Expressions), n)
			}
		}},
		{name: "one sentence of weekdays", text: repeatTo("on Monday and ", 256<<10), dct: badDCT, big: true},
		{name: "one line of digits", text: repeatTo("1 ", 256<<10), big: true},
		{name: "a table of dates", text: repeatTo("| 2020-09-27 | 14:05 | 27 Sep 2020 | Sept. 27 | ", 256<<10), dct: badDCT, big: true},

		// nonsense dates: never a real date
		{name: "February 30", text: "The accord was signed on February 30, 2021 in Moscow.", dct: badDCT, check: func(t *testing.T, src string, tl *Timeline) {
			noClaim(t, tl, src, "30")
		}},
		{name: "30 February", text: "The accord was signed on 30 February 2021 in Moscow.", dct: badDCT, check: func(t *testing.T, src string, tl *Timeline) {
			noClaim(t, tl, src, "30")
		}},
		{name: "February 30 without a year", text: "The accord was signed on February 30 in Moscow.", dct: badDCT, check: func(t *testing.T, src string, tl *Timeline) {
			noClaim(t, tl, src, "30")
		}},
		{name: "February 29 in a common year", text: "They met on Feb. 29, 2021 and on 29 February 2023.", dct: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), check: func(t *testing.T, src string, tl *Timeline) {
			noClaim(t, tl, src, "29,")
			noClaim(t, tl, src, "29 ")
		}},
		{name: "32 December", text: "Troops withdrew on 32 December 2020 and on December 32, 2020.", dct: badDCT, check: func(t *testing.T, src string, tl *Timeline) {
			noClaim(t, tl, src, "32 ")
			noClaim(t, tl, src, "32,")
		}},
		{name: "31 April", text: "Troops withdrew on 31 April 2021.", dct: badDCT, check: func(t *testing.T, src string, tl *Timeline) {
			noClaim(t, tl, src, "31")
		}},
		{name: "month 13", text: "Troops withdrew on 2021-13-01 and on 2021-00-10.", dct: badDCT, check: func(t *testing.T, src string, tl *Timeline) {
			noClaim(t, tl, src, "-13-01")
			noClaim(t, tl, src, "-00-10")
		}},
		{name: "year 0", text: "It was founded on 0000-01-01, on 1 January 0000 and on January 1, 0000.", dct: badDCT, check: func(t *testing.T, src string, tl *Timeline) {
			noClaim(t, tl, src, "0000-01-01")
			noClaim(t, tl, src, "0000 ")
			noClaim(t, tl, src, "0000.")
		}},
		{name: "the zero time as a date", text: "Published: 0001-01-01 00:00:00 +0000 UTC\n\nRussia said on Tuesday it was in contact with Azerbaijan, as of 01 Jan 0001.", check: func(t *testing.T, src string, tl *Timeline) {
			noClaim(t, tl, src, "0001-01-01")
			noClaim(t, tl, src, "0001.")
			if v := tl.Documents[0].DCT.Value; v != "" {
				t.Errorf("DCT %q from a zero time", v)
			}
		}},
		{name: "year 99999", text: "The treaty runs to 99999, to 99999-01-01 and to January 1, 99999.", dct: badDCT, check: func(t *testing.T, src string, tl *Timeline) {
			noClaim(t, tl, src, "99999,")
			noClaim(t, tl, src, "99999-01-01")
			noClaim(t, tl, src, "99999.")
		}},
		{name: "25:70", text: "The shelling began at 25:70 GMT, at 24:61 and at 13:99 p.m. on Tuesday.", dct: badDCT, check: func(t *testing.T, src string, tl *Timeline) {
			noClaim(t, tl, src, "25:70")
			noClaim(t, tl, src, "24:61")
			noClaim(t, tl, src, "13:99")
		}},
		{name: "ISO nonsense time", text: "Logged at 2023-09-19T25:70:99Z.", dct: badDCT, check: func(t *testing.T, src string, tl *Timeline) {
			noClaim(t, tl, src, "T25:70:99")
		}},
		{name: "nonsense dateline", text: "Updated 25:70, 30-Feb-2023\nCGTN\n\nRussia said on Tuesday it was in contact with Azerbaijan.", check: func(t *testing.T, src string, tl *Timeline) {
			noClaim(t, tl, src, "25:70")
			noClaim(t, tl, src, "30-Feb")
			if v := tl.Documents[0].DCT.Value; strings.Contains(v, "-02-30") {
				t.Errorf("DCT %q", v)
			}
		}},
	}
	x, err := New(WithSentences(true))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.big && (testing.Short() || raceEnabled) {
				t.Skip("big input: not with -short or -race")
			}
			doc := Document{ID: tc.name, Text: tc.text, DCT: tc.dct}
			tl, err := x.Extract(context.Background(), doc)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			for _, err := range checkTimeline(tl, []string{tc.text}, true) {
				t.Error(err)
			}
			for _, err := range checkExporters(tl) {
				t.Error(err)
			}
			if tc.check != nil {
				tc.check(t, tc.text, tl)
			}
		})
	}
}

// fiftyMB is a 50 MB document: the seed (or a paragraph, without it)
// over and over.
func fiftyMB(t *testing.T) (text, unit string) {
	unit = "Russia said on Tuesday, September 19, 2023, that it was in contact with Azerbaijan.\n\nTwo days later, talks began in Yevlakh.\n\n"
	if b, err := os.ReadFile("../seeds/000_b4ef29c311dfde9a.txt"); err == nil {
		unit = string(b) + "\n\n"
	}
	return strings.Repeat(unit, 50<<20/len(unit)+1), unit
}

func TestInputTooLarge(t *testing.T) {
	text, _ := fiftyMB(t)
	ctx := context.Background()
	x, err := New(WithMaxBytes(10 << 20))
	if err != nil {
		t.Fatal(err)
	}
	tl, err := x.Extract(ctx, Document{Text: text})
	var tooLarge *InputTooLargeError
	if !errors.As(err, &tooLarge) || tl != nil {
		t.Fatalf("Extract of %d bytes with a 10 MB limit: %v, %v; want an *InputTooLargeError", len(text), tl, err)
	}
	if tooLarge.Size != len(text) || tooLarge.Limit != 10<<20 {
		t.Errorf("error says %d over %d, want %d over %d", tooLarge.Size, tooLarge.Limit, len(text), 10<<20)
	}
	if msg := err.Error(); !strings.Contains(msg, "exceeds the limit") || !strings.Contains(msg, "WithMaxBytes") {
		t.Errorf("unclear message %q", msg)
	}
	// ExtractAll too, whichever document is too large
	if _, err := x.ExtractAll(ctx, []Document{{Text: "On July 28, 2023."}, {Text: text}}); !errors.As(err, &tooLarge) {
		t.Errorf("ExtractAll: %v, want an *InputTooLargeError", err)
	}
	// the limit is exact
	small, _ := New(WithMaxBytes(100))
	if _, err := small.Extract(ctx, Document{Text: strings.Repeat("a", 100)}); err != nil {
		t.Errorf("100 bytes with a limit of 100: %v", err)
	}
	if _, err := small.Extract(ctx, Document{Text: strings.Repeat("a", 101)}); !errors.As(err, &tooLarge) {
		t.Errorf("101 bytes with a limit of 100: %v", err)
	}
	// raising the limit lets the same document through
	mid := text[:3<<19] // 1.5 MB
	if _, err := x.Extract(ctx, Document{Text: mid}); err != nil {
		t.Errorf("1.5 MB under a 10 MB limit: %v", err)
	}
	low, _ := New(WithMaxBytes(1 << 20))
	if _, err := low.Extract(ctx, Document{Text: mid}); !errors.As(err, &tooLarge) {
		t.Errorf("1.5 MB with a 1 MB limit: %v", err)
	}
	// the default limit
	def, _ := New()
	over := strings.Repeat(" ", DefaultMaxBytes+1)
	if _, err := def.Extract(ctx, Document{Text: over}); !errors.As(err, &tooLarge) || tooLarge.Limit != DefaultMaxBytes {
		t.Errorf("%d bytes with the default limit: %v", len(over), err)
	}
}

// TestLargeInputProcessed raises the limit and processes 50 MB: the
// result is the seed's, repeated, and the heap stays within a bound
// proportional to the input.
func TestLargeInputProcessed(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("50 MB: not with -short or -race")
	}
	if os.Getenv("CI") != "" && os.Getenv("EVENTLINE_LARGE") == "" {
		// about two minutes of one core: CI keeps to its time budget
		t.Skip("50 MB: skipped in CI unless EVENTLINE_LARGE=1")
	}
	text, unit := fiftyMB(t)
	ctx := context.Background()
	x, err := New(WithMaxBytes(len(text)))
	if err != nil {
		t.Fatal(err)
	}
	one, err := x.Extract(ctx, Document{Text: unit, DCT: badDCT})
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var m runtime.MemStats
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				runtime.ReadMemStats(&m)
				if m.HeapInuse > peak.Load() {
					peak.Store(m.HeapInuse)
				}
			}
		}
	}()
	tl, err := x.Extract(ctx, Document{Text: text, DCT: badDCT})
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatalf("Extract of %d bytes with the limit raised: %v", len(text), err)
	}
	reps := strings.Count(text, unit)
	if got, want := len(tl.Expressions), reps*len(one.Expressions); got != want {
		t.Errorf("%d expressions, want %d (%d per copy)", got, want, len(one.Expressions))
	}
	if errs := checkTimeline(tl, []string{text}, false); len(errs) > 0 {
		t.Errorf("%d invariants broken, first: %v", len(errs), errs[0])
	}
	grew := int64(peak.Load()) - int64(base.HeapInuse)
	t.Logf("%d bytes: %d expressions, %d events, heap grew by %d MB at most (sampled)", len(text), len(tl.Expressions), len(tl.Events), grew>>20)
	if limit := int64(20 * len(text)); grew > limit {
		t.Errorf("heap grew by %d MB for a %d MB input (bound %d MB)", grew>>20, len(text)>>20, limit>>20)
	}
}
