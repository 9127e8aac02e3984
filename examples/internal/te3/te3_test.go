package te3

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/eventline/eventline/timeline"
	"github.com/eventline/eventline/timeline/timeml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDCT(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		gran timeline.Granularity
	}{
		{"1998-01-08", time.Date(1998, 1, 8, 0, 0, 0, 0, time.UTC), timeline.Day},
		{"1998-08-07T06:18", time.Date(1998, 8, 7, 6, 18, 0, 0, time.UTC), timeline.Minute},
		{"1998-08-07T06:18:30", time.Date(1998, 8, 7, 6, 18, 30, 0, time.UTC), timeline.Second},
		{" 2009-12 ", time.Date(2009, 12, 1, 0, 0, 0, 0, time.UTC), timeline.Month},
	}
	for _, tc := range tests {
		got, g, err := ParseDCT(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
		assert.Equal(t, tc.gran, g, tc.in)
	}
	_, _, err := ParseDCT("PRESENT_REF")
	assert.Error(t, err)
}

func TestAnnotations(t *testing.T) {
	var e timeline.Expression
	e.Start, e.End, e.Value, e.Type, e.Mod = 3, 9, "1998", timeline.Date, "START"
	a := Annotations([]timeline.Expression{e})
	require.Len(t, a, 1)
	assert.Equal(t, "t1", a[0].TID)
	assert.Equal(t, "START", a[0].Mod)
	assert.Equal(t, 3, a[0].Start)
}

func TestExtractOrdersByPosition(t *testing.T) {
	doc := &timeml.Doc{Text: "On March 3, 2003 and last week, the talks of Monday morning ended yesterday."}
	var got [2][]timeline.Expression
	for i, events := range []bool{false, true} {
		x, err := NewExtractor(events)
		require.NoError(t, err)
		exprs, err := Extract(context.Background(), x, "d", doc, timeline.Auto)
		require.NoError(t, err)
		require.NotEmpty(t, exprs)
		assert.True(t, slices.IsSortedFunc(exprs, byPositionLongestFirst))
		assert.Equal(t, "t2", Annotations(exprs)[1].TID)
		got[i] = exprs
	}
	assert.Equal(t, got[0], got[1], "the event stage changed the expressions")
}

// TestByPosition: the order Extract sorts in is the one sort.SliceStable
// gave with the comparison it was written with, and the tids are the ones
// fmt.Sprintf("t%d") gave.
func TestByPosition(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		exprs := make([]timeline.Expression, rng.IntN(30))
		for i := range exprs {
			exprs[i].Start = rng.IntN(10)
			exprs[i].End = exprs[i].Start + rng.IntN(5)
			exprs[i].Value = strconv.Itoa(i)
		}
		want := slices.Clone(exprs)
		sort.SliceStable(want, func(i, j int) bool {
			if want[i].Start != want[j].Start {
				return want[i].Start < want[j].Start
			}
			return want[i].End > want[j].End
		})
		slices.SortStableFunc(exprs, byPositionLongestFirst)
		require.Equal(t, want, exprs)
		for i, a := range Annotations(exprs) {
			require.Equal(t, fmt.Sprintf("t%d", i+1), a.TID)
		}
	}
}
