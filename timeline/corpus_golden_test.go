package timeline_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/timeline"
	"github.com/eventline/eventline/timeline/input"
	"github.com/eventline/eventline/timeline/timeml"
)

// corpusTimeline merges the articles of testdata/corpus.
func corpusTimeline(t *testing.T) *timeline.Timeline {
	t.Helper()
	x, err := timeline.New()
	require.NoError(t, err)
	m := timeline.NewMerger(timeline.MergeOptions{})
	err = input.Read(context.Background(), []string{"../testdata/corpus/articles.jsonl"}, nil, input.Options{}, func(d timeline.Document, _ int64) error {
		tl, err := x.Extract(context.Background(), d)
		if err == nil {
			m.Add(tl)
		}
		return err
	})
	require.NoError(t, err)
	require.Equal(t, 6, m.Documents())
	return m.Timeline()
}

// TestCorpusGolden keeps the merged chronology of testdata/corpus in every
// format under testdata/golden/corpus.*. Run with -update after a
// reviewed change; open corpus.html in a browser to look at it.
func TestCorpusGolden(t *testing.T) {
	tl := corpusTimeline(t)
	update := flag.Lookup("update") != nil && flag.Lookup("update").Value.String() == "true"
	for _, format := range []string{"text", "json", "jsonl", "csv", "html", "timeml", "plover", "acled"} {
		t.Run(format, func(t *testing.T) {
			var got bytes.Buffer
			require.NoError(t, timeline.Write(&got, tl, format))
			ext := map[string]string{"text": "txt", "timeml": "tml", "plover": "plover.jsonl", "acled": "acled.csv"}[format]
			if ext == "" {
				ext = format
			}
			path := filepath.Join("..", "testdata", "golden", "corpus."+ext)
			if update {
				require.NoError(t, os.WriteFile(path, got.Bytes(), 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test ./timeline -run TestCorpusGolden -update")
			require.Equal(t, string(want), got.String())
		})
	}
}

// TestTimeMLRoundTrip reads the timeml output back with the TimeML
// reader: one TIMEX3 per event, on its date expression.
func TestTimeMLRoundTrip(t *testing.T) {
	tl := corpusTimeline(t)
	var b bytes.Buffer
	require.NoError(t, timeline.Write(&b, tl, "timeml"))
	doc, err := timeml.Parse(b.Bytes())
	require.NoError(t, err)
	anns := doc.Annotations()
	require.Len(t, anns, len(tl.Events))
	for i, e := range tl.Events {
		require.Equal(t, e.Date.Value, anns[i].Value)
		require.Equal(t, e.Date.Text, anns[i].Span.In(doc.Text))
	}
}

// TestHTMLStructure checks what the page must keep whatever its styling:
// self-contained (no external resource), the SVG, the controls and the
// data of every event.
func TestHTMLStructure(t *testing.T) {
	tl := corpusTimeline(t)
	var b bytes.Buffer
	require.NoError(t, timeline.WriteHTML(&b, tl))
	page := b.String()
	for _, want := range []string{
		"<!DOCTYPE html>", `<svg id="svg"`, `<select id="lanes">`, `<select id="actor">`, `<input id="from" type="date">`, `<input id="to" type="date">`,
		`<script id="timeline-data" type="application/json">`, `<aside id="details"`, "Chronology of 6 documents",
	} {
		require.Contains(t, page, want)
	}
	for _, bad := range []string{"<script src", "<link ", "@import", "url(http", "fetch("} {
		require.NotContains(t, page, bad, "the page must not load anything")
	}
	for _, e := range tl.Events {
		require.Contains(t, page, `"id":"`+e.ID+`"`)
	}
	// text from documents cannot close the script
	evil := &timeline.Timeline{Documents: []timeline.DocumentInfo{{ID: "x"}}, Events: []timeline.Event{{ID: "e", Type: "OTHER", Sentence: timeline.Sentence{Text: "</script><script>alert(1)</script>"}}}}
	b.Reset()
	require.NoError(t, timeline.WriteHTML(&b, evil))
	require.Equal(t, 2, strings.Count(b.String(), "</script>"))
}
