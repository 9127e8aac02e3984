package timeline

import (
	"fmt"
	"testing"
)

// TestEventIDs holds appendEventID and setEventIDs to the format they
// stand for.
func TestEventIDs(t *testing.T) {
	cases := [][3]int{{0, 0, 0}, {3, 12, 1045}, {-1, 7, 99}, {1 << 40, 1 << 20, 1<<31 + 5}}
	var ids []byte
	var ends []int32
	for _, c := range cases {
		ids = appendEventID(ids, c[0], c[1], c[2])
		ends = append(ends, int32(len(ids)))
	}
	evs := make([]Event, len(cases))
	setEventIDs(evs, ids, ends)
	for k, c := range cases {
		if want := fmt.Sprintf("d%d-s%d-%d", c[0], c[1], c[2]); evs[k].ID != want {
			t.Errorf("event %d: ID %q, want %q", k, evs[k].ID, want)
		}
	}
}

// TestNotADate holds notADate's constants to the message they spell.
func TestNotADate(t *testing.T) {
	for _, ty := range []TimexType{Date, TimeType, Duration, Set, "", "OTHER"} {
		if got, want := notADate(ty), "a "+string(ty)+" names no point in time"; got != want {
			t.Errorf("notADate(%q) = %q, want %q", ty, got, want)
		}
	}
}
