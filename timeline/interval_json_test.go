package timeline

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIntervalJSON(t *testing.T) {
	tests := []struct {
		reason string
		iv     Interval
		want   string
	}{
		{"a day", Interval{time.Date(2020, 9, 27, 0, 0, 0, 0, time.UTC), time.Date(2020, 9, 28, 0, 0, 0, 0, time.UTC)},
			`{"begin":"2020-09-27T00:00:00Z","end":"2020-09-28T00:00:00Z"}`},
		{"open interval (since 1994)", Interval{Begin: time.Date(1994, 1, 1, 0, 0, 0, 0, time.UTC)},
			`{"begin":"1994-01-01T00:00:00Z"}`},
		{"499 BC is astronomical year -498", Interval{time.Date(-498, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(-497, 1, 1, 0, 0, 0, 0, time.UTC)},
			`{"begin":"-0498-01-01T00:00:00Z","end":"-0497-01-01T00:00:00Z"}`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.iv)
		require.NoError(t, err, tt.reason)
		assert.JSONEq(t, tt.want, string(b), tt.reason)
		var back Interval
		require.NoError(t, json.Unmarshal(b, &back), tt.reason)
		assert.True(t, back.Begin.Equal(tt.iv.Begin) && back.End.Equal(tt.iv.End), tt.reason)
	}
}

// TestBCDatesWriteInEveryFormat: a history with BC years renders in every
// output format (time.Time alone cannot marshal a negative year).
func TestBCDatesWriteInEveryFormat(t *testing.T) {
	x, err := New()
	require.NoError(t, err)
	tl, err := x.Extract(context.Background(), Document{Text: "The Persian fleet sailed in 480 BC. Athens fell in 404 BC."})
	require.NoError(t, err)
	require.NotEmpty(t, tl.Events)
	for _, f := range Formats() {
		var sink discard
		assert.NoError(t, Write(&sink, tl, f), f)
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
