// Command mkte3input writes TempEval-3 style inputs from TimeML files:
// each file as is, but with every tag inside TEXT removed (the text
// between the tags, character references included, is kept byte for
// byte), named BASE.TE3input, COPIES times under OUT/c1, OUT/c2… (copy K
// named cK-BASE.TE3input for K > 1, so each output has its own name)
//
//	go run ./scripts/mkte3input -o DIR [-copies N] FILE|DIR...
//
// A DIR argument stands for the .tml files directly inside it.
// scripts/bench-timeml.sh uses it to build the whole-process speed test.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "mkte3input:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("mkte3input", flag.ContinueOnError)
	out := fs.String("o", "", "output folder")
	copies := fs.Int("copies", 1, "copies of each file, in OUT/c1, OUT/c2… (copy K named cK-NAME when K > 1, so no two outputs share a name)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() == 0 || *copies < 1 {
		return errors.New("usage: mkte3input -o DIR [-copies N] FILE|DIR...")
	}
	files, err := expand(fs.Args())
	if err != nil {
		return err
	}
	for c := 1; c <= *copies; c++ {
		dir := filepath.Join(*out, fmt.Sprintf("c%d", c))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		for _, f := range files {
			src, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			stripped, err := stripText(src)
			if err != nil {
				return fmt.Errorf("%s: %w", f, err)
			}
			name := filepath.Base(f) + ".TE3input"
			if c > 1 {
				name = fmt.Sprintf("c%d-%s", c, name)
			}
			if err := os.WriteFile(filepath.Join(dir, name), stripped, 0o644); err != nil {
				return err
			}
		}
	}
	fmt.Printf("%d files × %d copies in %s\n", len(files), *copies, *out)
	return nil
}

// expand replaces each folder by the .tml files directly inside it.
func expand(args []string) ([]string, error) {
	var files []string
	for _, a := range args {
		fi, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			files = append(files, a)
			continue
		}
		ms, err := filepath.Glob(filepath.Join(a, "*.tml"))
		if err != nil {
			return nil, err
		}
		files = append(files, ms...)
	}
	return files, nil
}

// stripText removes the tags between <TEXT> and </TEXT>.
func stripText(src []byte) ([]byte, error) {
	open := bytes.Index(src, []byte("<TEXT>"))
	end := bytes.LastIndex(src, []byte("</TEXT>"))
	if open < 0 || end < open {
		return nil, errors.New("no <TEXT>…</TEXT>")
	}
	open += len("<TEXT>")
	var b strings.Builder
	b.Grow(len(src))
	b.Write(src[:open])
	inTag := false
	for _, c := range src[open:end] {
		switch {
		case c == '<':
			inTag = true
		case c == '>' && inTag:
			inTag = false
		case !inTag:
			b.WriteByte(c)
		}
	}
	b.Write(src[end:])
	return []byte(b.String()), nil
}
