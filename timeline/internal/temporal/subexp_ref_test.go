package temporal

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// subexpNamesRef is how rule read its group names before subexpNames:
// from the compiled expression. ok is false when src does not compile.
func subexpNamesRef(src string) (names []string, ok bool) {
	re, err := regexp.Compile(src)
	if err != nil {
		return nil, false
	}
	return re.SubexpNames(), true
}

// checkSubexpNames compares subexpNames with the reference on src, when
// src compiles, and reports whether it did.
func checkSubexpNames(t *testing.T, src string) bool {
	t.Helper()
	want, ok := subexpNamesRef(src)
	if !ok {
		return false
	}
	if got := subexpNames(src); !slices.Equal(got, want) {
		t.Fatalf("%q: %q, want %q", src, got, want)
	}
	return true
}

// trickyGroupPatterns hold groups and parentheses in the places a
// reading of the groups alone can get wrong.
var trickyGroupPatterns = []string{
	`(a)(?:b)(?i)(?i:c)(?P<d>e)(?<f>g)((?P<h>i))`,
	`\(\)(a)\\(b)`, `\Q(a)\E(b)`, `\Q(a)`, `\Q\\E(a)`, `x\Q\E(y)`,
	`[(](a)`, `[^(](a)`, `[]()](a)`, `[^]()](a)`, `[\]()](a)`, `[[(]](a)`,
	`[[:alpha:](](a)`, `[^[:^digit:]()](a)`, `[!-[:](a)`, `[!-[:](a):]`,
	`[\pL-[:alpha:](](a)`, `[\p{Greek}-[:alpha:](](a)`, `[\d-[:alpha:](](a)`,
	`[!-\x7e-[:alpha:](](a)`, `[!-\x{7e}-[:alpha:](](a)`, `[!-\176-[:alpha:](](a)`,
	`[!-é-[:alpha:](](a)`, `[é-ꝏ-[:alpha:](](a)`, `[\x28](a)`, `\x28(a)`, `\050(a)`,
	`(?i)(?P<year>\d{4})[-/](?P<month>\d{1,2})`, `(?P<a>x)|(?P<a>y)`, `()`, `(())`,
}

// TestSubexpNamesMatchesReference: subexpNames gives the compiled
// expressions' group names for the built-in rules, the patterns of the
// tables, odd patterns, the lines of the corpora and random patterns
// that compile.
func TestSubexpNamesMatchesReference(t *testing.T) {
	var srcs []string
	for _, r := range append(English(), edgeRules()...) {
		srcs = append(srcs, r.source())
	}
	if ix := embeddedPatterns(); ix != nil {
		for src := range ix.starters {
			srcs = append(srcs, src)
		}
	}
	srcs = append(srcs, trickyGroupPatterns...)
	for _, src := range srcs {
		if !checkSubexpNames(t, src) {
			t.Fatalf("%q does not compile", src)
		}
	}
	lines := 0
	for _, line := range corpusLines(t) {
		if checkSubexpNames(t, line) {
			lines++
		}
	}
	t.Logf("%d corpus lines compiled", lines)
	rng := rand.New(rand.NewPCG(31, 7))
	compiled := 0
	for range 200000 {
		if checkSubexpNames(t, randomGroupPattern(rng)) {
			compiled++
		}
	}
	t.Logf("%d random patterns compiled", compiled)
	if compiled < 1000 {
		t.Fatalf("only %d random patterns compiled", compiled)
	}
}

// randomGroupPattern is a short pattern of the bytes that open and
// close groups and classes, escapes and their arguments.
func randomGroupPattern(rng *rand.Rand) string {
	pieces := []string{"(", ")", "(?", "(?:", "(?i)", "(?P<", "(?<", ">", "n", "[", "]", "[^", "[:", ":]",
		"[:alpha:]", "-", "\\", `\Q`, `\E`, `\x`, `\x{`, "}", "{", "7", "0", "p", "L", "d", "é", "!", "a", "|", "*"}
	var b strings.Builder
	for range rng.IntN(12) {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// corpusLines returns the lines of the TBAQ files under the shared
// corpora, or none when they are absent.
func corpusLines(t *testing.T) []string {
	dir := os.Getenv("EVENTLINE_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "..", "shared", "data")
		if _, err := os.Stat(dir); err != nil {
			dir = filepath.Join("..", "..", "..", "..", "..", "shared", "data")
		}
	}
	var lines []string
	filepath.WalkDir(filepath.Join(dir, "tbaq"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".tml") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err == nil {
			lines = append(lines, strings.Split(string(b), "\n")...)
		}
		return nil
	})
	if len(lines) == 0 {
		t.Log("no shared/data/tbaq: no corpus lines")
	}
	return lines
}

// FuzzSubexpNames compares subexpNames with the compiled expression's
// group names on the patterns that compile.
func FuzzSubexpNames(f *testing.F) {
	for _, src := range trickyGroupPatterns {
		f.Add(src)
	}
	for _, r := range English()[:20] {
		f.Add(r.source())
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkSubexpNames(t, src)
	})
}
