package timeline

import (
	"encoding/json"
	"fmt"
)

// Granularity is the precision of a normalized value, from coarse to fine.
type Granularity int

// Granularities, coarse to fine. Unknown is for values with no calendar
// precision (durations, vague references).
const (
	Unknown Granularity = iota
	Millennium
	Century
	Decade
	Year
	Half
	Season
	Quarter
	Month
	Week
	Day
	PartOfDay
	Hour
	Minute
	Second
)

var granularityNames = [...]string{
	Unknown:    "unknown",
	Millennium: "millennium",
	Century:    "century",
	Decade:     "decade",
	Year:       "year",
	Half:       "half",
	Season:     "season",
	Quarter:    "quarter",
	Month:      "month",
	Week:       "week",
	Day:        "day",
	PartOfDay:  "partofday",
	Hour:       "hour",
	Minute:     "minute",
	Second:     "second",
}

// String returns the lower-case name: "year", "month", "day"…
func (g Granularity) String() string {
	if g < 0 || int(g) >= len(granularityNames) {
		return fmt.Sprintf("Granularity(%d)", int(g))
	}
	return granularityNames[g]
}

// ParseGranularity is the inverse of String.
func ParseGranularity(s string) (Granularity, error) {
	for g, name := range granularityNames {
		if name == s {
			return Granularity(g), nil
		}
	}
	return Unknown, fmt.Errorf("timeline: unknown granularity %q", s)
}

// MarshalText writes the name, so JSON carries "day" rather than 10.
func (g Granularity) MarshalText() ([]byte, error) { return []byte(g.String()), nil }

// UnmarshalText reads a name written by MarshalText.
func (g *Granularity) UnmarshalText(b []byte) error {
	v, err := ParseGranularity(string(b))
	if err != nil {
		return err
	}
	*g = v
	return nil
}

var _ json.Marshaler = Mode("")

// Mode is how relative expressions of a document are anchored.
type Mode string

const (
	// Auto lets the extractor choose per document.
	Auto Mode = ""
	// News resolves relative expressions against the DCT.
	News Mode = "news"
	// History resolves them against the date last mentioned in the story
	// (histories, chronologies, Wikipedia narratives).
	History Mode = "narrative"
)

// MarshalJSON writes "auto" for the zero Mode.
func (m Mode) MarshalJSON() ([]byte, error) {
	if m == Auto {
		return []byte(`"auto"`), nil
	}
	return json.Marshal(string(m))
}
