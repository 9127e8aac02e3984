package temporal

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var updateDigest = flag.Bool("update", false, "rewrite testdata/engine.sha256")

// engineDigest hashes everything New prepares (starters, DFA tables,
// prefix tries, clauses, the literal automaton and
// the rule index), walking the values field by field; expressions count
// by their source.
func engineDigest(e *Engine) string {
	h := sha256.New()
	for i := range e.prep {
		p := &e.prep[i]
		fmt.Fprintf(h, "rule %s\n", p.Name)
		digestValue(h, reflect.ValueOf(p.fast))
		digestValue(h, reflect.ValueOf(p.start))
		digestValue(h, reflect.ValueOf(p.startOrig))
		digestValue(h, reflect.ValueOf(p.clauses))
	}
	digestValue(h, reflect.ValueOf(e.lits))
	digestValue(h, reflect.ValueOf(e.nlits))
	digestValue(h, reflect.ValueOf(e.litRules))
	digestValue(h, reflect.ValueOf(e.always))
	return hex.EncodeToString(h.Sum(nil))
}

var (
	regexpType     = reflect.TypeOf((*regexp.Regexp)(nil))
	lazyRegexpType = reflect.TypeOf((*lazyRegexp)(nil))
	lazyTrieType   = reflect.TypeOf((*lazyTrie)(nil))
	starterType    = reflect.TypeOf(starter{})
)

func digestValue(h hash.Hash, v reflect.Value) {
	switch v.Kind() {
	case reflect.Invalid:
		fmt.Fprint(h, "<invalid>;")
	case reflect.Pointer:
		if v.IsNil() {
			fmt.Fprint(h, "nil;")
			return
		}
		if v.Type() == lazyRegexpType {
			// as the regexp it compiles to
			fmt.Fprintf(h, "re %q;", (*lazyRegexp)(v.UnsafePointer()).src)
			return
		}
		if v.Type() == lazyTrieType {
			// as the trie it builds
			digestValue(h, reflect.ValueOf((*lazyTrie)(v.UnsafePointer()).get()))
			return
		}
		if v.Type() == regexpType {
			// v may come from an unexported field, which Interface refuses
			fmt.Fprintf(h, "re %q;", (*regexp.Regexp)(v.UnsafePointer()).String())
			return
		}
		digestValue(h, v.Elem())
	case reflect.Interface:
		if v.IsNil() {
			fmt.Fprint(h, "nil;")
			return
		}
		digestValue(h, v.Elem())
	case reflect.Struct:
		fmt.Fprintf(h, "%s{", v.Type().Name())
		for i := range v.NumField() {
			name := v.Type().Field(i).Name
			if v.Type() == starterType && name == "sub" {
				// the submatch program is the expression's own
				// compiled program; subMatch's tests cover it
				continue
			}
			fmt.Fprintf(h, "%s:", name)
			digestValue(h, v.Field(i))
		}
		fmt.Fprint(h, "}")
	case reflect.Slice, reflect.Array:
		fmt.Fprintf(h, "[%d:", v.Len())
		for i := range v.Len() {
			digestValue(h, v.Index(i))
		}
		fmt.Fprint(h, "]")
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(a, b int) bool { return fmt.Sprint(keys[a]) < fmt.Sprint(keys[b]) })
		fmt.Fprintf(h, "map%d{", len(keys))
		for _, k := range keys {
			digestValue(h, k)
			digestValue(h, v.MapIndex(k))
		}
		fmt.Fprint(h, "}")
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		fmt.Fprintf(h, "%s;", v.Kind())
	default:
		// unexported fields cannot be read as interfaces; their
		// formatting through reflect is what counts
		fmt.Fprintf(h, "%v;", v)
	}
}

// TestEngineDigest: New builds the same engine as the one recorded in
// testdata/engine.sha256. The digest was recorded when New's
// construction was rewritten for speed, after a test compared the new
// construction field by field with the old one; a change of rules
// changes it too, and then
// `go test ./timeline/internal/temporal -run TestEngineDigest -update`
// records the new engine.
func TestEngineDigest(t *testing.T) {
	exhaustive(t)
	got := engineDigest(New(append(edgeRules(), English()...)))
	path := filepath.Join("testdata", "engine.sha256")
	if *updateDigest {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != strings.TrimSpace(string(want)) {
		t.Errorf("engine digest %s, want %s (see the test's doc to record a new one)", got, strings.TrimSpace(string(want)))
	}
}

// TestEngineDigestDeterministic: two builds give one digest.
func TestEngineDigestDeterministic(t *testing.T) {
	exhaustive(t)
	rs := English()
	if a, b := engineDigest(New(rs)), engineDigest(New(rs)); a != b {
		t.Errorf("two builds differ: %s, %s", a, b)
	}
}
