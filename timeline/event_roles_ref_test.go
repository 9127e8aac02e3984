package timeline

import (
	"context"
	"reflect"
	"testing"
)

// withRoles is how buildEvents gave each event its actors before
// setEventActors: two lists of their own, carved from an array made for
// the event, the recipients a copy of the targets.
func withRoles(sources, targets []Actor) (actors, recipients []Actor) {
	n := len(sources) + len(targets)
	if n == 0 {
		return []Actor{}, nil
	}
	buf := make([]Actor, n+len(targets))
	setRole(buf[:len(sources)], sources, RoleSource)
	setRole(buf[len(sources):n], targets, RoleTarget)
	actors = buf[:n:n]
	if len(targets) > 0 {
		recipients = buf[n:]
		copy(recipients, actors[len(sources):])
	}
	return actors, recipients
}

// setRole copies as to dst, marked with role.
func setRole(dst, as []Actor, role string) {
	for i, a := range as {
		a.Role = role
		dst[i] = a
	}
}

// checkEventActors lays out the events' (sources, targets) pairs with
// appendRoles and setEventActors and compares each event's lists with
// withRoles': equal values, nil and empty alike, the lists capped at
// their length.
func checkEventActors(t *testing.T, pairs [][2][]Actor) {
	t.Helper()
	var actors []Actor
	var lists []roleList
	for _, p := range pairs {
		actors, lists = appendRoles(actors, lists, p[0], p[1])
	}
	evs := make([]Event, len(pairs))
	setEventActors(evs, actors, lists)
	for k, p := range pairs {
		wantA, wantR := withRoles(p[0], p[1])
		gotA, gotR := evs[k].Actors, evs[k].Recipients
		if !reflect.DeepEqual(gotA, wantA) || !reflect.DeepEqual(gotR, wantR) {
			t.Fatalf("event %d: actors %v recipients %v, want %v and %v", k, gotA, gotR, wantA, wantR)
		}
		if cap(gotA) != len(gotA) || cap(gotR) != len(gotR) {
			t.Fatalf("event %d: lists of %d and %d have room for %d and %d", k, len(gotA), len(gotR), cap(gotA), cap(gotR))
		}
	}
}

// TestEventActorsMatchReference gives the events of the seeds and of
// the TBAQ documents (with and without their creation times) their
// lists both ways: the sources and
// targets as classification found them, and each with the other's role.
func TestEventActorsMatchReference(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var docs []Document
	for _, text := range refTexts(t, nil) {
		docs = append(docs, Document{Text: text})
	}
	if sharedData(t) != "" {
		docs = append(docs, loadTBAQ(t)...) // with their creation times
	}
	var pairs [][2][]Actor
	n := 0
	for _, d := range docs {
		tl, err := x.Extract(context.Background(), d)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range tl.Events {
			src := e.Actors[:len(e.Actors)-len(e.Recipients)]
			pairs = append(pairs, [2][]Actor{src, e.Recipients}, [2][]Actor{e.Recipients, src})
			n += len(e.Actors)
		}
	}
	checkEventActors(t, pairs)
	if n < floorWithCorpus(t, 1200) {
		t.Fatalf("%d actors in the events, too few to compare", n)
	}
}

// FuzzEventActors reads its input as the events' list lengths, a byte
// each, and names the actors by their place.
func FuzzEventActors(f *testing.F) {
	f.Add([]byte{0, 0, 1, 0, 0, 1, 2, 3, 0, 5})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, lens []byte) {
		var pairs [][2][]Actor
		id := 0
		list := func(n byte) []Actor {
			if n%8 == 7 {
				return nil
			}
			as := make([]Actor, n%8)
			for i := range as {
				id++
				as[i] = Actor{Span: Span{id, id + 1}, Name: string(rune('A' + id%26)), Role: "x"}
			}
			return as
		}
		for i := 0; i+1 < len(lens); i += 2 {
			pairs = append(pairs, [2][]Actor{list(lens[i]), list(lens[i+1])})
		}
		checkEventActors(t, pairs)
	})
}

// actorsInRef is how buildEvents took a clause's actors before actorsIn:
// always a copy, nil when none.
func actorsInRef(actors []Actor, cl Span) []Actor {
	var in []Actor
	for _, a := range actors {
		if cl.Contains(a.Span) {
			in = append(in, a)
		}
	}
	return in
}

// TestActorsInMatchesReference holds actorsIn to its reference for the
// actors at every pair of offsets of a short stretch and every clause in
// it, the buffer reused throughout.
func TestActorsInMatchesReference(t *testing.T) {
	var all []Actor
	for s := 0; s < 6; s++ {
		for e := s; e < 6; e++ {
			all = append(all, Actor{Span: Span{s, e}, Name: string(rune('a' + len(all)))})
		}
	}
	var buf []Actor
	for n := 0; n <= len(all); n += 3 {
		actors := all[n:min(n+4, len(all))]
		for s := -1; s < 7; s++ {
			for e := s; e < 7; e++ {
				got, want := actorsIn(&buf, actors, Span{s, e}), actorsInRef(actors, Span{s, e})
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("actorsIn(%v, %v) = %v, want %v", actors, Span{s, e}, got, want)
				}
			}
		}
	}
}
