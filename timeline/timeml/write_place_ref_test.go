package timeml

// The placing of annotations as it was before it looked only at the
// elements and atoms it needs (refPlace), and the output as it was
// written before it found the new tags at each position by cursors
// rather than maps (refEmit), kept to hold place and emit to them.

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
)

func (p *parsed) refWrite(anns []Annotation) ([]byte, []Adjustment) {
	items, adj := p.refPlace(anns)
	return p.refEmit(items), adj
}

// matches reports whether an existing tag's attributes are what the
// annotation writes, in any order; an absent tid, type, value or mod
// matches an empty field.
func (a Annotation) refMatches(attrs Attrs) bool {
	std := map[string]string{"tid": a.TID, "type": a.Type, "value": a.Value, "mod": a.Mod}
	for name, v := range std {
		if attrs.Get(name) != v {
			return false
		}
	}
	n := 0
	for _, at := range attrs {
		if _, ok := std[at.Name]; !ok {
			n++
		}
	}
	extra := 0
	for _, at := range a.Attrs {
		if _, ok := std[at.Name]; ok {
			continue
		}
		extra++
		if v, ok := attrs.Lookup(at.Name); !ok || v != at.Value {
			return false
		}
	}
	return n == extra
}

// place checks, adjusts and matches the annotations.
func (p *parsed) refPlace(anns []Annotation) ([]*item, []Adjustment) {
	var adj []Adjustment
	note := func(it *item, skipped bool, reason string) {
		a := Adjustment{Index: it.idx, From: it.ann.Span, Skipped: skipped, Reason: reason}
		if !skipped {
			a.To = it.span
		}
		adj = append(adj, a)
	}
	var items []*item
	for i, a := range anns {
		it := &item{idx: i, ann: a, span: a.Span, existing: -1}
		if p.textEmpty {
			note(it, true, "TEXT is an empty-element tag")
			continue
		}
		if a.Start < 0 || a.End > p.raw.Len() || a.Start > a.End {
			note(it, true, fmt.Sprintf("outside the raw text [0,%d)", p.raw.Len()))
			continue
		}
		if p.refSnap(it) {
			note(it, false, "boundary inside a character reference or CDATA section")
		}
		if reason := p.refClip(it); reason != "" {
			if it.span.Start >= it.span.End {
				note(it, true, reason)
				continue
			}
			note(it, false, reason)
		}
		items = append(items, it)
	}

	// TIMEX3 do not nest.
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i].span, items[j].span
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if (a.Len() == 0) != (b.Len() == 0) {
			return a.Len() == 0
		}
		return a.End > b.End
	})
	kept := items[:0]
	lastEnd, last := 0, -1
	for _, it := range items {
		if last >= 0 && it.span.Start < lastEnd {
			if it.span.End <= lastEnd {
				note(it, true, fmt.Sprintf("inside annotation %d", last))
				continue
			}
			it.span.Start = lastEnd
			reason := fmt.Sprintf("crosses annotation %d", last)
			if r := p.refClip(it); r != "" {
				reason += "; " + r
			}
			if it.span.Start >= it.span.End {
				note(it, true, reason)
				continue
			}
			note(it, false, reason)
		}
		kept = append(kept, it)
		lastEnd, last = it.span.End, it.idx
	}
	items = kept

	// Match existing TIMEX3 by span: same attributes first, then any.
	used := map[int]bool{}
	for pass := 0; pass < 2; pass++ {
		for _, it := range items {
			if it.existing >= 0 {
				continue
			}
			for k := range p.elems {
				e := &p.elems[k]
				if !e.inText || e.kind != kTimex || used[k] || e.span != it.span {
					continue
				}
				same := it.ann.refMatches(p.attrs(e))
				if pass == 0 && !same {
					continue
				}
				it.existing, it.same, used[k] = k, same, true
				break
			}
		}
	}
	return items, adj
}

