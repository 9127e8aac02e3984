package te3

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/eventline/eventline/timeline"
	"github.com/stretchr/testify/assert"
)

// parseDCTRef is ParseDCT as it was before it left out the layouts with
// a time of day for a value with no 'T' after its date: every layout
// tried, finest first.
func parseDCTRef(value string) (time.Time, timeline.Granularity, error) {
	v := strings.TrimSpace(value)
	for _, l := range dctLayouts {
		if t, err := time.Parse(l.layout, v); err == nil {
			return t, l.gran, nil
		}
	}
	return time.Time{}, timeline.Unknown, fmt.Errorf("creation time %q is not a calendar date", value)
}

// checkParseDCT holds ParseDCT to parseDCTRef on value.
func checkParseDCT(t *testing.T, value string) {
	t.Helper()
	want, wantG, wantErr := parseDCTRef(value)
	got, g, err := ParseDCT(value)
	assert.Equal(t, want, got, "%q", value)
	assert.Equal(t, wantG, g, "%q", value)
	if wantErr == nil {
		assert.NoError(t, err, "%q", value)
	} else if assert.Error(t, err, "%q", value) {
		assert.Equal(t, wantErr.Error(), err.Error())
	}
}

var dctValue = regexp.MustCompile(`value="([^"]*)"`)

// TestParseDCTMatchesRef: ParseDCT reads what every layout tried does,
// on the values of the corpora's TIMEX3 (when there) and on random
// values near the layouts' forms.
func TestParseDCTMatchesRef(t *testing.T) {
	paths, _ := filepath.Glob("../../../../shared/data/tbaq/*/*.tml")
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range dctValue.FindAllSubmatch(src, -1) {
			checkParseDCT(t, string(m[1]))
		}
	}
	bits := []string{"1998", "-", "01", "1", "08", "T", "t", " ", "06", ":", "18", "30", ".5", ",5", "Z", "+01:00", "+", "24", "60", "x"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(9) {
			b.WriteString(bits[rng.IntN(len(bits))])
		}
		checkParseDCT(t, b.String())
	}
	for _, v := range []string{"", "1998-01-08", "1998-01-08T", "1998-01-08T06", "1998-01-08t06", "1998-01-08 T06",
		" 1998-01-08T06:18:30.25 ", "1998-01-8T06", "+998-01-08T06", "1998-01-08T6:1", "1998-01-08T06:18:30Z"} {
		checkParseDCT(t, v)
	}
}

// FuzzParseDCT holds ParseDCT to parseDCTRef on any value.
func FuzzParseDCT(f *testing.F) {
	for _, v := range []string{"1998-01-08", "1998-08-07T06:18", "1998-08-07T06:18:30.5", " 2009-12 ", "PRESENT_REF"} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		checkParseDCT(t, v)
	})
}
