package timeline

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenCases are the inputs whose whole timelines are kept as golden
// JSON: the seed and short texts written for the purpose.
var goldenCases = []struct{ name, input string }{
	{"seed", seedPath},
	{"narrative", "../testdata/narrative.txt"},
	{"no-dateline", "../testdata/no-dateline.txt"},
}

// TestGolden compares whole timelines with the files under
// testdata/golden. Run with -update after a reviewed change.
func TestGolden(t *testing.T) {
	x, err := New()
	require.NoError(t, err)
	for _, c := range goldenCases {
		t.Run(c.name, func(t *testing.T) {
			raw, err := os.ReadFile(c.input)
			require.NoError(t, err)
			tl, err := x.Extract(context.Background(), Document{ID: filepath.Base(c.input), Text: string(raw)})
			require.NoError(t, err)
			var got bytes.Buffer
			require.NoError(t, WriteJSON(&got, tl))
			path := filepath.Join("..", "testdata", "golden", c.name+".json")
			if *update {
				require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
				require.NoError(t, os.WriteFile(path, got.Bytes(), 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test ./timeline -run TestGolden -update")
			require.Equal(t, string(want), got.String())
		})
	}
}
