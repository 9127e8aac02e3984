package timeline

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seedTimeline extracts the seed article's chronology.
func seedTimeline(t *testing.T) *Timeline {
	t.Helper()
	b, err := os.ReadFile("../seeds/000_b4ef29c311dfde9a.txt")
	require.NoError(t, err)
	x, err := New()
	require.NoError(t, err)
	tl, err := x.Extract(context.Background(), Document{ID: "seed", Source: "CGTN", Text: string(b)})
	require.NoError(t, err)
	return tl
}

func TestWritePLOVER(t *testing.T) {
	tl := seedTimeline(t)
	var buf bytes.Buffer
	require.NoError(t, WritePLOVER(&buf, tl))
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	require.Len(t, lines, len(tl.Events))

	var condemned map[string]any
	for _, l := range lines {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &m))
		for _, k := range []string{"id", "date", "enddate", "actor", "recipient", "event", "quad_code", "mode", "event_text", "text_info", "cite_info"} {
			assert.Contains(t, m, k)
		}
		if strings.HasPrefix(m["event_text"].(string), "Later on Tuesday") {
			condemned = m
		}
	}
	require.NotNil(t, condemned)
	assert.Equal(t, "2023-09-19", condemned["date"])
	assert.Equal(t, "", condemned["enddate"])
	assert.Equal(t, "ACCUSE", condemned["event"])
	assert.EqualValues(t, 3, condemned["quad_code"])
	assert.Equal(t, "CGTN", condemned["cite_info"])
	actor := condemned["actor"].([]any)[0].(map[string]any)
	assert.Equal(t, map[string]any{"code": "ARM", "sector": "GOV", "entity_text": "Armenia's Foreign Ministry", "office": "", "name": "Armenia"}, actor)
	info := condemned["text_info"].(map[string]any)
	start, end := int(info["start"].(float64)), int(info["end"].(float64))
	b, _ := os.ReadFile("../seeds/000_b4ef29c311dfde9a.txt")
	assert.Equal(t, condemned["event_text"], string(b[start:end]), "text_info indexes the input")

	// A year has an end date: the last day it covers.
	d, e := eventDates(Timex{Interval: Interval{Begin: date(1988, 1, 1), End: date(1989, 1, 1)}})
	assert.Equal(t, [2]string{"1988-01-01", "1988-12-31"}, [2]string{d, e})
}

func TestWriteACLED(t *testing.T) {
	tl := seedTimeline(t)
	var buf bytes.Buffer
	require.NoError(t, WriteACLED(&buf, tl))
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, rows)
	head := rows[0]
	for _, c := range []string{"event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "inter1", "inter2", "country", "source", "notes"} {
		assert.Contains(t, head, c)
	}
	col := func(row []string, name string) string {
		for i, h := range head {
			if h == name {
				return row[i]
			}
		}
		t.Fatalf("no column %s", name)
		return ""
	}
	byDate := map[string][]string{}
	for _, r := range rows[1:] {
		byDate[col(r, "event_date")+" "+strings.SplitN(col(r, "notes"), " ", 3)[0]] = r
	}
	year := byDate["1988-01-01 Armenia"]
	require.NotNil(t, year, "%v", byDate)
	assert.Equal(t, "3", col(year, "time_precision"), "a year is written with month precision")

	assault := byDate["2023-09-19 The"]
	require.NotNil(t, assault)
	assert.Equal(t, "1", col(assault, "time_precision"))
	assert.Equal(t, "Battles", col(assault, "event_type"))
	assert.Equal(t, "Azerbaijan", col(assault, "actor1"))
	assert.Equal(t, "1", col(assault, "inter1"))
	assert.Equal(t, "", col(assault, "country"), "where it happened is not read")
	assert.Equal(t, "CGTN", col(assault, "source"))

	condemned := byDate["2023-09-19 Later"]
	require.NotNil(t, condemned)
	assert.Equal(t, "Government of Armenia", col(condemned, "actor1"))
	assert.Equal(t, "", col(condemned, "event_type"), "ACLED codes no verbal events")
}

func TestACLEDMapping(t *testing.T) {
	tests := []struct {
		reason   string
		ev       Event
		typ, sub string
	}{
		{reason: "aerial assault", ev: Event{Type: "ASSAULT", Mode: "aerial"}, typ: "Explosions/Remote violence", sub: "Air/drone strike"},
		{reason: "landmines", ev: Event{Type: "ASSAULT", Mode: "explosives"}, typ: "Explosions/Remote violence", sub: "Remote explosive/landmine/IED"},
		{reason: "attack on civilians", ev: Event{Type: "ASSAULT", Recipients: []Actor{{Sector: "CVL"}}}, typ: "Violence against civilians", sub: "Attack"},
		{reason: "an agreement", ev: Event{Type: "AGREE"}, typ: "Strategic developments", sub: "Agreement"},
		{reason: "arrests", ev: Event{Type: "COERCE", Trigger: Trigger{Text: "arrested"}}, typ: "Strategic developments", sub: "Arrests"},
		{reason: "a protest", ev: Event{Type: "PROTEST"}, typ: "Protests"},
		{reason: "verbal: not coded", ev: Event{Type: "ACCUSE"}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			typ, sub := acledType(tt.ev)
			assert.Equal(t, tt.typ, typ)
			assert.Equal(t, tt.sub, sub)
		})
	}
	actors := []struct {
		a           Actor
		name, inter string
	}{
		{Actor{Name: "Russia", Kind: "agent", Sector: "MIL", Country: "Russia"}, "Military Forces of Russia", "1"},
		{Actor{Name: "Kenya", Kind: "agent", Sector: "COP", Country: "Kenya"}, "Police Forces of Kenya", "1"},
		{Actor{Name: "Armenia", Kind: "agent", Sector: "REB", Country: "Armenia"}, "Rebel group (Armenia)", "2"},
		{Actor{Name: "civilians", Kind: "agent", Sector: "CVL"}, "Civilians", "7"},
		{Actor{Name: "UN Security Council", Kind: "organization", Code: "UNO"}, "UN Security Council", "8"},
		{Actor{Name: "Azerbaijan", Kind: "country", Code: "AZE"}, "Azerbaijan", "1"},
	}
	for _, tt := range actors {
		name, inter := acledActor(tt.a)
		assert.Equal(t, tt.name, name)
		assert.Equal(t, tt.inter, inter)
	}
	for g, p := range map[Granularity]int{Minute: 1, Day: 1, Week: 2, Month: 3, Year: 3, Decade: 3} {
		assert.Equal(t, p, timePrecision(g), g.String())
	}
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
