package timeline

import (
	"encoding/json"
	"io"
	"strings"
	"time"
)

// ploverEvent is one line of the PLOVER-style export.
type ploverEvent struct {
	ID        string         `json:"id"`
	Date      string         `json:"date"`
	EndDate   string         `json:"enddate"`
	Actor     []ploverEntity `json:"actor"`
	Recipient []ploverEntity `json:"recipient"`
	Event     string         `json:"event"`
	QuadCode  int            `json:"quad_code"`
	CAMEO     string         `json:"cameo,omitempty"`
	Mode      string         `json:"mode"`
	EventText string         `json:"event_text"`
	Trigger   string         `json:"trigger,omitempty"`
	TextInfo  ploverSpan     `json:"text_info"`
	CiteInfo  string         `json:"cite_info"`
}

// ploverEntity is an actor as PLOVER writes it: the code (ISO alpha-3 or
// IGO/UNO/NGO…), the sector, the text it was read from and the office.
type ploverEntity struct {
	Code       string `json:"code"`
	Sector     string `json:"sector"`
	EntityText string `json:"entity_text"`
	Office     string `json:"office"`
	Name       string `json:"name"`
}

type ploverSpan struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// WritePLOVER writes the events of tl as PLOVER-style JSON Lines, one
// event a line: id, date and enddate (ISO dates; enddate is the last day
// of an interval longer than a day, else empty), actor[] and recipient[]
// entities, event (the PLOVER category, STATEMENT or OTHER), quad_code,
// mode, event_text (the sentence), text_info (the sentence's byte offsets
// in its document) and cite_info (the document's source, title, URL or ID).
func WritePLOVER(w io.Writer, tl *Timeline) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, e := range tl.Events {
		date, end := eventDates(e.Date.Timex)
		pe := ploverEvent{
			ID:        e.ID,
			Date:      date,
			EndDate:   end,
			Actor:     ploverEntities(e.Agents()),
			Recipient: ploverEntities(e.Recipients),
			Event:     e.Type,
			QuadCode:  e.Quad,
			CAMEO:     e.CAMEO,
			Mode:      e.Mode,
			EventText: e.Sentence.Text,
			Trigger:   e.Trigger.Text,
			TextInfo:  ploverSpan{e.Sentence.Start, e.Sentence.End},
			CiteInfo:  citation(tl, e.Doc),
		}
		if err := enc.Encode(pe); err != nil {
			return err
		}
	}
	return nil
}

func ploverEntities(as []Actor) []ploverEntity {
	out := make([]ploverEntity, 0, len(as))
	for _, a := range as {
		out = append(out, ploverEntity{Code: a.Code, Sector: a.Sector, EntityText: a.Text, Office: a.Office, Name: a.Name})
	}
	return out
}

// eventDates returns the first day an event's date covers and, when it
// covers more than one day, the last; unresolved dates give their TIMEX3
// value.
func eventDates(t Timex) (date, end string) {
	if t.Interval.Begin.IsZero() {
		return t.Value, ""
	}
	date = t.Interval.Begin.Format(time.DateOnly)
	if !t.Interval.End.IsZero() {
		last := t.Interval.End.Add(-time.Nanosecond)
		if l := last.Format(time.DateOnly); l != date {
			end = l
		}
	}
	return date, end
}

// citation names document i: its source, title and URL, or its ID.
func citation(tl *Timeline, i int) string {
	if i < 0 || i >= len(tl.Documents) {
		return ""
	}
	d := tl.Documents[i]
	var parts []string
	for _, p := range []string{d.Source, d.Title, d.URL} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return d.ID
	}
	return strings.Join(parts, ", ")
}
