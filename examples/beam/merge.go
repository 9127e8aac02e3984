package main

import (
	"cmp"
	"slices"

	"github.com/eventline/eventline/timeline"
)

// Record is one line of the output: a merged event and the window it was
// merged in.
//
// The event's Doc and its sources' Doc fields index the documents of one
// call to the extractor; each document is extracted alone here, so they
// are always 0. Sources name their document by DocID and URL.
type Record struct {
	Window string `json:"window"`
	timeline.Event
}

// mergeWindow merges the events of one window: events with the same date
// value and the same type become one event that keeps the sources of all.
// The result is the same whatever the order of events, so it does not
// depend on how the runner grouped them. It is sorted by date, then type,
// then ID.
//
// This is a stand-in for the library's own merge, which also weighs
// actors and wording, joins a coarse date to a finer one when that is
// unambiguous, and flags conflicting dates.
func mergeWindow(events []timeline.Event) []timeline.Event {
	type key struct{ value, typ string }
	slices.SortFunc(events, compareMentions)
	byKey := map[key]int{}
	var out []timeline.Event
	for _, ev := range events {
		k := key{ev.Date.Value, ev.Type}
		i, ok := byKey[k]
		if !ok {
			ev.Sources = slices.Clone(ev.Sources)
			ev.Actors = slices.Clone(ev.Actors)
			ev.Recipients = slices.Clone(ev.Recipients)
			byKey[k] = len(out)
			out = append(out, ev)
			continue
		}
		m := &out[i]
		m.Sources = addSources(m.Sources, ev.Sources)
		m.Actors = addActors(m.Actors, ev.Actors)
		m.Recipients = addActors(m.Recipients, ev.Recipients)
	}
	for i := range out {
		slices.SortFunc(out[i].Sources, compareSources)
	}
	slices.SortFunc(out, func(a, b timeline.Event) int {
		return cmp.Or(
			a.Date.Interval.Begin.Compare(b.Date.Interval.Begin),
			cmp.Compare(a.Date.Value, b.Date.Value),
			cmp.Compare(a.Type, b.Type),
			cmp.Compare(a.ID, b.ID),
		)
	})
	return out
}

// compareMentions orders the events of a window so that the first of a
// merged group, whose date, sentence and trigger the merged event keeps,
// is always the same one: the one from the least document ID, then the
// earliest in its document.
func compareMentions(a, b timeline.Event) int {
	return cmp.Or(
		cmp.Compare(firstDocID(a), firstDocID(b)),
		cmp.Compare(a.Sentence.Start, b.Sentence.Start),
		cmp.Compare(a.Date.Start, b.Date.Start),
		cmp.Compare(a.ID, b.ID),
	)
}

func firstDocID(ev timeline.Event) string {
	if len(ev.Sources) == 0 {
		return ""
	}
	return ev.Sources[0].DocID
}

func compareSources(a, b timeline.Source) int {
	return cmp.Or(
		cmp.Compare(a.DocID, b.DocID),
		cmp.Compare(a.Sentence.Start, b.Sentence.Start),
		cmp.Compare(a.Sentence.End, b.Sentence.End),
		cmp.Compare(a.URL, b.URL),
	)
}

// addSources appends the sources of add that dst does not have yet.
func addSources(dst, add []timeline.Source) []timeline.Source {
	for _, s := range add {
		if !slices.ContainsFunc(dst, func(d timeline.Source) bool { return compareSources(d, s) == 0 }) {
			dst = append(dst, s)
		}
	}
	return dst
}

// addActors appends the actors of add that dst does not have yet in the
// same role, an actor being known by its canonical name (or its text,
// when it has none).
func addActors(dst, add []timeline.Actor) []timeline.Actor {
	name := func(a timeline.Actor) string { return cmp.Or(a.Name, a.Text) }
	for _, a := range add {
		if !slices.ContainsFunc(dst, func(d timeline.Actor) bool { return name(d) == name(a) && d.Role == a.Role }) {
			dst = append(dst, a)
		}
	}
	return dst
}
