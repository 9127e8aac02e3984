package timeml

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// Annotation is a TIMEX3 to write into a document's TEXT.
type Annotation struct {
	// Span is the expression's extent in the raw text (Doc.Text).
	Span
	TID   string
	Type  string
	Value string
	// Mod is written only when set.
	Mod string
	// Attrs are further attributes (temporalFunction, anchorTimeID…),
	// written after the four above, in this order. Entries named tid,
	// type, value or mod are ignored.
	Attrs Attrs
}

// Adjustment records an annotation that Write could not place as given.
type Adjustment struct {
	// Index is the annotation's index in the list given to Write.
	Index int
	// From is the span as given; To the span written (zero when skipped).
	From, To Span
	Skipped  bool
	Reason   string
}

func (a Adjustment) String() string {
	if a.Skipped {
		return fmt.Sprintf("annotation %d [%d,%d) skipped: %s", a.Index, a.From.Start, a.From.End, a.Reason)
	}
	return fmt.Sprintf("annotation %d [%d,%d) written as [%d,%d): %s", a.Index, a.From.Start, a.From.End, a.To.Start, a.To.End, a.Reason)
}

// item is an annotation being placed.
type item struct {
	idx  int
	ann  Annotation
	span Span
	// what becomes of it: a new tag, or the existing TIMEX3 it matches
	// (kept verbatim when same is set, rewritten in place otherwise)
	existing int // index in parsed.elems, -1 for none
	same     bool
}

// Write returns src, a TimeML document, with the TIMEX3 tags inside its
// TEXT replaced by anns; every byte outside TEXT, and every other tag and
// all text inside it, is left as it was.
//
// An annotation whose span and attributes equal those of an existing TIMEX3
// keeps that tag's bytes as they are, so writing back Doc.Annotations()
// gives src unchanged (unless TIMEX3 of src nest, which TimeML forbids:
// see below). One whose span equals that of an existing TIMEX3
// takes that tag's place. Others are inserted, outermost-first where tags
// meet; a new TIMEX3 with exactly the extent of a kept element goes inside
// it. An annotation with an empty span is written as an empty-element tag
// <TIMEX3 .../>, after the end tags and before the start tags at its
// position. New tags carry tid, type and value (even when empty), mod
// when set, then Attrs; values are escaped.
//
// Annotations that cannot be written as given are adjusted, and each
// adjustment is returned:
//   - a span outside the raw text, or any span when TEXT is an empty
//     element <TEXT/>, is skipped;
//   - a boundary inside a character reference or CDATA section is moved
//     outwards to include all of it;
//   - a span that crosses the boundary of a kept element (an EVENT that
//     starts inside it and ends after it, say) is clipped to end before
//     that element starts (or start after it ends); an annotation clipped
//     to nothing is skipped;
//   - TIMEX3 do not nest: annotations are taken by start (longest first);
//     one inside an earlier one is skipped, one that crosses an earlier
//     one is clipped to start where that one ends.
//
// The error is that of parsing src.
func Write(src []byte, anns []Annotation) ([]byte, []Adjustment, error) {
	p, err := parse(src)
	if err != nil {
		return nil, nil, err
	}
	out, adj := p.write(anns)
	return out, adj, nil
}

// Write is the package's Write of the file d was parsed from, without
// parsing it again. It fails for a Doc not made by Parse or Read.
func (d *Doc) Write(anns []Annotation) ([]byte, []Adjustment, error) {
	if d.parsed == nil {
		return nil, nil, errors.New("timeml: Doc.Write needs a document made by Parse or Read")
	}
	out, adj := d.parsed.write(anns)
	return out, adj, nil
}

// AppendWrite is Doc.Write with the output appended to dst, which may be
// the output of an earlier document, reused.
func (d *Doc) AppendWrite(dst []byte, anns []Annotation) ([]byte, []Adjustment, error) {
	if d.parsed == nil {
		return nil, nil, errors.New("timeml: Doc.AppendWrite needs a document made by Parse or Read")
	}
	items, adj := d.parsed.place(anns)
	return d.parsed.emit(dst, items), adj, nil
}

func (p *parsed) write(anns []Annotation) ([]byte, []Adjustment) {
	items, adj := p.place(anns)
	return p.emit(nil, items), adj
}

