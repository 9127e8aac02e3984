// Package input reads documents for the extractor from files, directories
// and standard input, one at a time, so that a corpus of any size can be
// streamed.
//
// Two kinds of input are understood:
//
//   - JSON Lines of articles, one object per line, in the convention of
//     news-tls and similar timeline-summarization corpora:
//     {"id","url","title","published","text"} (also "source"; "time",
//     "date" or "publish_date" stand in for a missing "published"). Files
//     named *.jsonl or *.ndjson are read so; standard input is when its
//     first non-blank byte is '{'.
//   - Plain text: any other file is one document, its text the whole file.
//     Its ID is the file's base name when the file is named among the
//     paths, its path when found in a directory; its Source is its path.
//
// Directories are walked recursively in lexical order; entries whose name
// starts with a dot are skipped. A document's DCT comes from "published"
// when present (see ParsePublished for the accepted formats), else from
// Options.DCT, else the extractor reads the dateline.
package input

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/eventline/eventline/timeline"
)

// Format says how to read an input.
type Format string

const (
	// Auto chooses by file name (*.jsonl, *.ndjson) or, for standard
	// input, by the first non-blank byte.
	Auto Format = ""
	// Text reads the whole input as one document.
	Text Format = "text"
	// JSONL reads one article per line.
	JSONL Format = "jsonl"
)

// Options configure Read.
type Options struct {
	// Format forces how inputs are read; Auto (the default) decides per
	// input.
	Format Format
	// DCT, when not zero, is the creation time of documents that carry
	// no "published" date; DCTGranularity is its precision.
	DCT            time.Time
	DCTGranularity timeline.Granularity
	// OnError is called with a record that cannot be read (a bad JSON
	// line, an unreadable published date, an unreadable file). Returning
	// nil skips the record; returning an error stops Read with it. When
	// OnError is nil any such error stops Read.
	OnError func(error) error
}

// Article is one line of an article JSON Lines file.
type Article struct {
	ID          string          `json:"id"`
	URL         string          `json:"url"`
	Title       string          `json:"title"`
	Source      string          `json:"source"`
	Published   json.RawMessage `json:"published"`
	Time        json.RawMessage `json:"time"`
	Date        json.RawMessage `json:"date"`
	PublishDate json.RawMessage `json:"publish_date"`
	Text        string          `json:"text"`
}

// A Handler receives each document read and the number of input bytes
// it took.
type Handler func(doc timeline.Document, size int64) error

// Stdin is the name that stands for standard input among paths.
const Stdin = "-"

// Read reads the documents of paths (files, directories, or "-" for
// stdin; no paths at all means stdin) and passes them to fn in input
// order, one at a time. It stops at the first error fn returns, or when
// ctx is done.
func Read(ctx context.Context, paths []string, stdin io.Reader, opt Options, fn Handler) error {
	if len(paths) == 0 {
		paths = []string{Stdin}
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == Stdin {
			if err := readStream(ctx, "stdin", stdin, opt.Format, opt, fn); err != nil {
				return err
			}
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			if err := opt.fail(err); err != nil {
				return err
			}
			continue
		}
		if !st.IsDir() {
			if err := readFile(ctx, p, filepath.Base(p), opt, fn); err != nil {
				return err
			}
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return opt.fail(err)
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil
			}
			return readFile(ctx, path, path, opt, fn)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// TotalSize returns the number of bytes Read would take from the files
// and directories among paths (standard input excluded), for progress
// estimates. Unreadable entries count zero.
func TotalSize(paths []string) int64 {
	var n int64
	for _, p := range paths {
		if p == Stdin {
			continue
		}
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				if info, err := d.Info(); err == nil {
					n += info.Size()
				}
			}
			return nil
		})
	}
	return n
}

func (o *Options) fail(err error) error {
	if o.OnError == nil {
		return err
	}
	return o.OnError(err)
}

func formatOf(path string, f Format) Format {
	if f != Auto {
		return f
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson":
		return JSONL
	}
	return Text
}

func readFile(ctx context.Context, path, id string, opt Options, fn Handler) error {
	f, err := os.Open(path)
	if err != nil {
		return opt.fail(err)
	}
	defer f.Close()
	if formatOf(path, opt.Format) == JSONL {
		return readJSONL(ctx, path, f, opt, fn)
	}
	b, err := io.ReadAll(f)
	if err != nil {
		return opt.fail(fmt.Errorf("%s: %w", path, err))
	}
	return fn(textDoc(id, path, b, opt), int64(len(b)))
}

func textDoc(id, source string, b []byte, opt Options) timeline.Document {
	return timeline.Document{ID: id, Source: source, Text: string(b), DCT: opt.DCT, DCTGranularity: opt.DCTGranularity}
}

func readStream(ctx context.Context, name string, r io.Reader, f Format, opt Options, fn Handler) error {
	br := bufio.NewReaderSize(r, 1<<16)
	if f == Auto {
		f = Text
		for {
			c, err := br.ReadByte()
			if err != nil {
				break
			}
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xEF || c == 0xBB || c == 0xBF {
				continue // blanks and a byte-order mark
			}
			_ = br.UnreadByte()
			if c == '{' {
				f = JSONL
			}
			break
		}
	}
	if f == JSONL {
		return readJSONL(ctx, name, br, opt, fn)
	}
	b, err := io.ReadAll(br)
	if err != nil {
		return opt.fail(fmt.Errorf("%s: %w", name, err))
	}
	return fn(textDoc(name, name, b, opt), int64(len(b)))
}

