package temporal

import (
	"strings"
	"testing"
)

// TestSpareScratch: a Scan leaves its scratch space as the engine's
// spare, unless it grew a buffer past spareMax, which goes back to the
// pool the garbage collector empties.
func TestSpareScratch(t *testing.T) {
	e := New(English())
	big := strings.Repeat("in March 1999, ", spareMax/10)
	e.NewScanner().Scan(big, []Window{{Start: 0, End: len(big), Triggers: TDigit | TMonth}}, nil)
	if x := e.spare.Load(); x != nil {
		t.Fatalf("a scratch space with %d bytes of window kept as the spare", cap(x.low))
	}
	// another engine: the pool of e holds the large one
	e = New(English())
	small := "on March 5, 1999"
	ms := e.NewScanner().Scan(small, Windows(small, 0, len(small), nil), nil)
	if len(ms) == 0 {
		t.Fatalf("no mention in %q", small)
	}
	if e.spare.Load() == nil {
		t.Fatal("no spare after a small scan")
	}
}
