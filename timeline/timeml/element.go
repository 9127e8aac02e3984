package timeml

// elemKind sorts the elements the reader and writer treat apart, so that
// a name is compared with theirs once, when its start tag is read.
type elemKind uint8

const (
	kOther    elemKind = iota
	kText              // TEXT
	kTimex             // TIMEX3
	kEvent             // EVENT
	kSignal            // SIGNAL
	kInstance          // MAKEINSTANCE
	kLink              // TLINK, SLINK or ALINK
	kDCT               // DCT
	kDocID             // DOCID
)

func kindOf(name []byte) elemKind {
	switch string(name) {
	case "TEXT":
		return kText
	case "TIMEX3":
		return kTimex
	case "EVENT":
		return kEvent
	case "SIGNAL":
		return kSignal
	case "MAKEINSTANCE":
		return kInstance
	case "TLINK", "SLINK", "ALINK":
		return kLink
	case "DCT":
		return kDCT
	case "DOCID":
		return kDocID
	}
	return kOther
}

// element is one element of the document, inside TEXT or not. It holds
// offsets only, no pointers: a TimeML file has thousands of elements, and
// an array without pointers is neither scanned by the garbage collector
// nor written through its barriers.
type element struct {
	name0, name1 int // the name is parsed.str[name0:name1]
	attr0, attr1 int // the attributes are parsed.slab[attr0:attr1]
	pos          int // source offset of the start tag
	kind         elemKind
	// For elements inside TEXT: indices of the start and end tag pieces
	// (equal for an empty-element tag) and the raw span.
	inText      bool
	open, close int
	span        Span
	// Source range of the content, for elements outside TEXT.
	content0, content1 int
}

// name returns the element's tag name.
func (p *parsed) name(e *element) string { return p.str[e.name0:e.name1] }

// attrs returns the element's attributes, nil for none, with their
// capacity cut so that appending to one element's list never writes
// into the next one's.
func (p *parsed) attrs(e *element) Attrs {
	if e.attr0 == e.attr1 {
		return nil
	}
	return p.slab[e.attr0:e.attr1:e.attr1]
}
