package timeline

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mspec describes one event of a hand-made document.
type mspec struct {
	sentence string
	date     string // as written in sentence
	value    string // "2020", "2020-09" or "2020-09-27"
	typ      string
	actors   []string
}

// mkTimeline builds the timeline of one document from mentions, as
// Extract would.
func mkTimeline(t *testing.T, id, url string, ms ...mspec) *Timeline {
	t.Helper()
	tl := &Timeline{Documents: []DocumentInfo{{ID: id, URL: url}}, Events: []Event{}, Expressions: []Expression{}}
	off := 0
	for si, m := range ms {
		i := strings.Index(m.sentence, m.date)
		require.GreaterOrEqual(t, i, 0, "date %q not in %q", m.date, m.sentence)
		typ := m.typ
		if typ == "" {
			typ = "OTHER"
		}
		var actors []Actor
		for _, a := range m.actors {
			actors = append(actors, Actor{Name: a, Text: a, Kind: "country"})
		}
		sent := Span{off, off + len(m.sentence)}
		ds := Span{off + i, off + i + len(m.date)}
		tl.Events = append(tl.Events, Event{
			ID:       fmt.Sprintf("d0-s%d-%d", si, ds.Start),
			Date:     EventDate{Span: ds, Text: m.date, Timex: timexOf(t, m.value)},
			Type:     typ,
			Actors:   append([]Actor{}, actors...),
			Sentence: Sentence{Span: sent, Text: m.sentence},
			Sources:  []Source{{DocID: id, URL: url, Sentence: sent}},
		})
		off += len(m.sentence) + 1
	}
	tl.Documents[0].Length = off
	return tl
}

func timexOf(t *testing.T, v string) Timex {
	t.Helper()
	for _, l := range []struct {
		layout string
		g      Granularity
	}{{"2006-01-02", Day}, {"2006-01", Month}, {"2006", Year}} {
		if b, err := time.Parse(l.layout, v); err == nil {
			return Timex{Value: v, Type: Date, Granularity: l.g, Interval: Interval{b, advance(b, l.g, 1)}, Anchor: Explicit}
		}
	}
	t.Fatalf("bad value %q", v)
	return Timex{}
}

const (
	offensive1 = "Azerbaijan launched a military offensive against Armenian positions in Nagorno-Karabakh on September 19, 2023."
	offensive2 = "On September 19, 2023, Azerbaijan launched a military offensive against Armenian positions in Nagorno-Karabakh, officials said."
)

