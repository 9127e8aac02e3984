package temporal

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// ruleSetKeyRef is the key the tables held before they held the key
// itself: a SHA-256 of the same text.
func ruleSetKeyRef(rs []*Rule) [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%s %d %d %d\n", tablesMagic, len(rs), maxDFAStates, subMinInst)
	for _, r := range rs {
		src := r.source()
		fmt.Fprintf(h, "%d:%s", len(src), src)
	}
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k
}

// sourceRules returns rules of the given expressions, as the tables
// see them.
func sourceRules(srcs ...string) []*Rule {
	rs := make([]*Rule, len(srcs))
	for i, s := range srcs {
		rs[i] = &Rule{re: &lazyRegexp{src: s}}
	}
	return rs
}

// checkRuleSetKey: the key is the text the reference hashed, and
// keyMatches accepts the key of rs for the rule set b exactly when the
// reference's digests of rs and b are equal.
func checkRuleSetKey(t *testing.T, a, b []*Rule) {
	t.Helper()
	key := ruleSetKey(a)
	if sha256.Sum256(key) != ruleSetKeyRef(a) {
		t.Fatalf("the key of %d rules is not the text the reference hashed", len(a))
	}
	same := ruleSetKeyRef(a) == ruleSetKeyRef(b)
	if got := keyMatches(key, b); got != same {
		t.Fatalf("keyMatches %v, reference digests equal %v (%d and %d rules)", got, same, len(a), len(b))
	}
}

// TestRuleSetKeyMatchesRef: the built-in and edge rules against
// themselves, each other, subsets, and their expressions edited at
// random (a byte changed, inserted or dropped, two rules' expressions
// run together).
func TestRuleSetKeyMatchesRef(t *testing.T) {
	en, edge := English(), edgeRules()
	checkRuleSetKey(t, en, en)
	checkRuleSetKey(t, en, edge)
	checkRuleSetKey(t, edge, edge)
	checkRuleSetKey(t, en, en[1:])
	checkRuleSetKey(t, en[1:], en)
	checkRuleSetKey(t, nil, nil)
	checkRuleSetKey(t, nil, en[:1])
	srcs := make([]string, len(en))
	for i, r := range en {
		srcs[i] = r.source()
	}
	checkRuleSetKey(t, en, sourceRules(srcs...))
	rng := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		edited := append([]string(nil), srcs...)
		i := rng.IntN(len(edited))
		s := edited[i]
		at := rng.IntN(len(s) + 1)
		switch rng.IntN(4) {
		case 0:
			if at < len(s) {
				s = s[:at] + string(rune('!'+rng.IntN(90))) + s[at+1:]
			}
		case 1:
			s = s[:at] + string(rune('!'+rng.IntN(90))) + s[at:]
		case 2:
			if at < len(s) {
				s = s[:at] + s[at+1:]
			}
		default:
			if i+1 < len(edited) {
				s, edited[i+1] = s+edited[i+1], ""
			}
		}
		edited[i] = s
		checkRuleSetKey(t, en, sourceRules(edited...))
	}
}

// TestKeyMatchesTampered: keyMatches refuses the key of the built-in
// rules with any one byte changed, cut short or lengthened.
func TestKeyMatchesTampered(t *testing.T) {
	rs := English()
	key := ruleSetKey(rs)
	for i := range key {
		bad := bytes.Clone(key)
		bad[i] ^= 0x01
		if keyMatches(bad, rs) {
			t.Fatalf("key accepted with byte %d changed", i)
		}
	}
	for _, n := range []int{0, 1, len(key) / 2, len(key) - 1} {
		if keyMatches(key[:n], rs) {
			t.Fatalf("key accepted cut to %d bytes", n)
		}
	}
	if keyMatches(append(bytes.Clone(key), 'x'), rs) {
		t.Fatal("key accepted with a byte more")
	}
}

// FuzzRuleSetKey: for two rule sets of the fuzzed expressions (split
// at each '\x00'), the key is the text the reference hashed, and
// keyMatches agrees with the reference's digests; and a fuzzed key is
// accepted only when it is the rule set's key.
func FuzzRuleSetKey(f *testing.F) {
	f.Add("(?i)(\\d+)\x00b", "(?i)(\\d+)\x00b", []byte("x"))
	f.Add("1:a", "1:a\x00", []byte("evtltab\x03 1 4096 0\n1:a"))
	f.Add("ab", "a\x00b", []byte{})
	f.Fuzz(func(t *testing.T, a, b string, key []byte) {
		ra, rb := sourceRules(strings.Split(a, "\x00")...), sourceRules(strings.Split(b, "\x00")...)
		checkRuleSetKey(t, ra, rb)
		if got, want := keyMatches(key, ra), bytes.Equal(key, ruleSetKey(ra)); got != want {
			t.Fatalf("keyMatches(%q) %v, want %v", key, got, want)
		}
	})
}
