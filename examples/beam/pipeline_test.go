package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
)

// TestMain runs the pipeline tests on Beam's local runner, prism, in
// process; `go test ./... -args -runner=direct` runs them on the older
// direct runner instead.
func TestMain(m *testing.M) {
	ptest.Main(m)
}

// merged is what a test expects of one output line.
type merged struct {
	window, value, gran string
	docs                []string // DocIDs of the sources, sorted
	sentence            string   // the sentence the merged event keeps
}

// Read from testdata/articles.jsonl:
//   - wire-1 reports the ceasefire of November 9, 2020 and the offensive
//     of September 27, 2020;
//   - daily-7, published Tuesday 2020-11-10, reports the deployment "on
//     Tuesday" (so 2020-11-10, from "published") and the same ceasefire;
//   - review-3 reports the same offensive, Turkey's statement of
//     September 28, 2020, and the spread of the fighting "in September
//     2020";
//   - blog-9 has no dated event.
//
// The ceasefire and the offensive, each reported twice in the same
// words, come out once with both sources; the merged event keeps the
// sentence of the least document ID.
var (
	ceasefire = "Armenia and Azerbaijan signed a ceasefire agreement brokered by Russia on November 9, 2020."
	offensive = "Azerbaijan launched an offensive in Nagorno-Karabakh on September 27, 2020."
	deploy    = "Russian peacekeepers began deploying to Nagorno-Karabakh on Tuesday."
	turkey    = "Turkey said on September 28, 2020 that it would stand by Azerbaijan."
	spread    = "In September 2020 the fighting spread along the whole line of contact."
)

var wantByWindow = map[Window][]merged{
	Month: {
		{"2020-09", "2020-09", "month", []string{"review-3"}, spread},
		{"2020-09", "2020-09-27", "day", []string{"review-3", "wire-1"}, offensive},
		{"2020-09", "2020-09-28", "day", []string{"review-3"}, turkey},
		{"2020-11", "2020-11-09", "day", []string{"daily-7", "wire-1"}, ceasefire},
		{"2020-11", "2020-11-10", "day", []string{"daily-7"}, deploy},
	},
	// With day windows, the event dated only to the month has a window
	// of its own, named by the month.
	Day: {
		{"2020-09", "2020-09", "month", []string{"review-3"}, spread},
		{"2020-09-27", "2020-09-27", "day", []string{"review-3", "wire-1"}, offensive},
		{"2020-09-28", "2020-09-28", "day", []string{"review-3"}, turkey},
		{"2020-11-09", "2020-11-09", "day", []string{"daily-7", "wire-1"}, ceasefire},
		{"2020-11-10", "2020-11-10", "day", []string{"daily-7"}, deploy},
	},
}

func TestPipeline(t *testing.T) {
	articles := readArticles(t, filepath.Join("testdata", "articles.jsonl"))
	for _, w := range []Window{Month, Day} {
		t.Run(string(w), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "events.jsonl")
			p, s := beam.NewPipelineWithRoot()
			if err := Build(s, Options{Input: filepath.Join("testdata", "articles.jsonl"), Output: out, Window: w}); err != nil {
				t.Fatal(err)
			}
			if err := ptest.Run(p); err != nil {
				t.Fatalf("pipeline failed: %v", err)
			}
			recs := readRecords(t, out)
			// The output file's line order is up to the runner; the
			// order of a window's events is not.
			slices.SortStableFunc(recs, func(a, b Record) int { return strings.Compare(a.Window, b.Window) })
			checkRecords(t, recs, wantByWindow[w], articles)
		})
	}
}

func checkRecords(t *testing.T, recs []Record, want []merged, articles map[string]Article) {
	t.Helper()
	if len(recs) != len(want) {
		for _, r := range recs {
			t.Logf("got %s %s %v", r.Window, r.Date.Value, docIDs(r))
		}
		t.Fatalf("got %d merged events, want %d", len(recs), len(want))
	}
	for i, r := range recs {
		w := want[i]
		if r.Window != w.window || r.Date.Value != w.value || r.Date.Granularity.String() != w.gran {
			t.Errorf("event %d: window %s, date %s (%s); want window %s, date %s (%s)",
				i, r.Window, r.Date.Value, r.Date.Granularity, w.window, w.value, w.gran)
		}
		if got := docIDs(r); !slices.Equal(got, w.docs) {
			t.Errorf("event %d (%s): sources %v, want %v", i, w.value, got, w.docs)
		}
		if r.Sentence.Text != w.sentence {
			t.Errorf("event %d (%s): sentence %q, want %q", i, w.value, r.Sentence.Text, w.sentence)
		}
		if r.Type == "" {
			t.Errorf("event %d (%s): no type", i, w.value)
		}
		if want := w.docs[0] + "/"; !strings.HasPrefix(r.ID, want) {
			t.Errorf("event %d (%s): ID %q, want prefix %q", i, w.value, r.ID, want)
		}
		// Every source carries its document's URL, and its sentence
		// span indexes that document's text.
		for _, src := range r.Sources {
			a, ok := articles[src.DocID]
			if !ok {
				t.Errorf("event %d: source names unknown document %q", i, src.DocID)
				continue
			}
			if src.URL != a.URL {
				t.Errorf("event %d: source %s has URL %q, want %q", i, src.DocID, src.URL, a.URL)
			}
			if got := src.Sentence.In(a.Text); got != w.sentence {
				t.Errorf("event %d: source %s sentence %q, want %q", i, src.DocID, got, w.sentence)
			}
		}
	}
}

// TestChronologySkipsBadLines checks that lines that are not articles are
// skipped, not fatal, and that an article with no "published" falls back
// on its dateline.
func TestChronologySkipsBadLines(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	lines := beam.Create(s,
		`not json`,
		``,
		`{"id":"empty","text":"  "}`,
		`{"id":"dl","url":"https://x.example/a","text":"Published April 14, 2021\nThe talks resumed in Vienna on Monday, after a long pause."}`,
		`{"id":"bad-date","published":"last week","text":"Talks resume in Vienna\nThe talks resumed in Vienna on April 12, 2021, after a long pause."}`,
	)
	out := Chronology(s, lines, Month)
	got := beam.ParDo(s, summarize, out)
	// Both reports of April 12, 2021 are one event: "dl" has no
	// "published", and its dateline (Wednesday, April 14, 2021) dates its
	// "Monday"; "bad-date" has a "published" that is not a date, and
	// names its date in full.
	passert.Equals(s, got, "2021-04 2021-04-12 bad-date,dl")
	if err := ptest.Run(p); err != nil {
		t.Fatal(err)
	}
}

func init() {
	register.Function1x1(summarize)
}

// summarize reduces an output line to its window, date and sources.
func summarize(line string) string {
	var r Record
	if err := json.Unmarshal([]byte(line), &r); err != nil {
		return "error: " + err.Error()
	}
	return r.Window + " " + r.Date.Value + " " + strings.Join(docIDs(r), ",")
}

func docIDs(r Record) []string {
	var ids []string
	for _, s := range r.Sources {
		ids = append(ids, s.DocID)
	}
	return ids
}

func readRecords(t *testing.T, name string) []Record {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var recs []Record
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("output line %q: %v", sc.Text(), err)
		}
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return recs
}

func readArticles(t *testing.T, name string) map[string]Article {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]Article{}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		a, err := parseArticle(line)
		if err != nil {
			t.Fatal(err)
		}
		m[a.ID] = a
	}
	return m
}
