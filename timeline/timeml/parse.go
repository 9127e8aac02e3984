package timeml

import (
	"bytes"
	"encoding/binary"
	"io"
	"math/bits"
	"strings"
)

// MaxDepth is the deepest nesting of elements the reader accepts. TimeML
// documents nest three or four deep; anything near this is not TimeML.
const MaxDepth = 256

// Read reads a whole TimeML document from r and parses it.
func Read(r io.Reader) (*Doc, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return Parse(src)
}

// ParseText is Parse for a reader of TEXT and the creation time alone:
// it checks the whole document as Parse does, with the same errors, and
// gives the same Doc (Write included), but for the MAKEINSTANCE and link
// elements outside TEXT, which it does not keep: Instances and Links hold
// those inside TEXT alone (none in TimeML). Those outside are most of a
// TempEval-3 file (four fifths of its bytes, after TEXT), and keeping
// their attributes was most of Parse's work and allocation.
func ParseText(src []byte) (*Doc, error) {
	p, err := parseDoc(src, true)
	if err != nil {
		return nil, err
	}
	return p.doc(), nil
}

// Parse parses a TimeML document (a gold .tml file or a TempEval-3
// .TE3input file). Malformed input gives a *SyntaxError.
func Parse(src []byte) (*Doc, error) {
	p, err := parse(src)
	if err != nil {
		return nil, err
	}
	return p.doc(), nil
}

// pieceKind classifies the pieces the content of TEXT is cut into.
type pieceKind uint8

const (
	pText  pieceKind = iota // text copied as is: raw bytes == source bytes
	pAtom                   // a character reference or CDATA section: cannot be split
	pStart                  // a start tag
	pEnd                    // an end tag
	pEmpty                  // an empty-element tag <X/>
	pOther                  // a comment, processing instruction or declaration
)

// piece is a run of the content of TEXT: its source bytes and the raw text
// it stands for (none for markup).
type piece struct {
	kind       pieceKind
	src0, src1 int // source byte range
	raw0, raw1 int // raw text range; raw0 == raw1 for markup
	elem       int // index in parsed.elems for tags, -1 otherwise
}

// parsed is the result of the scanner.
type parsed struct {
	src []byte
	// str is src as a string: tag and attribute names and values are
	// substrings of it, one copy of the file rather than an allocation
	// for each (a TimeML file is mostly the tags of its links). A lean
	// parse copies only what the tags it keeps need: up to the end of
	// TEXT's start tag at first, on to the end of the first </TEXT>, or
	// the whole file, when a tag after needs it (see strFor).
	str string
	// strEnd bounds the tags str covers: every tag that starts before
	// strEnd (a tag's names and values come before the next '<')
	strEnd int
	// endText is the offset of the first </TEXT> in a lean parse, -1
	// when there is none
	endText int
	// slab holds the attribute lists of the elements side by side, in
	// the order of their start tags
	slab Attrs
	// raw is the raw text of TEXT, built in place: its String is
	// Doc.Text with no copy
	raw          strings.Builder
	pieces       []piece   // the content of TEXT
	elems        []element // every element, in start tag order
	text0, text1 int       // source range of the content of TEXT
	textElem     int       // index of TEXT in elems, -1 before it is seen
	textEmpty    bool      // TEXT is an empty-element tag <TEXT/>
	nextLT       int       // the first '<' at or after the last textEnd
	// lean is set by ParseText: the elements outside TEXT that Doc does
	// not read (all but TIMEX3, DCT and DOCID) are checked, not kept
	lean bool
}

// openElem is an element whose end tag is awaited: its index in elems,
// or -1 for an element a lean parse does not keep, and the offset of its
// start tag.
type openElem struct {
	elem, pos int
}

// openName returns the tag name of an open element.
func (p *parsed) openName(o openElem) []byte {
	if o.elem >= 0 {
		e := &p.elems[o.elem]
		return p.src[e.name0:e.name1]
	}
	return p.src[o.pos+1 : scanName(p.src, o.pos+1)]
}

// strFor makes p.str cover the tag that starts at src[i], and so all its
// names and values: past TEXT's start tag, the copy goes on to the end
// of the first </TEXT>, whose '<' ends every tag before it; a tag after
// needs the rest of the file.
func (p *parsed) strFor(i int) {
	if i < p.strEnd {
		return
	}
	if i < p.endText {
		p.str, p.strEnd = string(p.src[:p.endText+len("</TEXT>")]), p.endText
		return
	}
	p.str, p.strEnd = string(p.src), len(p.src)
}

