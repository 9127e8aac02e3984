package tempeval

import (
	"fmt"

	"github.com/eventline/eventline/timeline/timeml"
)

// FromTimeML returns the TIMEX3 elements of a TimeML document's TEXT (the
// DCT is not among them).
func FromTimeML(d *timeml.Doc) []Timex {
	out := make([]Timex, 0, len(d.Timexes))
	for _, t := range d.Timexes {
		out = append(out, Timex{Start: t.Start, End: t.End, Text: t.Text, Type: t.Type, Value: t.Value, ID: t.TID})
	}
	return out
}

// ScoreTimeML scores a system-annotated TimeML document against the gold
// one, as the TempEval-3 toolkit does with a gold and a system folder. Their
// raw texts must be identical.
func ScoreTimeML(file string, gold, system *timeml.Doc) (FileResult, error) {
	if gold.Text != system.Text {
		i := 0
		for i < len(gold.Text) && i < len(system.Text) && gold.Text[i] == system.Text[i] {
			i++
		}
		return FileResult{}, fmt.Errorf("tempeval: %s: gold and system texts differ from byte %d", file, i)
	}
	return Score(file, gold.Text, FromTimeML(gold), FromTimeML(system)), nil
}
