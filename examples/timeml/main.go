// Command timeml annotates TimeML documents with the extractor's temporal
// expressions.
//
//	go run ./examples/timeml -out DIR [-mode auto|news|narrative] [-workers N] [-events] FILE...
//
// Each FILE is a TimeML document: a gold .tml file or a TempEval-3
// .TE3input file. The extractor reads the raw text of its TEXT with the
// creation time of its DCT, and the document is written to DIR under its
// base name (a trailing .TE3input removed) with the TIMEX3 tags of TEXT
// replaced by the expressions found: tid t1, t2… in text order, type,
// value, and mod where set. Everything else in the file is kept byte for
// byte. A tag that cannot be placed as found (it would cross an EVENT,
// say) is clipped or skipped, with a warning.
//
// Only the expressions are written, so the extractor runs without its
// event stage unless -events is given; the output is the same with it,
// which serves to time the whole pipeline (scripts/bench-timeml.sh).
//
// Files are annotated by -workers goroutines (one per core by default)
// sharing one extractor; what is printed comes in the order of the
// arguments whatever the number of workers. Unless GOGC is set, the
// garbage collector runs at GOGC=400: a batch run keeps little alive;
// and unless GOMEMLIMIT is set too, its first collection waits until the
// run's memory reaches 48 MB, what GOGC=400 lets it reach later on.
//
// Score the output against gold with the TempEval-3 toolkit, or with
// te3eval, which does the whole loop in one go.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/eventline/eventline/examples/internal/te3"
	"github.com/eventline/eventline/timeline"
	"github.com/eventline/eventline/timeline/timeml"
)

func main() {
	tuneGC()
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "timeml:", err)
		os.Exit(1)
	}
}

// batchGCPercent is the GOGC of a run unless the environment sets one.
// A run keeps little alive (the extractor, a document per worker) and
// makes its garbage document after document: collecting each time the
// heap doubles spends CPU to save memory that a batch tool does not
// need back. Peak RSS stays bounded by the live heap times five.
const batchGCPercent = 400

// firstGCHeap is the memory a run reaches before its first collection:
// what batchGCPercent lets it reach later on (the extractor, about 9 MB
// live, times five, and some). Until a first collection the collector
// knows no live heap and would collect at 16 MB (4 MB times four), while
// the extractor is being built: a collection that marks what is all
// still alive, and a tenth of the CPU of a run of a thousand files.
const firstGCHeap = 48 << 20

func tuneGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	debug.SetGCPercent(batchGCPercent)
	if os.Getenv("GOMEMLIMIT") == "" {
		deferFirstGC()
	}
}

// gcSentinel is an object made unreachable at once, so that the first
// collection runs its cleanup.
type gcSentinel [64]byte

// deferFirstGC turns the collector off until the memory reaches
// firstGCHeap, then back to batchGCPercent with no limit, from the
// first collection on (a run whose live heap grows past the limit meets
// at most a few collections close together before that).
func deferFirstGC() {
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(firstGCHeap)
	runtime.AddCleanup(new(gcSentinel), func(struct{}) {
		debug.SetGCPercent(batchGCPercent)
		debug.SetMemoryLimit(math.MaxInt64)
	}, struct{}{})
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("timeml", flag.ContinueOnError)
	fs.SetOutput(stderr)
	outDir := fs.String("out", "", "folder to write the annotated documents to (created if missing)")
	modeFlag := fs.String("mode", "auto", "anchoring of relative dates: auto, news or narrative")
	workers := fs.Int("workers", runtime.NumCPU(), "number of files annotated at once")
	events := fs.Bool("events", false, "run the event stage too (the whole pipeline; the output is the same)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: timeml -out DIR [-mode auto|news|narrative] [-workers N] [-events] FILE...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *outDir == "" || fs.NArg() == 0 {
		fs.Usage()
		return errors.New("need -out DIR and at least one FILE")
	}
	mode, err := te3.Mode(*modeFlag)
	if err != nil {
		return err
	}
	out, err := openOutFolder(*outDir)
	if err != nil {
		return err
	}
	// the extractor is built while the first files are read and parsed
	newX := startExtractor(*events)
	failed := annotateAll(context.Background(), newX, mode, fs.Args(), out, *workers, stdout, stderr)
	if _, err := newX(); err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files failed", failed, fs.NArg())
	}
	return nil
}

// startExtractor starts building the extractor and returns a function
// that waits for it.
func startExtractor(events bool) func() (*timeline.Extractor, error) {
	var (
		x    *timeline.Extractor
		err  error
		done = make(chan struct{})
	)
	go func() {
		defer close(done)
		x, err = te3.NewExtractor(events)
	}()
	return func() (*timeline.Extractor, error) {
		<-done
		return x, err
	}
}

