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

func keySet[T any](xs []T, key func(T) string) map[string]bool {
	m := map[string]bool{}
	for _, x := range xs {
		m[key(x)] = true
	}
	return m
}

// TestDevSet scores actors and event types on the hand-annotated
// development set and fails below the targets (actor F1 0.90,
// event-type accuracy 0.80). DEVSET_ERRORS=1 lists the misses.
func TestDevSet(t *testing.T) {
	f, err := os.Open("../testdata/events/dev.jsonl")
	if err != nil {
		t.Skip("no dev set:", err)
	}
	defer f.Close()
	ix := newActorIndex()
	var tp, fp, fn, typeOK, n, srcTP, srcFP, srcFN int
	confusion := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var ev devEvent
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Fatalf("dev.jsonl line %d: %v", n+1, err)
		}
		n++
		text := ev.Sentence
		at := strings.Index(text, ev.Date)
		if at < 0 {
			t.Fatalf("line %d: date %q not in sentence", n, ev.Date)
		}
		s := Span{0, len(text)}
		actors := ix.findActors(text, s, newActorMemory())
		ec := ix.classifyEvent(text, s, Span{at, at + len(ev.Date)}, actors)

		gk := func(a devActor) string { return actorKey(a.Name, a.Kind) }
		sk := func(a Actor) string { return actorKey(a.Name, a.Kind) }
		gold := keySet(append(append([]devActor{}, ev.Actors...), ev.Recipients...), gk)
		got := keySet(append(append([]Actor{}, ec.Actors...), ec.Recipients...), sk)
		var miss, extra []string
		for k := range gold {
			if got[k] {
				tp++
			} else {
				fn++
				miss = append(miss, k)
			}
		}
		for k := range got {
			if !gold[k] {
				fp++
				extra = append(extra, k)
			}
		}
		gs, ss := keySet(ev.Actors, gk), keySet(ec.Actors, sk)
		for k := range gs {
			if ss[k] {
				srcTP++
			} else {
				srcFN++
			}
		}
		for k := range ss {
			if !gs[k] {
				srcFP++
			}
		}
		if ec.Type == ev.Type {
			typeOK++
		} else {
			confusion[ev.Type+"→"+ec.Type]++
		}
		if os.Getenv("DEVSET_ERRORS") != "" && (len(miss)+len(extra) > 0 || ec.Type != ev.Type) {
			t.Logf("%s %q\n\ttype %s got %s (%q); missed %v; extra %v", ev.Doc, oneLine(text, 150), ev.Type, ec.Type, ec.Trigger.In(text), miss, extra)
		}
	}
	require := func(cond bool, format string, args ...any) {
		if !cond {
			t.Errorf(format, args...)
		}
	}
	p := float64(tp) / float64(max(tp+fp, 1))
	r := float64(tp) / float64(max(tp+fn, 1))
	f1 := 2 * p * r / max(p+r, 1e-9)
	sp := float64(srcTP) / float64(max(srcTP+srcFP, 1))
	sr := float64(srcTP) / float64(max(srcTP+srcFN, 1))
	acc := float64(typeOK) / float64(max(n, 1))
	t.Logf("dev set: %d events", n)
	t.Logf("actors:  P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)", p, r, f1, tp, fp, fn)
	t.Logf("sources: P %.3f  R %.3f  F1 %.3f", sp, sr, 2*sp*sr/max(sp+sr, 1e-9))
	t.Logf("event type accuracy: %.3f (%d/%d)", acc, typeOK, n)
	t.Logf("type confusions (gold→got): %s", fmt.Sprint(confusion))
	require(f1 >= 0.90, "actor F1 %.3f below 0.90", f1)
	require(acc >= 0.80, "event-type accuracy %.3f below 0.80", acc)
}
