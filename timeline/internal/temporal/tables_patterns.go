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

// listedPatterns is the patterns' index of the embedded file read
// without its CRC, for MustCompile to tell which patterns it may leave
// to first use as the program starts: the CRC of the whole file is
// then checked once the program needs the tables (New, or a first
// search), not before main; a pattern listed in a file that fails it
// compiles then.
var listedPatterns = sync.OnceValue(func() *patternIndex {
	p, ok := splitUnchecked(tablesFile)
	if !ok {
		return nil
	}
	return readPatternIndex(p.patterns)
})

// recordPattern records pattern as compiled, in test binaries.
func recordPattern(pattern string) {
	compiledPatterns.Lock()
	if compiledPatterns.record {
		compiledPatterns.list = append(compiledPatterns.list, pattern)
	}
	compiledPatterns.Unlock()
}

// holds reports whether ix holds the starter of pattern for the
// current limits.
func (ix *patternIndex) holds(pattern string) bool {
	if ix == nil || ix.maxStates != maxDFAStates || ix.minInst != subMinInst {
		return false
	}
	_, ok := ix.starters[pattern]
	return ok
}

// starterOf returns the expression of pattern and newStarter of it,
// read from the embedded tables when they hold pattern (the expression
// then compiles on first use).
func starterOf(pattern string) (*lazyRegexp, *starter) {
	re := &lazyRegexp{src: pattern}
	if st, ok := tabledStarter(embeddedPatterns(), re); ok {
		return re, st
	}
	c := regexp.MustCompile(pattern)
	return readyRegexp(c), newStarter(c)
}

// tabledStarter returns the starter of re from ix, or ok false when ix
// does not hold it for the current limits.
func tabledStarter(ix *patternIndex, re *lazyRegexp) (st *starter, ok bool) {
	if !ix.holds(re.src) {
		return nil, false
	}
	r := &tableReader{b: ix.starters[re.src]}
	if r.u8() != 0 {
		st = r.starter(re)
	}
	if r.bad || len(r.b) != 0 {
		return nil, false
	}
	return st, true
}
