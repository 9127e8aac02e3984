package main

import (
	"slices"
	"strings"

	"github.com/eventline/eventline/timeline"
)

// Record is one line of the output: a merged event and the window it was
// merged in.
//
// The event's Doc and its sources' Doc fields index the documents of the
// window's merge, which the output does not list: sources name their
// document by DocID and URL. Event IDs, and the IDs in Conflicts, are
// prefixed with the document ID of the report they were taken from, so
// they are unique across the corpus.
type Record struct {
	Window string `json:"window"`
	timeline.Event
}

// mention is what the extraction step sends to the merge step for one
// event: the event, and the document it was read from (without its
// sentences), which the library's Merger uses to order documents and to
// name sources.
type mention struct {
	Doc   timeline.DocumentInfo `json:"doc"`
	Event timeline.Event        `json:"event"`
}

// mergeWindow merges the mentions of one window with the library's
// Merger: an event reported by several sources becomes one event that
// keeps all of them; conflicting dates within the window are flagged in
// Event.Conflicts; a coarse mention joins a finer event only when that is
// unambiguous (the ambiguous ones come back as diagnostics). The result
// depends only on the set of mentions, not on their order.
func mergeWindow(ms []mention) ([]timeline.Event, []timeline.Diagnostic) {
	// one timeline a document, as the extractor made it
	byDoc := map[string]*timeline.Timeline{}
	for _, m := range ms {
		tl := byDoc[m.Doc.ID]
		if tl == nil {
			tl = &timeline.Timeline{Documents: []timeline.DocumentInfo{m.Doc}}
			byDoc[m.Doc.ID] = tl
		}
		ev := m.Event
		ev.Doc = 0
		tl.Events = append(tl.Events, ev)
	}
	ids := make([]string, 0, len(byDoc))
	for id := range byDoc {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	mg := timeline.NewMerger(timeline.MergeOptions{})
	for _, id := range ids {
		mg.Add(byDoc[id])
	}
	tl := mg.Timeline()

	// corpus-wide IDs: the document's ID for the merge's "d<index>"
	rename := map[string]string{}
	for i := range tl.Events {
		ev := &tl.Events[i]
		id := ev.ID
		if ev.Doc >= 0 && ev.Doc < len(tl.Documents) {
			_, rest, _ := strings.Cut(ev.ID, "-")
			id = tl.Documents[ev.Doc].ID + "/" + rest
		}
		rename[ev.ID] = id
	}
	for i := range tl.Events {
		ev := &tl.Events[i]
		ev.ID = rename[ev.ID]
		for k := range ev.Conflicts {
			if id, ok := rename[ev.Conflicts[k].Event]; ok {
				ev.Conflicts[k].Event = id
			}
		}
	}
	return tl.Events, tl.Diagnostics
}
