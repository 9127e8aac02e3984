package timeml

// The tag writing as it was before it wrote into the output directly,
// kept to hold writeOpenTag and writeEscapedAttr to it.

import (
	"bytes"
	"fmt"
	"strings"
)

// attrList returns every attribute the annotation writes, in order: the
// list writeOpenTag made before it wrote them one by one.
func (a Annotation) attrList() Attrs {
	l := Attrs{{"tid", a.TID}, {"type", a.Type}, {"value", a.Value}}
	if a.Mod != "" {
		l = append(l, Attr{"mod", a.Mod})
	}
	for _, at := range a.Attrs {
		switch at.Name {
		case "tid", "type", "value", "mod":
		default:
			l = append(l, at)
		}
	}
	return l
}

func refOpenTag(a Annotation, empty bool) []byte {
	var b bytes.Buffer
	b.WriteString("<TIMEX3")
	for _, at := range a.attrList() {
		fmt.Fprintf(&b, " %s=\"%s\"", at.Name, refEscapeAttr(at.Value))
	}
	if empty {
		b.WriteString("/>")
	} else {
		b.WriteString(">")
	}
	return b.Bytes()
}

// refEscapeAttr escapes an attribute value for a double-quoted attribute.
func refEscapeAttr(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\t':
			b.WriteString("&#9;")
		case '\n':
			b.WriteString("&#10;")
		case '\r':
			b.WriteString("&#13;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
