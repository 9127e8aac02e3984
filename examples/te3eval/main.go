// Command te3eval scores the extractor on TimeML corpora with the
// TempEval-3 Task A measures (see package tempeval).
//
//	go run ./examples/te3eval [-v] [-errors N] [-kind missed,value] [-rules] [-mode auto|news|narrative] [-json] DIR|FILE...
//
// It walks each DIR for gold .tml files, reads their raw text and DCT,
// strips the gold tags, runs the extractor on the text with the gold DCT
// and scores its expressions against the gold TIMEX3 of TEXT. It prints a
// table with one row per folder and a TOTAL row (micro-averaged over all
// files, as the official scorer does): strict P/R/F1, relaxed P/R/F1,
// value and type accuracy, value and type F1, all in percent. Then:
//
//	-v          one line per file before the table
//	-errors N   the first N errors of each class (missed, spurious,
//	            extent, value, type) with file:line@offset, gold and system
//	            values, the system rule in brackets and the context
//	-kind K,…   only those classes of error
//	-rules      a table per extractor rule: how many expressions it found,
//	            how many were spurious, strict, of another extent, with a
//	            wrong value or type
//	-json       the whole report as JSON instead (for scripts)
//
// For example, to see what the value rules get wrong on TimeBank:
//
//	go run ./examples/te3eval -errors 30 -kind value ../shared/data/tbaq/TimeBank
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/eventline/eventline/examples/internal/te3"
	"github.com/eventline/eventline/timeline"
	"github.com/eventline/eventline/timeline/tempeval"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "te3eval:", err)
		os.Exit(1)
	}
}

type options struct {
	verbose bool
	errors  int
	kinds   []tempeval.Kind
	rules   bool
	json    bool
	mode    timeline.Mode
}

func run(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("te3eval", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var o options
	fl.BoolVar(&o.verbose, "v", false, "print one line per file")
	fl.IntVar(&o.errors, "errors", 0, "print the first `N` errors of each class")
	kinds := fl.String("kind", "", "comma-separated error classes to print: missed, spurious, extent, value, type (default all)")
	fl.BoolVar(&o.rules, "rules", false, "print a table of results per extractor rule")
	fl.BoolVar(&o.json, "json", false, "print the report as JSON")
	modeFlag := fl.String("mode", "auto", "anchoring of relative dates: auto, news or narrative")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: te3eval [-v] [-errors N] [-kind K,...] [-rules] [-mode M] [-json] DIR|FILE...")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return err
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return errors.New("no folder given")
	}
	var err error
	if o.mode, err = te3.Mode(*modeFlag); err != nil {
		return err
	}
	if *kinds != "" {
		for _, k := range strings.Split(*kinds, ",") {
			k = strings.TrimSpace(k)
			if !containsKind(tempeval.Kinds, tempeval.Kind(k)) {
				return fmt.Errorf("unknown error class %q", k)
			}
			o.kinds = append(o.kinds, tempeval.Kind(k))
		}
	}

	files, err := collect(fl.Args())
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return errors.New("no .tml files found")
	}
	x, err := te3.NewExtractor(false)
	if err != nil {
		return err
	}
	start := time.Now()
	results := evaluate(context.Background(), x, o.mode, files)
	elapsed := time.Since(start)

	failed := 0
	for _, r := range results {
		if r.err != nil {
			fmt.Fprintln(stderr, "te3eval:", r.err)
			failed++
		}
	}
	if o.json {
		err = writeJSON(stdout, results)
	} else {
		err = writeText(stdout, results, o, elapsed)
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files could not be scored", failed, len(files))
	}
	return nil
}

