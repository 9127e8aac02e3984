package timeml

// The reader as it was before its buffers were sized from the file and
// names read by table (refParse), kept to hold parse to it.

import (
	"bytes"
	"strings"
)

// refElement is element as it was, its name and attributes held as
// they are given to the Doc.
type refElement struct {
	name  string
	attrs Attrs
	pos   int // source offset of the start tag
	// For elements inside TEXT: indices of the start and end tag pieces
	// (equal for an empty-element tag) and the raw span.
	inText      bool
	open, close int
	span        Span
	// Source range of the content, for elements outside TEXT.
	content0, content1 int
}

type refParsed struct {
	src []byte
	// str is src as a string: tag and attribute names and values are
	// substrings of it, one copy of the file rather than an allocation
	// for each (a TimeML file is mostly the tags of its links)
	str string
	// attrs is a slab the attribute lists of the elements are cut from,
	// and scratch the list of the tag being read
	slab, scratch Attrs
	raw           []byte
	pieces        []piece      // the content of TEXT
	elems         []refElement // every element, in start tag order
	text0, text1  int          // source range of the content of TEXT
	textElem      int          // index of TEXT in elems, -1 before it is seen
	textEmpty     bool         // TEXT is an empty-element tag <TEXT/>
}

func refIsNameStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || c >= 0x80
}

func refIsNameChar(c byte) bool {
	return refIsNameStart(c) || c >= '0' && c <= '9' || c == '-' || c == '.'
}

func refScanName(src []byte, i int) int {
	if i >= len(src) || !refIsNameStart(src[i]) {
		return i
	}
	i++
	for i < len(src) && refIsNameChar(src[i]) {
		i++
	}
	return i
}

func refParse(src []byte) (*refParsed, error) {
	tags := bytes.Count(src, []byte("<"))
	p := &refParsed{src: src, str: string(src), textElem: -1,
		elems: make([]refElement, 0, tags/2+1), raw: make([]byte, 0, len(src)/2)}
	var stack []int // indices in p.elems of the open elements
	inText := false
	for i := 0; i < len(src); {
		switch src[i] {
		case '<':
			next, err := p.markup(i, &stack, &inText)
			if err != nil {
				return nil, err
			}
			i = next
		case '&':
			if t, n, ok := reference(src[i:]); ok {
				if inText {
					r0 := len(p.raw)
					p.raw = append(p.raw, t...)
					p.pieces = append(p.pieces, piece{kind: pAtom, src0: i, src1: i + n, raw0: r0, raw1: len(p.raw), elem: -1})
				}
				i += n
				continue
			}
			if inText {
				p.addText(i, i+1)
			}
			i++
		default:
			j := i + 1
			for j < len(src) && src[j] != '<' && src[j] != '&' {
				j++
			}
			if inText {
				p.addText(i, j)
			}
			i = j
		}
	}
	if len(stack) > 0 {
		e := p.elems[stack[len(stack)-1]]
		return nil, syntaxErr(src, e.pos, "unclosed <%s>: end of input reached", e.name)
	}
	if p.textElem < 0 {
		return nil, syntaxErr(src, len(src), "no <TEXT> element")
	}
	return p, nil
}

func (p *refParsed) addText(i, j int) {
	r0 := len(p.raw)
	p.raw = append(p.raw, p.src[i:j]...)
	if n := len(p.pieces); n > 0 && p.pieces[n-1].kind == pText && p.pieces[n-1].src1 == i {
		p.pieces[n-1].src1 = j
		p.pieces[n-1].raw1 = len(p.raw)
		return
	}
	p.pieces = append(p.pieces, piece{kind: pText, src0: i, src1: j, raw0: r0, raw1: len(p.raw), elem: -1})
}

func (p *refParsed) addMarkup(kind pieceKind, i, j, elem int) int {
	r := len(p.raw)
	p.pieces = append(p.pieces, piece{kind: kind, src0: i, src1: j, raw0: r, raw1: r, elem: elem})
	return len(p.pieces) - 1
}