// readJSONL reads one article per line. Blank lines are skipped.
func readJSONL(ctx context.Context, name string, r io.Reader, opt Options, fn Handler) error {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 1<<16)
	}
	var pending int64 // bytes of blank or skipped lines, counted with the next document
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, rerr := br.ReadBytes('\n')
		size := pending + int64(len(b))
		pending = size
		if t := bytes.TrimSpace(b); len(t) > 0 {
			doc, err := ParseArticle(t)
			if err != nil {
				if err := opt.fail(fmt.Errorf("%s:%d: %w", name, line, err)); err != nil {
					return err
				}
			} else {
				if doc.ID == "" {
					doc.ID = name + ":" + strconv.Itoa(line)
				}
				if doc.Source == "" {
					doc.Source = name
				}
				if doc.DCT.IsZero() {
					doc.DCT, doc.DCTGranularity = opt.DCT, opt.DCTGranularity
				}
				pending = 0
				if err := fn(doc, size); err != nil {
					return err
				}
			}
		}
		if rerr == io.EOF {
			return nil
		}
		if rerr != nil {
			return opt.fail(fmt.Errorf("%s:%d: %w", name, line, rerr))
		}
	}
}

// ParseArticle reads one JSON Lines article into a Document. Its DCT is
// the "published" date (or "time", "date", "publish_date") when present.
func ParseArticle(line []byte) (timeline.Document, error) {
	var a Article
	if err := json.Unmarshal(line, &a); err != nil {
		return timeline.Document{}, fmt.Errorf("not an article: %w", err)
	}
	doc := timeline.Document{ID: a.ID, URL: a.URL, Title: a.Title, Source: a.Source, Text: a.Text}
	for _, raw := range []json.RawMessage{a.Published, a.Time, a.Date, a.PublishDate} {
		raw = bytes.TrimSpace(raw)
		if len(raw) == 0 || string(raw) == "null" || string(raw) == `""` {
			continue
		}
		t, g, err := parseRawDate(raw)
		if err != nil {
			return timeline.Document{}, err
		}
		doc.DCT, doc.DCTGranularity = t, g
		break
	}
	return doc, nil
}

func parseRawDate(raw json.RawMessage) (time.Time, timeline.Granularity, error) {
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return time.Time{}, 0, err
		}
		return ParsePublished(s)
	}
	// a number: Unix seconds, or milliseconds when that large
	n, err := strconv.ParseFloat(string(raw), 64)
	if err != nil {
		return time.Time{}, 0, fmt.Errorf("published: %s is neither a date string nor a Unix time", raw)
	}
	if n > 1e11 {
		return time.UnixMilli(int64(n)).UTC(), timeline.Second, nil
	}
	return time.Unix(int64(n), 0).UTC(), timeline.Second, nil
}

var publishedLayouts = []struct {
	layout string
	g      timeline.Granularity
}{
	{time.RFC3339Nano, timeline.Second},
	{"2006-01-02T15:04:05Z0700", timeline.Second},
	{"2006-01-02T15:04:05.999999999", timeline.Second},
	{"2006-01-02 15:04:05Z07:00", timeline.Second},
	{"2006-01-02 15:04:05.999999999", timeline.Second},
	{"2006-01-02T15:04Z07:00", timeline.Minute},
	{"2006-01-02T15:04", timeline.Minute},
	{"2006-01-02 15:04", timeline.Minute},
	{"2006-01-02", timeline.Day},
	{"2006/01/02", timeline.Day},
	{"20060102", timeline.Day},
	{time.RFC1123Z, timeline.Second},
	{time.RFC1123, timeline.Second},
	{"Mon, 2 Jan 2006 15:04:05 -0700", timeline.Second},
	{"Mon, 2 Jan 2006 15:04:05 MST", timeline.Second},
	{time.RFC850, timeline.Second},
	{"January 2, 2006", timeline.Day},
	{"Jan 2, 2006", timeline.Day},
	{"2 January 2006", timeline.Day},
	{"2 Jan 2006", timeline.Day},
}

// ParsePublished reads a publication date. It accepts RFC 3339 / ISO 8601
// date-times ("2023-09-19T20:07:00Z", "2023-09-19T20:07:00+04:00", with
// or without seconds, fraction or zone, 'T' or a space), dates alone
// ("2023-09-19", "2023/09/19", "20230919"), RFC 1123 and RFC 822 dates
// as in RSS ("Tue, 19 Sep 2023 20:07:00 +0000"), and written dates
// ("September 19, 2023", "Sep 19, 2023", "19 September 2023"). A time
// with a zone is taken at its local wall-clock time: the publisher's
// calendar day is the one "yesterday" is counted from.
func ParsePublished(s string) (time.Time, timeline.Granularity, error) {
	s = strings.TrimSpace(s)
	for _, l := range publishedLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			y, mo, d := t.Date()
			h, mi, sec := t.Clock()
			return time.Date(y, mo, d, h, mi, sec, 0, time.UTC), l.g, nil
		}
	}
	return time.Time{}, 0, errors.New("published: cannot read date " + strconv.Quote(s) + " (use RFC 3339, 2023-09-19, RFC 1123 or September 19, 2023)")
}
