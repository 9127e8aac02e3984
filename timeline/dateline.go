package timeline

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eventline/eventline/timeline/internal/temporal"
)

// The dateline is read from the head of the document: the first lines,
// where scraped pages and wire copy put the publication time.
const (
	// maxDatelineLen is the longest line taken for a dateline, a wire
	// dateline's prefix aside.
	maxDatelineLen = 160
	datelineLines  = 12
	datelineBytes  = 2048
	// datelineRest is how many bytes besides the date a line without a
	// cue may hold.
	datelineRest = 24
)

var (
	// datelineCue marks a line that announces a publication time.
	datelineCue = regexp.MustCompile(`(?i)\b(?:updated|published|posted|last updated|first published|date|dateline|created|modified)\b`)
	// agencyLine is a wire dateline: "MOSCOW, Sept 19 (Reuters) -".
	agencyLine = regexp.MustCompile(`^\s*[A-Z][A-Za-z.' -]{1,40}(?:,\s*[A-Z][A-Za-z.' -]{1,30})?,\s+(.{3,40}?)\s*\((?:Reuters|AP|AFP|Xinhua|UPI|Bloomberg|dpa|Anadolu|TASS|Interfax|IANS|PTI|ANI|Kyodo|Yonhap|CNA|EFE|ANSA)\)\s*[-–—_:]?`)
)

// agencies are the agencies of agencyLine, in its order.
var agencies = strings.Split("Reuters|AP|AFP|Xinhua|UPI|Bloomberg|dpa|Anadolu|TASS|Interfax|IANS|PTI|ANI|Kyodo|Yonhap|CNA|EFE|ANSA", "|")