func (p *refParsed) markup(i int, stack *[]int, inText *bool) (int, error) {
	src := p.src
	rest := src[i:]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		k := bytes.Index(rest[4:], []byte("-->"))
		if k < 0 {
			return 0, syntaxErr(src, i, "unterminated comment")
		}
		end := i + 4 + k + 3
		if *inText {
			p.addMarkup(pOther, i, end, -1)
		}
		return end, nil
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		k := bytes.Index(rest[9:], []byte("]]>"))
		if k < 0 {
			return 0, syntaxErr(src, i, "unterminated CDATA section")
		}
		end := i + 9 + k + 3
		if *inText {
			if k == 0 {
				p.addMarkup(pOther, i, end, -1)
			} else {
				r0 := len(p.raw)
				p.raw = append(p.raw, rest[9:9+k]...)
				p.pieces = append(p.pieces, piece{kind: pAtom, src0: i, src1: end, raw0: r0, raw1: len(p.raw), elem: -1})
			}
		}
		return end, nil
	case bytes.HasPrefix(rest, []byte("<!")):
		end, ok := declEnd(src, i+2)
		if !ok {
			return 0, syntaxErr(src, i, "unterminated declaration")
		}
		if *inText {
			p.addMarkup(pOther, i, end, -1)
		}
		return end, nil
	case bytes.HasPrefix(rest, []byte("<?")):
		k := bytes.Index(rest[2:], []byte("?>"))
		if k < 0 {
			return 0, syntaxErr(src, i, "unterminated processing instruction")
		}
		end := i + 2 + k + 2
		if *inText {
			p.addMarkup(pOther, i, end, -1)
		}
		return end, nil
	case bytes.HasPrefix(rest, []byte("</")):
		return p.endTag(i, stack, inText)
	}
	return p.startTag(i, stack, inText)
}

func (p *refParsed) endTag(i int, stack *[]int, inText *bool) (int, error) {
	src := p.src
	j := refScanName(src, i+2)
	if j == i+2 {
		return 0, syntaxErr(src, i, "'</' not followed by a tag name")
	}
	name := p.str[i+2 : j]
	j = skipSpace(src, j)
	if j >= len(src) {
		return 0, syntaxErr(src, i, "unterminated end tag </%s", name)
	}
	if src[j] != '>' {
		return 0, syntaxErr(src, j, "unexpected %q in end tag </%s>", src[j], name)
	}
	end := j + 1
	s := *stack
	if len(s) == 0 {
		return 0, syntaxErr(src, i, "unexpected </%s>: no element is open", name)
	}
	top := &p.elems[s[len(s)-1]]
	if top.name != name {
		return 0, syntaxErr(src, i, "</%s> does not match <%s> opened at %s", name, top.name, where(src, top.pos))
	}
	*stack = s[:len(s)-1]
	switch {
	case s[len(s)-1] == p.textElem:
		p.text1 = i
		*inText = false
	case top.inText:
		top.close = p.addMarkup(pEnd, i, end, s[len(s)-1])
		top.span.End = len(p.raw)
	default:
		top.content1 = i
	}
	return end, nil
}

func (p *refParsed) startTag(i int, stack *[]int, inText *bool) (int, error) {
	src := p.src
	j := refScanName(src, i+1)
	if j == i+1 {
		return 0, syntaxErr(src, i, "'<' not followed by a tag name (write &lt; for a literal '<')")
	}
	name := p.str[i+1 : j]
	attrs := p.scratch[:0]
	end, empty := 0, false
	for end == 0 {
		ws := j
		j = skipSpace(src, j)
		if j >= len(src) {
			return 0, syntaxErr(src, i, "unterminated start tag <%s", name)
		}
		switch src[j] {
		case '>':
			end = j + 1
			continue
		case '/':
			if j+1 >= len(src) {
				return 0, syntaxErr(src, i, "unterminated start tag <%s", name)
			}
			if src[j+1] != '>' {
				return 0, syntaxErr(src, j, "expected '>' after '/' in <%s>", name)
			}
			end, empty = j+2, true
			continue
		}
		if j == ws {
			return 0, syntaxErr(src, j, "expected a space before attribute in <%s>", name)
		}
		k := refScanName(src, j)
		if k == j {
			return 0, syntaxErr(src, j, "unexpected %q in start tag <%s>", src[j], name)
		}
		aname := p.str[j:k]
		a := j
		j = skipSpace(src, k)
		if j >= len(src) {
			return 0, syntaxErr(src, i, "unterminated start tag <%s", name)
		}
		if src[j] != '=' {
			return 0, syntaxErr(src, a, "attribute %s of <%s> has no value", aname, name)
		}
		j = skipSpace(src, j+1)
		if j >= len(src) {
			return 0, syntaxErr(src, i, "unterminated start tag <%s", name)
		}
		q := src[j]
		if q != '"' && q != '\'' {
			return 0, syntaxErr(src, j, "value of attribute %s of <%s> is not quoted", aname, name)
		}
		k = bytes.IndexByte(src[j+1:], q)
		if k < 0 {
			return 0, syntaxErr(src, a, "unterminated value of attribute %s of <%s>", aname, name)
		}
		raw := src[j+1 : j+1+k]
		if lt := bytes.IndexByte(raw, '<'); lt >= 0 {
			return 0, syntaxErr(src, j+1+lt, "'<' in value of attribute %s of <%s> (missing quote?)", aname, name)
		}
		if _, dup := attrs.Lookup(aname); dup {
			return 0, syntaxErr(src, a, "duplicate attribute %s in <%s>", aname, name)
		}
		value := p.str[j+1 : j+1+k]
		if bytes.IndexByte(raw, '&') >= 0 {
			value = decode(raw)
		}
		attrs = append(attrs, Attr{Name: aname, Value: value})
		j = j + 1 + k + 1
	}
	p.scratch = attrs
	attrs = p.keep(attrs)

	if len(*stack) >= MaxDepth {
		return 0, syntaxErr(src, i, "elements nested deeper than %d", MaxDepth)
	}
	idx := len(p.elems)
	e := refElement{name: name, attrs: attrs, pos: i, inText: *inText, open: -1, close: -1}
	if name == "TEXT" {
		if *inText {
			outer := p.elems[p.textElem]
			return 0, syntaxErr(src, i, "<TEXT> inside the <TEXT> opened at %s", where(src, outer.pos))
		}
		if p.textElem >= 0 {
			return 0, syntaxErr(src, i, "second <TEXT> element (the first is at %s)", where(src, p.elems[p.textElem].pos))
		}
		p.textElem = idx
		p.text0, p.text1 = end, end
		p.textEmpty = empty
		p.elems = append(p.elems, e)
		if !empty {
			*stack = append(*stack, idx)
			*inText = true
		}
		return end, nil
	}
	switch {
	case e.inText && empty:
		e.span = Span{len(p.raw), len(p.raw)}
		e.open = p.addMarkup(pEmpty, i, end, idx)
		e.close = e.open
	case e.inText:
		e.span.Start = len(p.raw)
		e.open = p.addMarkup(pStart, i, end, idx)
	default:
		e.content0, e.content1 = end, end
	}
	p.elems = append(p.elems, e)
	if !empty {
		*stack = append(*stack, idx)
	}
	return end, nil
}

