package main

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/eventline/eventline/timeline/timeml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	out := t.TempDir()
	in := []string{"../../timeline/timeml/testdata/news.tml", "../../timeline/timeml/testdata/plain.tml.TE3input"}
	var stdout, stderr bytes.Buffer
	require.NoError(t, run(append([]string{"-out", out}, in...), &stdout, &stderr), stderr.String())
	assert.Contains(t, stdout.String(), filepath.Join(out, "plain.tml")+": ")
	for _, f := range in {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		orig, err := timeml.Parse(src)
		require.NoError(t, err)
		name := filepath.Base(f)
		if filepath.Ext(name) == ".TE3input" {
			name = name[:len(name)-len(".TE3input")]
		}
		written, err := os.ReadFile(filepath.Join(out, name))
		require.NoError(t, err)
		d, err := timeml.Parse(written)
		require.NoError(t, err)
		assert.Equal(t, orig.Text, d.Text)
		assert.Equal(t, orig.DCT, d.DCT)
		assert.Equal(t, len(orig.Events), len(d.Events))
		for i, tx := range d.Timexes {
			assert.Equal(t, "t"+strconv.Itoa(i+1), tx.TID)
		}
	}

	// Errors: no -out, unreadable file, malformed file.
	assert.Error(t, run([]string{"x.tml"}, &stdout, &stderr))
	bad := filepath.Join(t.TempDir(), "bad.tml")
	require.NoError(t, os.WriteFile(bad, []byte("<TimeML><TEXT>x"), 0o644))
	stderr.Reset()
	assert.Error(t, run([]string{"-out", out, bad, "missing.tml"}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "unclosed <TEXT>")
}

// TestRunWorkers: the reports come in the order of the arguments and the
// files written are the same with one worker and with several, and with
// the event stage run or not; of two inputs with one base name, the last
// is written and the other named.
func TestRunWorkers(t *testing.T) {
	dir := t.TempDir()
	news, err := os.ReadFile("../../timeline/timeml/testdata/news.tml")
	require.NoError(t, err)
	plain, err := os.ReadFile("../../timeline/timeml/testdata/plain.tml.TE3input")
	require.NoError(t, err)
	var in []string
	for i := range 6 {
		p := filepath.Join(dir, "in", strconv.Itoa(i)+".tml")
		if i%2 == 1 {
			p += ".TE3input"
		}
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, [][]byte{news, plain}[i%2], 0o644))
		in = append(in, p)
	}
	// a second "0.tml", holding the plain document
	twin := filepath.Join(dir, "other", "0.tml")
	require.NoError(t, os.MkdirAll(filepath.Dir(twin), 0o755))
	require.NoError(t, os.WriteFile(twin, plain, 0o644))
	in = append(in, twin)

	// one worker, four, and four with the event stage: the same files
	outputs := map[string]string{}
	for _, flags := range [][]string{{"-workers", "1"}, {"-workers", "4"}, {"-workers", "4", "-events"}} {
		key := strings.Join(flags, " ")
		out := filepath.Join(dir, "out"+strconv.Itoa(len(outputs)))
		var stdout, stderr bytes.Buffer
		args := append(append([]string{"-out", out}, flags...), in...)
		require.NoError(t, run(args, &stdout, &stderr), stderr.String())
		lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
		require.Len(t, lines, len(in))
		for i, p := range in {
			name := strings.TrimSuffix(filepath.Base(p), ".TE3input")
			assert.True(t, strings.HasPrefix(lines[i], filepath.Join(out, name)+": "), lines[i])
		}
		assert.Equal(t, "timeml: "+in[0]+": not written: "+twin+" has the same name\n", stderr.String())
		written, err := os.ReadFile(filepath.Join(out, "0.tml"))
		require.NoError(t, err)
		d, err := timeml.Parse(written)
		require.NoError(t, err)
		orig, err := timeml.Parse(plain)
		require.NoError(t, err)
		assert.Equal(t, orig.Text, d.Text, "the last input named 0.tml is the one written")
		var all strings.Builder
		for i := range 6 {
			b, err := os.ReadFile(filepath.Join(out, strconv.Itoa(i)+".tml"))
			require.NoError(t, err)
			all.Write(b)
		}
		outputs[key] = all.String()
	}
	assert.Equal(t, outputs["-workers 1"], outputs["-workers 4"])
	assert.Equal(t, outputs["-workers 4"], outputs["-workers 4 -events"])
}

// TestRunRefusesOverwrite: an input that -out would overwrite (a .tml
// file in the output folder, or a link to it) is left as it was and
// counted as failed.
func TestRunRefusesOverwrite(t *testing.T) {
	dir := t.TempDir()
	news, err := os.ReadFile("../../timeline/timeml/testdata/news.tml")
	require.NoError(t, err)
	in := filepath.Join(dir, "news.tml")
	require.NoError(t, os.WriteFile(in, news, 0o644))
	other := t.TempDir()
	link := filepath.Join(other, "news.tml")
	require.NoError(t, os.Symlink(in, link))
	for _, path := range []string{in, link} {
		var stdout, stderr bytes.Buffer
		err := run([]string{"-out", dir, path}, &stdout, &stderr)
		assert.Error(t, err)
		assert.Contains(t, stderr.String(), path+": -out would overwrite the input")
		got, err := os.ReadFile(in)
		require.NoError(t, err)
		assert.Equal(t, news, got)
	}
}

// TestRunInterleaves: what goes to stdout (buffered) and to stderr comes
// in the order of the files when both are one writer: a file's warnings,
// then its report, then the next file's.
func TestRunInterleaves(t *testing.T) {
	dir := t.TempDir()
	plain, err := os.ReadFile("../../timeline/timeml/testdata/plain.tml.TE3input")
	require.NoError(t, err)
	var in []string
	for i, sub := range []string{"a", "b", "a", "b"} {
		p := filepath.Join(dir, sub, strconv.Itoa(i/2)+".tml")
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, plain, 0o644))
		in = append(in, p)
	}
	out := filepath.Join(dir, "out")
	var both bytes.Buffer
	require.NoError(t, run(append([]string{"-out", out}, in...), &both, &both))
	var want []string
	for i, p := range in {
		if i%2 == 0 {
			want = append(want, "timeml: "+p+": not written: "+in[i+1]+" has the same name")
		}
		want = append(want, filepath.Join(out, filepath.Base(p))+": ")
	}
	lines := strings.Split(strings.TrimSuffix(both.String(), "\n"), "\n")
	require.Len(t, lines, len(want), both.String())
	for i, l := range lines {
		assert.True(t, strings.HasPrefix(l, want[i]), "line %d: %q, want %q…", i, l, want[i])
	}
}

// TestDeferFirstGC: the collector is off under a memory limit until the
// first collection, then at batchGCPercent with no limit.
func TestDeferFirstGC(t *testing.T) {
	percent := debug.SetGCPercent(100)
	limit := debug.SetMemoryLimit(-1)
	defer func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}()
	deferFirstGC()
	require.Equal(t, int64(firstGCHeap), debug.SetMemoryLimit(-1))
	// the cleanup runs on a goroutine of its own after a collection
	for i := 0; i < 10000 && debug.SetMemoryLimit(-1) != math.MaxInt64; i++ {
		if i%100 == 0 {
			runtime.GC()
		}
		runtime.Gosched()
	}
	require.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(-1))
	assert.Equal(t, batchGCPercent, debug.SetGCPercent(percent))
}
