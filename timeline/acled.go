package timeline

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"
)

// acledColumns are the columns of the ACLED-compatible export, a subset
// of ACLED's own with the same names.
var acledColumns = []string{
	"event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
	"actor1", "inter1", "actor2", "inter2", "country", "source", "notes",
	"plover_event", "quad_code",
}

// WriteACLED writes the events of tl as ACLED-compatible CSV, with a
// header line.
//
// event_date is the first day the event's date covers. time_precision is
// ACLED's: 1 for a day or finer, 2 for a week, 3 for a month. ACLED has no
// coarser precision, so an event dated only to a year (or a season,
// quarter, decade…) is written with time_precision 3 and the first day of
// that period; its plover_event column and the notes still say what the
// text gave. Events without a calendar date are left out.
//
// event_type and sub_event_type follow ACLED's categories where PLOVER's
// maps onto them plainly (an aerial ASSAULT is "Explosions/Remote
// violence", "Air/drone strike"; an ASSAULT on civilians is "Violence
// against civilians"; an AGREE is a "Strategic developments",
// "Agreement"), and are empty where it does not (verbal events, which
// ACLED does not code). actor1/actor2 are the first source and the first
// recipient with their ACLED interaction codes (1 state forces, 2 rebels,
// 6 protesters, 7 civilians, 8 external/other forces). country, where an
// event took place, is not read from the text and stays empty; notes is
// the sentence.
func WriteACLED(w io.Writer, tl *Timeline) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(acledColumns); err != nil {
		return err
	}
	for _, e := range tl.Events {
		if !e.Date.Resolved() {
			continue
		}
		typ, sub := acledType(e)
		var a1, i1, a2, i2 string
		if src := e.Agents(); len(src) > 0 {
			a1, i1 = acledActor(src[0])
		}
		if len(e.Recipients) > 0 {
			a2, i2 = acledActor(e.Recipients[0])
		}
		rec := []string{
			e.ID,
			e.Date.Interval.Begin.Format(time.DateOnly),
			strconv.Itoa(timePrecision(e.Date.Granularity)),
			typ, sub, a1, i1, a2, i2, "",
			citation(tl, e.Doc),
			strings.Join(strings.Fields(e.Sentence.Text), " "),
			e.Type, strconv.Itoa(e.Quad),
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// timePrecision maps a granularity to ACLED's time_precision.
func timePrecision(g Granularity) int {
	switch {
	case g >= Day:
		return 1
	case g == Week:
		return 2
	default:
		return 3
	}
}

// acledType maps a PLOVER category (and mode) onto ACLED's event type and
// sub-event type, where the mapping is clear.
func acledType(e Event) (typ, sub string) {
	trig := strings.ToLower(e.Trigger.Text)
	switch e.Type {
	case "ASSAULT":
		switch e.Mode {
		case "aerial":
			return "Explosions/Remote violence", "Air/drone strike"
		case "heavy-weapons":
			return "Explosions/Remote violence", "Shelling/artillery/missile attack"
		case "explosives":
			if strings.Contains(strings.ToLower(e.Sentence.Text), "suicide") {
				return "Explosions/Remote violence", "Suicide bomb"
			}
			return "Explosions/Remote violence", "Remote explosive/landmine/IED"
		case "CBRN":
			return "Explosions/Remote violence", "Chemical weapon"
		}
		for _, r := range e.Recipients {
			if r.Sector == "CVL" {
				if e.Mode == "abduct" {
					return "Violence against civilians", "Abduction/forced disappearance"
				}
				return "Violence against civilians", "Attack"
			}
		}
		return "Battles", ""
	case "PROTEST":
		if strings.HasPrefix(trig, "riot") {
			return "Riots", ""
		}
		return "Protests", ""
	case "AGREE":
		return "Strategic developments", "Agreement"
	case "COERCE":
		if strings.HasPrefix(trig, "arrest") || strings.HasPrefix(trig, "detain") || strings.HasPrefix(trig, "detention") {
			return "Strategic developments", "Arrests"
		}
		return "Strategic developments", ""
	case "MOBILIZE", "RETREAT", "SANCTION", "CONSULT", "COOPERATE", "AID", "CONCEDE", "THREATEN":
		return "Strategic developments", ""
	}
	return "", ""
}

// acledActor names an actor the way ACLED does ("Military Forces of
// Russia", "Government of Armenia") and gives its interaction code.
func acledActor(a Actor) (name, inter string) {
	switch a.Code {
	case "UNO", "IGO", "NGO":
		return a.Name, "8"
	}
	country := a.Country
	if country == "" && a.Kind == "country" {
		country = a.Name
	}
	switch a.Sector {
	case "MIL":
		if country != "" {
			return "Military Forces of " + country, "1"
		}
		return "Military Forces", "1"
	case "COP":
		if country != "" {
			return "Police Forces of " + country, "1"
		}
		return "Police Forces", "1"
	case "GOV", "LEG", "JUD":
		if a.Kind == "person" {
			return a.Name + " (" + a.Office + ", " + orUnknown(country) + ")", "1"
		}
		if country != "" {
			return "Government of " + country, "1"
		}
		return "Government", "1"
	case "REB":
		if a.Kind == "organization" {
			return a.Name, "2"
		}
		if country != "" {
			return "Rebel group (" + country + ")", "2"
		}
		return "Rebel group", "2"
	case "CVL":
		if strings.Contains(strings.ToLower(a.Agent), "protest") || strings.Contains(strings.ToLower(a.Agent), "demonstrat") {
			return "Protesters (" + orUnknown(country) + ")", "6"
		}
		if country != "" {
			return "Civilians (" + country + ")", "7"
		}
		return "Civilians", "7"
	}
	if a.Kind == "country" {
		return a.Name, "1"
	}
	return a.Name, ""
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
