package timeml

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"
)

// testdataFiles returns the paths of the hand-written documents.
func testdataFiles(t testing.TB) []string {
	t.Helper()
	var files []string
	for _, pat := range []string{"*.tml", "*.TE3input"} {
		m, err := filepath.Glob(filepath.Join("testdata", pat))
		require.NoError(t, err)
		files = append(files, m...)
	}
	require.NotEmpty(t, files)
	return files
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

// timexContentRE finds the content of TIMEX3 elements without nested tags,
// independently of the reader; empty-element TIMEX3 are matched with an
// empty content.
var timexContentRE = regexp.MustCompile(`(?s)<TIMEX3\b[^>]*?(?:/>|>(.*?)</TIMEX3\s*>)`)

// goldContents returns the decoded content of each TIMEX3 inside TEXT, in
// order, as found by a regular expression on the file.
func goldContents(t testing.TB, src []byte) []string {
	t.Helper()
	start := regexp.MustCompile(`<TEXT\b[^>]*>`).FindIndex(src)
	require.NotNil(t, start, "no <TEXT>")
	end := regexp.MustCompile(`</TEXT\s*>`).FindIndex(src)
	require.NotNil(t, end, "no </TEXT>")
	var out []string
	for _, m := range timexContentRE.FindAllSubmatch(src[start[1]:end[0]], -1) {
		out = append(out, plainText(m[1]))
	}
	return out
}

// checkDoc checks what every well-read document satisfies.
func checkDoc(t testing.TB, name string, src []byte, d *Doc) {
	t.Helper()
	want := goldContents(t, src)
	require.Len(t, d.Timexes, len(want), name)
	for i, tx := range d.Timexes {
		require.Equal(t, want[i], tx.Span.In(d.Text), "%s: %s", name, tx.TID)
		require.Equal(t, tx.Text, tx.Span.In(d.Text), "%s: %s", name, tx.TID)
	}
	for _, e := range d.Events {
		require.Equal(t, e.Text, e.Span.In(d.Text), "%s: %s", name, e.EID)
	}
	out, adj, err := Write(src, d.Annotations())
	require.NoError(t, err, name)
	require.Empty(t, adj, name)
	require.Equal(t, string(src), string(out), "%s: round trip", name)
}
