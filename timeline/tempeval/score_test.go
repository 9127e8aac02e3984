package tempeval

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func tx(start, end int, typ, value string) Timex {
	return Timex{Start: start, End: end, Type: typ, Value: value}
}

func TestScore(t *testing.T) {
	type want struct {
		counts Counts
		scores Scores
		errors []Kind
	}
	tests := []struct {
		name         string
		gold, system []Timex
		want         want
	}{
		{
			// Identical: every figure 1.
			name:   "perfect",
			gold:   []Timex{tx(0, 5, "DATE", "1998"), tx(10, 15, "DURATION", "P1D")},
			system: []Timex{tx(0, 5, "DATE", "1998"), tx(10, 15, "DURATION", "P1D")},
			want: want{
				counts: Counts{Gold: 2, System: 2, StrictGold: 2, StrictSystem: 2, RelaxedGold: 2, RelaxedSystem: 2, ValueCorrect: 2, TypeCorrect: 2},
				scores: Scores{Strict: PRF{1, 1, 1}, Relaxed: PRF{1, 1, 1}, ValueAccuracy: 1, TypeAccuracy: 1, ValueF1: 1, TypeF1: 1},
			},
		},
		{
			// Nothing found: P = 0/0 taken as 0, R = 0/2; two misses.
			name: "no system",
			gold: []Timex{tx(0, 5, "DATE", "1998"), tx(10, 15, "DURATION", "P1D")},
			want: want{
				counts: Counts{Gold: 2},
				errors: []Kind{Missed, Missed},
			},
		},
		{
			// Nothing to find: R = 0/0 taken as 0, P = 0/1.
			name:   "no gold",
			system: []Timex{tx(0, 5, "DATE", "1998")},
			want:   want{counts: Counts{System: 1}, errors: []Kind{Spurious}},
		},
		{
			// "March 5" for gold "March 5, 1998": relaxed 1/1 both ways,
			// strict 0; the value is right, so value acc 1/1 and value F1
			// 1 × 1.
			name:   "shorter extent",
			gold:   []Timex{tx(0, 13, "DATE", "1998-03-05")},
			system: []Timex{tx(0, 7, "DATE", "1998-03-05")},
			want: want{
				counts: Counts{Gold: 1, System: 1, RelaxedGold: 1, RelaxedSystem: 1, ValueCorrect: 1, TypeCorrect: 1},
				scores: Scores{Relaxed: PRF{1, 1, 1}, ValueAccuracy: 1, TypeAccuracy: 1, ValueF1: 1, TypeF1: 1},
				errors: []Kind{Extent},
			},
		},
		{
			// Gold "March 5, 1998" split into "March 5" [0,7) and "1998"
			// [9,13): both system expressions overlap the gold one, so
			// relaxed P = 2/2, R = 1/1. The pair is the larger overlap
			// (7 > 4 bytes), "March 5", whose value is right: acc 1/1.
			name:   "gold split in two",
			gold:   []Timex{tx(0, 13, "DATE", "1998-03-05")},
			system: []Timex{tx(0, 7, "DATE", "1998-03-05"), tx(9, 13, "DATE", "1998")},
			want: want{
				counts: Counts{Gold: 1, System: 2, RelaxedGold: 1, RelaxedSystem: 2, ValueCorrect: 1, TypeCorrect: 1},
				scores: Scores{Relaxed: PRF{1, 1, 1}, ValueAccuracy: 1, TypeAccuracy: 1, ValueF1: 1, TypeF1: 1},
				errors: []Kind{Extent},
			},
		},
		{
			// One system expression [0,10) over gold [0,5) and [6,10):
			// relaxed P = 1/1, R = 2/2. Both gold are paired with it: the
			// value suits the first only, acc 1/2, value F1 1 × 1/2.
			name:   "system spans two gold",
			gold:   []Timex{tx(0, 5, "DATE", "A"), tx(6, 10, "DATE", "B")},
			system: []Timex{tx(0, 10, "DATE", "A")},
			want: want{
				counts: Counts{Gold: 2, System: 1, RelaxedGold: 2, RelaxedSystem: 1, ValueCorrect: 1, TypeCorrect: 2},
				scores: Scores{Relaxed: PRF{1, 1, 1}, ValueAccuracy: 0.5, TypeAccuracy: 1, ValueF1: 0.5, TypeF1: 1},
				errors: []Kind{Extent, Extent, Value},
			},
		},
		{
			// g1 [0,4) found exactly and right; g2 [10,20) found as
			// [12,20) with a wrong value; g3 [30,35) found exactly with a
			// wrong type; g4 [40,45) missed; s5 [50,55) spurious.
			// Strict: s1, s3 → P = 2/4, R = 2/4, F1 = .5.
			// Relaxed: s1, s2, s3 → P = 3/4; g1, g2, g3 → R = 3/4; F1 .75.
			// Value: g1 and g3 right → 2/3, value F1 = .75 × 2/3 = .5.
			// Type: g1 and g2 right → 2/3, type F1 = .5.
			name: "mixed",
			gold: []Timex{tx(0, 4, "DATE", "1998"), tx(10, 20, "DATE", "1998-03"),
				tx(30, 35, "DURATION", "P1W"), tx(40, 45, "SET", "XXXX-WXX-1")},
			system: []Timex{tx(0, 4, "DATE", "1998"), tx(12, 20, "DATE", "1998-04"),
				tx(30, 35, "DATE", "P1W"), tx(50, 55, "DATE", "1999")},
			want: want{
				counts: Counts{Gold: 4, System: 4, StrictGold: 2, StrictSystem: 2, RelaxedGold: 3, RelaxedSystem: 3, ValueCorrect: 2, TypeCorrect: 2},
				scores: Scores{Strict: PRF{.5, .5, .5}, Relaxed: PRF{.75, .75, .75},
					ValueAccuracy: 2.0 / 3, TypeAccuracy: 2.0 / 3, ValueF1: .5, TypeF1: .5},
				errors: []Kind{Extent, Value, Type, Missed, Spurious},
			},
		},
		{
			// Touching is not overlapping: [0,5) and [5,8) share no byte.
			name:   "adjacent",
			gold:   []Timex{tx(0, 5, "DATE", "1998")},
			system: []Timex{tx(5, 8, "DATE", "1998")},
			want:   want{counts: Counts{Gold: 1, System: 1}, errors: []Kind{Missed, Spurious}},
		},
		{
			// An empty gold extent (an empty TIMEX3) is not scored.
			name:   "empty gold extent",
			gold:   []Timex{tx(5, 5, "DURATION", "P1D"), tx(6, 9, "DATE", "1998")},
			system: []Timex{tx(6, 9, "DATE", "1998")},
			want: want{
				counts: Counts{Gold: 1, System: 1, StrictGold: 1, StrictSystem: 1, RelaxedGold: 1, RelaxedSystem: 1, ValueCorrect: 1, TypeCorrect: 1},
				scores: Scores{Strict: PRF{1, 1, 1}, Relaxed: PRF{1, 1, 1}, ValueAccuracy: 1, TypeAccuracy: 1, ValueF1: 1, TypeF1: 1},
			},
		},
		{
			// Strict match but for a duplicate: two identical system
			// expressions both strict-match: P = 2/2, R = 1/1.
			name:   "duplicate system",
			gold:   []Timex{tx(0, 5, "DATE", "1998")},
			system: []Timex{tx(0, 5, "DATE", "1998"), tx(0, 5, "DATE", "1998")},
			want: want{
				counts: Counts{Gold: 1, System: 2, StrictGold: 1, StrictSystem: 2, RelaxedGold: 1, RelaxedSystem: 2, ValueCorrect: 1, TypeCorrect: 1},
				scores: Scores{Strict: PRF{1, 1, 1}, Relaxed: PRF{1, 1, 1}, ValueAccuracy: 1, TypeAccuracy: 1, ValueF1: 1, TypeF1: 1},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := Score("f.tml", "", tc.gold, tc.system)
			assert.Equal(t, "f.tml", res.File)
			assert.Equal(t, tc.want.counts, res.Counts)
			s := res.Scores()
			const eps = 1e-9
			assert.InDelta(t, tc.want.scores.Strict.Precision, s.Strict.Precision, eps, "strict P")
			assert.InDelta(t, tc.want.scores.Strict.Recall, s.Strict.Recall, eps, "strict R")
			assert.InDelta(t, tc.want.scores.Strict.F1, s.Strict.F1, eps, "strict F1")
			assert.InDelta(t, tc.want.scores.Relaxed.Precision, s.Relaxed.Precision, eps, "relaxed P")
			assert.InDelta(t, tc.want.scores.Relaxed.Recall, s.Relaxed.Recall, eps, "relaxed R")
			assert.InDelta(t, tc.want.scores.Relaxed.F1, s.Relaxed.F1, eps, "relaxed F1")
			assert.InDelta(t, tc.want.scores.ValueAccuracy, s.ValueAccuracy, eps, "value acc")
			assert.InDelta(t, tc.want.scores.TypeAccuracy, s.TypeAccuracy, eps, "type acc")
			assert.InDelta(t, tc.want.scores.ValueF1, s.ValueF1, eps, "value F1")
			assert.InDelta(t, tc.want.scores.TypeF1, s.TypeF1, eps, "type F1")
			var kinds []Kind
			for _, e := range res.Errors {
				kinds = append(kinds, e.Kind)
				assert.Equal(t, "f.tml", e.File)
			}
			assert.Equal(t, tc.want.errors, kinds)
		})
	}
}

