package temporal

import (
	"strings"
	"sync"
)

// Regexp is a regular expression for searching whole documents. It gives
// the results of regexp.Regexp, but searches like the engine: it runs an
// anchored copy of the expression only where a match can start (a byte
// that can begin one, a prefix every match has, the start of a word), so
// a long text costs a pass over its bytes rather than an unanchored
// search, which Go's regexp runs with its slowest matcher on long input.
// Texts holding ſ or the Kelvin sign, which case folding matches to s
// and k, and expressions it cannot read this way, get the plain search.
// It is safe for concurrent use.
type Regexp struct {
	src string
	// re and st are made on first use (see MustCompile): most of a
	// program's patterns are read from the embedded tables, and some
	// only ever run on rare text
	once sync.Once
	re   *lazyRegexp
	st   *starter
}

// MustCompile compiles a Regexp as regexp.MustCompile does. A pattern
// the embedded tables hold, which compiled when they were made, is read
// from them on first use and compiled only if a search needs Go's
// regexp; any other is compiled at once, so that a bad one panics here.
func MustCompile(pattern string) *Regexp {
	recordPattern(pattern)
	r := &Regexp{src: pattern}
	if !listedPatterns().holds(pattern) {
		r.ready()
	}
	return r
}

// ready makes r's expression and starter, once.
func (r *Regexp) ready() *Regexp {
	r.once.Do(func() { r.re, r.st = starterOf(r.src) })
	return r
}

// String returns the source text of the expression.
func (r *Regexp) String() string { return r.src }

func (r *Regexp) plain(s string) bool {
	return r.st == nil || strings.Contains(s, "\u017F") || strings.Contains(s, "\u212A")
}

// MatchString reports whether s holds a match, as regexp's MatchString.
func (r *Regexp) MatchString(s string) bool {
	if r.ready().plain(s) {
		return r.re.get().MatchString(s)
	}
	return r.st.findString(nil, s, 0, true, nil, nil, len(s)) != nil
}

// FindAllStringIndex returns the successive matches of s, as regexp's
// FindAllStringIndex.
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	if r.ready().plain(s) {
		return r.re.get().FindAllStringIndex(s, n)
	}
	var out [][]int
	for pos := 0; pos < len(s) && (n < 0 || len(out) < n); {
		loc := r.st.findString(nil, s, pos, pos == 0, nil, nil, len(s))
		if loc == nil {
			break
		}
		start, end := pos+loc[0], pos+loc[1]
		out = append(out, []int{start, end})
		// matches are never empty (the starter refuses expressions that
		// can match the empty string), so the search moves on
		pos = end
	}
	return out
}
