package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const corpus = "../../testdata/corpus/articles.jsonl"

func runOK(t *testing.T, stdin string, args ...string) (string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	require.NoError(t, run(context.Background(), args, strings.NewReader(stdin), &out, &errOut), "stderr: %s", errOut.String())
	return out.String(), errOut.String()
}

func TestSingleFileAsBefore(t *testing.T) {
	out, stderr := runOK(t, "", "../../seeds/000_b4ef29c311dfde9a.txt")
	assert.True(t, strings.HasPrefix(out, "# 000_b4ef29c311dfde9a.txt  DCT 2023-09-19T20:07"), out)
	assert.Empty(t, stderr, "no progress bar in a pipe")
	js, _ := runOK(t, "", "-format", "json", "../../seeds/000_b4ef29c311dfde9a.txt")
	assert.Contains(t, js, `"expressions": [`, "a lone document keeps its expressions")
	assert.NotContains(t, js, `"expressions": []`)
}

// TestCorpusDeterministic runs the corpus with different worker counts
// and input orders: the output must not change.
func TestCorpusDeterministic(t *testing.T) {
	raw, err := os.ReadFile(corpus)
	require.NoError(t, err)
	lines := strings.SplitAfter(strings.TrimSpace(string(raw)), "\n")
	dir := t.TempDir()
	reversed := filepath.Join(dir, "reversed.jsonl")
	rl := slices.Clone(lines)
	slices.Reverse(rl)
	for i := range rl {
		rl[i] = strings.TrimSuffix(rl[i], "\n") + "\n"
	}
	require.NoError(t, os.WriteFile(reversed, []byte(strings.Join(rl, "")), 0o644))
	// the same articles split over files in nested directories
	for i, l := range lines {
		p := filepath.Join(dir, "tree", string(rune('a'+i%3)), "part"+string(rune('0'+i))+".jsonl")
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(l), 0o644))
	}
	for _, format := range []string{"text", "json", "jsonl", "csv", "html"} {
		want, _ := runOK(t, "", "-workers", "1", "-format", format, corpus)
		for _, args := range [][]string{
			{"-workers", "4", corpus},
			{"-workers", "3", reversed},
			{"-workers", "2", filepath.Join(dir, "tree")},
		} {
			got, _ := runOK(t, "", append([]string{"-format", format}, args...)...)
			assert.True(t, dropSource(want) == dropSource(got), "%s %v differs", format, args)
		}
		got, _ := runOK(t, string(raw), "-format", format, "-workers", "2")
		assert.True(t, dropSource(want) == dropSource(got), "%s from stdin differs", format)
	}
}

// dropSource removes the documents' Source (their file path) from JSON,
// the one thing that differs when the same articles come from other files.
func dropSource(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if !strings.HasPrefix(strings.TrimSpace(l), `"source": `) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func TestCorpusMerged(t *testing.T) {
	out, _ := runOK(t, "", corpus)
	assert.Contains(t, out, "# wire-101  DCT 2023-09-19T20:07")
	assert.Regexp(t, `2023-09-19 .*military offensive.*\[3 sources\]`, out)
	assert.Regexp(t, `2023-09-20 .*ceasefire .*on Wednesday.*\[conflicts: 2023-09-21\]`, out)
	sep, _ := runOK(t, "", "-merge=false", corpus)
	assert.NotContains(t, sep, "sources]")
	assert.Greater(t, strings.Count(sep, "\n"), strings.Count(out, "\n"))
}

func TestFlags(t *testing.T) {
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"-format", "nope", corpus}, nil, &out, &errOut)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "unknown -format")
	err = run(context.Background(), []string{"-mode", "nope", corpus}, nil, &out, &errOut)
	require.Error(t, err)

	// a bad line is skipped with a warning, the rest goes on
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	require.NoError(t, os.WriteFile(bad, []byte("{oops\n{\"id\":\"x\",\"published\":\"2023-09-19\",\"text\":\"Azerbaijan launched an offensive on Tuesday.\"}\n"), 0o644))
	o, stderr := runOK(t, "", bad)
	assert.Contains(t, stderr, "skipping")
	assert.Contains(t, o, "2023-09-19")

	// -o writes a file
	path := filepath.Join(t.TempDir(), "tl.csv")
	o, _ = runOK(t, "", "-format", "csv", "-o", path, corpus)
	assert.Empty(t, o)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), "id,date,granularity"))

	// -progress always draws on stderr
	_, stderr = runOK(t, "", "-progress", "always", corpus)
	assert.Contains(t, stderr, "6 docs")
	assert.Contains(t, stderr, "ETA")
}
