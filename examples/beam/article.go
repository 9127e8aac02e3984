package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/eventline/eventline/timeline"
)

// Article is one line of the input: the JSON Lines convention of news-tls
// and similar timeline-summarization corpora. Source is optional; when it
// is absent the host of URL stands in for it.
type Article struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Source    string `json:"source,omitempty"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

// errNoText is returned by parseArticle for a line that parses but
// carries no text to read events from.
var errNoText = errors.New("article has no text")

// parseArticle decodes one JSON line into an Article.
func parseArticle(line string) (Article, error) {
	var a Article
	if err := json.Unmarshal([]byte(line), &a); err != nil {
		return Article{}, err
	}
	if strings.TrimSpace(a.Text) == "" {
		return Article{}, errNoText
	}
	return a, nil
}

// publishedLayouts are the forms of "published" that are understood, with
// the precision each one gives the DCT.
var publishedLayouts = []struct {
	layout string
	gran   timeline.Granularity
}{
	{time.RFC3339Nano, timeline.Minute},
	{"2006-01-02T15:04:05", timeline.Minute},
	{"2006-01-02 15:04:05", timeline.Minute},
	{"2006-01-02T15:04", timeline.Minute},
	{"2006-01-02 15:04", timeline.Minute},
	{"2006-01-02", timeline.Day},
}

// parsePublished reads the "published" field. Values without a zone are
// taken as UTC. An empty value gives the zero time and no error.
func parsePublished(s string) (time.Time, timeline.Granularity, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, timeline.Unknown, nil
	}
	for _, l := range publishedLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t, l.gran, nil
		}
	}
	return time.Time{}, timeline.Unknown, fmt.Errorf("unrecognized published date %q", s)
}

// Document turns the article into the library's input. The DCT comes
// from Published when it parses; otherwise it is left zero, and the
// extractor falls back on the dateline in the text. The error reports a
// Published value that could not be read; the document is usable all the
// same.
func (a Article) Document() (timeline.Document, error) {
	dct, gran, err := parsePublished(a.Published)
	doc := timeline.Document{
		ID:             a.docID(),
		URL:            a.URL,
		Source:         a.source(),
		Title:          a.Title,
		Text:           a.Text,
		DCT:            dct,
		DCTGranularity: gran,
	}
	return doc, err
}

// docID is the article's id, else its URL, else a digest of its text, so
// that every source of a merged event names its document.
func (a Article) docID() string {
	switch {
	case a.ID != "":
		return a.ID
	case a.URL != "":
		return a.URL
	}
	sum := sha256.Sum256([]byte(a.Text))
	return "sha256:" + hex.EncodeToString(sum[:8])
}

// source is the outlet: the Source field, else the host of the URL.
func (a Article) source() string {
	if a.Source != "" {
		return a.Source
	}
	if u, err := url.Parse(a.URL); err == nil {
		return strings.TrimPrefix(u.Hostname(), "www.")
	}
	return ""
}
