package tempeval

import (
	"fmt"
	"sort"
	"strings"
)

// Timex is an annotated temporal expression: gold or system.
type Timex struct {
	// Start and End are the half-open byte span in the document's raw
	// text.
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
	// ID is the tid, or any label that helps find it again.
	ID string `json:"id,omitempty"`
}

func (t Timex) overlaps(o Timex) bool { return t.Start < o.End && o.Start < t.End }

func (t Timex) overlap(o Timex) int { return min(t.End, o.End) - max(t.Start, o.Start) }

func (t Timex) sameExtent(o Timex) bool { return t.Start == o.Start && t.End == o.End }

// Counts are the raw counts of one file or of several.
type Counts struct {
	Gold   int `json:"gold"`
	System int `json:"system"`
	// StrictGold: gold expressions with a system expression of identical
	// extent; StrictSystem: system expressions with a gold one of
	// identical extent.
	StrictGold   int `json:"strict_gold"`
	StrictSystem int `json:"strict_system"`
	// RelaxedGold: gold expressions overlapped by a system expression;
	// RelaxedSystem: system expressions overlapping a gold one.
	RelaxedGold   int `json:"relaxed_gold"`
	RelaxedSystem int `json:"relaxed_system"`
	// ValueCorrect and TypeCorrect count the RelaxedGold pairs whose
	// value (type) attributes are identical.
	ValueCorrect int `json:"value_correct"`
	TypeCorrect  int `json:"type_correct"`
}

// Add adds o to c.
func (c *Counts) Add(o Counts) {
	c.Gold += o.Gold
	c.System += o.System
	c.StrictGold += o.StrictGold
	c.StrictSystem += o.StrictSystem
	c.RelaxedGold += o.RelaxedGold
	c.RelaxedSystem += o.RelaxedSystem
	c.ValueCorrect += o.ValueCorrect
	c.TypeCorrect += o.TypeCorrect
}

// PRF is a precision, recall and F1, each in [0, 1].
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func prf(matchedSystem, system, matchedGold, gold int) PRF {
	p, r := ratio(matchedSystem, system), ratio(matchedGold, gold)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return PRF{Precision: p, Recall: r, F1: f}
}

// Scores are the TempEval-3 Task A figures, each in [0, 1]. A ratio with
// a zero denominator is 0.
type Scores struct {
	Strict        PRF     `json:"strict"`
	Relaxed       PRF     `json:"relaxed"`
	ValueAccuracy float64 `json:"value_accuracy"`
	TypeAccuracy  float64 `json:"type_accuracy"`
	ValueF1       float64 `json:"value_f1"`
	TypeF1        float64 `json:"type_f1"`
}

// Scores computes the figures from the counts.
func (c Counts) Scores() Scores {
	s := Scores{
		Strict:        prf(c.StrictSystem, c.System, c.StrictGold, c.Gold),
		Relaxed:       prf(c.RelaxedSystem, c.System, c.RelaxedGold, c.Gold),
		ValueAccuracy: ratio(c.ValueCorrect, c.RelaxedGold),
		TypeAccuracy:  ratio(c.TypeCorrect, c.RelaxedGold),
	}
	s.ValueF1 = s.Relaxed.F1 * s.ValueAccuracy
	s.TypeF1 = s.Relaxed.F1 * s.TypeAccuracy
	return s
}

// String formats the scores as percentages on one line.
func (s Scores) String() string {
	pc := func(f float64) string { return fmt.Sprintf("%.2f", 100*f) }
	return fmt.Sprintf("strict P/R/F1 %s/%s/%s  relaxed P/R/F1 %s/%s/%s  value acc %s F1 %s  type acc %s F1 %s",
		pc(s.Strict.Precision), pc(s.Strict.Recall), pc(s.Strict.F1),
		pc(s.Relaxed.Precision), pc(s.Relaxed.Recall), pc(s.Relaxed.F1),
		pc(s.ValueAccuracy), pc(s.ValueF1), pc(s.TypeAccuracy), pc(s.TypeF1))
}

// Kind classifies an error.
type Kind string