// openTag builds the start tag (or the empty-element tag) of an annotation.
func openTag(a Annotation, empty bool) []byte {
	var b bytes.Buffer
	writeOpenTag(&b, a, empty)
	return b.Bytes()
}

// writeOpenTag writes openTag(a, empty) to b.
func writeOpenTag(b *bytes.Buffer, a Annotation, empty bool) {
	// the attributes in attrList's order, with no list made for them
	b.WriteString("<TIMEX3")
	writeAttr(b, "tid", a.TID)
	writeAttr(b, "type", a.Type)
	writeAttr(b, "value", a.Value)
	if a.Mod != "" {
		writeAttr(b, "mod", a.Mod)
	}
	for _, at := range a.Attrs {
		switch at.Name {
		case "tid", "type", "value", "mod":
		default:
			writeAttr(b, at.Name, at.Value)
		}
	}
	if empty {
		b.WriteString("/>")
	} else {
		b.WriteString(">")
	}
}

// writeAttr writes ` name="value"`, the value escaped.
func writeAttr(b *bytes.Buffer, name, value string) {
	b.WriteByte(' ')
	b.WriteString(name)
	b.WriteString(`="`)
	writeEscapedAttr(b, value)
	b.WriteByte('"')
}

const closeTag = "</TIMEX3>"

// mark is one tag of the output at a raw position: a source piece or a new
// TIMEX3 tag.
type mark struct {
	kind  pieceKind // pStart, pEnd, pEmpty or pOther
	span  Span      // the element's span (for tags)
	bytes []byte
	timex bool // a TIMEX3 tag
}

// emit appends the output to dst.
func (p *parsed) emit(dst []byte, items []*item) []byte {
	repl, tags := p.newTags(items)

	out := bytes.NewBuffer(dst)
	out.Grow(len(p.src) + 64*len(items))
	out.Write(p.src[:p.text0])

	var run []mark
	flush := func(pos int) {
		open, close, points := tags.next(pos)
		p.insert(out, run, pos, open, close, points)
		run = run[:0]
	}
	bi := 0 // next boundary to consider
	pos := 0
	ri := 0 // next replacement
	for k := range p.pieces {
		pc := &p.pieces[k] // not a copy: pieces are six words
		switch pc.kind {
		case pText, pAtom:
			flush(pos)
			for bi < len(tags.bounds) && tags.bounds[bi] <= pos {
				bi++
			}
			from := pc.src0
			for pc.kind == pText && bi < len(tags.bounds) && tags.bounds[bi] < pc.raw1 {
				q := tags.bounds[bi]
				cut := pc.src0 + q - pc.raw0
				out.Write(p.src[from:cut])
				from = cut
				flush(q)
				bi++
			}
			out.Write(p.src[from:pc.src1])
			pos = pc.raw1
		default:
			m := mark{kind: pc.kind, bytes: p.src[pc.src0:pc.src1]}
			if pc.elem >= 0 {
				e := &p.elems[pc.elem]
				m.span = e.span
				m.timex = e.kind == kTimex
				if m.timex {
					for ri < len(repl) && repl[ri].piece < k {
						ri++
					}
					if ri == len(repl) || repl[ri].piece != k {
						continue // an old TIMEX3 no annotation keeps
					}
					m.bytes = repl[ri].bytes
				}
			}
			run = append(run, m)
		}
	}
	flush(pos)
	out.Write(p.src[p.text1:])
	return out.Bytes()
}

// replacement is what becomes of an existing TIMEX3 tag of TEXT.
type replacement struct {
	piece int // index in parsed.pieces
	bytes []byte
}

// newTags sorts the placed items: the replacements of the existing TIMEX3
// tags they keep or rewrite, in piece order, and the new tags by position.
func (p *parsed) newTags(items []*item) ([]replacement, *tagCursor) {
	var repl []replacement
	// most annotations are new tags with a span: their lists are made
	// at their lengths, not grown by doubling
	at := &tagCursor{spans: make([]*item, 0, len(items)), bounds: make([]int, 0, 2*len(items))}
	for _, it := range items {
		if it.existing < 0 {
			if it.span.Len() == 0 {
				at.points = append(at.points, it)
			} else {
				at.spans = append(at.spans, it)
			}
			at.bounds = append(at.bounds, it.span.Start, it.span.End)
			continue
		}
		e := &p.elems[it.existing]
		switch {
		case it.same:
			repl = append(repl, replacement{e.open, p.src[p.pieces[e.open].src0:p.pieces[e.open].src1]})
			if e.close != e.open {
				repl = append(repl, replacement{e.close, p.src[p.pieces[e.close].src0:p.pieces[e.close].src1]})
			}
		case e.open == e.close:
			repl = append(repl, replacement{e.open, openTag(it.ann, true)})
		default:
			repl = append(repl, replacement{e.open, openTag(it.ann, false)})
			repl = append(repl, replacement{e.close, []byte(closeTag)})
		}
	}
	slices.SortFunc(repl, func(a, b replacement) int { return cmp.Compare(a.piece, b.piece) })
	slices.Sort(at.bounds)
	at.bounds = slices.Compact(at.bounds)
	return repl, at
}

