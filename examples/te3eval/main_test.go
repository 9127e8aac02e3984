package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testdata = "../../timeline/timeml/testdata"

func TestRunText(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run([]string{"-v", "-errors", "2", "-rules", testdata}, &stdout, &stderr)
	require.NoError(t, err, stderr.String())
	out := stdout.String()
	assert.Contains(t, out, "news.tml")
	assert.Contains(t, out, "TOTAL")
	assert.Contains(t, out, "relaxed P")
	assert.Contains(t, out, "errors: missed ")
	assert.Contains(t, out, "== missed: ")
	assert.Contains(t, out, "rule")
}

func TestRunJSON(t *testing.T) {
	var stdout, stderr bytes.Buffer
	require.NoError(t, run([]string{"-json", testdata}, &stdout, &stderr), stderr.String())
	var rep jsonReport
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &rep))
	assert.Len(t, rep.Files, 3) // news, narrative, odd: not the .TE3input
	// news.tml 6 + narrative.tml 4 + odd.tml 3 (the empty TIMEX3 is not scored)
	assert.Equal(t, 13, rep.Total.Gold)
}

func TestRunErrors(t *testing.T) {
	var stdout, stderr bytes.Buffer
	assert.Error(t, run(nil, &stdout, &stderr))
	assert.Error(t, run([]string{"-kind", "bogus", testdata}, &stdout, &stderr))
	assert.Error(t, run([]string{t.TempDir()}, &stdout, &stderr))
}
