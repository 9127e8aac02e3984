package timeline

// One Extractor shared by many goroutines gives each the same timeline
// it gives a single caller. Run with -race.

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"
)

func TestConcurrentExtract(t *testing.T) {
	x, err := New(WithSentences(true))
	if err != nil {
		t.Fatal(err)
	}
	var docs []Document
	size, workers := 16<<10, 8
	if testing.Short() || raceEnabled {
		size, workers = 4<<10, 4 // the race detector needs the overlap, not the volume
	}
	for i, s := range append(seedTexts(t, size), handSeeds...) {
		docs = append(docs, Document{ID: fmt.Sprint(i), Text: s})
		docs = append(docs, Document{ID: fmt.Sprint(i, "n"), Text: s, DCT: badDCT, Mode: News})
		docs = append(docs, Document{ID: fmt.Sprint(i, "h"), Text: s, Mode: History})
	}
	docs = append(docs, Document{ID: "long", Text: longDocument(400)})
	ctx := context.Background()
	want := make([]string, len(docs))
	for i, d := range docs {
		tl, err := x.Extract(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = timelineJSON(tl)
	}
	tlAll, err := x.ExtractAll(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	wantAll := timelineJSON(tlAll)

	rounds := 3
	if testing.Short() || raceEnabled {
		rounds = 1 // the race detector needs the overlap, not the volume
	}
	var wg sync.WaitGroup
	errs := make(chan error, workers*len(docs)*rounds+workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				for k := range docs {
					i := (k + w*7 + r) % len(docs) // each worker in its own order
					tl, err := x.Extract(ctx, docs[i])
					if err != nil {
						errs <- err
						continue
					}
					if got := timelineJSON(tl); got != want[i] {
						errs <- fmt.Errorf("worker %d: document %s differs from the sequential result", w, docs[i].ID)
					}
					// the dateline reader and the exporters share state too
					_, _ = x.ParseDateline(docs[i].Text)
					for _, err := range checkExporters(tl) {
						errs <- err
					}
				}
			}
			if w%2 == 0 {
				tl, err := x.ExtractAll(ctx, docs)
				if err != nil {
					errs <- err
				} else if timelineJSON(tl) != wantAll {
					errs <- fmt.Errorf("worker %d: ExtractAll differs from the sequential result", w)
				}
			}
			// a cancelled call in the crowd leaves the others alone
			cctx, cancel := context.WithTimeout(ctx, time.Microsecond)
			_, _ = x.Extract(cctx, docs[len(docs)-1])
			cancel()
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
