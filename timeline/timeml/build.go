package timeml

import "strings"

// doc builds the public view of the parse.
func (p *parsed) doc() *Doc {
	raw := p.raw.String()
	d := &Doc{Text: raw, TextPos: p.text0, parsed: p}
	var dctElem *element
	// the lists made at their lengths
	var counts [kDocID + 1]int
	var others int
	for k := range p.elems {
		e := &p.elems[k]
		switch {
		case e.kind == kDCT && !e.inText && dctElem == nil:
			dctElem = e
		case e.kind == kInstance || e.kind == kLink:
			counts[e.kind]++
		case e.inText && e.kind == kOther:
			others++
		case e.inText:
			counts[e.kind]++
		}
	}
	d.Timexes = makeIf[Timex](counts[kTimex])
	d.Events = makeIf[Event](counts[kEvent])
	d.Signals = makeIf[Element](counts[kSignal])
	d.Other = makeIf[Element](others + counts[kDCT] + counts[kDocID])
	d.Instances = makeIf[Element](counts[kInstance])
	d.Links = makeIf[Element](counts[kLink])
	for k := range p.elems {
		e := &p.elems[k]
		if k == p.textElem {
			continue
		}
		switch {
		case e.kind == kInstance:
			d.Instances = append(d.Instances, p.element(e, p.text(e, raw)))
		case e.kind == kLink:
			d.Links = append(d.Links, p.element(e, p.text(e, raw)))
		case !e.inText:
			p.outside(d, e, dctElem)
		case e.kind == kTimex:
			d.Timexes = append(d.Timexes, p.timex(e, e.span.In(raw)))
		case e.kind == kEvent:
			attrs := p.attrs(e)
			d.Events = append(d.Events, Event{Span: e.span, Text: e.span.In(raw), EID: attrs.Get("eid"),
				Class: attrs.Get("class"), Attrs: attrs, Pos: e.pos})
		case e.kind == kSignal:
			d.Signals = append(d.Signals, p.element(e, e.span.In(raw)))
		default:
			d.Other = append(d.Other, p.element(e, e.span.In(raw)))
		}
	}
	return d
}

// outside reads the ID or the DCT from an element outside TEXT.
func (p *parsed) outside(d *Doc, e, dctElem *element) {
	switch {
	case e.kind == kDocID && d.ID == "":
		d.ID = strings.TrimSpace(plainText(p.src[e.content0:e.content1]))
	case e.kind == kTimex && d.DCT == nil:
		inDCT := dctElem != nil && e.pos >= dctElem.content0 && e.pos < dctElem.content1
		if inDCT || p.attrs(e).Get("functionInDocument") == "CREATION_TIME" {
			t := p.timex(e, plainText(p.src[e.content0:e.content1]))
			t.Span = Span{}
			d.DCT = &t
		}
	}
}

// text returns the raw text of an element of TEXT, "" for the others.
func (p *parsed) text(e *element, raw string) string {
	if !e.inText {
		return ""
	}
	return e.span.In(raw)
}

// makeIf returns an empty slice of capacity n, nil for n == 0 (as
// appending to nil leaves a list with nothing in it).
func makeIf[T any](n int) []T {
	if n == 0 {
		return nil
	}
	return make([]T, 0, n)
}

func (p *parsed) element(e *element, text string) Element {
	return Element{Name: p.name(e), Span: e.span, Text: text, Attrs: p.attrs(e), Pos: e.pos}
}

func (p *parsed) timex(e *element, text string) Timex {
	attrs := p.attrs(e)
	return Timex{Span: e.span, Text: text, TID: attrs.Get("tid"), Type: attrs.Get("type"),
		Value: attrs.Get("value"), Mod: attrs.Get("mod"), Attrs: attrs, Pos: e.pos}
}
