package timeml

import (
	"cmp"
	"fmt"
	"slices"
)

// matches reports whether an existing tag's attributes are what the
// annotation writes, in any order; an absent tid, type, value or mod
// matches an empty field.
func (a Annotation) matches(attrs Attrs) bool {
	if attrs.Get("tid") != a.TID || attrs.Get("type") != a.Type ||
		attrs.Get("value") != a.Value || attrs.Get("mod") != a.Mod {
		return false
	}
	n := 0
	for _, at := range attrs {
		if !isStdAttr(at.Name) {
			n++
		}
	}
	extra := 0
	for _, at := range a.Attrs {
		if isStdAttr(at.Name) {
			continue
		}
		extra++
		if v, ok := attrs.Lookup(at.Name); !ok || v != at.Value {
			return false
		}
	}
	return n == extra
}

// isStdAttr reports whether an attribute is one of the four an
// Annotation has a field for.
func isStdAttr(name string) bool {
	switch name {
	case "tid", "type", "value", "mod":
		return true
	}
	return false
}

// textParts are what of TEXT placing annotations looks at, found once
// per write: a document has many elements and pieces, most of which
// (the links after TEXT, the text between tags) no annotation can meet.
type textParts struct {
	timexes []int // indices in parsed.elems of the TIMEX3 of TEXT
	kept    []int // of the other elements of TEXT with a non-empty span
	atoms   []int // indices in parsed.pieces of the atoms
}

func (p *parsed) textParts() textParts {
	var tp textParts
	for k := range p.elems {
		e := &p.elems[k]
		switch {
		case !e.inText:
		case e.kind == kTimex:
			tp.timexes = append(tp.timexes, k)
		case e.span.Len() > 0:
			tp.kept = append(tp.kept, k)
		}
	}
	for k := range p.pieces {
		if p.pieces[k].kind == pAtom {
			tp.atoms = append(tp.atoms, k)
		}
	}
	return tp
}

// place checks, adjusts and matches the annotations.
func (p *parsed) place(anns []Annotation) ([]*item, []Adjustment) {
	var adj []Adjustment
	note := func(it *item, skipped bool, reason string) {
		a := Adjustment{Index: it.idx, From: it.ann.Span, Skipped: skipped, Reason: reason}
		if !skipped {
			a.To = it.span
		}
		adj = append(adj, a)
	}
	tp := p.textParts()
	items := make([]*item, 0, len(anns))
	all := make([]item, len(anns)) // one allocation, not one an item
	for i, a := range anns {
		it := &all[i]
		*it = item{idx: i, ann: a, span: a.Span, existing: -1}
		if p.textEmpty {
			note(it, true, "TEXT is an empty-element tag")
			continue
		}
		if a.Start < 0 || a.End > p.raw.Len() || a.Start > a.End {
			note(it, true, fmt.Sprintf("outside the raw text [0,%d)", p.raw.Len()))
			continue
		}
		if p.snap(it, tp.atoms) {
			note(it, false, "boundary inside a character reference or CDATA section")
		}
		if reason := p.clip(it, tp.kept); reason != "" {
			if it.span.Start >= it.span.End {
				note(it, true, reason)
				continue
			}
			note(it, false, reason)
		}
		items = append(items, it)
	}

	// TIMEX3 do not nest.
	slices.SortStableFunc(items, func(x, y *item) int {
		a, b := x.span, y.span
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		if (a.Len() == 0) != (b.Len() == 0) {
			if a.Len() == 0 {
				return -1
			}
			return 1
		}
		return cmp.Compare(b.End, a.End)
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
			if r := p.clip(it, tp.kept); r != "" {
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
	p.match(items, tp.timexes)
	return items, adj
}

// match pairs annotations with existing TIMEX3 of the same span: same
// attributes first, then any.
func (p *parsed) match(items []*item, timexes []int) {
	if len(timexes) == 0 {
		return
	}
	used := make([]bool, len(timexes))
	for pass := 0; pass < 2; pass++ {
		for _, it := range items {
			if it.existing >= 0 {
				continue
			}
			for x, k := range timexes {
				e := &p.elems[k]
				if used[x] || e.span != it.span {
					continue
				}
				same := it.ann.matches(p.attrs(e))
				if pass == 0 && !same {
					continue
				}
				it.existing, it.same, used[x] = k, same, true
				break
			}
		}
	}
}

// snap moves boundaries that fall inside an atom outwards; it reports
// whether it moved any.
func (p *parsed) snap(it *item, atoms []int) bool {
	moved := false
	for _, k := range atoms {
		pc := &p.pieces[k]
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
func (p *parsed) clip(it *item, kept []int) string {
	reason := ""
	for changed := true; changed && it.span.Start < it.span.End; {
		changed = false
		for _, k := range kept {
			e := &p.elems[k]
			s, a, b := &it.span, e.span.Start, e.span.End
			if a >= s.End {
				// kept is in start tag order, so by start: this and the
				// rest start where s ends or after, and s only shrinks
				break
			}
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