// leanStr returns the end of a lean parse's first copy of src, whose
// first </TEXT> is at endText (-1 when there is none): the end of the
// tag at the first "<TEXT", the header and TEXT's start tag. A TempEval-3
// input has no tags in TEXT, and the copy leaves out its text, which is
// Doc.Text, a copy of its own. A tag in TEXT, or a "<TEXT" that is no
// tag (in a comment), has strFor copy on.
func leanStr(src []byte, endText int) int {
	if endText < 0 {
		return len(src)
	}
	t := bytes.Index(src[:endText], []byte("<TEXT"))
	if t < 0 {
		return endText
	}
	return startTagEnd(src, t)
}

// startTagEnd returns the end of the start tag at src[t], by its quotes,
// with no '<' before it: the tag's names and values are read before
// there. With a '<' first (even quoted), it returns the offset of that
// '<': no tag starts before it, and the tag's reads stop before it too.
func startTagEnd(src []byte, t int) int {
	for k := t + 1; k < len(src); k++ {
		switch src[k] {
		case '>':
			return k + 1
		case '<':
			return k
		case '"', '\'':
			q := bytes.IndexByte(src[k+1:], src[k])
			if q < 0 || bytes.IndexByte(src[k+1:k+1+q], '<') >= 0 {
				if lt := bytes.IndexByte(src[k+1:], '<'); lt >= 0 {
					return k + 1 + lt
				}
				return len(src)
			}
			k += 1 + q
		}
	}
	return len(src)
}

// The bits of nameBytes: what a byte may be in an XML name.
const (
	nameStart = 1 << iota // a letter, '_', ':' or a byte of a non-ASCII rune
	nameChar              // those, digits, '-' and '.'
)

// nameBytes is read a byte at a time through the names of every tag and
// attribute, a table rather than comparisons.
var nameBytes = func() (t [256]uint8) {
	for c := range 256 {
		b := byte(c)
		if b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_' || b == ':' || b >= 0x80 {
			t[c] = nameStart | nameChar
		} else if b >= '0' && b <= '9' || b == '-' || b == '.' {
			t[c] = nameChar
		}
	}
	return t
}()

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// scanName returns the end of the XML name starting at i (i when there is
// none).
func scanName(src []byte, i int) int {
	if i >= len(src) || nameBytes[src[i]]&nameStart == 0 {
		return i
	}
	i++
	for i < len(src) && nameBytes[src[i]]&nameChar != 0 {
		i++
	}
	return i
}

func skipSpace(src []byte, i int) int {
	for i < len(src) && isSpace(src[i]) {
		i++
	}
	return i
}

// parse scans src once, checking that tags balance and recording the
// pieces and elements of TEXT.
func parse(src []byte) (*parsed, error) { return parseDoc(src, false) }

// parseDoc is parse, lean for ParseText.
func parseDoc(src []byte, lean bool) (*parsed, error) {
	// every element has a start tag, a '<'; counting the '<' of end
	// tags off too would cost a search for "</" at each of them. A lean
	// parse keeps few of the elements after TEXT: it sizes its lists
	// from the bytes up to TEXT's end tag (they grow if that falls
	// short), where a count of "</" is cheap and the list of a file with
	// no tags in TEXT is half end tags
	kept, strEnd, endText := src, len(src), -1
	if lean {
		if endText = indexEndText(src); endText >= 0 {
			kept = src[:endText+len("</TEXT>")]
		}
		strEnd = leanStr(src, endText)
	}
	starts := bytes.Count(kept, []byte("<"))
	if lean {
		starts -= bytes.Count(kept, []byte("</"))
	}
	p := &parsed{src: src, str: string(src[:strEnd]), strEnd: strEnd, endText: endText,
		textElem: -1, lean: lean,
		elems: make([]element, 0, starts), slab: make(Attrs, 0, maxAttrs(kept))}
	var stack []openElem // the open elements, innermost last
	inText := false
	for i := 0; i < len(src); {
		if !inText && src[i] != '<' {
			// outside TEXT, text and references are read for nothing
			// (no reference holds a '<'): on to the next markup
			i = nextMarkup(src, i)
			continue
		}
		if lean && !inText {
			if i = p.skipPlainTags(i, len(stack)); i >= len(src) {
				continue
			}
		}
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
					r0 := p.raw.Len()
					p.raw.WriteString(t)
					p.pieces = append(p.pieces, piece{kind: pAtom, src0: i, src1: i + n, raw0: r0, raw1: p.raw.Len(), elem: -1})
				}
				i += n
				continue
			}
			if inText {
				p.addText(i, i+1)
			}
			i++
		default:
			j := p.textEnd(i + 1)
			if inText {
				p.addText(i, j)
			}
			i = j
		}
	}
	if len(stack) > 0 {
		o := stack[len(stack)-1]
		return nil, syntaxErr(src, o.pos, "unclosed <%s>: end of input reached", p.openName(o))
	}
	if p.textElem < 0 {
		return nil, syntaxErr(src, len(src), "no <TEXT> element")
	}
	return p, nil
}

