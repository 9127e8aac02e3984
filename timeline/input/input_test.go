package input

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/eventline/eventline/timeline"
)

func TestParseArticle(t *testing.T) {
	tests := []struct {
		name    string
		line    string
		want    timeline.Document
		wantErr string
	}{
		{
			name: "all fields, RFC 3339",
			line: `{"id":"a1","url":"https://x.example/a1","title":"T","published":"2023-09-19T20:07:00Z","text":"Body."}`,
			want: timeline.Document{ID: "a1", URL: "https://x.example/a1", Title: "T", Text: "Body.", DCT: time.Date(2023, 9, 19, 20, 7, 0, 0, time.UTC), DCTGranularity: timeline.Second},
		},
		{
			name: "date alone",
			line: `{"id":"a2","published":"2023-09-19","text":"x"}`,
			want: timeline.Document{ID: "a2", Text: "x", DCT: time.Date(2023, 9, 19, 0, 0, 0, 0, time.UTC), DCTGranularity: timeline.Day},
		},
		{
			name: "zone kept as local wall clock",
			line: `{"published":"2023-09-19T01:30:00+04:00","text":"x"}`,
			want: timeline.Document{Text: "x", DCT: time.Date(2023, 9, 19, 1, 30, 0, 0, time.UTC), DCTGranularity: timeline.Second},
		},
		{
			name: "RSS date",
			line: `{"published":"Tue, 19 Sep 2023 20:07:00 +0000","text":"x"}`,
			want: timeline.Document{Text: "x", DCT: time.Date(2023, 9, 19, 20, 7, 0, 0, time.UTC), DCTGranularity: timeline.Second},
		},
		{
			name: "written date",
			line: `{"published":"September 19, 2023","text":"x"}`,
			want: timeline.Document{Text: "x", DCT: time.Date(2023, 9, 19, 0, 0, 0, 0, time.UTC), DCTGranularity: timeline.Day},
		},
		{
			name: "news-tls time field",
			line: `{"id":"n","time":"2011-02-03 10:00:00","text":"x"}`,
			want: timeline.Document{ID: "n", Text: "x", DCT: time.Date(2011, 2, 3, 10, 0, 0, 0, time.UTC), DCTGranularity: timeline.Second},
		},
		{
			name: "Unix seconds",
			line: `{"published":1695154020,"text":"x"}`,
			want: timeline.Document{Text: "x", DCT: time.Unix(1695154020, 0).UTC(), DCTGranularity: timeline.Second},
		},
		{
			name: "no published date: the dateline will tell",
			line: `{"id":"b","published":null,"text":"x"}`,
			want: timeline.Document{ID: "b", Text: "x"},
		},
		{
			name: "empty published",
			line: `{"id":"b","published":"","text":"x"}`,
			want: timeline.Document{ID: "b", Text: "x"},
		},
		{
			name: "extra fields ignored, source kept",
			line: `{"id":"c","source":"Reuters","sentences":[1,2],"text":"x"}`,
			want: timeline.Document{ID: "c", Source: "Reuters", Text: "x"},
		},
		{name: "bad date", line: `{"published":"yesterday","text":"x"}`, wantErr: "cannot read date"},
		{name: "not JSON", line: `{"id":`, wantErr: "not an article"},
		{name: "not an object", line: `[1,2]`, wantErr: "not an article"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseArticle([]byte(tt.line))
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

type read struct {
	id, source, text string
	size             int64
}

func readAll(t *testing.T, paths []string, stdin string, opt Options) ([]read, error) {
	t.Helper()
	var out []read
	err := Read(context.Background(), paths, strings.NewReader(stdin), opt, func(d timeline.Document, size int64) error {
		out = append(out, read{d.ID, d.Source, d.Text, size})
		return nil
	})
	return out, err
}

func TestRead(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
		return p
	}
	a := write("b/a.txt", "Article A.")
	write("b/sub/c.jsonl", "{\"id\":\"c1\",\"text\":\"C one\"}\n\n{\"text\":\"C two\"}\n")
	write("b/.hidden.txt", "hidden")
	write("b/.git/x.txt", "hidden")
	bad := write("bad.jsonl", "{\"id\":\"ok\",\"text\":\"fine\"}\n{oops\n{\"id\":\"ok2\",\"text\":\"fine\"}")

	tests := []struct {
		name    string
		paths   []string
		stdin   string
		opt     Options
		want    []read
		wantErr string
	}{
		{
			name:  "a file named is read whole, its base name the ID",
			paths: []string{a},
			want:  []read{{"a.txt", a, "Article A.", 10}},
		},
		{
			name:  "directories are walked in order, hidden entries skipped, JSONL by extension",
			paths: []string{filepath.Join(dir, "b")},
			want: []read{
				{a, a, "Article A.", 10},
				{"c1", filepath.Join(dir, "b/sub/c.jsonl"), "C one", 27},
				{filepath.Join(dir, "b/sub/c.jsonl") + ":3", filepath.Join(dir, "b/sub/c.jsonl"), "C two", 18},
			},
		},
		{
			name:  "stdin as text",
			stdin: "Plain text.\n",
			want:  []read{{"stdin", "stdin", "Plain text.\n", 12}},
		},
		{
			name:  "stdin as JSONL when it starts with a brace",
			paths: []string{"-"},
			stdin: "\n  {\"id\":\"s1\",\"text\":\"one\"}\n{\"id\":\"s2\",\"text\":\"two\"}",
			want:  []read{{"s1", "stdin", "one", 25}, {"s2", "stdin", "two", 24}},
		},
		{
			name:  "forced text",
			stdin: "{\"id\":\"s1\"}",
			opt:   Options{Format: Text},
			want:  []read{{"stdin", "stdin", "{\"id\":\"s1\"}", 11}},
		},
		{
			name:    "a bad line stops without OnError",
			paths:   []string{bad},
			want:    []read{{"ok", bad, "fine", 26}},
			wantErr: "bad.jsonl:2: not an article",
		},
		{
			name:  "a bad line is skipped with OnError",
			paths: []string{bad},
			opt:   Options{OnError: func(error) error { return nil }},
			want:  []read{{"ok", bad, "fine", 26}, {"ok2", bad, "fine", 32}},
		},
		{
			name:    "a missing file",
			paths:   []string{filepath.Join(dir, "nope.txt")},
			wantErr: "no such file",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readAll(t, tt.paths, tt.stdin, tt.opt)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
			} else {
				require.NoError(t, err)
			}
			assert.Equal(t, tt.want, got)
		})
	}
	assert.Equal(t, int64(55), TotalSize([]string{filepath.Join(dir, "b"), "-"}))
}

func TestReadDCTFallback(t *testing.T) {
	dct := time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)
	var got []timeline.Document
	err := Read(context.Background(), nil, strings.NewReader("{\"id\":\"a\",\"published\":\"2023-09-19\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}\n"),
		Options{DCT: dct, DCTGranularity: timeline.Day}, func(d timeline.Document, _ int64) error {
			got = append(got, d)
			return nil
		})
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, "2023-09-19", got[0].DCT.Format("2006-01-02"), "published wins")
	assert.Equal(t, dct, got[1].DCT, "the -dct default fills in")
}

func TestReadStopsOnHandlerError(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Read(context.Background(), nil, strings.NewReader("{\"text\":\"a\"}\n{\"text\":\"b\"}\n"), Options{}, func(timeline.Document, int64) error {
		n++
		return stop
	})
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 1, n)
}
