package main

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/eventline/eventline/timeline"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func event(doc, value string, g timeline.Granularity, begin time.Time, typ string, sent int) timeline.Event {
	return timeline.Event{
		ID:       doc + "/d0-s0-" + value,
		Date:     timeline.EventDate{Timex: timeline.Timex{Value: value, Granularity: g, Interval: timeline.Interval{Begin: begin}}},
		Type:     typ,
		Sentence: timeline.Sentence{Span: timeline.Span{Start: sent, End: sent + 10}},
		Actors:   []timeline.Actor{{Name: doc + "-actor"}},
		Sources:  []timeline.Source{{DocID: doc, URL: "https://" + doc, Sentence: timeline.Span{Start: sent, End: sent + 10}}},
	}
}

func TestWindowKey(t *testing.T) {
	tests := []struct {
		reason string
		w      Window
		ev     timeline.Event
		want   string
	}{
		{"a day in a day window", Day, event("a", "2020-09-27", timeline.Day, day("2020-09-27"), "X", 0), "2020-09-27"},
		{"a day in a month window", Month, event("a", "2020-09-27", timeline.Day, day("2020-09-27"), "X", 0), "2020-09"},
		{"a day in a year window", Year, event("a", "2020-09-27", timeline.Day, day("2020-09-27"), "X", 0), "2020"},
		{"a minute falls in its day", Day, event("a", "2020-09-27T10:30", timeline.Minute, day("2020-09-27").Add(10*time.Hour), "X", 0), "2020-09-27"},
		{"a month is not put on its first day", Day, event("a", "2020-09", timeline.Month, day("2020-09-01"), "X", 0), "2020-09"},
		{"a quarter is put in its year", Month, event("a", "2020-Q3", timeline.Quarter, day("2020-07-01"), "X", 0), "2020"},
		{"a decade is its own window", Day, event("a", "198X", timeline.Decade, day("1980-01-01"), "X", 0), "198X"},
		{"no interval, no calendar window", Day, event("a", "XXXX-09-27", timeline.Day, time.Time{}, "X", 0), Undated},
	}
	for _, tt := range tests {
		if got := tt.w.Key(tt.ev); got != tt.want {
			t.Errorf("%s: %s window of %s = %q, want %q", tt.reason, tt.w, tt.ev.Date.Value, got, tt.want)
		}
	}
}

func TestParseWindow(t *testing.T) {
	for _, s := range []string{"day", "Month", " year "} {
		if _, err := ParseWindow(s); err != nil {
			t.Errorf("ParseWindow(%q): %v", s, err)
		}
	}
	if _, err := ParseWindow("week"); err == nil {
		t.Error(`ParseWindow("week") succeeded`)
	}
}

func TestMergeWindow(t *testing.T) {
	x, err := timeline.New()
	if err != nil {
		t.Fatal(err)
	}
	var ms []mention
	for _, a := range readArticles(t, filepath.Join("testdata", "articles.jsonl")) {
		doc, err := a.Document()
		if err != nil {
			t.Fatal(err)
		}
		tl, err := x.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range tl.Events {
			if Month.Key(ev) == "2020-11" {
				ms = append(ms, mention{Doc: tl.Documents[0], Event: ev})
			}
		}
	}
	got, _ := mergeWindow(slices.Clone(ms))
	// November 2020: the ceasefire of the 9th (wire-1 and daily-7) and
	// the deployment of the 10th (daily-7).
	if len(got) != 2 {
		t.Fatalf("got %d events, want 2: %+v", len(got), got)
	}
	if ev := got[0]; ev.Date.Value != "2020-11-09" || !slices.Equal(docIDs(Record{Event: ev}), []string{"daily-7", "wire-1"}) || !strings.HasPrefix(ev.ID, "daily-7/") {
		t.Errorf("first event: %s %s from %v, want 2020-11-09 from daily-7 and wire-1", ev.ID, ev.Date.Value, docIDs(Record{Event: ev}))
	}
	if ev := got[1]; ev.Date.Value != "2020-11-10" || !slices.Equal(docIDs(Record{Event: ev}), []string{"daily-7"}) {
		t.Errorf("second event: %s %s from %v, want 2020-11-10 from daily-7", ev.ID, ev.Date.Value, docIDs(Record{Event: ev}))
	}

	// The same mentions in any order merge to the same bytes.
	ref, _ := json.Marshal(got)
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		shuffled := slices.Clone(ms)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		evs, _ := mergeWindow(shuffled)
		if b, _ := json.Marshal(evs); string(b) != string(ref) {
			t.Fatalf("merge depends on input order:\n%s\n%s", b, ref)
		}
	}
}

