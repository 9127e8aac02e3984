package temporal

import "testing"

// exhaustive marks a test that compares the engine with a reference at
// every start of many texts, on one goroutine: the race detector has
// nothing to look at there and makes it ten times slower, so the plain
// test run carries it and the -race run skips it.
func exhaustive(t *testing.T) {
	t.Helper()
	if raceEnabled {
		t.Skip("exhaustive single-goroutine comparison: run without -race")
	}
}
