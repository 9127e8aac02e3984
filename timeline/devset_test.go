package timeline

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// devEvent is one hand-annotated event of testdata/events/dev.jsonl.
type devEvent struct {
	Doc        string     `json:"doc"`
	Sentence   string     `json:"sentence"`
	Date       string     `json:"date"`
	Type       string     `json:"type"`
	Actors     []devActor `json:"actors"`
	Recipients []devActor `json:"recipients"`
}

type devActor struct {
	Name   string `json:"name"`
	Code   string `json:"code"`
	Sector string `json:"sector"`
	Kind   string `json:"kind"`
}

// actorKey is what two actors must share to match: the canonical name, or
// a person's surname (the text may name "Saddam", "Hussein" or "Saddam
// Hussein").
func actorKey(name, kind string) string {
	if kind == "person" {
		f := strings.Fields(name)
		return "person:" + strings.ToLower(f[len(f)-1])
	}
	return strings.ToLower(name)
}

// sameActor reports whether a system actor is the annotated one: the
// same canonical name, or for persons a shared first or last name
// ("Saddam" is "Saddam Hussein").
func sameActor(g devActor, a Actor) bool {
	if g.Kind != "person" || a.Kind != "person" {
		return g.Kind != "person" && a.Kind != "person" && strings.EqualFold(g.Name, a.Name)
	}
	gf, af := strings.Fields(strings.ToLower(g.Name)), strings.Fields(strings.ToLower(a.Name))
	for _, x := range []string{gf[0], gf[len(gf)-1]} {
		for _, y := range []string{af[0], af[len(af)-1]} {
			if x == y {
				return true
			}
		}
	}
	return false
}

// matchActors pairs annotated and system actors once each (both sides
// deduplicated by name) and returns the matches and the keys of the
// misses and extras.
func matchActors(gold []devActor, got []Actor) (n int, miss, extra []string) {
	seenG := map[string]bool{}
	var gs []devActor
	for _, g := range gold {
		if k := actorKey(g.Name, g.Kind); !seenG[k] {
			seenG[k] = true
			gs = append(gs, g)
		}
	}
	seenA := map[string]bool{}
	var as []Actor
	for _, a := range got {
		if k := actorKey(a.Name, a.Kind); !seenA[k] {
			seenA[k] = true
			as = append(as, a)
		}
	}
	used := make([]bool, len(as))
	hit := make([]bool, len(gs))
	// Exact names first, so that "Hussein" (the king) is not taken by
	// "Saddam Hussein" before "Saddam" is matched.
	for pass := 0; pass < 2; pass++ {
		for i, g := range gs {
			for j, a := range as {
				if hit[i] || used[j] {
					continue
				}
				if pass == 0 && strings.EqualFold(g.Name, a.Name) || pass == 1 && sameActor(g, a) {
					used[j], hit[i] = true, true
				}
			}
		}
	}
	for i, g := range gs {
		if hit[i] {
			n++
		} else {
			miss = append(miss, actorKey(g.Name, g.Kind))
		}
	}
	for j, a := range as {
		if !used[j] {
			extra = append(extra, actorKey(a.Name, a.Kind))
		}
	}
	return n, miss, extra
}

// TestDevSet scores actors and event types on the hand-annotated
// development set (testdata/events) and logs the figures; run it with -v.
// DEVSET_ERRORS=1 lists every miss.
//
// The targets are actor F1 0.90 and event-type accuracy 0.80; both
// are met on this set (0.924 and 0.909 when last measured), and the test
// fails below the floors it guards against regressions with.
const (
	devActorF1Floor = 0.90
	devTypeAccFloor = 0.80

	heldActorF1Floor = 0.65
	heldTypeAccFloor = 0.60

	held2ActorF1Floor = 0.65
	held2TypeAccFloor = 0.75
)

func TestDevSet(t *testing.T) {
	checkEventSet(t, "../testdata/events/dev.jsonl", devActorF1Floor, devTypeAccFloor)
}

// TestHeldOut scores the held-out set (testdata/events/heldout.jsonl),
// annotated from documents the dev set does not use: the rules are tuned
// on the dev set only, and this one tells whether they carry over. Its
// floors are looser, as it is small.
func TestHeldOut(t *testing.T) {
	checkEventSet(t, "../testdata/events/heldout.jsonl", heldActorF1Floor, heldTypeAccFloor)
}

