package main

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// progress draws a one-line bar on a terminal: documents done, docs/s
// and, when the input size is known, the share done and an ETA computed
// from the bytes read.
type progress struct {
	w     io.Writer
	total int64 // input bytes, 0 when unknown (stdin)
	start time.Time

	mu    sync.Mutex
	docs  int64
	bytes int64

	done chan struct{}
	once sync.Once
	wg   sync.WaitGroup
}

func newProgress(w io.Writer, total int64) *progress {
	p := &progress{w: w, total: total, start: time.Now(), done: make(chan struct{})}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.draw(false)
			case <-p.done:
				p.draw(true)
				return
			}
		}
	}()
	return p
}

func (p *progress) add(size int64) {
	p.mu.Lock()
	p.docs++
	p.bytes += size
	p.mu.Unlock()
}

func (p *progress) stop() {
	p.once.Do(func() { close(p.done); p.wg.Wait() })
}

func (p *progress) draw(final bool) {
	p.mu.Lock()
	docs, bytes := p.docs, p.bytes
	p.mu.Unlock()
	el := time.Since(p.start).Seconds()
	rate := 0.0
	if el > 0 {
		rate = float64(docs) / el
	}
	line := fmt.Sprintf("%d docs  %.0f docs/s", docs, rate)
	if p.total > 0 {
		frac := min(float64(bytes)/float64(p.total), 1)
		const width = 30
		n := int(frac * width)
		bar := strings.Repeat("=", n) + strings.Repeat(" ", width-n)
		eta := "--"
		if bytes > 0 && !final {
			left := time.Duration(el * float64(p.total-bytes) / float64(bytes) * float64(time.Second))
			eta = left.Round(time.Second).String()
		}
		if final {
			eta = "0s"
		}
		line = fmt.Sprintf("[%s] %3.0f%%  %s  ETA %s", bar, frac*100, line, eta)
	}
	end := ""
	if final {
		end = "\n"
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s%s", line, end)
}