// nextMarkup returns the offset of the first '<' after src[i], or
// len(src). Between the tags outside TEXT there is mostly a line end.
func nextMarkup(src []byte, i int) int {
	if i+1 < len(src) && src[i+1] == '<' {
		return i + 1
	}
	if k := bytes.IndexByte(src[i+1:], '<'); k >= 0 {
		return i + 1 + k
	}
	return len(src)
}

// textEnd returns the offset of the first '<' or '&' at or after i, or
// len(src): vectorized searches rather than a loop over the bytes. The
// next '<' is kept from one call to the next, so that text with many
// '&' is not searched to its end for each.
func (p *parsed) textEnd(i int) int {
	if p.nextLT < i {
		p.nextLT = len(p.src)
		if k := bytes.IndexByte(p.src[i:], '<'); k >= 0 {
			p.nextLT = i + k
		}
	}
	j := p.nextLT
	if k := bytes.IndexByte(p.src[i:j], '&'); k >= 0 {
		j = i + k
	}
	return j
}

// addText records source bytes [i, j) as raw text, merging with a text
// piece just before.
func (p *parsed) addText(i, j int) {
	r0 := p.raw.Len()
	p.raw.Write(p.src[i:j])
	if n := len(p.pieces); n > 0 && p.pieces[n-1].kind == pText && p.pieces[n-1].src1 == i {
		p.pieces[n-1].src1 = j
		p.pieces[n-1].raw1 = p.raw.Len()
		return
	}
	p.pieces = append(p.pieces, piece{kind: pText, src0: i, src1: j, raw0: r0, raw1: p.raw.Len(), elem: -1})
}

// addMarkup records a piece of markup of TEXT's content.
func (p *parsed) addMarkup(kind pieceKind, i, j, elem int) int {
	r := p.raw.Len()
	p.pieces = append(p.pieces, piece{kind: kind, src0: i, src1: j, raw0: r, raw1: r, elem: elem})
	return len(p.pieces) - 1
}

