package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
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