// annotateAll annotates paths with up to workers goroutines and prints
// each file's report in the order of paths. It returns how many failed.
func annotateAll(ctx context.Context, x func() (*timeline.Extractor, error), mode timeline.Mode, paths []string, out *outFolder, workers int, stdout, stderr io.Writer) int {
	// a report waits in its slot until the earlier ones are printed; the
	// slots are bounded, reportsPerWorker a worker, so memory is too
	type report struct {
		out, errs strings.Builder
		failed    bool
		done      chan struct{}
	}
	workers = max(1, min(workers, len(paths)))
	reports := make(chan *report, workers*reportsPerWorker)
	type job struct {
		i    int
		path string
		r    *report
	}
	// the workers live through the run: a goroutine per file would grow
	// a fresh stack to the pipeline's depth for each one
	jobs := make(chan job)
	last := lastWriters(paths)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var bufs buffers
			for j := range jobs {
				over, write := last[destName(j.path)], true
				if over != j.i {
					// two inputs of one base name: the last one's output
					// is kept, as a loop over the files would leave it,
					// and no two workers write the same file
					fmt.Fprintf(&j.r.errs, "timeml: %s: not written: %s has the same name\n", j.path, paths[over])
					write = false
				}
				if err := annotate(ctx, x, mode, j.path, out, write, &bufs, &j.r.out, &j.r.errs); err != nil {
					fmt.Fprintln(&j.r.errs, "timeml:", err)
					j.r.failed = true
				}
				close(j.r.done)
			}
		})
	}
	go func() {
		defer close(reports)
		for i, path := range paths {
			r := &report{done: make(chan struct{})}
			reports <- r
			jobs <- job{i, path, r}
		}
		close(jobs)
		wg.Wait()
	}()
	// the reports go to stdout through a buffer, flushed before anything
	// goes to stderr so that the two interleave as written unbuffered
	// (a write a file was a tenth of the run's system calls)
	buffered := bufio.NewWriter(stdout)
	failed := 0
	for r := range reports {
		<-r.done
		if r.failed {
			failed++
		}
		if r.errs.Len() > 0 {
			buffered.Flush()
			io.WriteString(stderr, r.errs.String())
		}
		buffered.WriteString(r.out.String())
	}
	buffered.Flush()
	return failed
}

// buffers are what a worker reuses from file to file: the bytes of the
// input and of the output. A document is done with before the next is
// read (its Doc keeps the input for Write), and the heap stays free of
// two files' worth of garbage a file.
type buffers struct {
	in, out []byte
}

// reportsPerWorker is how many reports a worker may have waiting to be
// printed. A report is a line or two, but with one a worker, a file
// longer than its neighbours left the other workers idle once they were
// a file ahead (median wall time of -events over 1,024 files, two
// workers, 16 runs in turns: 0.19 s with one, 0.18 s with sixteen).
const reportsPerWorker = 16

// destName is the name path is written under.
func destName(path string) string {
	return strings.TrimSuffix(filepath.Base(path), ".TE3input")
}

// lastWriters maps each output name to the index of the last path with
// that name.
func lastWriters(paths []string) map[string]int {
	last := make(map[string]int, len(paths))
	for i, p := range paths {
		last[destName(p)] = i
	}
	return last
}

// annotate extracts the expressions of the file at path with the
// extractor that x waits for and, with write set, writes it to the output
// folder with their TIMEX3 tags.
func annotate(ctx context.Context, x func() (*timeline.Extractor, error), mode timeline.Mode, path string, outDir *outFolder, write bool, bufs *buffers, stdout, stderr io.Writer) error {
	doc, id, err := readInput(path, bufs)
	if err != nil {
		return err
	}
	ex, err := x()
	if err != nil {
		return err
	}
	name := destName(path)
	exprs, err := te3.Extract(ctx, ex, name, doc, mode)
	if err != nil {
		return err
	}
	anns := te3.Annotations(exprs)
	out, adj, err := doc.AppendWrite(bufs.out[:0], anns)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	bufs.out = out
	dest := filepath.Join(outDir.dir, name)
	if outDir.overwrites(name, id) {
		return fmt.Errorf("%s: -out would overwrite the input", path)
	}
	if write {
		if err := writeFile(dest, out); err != nil {
			return err
		}
	}
	for _, a := range adj {
		e := anns[a.Index]
		fmt.Fprintf(stderr, "timeml: %s: %s %q: %s\n", path, e.TID, a.From.In(doc.Text), a)
	}
	fmt.Fprintf(stdout, "%s: %d TIMEX3", dest, len(anns)-skipped(adj))
	if doc.DCT == nil {
		fmt.Fprint(stdout, " (no DCT: dateline read from the text)")
	}
	fmt.Fprintln(stdout)
	return nil
}

func skipped(adj []timeml.Adjustment) int {
	n := 0
	for _, a := range adj {
		if a.Skipped {
			n++
		}
	}
	return n
}

// outFolder is the folder the documents are written to, with the names
// it held when the run began. A name not among them is a file this run
// made, not an input, so the check that a write would not overwrite its
// own input needs no lookup of the path for it (a failed stat per file).
type outFolder struct {
	dir     string
	existed map[string]bool
}

// openOutFolder makes dir if it is missing and reads the names in it.
func openOutFolder(dir string) (*outFolder, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	existed := make(map[string]bool, len(entries))
	for _, e := range entries {
		existed[e.Name()] = true
	}
	return &outFolder{dir: dir, existed: existed}, nil
}

// overwrites reports whether writing name would overwrite the file id
// identifies.
func (o *outFolder) overwrites(name string, id fileID) bool {
	return o.existed[name] && sameFile(filepath.Join(o.dir, name), id)
}

// readInput reads and parses the document at path as te3.ReadFile does,
// into bufs.in, and returns the file's identity, read from the open
// file: the check that the output would not overwrite the input then
// needs no second lookup of the path.
func readInput(path string, bufs *buffers) (*timeml.Doc, fileID, error) {
	src, id, err := readFile(path, bufs.in[:0])
	if err != nil {
		return nil, id, err
	}
	bufs.in = src
	doc, err := timeml.ParseText(src)
	if err != nil {
		return nil, id, fmt.Errorf("%s: %w", path, err)
	}
	return doc, id, nil
}