// collect finds the gold .tml files under the arguments, sorted.
func collect(args []string) ([]string, error) {
	var files []string
	for _, a := range args {
		err := filepath.WalkDir(a, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(path, ".tml") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(files)
	return files, nil
}

// result is the outcome for one file.
type result struct {
	path   string
	group  string // the folder the file is in
	res    tempeval.FileResult
	system []tempeval.Timex
	gold   []tempeval.Timex
	err    error
}

// evaluate scores the files on all cores, keeping their order.
func evaluate(ctx context.Context, x *timeline.Extractor, mode timeline.Mode, files []string) []result {
	results := make([]result, len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = evaluateFile(ctx, x, mode, files[i])
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return results
}

func evaluateFile(ctx context.Context, x *timeline.Extractor, mode timeline.Mode, path string) result {
	r := result{path: path, group: filepath.Dir(path)}
	doc, _, err := te3.ReadFile(path)
	if err != nil {
		r.err = err
		return r
	}
	exprs, err := te3.Extract(ctx, x, filepath.Base(path), doc, mode)
	if err != nil {
		r.err = err
		return r
	}
	r.gold = tempeval.FromTimeML(doc)
	r.system = te3.Timexes(exprs)
	r.res = tempeval.Score(filepath.Base(path), doc.Text, r.gold, r.system)
	return r
}

func pc(f float64) string { return fmt.Sprintf("%.2f", 100*f) }

func writeText(w io.Writer, results []result, o options, elapsed time.Duration) error {
	var total tempeval.Report
	var groups []string
	byGroup := map[string]*tempeval.Report{}
	nfiles := map[string]int{}
	for _, r := range results {
		if r.err != nil {
			continue
		}
		if byGroup[r.group] == nil {
			byGroup[r.group] = &tempeval.Report{}
			groups = append(groups, r.group)
		}
		byGroup[r.group].Add(r.res)
		nfiles[r.group]++
		total.Add(r.res)
	}

	if o.verbose {
		tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "file\tgold\tsys\tstrict F1\trelaxed F1\tvalue F1\ttype F1\tmissed\tspurious\textent\tvalue\ttype\t")
		for _, r := range results {
			if r.err != nil {
				continue
			}
			s := r.res.Scores()
			n := countKinds(r.res.Errors)
			fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t\n", r.path, r.res.Gold, r.res.System,
				pc(s.Strict.F1), pc(s.Relaxed.F1), pc(s.ValueF1), pc(s.TypeF1),
				n[tempeval.Missed], n[tempeval.Spurious], n[tempeval.Extent], n[tempeval.Value], n[tempeval.Type])
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}

	// Names left-aligned: padded to one width before the right-aligning
	// tabwriter sees them.
	width := len("TOTAL")
	for _, g := range groups {
		width = max(width, len(g))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-*s\tfiles\tgold\tsys\tstrict P\tR\tF1\trelaxed P\tR\tF1\tvalue acc\ttype acc\tvalue F1\ttype F1\t\n", width, "")
	row := func(name string, files int, c tempeval.Counts) {
		s := c.Scores()
		name = fmt.Sprintf("%-*s", width, name)
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", name, files, c.Gold, c.System,
			pc(s.Strict.Precision), pc(s.Strict.Recall), pc(s.Strict.F1),
			pc(s.Relaxed.Precision), pc(s.Relaxed.Recall), pc(s.Relaxed.F1),
			pc(s.ValueAccuracy), pc(s.TypeAccuracy), pc(s.ValueF1), pc(s.TypeF1))
	}
	for _, g := range groups {
		row(g, nfiles[g], byGroup[g].Total)
	}
	row("TOTAL", len(total.Files), total.Total)
	if err := tw.Flush(); err != nil {
		return err
	}

	all := total.Errors()
	n := countKinds(all)
	var parts []string
	for _, k := range tempeval.Kinds {
		parts = append(parts, fmt.Sprintf("%s %d", k, n[k]))
	}
	fmt.Fprintf(w, "\nerrors: %s  (%d files in %.1fs)\n", strings.Join(parts, ", "), len(total.Files), elapsed.Seconds())

	if o.errors > 0 {
		for _, k := range tempeval.Kinds {
			if len(o.kinds) > 0 && !containsKind(o.kinds, k) {
				continue
			}
			errs := total.Errors(k)
			fmt.Fprintf(w, "\n== %s: %d", k, len(errs))
			if len(errs) > o.errors {
				fmt.Fprintf(w, " (first %d)", o.errors)
				errs = errs[:o.errors]
			}
			fmt.Fprintln(w)
			for _, e := range errs {
				fmt.Fprintln(w, e)
			}
		}
	}
	if o.rules {
		fmt.Fprintln(w)
		return writeRules(w, results)
	}
	return nil
}

func countKinds(errs []tempeval.Error) map[tempeval.Kind]int {
	n := map[tempeval.Kind]int{}
	for _, e := range errs {
		n[e.Kind]++
	}
	return n
}

func containsKind(ks []tempeval.Kind, k tempeval.Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// ruleStats are the results of one extractor rule.
type ruleStats struct {
	found, spurious, strict, extent, value, typ int
}

// writeRules prints a table of results per rule, the worst precision
// first. Extent, value and type errors are counted on the system
// expressions paired with a gold one.
func writeRules(w io.Writer, results []result) error {
	stats := map[string]*ruleStats{}
	get := func(rule string) *ruleStats {
		if rule == "" {
			rule = "(none)"
		}
		if stats[rule] == nil {
			stats[rule] = &ruleStats{}
		}
		return stats[rule]
	}
	for _, r := range results {
		if r.err != nil {
			continue
		}
		for _, s := range r.system {
			st := get(s.ID)
			st.found++
			for _, g := range r.gold {
				if g.Start == s.Start && g.End == s.End && g.End > g.Start {
					st.strict++
					break
				}
			}
		}
		for _, e := range r.res.Errors {
			if e.System == nil {
				continue
			}
			st := get(e.System.ID)
			switch e.Kind {
			case tempeval.Spurious:
				st.spurious++
			case tempeval.Extent:
				st.extent++
			case tempeval.Value:
				st.value++
			case tempeval.Type:
				st.typ++
			}
		}
	}
	names := make([]string, 0, len(stats))
	for n := range stats {
		names = append(names, n)
	}
	prec := func(s *ruleStats) float64 { return float64(s.found-s.spurious) / float64(s.found) }
	sort.Slice(names, func(i, j int) bool {
		a, b := stats[names[i]], stats[names[j]]
		if pa, pb := prec(a), prec(b); pa != pb {
			return pa < pb
		}
		if a.found != b.found {
			return a.found > b.found
		}
		return names[i] < names[j]
	})
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "rule\tfound\tspurious\trelaxed P\tstrict\textent err\tvalue err\ttype err\t")
	for _, n := range names {
		s := stats[n]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%d\t%d\t%d\t%d\t\n", n, s.found, s.spurious, pc(prec(s)), s.strict, s.extent, s.value, s.typ)
	}
	return tw.Flush()
}

// jsonReport is what -json prints.
type jsonReport struct {
	Files  []jsonFile       `json:"files"`
	Total  tempeval.Counts  `json:"total"`
	Scores tempeval.Scores  `json:"scores"`
	Errors []tempeval.Error `json:"errors"`
}

type jsonFile struct {
	Path   string          `json:"path"`
	Counts tempeval.Counts `json:"counts"`
	Scores tempeval.Scores `json:"scores"`
	Error  string          `json:"error,omitempty"`
}

func writeJSON(w io.Writer, results []result) error {
	var total tempeval.Report
	out := jsonReport{Files: []jsonFile{}}
	for _, r := range results {
		f := jsonFile{Path: r.path}
		if r.err != nil {
			f.Error = r.err.Error()
		} else {
			total.Add(r.res)
			f.Counts, f.Scores = r.res.Counts, r.res.Scores()
		}
		out.Files = append(out.Files, f)
	}
	out.Total, out.Scores = total.Total, total.Total.Scores()
	out.Errors = total.Errors()
	if out.Errors == nil {
		out.Errors = []tempeval.Error{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