func (p *refParsed) keep(attrs Attrs) Attrs {
	if len(attrs) == 0 {
		return nil
	}
	if cap(p.slab)-len(p.slab) < len(attrs) {
		p.slab = make([]Attr, 0, max(512, len(attrs)))
	}
	k := len(p.slab)
	p.slab = append(p.slab, attrs...)
	return p.slab[k:len(p.slab):len(p.slab)]
}

func (p *refParsed) doc() *Doc {
	raw := string(p.raw)
	d := &Doc{Text: raw, TextPos: p.text0}
	var dctElem *refElement
	for k := range p.elems {
		e := &p.elems[k]
		if e.name == "DCT" && !e.inText && dctElem == nil {
			dctElem = e
		}
	}
	for k := range p.elems {
		e := &p.elems[k]
		if k == p.textElem {
			continue
		}
		text := ""
		if e.inText {
			text = e.span.In(raw)
		}
		switch e.name {
		case "MAKEINSTANCE":
			d.Instances = append(d.Instances, p.element(e, text))
			continue
		case "TLINK", "SLINK", "ALINK":
			d.Links = append(d.Links, p.element(e, text))
			continue
		}
		if !e.inText {
			switch {
			case e.name == "DOCID" && d.ID == "":
				d.ID = strings.TrimSpace(plainText(p.src[e.content0:e.content1]))
			case e.name == "TIMEX3" && d.DCT == nil:
				inDCT := dctElem != nil && e.pos >= dctElem.content0 && e.pos < dctElem.content1
				if inDCT || e.attrs.Get("functionInDocument") == "CREATION_TIME" {
					t := refTimex(e, plainText(p.src[e.content0:e.content1]))
					t.Span = Span{}
					d.DCT = &t
				}
			}
			continue
		}
		switch e.name {
		case "TIMEX3":
			d.Timexes = append(d.Timexes, refTimex(e, text))
		case "EVENT":
			d.Events = append(d.Events, Event{Span: e.span, Text: text, EID: e.attrs.Get("eid"),
				Class: e.attrs.Get("class"), Attrs: e.attrs, Pos: e.pos})
		case "SIGNAL":
			d.Signals = append(d.Signals, p.element(e, text))
		default:
			d.Other = append(d.Other, p.element(e, text))
		}
	}
	return d
}

func (p *refParsed) element(e *refElement, text string) Element {
	return Element{Name: e.name, Span: e.span, Text: text, Attrs: e.attrs, Pos: e.pos}
}

func refTimex(e *refElement, text string) Timex {
	return Timex{Span: e.span, Text: text, TID: e.attrs.Get("tid"), Type: e.attrs.Get("type"),
		Value: e.attrs.Get("value"), Mod: e.attrs.Get("mod"), Attrs: e.attrs, Pos: e.pos}
}
