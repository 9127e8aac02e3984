package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/olebedev/when"
	"github.com/olebedev/when/rules/common"
	"github.com/olebedev/when/rules/en"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNaiveLoopFindsEachMatchOnce(t *testing.T) {
	w := when.New(nil)
	w.Add(en.All...)
	w.Add(common.All...)
	base := time.Date(1998, 2, 27, 12, 0, 0, 0, time.UTC)
	// two expressions when knows ("yesterday", "tomorrow") and none in
	// the last sentence
	found, failed := naiveLoop(w, "He left yesterday. She comes back tomorrow. Nothing here.", base)
	assert.False(t, failed)
	assert.Equal(t, 2, found)
	found, failed = naiveLoop(w, "", base)
	assert.Equal(t, 0, found)
	assert.False(t, failed)
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.tml.TE3input")
	src := `<?xml version="1.0" ?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27" functionInDocument="CREATION_TIME">02/27/1998</TIMEX3></DCT><TEXT>He left yesterday.</TEXT></TimeML>`
	require.NoError(t, os.WriteFile(f, []byte(src), 0o644))
	var out bytes.Buffer
	require.NoError(t, run([]string{f}, &out))
	assert.Equal(t, "1 files, 18 bytes of text, 1 expressions, when failed in 0 files\n", out.String())

	assert.Error(t, run(nil, &out))
	assert.Error(t, run([]string{filepath.Join(dir, "missing.tml")}, &out))
}