func TestScorePairing(t *testing.T) {
	// Gold [10,20); s1 [5,12) and s2 [18,25) both overlap it by 2 bytes;
	// s1 starts nearer (5 bytes off against 8), so it is the pair, and its
	// wrong value counts: value acc 0/1, though s2 has the right value.
	gold := []Timex{tx(10, 20, "DATE", "right")}
	sys := []Timex{tx(5, 12, "DATE", "wrong"), tx(18, 25, "DATE", "right")}
	res := Score("f", "", gold, sys)
	assert.Equal(t, 0, res.ValueCorrect)
	require.Len(t, res.Errors, 2)
	assert.Equal(t, Extent, res.Errors[0].Kind)
	assert.Equal(t, Value, res.Errors[1].Kind)
	assert.Equal(t, 5, res.Errors[1].System.Start)

	// The caller's slices are not kept.
	sys[0].Value = "changed"
	assert.Equal(t, "wrong", res.Errors[1].System.Value)
}

func TestReportMicroAverage(t *testing.T) {
	// File a: 1 gold, found exactly. File b: 3 gold, 1 found exactly.
	// Micro: strict P = 2/2, R = 2/4, F1 = 2·1·.5/1.5 = 2/3. (A macro
	// average of the recalls would be (1 + 1/3)/2 = 2/3, and of the F1s
	// (1 + .5)/2 = .75: the total is not that.)
	var r Report
	r.Add(Score("a", "", []Timex{tx(0, 4, "DATE", "1")}, []Timex{tx(0, 4, "DATE", "1")}))
	r.Add(Score("b", "", []Timex{tx(0, 4, "DATE", "1"), tx(5, 9, "DATE", "2"), tx(10, 14, "DATE", "3")},
		[]Timex{tx(0, 4, "DATE", "1")}))
	assert.Equal(t, Counts{Gold: 4, System: 2, StrictGold: 2, StrictSystem: 2, RelaxedGold: 2, RelaxedSystem: 2, ValueCorrect: 2, TypeCorrect: 2}, r.Total)
	s := r.Total.Scores()
	assert.InDelta(t, 1, s.Strict.Precision, 1e-9)
	assert.InDelta(t, .5, s.Strict.Recall, 1e-9)
	assert.InDelta(t, 2.0/3, s.Strict.F1, 1e-9)
	assert.InDelta(t, 2.0/3, s.ValueF1, 1e-9)
	assert.Len(t, r.Files, 2)
	assert.Len(t, r.Errors(), 2)
	assert.Len(t, r.Errors(Missed), 2)
	assert.Empty(t, r.Errors(Spurious, Value))
}

