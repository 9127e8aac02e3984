package timeline

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// checkTailSkipped builds the events of doc twice more after process:
// reading every sentence, then as Extract does, which skips the
// sentences after the last one with a dated expression. Each build
// appends its events and diagnostics; the two must be the same.
func checkTailSkipped(t *testing.T, x *Extractor, doc Document) {
	t.Helper()
	st, err := x.process(context.Background(), 0, doc)
	require.NoError(t, err)
	e0, d0 := len(st.events), len(st.diags)
	x.buildEventsThrough(st, len(st.sents))
	e1, d1 := len(st.events), len(st.diags)
	x.buildEvents(st)
	full, skipped := st.events[e0:e1], st.events[e1:]
	require.Equal(t, full, skipped, "events of %.80q", doc.Text)
	require.Equal(t, st.diags[d0:d1], st.diags[d1:], "diagnostics of %.80q", doc.Text)
}

// tailCases name persons and states after the last date, where only
// the actor memory would see them, and before it.
var tailCases = []string{
	"Iraqi President Saddam Hussein met reporters on March 3, 2003. Hussein said his army would fight. Its navy waited.",
	"On Monday, Spokesperson Maria Zakharova said Russia had struck. Zakharova added that Kyiv's forces retreated. Ukraine denied it.",
	"Fighting resumed. Gen. Tommy Franks said U.S. troops crossed on Tuesday. Franks later told the Pentagon. Iraq's army fled.",
	"No date here. Prime Minister Tony Blair spoke to Parliament. Blair's cabinet agreed.",
	"Prime Minister Tony Blair spoke to Parliament. Blair said on Monday that British troops would go. Blair's critics objected.",
}

func TestTailSentencesSkipped(t *testing.T) {
	x, err := New()
	require.NoError(t, err)
	dct := time.Date(2003, 3, 20, 0, 0, 0, 0, time.UTC)
	for _, text := range refTexts(t, tailCases) {
		checkTailSkipped(t, x, Document{Text: text, DCT: dct})
		checkTailSkipped(t, x, Document{Text: text})
	}
	if sharedData(t) != "" {
		for _, d := range loadTBAQ(t) {
			checkTailSkipped(t, x, d)
		}
	}
}

func FuzzTailSentencesSkipped(f *testing.F) {
	x, err := New()
	if err != nil {
		f.Fatal(err)
	}
	for _, c := range tailCases {
		f.Add(c, true)
	}
	f.Fuzz(func(t *testing.T, text string, withDCT bool) {
		doc := Document{Text: text}
		if withDCT {
			doc.DCT = time.Date(2003, 3, 20, 0, 0, 0, 0, time.UTC)
		}
		checkTailSkipped(t, x, doc)
	})
}
