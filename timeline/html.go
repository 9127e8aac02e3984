package timeline

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"time"
)

func init() { writers["html"] = WriteHTML }

//go:embed html/page.html html/style.css html/app.js
var htmlAssets embed.FS

var htmlPage = template.Must(template.New("page.html").ParseFS(htmlAssets, "html/page.html"))

// htmlData is what the page's script reads: the events in chronological
// order, compactly.
type htmlData struct {
	Title     string      `json:"title"`
	Documents int         `json:"documents"`
	Events    []htmlEvent `json:"events"`
}

type htmlEvent struct {
	ID          string         `json:"id"`
	Value       string         `json:"value"`
	Granularity string         `json:"gran"`
	Mod         string         `json:"mod,omitempty"`
	Begin       string         `json:"begin"`
	End         string         `json:"end,omitempty"`
	Type        string         `json:"type"`
	Actors      []string       `json:"actors"`
	Recipients  []string       `json:"recipients,omitempty"`
	Trigger     string         `json:"trigger,omitempty"`
	Sentence    string         `json:"sentence"`
	DateAt      [2]int         `json:"dateAt"` // the date's span within the sentence
	DateText    string         `json:"dateText"`
	Sources     []htmlSource   `json:"sources"`
	MoreSources int            `json:"moreSources,omitempty"` // beyond htmlMaxSources
	Conflicts   []htmlConflict `json:"conflicts,omitempty"`
}

type htmlSource struct {
	DocID string `json:"doc"`
	URL   string `json:"url,omitempty"`
	Title string `json:"title,omitempty"`
	DCT   string `json:"dct,omitempty"`
}

type htmlConflict struct {
	Event string `json:"event"`
	Date  string `json:"date"`
}

// WriteHTML writes one self-contained page (inline CSS and script, no
// network): an SVG timeline of the events on a time axis, in lanes by
// actor, by year or by type, with filters by actor and date range.
// Hovering an event shows its sentence; clicking it shows the sentence,
// the date, the actors, every source and the conflicting dates.
func WriteHTML(w io.Writer, tl *Timeline) error {
	data := htmlData{Documents: len(tl.Documents), Events: make([]htmlEvent, 0, len(tl.Events))}
	switch {
	case len(tl.Documents) == 1 && tl.Documents[0].Title != "":
		data.Title = tl.Documents[0].Title
	case len(tl.Documents) == 1 && tl.Documents[0].ID != "":
		data.Title = tl.Documents[0].ID
	default:
		data.Title = fmt.Sprintf("Chronology of %d documents", len(tl.Documents))
	}
	for i := range tl.Events {
		e := &tl.Events[i]
		he := htmlEvent{
			ID: e.ID, Value: e.Date.Value, Granularity: e.Date.Granularity.String(), Mod: e.Date.Mod,
			Begin: htmlTime(e.Date.Interval.Begin), End: htmlTime(e.Date.Interval.End),
			Type: e.Type, Actors: actorList(sourceActors(e)), Trigger: e.Trigger.Text,
			Sentence: e.Sentence.Text, DateText: e.Date.Text,
			DateAt: [2]int{e.Date.Start - e.Sentence.Start, e.Date.End - e.Sentence.Start},
		}
		if len(e.Recipients) > 0 {
			he.Recipients = actorList(e.Recipients)
		}
		srcs := e.Sources
		if len(srcs) == 0 {
			srcs = []Source{{Doc: e.Doc, Sentence: e.Sentence.Span}}
		}
		if len(srcs) > htmlMaxSources {
			he.MoreSources = len(srcs) - htmlMaxSources
			srcs = srcs[:htmlMaxSources]
		}
		for _, s := range srcs {
			hs := htmlSource{DocID: s.DocID, URL: s.URL}
			if s.Doc >= 0 && s.Doc < len(tl.Documents) {
				d := &tl.Documents[s.Doc]
				if hs.DocID == "" {
					hs.DocID = d.ID
				}
				if hs.URL == "" {
					hs.URL = d.URL
				}
				hs.Title, hs.DCT = d.Title, d.DCT.Value
			}
			he.Sources = append(he.Sources, hs)
		}
		for _, c := range e.Conflicts {
			he.Conflicts = append(he.Conflicts, htmlConflict{Event: c.Event, Date: c.Date})
		}
		data.Events = append(data.Events, he)
	}
	js, err := json.Marshal(data) // escapes <, > and &: safe inside <script>
	if err != nil {
		return err
	}
	css, err := htmlAssets.ReadFile("html/style.css")
	if err != nil {
		return err
	}
	app, err := htmlAssets.ReadFile("html/app.js")
	if err != nil {
		return err
	}
	var b bytes.Buffer
	err = htmlPage.Execute(&b, map[string]any{
		"Title": data.Title,
		"CSS":   template.CSS(css),
		"Data":  template.JS(js),
		"App":   template.JS(app),
	})
	if err != nil {
		return err
	}
	_, err = w.Write(b.Bytes())
	return err
}

// sourceActors are the actors that acted: the targets, listed in Actors
// too, are shown as recipients.
func sourceActors(e *Event) []Actor {
	if len(e.Recipients) == 0 {
		return e.Actors
	}
	var out []Actor
	for _, a := range e.Actors {
		if a.Role != RoleTarget {
			out = append(out, a)
		}
	}
	return out
}

// htmlMaxSources is how many sources of an event the page lists; the
// rest are counted (the json, jsonl and csv formats have them all).
const htmlMaxSources = 50

func htmlTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.UTC()
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02T15:04:05Z")
}