func TestErrorString(t *testing.T) {
	text := "Bombs exploded outside the U.S. embassies\nin the Kenyan and Tanzanian capitals Friday, killing dozens of people, witnesses said."
	fri := len("Bombs exploded outside the U.S. embassies\nin the Kenyan and Tanzanian capitals ")
	gold := []Timex{{Start: fri, End: fri + 6, Text: "Friday", Type: "DATE", Value: "1998-08-07", ID: "t1"}}
	// The ID of a system expression may name the rule that found it.
	sys := []Timex{
		{Start: fri, End: fri + 6, Text: "Friday", Type: "DATE", Value: "1998-08-14", ID: "weekday"},
		{Start: 0, End: 5, Text: "Bombs", Type: "DATE", Value: "X"},
	}
	res := Score("apw.tml", text, gold, sys)
	require.Len(t, res.Errors, 2)
	assert.Equal(t, `spurious apw.tml:1@0 "Bombs" system DATE X  | [Bombs] exploded outside the U.S. embassies in…`, res.Errors[0].String())
	assert.Equal(t, `value    apw.tml:2@79 "Friday" gold[t1] DATE 1998-08-07, system[weekday] DATE 1998-08-14  | …es in the Kenyan and Tanzanian capitals [Friday], killing dozens of people, witnesses sa…`, res.Errors[1].String())

	// Without the text: no line, no context.
	res = Score("apw.tml", "", gold, sys[:1])
	assert.Equal(t, `value    apw.tml@79 "Friday" gold[t1] DATE 1998-08-07, system[weekday] DATE 1998-08-14`, res.Errors[0].String())

	got := Scores{Strict: PRF{1, .5, 2.0 / 3}}.String()
	assert.Equal(t, "strict P/R/F1 100.00/50.00/66.67  relaxed P/R/F1 0.00/0.00/0.00  value acc 0.00 F1 0.00  type acc 0.00 F1 0.00", got)
}
