package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStripText(t *testing.T) {
	src := `<TimeML><DCT><TIMEX3 tid="t0">x</TIMEX3></DCT><TEXT>On <TIMEX3 tid="t1" value="1998">1998</TIMEX3> it <EVENT eid="e1">fell</EVENT> &amp; rose.</TEXT><TLINK/></TimeML>`
	got, err := stripText([]byte(src))
	require.NoError(t, err)
	assert.Equal(t, `<TimeML><DCT><TIMEX3 tid="t0">x</TIMEX3></DCT><TEXT>On 1998 it fell &amp; rose.</TEXT><TLINK/></TimeML>`, string(got))

	_, err = stripText([]byte(`<TimeML>no text</TimeML>`))
	assert.Error(t, err)
}