// tagCursor hands out the new tags at each raw position, the positions
// asked for in increasing order (as emit asks for them).
type tagCursor struct {
	// spans are the new non-empty tags: placed, they do not overlap, so
	// their starts and their ends are both increasing
	spans []*item
	// points are the new empty tags, by position
	points []*item
	bounds []int // every start and end, sorted, once each
	// the next span to open, to close, and the next point
	oi, ci, pi int
}

// next returns the new tags at pos: the annotation that opens there, the
// one that closes there and the empty ones.
func (c *tagCursor) next(pos int) (open, close *item, points []*item) {
	for c.oi < len(c.spans) && c.spans[c.oi].span.Start < pos {
		c.oi++
	}
	if c.oi < len(c.spans) && c.spans[c.oi].span.Start == pos {
		open = c.spans[c.oi]
	}
	for c.ci < len(c.spans) && c.spans[c.ci].span.End < pos {
		c.ci++
	}
	if c.ci < len(c.spans) && c.spans[c.ci].span.End == pos {
		close = c.spans[c.ci]
	}
	for c.pi < len(c.points) && c.points[c.pi].span.Start < pos {
		c.pi++
	}
	end := c.pi
	for end < len(c.points) && c.points[end].span.Start == pos {
		end++
	}
	return open, close, c.points[c.pi:end]
}

// insert returns the tags of run, the source markup at raw position pos,
// with the new tags for pos put where they nest. Elements of the run with
// an empty extent (<X/> or <X></X>) may sit anywhere among the others;
// the places chosen are never inside one:
//   - the close of an annotation [s,pos) goes after the end tags of the
//     elements it contains (those that started after s), so before those
//     of the elements that contain it;
//   - an empty annotation goes after every end tag of a non-empty element;
//   - the open of an annotation [pos,e) goes there too, or after the
//     start tag of the last element that contains it (ends at e or later)
//     if that comes later;
//   - a kept TIMEX3 with an empty extent moves to where the empty
//     annotations go, so that no TIMEX3 ends up inside another.
func (p *parsed) insert(b *bytes.Buffer, run []mark, pos int, open, close *item, points []*item) {
	if open == nil && close == nil && len(points) == 0 {
		for k := range run {
			b.Write(run[k].bytes)
		}
		return
	}
	var emptyTimex []mark
	if slices.ContainsFunc(run, func(m mark) bool { return m.timex && m.span.Len() == 0 }) {
		rest := make([]mark, 0, len(run))
		for _, m := range run {
			if m.timex && m.span.Len() == 0 {
				emptyTimex = append(emptyTimex, m)
			} else {
				rest = append(rest, m)
			}
		}
		run = rest
	}
	ci, pi, oi := 0, 0, 0
	for i, m := range run {
		if m.kind != pEnd || m.span.Start >= pos {
			continue
		}
		pi = i + 1
		if close != nil && m.span.Start > close.span.Start {
			ci = i + 1
		}
	}
	oi = pi
	if open != nil {
		for i, m := range run {
			if m.kind == pStart && m.span.End >= open.span.End && i+1 > oi {
				oi = i + 1
			}
		}
	}
	for i := 0; i <= len(run); i++ {
		if i == ci && close != nil {
			b.WriteString(closeTag)
		}
		if i == pi {
			for _, m := range emptyTimex {
				b.Write(m.bytes)
			}
			for _, it := range points {
				writeOpenTag(b, it.ann, true)
			}
		}
		if i == oi && open != nil {
			writeOpenTag(b, open.ann, false)
		}
		if i < len(run) {
			b.Write(run[i].bytes)
		}
	}
}
