//go:build !race

package temporal

const raceEnabled = false
