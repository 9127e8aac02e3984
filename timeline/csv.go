package timeline

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"
)

func init() { writers["csv"] = WriteCSV }

// CSVHeader names the columns WriteCSV writes.
var CSVHeader = []string{
	"id", "date", "granularity", "begin", "end", "mod", "type", "actors", "recipients",
	"trigger", "date_text", "sentence", "doc", "doc_id", "url",
	"n_sources", "source_ids", "source_urls", "conflicts",
}

// WriteCSV writes one event per row (RFC 4180, with a header row), in
// chronological order. Lists are joined with "; ". Conflicts are written
// as "date event-id" pairs. begin and end are the date's interval in UTC,
// RFC 3339; end is empty for an open interval.
func WriteCSV(w io.Writer, tl *Timeline) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for i := range tl.Events {
		e := &tl.Events[i]
		docID, url := "", ""
		if e.Doc >= 0 && e.Doc < len(tl.Documents) {
			docID, url = tl.Documents[e.Doc].ID, tl.Documents[e.Doc].URL
		}
		var ids, urls, conflicts []string
		for _, s := range e.Sources {
			ids = append(ids, s.DocID)
			if s.URL != "" {
				urls = append(urls, s.URL)
			}
		}
		for _, c := range e.Conflicts {
			conflicts = append(conflicts, c.Date+" "+c.Event)
		}
		n := len(e.Sources)
		if n == 0 {
			n = 1
		}
		row := []string{
			e.ID, e.Date.Value, e.Date.Granularity.String(), csvTime(e.Date.Interval.Begin), csvTime(e.Date.Interval.End), e.Date.Mod,
			e.Type, strings.Join(actorList(e.Actors), "; "), strings.Join(actorList(e.Recipients), "; "),
			e.Trigger.Text, e.Date.Text, oneLine(e.Sentence.Text, 1<<20), strconv.Itoa(e.Doc), docID, url,
			strconv.Itoa(n), strings.Join(dedupe(ids), "; "), strings.Join(dedupe(urls), "; "), strings.Join(conflicts, "; "),
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func actorList(as []Actor) []string {
	out := make([]string, 0, len(as))
	for _, a := range as {
		out = append(out, actorName(a))
	}
	return dedupe(out)
}