// markup scans the markup starting at src[i] == '<' and returns the offset
// just after it.
func (p *parsed) markup(i int, stack *[]openElem, inText *bool) (int, error) {
	src := p.src
	// most markup is a tag: its second byte tells it from the others
	// without a comparison of prefixes for each kind
	if i+1 < len(src) {
		if c := src[i+1]; nameBytes[c]&nameStart != 0 {
			return p.startTag(i, stack, inText)
		} else if c == '/' {
			return p.endTag(i, stack, inText)
		}
	}
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
				r0 := p.raw.Len()
				p.raw.Write(rest[9 : 9+k])
				p.pieces = append(p.pieces, piece{kind: pAtom, src0: i, src1: end, raw0: r0, raw1: p.raw.Len(), elem: -1})
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

// declEnd finds the '>' closing a declaration such as <!DOCTYPE ...>,
// skipping quoted strings and an internal subset in brackets.
func declEnd(src []byte, i int) (int, bool) {
	depth := 0
	for ; i < len(src); i++ {
		switch c := src[i]; c {
		case '"', '\'':
			k := bytes.IndexByte(src[i+1:], c)
			if k < 0 {
				return 0, false
			}
			i += k + 1
		case '[':
			depth++
		case ']':
			depth--
		case '>':
			if depth <= 0 {
				return i + 1, true
			}
		}
	}
	return 0, false
}

func (p *parsed) endTag(i int, stack *[]openElem, inText *bool) (int, error) {
	src := p.src
	j := scanName(src, i+2)
	if j == i+2 {
		return 0, syntaxErr(src, i, "'</' not followed by a tag name")
	}
	name := src[i+2 : j]
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
	o := s[len(s)-1]
	if top := p.openName(o); string(top) != string(name) {
		return 0, syntaxErr(src, i, "</%s> does not match <%s> opened at %s", name, top, where(src, o.pos))
	}
	*stack = s[:len(s)-1]
	if o.elem < 0 {
		return end, nil
	}
	top := &p.elems[o.elem]
	switch {
	case o.elem == p.textElem:
		p.text1 = i
		*inText = false
	case top.inText:
		top.close = p.addMarkup(pEnd, i, end, o.elem)
		top.span.End = p.raw.Len()
	default:
		top.content1 = i
	}
	return end, nil
}

func (p *parsed) startTag(i int, stack *[]openElem, inText *bool) (int, error) {
	src := p.src
	j := scanName(src, i+1)
	if j == i+1 {
		return 0, syntaxErr(src, i, "'<' not followed by a tag name (write &lt; for a literal '<')")
	}
	kind := kindOf(src[i+1 : j])
	if p.lean && !*inText && !keptOutside(kind) {
		return p.skipElement(i, j, stack)
	}
	p.strFor(i)
	name := p.str[i+1 : j]
	a0 := len(p.slab)
	end, empty, err := p.readAttrs(i, j, name)
	if err != nil {
		return 0, err
	}

	if len(*stack) >= MaxDepth {
		return 0, syntaxErr(src, i, "elements nested deeper than %d", MaxDepth)
	}
	idx := len(p.elems)
	e := element{name0: i + 1, name1: j, attr0: a0, attr1: len(p.slab), pos: i,
		kind: kind, inText: *inText, open: -1, close: -1}
	if e.kind == kText {
		if *inText {
			outer := p.elems[p.textElem]
			return 0, syntaxErr(src, i, "<TEXT> inside the <TEXT> opened at %s", where(src, outer.pos))
		}
		if p.textElem >= 0 {
			return 0, syntaxErr(src, i, "second <TEXT> element (the first is at %s)", where(src, p.elems[p.textElem].pos))
		}
		p.textElem = idx
		p.text0, p.text1 = end, end
		// the raw text is at most the bytes up to the end tag, which
		// the first </TEXT> after this one is unless a comment or a
		// CDATA section holds it (then raw grows as it would)
		bound := indexEndText(src[end:])
		if bound < 0 {
			bound = len(src) - end
		}
		p.raw.Grow(bound)
		// each '<' or '&' up to there starts at most one piece of
		// markup or reference, and one of text may come before each
		body := src[end : end+bound]
		marks := bytes.Count(body, []byte("<")) + bytes.Count(body, []byte("&"))
		p.pieces = make([]piece, 0, 2*marks+1)
		p.textEmpty = empty
		p.elems = append(p.elems, e)
		if !empty {
			*stack = append(*stack, openElem{idx, i})
			*inText = true
		}
		return end, nil
	}
	switch {
	case e.inText && empty:
		e.span = Span{p.raw.Len(), p.raw.Len()}
		e.open = p.addMarkup(pEmpty, i, end, idx)
		e.close = e.open
	case e.inText:
		e.span.Start = p.raw.Len()
		e.open = p.addMarkup(pStart, i, end, idx)
	default:
		e.content0, e.content1 = end, end
	}
	p.elems = append(p.elems, e)
	if !empty {
		*stack = append(*stack, openElem{idx, i})
	}
	return end, nil
}

// skipPlainTags reads from the markup at src[i] outside TEXT, in a lean
// parse, the run of tags that skipPlainTag reads and the text between
// them, and returns the offset of the first markup it does not read, or
// len(src): the links and instances of a TempEval-3 file, one a line, in
// one call from the parse loop rather than a round of it each.
func (p *parsed) skipPlainTags(i, depth int) int {
	src := p.src
	if depth >= MaxDepth {
		return i
	}
	for {
		end, ok := skipLinkTag(src, i)
		if !ok {
			if end, ok = p.skipPlainTag(i, depth); !ok {
				return i
			}
		}
		if i = end; i >= len(src) {
			return len(src)
		}
		if src[i] != '<' {
			// a line end, as a rule, then the next tag
			if i+1 < len(src) && src[i+1] == '<' {
				i++
			} else if i = nextMarkup(src, i); i >= len(src) {
				return len(src)
			}
		}
	}
}

// skipPlainTag reads the markup at src[i] outside TEXT, in a lean parse,
// when it is an empty-element tag <X .../> of an element that Doc does not
// read, with attributes of the usual form (skipPlainAttrs): a link or an
// instance of a TempEval-3 file, as a rule. It returns the offset after
// the tag and ok; for any other markup ok is false, and startTag or
// markup reads it as they would (depth is the number of open elements).
// The calls from the parse loop to startTag, skipElement and skipAttrs
// were a third of the cost of such a tag.
func (p *parsed) skipPlainTag(i, depth int) (int, bool) {
	src := p.src
	if i+1 >= len(src) || nameBytes[src[i+1]]&nameStart == 0 || depth >= MaxDepth {
		return 0, false
	}
	return skipPlainEmptyTag(src, i)
}

// skipPlainEmptyTag is skipPlainTag past its checks of the depth and of
// the name's first byte, for the tags skipLinkTag leaves (other forms of
// names and attributes, or the last bytes of the file) and those that
// skipLinkTag reads alike.
func skipPlainEmptyTag(src []byte, i int) (int, bool) {
	// the name's letters a word at a time, as in skipPlainAttrs
	j := i + 2
	for ; j+8 <= len(src); j += 8 {
		if other := ^letters(binary.LittleEndian.Uint64(src[j:j+8])) & highs; other != 0 {
			j += bits.TrailingZeros64(other) >> 3
			break
		}
	}
	for j < len(src) && nameBytes[src[j]]&nameChar != 0 {
		j++
	}
	if keptOutside(kindOf(src[i+1 : j])) {
		return 0, false
	}
	end, empty, ok := skipPlainAttrs(src, j)
	if !ok || !empty {
		return 0, false
	}
	return end, true
}

// keptOutside reports whether Doc reads an element of the kind outside
// TEXT: the TEXT itself, the DCT and a TIMEX3 in it or marked as the
// creation time, the DOCID.
func keptOutside(kind elemKind) bool {
	switch kind {
	case kText, kTimex, kDCT, kDocID:
		return true
	}
	return false
}

// skipElement is startTag for an element outside TEXT that a lean parse
// does not keep: its tag is checked as startTag checks it, and only its
// place among the open elements is recorded.
func (p *parsed) skipElement(i, j int, stack *[]openElem) (int, error) {
	end, empty, err := p.skipAttrs(i, j)
	if err != nil {
		return 0, err
	}
	if len(*stack) >= MaxDepth {
		return 0, syntaxErr(p.src, i, "elements nested deeper than %d", MaxDepth)
	}
	if !empty {
		*stack = append(*stack, openElem{-1, i})
	}
	return end, nil
}

// indexEndText returns the offset of the first "</TEXT>" in b, or -1.
// It searches for "XT>": bytes.Index would stop at each '<' of TEXT's
// tags, and 'X' is rare in text.
func indexEndText(b []byte) int {
	for off := 0; ; {
		k := bytes.Index(b[off:], []byte("XT>"))
		if k < 0 {
			return -1
		}
		if at := off + k - 4; at >= 0 && string(b[at:at+4]) == "</TE" {
			return at
		}
		off += k + 1
	}
}

// maxAttrs bounds the number of attributes in src, so that one slab
// holds them all: each has an '=' and takes at least five bytes
// (` a=""`).
func maxAttrs(src []byte) int {
	return min(bytes.Count(src, []byte("=")), len(src)/5)
}

// plainText returns well-formed content with markup removed and references
// decoded.
func plainText(src []byte) string {
	var b strings.Builder
	for i := 0; i < len(src); {
		switch {
		case bytes.HasPrefix(src[i:], []byte("<![CDATA[")):
			k := bytes.Index(src[i+9:], []byte("]]>"))
			if k < 0 {
				return b.String()
			}
			b.Write(src[i+9 : i+9+k])
			i += 9 + k + 3
		case bytes.HasPrefix(src[i:], []byte("<!--")):
			k := bytes.Index(src[i+4:], []byte("-->"))
			if k < 0 {
				return b.String()
			}
			i += 4 + k + 3
		case src[i] == '<':
			k := bytes.IndexByte(src[i:], '>')
			if k < 0 {
				return b.String()
			}
			i += k + 1
		case src[i] == '&':
			if t, n, ok := reference(src[i:]); ok {
				b.WriteString(t)
				i += n
				continue
			}
			b.WriteByte('&')
			i++
		default:
			b.WriteByte(src[i])
			i++
		}
	}
	return b.String()
}