// hasAgency reports whether line names one of agencies in parentheses,
// as a match of agencyLine does: most lines are spared the expression.
func hasAgency(line string) bool {
	for i := strings.IndexByte(line, '('); i >= 0; {
		rest := line[i+1:]
		for _, a := range agencies {
			if len(rest) > len(a) && rest[len(a)] == ')' && rest[:len(a)] == a {
				return true
			}
		}
		j := strings.IndexByte(rest, '(')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// cueWords are the words datelineCue finds ("last updated" and "first
// published" are found by their last word).
var cueWords = []string{"updated", "published", "posted", "date", "dateline", "created", "modified"}

// hasCue is datelineCue.MatchString(line). An ASCII line is read word by
// word (a \b word is a run of ASCII letters, digits and underscores);
// the regexp reads the others, where case folding reaches beyond ASCII.
func hasCue(line string) bool {
	for i := 0; i < len(line); i++ {
		if line[i] >= utf8.RuneSelf {
			return datelineCue.MatchString(line)
		}
	}
	for i := 0; i < len(line); {
		if !isCueWordByte(line[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(line) && isCueWordByte(line[j]) {
			j++
		}
		// the words open with c, d, m, p or u and run 4 to 9 bytes
		if c := line[i] | 0x20; j-i >= 4 && j-i <= 9 && (c == 'c' || c == 'd' || c == 'm' || c == 'p' || c == 'u') {
			for _, w := range cueWords {
				if strings.EqualFold(line[i:j], w) {
					return true
				}
			}
		}
		i = j
	}
	return false
}

func isCueWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// readDateline finds the document creation time at the head of text.
// It runs the same temporal rules as the body, and takes the first line
// that either announces a time ("Updated …"), or is little more than a
// full date, or is a wire dateline. A dateline without a year ("MOSCOW,
// Sept 19 (Reuters)") gives a value with an XXXX year.
func readDateline(sc *temporal.Scanner, text string) (DCT, bool) {
	head := text
	if len(head) > datelineBytes {
		head = head[:datelineBytes]
	}
	lineStart := 0
	var wins []temporal.Window
	for n := 0; n < datelineLines && lineStart < len(head); {
		end := strings.IndexByte(head[lineStart:], '\n')
		if end < 0 {
			end = len(head)
		} else {
			end += lineStart
		}
		line := head[lineStart:end]
		if trimSpace(line) != "" {
			n++
			var d DCT
			var ok bool
			if d, wins, ok = datelineIn(sc, text, lineStart, end, wins[:0]); ok {
				return d, true
			}
		}
		lineStart = end + 1
	}
	return DCT{}, false
}

// datelineIn reads the dateline of the line text[from:to], if it is one.
// wins is scratch for its windows, returned for reuse.
func datelineIn(sc *temporal.Scanner, text string, from, to int, wins []temporal.Window) (DCT, []temporal.Window, bool) {
	line := text[from:to]
	wire := false
	var loc []int
	if hasAgency(line) {
		loc = agencyLine.FindStringIndex(line)
	}
	if loc != nil {
		// a wire dateline opens the story's first paragraph: read only it
		to, wire = from+loc[1], true
	} else if len(trimSpace(line)) > maxDatelineLen {
		// a long line is prose, whatever dates and words it holds
		return DCT{}, wins, false
	}
	wins = temporal.Windows(text, from, to, wins)
	if len(wins) == 0 {
		return DCT{}, wins, false
	}
	// Mentions lie inside their windows, so the words outside the
	// windows' extent are outside the date: when they already pass the
	// limit below, only a cue can make the line a dateline, and a line
	// without one need not be scanned.
	cue, cueRead := false, false
	if !wire && len(trimSpace(line))-(wins[len(wins)-1].End-wins[0].Start) > datelineRest {
		cue, cueRead = hasCue(line), true
		if !cue {
			return DCT{}, wins, false
		}
	}
	ms := sc.Scan(text, wins, nil)
	var date, clock *temporal.Mention
	for i := range ms {
		m := &ms[i]
		switch {
		case m.Day != nil && m.Month != nil && date == nil:
			date = m
		case m.Hour != nil && m.Day == nil && clock == nil:
			clock = m
		}
	}
	if date == nil {
		return DCT{}, wins, false
	}
	span := Span{date.Start, date.End}
	if clock != nil {
		span = Span{min(span.Start, clock.Start), max(span.End, clock.End)}
	}
	rest := len(trimSpace(line)) - span.Len()
	if !cueRead {
		cue = hasCue(line)
	}
	if !cue && !wire && rest > datelineRest {
		return DCT{}, wins, false
	}
	d := DCT{Span: span, Text: span.In(text)}
	if date.Year == nil {
		d.Timex = Timex{Value: "XXXX-" + pad2(*date.Month) + "-" + pad2(*date.Day), Type: Date, Granularity: Day, Anchor: Unresolved}
		return d, wins, true
	}
	if date.Hour != nil {
		clock = date
	}
	t := time.Date(*date.Year, time.Month(*date.Month), *date.Day, 0, 0, 0, 0, time.UTC)
	g := Day
	if clock != nil {
		t = t.Add(time.Duration(*clock.Hour)*time.Hour + time.Duration(*clock.Minute)*time.Minute)
		g = Minute
	}
	d.Timex = dctTimex(t, g)
	return d, wins, true
}

// dctTimex is the Timex of a creation time of the given precision.
func dctTimex(t time.Time, g Granularity) Timex {
	if g == Unknown {
		g = Minute
	}
	if g < Day {
		g = Day
	}
	if g > Minute {
		g = Minute
	}
	begin := truncate(t, g)
	typ := Date
	if g > Day {
		typ = TimeType
	}
	return Timex{Value: formatValue(begin, g), Type: typ, Granularity: g, Interval: Interval{begin, advance(begin, g, 1)}, Anchor: Explicit}
}

// ParseDateline reads the document creation time from the head of text,
// as Extract does. ok is false when the text has no recognizable dateline.
func (x *Extractor) ParseDateline(text string) (d DCT, ok bool) {
	if x == nil || x.engine == nil {
		return DCT{}, false
	}
	return readDateline(x.engine.NewScanner(), text)
}
