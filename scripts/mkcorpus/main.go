// Command mkcorpus builds a synthetic news corpus as JSON Lines of
// articles {"id","url","title","published","text"} from the development
// texts (TimeML files with their tags stripped, the seed articles), for
// benchmarking the timeline binary over a corpus:
//
//	go run ./scripts/mkcorpus -data ../shared/data -seeds seeds -n 100000 -o /tmp/corpus.jsonl
//
// Document i takes base text i mod B (B base texts), story variant
// (i / B) mod 8, which shifts the base's publication date by 0, 1, 2, 3,
// 7, 14, 30 or 365 days (so relative dates resolve differently), and an
// outlet; outlets publish the same story under their own id and URL, some
// with a headline line on top or a credit line at the bottom. Exact
// duplicates (same story, same outlet) never occur: every id is unique.
// The output depends only on the flags.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

type base struct {
	name, title, text string
	published         time.Time
}

var (
	dctRe  = regexp.MustCompile(`(?s)<DCT>.*?value="([0-9]{4}-[0-9]{2}-[0-9]{2})[^"]*".*?</DCT>`)
	textRe = regexp.MustCompile(`(?s)<TEXT>(.*)</TEXT>`)
	tagRe  = regexp.MustCompile(`<[^>]*>`)
	idRe   = regexp.MustCompile(`(?s)<DOCID>(.*?)</DOCID>`)
)

func main() {
	data := flag.String("data", "../shared/data", "directory of the development corpora (*.tml files, recursively)")
	seeds := flag.String("seeds", "seeds", "directory of seed articles (*.txt)")
	n := flag.Int("n", 100000, "number of documents")
	out := flag.String("o", "/tmp/corpus.jsonl", "output file")
	flag.Parse()

	var bases []base
	err := filepath.WalkDir(*data, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".tml") {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		s := string(raw)
		m := textRe.FindStringSubmatch(s)
		if m == nil {
			return nil
		}
		b := base{name: strings.TrimSuffix(filepath.Base(path), ".tml")}
		b.text = strings.TrimSpace(html.UnescapeString(tagRe.ReplaceAllString(m[1], "")))
		if dm := dctRe.FindStringSubmatch(s); dm != nil {
			b.published, _ = time.Parse("2006-01-02", dm[1])
		}
		b.title = b.name
		if im := idRe.FindStringSubmatch(s); im != nil {
			b.title = strings.TrimSpace(im[1])
		}
		bases = append(bases, b)
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	seedFiles, _ := filepath.Glob(filepath.Join(*seeds, "*.txt"))
	for _, p := range seedFiles {
		raw, err := os.ReadFile(p)
		if err != nil {
			log.Fatal(err)
		}
		// the seed's dateline says 19-Sep-2023
		bases = append(bases, base{name: filepath.Base(p), title: "Seed " + filepath.Base(p), text: string(raw), published: time.Date(2023, 9, 19, 20, 7, 0, 0, time.UTC)})
	}
	if len(bases) == 0 {
		log.Fatalf("no texts under %s or %s", *data, *seeds)
	}
	sort.Slice(bases, func(i, j int) bool { return bases[i].name < bases[j].name })

	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	shifts := []int{0, 1, 2, 3, 7, 14, 30, 365}
	type article struct {
		ID        string `json:"id"`
		URL       string `json:"url"`
		Title     string `json:"title"`
		Published string `json:"published,omitempty"`
		Text      string `json:"text"`
	}
	B := len(bases)
	var bytes int64
	for i := 0; i < *n; i++ {
		b := bases[i%B]
		story := (i / B) % len(shifts)
		outlet := (i / (B * len(shifts))) % 97
		a := article{
			ID:    fmt.Sprintf("outlet%02d/%s/%d/%07d", outlet, b.name, story, i),
			URL:   fmt.Sprintf("https://outlet%02d.example/%s-%d-%07d", outlet, strings.ToLower(b.name), story, i),
			Title: b.title,
			Text:  b.text,
		}
		if !b.published.IsZero() {
			p := b.published.AddDate(0, 0, shifts[story])
			if outlet%2 == 0 {
				a.Published = p.Format("2006-01-02")
			} else {
				a.Published = p.Add(time.Duration(6+outlet%12) * time.Hour).Format(time.RFC3339)
			}
		}
		switch outlet % 3 {
		case 1:
			a.Text = b.title + "\n\n" + a.Text
		case 2:
			a.Text += fmt.Sprintf("\n\n(Reporting by Outlet %02d staff; editing by the desk)", outlet)
		}
		if err := enc.Encode(a); err != nil {
			log.Fatal(err)
		}
		bytes += int64(len(a.Text))
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "mkcorpus: %d documents from %d base texts (%d MB of text) in %s\n", *n, B, bytes>>20, *out)
}
