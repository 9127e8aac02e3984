package timeline

import (
	"encoding/json"
	"fmt"
	"time"
)

// intervalJSON is how an Interval is written: RFC 3339 times, with an
// expanded year ("-0498-01-01T00:00:00Z") outside 0000-9999, where
// time.Time's own MarshalJSON fails (BC dates).
type intervalJSON struct {
	Begin string `json:"begin"`
	End   string `json:"end,omitempty"`
}

// MarshalJSON writes the bounds as RFC 3339 strings, BC years included.
func (iv Interval) MarshalJSON() ([]byte, error) {
	out := intervalJSON{Begin: formatInstant(iv.Begin)}
	if !iv.End.IsZero() {
		out.End = formatInstant(iv.End)
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (iv *Interval) UnmarshalJSON(b []byte) error {
	var in intervalJSON
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	var err error
	if iv.Begin, err = parseInstant(in.Begin); err != nil {
		return err
	}
	if in.End == "" {
		iv.End = time.Time{}
		return nil
	}
	iv.End, err = parseInstant(in.End)
	return err
}

func formatInstant(t time.Time) string {
	t = t.UTC()
	if y := t.Year(); y < 0 || y > 9999 {
		return fmt.Sprintf("%+05d-%s", y, t.Format("01-02T15:04:05Z"))
	}
	return t.Format(time.RFC3339)
}

func parseInstant(s string) (time.Time, error) {
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		var y int
		var rest string
		if _, err := fmt.Sscanf(s, "%d-%s", &y, &rest); err != nil {
			return time.Time{}, fmt.Errorf("timeline: bad instant %q", s)
		}
		t, err := time.Parse("01-02T15:04:05Z", rest)
		if err != nil {
			return time.Time{}, fmt.Errorf("timeline: bad instant %q: %w", s, err)
		}
		return time.Date(y, t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC), nil
	}
	return time.Parse(time.RFC3339, s)
}
