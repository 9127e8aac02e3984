// Command naivewhen is the speed baseline eventline is measured against:
// the way a Go user would find every date with github.com/olebedev/when
// alone, calling Parse again on the rest of the text after each match.
//
//	go run ./examples/naivewhen FILE...
//
// Each FILE is a TimeML document (a .tml file or a TempEval-3 .TE3input
// file); the loop runs on the raw text of its TEXT, with the creation time
// of its DCT as when's reference time. It prints one summary line: files,
// bytes of text, expressions found, and the files where when failed
// (when's error does not say where, so the rest of such a file is lost).
// scripts/bench-timeml.sh times it against examples/timeml on the same
// files.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/eventline/eventline/examples/internal/te3"
	"github.com/olebedev/when"
	"github.com/olebedev/when/rules/common"
	"github.com/olebedev/when/rules/en"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "naivewhen:", err)
		os.Exit(1)
	}
}

// summary is what the loop found over all files.
type summary struct {
	files, bytes, found, failed int
}

func run(args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" {
		return errors.New("usage: naivewhen FILE...")
	}
	w := when.New(nil)
	w.Add(en.All...)
	w.Add(common.All...)
	var s summary
	for _, path := range args {
		doc, _, err := te3.ReadFile(path)
		if err != nil {
			return err
		}
		// when needs a reference time; a document without a DCT gets a
		// fixed one, as when has no way to read a dateline
		base := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		if doc.DCT != nil {
			if t, _, err := te3.ParseDCT(doc.DCT.Value); err == nil {
				base = t
			}
		}
		found, failed := naiveLoop(w, doc.Text, base)
		s.files++
		s.bytes += len(doc.Text)
		s.found += found
		if failed {
			s.failed++
		}
	}
	_, err := fmt.Fprintf(stdout, "%d files, %d bytes of text, %d expressions, when failed in %d files\n", s.files, s.bytes, s.found, s.failed)
	return err
}

// naiveLoop calls w.Parse on text, then again on the rest after each
// match, and counts the matches.
func naiveLoop(w *when.Parser, text string, base time.Time) (found int, failed bool) {
	rest := text
	for rest != "" {
		r, err := w.Parse(rest, base)
		if err != nil {
			return found, true
		}
		if r == nil {
			break
		}
		found++
		rest = rest[max(r.Index+len(r.Text), 1):]
	}
	return found, false
}
