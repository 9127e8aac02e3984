package timeline

// Benchmarks of the full pipeline (issue 6). Run them with
//
//	go test -run '^$' -bench . -benchmem ./timeline/...
//
// MB/s counts bytes of article text. BenchmarkNaiveWhenTBAQ is the
// baseline: github.com/olebedev/when used as a Go user would, calling
// Parse again on the rest of the text after each match, over the same
// TBAQ texts as BenchmarkExtractTBAQ, so one run gives the ratio.

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventline/eventline/timeline/timeml"
	"github.com/olebedev/when"
	"github.com/olebedev/when/rules/common"
	"github.com/olebedev/when/rules/en"
)

// moduleRoot walks up from the package directory to the directory that
// holds go.mod.
func moduleRoot(tb testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		up := filepath.Dir(dir)
		if up == dir {
			tb.Fatal("go.mod not found above the package directory")
		}
		dir = up
	}
}

// sharedData returns the shared corpora folder, or "" when there is
// none: $EVENTLINE_DATA if set, else shared/data beside the module root
// (a clone next to shared/) or one level further up (a git worktree
// under the project folder).
func sharedData(tb testing.TB) string {
	if d := os.Getenv("EVENTLINE_DATA"); d != "" {
		if fi, err := os.Stat(d); err != nil || !fi.IsDir() {
			return ""
		}
		return d
	}
	root := moduleRoot(tb)
	for _, up := range []string{"..", filepath.Join("..", "..")} {
		d := filepath.Join(root, up, "shared", "data")
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d
		}
	}
	return ""
}

// loadTBAQ returns the 256 TBAQ documents (TimeBank and AQUAINT): the
// raw text of TEXT (tags stripped, as timeml.Parse gives it) with the
// creation time of the DCT, as a news article comes with its dateline;
// it skips when the shared data is absent.
func loadTBAQ(b testing.TB) []Document {
	dir := sharedData(b)
	if dir == "" {
		b.Skip("no shared/data beside the module root and EVENTLINE_DATA unset: no TBAQ corpus")
	}
	root := filepath.Join(dir, "tbaq")
	var docs []Document
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".tml") {
			return err
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		doc, err := timeml.Parse(raw)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		in := Document{ID: filepath.Base(p), Text: doc.Text}
		if doc.DCT != nil {
			in.DCT, in.DCTGranularity = benchDCT(doc.DCT.Value)
		}
		docs = append(docs, in)
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) || err == nil && len(docs) == 0 {
		b.Skip("no TBAQ documents under " + root)
	}
	if err != nil {
		b.Fatal(err)
	}
	return docs
}

// benchDCT reads a TimeML creation time ("1998-01-08",
// "1998-08-07T06:18:00"); a value it cannot read leaves the DCT unset,
// so the extractor reads the dateline instead.
func benchDCT(v string) (time.Time, Granularity) {
	for _, l := range []struct {
		layout string
		gran   Granularity
	}{{"2006-01-02T15:04:05", Second}, {"2006-01-02T15:04", Minute}, {"2006-01-02", Day}} {
		if t, err := time.Parse(l.layout, strings.TrimSpace(v)); err == nil {
			return t, l.gran
		}
	}
	return time.Time{}, Unknown
}

func totalBytes(docs []Document) int {
	n := 0
	for _, d := range docs {
		n += len(d.Text)
	}
	return n
}

