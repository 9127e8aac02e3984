package temporal

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// ofRef is capIndex.of as it was before the name keys: the whole names
// compared at each probe.
func (x *capIndex) ofRef(name string) []int {
	if x.big != nil {
		return x.big[name]
	}
	for k := capSlot(name); ; k = (k + 1) & 63 {
		e := x.slot[k]
		if e == 0 {
			return nil
		}
		if x.names[e-1] == name {
			return x.idx[e-1]
		}
	}
}

// gRef is caps.g as it was before it probed the index itself: through
// of.
func (c caps) gRef(name string) string {
	for _, i := range c.index.of(name) {
		if i < len(c.v) && c.v[i] != "" {
			return c.v[i]
		}
	}
	return ""
}

// capIndexes are the group indexes of the built-in rules, with their
// names.
func capIndexes() (xs []*capIndex, names []string) {
	for _, r := range English() {
		index := map[string][]int{}
		for i, n := range r.Regexp().SubexpNames() {
			if n != "" {
				index[n] = append(index[n], i-1)
				names = append(names, n)
			}
		}
		xs = append(xs, newCapIndex(index))
	}
	return xs, names
}

// checkCapIndex compares of with ofRef on name, for every index of
// xs, and g with gRef on captures with every group set, none, and every
// other one.
func checkCapIndex(t *testing.T, xs []*capIndex, name string) {
	t.Helper()
	for i, x := range xs {
		if got, want := x.of(name), x.ofRef(name); !slices.Equal(got, want) {
			t.Fatalf("index %d, %q: %v, want %v", i, name, got, want)
		}
		for _, v := range capturesFor(x) {
			c := caps{v, x}
			if got, want := c.g(name), c.gRef(name); got != want {
				t.Fatalf("index %d, %q, captures %q: g %q, want %q", i, name, v, got, want)
			}
		}
	}
}

// capturesFor returns captures for the groups of x: all set (each to
// its index), all empty, every other one set, and one short of the
// groups (an index past the captures reads as unset).
func capturesFor(x *capIndex) [][]string {
	n := 0
	for _, idx := range x.idx {
		for _, i := range idx {
			n = max(n, i+1)
		}
	}
	for _, idx := range x.big {
		for _, i := range idx {
			n = max(n, i+1)
		}
	}
	all, none, half := make([]string, n), make([]string, n), make([]string, n)
	for i := range all {
		all[i] = strconv.Itoa(i)
		if i%2 == 0 {
			half[i] = all[i]
		}
	}
	return [][]string{all, none, half, all[:max(0, n-1)]}
}

// TestCapIndexMatchesReference: of against ofRef for the names of the
// rules, the same names with a byte of the middle changed (the same
// key), their prefixes and random names.
func TestCapIndexMatchesReference(t *testing.T) {
	xs, names := capIndexes()
	rng := rand.New(rand.NewPCG(9, 10))
	for _, n := range names {
		checkCapIndex(t, xs, n)
		for i := range len(n) {
			checkCapIndex(t, xs, n[:i])
			b := []byte(n)
			b[i] ^= 1 << rng.IntN(8)
			checkCapIndex(t, xs, string(b))
		}
	}
	for range 5000 {
		b := make([]byte, rng.IntN(6))
		for i := range b {
			b[i] = "admnrsuwy2_"[rng.IntN(11)]
		}
		checkCapIndex(t, xs, string(b))
	}
	// an index with the empty name keeps its map
	x := newCapIndex(map[string][]int{"": {3}, "y": {1}})
	for _, n := range []string{"", "y", "z"} {
		if got, want := x.of(n), x.ofRef(n); !slices.Equal(got, want) {
			t.Fatalf("%q: %v, want %v", n, got, want)
		}
		checkCapIndex(t, []*capIndex{x}, n)
	}
	checkCapIndex(t, []*capIndex{newCapIndex(map[string][]int{strings.Repeat("ab", 1<<15+1): {1}, "ab": {2}})}, "ab")
}

// FuzzCapIndex compares of with ofRef, and g with gRef, on the built-in
// rules' indexes.
func FuzzCapIndex(f *testing.F) {
	for _, s := range []string{"", "y", "mon", "mOn", "year", "ya", "sy", "half2"} {
		f.Add(s)
	}
	xs, _ := capIndexes()
	f.Fuzz(func(t *testing.T, name string) {
		checkCapIndex(t, xs, name)
	})
}
