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

func TestDumpClassify(t *testing.T) {
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
	dates := regexp.MustCompile(`(?:Later )?on Tuesday|since \d{4}|(?:September|November) \d+, \d{4}|July 28, 2023`)
	for _, s := range naiveSentences(text) {
		actors := ix.findActors(text, s, mem)
		for _, m := range dates.FindAllStringIndex(s.In(text), -1) {
			near := Span{s.Start + m[0], s.Start + m[1]}
			ec := ix.classifyEvent(text, s, near, actors)
			t.Logf("%q\n   %s %d %s %s trig=%q", near.In(text), ec.Type, ec.Quad, ec.CAMEO, ec.Mode, ec.Trigger.In(text))
			for _, a := range ec.Actors {
				t.Logf("   SRC %s/%s %q", a.Name, a.Sector, a.Text)
			}
			for _, a := range ec.Recipients {
				t.Logf("   RCP %s/%s %q", a.Name, a.Sector, a.Text)
			}
		}
	}
}
