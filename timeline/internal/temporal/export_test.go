package temporal

import (
	"crypto/sha256"
	"encoding/hex"
	"reflect"
	"regexp"
)

// For the tests of package temporal_test, which see the patterns the
// timeline package compiles.

// Exhaustive is exhaustive.
var Exhaustive = exhaustive

// UpdateTables is the -update-tables flag.
var UpdateTables = updateTables

// TablesFile returns the embedded tables.
func TablesFile() []byte { return tablesFile }

// EncodeTables builds the tables of the built-in rules and of patterns
// the long way.
func EncodeTables(patterns []string) []byte { return encodeTables(English(), patterns) }

// CompiledPatterns returns the patterns MustCompile has compiled.
func CompiledPatterns() []string { return compiledPatternList() }

// recording starts as package temporal starts, before the packages that
// import it (timeline, in the external tests) compile their patterns.
var recording = func() bool {
	compiledPatterns.Lock()
	compiledPatterns.record = true
	compiledPatterns.Unlock()
	return true
}()

// PatternTabled reports whether the embedded tables hold pattern, and
// whether its starter read from them is the one newStarter builds.
func PatternTabled(pattern string) (tabled, same bool) {
	re := regexp.MustCompile(pattern)
	st, ok := tabledStarter(embeddedPatterns(), readyRegexp(re))
	if !ok {
		return false, false
	}
	built := newStarter(re)
	if (st == nil) != (built == nil) {
		return true, false
	}
	if st == nil {
		return true, true
	}
	return true, starterDigest(st) == starterDigest(built) && reflect.DeepEqual(decodedSub(st.sub), built.sub)
}

func starterDigest(st *starter) string {
	h := sha256.New()
	digestValue(h, reflect.ValueOf(st))
	return hex.EncodeToString(h.Sum(nil))
}

// decodedSub returns sp with its program decoded, as newSubProg makes
// it.
func decodedSub(sp *subProg) *subProg {
	if sp == nil {
		return nil
	}
	c := *sp
	c.prog, c.tabled = sp.program(), nil
	return &c
}
