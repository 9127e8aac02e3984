package timeline

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pastCueReference is the regular expression findPastCues implements.
var pastCueReference = regexp.MustCompile(`(?i)\b(?:was|were|had|did|said|told|met|went|came|took|gave|made|began|left|saw|fell|rose|won|lost|sold|bought|held|led|fought|ran|struck|spoke|wrote|became|sent|brought|paid|kept|set\s+off|broke|ago|earlier|last|[a-z]{2,}ed)\b`)

func pastCueSpans(s string) [][]int {
	var out [][]int
	findPastCues(s, func(a, b int) { out = append(out, []int{a, b}) })
	return out
}

func TestFindPastCues(t *testing.T) {
	for _, tc := range []struct {
		text string
		want [][]int
	}{
		{"", nil},
		{"He said it was over.", [][]int{{3, 7}, {11, 14}}},
		{"They SET OFF at dawn and set  off again; the reset off", [][]int{{5, 12}, {25, 33}}},
		{"setoff set-off set", nil},
		{"bed fed need2ed ab_ed red_ Red", nil},
		{"Internationalized standardized.", [][]int{{0, 17}, {18, 30}}},
		{"caféed Saidé aged", [][]int{{8, 12}, {15, 19}}},
		{"two days ago, LAST week, earlier", [][]int{{9, 12}, {14, 18}, {25, 32}}},
	} {
		assert.Equal(t, tc.want, pastCueSpans(tc.text), tc.text)
		if tc.want != nil {
			assert.Equal(t, pastCueReference.FindAllStringIndex(tc.text, -1), tc.want, "reference on %q", tc.text)
		}
	}
}

// TestFindPastCuesMatchesReference: the scanner finds what the regular
// expression finds on real text (the seed and the test documents).
func TestFindPastCuesMatchesReference(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(moduleRoot(t), "testdata", "*.txt"))
	require.NoError(t, err)
	files = append(files, filepath.Join(moduleRoot(t), "seeds", "000_b4ef29c311dfde9a.txt"))
	n := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		require.NoError(t, err)
		s := string(raw)
		want := pastCueReference.FindAllStringIndex(s, -1)
		assert.Equal(t, want, pastCueSpans(s), f)
		n += len(want)
	}
	assert.Greater(t, n, 50)
}

// FuzzPastCues: the scanner and the regular expression agree on any
// text, save texts with ſ or the Kelvin sign, which (?i) folds to the
// ASCII letters s and k and the scanner, reading ASCII words, does not.
func FuzzPastCues(f *testing.F) {
	for _, s := range []string{"He said it was over.", "set \t off", "baked", "x_ed ed", "Saidé"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsAny(s, "\u017F\u212A") {
			t.Skip()
		}
		want := pastCueReference.FindAllStringIndex(s, -1)
		got := pastCueSpans(s)
		if len(want) == 0 && len(got) == 0 {
			return
		}
		assert.Equal(t, want, got)
	})
}
