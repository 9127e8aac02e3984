package timeline

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDateline(t *testing.T) {
	x, err := New()
	require.NoError(t, err)
	tests := []struct {
		name, text string
		ok         bool
		value      string
		gran       Granularity
		dctText    string
	}{
		{"cgtn updated", "Download\nRussia urges parties\nUpdated 20:07, 19-Sep-2023\nCGTN\n", true, "2023-09-19T20:07", Minute, "20:07, 19-Sep-2023"},
		{"published with pm", "Published: September 19, 2023 8:07 PM\n\nBody text here.", true, "2023-09-19T20:07", Minute, "September 19, 2023 8:07 PM"},
		{"iso timestamp", "2023-09-19T20:07:00Z\nBody.", true, "2023-09-19T20:07", Minute, "2023-09-19T20:07:00Z"},
		{"wire without year", "MOSCOW, Sept 19 (Reuters) - Russia said on Tuesday...", true, "XXXX-09-19", Day, "Sept 19"},
		{"guardian style", "Tuesday 19 September 2023 20.07 BST\nBody.", true, "2023-09-19T20:07", Minute, "Tuesday 19 September 2023 20.07 BST"},
		{"ap wire", "BEIRUT, Oct. 3 (AP) — Israeli jets struck...", true, "XXXX-10-03", Day, "Oct. 3"},
		{"date only line", "19 September 2023\n\nThe talks resumed.", true, "2023-09-19", Day, "19 September 2023"},
		{"no dateline in prose", "The war began on September 27, 2020, when Azerbaijani forces attacked along the whole line of contact.", false, "", 0, ""},
		{"empty", "", false, "", 0, ""},
		{"nonsense date", "Updated 20:07, 30-Feb-2023\nBody.", false, "", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := x.ParseDateline(tt.text)
			require.Equal(t, tt.ok, ok)
			if !ok {
				return
			}
			assert.Equal(t, tt.value, d.Value)
			assert.Equal(t, tt.gran, d.Granularity)
			assert.Equal(t, tt.dctText, d.Text)
			assert.Equal(t, tt.dctText, tt.text[d.Start:d.End], "span indexes the input")
		})
	}
}
