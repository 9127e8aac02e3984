package timeline

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
)

// A Writer renders a timeline in one output format.
type Writer func(w io.Writer, tl *Timeline) error

// writers are the output formats by name.
var writers = map[string]Writer{
	"text":   WriteText,
	"json":   WriteJSON,
	"plover": WritePLOVER,
	"acled":  WriteACLED,
}

// Formats lists the names Write accepts.
func Formats() []string {
	names := make([]string, 0, len(writers))
	for n := range writers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Write renders tl in the named format ("text", "json", …; see Formats).
func Write(w io.Writer, tl *Timeline, format string) error {
	f, ok := writers[format]
	if !ok {
		return fmt.Errorf("timeline: unknown format %q (have %s)", format, strings.Join(Formats(), ", "))
	}
	return f(w, tl)
}

// WriteJSON writes the timeline as one indented JSON object.
func WriteJSON(w io.Writer, tl *Timeline) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(tl)
}

// WriteText writes a readable chronology: one line per event with its
// date, type, actors and the sentence it came from.
func WriteText(w io.Writer, tl *Timeline) error {
	for _, d := range tl.Documents {
		name := d.ID
		if name == "" {
			name = "document"
		}
		dct := "none"
		if d.DCT.Value != "" {
			dct = d.DCT.Value
			if d.DCT.Text != "" && d.DCT.Text != d.DCT.Value {
				dct += " (" + d.DCT.Text + ")"
			}
		}
		if _, err := fmt.Fprintf(w, "# %s  DCT %s  mode %s\n", name, dct, modeName(d.Mode)); err != nil {
			return err
		}
	}
	for _, e := range tl.Events {
		names := make([]string, 0, len(e.Actors)+len(e.Recipients))
		for _, a := range e.Agents() {
			names = append(names, a.Name)
		}
		actors := strings.Join(dedupe(names), ", ")
		if len(e.Recipients) > 0 {
			var rs []string
			for _, a := range e.Recipients {
				rs = append(rs, a.Name)
			}
			actors += " -> " + strings.Join(dedupe(rs), ", ")
		}
		if _, err := fmt.Fprintf(w, "%-16s %-10s %-9s %-32s %s%s\n", e.Date.Value, e.Date.Granularity, e.Type, actors, oneLine(e.Sentence.Text, 100), mergeNote(&e)); err != nil {
			return err
		}
	}
	return nil
}

func modeName(m Mode) string {
	if m == Auto {
		return "auto"
	}
	return string(m)
}

func dedupe(s []string) []string {
	seen := map[string]bool{}
	out := s[:0:0]
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// oneLine folds white space and cuts s to at most n runes.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
