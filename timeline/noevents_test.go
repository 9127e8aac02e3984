package timeline

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// checkNoEvents extracts doc with and without the event stage: the
// expressions, the document's information and the diagnostics made
// before the event stage must be the same, and no event made.
func checkNoEvents(t *testing.T, full, bare *Extractor, doc Document) {
	t.Helper()
	ctx := context.Background()
	want, err := full.Extract(ctx, doc)
	require.NoError(t, err)
	got, err := bare.Extract(ctx, doc)
	require.NoError(t, err)
	require.Equal(t, want.Expressions, got.Expressions, "expressions of %.80q", doc.Text)
	require.Equal(t, want.Documents, got.Documents, "document of %.80q", doc.Text)
	require.Empty(t, got.Events)
	require.NotNil(t, got.Events)
	require.Equal(t, stageDiagnostics(want.Diagnostics), got.Diagnostics, "diagnostics of %.80q", doc.Text)
}

// stageDiagnostics leaves out of ds the diagnostics of the event stage.
func stageDiagnostics(ds []Diagnostic) []Diagnostic {
	var out []Diagnostic
	for _, d := range ds {
		switch d.Reason {
		case ReasonFurniture, ReasonNotADate, ReasonUnresolved, ReasonSuperseded:
			continue
		}
		out = append(out, d)
	}
	return out
}

// noEventsPair is an extractor with the event stage and one without,
// with the same options.
type noEventsPair struct{ full, bare *Extractor }

// newNoEventsPairs returns the pairs checked: without and with
// WithSentences (the sentences, and so their furniture, are then
// reported with events or without).
func newNoEventsPairs(t testing.TB) []noEventsPair {
	var pairs []noEventsPair
	for _, sents := range []bool{false, true} {
		full, err := New(WithSentences(sents))
		require.NoError(t, err)
		bare, err := New(WithEvents(false), WithSentences(sents))
		require.NoError(t, err)
		require.Nil(t, bare.actors, "the actor index serves the event stage alone")
		pairs = append(pairs, noEventsPair{full, bare})
	}
	return pairs
}

func checkNoEventsPairs(t *testing.T, pairs []noEventsPair, doc Document) {
	t.Helper()
	for _, p := range pairs {
		checkNoEvents(t, p.full, p.bare, doc)
	}
}

func TestWithoutEventsSameExpressions(t *testing.T) {
	pairs := newNoEventsPairs(t)
	dct := time.Date(2003, 3, 20, 0, 0, 0, 0, time.UTC)
	for _, text := range refTexts(t, append(tailCases, furnitureCases...)) {
		checkNoEventsPairs(t, pairs, Document{Text: text, DCT: dct})
		checkNoEventsPairs(t, pairs, Document{Text: text})
	}
	if sharedData(t) != "" {
		for _, d := range loadTBAQ(t) {
			checkNoEventsPairs(t, pairs, d)
		}
	}
}

func FuzzWithoutEvents(f *testing.F) {
	pairs := newNoEventsPairs(f)
	for _, c := range append(tailCases, furnitureCases...) {
		f.Add(c, true)
	}
	f.Add("WASHINGTON (AP) -- 3 March 2003. Last week's talks \xff ended yesterday.", false)
	f.Fuzz(func(t *testing.T, text string, withDCT bool) {
		doc := Document{Text: text}
		if withDCT {
			doc.DCT = time.Date(2003, 3, 20, 0, 0, 0, 0, time.UTC)
		}
		checkNoEventsPairs(t, pairs, doc)
	})
}