// snap moves boundaries that fall inside an atom outwards; it reports
// whether it moved any.
func (p *parsed) refSnap(it *item) bool {
	moved := false
	for _, pc := range p.pieces {
		if pc.kind != pAtom {
			continue
		}
		if pc.raw0 < it.span.Start && it.span.Start < pc.raw1 {
			it.span.Start, moved = pc.raw0, true
		}
		if pc.raw0 < it.span.End && it.span.End < pc.raw1 {
			it.span.End, moved = pc.raw1, true
		}
	}
	return moved
}

// clip shrinks the item's span until it crosses no kept element of TEXT
// (any but a TIMEX3); it returns why it clipped, or "".
func (p *parsed) refClip(it *item) string {
	reason := ""
	for changed := true; changed && it.span.Start < it.span.End; {
		changed = false
		for k := range p.elems {
			e := &p.elems[k]
			if !e.inText || e.kind == kTimex || e.span.Len() == 0 {
				continue
			}
			s, a, b := &it.span, e.span.Start, e.span.End
			switch {
			case s.Start < a && a < s.End && s.End < b:
				s.End, changed = a, true
			case a < s.Start && s.Start < b && b < s.End:
				s.Start, changed = b, true
			default:
				continue
			}
			if reason == "" {
				reason = fmt.Sprintf("crosses <%s> at %s", p.name(e), where(p.src, e.pos))
			}
		}
	}
	return reason
}

// refEmit writes the output.
func (p *parsed) refEmit(items []*item) []byte {
	// What becomes of each existing TIMEX3 tag of TEXT: nil drops it.
	repl := map[int][]byte{} // piece index -> bytes
	var opens, closes, points = map[int]*item{}, map[int]*item{}, map[int][]*item{}
	var bounds []int
	for _, it := range items {
		if it.existing >= 0 {
			e := p.elems[it.existing]
			switch {
			case it.same:
				repl[e.open] = p.src[p.pieces[e.open].src0:p.pieces[e.open].src1]
				if e.close != e.open {
					repl[e.close] = p.src[p.pieces[e.close].src0:p.pieces[e.close].src1]
				}
			case e.open == e.close:
				repl[e.open] = openTag(it.ann, true)
			default:
				repl[e.open] = openTag(it.ann, false)
				repl[e.close] = []byte(closeTag)
			}
			continue
		}
		if it.span.Len() == 0 {
			points[it.span.Start] = append(points[it.span.Start], it)
		} else {
			opens[it.span.Start] = it
			closes[it.span.End] = it
		}
		bounds = append(bounds, it.span.Start, it.span.End)
	}
	slices.Sort(bounds)
	bounds = slices.Compact(bounds)

	var out bytes.Buffer
	out.Grow(len(p.src) + 64*len(items))
	out.Write(p.src[:p.text0])

	var run []mark
	flush := func(pos int) {
		p.insert(&out, run, pos, opens[pos], closes[pos], points[pos])
		run = run[:0]
	}
	bi := 0 // next boundary to consider
	pos := 0
	for k, pc := range p.pieces {
		switch pc.kind {
		case pText, pAtom:
			flush(pos)
			for bi < len(bounds) && bounds[bi] <= pos {
				bi++
			}
			from := pc.src0
			for pc.kind == pText && bi < len(bounds) && bounds[bi] < pc.raw1 {
				q := bounds[bi]
				at := pc.src0 + q - pc.raw0
				out.Write(p.src[from:at])
				from = at
				flush(q)
				bi++
			}
			out.Write(p.src[from:pc.src1])
			pos = pc.raw1
		default:
			m := mark{kind: pc.kind, bytes: p.src[pc.src0:pc.src1]}
			if pc.elem >= 0 {
				e := p.elems[pc.elem]
				m.span = e.span
				m.timex = e.kind == kTimex
				if m.timex {
					b, ok := repl[k]
					if !ok {
						continue // an old TIMEX3 no annotation keeps
					}
					m.bytes = b
				}
			}
			run = append(run, m)
		}
	}
	flush(pos)
	out.Write(p.src[p.text1:])
	return out.Bytes()
}
