// Package timeml reads and writes TimeML documents, the annotation format
// of TimeBank, AQUAINT, the TempEval-3 corpora and the TimeML version of
// WikiWars.
//
// Read and Parse give a Doc: the document creation time (DCT), the raw
// text of the TEXT element and the gold TIMEX3, EVENT and SIGNAL elements
// inside it, each with its span in the raw text. The raw text is the
// content of TEXT with every tag removed and the character references
// decoded; nothing else is changed (line ends, spacing and CDATA content
// are kept byte for byte), so offsets into it map to the file exactly.
// TempEval-3 input files (X.tml.TE3input: a DCT and an untagged TEXT) are
// read the same way.
//
// Write inserts TIMEX3 tags into the TEXT of a document and leaves every
// other byte of the file as it was.
//
// The reader is a small, strict scanner rather than a full XML parser: it
// needs exact byte offsets. It rejects unbalanced, mismatched or too deeply
// nested tags, a missing, repeated or nested TEXT, and unterminated markup,
// with a *SyntaxError that carries the byte offset, line and column. It is
// lenient where the corpora are: an '&' that does not start a known
// reference is kept as text, and there need be no single root element.
package timeml

// Span is a half-open range [Start, End) of byte offsets into a document's
// raw text (Doc.Text).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// In returns the text the span covers in src, or "" when the span does not
// index src.
func (s Span) In(src string) string {
	if s.Start < 0 || s.End > len(src) || s.Start > s.End {
		return ""
	}
	return src[s.Start:s.End]
}

// Attr is one attribute of a tag, its value decoded.
type Attr struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Attrs are the attributes of a tag in document order.
type Attrs []Attr

// Get returns the value of the named attribute, or "" when it is absent.
func (a Attrs) Get(name string) string {
	v, _ := a.Lookup(name)
	return v
}

// Lookup returns the value of the named attribute and whether it is there.
func (a Attrs) Lookup(name string) (string, bool) {
	for k := range a {
		// by index: a range by value would copy each Attr
		if a[k].Name == name {
			return a[k].Value, true
		}
	}
	return "", false
}

// Timex is a TIMEX3 element.
type Timex struct {
	// Span locates the expression in Doc.Text; zero for the DCT, which
	// lies outside TEXT.
	Span
	// Text is the element's content with tags removed and references
	// decoded (for expressions in TEXT, Span.In(Doc.Text)).
	Text  string `json:"text"`
	TID   string `json:"tid"`
	Type  string `json:"type"`
	Value string `json:"value"`
	Mod   string `json:"mod,omitempty"`
	// Attrs holds every attribute, the four above included, in order.
	Attrs Attrs `json:"attrs"`
	// Pos is the byte offset of the start tag in the file.
	Pos int `json:"pos"`
}

// Annotation returns the annotation that writes t back as it was read.
func (t Timex) Annotation() Annotation {
	a := Annotation{Span: t.Span, TID: t.TID, Type: t.Type, Value: t.Value, Mod: t.Mod}
	for _, at := range t.Attrs {
		switch at.Name {
		case "tid", "type", "value", "mod":
		default:
			a.Attrs = append(a.Attrs, at)
		}
	}
	return a
}

// Event is an EVENT element.
type Event struct {
	Span
	Text  string `json:"text"`
	EID   string `json:"eid"`
	Class string `json:"class"`
	Attrs Attrs  `json:"attrs"`
	Pos   int    `json:"pos"`
}

// Element is any other element: a SIGNAL or an unknown tag in TEXT, or a
// MAKEINSTANCE or link after it. Span and Text are zero outside TEXT.
type Element struct {
	Name string `json:"name"`
	Span
	Text  string `json:"text,omitempty"`
	Attrs Attrs  `json:"attrs"`
	Pos   int    `json:"pos"`
}

// Doc is a TimeML document as read.
type Doc struct {
	// ID is the content of DOCID, if any.
	ID string `json:"id,omitempty"`
	// DCT is the document creation time: the TIMEX3 inside DCT, or else
	// the first TIMEX3 outside TEXT whose functionInDocument is
	// CREATION_TIME; nil when there is none.
	DCT *Timex `json:"dct,omitempty"`
	// Text is the raw text of the TEXT element: tags removed, character
	// references decoded. Every Span indexes it.
	Text string `json:"text"`
	// TextPos is the byte offset in the file where the content of TEXT
	// starts.
	TextPos int `json:"text_pos"`
	// Timexes, Events and Signals are the elements inside TEXT, in
	// document order (of their start tags).
	Timexes []Timex   `json:"timexes"`
	Events  []Event   `json:"events"`
	Signals []Element `json:"signals,omitempty"`
	// Other holds the remaining elements inside TEXT.
	Other []Element `json:"other,omitempty"`
	// Instances are the MAKEINSTANCE elements; Links the TLINK, SLINK and
	// ALINK elements (wherever they are).
	Instances []Element `json:"instances,omitempty"`
	Links     []Element `json:"links,omitempty"`

	// parsed is the parse d was built from, for Doc.Write (it holds a
	// few copies of the file while d is kept); it is only read after
	// parsing, so a Doc may write from several goroutines
	parsed *parsed
}

// Annotations returns the TIMEX3 elements of TEXT as annotations, ready for
// Write: writing them back leaves the file unchanged.
func (d *Doc) Annotations() []Annotation {
	out := make([]Annotation, len(d.Timexes))
	for i, t := range d.Timexes {
		out[i] = t.Annotation()
	}
	return out
}