func TestMerge(t *testing.T) {
	tests := []struct {
		name   string
		docs   func(t *testing.T) []*Timeline
		events int
		check  func(t *testing.T, tl *Timeline)
	}{
		{
			name: "same event from two sources merges",
			docs: func(t *testing.T) []*Timeline {
				return []*Timeline{
					mkTimeline(t, "reuters-1", "https://reuters.example/1", mspec{sentence: offensive1, date: "September 19, 2023", value: "2023-09-19"}),
					mkTimeline(t, "ap-7", "https://ap.example/7", mspec{sentence: offensive2, date: "September 19, 2023", value: "2023-09-19"}),
				}
			},
			events: 1,
			check: func(t *testing.T, tl *Timeline) {
				e := tl.Events[0]
				require.Len(t, e.Sources, 2)
				// documents are numbered by ID: ap-7 before reuters-1
				assert.Equal(t, Source{Doc: 0, DocID: "ap-7", URL: "https://ap.example/7", Sentence: Span{0, len(offensive2)}}, e.Sources[0])
				assert.Equal(t, "reuters-1", e.Sources[1].DocID)
				assert.Equal(t, "https://reuters.example/1", e.Sources[1].URL)
				assert.Equal(t, "2023-09-19", e.Date.Value)
				assert.Empty(t, e.Conflicts)
			},
		},
		{
			name: "exact repeats in many documents are one event",
			docs: func(t *testing.T) []*Timeline {
				var out []*Timeline
				for i := range 5 {
					out = append(out, mkTimeline(t, fmt.Sprintf("wire-%d", i), "", mspec{sentence: offensive1, date: "September 19, 2023", value: "2023-09-19"}))
				}
				return out
			},
			events: 1,
			check: func(t *testing.T, tl *Timeline) {
				assert.Len(t, tl.Events[0].Sources, 5)
				assert.Equal(t, "d0-s0-91", tl.Events[0].ID)
			},
		},
		{
			name: "different types do not merge",
			docs: func(t *testing.T) []*Timeline {
				return []*Timeline{
					mkTimeline(t, "a", "", mspec{sentence: offensive1, date: "September 19, 2023", value: "2023-09-19", typ: "ASSAULT"}),
					mkTimeline(t, "b", "", mspec{sentence: offensive2, date: "September 19, 2023", value: "2023-09-19", typ: "STATEMENT"}),
				}
			},
			events: 2,
		},
		{
			name: "disjoint actors do not merge",
			docs: func(t *testing.T) []*Timeline {
				return []*Timeline{
					mkTimeline(t, "a", "", mspec{sentence: offensive1, date: "September 19, 2023", value: "2023-09-19", actors: []string{"Azerbaijan"}}),
					mkTimeline(t, "b", "", mspec{sentence: offensive2, date: "September 19, 2023", value: "2023-09-19", actors: []string{"Armenia"}}),
				}
			},
			events: 2,
		},
		{
			name: "overlapping actors merge and are united",
			docs: func(t *testing.T) []*Timeline {
				return []*Timeline{
					mkTimeline(t, "a", "", mspec{sentence: offensive1, date: "September 19, 2023", value: "2023-09-19", actors: []string{"Azerbaijan"}}),
					mkTimeline(t, "b", "", mspec{sentence: offensive2, date: "September 19, 2023", value: "2023-09-19", actors: []string{"Azerbaijan", "Armenia"}}),
				}
			},
			events: 1,
			check: func(t *testing.T, tl *Timeline) {
				var names []string
				for _, a := range tl.Events[0].Actors {
					names = append(names, a.Name)
				}
				assert.ElementsMatch(t, []string{"Azerbaijan", "Armenia"}, names)
			},
		},
		{
			name: "different wording on the same day does not merge",
			docs: func(t *testing.T) []*Timeline {
				return []*Timeline{
					mkTimeline(t, "a", "", mspec{sentence: offensive1, date: "September 19, 2023", value: "2023-09-19"}),
					mkTimeline(t, "b", "", mspec{sentence: "The central bank raised interest rates by half a point on September 19, 2023.", date: "September 19, 2023", value: "2023-09-19"}),
				}
			},
			events: 2,
			check: func(t *testing.T, tl *Timeline) {
				for _, e := range tl.Events {
					assert.Empty(t, e.Conflicts)
				}
			},
		},
		{
			name: "conflicting dates are flagged, not resolved",
			docs: func(t *testing.T) []*Timeline {
				return []*Timeline{
					mkTimeline(t, "a", "", mspec{sentence: offensive1, date: "September 19, 2023", value: "2023-09-19"}),
					mkTimeline(t, "b", "", mspec{sentence: strings.Replace(offensive1, "19", "20", 1), date: "September 20, 2023", value: "2023-09-20"}),
				}
			},
			events: 2,
			check: func(t *testing.T, tl *Timeline) {
				a, b := tl.Events[0], tl.Events[1]
				assert.Equal(t, "2023-09-19", a.Date.Value)
				assert.Equal(t, "2023-09-20", b.Date.Value)
				require.Len(t, a.Conflicts, 1)
				require.Len(t, b.Conflicts, 1)
				assert.Equal(t, Conflict{Event: b.ID, Date: "2023-09-20", Similarity: 1}, a.Conflicts[0])
				assert.Equal(t, Conflict{Event: a.ID, Date: "2023-09-19", Similarity: 1}, b.Conflicts[0])
			},
		},
		{
			name: "two dates of one sentence are no conflict",
			docs: func(t *testing.T) []*Timeline {
				s := "A new round of fighting broke out on September 27, 2020, before Russia brokered a ceasefire on November 9, 2020."
				var out []*Timeline
				for _, id := range []string{"a", "b"} {
					tl := mkTimeline(t, id, "", mspec{sentence: s, date: "September 27, 2020", value: "2020-09-27"}, mspec{sentence: s, date: "November 9, 2020", value: "2020-11-09"})
					tl.Events[1].Sentence = tl.Events[0].Sentence
					tl.Events[1].Date.Span = Span{strings.Index(s, "November"), strings.Index(s, "November") + len("November 9, 2020")}
					out = append(out, tl)
				}
				return out
			},
			events: 2,
			check: func(t *testing.T, tl *Timeline) {
				for _, e := range tl.Events {
					assert.Len(t, e.Sources, 2)
					assert.Empty(t, e.Conflicts)
				}
			},
		},
		{
			name: "coarse joins fine when unambiguous",
			docs: func(t *testing.T) []*Timeline {
				return []*Timeline{
					mkTimeline(t, "a", "", mspec{sentence: "Heavy fighting broke out along the contact line in Nagorno-Karabakh in September 2020.", date: "September 2020", value: "2020-09"}),
					mkTimeline(t, "b", "", mspec{sentence: "Heavy fighting broke out along the contact line in Nagorno-Karabakh on September 27, 2020.", date: "September 27, 2020", value: "2020-09-27"}),
					mkTimeline(t, "c", "", mspec{sentence: "Heavy fighting broke out along the contact line in Nagorno-Karabakh in 2020.", date: "2020", value: "2020"}),
				}
			},
			events: 1,
			check: func(t *testing.T, tl *Timeline) {
				e := tl.Events[0]
				assert.Equal(t, "2020-09-27", e.Date.Value, "the finest date wins")
				assert.Equal(t, "b", tl.Documents[e.Doc].ID)
				assert.Len(t, e.Sources, 3)
				assert.Empty(t, tl.Diagnostics)
			},
		},
		{
			name: "coarse stays apart when ambiguous",
			docs: func(t *testing.T) []*Timeline {
				return []*Timeline{
					mkTimeline(t, "a", "", mspec{sentence: "Protesters rallied outside parliament in Yerevan in September 2020.", date: "September 2020", value: "2020-09"}),
					mkTimeline(t, "b", "", mspec{sentence: "Protesters rallied outside parliament in Yerevan on September 3, 2020.", date: "September 3, 2020", value: "2020-09-03"}),
					mkTimeline(t, "c", "", mspec{sentence: "Protesters rallied outside parliament in Yerevan on September 21, 2020.", date: "September 21, 2020", value: "2020-09-21"}),
				}
			},
			events: 3,
			check: func(t *testing.T, tl *Timeline) {
				require.Len(t, tl.Diagnostics, 1)
				d := tl.Diagnostics[0]
				assert.Equal(t, ReasonAmbiguous, d.Reason)
				assert.Equal(t, "September 2020", d.Text)
				assert.Contains(t, d.Message, "2020-09-03")
				assert.Contains(t, d.Message, "2020-09-21")
				// the two fine rallies read alike but are dated apart
				for _, e := range tl.Events {
					if e.Date.Granularity == Day {
						assert.Len(t, e.Conflicts, 1)
					}
				}
			},
		},
		{
			name: "times of day on one day merge",
			docs: func(t *testing.T) []*Timeline {
				a := mkTimeline(t, "a", "", mspec{sentence: offensive1, date: "September 19, 2023", value: "2023-09-19"})
				a.Events[0].Date.Value = "2023-09-19T13:00"
				a.Events[0].Date.Granularity = Hour
				return []*Timeline{a, mkTimeline(t, "b", "", mspec{sentence: offensive2, date: "September 19, 2023", value: "2023-09-19"})}
			},
			events: 1,
			check: func(t *testing.T, tl *Timeline) {
				assert.Equal(t, "2023-09-19T13:00", tl.Events[0].Date.Value)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl := Merge(tt.docs(t)...)
			require.Len(t, tl.Events, tt.events, "events: %+v", tl.Events)
			if tt.check != nil {
				tt.check(t, tl)
			}
			// the same set in reverse and shuffled orders gives the same output
			want := mustJSON(t, tl)
			for seed := range 8 {
				docs := tt.docs(t)
				r := rand.New(rand.NewPCG(uint64(seed), 7))
				r.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
				assert.Equal(t, want, mustJSON(t, Merge(docs...)), "seed %d", seed)
			}
		})
	}
}