func loadSeed(tb testing.TB) string {
	raw, err := os.ReadFile(filepath.Join(moduleRoot(tb), "seeds", "000_b4ef29c311dfde9a.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return string(raw)
}

// syntheticDoc builds a document of about size bytes from the seed
// article: its head (with the dateline) and then its paragraphs over and
// over. Each sentence of each copy gets a distinct letters-only tag ("…
// stop bloodshed ref qzt.") so that no sentence is page furniture (a
// repeated line) and the work per paragraph stays the same however long
// the document grows.
func syntheticDoc(tb testing.TB, size int) string {
	seed := loadSeed(tb)
	paras := strings.Split(seed, "\n\n")
	head, body := paras[0], paras[1:]
	var b strings.Builder
	b.Grow(size + 1024)
	b.WriteString(head)
	tag := 0
	for n := 0; b.Len() < size; n++ {
		p := strings.TrimSpace(body[n%len(body)])
		if p == "" {
			continue
		}
		b.WriteString("\n\n")
		for i := 0; i < len(p); i++ {
			c := p[i]
			// a sentence-final dot after a word: tag the sentence
			if c == '.' && i > 0 && (p[i-1] >= 'a' && p[i-1] <= 'z' || p[i-1] >= '0' && p[i-1] <= '9') && (i+1 == len(p) || p[i+1] == ' ' || p[i+1] == '"') {
				b.WriteString(" ref ")
				b.WriteString(letterTag(tag))
				tag++
			}
			b.WriteByte(c)
		}
	}
	s := b.String()
	if len(s) > size {
		// cut at a paragraph break so no sentence is left half
		if i := strings.LastIndex(s[:size], "\n\n"); i > len(head) {
			s = s[:i]
		}
	}
	return s
}

// letterTag writes n in base 26 with the letters q..z, a..p; no digits,
// so it adds no trigger.
func letterTag(n int) string {
	var buf [16]byte
	i := len(buf)
	for {
		i--
		buf[i] = "qrstuvwxyzabcdefghijklmnop"[n%26]
		n /= 26
		if n == 0 {
			break
		}
	}
	return string(buf[i:])
}

func newBenchExtractor(b *testing.B, opts ...Option) *Extractor {
	x, err := New(opts...)
	if err != nil {
		b.Fatal(err)
	}
	// New's garbage (the actor index is built in a few MB of scratch) is
	// collected before the timer starts: left to the first collection in
	// the loop, it took a core for as long as ten Extracts of the seed
	runtime.GC()
	return x
}

func benchExtract(b *testing.B, x *Extractor, docs []Document) {
	total := totalBytes(docs)
	b.SetBytes(int64(total))
	b.ReportAllocs()
	ctx := context.Background()
	exprs := 0
	cpu := startCPU(b)
	for b.Loop() {
		exprs = 0
		for _, d := range docs {
			tl, err := x.Extract(ctx, d)
			if err != nil {
				b.Fatal(err)
			}
			exprs += len(tl.Expressions)
		}
	}
	cpu.report(b, total)
	b.ReportMetric(float64(exprs), "exprs/op")
}

// cpuMeter reports throughput per second of process CPU time
// ("cpuMB/s"), which a loaded machine distorts less than MB/s (wall
// time). It counts every thread of the process, the garbage collector's
// included.
type cpuMeter struct{ start time.Duration }

func startCPU(b *testing.B) cpuMeter {
	b.ResetTimer()
	return cpuMeter{processCPU()}
}

func (m cpuMeter) report(b *testing.B, bytes int) {
	d := processCPU() - m.start
	if d <= 0 || m.start == 0 {
		return
	}
	b.ReportMetric(float64(bytes)*float64(b.N)/1e6/d.Seconds(), "cpuMB/s")
}

// BenchmarkExtractSeed: the full pipeline on the seed article.
func BenchmarkExtractSeed(b *testing.B) {
	x := newBenchExtractor(b)
	benchExtract(b, x, []Document{{Text: loadSeed(b)}})
}

// BenchmarkExtractTBAQ: the full pipeline over the 256 TBAQ news texts,
// one Extract per document.
func BenchmarkExtractTBAQ(b *testing.B) {
	docs := loadTBAQ(b)
	x := newBenchExtractor(b)
	benchExtract(b, x, docs)
}

// BenchmarkExpressionsTBAQ: WithEvents(false) over the texts of
// BenchmarkExtractTBAQ: the expressions alone, as TimeML annotation and
// TempEval scoring read them.
func BenchmarkExpressionsTBAQ(b *testing.B) {
	docs := loadTBAQ(b)
	x := newBenchExtractor(b, WithEvents(false))
	benchExtract(b, x, docs)
}

// BenchmarkExtractSmallDocs: the full pipeline over the first sentence
// of each TBAQ text, one Extract per document, so that the fixed cost of
// a call (setup, pools, result) weighs as it does on many small files.
func BenchmarkExtractSmallDocs(b *testing.B) {
	docs := loadTBAQ(b)
	small := make([]Document, len(docs))
	for i, d := range docs {
		d.Text = firstSentence(d.Text)
		small[i] = d
	}
	x := newBenchExtractor(b)
	benchExtract(b, x, small)
}

// firstSentence is the text up to the end of its first sentence.
func firstSentence(text string) string {
	if sents := splitSentences(text); len(sents) > 0 {
		return text[:sents[0].End]
	}
	return text
}

// BenchmarkNaiveWhenTBAQ: the baseline, olebedev/when's English and
// common rules called again on the rest of the text after each match,
// over the same texts as BenchmarkExtractTBAQ.
func BenchmarkNaiveWhenTBAQ(b *testing.B) {
	docs := loadTBAQ(b)
	w := when.New(nil)
	w.Add(en.All...)
	w.Add(common.All...)
	total := totalBytes(docs)
	b.SetBytes(int64(total))
	b.ReportAllocs()
	found, failed := 0, 0
	cpu := startCPU(b)
	for b.Loop() {
		found, failed = 0, 0
		for _, d := range docs {
			base := d.DCT
			if base.IsZero() {
				base = time.Date(1998, 2, 27, 12, 0, 0, 0, time.UTC)
			}
			rest := d.Text
			for rest != "" {
				r, err := w.Parse(rest, base)
				if err != nil {
					// when cannot say where the failing match was;
					// a user can only give up on the rest
					failed++
					break
				}
				if r == nil {
					break
				}
				found++
				rest = rest[max(r.Index+len(r.Text), 1):]
			}
		}
	}
	cpu.report(b, total)
	b.ReportMetric(float64(found), "exprs/op")
	b.ReportMetric(float64(failed), "errors/op")
}

// BenchmarkExtract10KB and BenchmarkExtract10MB: one synthetic document
// of each size, built the same way, for the linear-cost check (the 10 MB
// per-MB time should be at most 1.5 times the 10 KB one).
func BenchmarkExtract10KB(b *testing.B) {
	x := newBenchExtractor(b)
	benchExtract(b, x, []Document{{Text: syntheticDoc(b, 10<<10)}})
}

func BenchmarkExtract10MB(b *testing.B) {
	x := newBenchExtractor(b)
	benchExtract(b, x, []Document{{Text: syntheticDoc(b, 10<<20)}})
}

// BenchmarkExtractParallel: one Extractor shared by 1 and 2 goroutines
// that take the TBAQ documents from a common counter. MB/s is the
// aggregate throughput.
func BenchmarkExtractParallel(b *testing.B) {
	docs := loadTBAQ(b)
	total := totalBytes(docs)
	x := newBenchExtractor(b)
	for _, g := range []int{1, 2} {
		b.Run(fmt.Sprintf("goroutines=%d", g), func(b *testing.B) {
			b.SetBytes(int64(total))
			b.ReportAllocs()
			ctx := context.Background()
			for b.Loop() {
				var next atomic.Int64
				var wg sync.WaitGroup
				errs := make([]error, g)
				for k := range g {
					wg.Go(func() {
						for {
							i := int(next.Add(1) - 1)
							if i >= len(docs) {
								return
							}
							if _, err := x.Extract(ctx, docs[i]); err != nil {
								errs[k] = err
								return
							}
						}
					})
				}
				wg.Wait()
				for _, err := range errs {
					if err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// TestHeap10MB measures the heap a single 10 MB document needs: the
// bytes allocated during Extract (an upper bound on the growth of the
// heap, whatever the garbage collector does), the peak of live heap
// objects sampled during the call, and the heap retained by the result.
// It asserts nothing about time.
func TestHeap10MB(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and extracts a 10 MB document")
	}
	if raceEnabled {
		// the race detector changes what is allocated and when memory
		// is freed; the plain test run measures the heap
		t.Skip("heap sizes under the race detector are not the program's")
	}
	doc := syntheticDoc(t, 10<<20)
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	in := float64(len(doc))

	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)

	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	})
	tl, err := x.Extract(context.Background(), Document{Text: doc})
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	allocated := float64(after.TotalAlloc - before.TotalAlloc)
	runtime.GC()
	var kept runtime.MemStats
	runtime.ReadMemStats(&kept)
	retained := float64(int64(kept.HeapAlloc) - int64(before.HeapAlloc))
	peakGrowth := float64(int64(peak.Load()) - int64(base))
	t.Logf("input %.1f MB; allocated during Extract %.1f MB (%.2f× input); sampled peak heap growth %.1f MB (%.2f×); retained by the result %.1f MB (%.2f×); %d expressions, %d events",
		in/1e6, allocated/1e6, allocated/in, peakGrowth/1e6, peakGrowth/in, retained/1e6, retained/in, len(tl.Expressions), len(tl.Events))
	// the peak depends on the collector's pacing: assert it only under
	// the default one
	if peakGrowth > 10*in && os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		t.Errorf("peak heap growth %.1f× the input, want at most 10×", peakGrowth/in)
	}
	runtime.KeepAlive(tl)
}