func TestArticleDocument(t *testing.T) {
	tests := []struct {
		reason string
		a      Article
		id     string
		source string
		dct    time.Time
		gran   timeline.Granularity
		bad    bool
	}{
		{"date and time with zone", Article{ID: "1", URL: "https://www.wire.example/x", Published: "2020-11-10T08:00:00+02:00", Text: "t"},
			"1", "wire.example", time.Date(2020, 11, 10, 6, 0, 0, 0, time.UTC), timeline.Minute, false},
		{"date alone", Article{ID: "1", Source: "Wire", Published: "2020-11-10", Text: "t"},
			"1", "Wire", day("2020-11-10"), timeline.Day, false},
		{"no id: the URL names it", Article{URL: "https://a.example/p", Published: "2020-11-10 08:00:00", Text: "t"},
			"https://a.example/p", "a.example", time.Date(2020, 11, 10, 8, 0, 0, 0, time.UTC), timeline.Minute, false},
		{"unreadable published: no DCT", Article{ID: "1", Published: "yesterday", Text: "t"},
			"1", "", time.Time{}, timeline.Unknown, true},
		{"no published: no DCT", Article{ID: "1", Text: "t"},
			"1", "", time.Time{}, timeline.Unknown, false},
	}
	for _, tt := range tests {
		doc, err := tt.a.Document()
		if (err != nil) != tt.bad {
			t.Errorf("%s: error %v", tt.reason, err)
		}
		if doc.ID != tt.id || doc.Source != tt.source || !doc.DCT.Equal(tt.dct) || doc.DCTGranularity != tt.gran {
			t.Errorf("%s: got id %q source %q DCT %v (%s), want %q %q %v (%s)",
				tt.reason, doc.ID, doc.Source, doc.DCT, doc.DCTGranularity, tt.id, tt.source, tt.dct, tt.gran)
		}
	}
	if a := (Article{Text: "same text"}); a.docID() != (Article{Text: "same text"}).docID() || a.docID() == (Article{Text: "other"}).docID() {
		t.Error("digest IDs are not stable and distinct")
	}
	if _, err := parseArticle(`{"id":"x","text":""}`); err == nil {
		t.Error("an article with no text parsed")
	}
}

// TestMergeWindowConflicts checks that two reports that read alike but
// give different days stay apart, each naming the other by its
// corpus-wide ID.
func TestMergeWindowConflicts(t *testing.T) {
	x, err := timeline.New()
	if err != nil {
		t.Fatal(err)
	}
	var ms []mention
	for _, a := range []Article{
		{ID: "a", Published: "2020-10-01", Text: "Offensive\n\nAzerbaijan launched an offensive in Nagorno-Karabakh on September 27, 2020.\n"},
		{ID: "b", Published: "2020-10-01", Text: "Offensive\n\nAzerbaijan launched an offensive in Nagorno-Karabakh on September 26, 2020.\n"},
	} {
		doc, _ := a.Document()
		tl, err := x.Extract(context.Background(), doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range tl.Events {
			ms = append(ms, mention{Doc: tl.Documents[0], Event: ev})
		}
	}
	got, _ := mergeWindow(ms)
	if len(got) != 2 {
		t.Fatalf("got %d events, want 2", len(got))
	}
	for i, ev := range got {
		other := got[1-i]
		if len(ev.Conflicts) != 1 || ev.Conflicts[0].Event != other.ID || ev.Conflicts[0].Date != other.Date.Value {
			t.Errorf("%s (%s): conflicts %+v, want one naming %s (%s)", ev.ID, ev.Date.Value, ev.Conflicts, other.ID, other.Date.Value)
		}
	}
	if !strings.HasPrefix(got[0].ID, "b/") || !strings.HasPrefix(got[1].ID, "a/") {
		t.Errorf("IDs %s, %s; want b/… (September 26) then a/…", got[0].ID, got[1].ID)
	}
}