func mustJSON(t *testing.T, tl *Timeline) string {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, WriteJSON(&b, tl))
	return b.String()
}

// TestMergeOrderIndependent extracts real documents and merges them in
// many orders and in batches, as workers would deliver them.
func TestMergeOrderIndependent(t *testing.T) {
	x, err := New()
	require.NoError(t, err)
	base := []string{
		"YEREVAN, Sept 20 (Reuters) - Azerbaijan launched a military offensive in Nagorno-Karabakh on Tuesday. Armenia said on Wednesday that its forces were not involved. Russia brokered a ceasefire on November 9, 2020.",
		"Azerbaijan launched a military offensive in Nagorno-Karabakh on Tuesday, officials said. Peace talks have been held since 1994. A new round of fighting broke out on September 27, 2020, before Russia brokered a ceasefire on November 9, 2020.",
		"Fighting broke out in September 2020. The ceasefire of November 2020 held until 2023.",
	}
	var tls []*Timeline
	for i := range 12 {
		dct := time.Date(2023, 9, 19+7*((i/3)%3), 12, 0, 0, 0, time.UTC)
		tl, err := x.Extract(context.Background(), Document{ID: fmt.Sprintf("doc-%02d", i), URL: fmt.Sprintf("https://news%d.example/a", i%4), Text: base[i%len(base)], DCT: dct, DCTGranularity: Day})
		require.NoError(t, err)
		tls = append(tls, tl)
	}
	want := mustJSON(t, Merge(tls...))
	require.True(t, strings.Contains(want, `"conflicts"`), "the offensive resolves to different Tuesdays: flagged")
	for seed := range 20 {
		r := rand.New(rand.NewPCG(uint64(seed), 11))
		shuffled := append([]*Timeline(nil), tls...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		m := NewMerger(MergeOptions{})
		for _, tl := range shuffled {
			m.Add(tl)
		}
		assert.True(t, want == mustJSON(t, m.Timeline()), "seed %d", seed)
	}
}

func TestSimilarPairsMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu")
	var sets [][]string
	for range 200 {
		var s []string
		for _, w := range words {
			if r.IntN(3) == 0 {
				s = append(s, w)
			}
		}
		sets = append(sets, sortedUnique(s))
	}
	for _, theta := range []float64{0.3, 0.5, 0.8} {
		got := map[[2]int]bool{}
		similarPairs(sets, theta, func(i, j int, sim float64) { got[[2]int{i, j}] = true })
		for i := range sets {
			for j := i; j < len(sets); j++ {
				want := len(sets[i]) > 0 && (i == j || jaccard(sets[i], sets[j]) >= theta-1e-9)
				assert.Equal(t, want, got[[2]int{i, j}], "theta %v pair %d,%d", theta, i, j)
			}
		}
	}
}

