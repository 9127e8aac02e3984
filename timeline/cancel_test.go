package timeline

// Cancellation: Extract and ExtractAll give the context's error, and no
// result, when the context is done before or during the work; and they
// consult it often enough, in long documents and in one long sentence.

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// tripCtx is a context that counts how often it is consulted (Err or
// Done) and is cancelled from the consultation after `after` on: a
// deterministic "cancel in the middle of the work".
type tripCtx struct {
	context.Context
	after int64 // -1: never
	n     atomic.Int64
	once  sync.Once
	done  chan struct{}
}

func newTripCtx(after int64) *tripCtx {
	return &tripCtx{Context: context.Background(), after: after, done: make(chan struct{})}
}

func (c *tripCtx) tick() bool {
	n := c.n.Add(1)
	if c.after >= 0 && n > c.after {
		c.once.Do(func() { close(c.done) })
		return true
	}
	return false
}

func (c *tripCtx) Err() error {
	if c.tick() {
		return context.Canceled
	}
	return nil
}

func (c *tripCtx) Done() <-chan struct{} {
	c.tick()
	return c.done
}

// longDocument has many sentences, each with dates.
func longDocument(sentences int) string {
	var b strings.Builder
	for i := range sentences {
		fmt.Fprintf(&b, "On September %d, 2020, Azerbaijan said it had shelled position %d. ", i%28+1, i)
		if i%5 == 4 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// longSentence is one sentence of about n bytes with no sentence break,
// made of many candidate windows.
func longSentence(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "and on September %d, 2020 the separatist forces along the entire line of contact withdrew from position %d ", i%28+1, i)
	}
	return b.String()
}

func TestCancelled(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	doc := Document{Text: longDocument(2000)}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancel2 := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel2()
	for _, tc := range []struct {
		name string
		ctx  context.Context
		want error
	}{
		{"cancelled", cancelled, context.Canceled},
		{"deadline passed", expired, context.DeadlineExceeded},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tl, err := x.Extract(tc.ctx, doc)
			if !errors.Is(err, tc.want) || tl != nil {
				t.Errorf("Extract: %v, %v; want nil, %v", tl, err, tc.want)
			}
			tl, err = x.ExtractAll(tc.ctx, []Document{doc, doc})
			if !errors.Is(err, tc.want) || tl != nil {
				t.Errorf("ExtractAll: %v, %v; want nil, %v", tl, err, tc.want)
			}
		})
	}
}

// TestCancelMidway cancels after the k-th consultation of the context,
// for every k the extraction makes: each time the result is the
// context's error and no timeline. This holds whatever stage the
// cancellation lands in.
func TestCancelMidway(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	scale := 1
	if testing.Short() || raceEnabled {
		scale = 8
	}
	for _, tc := range []struct {
		name string
		docs []Document
	}{
		{"many sentences", []Document{{Text: longDocument(3000 / scale)}}},
		{"one long sentence", []Document{{Text: longSentence(256 << 10 / scale), DCT: badDCT}}},
		{"several documents", []Document{{Text: longDocument(300 / scale)}, {Text: longDocument(600 / scale)}, {Text: longSentence(200 << 10 / scale)}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// count the consultations of a run that is never cancelled
			free := newTripCtx(-1)
			if _, err := x.ExtractAll(free, tc.docs); err != nil {
				t.Fatal(err)
			}
			total := free.n.Load()
			t.Logf("%d consultations of the context", total)
			// the first, the last and some in between
			ks := []int64{0, 1, 2, total / 4, total / 2, 3 * total / 4, total - 2, total - 1}
			if testing.Short() || raceEnabled {
				ks = []int64{0, total / 2, total - 1}
			}
			for _, k := range ks {
				if k < 0 || k >= total {
					continue
				}
				ctx := newTripCtx(k)
				var tl *Timeline
				var err error
				if len(tc.docs) == 1 {
					tl, err = x.Extract(ctx, tc.docs[0])
				} else {
					tl, err = x.ExtractAll(ctx, tc.docs)
				}
				if !errors.Is(err, context.Canceled) || tl != nil {
					t.Fatalf("cancelled at consultation %d of %d: %v, %v; want nil, context.Canceled", k+1, total, tl, err)
				}
			}
		})
	}
}

// TestCancelChecksOften: the context is consulted at least once per
// ctxCheckEvery sentences, and inside one long sentence at least once
// per ctxCheckBytes of candidate text (so one megabyte-long sentence
// does not run to its end after a cancellation).
func TestCancelChecksOften(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	n := 5000
	if testing.Short() || raceEnabled {
		n = 1200
	}
	long := longDocument(n)
	nsent := len(splitSentences(long))
	ctx := newTripCtx(-1)
	if _, err := x.Extract(ctx, Document{Text: long}); err != nil {
		t.Fatal(err)
	}
	if got, want := ctx.n.Load(), int64(nsent/ctxCheckEvery); got < want {
		t.Errorf("%d sentences: the context was consulted %d times, want at least %d", nsent, got, want)
	}

	if testing.Short() || raceEnabled {
		t.Skip("a 1 MB sentence: not with -short or -race")
	}
	one := longSentence(1 << 20)
	if n := len(splitSentences(one)); n != 1 {
		t.Fatalf("bad test: %d sentences", n)
	}
	ctx = newTripCtx(-1)
	if _, err := x.Extract(ctx, Document{Text: one, DCT: badDCT}); err != nil {
		t.Fatal(err)
	}
	if got, want := ctx.n.Load(), int64(len(one)/ctxCheckBytes/4); got < want {
		t.Errorf("one sentence of %d bytes: the context was consulted %d times, want at least %d", len(one), got, want)
	}
}

// TestCancelDuringRun cancels a real context from another goroutine
// while a long document is being read: the call returns the context's
// error and no timeline (or, if it won the race, a complete one).
func TestCancelDuringRun(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	doc := Document{Text: longDocument(20000)}
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan struct{})
	go func() {
		<-started
		time.Sleep(5 * time.Millisecond)
		cancel()
	}()
	close(started)
	tl, err := x.Extract(ctx, doc)
	switch {
	case err == nil:
		if errs := checkTimeline(tl, []string{doc.Text}, false); len(errs) > 0 {
			t.Errorf("finished before the cancellation, but: %v", errs[0])
		}
		t.Log("the extraction finished before the cancellation")
	case !errors.Is(err, context.Canceled) || tl != nil:
		t.Errorf("Extract: %v, %v; want nil, context.Canceled", tl, err)
	}
}
