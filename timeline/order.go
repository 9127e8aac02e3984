package timeline

import "slices"

// orderEvents sorts events chronologically: by the start of their date,
// the wider period first when two start together (1988 before
// 1988-05-01), and in document order when the dates are equal.
//
// An Event is some 400 bytes, so the sort moves indexes and the events
// are then put in place once each, instead of being swapped at every
// step of the sort.
func orderEvents(evs []Event) {
	if slices.IsSortedFunc(evs, func(a, b Event) int { return compareEvents(&a, &b) }) {
		return
	}
	order := make([]int32, len(evs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return compareEvents(&evs[a], &evs[b]) })
	permute(evs, order)
}

// compareEvents is the order of orderEvents: negative when a comes
// before b.
func compareEvents(a, b *Event) int {
	ad, bd := &a.Date, &b.Date
	if c := ad.Interval.Begin.Compare(bd.Interval.Begin); c != 0 {
		return c
	}
	ae, be := ad.Interval.End, bd.Interval.End
	if ae.IsZero() != be.IsZero() {
		if ae.IsZero() {
			return -1 // an open interval is the widest
		}
		return 1
	}
	if c := be.Compare(ae); c != 0 {
		return c // the later end, the wider period, first
	}
	if a.Doc != b.Doc {
		if a.Doc < b.Doc {
			return -1
		}
		return 1
	}
	if c := a.Sentence.Start - b.Sentence.Start; c != 0 {
		return c
	}
	return ad.Start - bd.Start
}

// permute puts evs[order[k]] at k for every k, following each cycle of
// the permutation with one event held aside; order is spent (each entry
// set to its own index once its place is filled).
func permute(evs []Event, order []int32) {
	for i := range order {
		if int(order[i]) == i {
			continue
		}
		held := evs[i]
		j := i
		for {
			next := int(order[j])
			order[j] = int32(j)
			if next == i {
				evs[j] = held
				break
			}
			evs[j] = evs[next]
			j = next
		}
	}
}