func sortedUnique(s []string) []string {
	m := map[string]bool{}
	var out []string
	for _, w := range s {
		if !m[w] {
			m[w] = true
			out = append(out, w)
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func TestContentTokens(t *testing.T) {
	e := mkTimeline(t, "a", "", mspec{sentence: offensive2, date: "September 19, 2023", value: "2023-09-19"}).Events[0]
	assert.Equal(t, []string{"armenian", "azerbaijan", "karabakh", "launched", "military", "nagorno", "offensive", "officials", "positions"}, contentTokens(&e))
}

// synthCorpus makes n one-document timelines: stories of 20 sentences
// retold by many outlets on a few dates, as in a news corpus.
func synthCorpus(n int) []*Timeline {
	r := rand.New(rand.NewPCG(3, 4))
	vocab := make([]string, 3000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%x", r.Uint32())
	}
	const stories = 1000
	sents := make([][]string, stories)
	for s := range sents {
		for range 20 {
			words := make([]string, 14)
			for k := range words {
				words[k] = vocab[r.IntN(len(vocab))]
			}
			sents[s] = append(sents[s], strings.Join(words, " ")+" on DATE.")
		}
	}
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]*Timeline, n)
	for i := range out {
		s := i % stories
		shift := (i / stories) % 8
		tl := &Timeline{Documents: []DocumentInfo{{ID: fmt.Sprintf("doc-%07d", i), URL: fmt.Sprintf("https://o%d.example/%d", i%50, i)}}}
		off := 0
		for k, text := range sents[s] {
			day := base.AddDate(0, 0, s+k%3+shift*(k%2))
			text = strings.Replace(text, "DATE", "today", 1)
			ds := strings.Index(text, "today")
			tl.Events = append(tl.Events, Event{
				ID:       fmt.Sprintf("d0-s%d-%d", k, off+ds),
				Date:     EventDate{Span: Span{off + ds, off + ds + 5}, Text: "today", Timex: Timex{Value: day.Format("2006-01-02"), Type: Date, Granularity: Day, Interval: Interval{day, day.AddDate(0, 0, 1)}}},
				Type:     "OTHER",
				Sentence: Sentence{Span: Span{off, off + len(text)}, Text: text},
				Actors:   []Actor{},
			})
			off += len(text) + 1
		}
		out[i] = tl
	}
	return out
}

// BenchmarkMerger100k merges 100,000 documents of 20 events each.
func BenchmarkMerger100k(b *testing.B) {
	docs := synthCorpus(benchDocs)
	b.ResetTimer()
	for range b.N {
		m := NewMerger(MergeOptions{})
		for _, d := range docs {
			m.Add(d)
		}
		tl := m.Timeline()
		b.ReportMetric(float64(len(tl.Events)), "events")
	}
}

var benchDocs = 100000 // BenchmarkMerger100k

// TestMergerIncremental: a snapshot does not disturb the index; adding
// more documents afterwards gives what adding them all at once gives.
func TestMergerIncremental(t *testing.T) {
	a := mkTimeline(t, "a", "", mspec{sentence: offensive1, date: "September 19, 2023", value: "2023-09-19"})
	b := mkTimeline(t, "b", "", mspec{sentence: offensive2, date: "September 19, 2023", value: "2023-09-19"})
	m := NewMerger(MergeOptions{})
	m.Add(a)
	first := m.Timeline()
	require.Len(t, first.Events, 1)
	assert.Len(t, first.Events[0].Sources, 1)
	m.Add(b)
	assert.Equal(t, mustJSON(t, Merge(b, a)), mustJSON(t, m.Timeline()))
	assert.Equal(t, 2, m.Documents())
	assert.Equal(t, 2, m.Mentions())
}

func TestConcatOrderIndependent(t *testing.T) {
	a := mkTimeline(t, "a", "", mspec{sentence: offensive1, date: "September 19, 2023", value: "2023-09-19"})
	b := mkTimeline(t, "b", "", mspec{sentence: offensive2, date: "September 19, 2023", value: "2023-09-19"})
	ab, ba := Concat(a, b), Concat(b, a)
	assert.Equal(t, mustJSON(t, ab), mustJSON(t, ba))
	require.Len(t, ab.Events, 2, "Concat does not merge")
	assert.Equal(t, "b", ab.Documents[ab.Events[1].Doc].ID)
}