// The kinds of error, in the order reports list them.
const (
	// Missed: a gold expression no system expression overlaps.
	Missed Kind = "missed"
	// Spurious: a system expression that overlaps no gold one.
	Spurious Kind = "spurious"
	// Extent: a gold expression whose paired system expression overlaps
	// it with another extent (a relaxed match but not a strict one).
	Extent Kind = "extent"
	// Value: a pair whose values differ.
	Value Kind = "value"
	// Type: a pair whose types differ.
	Type Kind = "type"
)

// Kinds lists the kinds in report order.
var Kinds = []Kind{Missed, Spurious, Extent, Value, Type}

// Error is one difference between gold and system.
type Error struct {
	Kind Kind   `json:"kind"`
	File string `json:"file"`
	// Gold and System are the expressions concerned: System is nil for
	// Missed, Gold nil for Spurious.
	Gold   *Timex `json:"gold,omitempty"`
	System *Timex `json:"system,omitempty"`
	// Line is the 1-based line of the expression in the raw text, 0 when
	// the text was not given.
	Line int `json:"line,omitempty"`
	// Context is the text around the expression, the expression in
	// [brackets], on one line; empty when the text was not given.
	Context string `json:"context,omitempty"`
}

// Pos returns the byte offset of the expression the error is about.
func (e Error) Pos() int {
	if e.Gold != nil {
		return e.Gold.Start
	}
	if e.System != nil {
		return e.System.Start
	}
	return 0
}

// String formats the error on one line, for example
//
//	value    doc.tml:3@120 "Friday" gold[t1] DATE 1998-08-07, system[weekday] DATE 1998-08-14  | …capitals [Friday], killing…
//
// where the bracketed IDs appear when set.
func (e Error) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-8s %s", e.Kind, e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	fmt.Fprintf(&b, "@%d ", e.Pos())
	g, s := e.Gold, e.System
	switch e.Kind {
	case Missed:
		fmt.Fprintf(&b, "%q gold%s %s %s", g.Text, id(g), g.Type, g.Value)
	case Spurious:
		fmt.Fprintf(&b, "%q system%s %s %s", s.Text, id(s), s.Type, s.Value)
	case Extent:
		fmt.Fprintf(&b, "gold%s %q system%s %q", id(g), g.Text, id(s), s.Text)
	default:
		fmt.Fprintf(&b, "%q gold%s %s %s, system%s %s %s", g.Text, id(g), g.Type, g.Value, id(s), s.Type, s.Value)
		if s.Text != g.Text {
			fmt.Fprintf(&b, " (%q)", s.Text)
		}
	}
	if e.Context != "" {
		b.WriteString("  | ")
		b.WriteString(e.Context)
	}
	return b.String()
}

// id formats the ID of t, if any, as "[t1]".
func id(t *Timex) string {
	if t.ID == "" {
		return ""
	}
	return "[" + t.ID + "]"
}

// FileResult is the scoring of one document.
type FileResult struct {
	File string `json:"file"`
	Counts
	// Errors are in order of position, then of Kinds.
	Errors []Error `json:"errors"`
}

