package temporal

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unicode/utf8"
)

// pairAltsRef is pairAlts as it was before spreadBits: byte by byte,
// the reference the tests compare it with.
func pairAltsRef(alts [][4]uint64) [][4]uint64 {
	pairs := make([][4]uint64, len(alts))
	for k, set := range alts {
		for c := range utf8.RuneSelf {
			w, bit := c>>6, uint64(1)<<(c&63)
			var ways uint64
			if set[w]&bit != 0 {
				ways |= 1
			}
			if set[2+w]&bit != 0 {
				ways |= 2
			}
			pairs[k][c>>5] |= ways << (2 * (c & 31))
		}
	}
	return pairs
}

// checkPairAlts compares pairAlts with pairAltsRef on alts.
func checkPairAlts(t *testing.T, alts [][4]uint64) {
	t.Helper()
	sp := &subProg{alts: alts}
	sp.pairAlts()
	if want := pairAltsRef(alts); !slices.Equal(sp.altPairs, want) {
		t.Fatalf("alternations %x: pairs %x, want %x", alts, sp.altPairs, want)
	}
}

// TestPairAltsMatchesRef: the alternations of the built-in rules'
// submatch programs, read from the tables and built the long way, and
// random sets, sparse and dense.
func TestPairAltsMatchesRef(t *testing.T) {
	n := 0
	for _, e := range []*Engine{Default(), newEngine(English(), false)} {
		for i := range e.prep {
			for _, st := range []*starter{e.prep[i].start, e.prep[i].startOrig} {
				if st != nil && st.sub != nil {
					checkPairAlts(t, st.sub.alts)
					if !slices.Equal(st.sub.altPairs, pairAltsRef(st.sub.alts)) {
						t.Fatalf("rule %s: the program's pairs differ from the reference's", e.prep[i].Name)
					}
					n += len(st.sub.alts)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no alternation in the built-in rules' programs")
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 1000 {
		var set [4]uint64
		for w := range set {
			switch rng.IntN(3) {
			case 0:
				set[w] = rng.Uint64()
			case 1:
				set[w] = rng.Uint64() & rng.Uint64() & rng.Uint64()
			default:
				set[w] = ^uint64(0) << rng.IntN(64)
			}
		}
		checkPairAlts(t, [][4]uint64{set})
	}
	checkPairAlts(t, nil)
	checkPairAlts(t, [][4]uint64{{}, {^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}})
}

// FuzzPairAlts compares pairAlts with pairAltsRef on fuzzed sets.
func FuzzPairAlts(f *testing.F) {
	f.Add(uint64(0), uint64(0), uint64(0), uint64(0))
	f.Add(^uint64(0), uint64(1), uint64(1)<<63, uint64(0x8000000100000001))
	f.Add(uint64(0x03FF000000000000), uint64(0x07FFFFFE07FFFFFE), uint64(0x0000000100000000), uint64(0x20))
	f.Fuzz(func(t *testing.T, a, b, c, d uint64) {
		checkPairAlts(t, [][4]uint64{{a, b, c, d}, {c, d, a, b}})
	})
}
