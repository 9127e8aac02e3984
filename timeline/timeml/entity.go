package timeml

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The predefined XML entities: the only named references TimeML files use.
var namedEntities = map[string]string{
	"amp":  "&",
	"lt":   "<",
	"gt":   ">",
	"quot": `"`,
	"apos": "'",
}

// reference decodes the character reference that starts src[0] == '&'.
// It returns the decoded text and the number of bytes consumed, or ok false
// when src does not start a known reference (an '&' the reader then keeps
// as text).
func reference(src []byte) (text string, n int, ok bool) {
	const maxRef = 12 // "&#x10FFFF;" and the longest name fit
	end := bytes.IndexByte(src[:min(len(src), maxRef)], ';')
	if end < 2 {
		return "", 0, false
	}
	name := string(src[1:end])
	if name[0] != '#' {
		t, ok := namedEntities[name]
		return t, end + 1, ok
	}
	var v uint64
	var err error
	if strings.HasPrefix(name, "#x") {
		v, err = strconv.ParseUint(name[2:], 16, 32)
	} else {
		v, err = strconv.ParseUint(name[1:], 10, 32)
	}
	r := rune(v)
	if err != nil || name == "#x" || v == 0 || v > utf8.MaxRune || !utf8.ValidRune(r) {
		return "", 0, false
	}
	return string(r), end + 1, true
}

// decode returns s with its character references decoded.
func decode(s []byte) string {
	if bytes.IndexByte(s, '&') < 0 {
		return string(s)
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '&' {
			if t, n, ok := reference(s[i:]); ok {
				b.WriteString(t)
				i += n
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// attrEscapes holds the escape of each byte that a double-quoted
// attribute value cannot hold as it is, "" for the others.
var attrEscapes = [256]string{'&': "&amp;", '<': "&lt;", '>': "&gt;", '"': "&quot;", '\t': "&#9;", '\n': "&#10;", '\r': "&#13;"}

// writeEscapedAttr writes s escaped for a double-quoted attribute to b,
// the runs between escapes in one write each.
func writeEscapedAttr(b *bytes.Buffer, s string) {
	from := 0
	for i := 0; i < len(s); i++ {
		if esc := attrEscapes[s[i]]; esc != "" {
			b.WriteString(s[from:i])
			b.WriteString(esc)
			from = i + 1
		}
	}
	b.WriteString(s[from:])
}