// Score scores the system expressions of one document against the gold
// ones. file names the document in errors; text, its raw text, gives the
// errors a line and a context and may be empty.
func Score(file, text string, gold, system []Timex) FileResult {
	gold = nonEmpty(gold)
	res := FileResult{File: file, Counts: Counts{Gold: len(gold), System: len(system)}}

	sysHit := make([]bool, len(system))
	for gi := range gold {
		g := &gold[gi]
		partner, strict := -1, false
		for si := range system {
			s := &system[si]
			if !g.overlaps(*s) {
				continue
			}
			sysHit[si] = true
			if g.sameExtent(*s) {
				strict = true
			}
			if partner < 0 || better(*g, *s, system[partner]) {
				partner = si
			}
		}
		if partner < 0 {
			res.Errors = append(res.Errors, Error{Kind: Missed, Gold: g})
			continue
		}
		res.RelaxedGold++
		if strict {
			res.StrictGold++
		}
		p := &system[partner]
		if !g.sameExtent(*p) {
			res.Errors = append(res.Errors, Error{Kind: Extent, Gold: g, System: p})
		}
		if p.Value == g.Value {
			res.ValueCorrect++
		} else {
			res.Errors = append(res.Errors, Error{Kind: Value, Gold: g, System: p})
		}
		if p.Type == g.Type {
			res.TypeCorrect++
		} else {
			res.Errors = append(res.Errors, Error{Kind: Type, Gold: g, System: p})
		}
	}
	for si := range system {
		s := &system[si]
		if !sysHit[si] {
			res.Errors = append(res.Errors, Error{Kind: Spurious, System: s})
			continue
		}
		res.RelaxedSystem++
		for gi := range gold {
			if gold[gi].sameExtent(*s) {
				res.StrictSystem++
				break
			}
		}
	}

	rank := map[Kind]int{}
	for i, k := range Kinds {
		rank[k] = i
	}
	sort.SliceStable(res.Errors, func(i, j int) bool {
		a, b := res.Errors[i], res.Errors[j]
		if a.Pos() != b.Pos() {
			return a.Pos() < b.Pos()
		}
		return rank[a.Kind] < rank[b.Kind]
	})
	for i := range res.Errors {
		e := &res.Errors[i]
		e.File = file
		e.Gold, e.System = clone(e.Gold), clone(e.System)
		if text != "" {
			t := e.Gold
			if t == nil {
				t = e.System
			}
			e.Line, e.Context = locate(text, t.Start, t.End)
		}
	}
	return res
}

// better reports whether system expression a pairs better with g than b:
// larger overlap, then nearer start.
func better(g, a, b Timex) bool {
	if oa, ob := g.overlap(a), g.overlap(b); oa != ob {
		return oa > ob
	}
	return abs(a.Start-g.Start) < abs(b.Start-g.Start)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func clone(t *Timex) *Timex {
	if t == nil {
		return nil
	}
	c := *t
	return &c
}

// nonEmpty drops expressions with an empty extent.
func nonEmpty(ts []Timex) []Timex {
	for _, t := range ts {
		if t.End <= t.Start {
			out := make([]Timex, 0, len(ts))
			for _, t := range ts {
				if t.End > t.Start {
					out = append(out, t)
				}
			}
			return out
		}
	}
	return ts
}

// contextWidth is how many bytes of text Error.Context shows on each side.
const contextWidth = 40

// locate returns the line of [start, end) in text and its context.
func locate(text string, start, end int) (int, string) {
	if start < 0 || end > len(text) || start > end {
		return 0, ""
	}
	line := strings.Count(text[:start], "\n") + 1
	from := max(0, start-contextWidth)
	to := min(len(text), end+contextWidth)
	// Do not cut UTF-8 sequences.
	for from > 0 && from < start && text[from]&0xC0 == 0x80 {
		from--
	}
	for to < len(text) && to > end && text[to]&0xC0 == 0x80 {
		to++
	}
	ctx := text[from:start] + "[" + text[start:end] + "]" + text[end:to]
	ctx = strings.Join(strings.Fields(ctx), " ")
	if from > 0 {
		ctx = "…" + ctx
	}
	if to < len(text) {
		ctx += "…"
	}
	return line, ctx
}

// Report gathers the results of several files.
type Report struct {
	Files []FileResult `json:"files"`
	// Total sums the counts of all files: Total.Scores() are the
	// micro-averaged figures.
	Total Counts `json:"total"`
}

// Add adds the result of one file.
func (r *Report) Add(f FileResult) {
	r.Files = append(r.Files, f)
	r.Total.Add(f.Counts)
}

// Errors returns the errors of all files, file by file, keeping only the
// given kinds (all when none is given).
func (r *Report) Errors(kinds ...Kind) []Error {
	var out []Error
	for _, f := range r.Files {
		for _, e := range f.Errors {
			if len(kinds) == 0 || containsKind(kinds, e.Kind) {
				out = append(out, e)
			}
		}
	}
	return out
}

func containsKind(ks []Kind, k Kind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}
