package temporal

import (
	"encoding/binary"
	"math/rand/v2"
	"slices"
	"testing"
)

// premultiplyDeltaRef is how scanTables filled litDelta before
// premultiplyDelta: one entry at a time.
func premultiplyDeltaRef(dst, src []uint16, nc uint16) {
	for i, v := range src {
		dst[i] = (v >> 1) * nc
	}
}

// checkPremultiply compares premultiplyDelta with the reference on src,
// whose rows times nc are below 2^16, as litDelta's are.
func checkPremultiply(t *testing.T, src []uint16, nc uint16) {
	t.Helper()
	got, want := make([]uint16, len(src)), make([]uint16, len(src))
	premultiplyDelta(got, src, nc)
	premultiplyDeltaRef(want, src, nc)
	if !slices.Equal(got, want) {
		t.Fatalf("nc %d, src %v: got %v, want %v", nc, src, got, want)
	}
}

// fitDelta returns v with its row (v>>1) cut below 2^16/nc, its low bit
// kept: an entry of a table that scanTables premultiplies.
func fitDelta(v, nc uint16) uint16 {
	rows := uint16(1<<16/uint32(nc) - 1)
	return (v>>1)%max(rows, 1)<<1 | v&1
}

// TestPremultiplyDeltaMatchesRef: the built-in rules' literal automaton,
// and random tables of every length up to 40 and random class counts.
func TestPremultiplyDeltaMatchesRef(t *testing.T) {
	m := Default().lits
	if m.delta16 == nil {
		t.Fatal("the built-in literal automaton has no 16-bit table")
	}
	checkPremultiply(t, m.delta16, uint16(m.nclass))
	want := make([]uint16, len(m.delta16))
	premultiplyDeltaRef(want, m.delta16, uint16(m.nclass))
	if !slices.Equal(Default().litDelta[:len(want)], want) {
		t.Fatal("the engine's litDelta differs from the reference's")
	}
	rng := rand.New(rand.NewPCG(9, 10))
	for n := range 41 {
		for range 20 {
			nc := uint16(1 + rng.IntN(300))
			src := make([]uint16, n)
			for i := range src {
				src[i] = fitDelta(uint16(rng.Uint32()), nc)
			}
			checkPremultiply(t, src, nc)
		}
	}
}

// FuzzPremultiplyDelta compares premultiplyDelta with the reference on
// fuzzed tables (two bytes an entry) and class counts.
func FuzzPremultiplyDelta(f *testing.F) {
	f.Add([]byte{1, 0, 2, 0, 3, 0, 4, 0, 5, 0}, uint16(76))
	f.Add([]byte{0xFF, 0xFF, 0xFE, 0xFF, 0, 0, 1, 0}, uint16(1))
	f.Add([]byte{}, uint16(3))
	f.Fuzz(func(t *testing.T, raw []byte, nc uint16) {
		nc = max(nc, 1)
		src := make([]uint16, len(raw)/2)
		for i := range src {
			src[i] = fitDelta(binary.LittleEndian.Uint16(raw[2*i:]), nc)
		}
		checkPremultiply(t, src, nc)
	})
}
