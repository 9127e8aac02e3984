package timeline

import (
	"os"
	"regexp"
	"testing"
)

// naiveSentences splits text at sentence-final punctuation and blank
// lines: a stand-in for the core splitter in the tests of this file.
func naiveSentences(text string) []Span {
	var out []Span
	re := regexp.MustCompile(`[^\n.!?]+(?:[.!?]+["”]?|\n|$)`)
	for _, m := range re.FindAllStringIndex(text, -1) {
		if m[1]-m[0] > 1 {
			out = append(out, Span{m[0], m[1]})
		}
	}
	return out
}

func TestDumpSeed(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip("set DUMP=1")
	}
	b, err := os.ReadFile("../seeds/000_b4ef29c311dfde9a.txt")
	if err != nil {
		t.Skip(err)
	}
	text := string(b)
	ix := newActorIndex()
	mem := newActorMemory()
	for _, s := range naiveSentences(text) {
		t.Logf("%q", s.In(text))
		for _, a := range ix.findActors(text, s, mem) {
			t.Logf("   %+v", a)
		}
	}
}
