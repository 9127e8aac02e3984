package timeml

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// corpusDir returns the shared corpora folder, or "" when there is none:
// $EVENTLINE_DATA if set, else shared/data beside the module root (as in a
// clone next to shared/) or one level further up (as in a git worktree
// under the project folder).
func corpusDir(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("EVENTLINE_DATA"); d != "" {
		if fi, err := os.Stat(d); err != nil || !fi.IsDir() {
			return ""
		}
		return d
	}
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	for _, up := range []string{"..", filepath.Join("..", "..")} {
		data := filepath.Join(dir, up, "shared", "data")
		if fi, err := os.Stat(data); err == nil && fi.IsDir() {
			return data
		}
	}
	return ""
}

// TestCorpus reads every TimeML file of the shared corpora: each must
// parse, have a DCT, give each gold TIMEX3 the raw text its tag encloses,
// and be written back byte for byte.
func TestCorpus(t *testing.T) {
	data := corpusDir(t)
	if data == "" {
		t.Skip("no shared/data beside the module root and EVENTLINE_DATA unset")
	}
	files, timexes, events := 0, 0, 0
	err := filepath.WalkDir(data, func(path string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if de.IsDir() || !(strings.HasSuffix(path, ".tml") || strings.HasSuffix(path, ".TE3input")) {
			return nil
		}
		src, err := os.ReadFile(path)
		require.NoError(t, err)
		d, err := Parse(src)
		require.NoError(t, err, path)
		checkDoc(t, path, src, d)
		require.NotNil(t, d.DCT, path)
		assert.NotEmpty(t, d.DCT.Value, path)
		assert.NotEmpty(t, d.Text, path)
		for _, e := range d.Events {
			assert.NotEmpty(t, e.EID, path)
		}
		files++
		timexes += len(d.Timexes)
		events += len(d.Events)
		return nil
	})
	require.NoError(t, err)
	if files == 0 {
		t.Skip("no TimeML files under " + data)
	}
	t.Logf("%d files, %d TIMEX3 in TEXT, %d EVENT", files, timexes, events)
}