// TestHeldOut2 scores the second held-out set
// (testdata/events/heldout2.jsonl), annotated from documents that neither
// the dev set nor the first held-out set uses.
func TestHeldOut2(t *testing.T) {
	checkEventSet(t, "../testdata/events/heldout2.jsonl", held2ActorF1Floor, held2TypeAccFloor)
}

// checkEventSet scores one annotated set and fails below its floors.
func checkEventSet(t *testing.T, path string, f1Floor, accFloor float64) {
	t.Helper()
	f1, acc := scoreEventSet(t, path)
	if f1 < 0 {
		return
	}
	if f1 < f1Floor {
		t.Errorf("%s: actor F1 %.3f below %.2f", path, f1, f1Floor)
	}
	if acc < accFloor {
		t.Errorf("%s: event-type accuracy %.3f below %.2f", path, acc, accFloor)
	}
}

// scoreEventSet runs the actor finder and classifier over an annotated
// event file, logs the figures and returns actor F1 and type accuracy
// (-1 when the file is missing).
func scoreEventSet(t *testing.T, path string) (f1, acc float64) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skip("no event set:", err)
		return -1, -1
	}
	defer f.Close()
	ix := newActorIndex()
	var tp, fp, fn, typeOK, n, srcTP, srcFP, srcFN int
	confusion := map[string]int{}
	// One memory per document, fed its annotated sentences in order, as
	// the extractor feeds a document's sentences: "Bush" links back to
	// "President Bush" of an earlier line.
	mems := map[string]*actorMemory{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var ev devEvent
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Fatalf("%s line %d: %v", path, n+1, err)
		}
		n++
		text := ev.Sentence
		at := strings.Index(text, ev.Date)
		if at < 0 {
			t.Fatalf("line %d: date %q not in sentence", n, ev.Date)
		}
		s := Span{0, len(text)}
		mem := mems[ev.Doc]
		if mem == nil {
			mem = newActorMemory()
			mems[ev.Doc] = mem
		}
		actors := ix.findActors(text, s, mem)
		ec := ix.classifyEvent(text, s, Span{at, at + len(ev.Date)}, actors)

		gold := append(append([]devActor{}, ev.Actors...), ev.Recipients...)
		got := append(append([]Actor{}, ec.Actors...), ec.Recipients...)
		m, miss, extra := matchActors(gold, got)
		tp, fn, fp = tp+m, fn+len(miss), fp+len(extra)
		m, miss2, extra2 := matchActors(ev.Actors, ec.Actors)
		srcTP, srcFN, srcFP = srcTP+m, srcFN+len(miss2), srcFP+len(extra2)
		if ec.Type == ev.Type {
			typeOK++
		} else {
			confusion[ev.Type+"→"+ec.Type]++
		}
		if os.Getenv("DEVSET_ERRORS") != "" && (len(miss)+len(extra) > 0 || ec.Type != ev.Type) {
			t.Logf("%s %q\n\ttype %s got %s (%q); missed %v; extra %v", ev.Doc, oneLine(text, 150), ev.Type, ec.Type, ec.Trigger.In(text), miss, extra)
		}
	}
	p := float64(tp) / float64(max(tp+fp, 1))
	r := float64(tp) / float64(max(tp+fn, 1))
	f1 = 2 * p * r / max(p+r, 1e-9)
	sp := float64(srcTP) / float64(max(srcTP+srcFP, 1))
	sr := float64(srcTP) / float64(max(srcTP+srcFN, 1))
	acc = float64(typeOK) / float64(max(n, 1))
	t.Logf("%s: %d events", path, n)
	t.Logf("actors:  P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)", p, r, f1, tp, fp, fn)
	t.Logf("sources: P %.3f  R %.3f  F1 %.3f", sp, sr, 2*sp*sr/max(sp+sr, 1e-9))
	t.Logf("event type accuracy: %.3f (%d/%d)", acc, typeOK, n)
	t.Logf("type confusions (gold→got): %s", fmt.Sprint(confusion))
	return f1, acc
}
