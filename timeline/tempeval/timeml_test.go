package tempeval

import (
	"testing"

	"github.com/eventline/eventline/timeline/timeml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestScoreTimeML(t *testing.T) {
	gold, err := timeml.Parse([]byte(`<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>Bombs exploded <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, <TIMEX3 tid="t2" type="DURATION" value="P2D">two days</TIMEX3> after the warning.</TEXT></TimeML>`))
	require.NoError(t, err)
	sys, err := timeml.Parse([]byte(`<TimeML><TEXT>Bombs exploded <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, two <TIMEX3 tid="t2" type="DURATION" value="P2D">days</TIMEX3> after the warning.</TEXT></TimeML>`))
	require.NoError(t, err)

	g := FromTimeML(gold)
	require.Len(t, g, 2) // not the DCT
	assert.Equal(t, Timex{Start: 15, End: 21, Text: "Friday", Type: "DATE", Value: "1998-08-07", ID: "t1"}, g[0])

	// Friday strict; "days" relaxed within "two days": strict 1/2 both
	// ways, relaxed 2/2, values and types right.
	res, err := ScoreTimeML("x.tml", gold, sys)
	require.NoError(t, err)
	assert.Equal(t, Counts{Gold: 2, System: 2, StrictGold: 1, StrictSystem: 1, RelaxedGold: 2, RelaxedSystem: 2, ValueCorrect: 2, TypeCorrect: 2}, res.Counts)
	require.Len(t, res.Errors, 1)
	assert.Equal(t, Extent, res.Errors[0].Kind)

	other, err := timeml.Parse([]byte(`<TimeML><TEXT>Bombs exploded on Friday.</TEXT></TimeML>`))
	require.NoError(t, err)
	_, err = ScoreTimeML("x.tml", gold, other)
	assert.ErrorContains(t, err, "differ from byte 15")
}
