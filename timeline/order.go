package timeline

import "sort"

// orderEvents sorts events chronologically: by the start of their date,
// the wider period first when two start together (1988 before
// 1988-05-01), and in document order when the dates are equal.
func orderEvents(evs []Event) {
	sort.SliceStable(evs, func(i, j int) bool {
		a, b := &evs[i].Date, &evs[j].Date
		if !a.Interval.Begin.Equal(b.Interval.Begin) {
			return a.Interval.Begin.Before(b.Interval.Begin)
		}
		ae, be := a.Interval.End, b.Interval.End
		if ae.IsZero() != be.IsZero() {
			return ae.IsZero() // an open interval is the widest
		}
		if !ae.Equal(be) {
			return ae.After(be)
		}
		if evs[i].Doc != evs[j].Doc {
			return evs[i].Doc < evs[j].Doc
		}
		return evs[i].Sentence.Start < evs[j].Sentence.Start || evs[i].Sentence.Start == evs[j].Sentence.Start && evs[i].Date.Start < evs[j].Date.Start
	})
}
