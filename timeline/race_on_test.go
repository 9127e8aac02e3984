//go:build race

package timeline

// raceEnabled: the race detector is on (big inputs are skipped: ten
// times slower and not what it is for).
const raceEnabled = true
