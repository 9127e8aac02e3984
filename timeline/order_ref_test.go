package timeline

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// refOrderEvents is orderEvents as it was first written: a stable sort
// of the events themselves by the comparison spelled out with Before,
// After and Equal.
func refOrderEvents(evs []Event) {
	sort.SliceStable(evs, func(i, j int) bool {
		a, b := &evs[i].Date, &evs[j].Date
		if !a.Interval.Begin.Equal(b.Interval.Begin) {
			return a.Interval.Begin.Before(b.Interval.Begin)
		}
		ae, be := a.Interval.End, b.Interval.End
		if ae.IsZero() != be.IsZero() {
			return ae.IsZero() // an open interval is the widest
		}
		if !ae.Equal(be) {
			return ae.After(be)
		}
		if evs[i].Doc != evs[j].Doc {
			return evs[i].Doc < evs[j].Doc
		}
		return evs[i].Sentence.Start < evs[j].Sentence.Start || evs[i].Sentence.Start == evs[j].Sentence.Start && evs[i].Date.Start < evs[j].Date.Start
	})
}

// randomEvents makes n events from few distinct dates, ends, documents
// and offsets, so that ties at every level of the order are common;
// Trigger.Text tells each event apart.
func randomEvents(r *rand.Rand, n int) []Event {
	day := func(k int) time.Time { return time.Date(2020, 1, 1+k, 0, 0, 0, 0, time.UTC) }
	evs := make([]Event, n)
	for i := range evs {
		e := &evs[i]
		e.Date.Interval.Begin = day(r.IntN(4))
		switch r.IntN(3) {
		case 0: // open
		case 1:
			e.Date.Interval.End = e.Date.Interval.Begin.AddDate(0, 0, 1)
		default:
			e.Date.Interval.End = e.Date.Interval.Begin.AddDate(0, 1, 0)
		}
		e.Doc = r.IntN(3)
		e.Sentence.Start = r.IntN(3) * 10
		e.Date.Start = e.Sentence.Start + r.IntN(3)
		e.Trigger.Text = string(rune('a' + i%26))
		e.ID = time.Duration(i).String()
	}
	return evs
}

func TestOrderEventsMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 60 {
		for range 20 {
			evs := randomEvents(r, n)
			want := slices.Clone(evs)
			refOrderEvents(want)
			orderEvents(evs)
			require.Equal(t, want, evs, "%d events", n)
		}
	}
}

func FuzzOrderEvents(f *testing.F) {
	f.Add(uint64(1), uint8(10))
	f.Add(uint64(7), uint8(200))
	f.Fuzz(func(t *testing.T, seed uint64, n uint8) {
		evs := randomEvents(rand.New(rand.NewPCG(seed, 0)), int(n))
		want := slices.Clone(evs)
		refOrderEvents(want)
		orderEvents(evs)
		require.Equal(t, want, evs)
	})
}
