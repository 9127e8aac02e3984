package timeline

import (
	"bufio"
	"encoding/json"
	"io"
)

func init() { writers["jsonl"] = WriteJSONL }

// WriteJSONL writes one event per line as a JSON object, in chronological
// order, with its sentence, sources and conflicts: the form to stream into
// other tools. Documents are not written; each source names its
// document's ID and URL.
func WriteJSONL(w io.Writer, tl *Timeline) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	for i := range tl.Events {
		if err := enc.Encode(&tl.Events[i]); err != nil {
			return err
		}
	}
	return bw.Flush()
}
