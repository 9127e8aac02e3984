package main

import (
	"encoding/json"
	"math/rand/v2"
	"slices"
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
	events := []timeline.Event{
		event("b", "2020-11-09", timeline.Day, day("2020-11-09"), "AGREE", 40),
		event("a", "2020-11-09", timeline.Day, day("2020-11-09"), "AGREE", 100),
		event("c", "2020-11-09", timeline.Day, day("2020-11-09"), "AGREE", 5),
		event("c", "2020-11-09", timeline.Day, day("2020-11-09"), "FIGHT", 70),
		event("a", "2020-11-01", timeline.Day, day("2020-11-01"), "AGREE", 10),
		event("a", "2020-11", timeline.Month, day("2020-11-01"), "AGREE", 200),
	}
	got := mergeWindow(slices.Clone(events))
	type row struct {
		value, typ, id string
		docs           []string
		actors         int
	}
	want := []row{
		{"2020-11", "AGREE", "a/d0-s0-2020-11", []string{"a"}, 1},
		{"2020-11-01", "AGREE", "a/d0-s0-2020-11-01", []string{"a"}, 1},
		// Same date and type: one event, with the first document's
		// sentence and all three sources.
		{"2020-11-09", "AGREE", "a/d0-s0-2020-11-09", []string{"a", "b", "c"}, 3},
		// Same date, another type: another event.
		{"2020-11-09", "FIGHT", "c/d0-s0-2020-11-09", []string{"c"}, 1},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d events, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Date.Value != w.value || g.Type != w.typ || g.ID != w.id || !slices.Equal(docIDs(Record{Event: g}), w.docs) || len(g.Actors) != w.actors {
			t.Errorf("event %d: got %s %s %s %v with %d actors, want %v", i, g.Date.Value, g.Type, g.ID, docIDs(Record{Event: g}), len(g.Actors), w)
		}
	}

	// The same input in any order, and with an event repeated (a
	// runner may retry a bundle), merges to the same bytes.
	ref, _ := json.Marshal(got)
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		shuffled := append(slices.Clone(events), events[1])
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		b, _ := json.Marshal(mergeWindow(shuffled))
		if string(b) != string(ref) {
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

func TestAddActors(t *testing.T) {
	dst := []timeline.Actor{{Name: "Russia", Role: timeline.RoleSource}}
	got := addActors(dst, []timeline.Actor{
		{Name: "Russia", Text: "Moscow", Role: timeline.RoleSource}, // already there
		{Name: "Russia", Role: timeline.RoleTarget},                 // same actor, other role
		{Text: "the rebels"}, // no canonical name
		{Text: "the rebels"},
	})
	if len(got) != 3 {
		t.Errorf("got %d actors, want 3: %+v", len(got), got)
	}
}
