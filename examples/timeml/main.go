// Command timeml annotates TimeML documents with the extractor's temporal
// expressions.
//
//	go run ./examples/timeml -out DIR [-mode auto|news|narrative] FILE...
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
// Score the output against gold with the TempEval-3 toolkit, or with
// te3eval, which does the whole loop in one go.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/eventline/eventline/examples/internal/te3"
	"github.com/eventline/eventline/timeline"
	"github.com/eventline/eventline/timeline/timeml"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "timeml:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("timeml", flag.ContinueOnError)
	fs.SetOutput(stderr)
	outDir := fs.String("out", "", "folder to write the annotated documents to (created if missing)")
	modeFlag := fs.String("mode", "auto", "anchoring of relative dates: auto, news or narrative")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: timeml -out DIR [-mode auto|news|narrative] FILE...")
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
	if err := os.MkdirAll(*outDir, 0o755); err != nil {
		return err
	}
	x, err := timeline.New()
	if err != nil {
		return err
	}
	ctx := context.Background()
	failed := 0
	for _, path := range fs.Args() {
		if err := annotate(ctx, x, mode, path, *outDir, stdout, stderr); err != nil {
			fmt.Fprintln(stderr, "timeml:", err)
			failed++
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files failed", failed, fs.NArg())
	}
	return nil
}

func annotate(ctx context.Context, x *timeline.Extractor, mode timeline.Mode, path, outDir string, stdout, stderr io.Writer) error {
	doc, src, err := te3.ReadFile(path)
	if err != nil {
		return err
	}
	name := strings.TrimSuffix(filepath.Base(path), ".TE3input")
	exprs, err := te3.Extract(ctx, x, name, doc, mode)
	if err != nil {
		return err
	}
	anns := te3.Annotations(exprs)
	out, adj, err := timeml.Write(src, anns)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	dest := filepath.Join(outDir, name)
	if same(dest, path) {
		return fmt.Errorf("%s: -out would overwrite the input", path)
	}
	if err := os.WriteFile(dest, out, 0o644); err != nil {
		return err
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

// same reports whether two paths name the same file.
func same(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}
