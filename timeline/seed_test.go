package timeline

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const seedPath = "../seeds/000_b4ef29c311dfde9a.txt"

// TestSeedChronology checks the chronology of the seed article against
// the one a reader draws from it (issue 2's table).
func TestSeedChronology(t *testing.T) {
	raw, err := os.ReadFile(seedPath)
	require.NoError(t, err)
	text := string(raw)
	x, err := New()
	require.NoError(t, err)
	tl, err := x.Extract(context.Background(), Document{ID: "seed", Text: text})
	require.NoError(t, err)

	require.Len(t, tl.Documents, 1)
	assert.Equal(t, "2023-09-19T20:07", tl.Documents[0].DCT.Value)
	assert.Equal(t, News, tl.Documents[0].Mode)

	want := []struct {
		date, sentencePrefix string
		actors               []string
	}{
		{"1988", "Armenia and Azerbaijan have been at loggerheads", []string{"Armenia", "Azerbaijan"}},
		{"1994", "Peace talks have been held since 1994", nil},
		{"2020-09-27", "A new round of armed conflict broke out", nil},
		{"2020-11-09", "A new round of armed conflict broke out", []string{"Russia"}},
		{"2023-07-28", "A bridge and a checkpoint are seen", nil},
		{"2023-09-19", "Russia said on Tuesday it was in contact", []string{"Russia", "Azerbaijan"}},
		{"2023-09-19", "The Russian remarks came after Azerbaijan on Tuesday launched", []string{"Azerbaijan"}},
		{"2023-09-19", "Later on Tuesday, Armenia's Foreign Ministry condemned", []string{"Armenia", "Azerbaijan", "UN Security Council", "Russia"}},
	}
	require.Len(t, tl.Events, len(want), "one event per dated sentence, the caption once")
	for i, w := range want {
		e := tl.Events[i]
		assert.Equal(t, w.date, e.Date.Value, "event %d", i)
		assert.True(t, strings.HasPrefix(e.Sentence.Text, w.sentencePrefix), "event %d: %q", i, e.Sentence.Text)
		assert.Equal(t, e.Sentence.Text, text[e.Sentence.Start:e.Sentence.End], "event %d: sentence span", i)
		assert.Equal(t, e.Date.Text, text[e.Date.Start:e.Date.End], "event %d: date span", i)
		names := map[string]bool{}
		for _, a := range append(append([]Actor{}, e.Actors...), e.Recipients...) {
			names[a.Name] = true
		}
		for _, a := range w.actors {
			assert.True(t, names[a], "event %d (%s): actor %s missing from %v", i, w.date, a, names)
		}
	}
	for _, e := range tl.Events {
		for _, bad := range []string{"Download", "Search Trends", "(With input from agencies)"} {
			assert.NotContains(t, e.Sentence.Text, bad)
		}
	}
	// the weekday is read as the latest Tuesday on or before the DCT
	var tuesdays int
	for _, ex := range tl.Expressions {
		if ex.Text == "Tuesday" {
			tuesdays++
			assert.Equal(t, "2023-09-19", ex.Value)
			assert.Equal(t, Day, ex.Granularity)
		}
	}
	assert.Equal(t, 3, tuesdays)
}
