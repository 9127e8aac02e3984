package temporal

import (
	"regexp"
	"slices"
	"sync"
)

// The starters of the patterns MustCompile compiles as the timeline
// package starts, read from the tables (see tables.go): their DFAs
// cost as much to build as a few rules'.

// compiledPatterns records, in test binaries (see export_test.go), the
// patterns MustCompile has compiled, from which the tables' generator
// takes those compiled as the program starts. Other programs record
// nothing: they may compile patterns without end.
var compiledPatterns struct {
	sync.Mutex
	record bool
	list   []string
}

// compiledPatternList returns the patterns MustCompile has compiled so
// far, sorted, once each.
func compiledPatternList() []string {
	compiledPatterns.Lock()
	ps := slices.Clone(compiledPatterns.list)
	compiledPatterns.Unlock()
	slices.Sort(ps)
	return slices.Compact(ps)
}

// patternIndex is the patterns' part of a tables file: the limits their
// starters were built under, and each pattern's starter, encoded.
type patternIndex struct {
	maxStates, minInst int
	starters           map[string][]byte
}

// readPatternIndex indexes the patterns' part b, or returns nil when it
// does not read.
func readPatternIndex(b []byte) *patternIndex {
	r := &tableReader{b: b}
	ix := &patternIndex{maxStates: r.count(0), minInst: r.count(0)}
	n := r.count(8)
	ix.starters = make(map[string][]byte, n)
	for range n {
		src := r.str()
		ix.starters[src] = r.take(r.count(1))
	}
	if r.bad || len(r.b) != 0 {
		return nil
	}
	return ix
}

var embeddedPatterns = sync.OnceValue(func() *patternIndex {
	p, ok := embeddedTables()
	if !ok {
		return nil
	}
	return readPatternIndex(p.patterns)
})

// starterOf returns newStarter(re), read from the embedded tables when
// they hold re's pattern.
func starterOf(re *regexp.Regexp) *starter {
	compiledPatterns.Lock()
	if compiledPatterns.record {
		compiledPatterns.list = append(compiledPatterns.list, re.String())
	}
	compiledPatterns.Unlock()
	if st, ok := tabledStarter(embeddedPatterns(), re); ok {
		return st
	}
	return newStarter(re)
}

// tabledStarter returns the starter of re from ix, or ok false when ix
// does not hold it for the current limits.
func tabledStarter(ix *patternIndex, re *regexp.Regexp) (st *starter, ok bool) {
	if ix == nil || ix.maxStates != maxDFAStates || ix.minInst != subMinInst {
		return nil, false
	}
	b, ok := ix.starters[re.String()]
	if !ok {
		return nil, false
	}
	r := &tableReader{b: b}
	if r.u8() != 0 {
		st = r.starter(readyRegexp(re))
	}
	if r.bad || len(r.b) != 0 {
		return nil, false
	}
	return st, true
}
