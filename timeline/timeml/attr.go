package timeml

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// The bits of valueStops: the bytes a scan of an attribute value stops at.
const (
	stopDouble = 1 << iota // '"'
	stopSingle             // '\''
	stopLT                 // '<', an error unless no quote closes the value
	stopAmp                // '&', a reference to decode
)

// valueStops is read a byte at a time through attribute values: TimeML
// values are a few bytes long, so one pass by table beats three
// vectorized searches (for the quote, '<' and '&'), each a call.
var valueStops = [256]uint8{'"': stopDouble, '\'': stopSingle, '<': stopLT, '&': stopAmp}

// spaceBytes marks the four bytes XML counts as space.
var spaceBytes = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}

// scanValue scans the attribute value that starts at src[from], just
// after its opening quote q. It returns the offset of the closing quote
// (-1 when there is none), the offset of the first '<' before it (-1 when
// there is none) and whether an '&' comes before either.
func scanValue(src []byte, from int, q byte) (end, lt int, amp bool) {
	stop := uint8(stopDouble | stopLT | stopAmp)
	if q == '\'' {
		stop = stopSingle | stopLT | stopAmp
	}
	i := from
	for {
		for i < len(src) && valueStops[src[i]]&stop == 0 {
			i++
		}
		if i >= len(src) {
			return -1, -1, amp
		}
		switch src[i] {
		case '&':
			amp = true
			i++
		case '<':
			// the value is in error either way: which error depends on
			// whether a quote closes it
			k := bytes.IndexByte(src[i:], q)
			if k < 0 {
				return -1, i, amp
			}
			return i + k, i, amp
		default:
			return i, -1, amp
		}
	}
}

// skipSpaceFast is skipSpace by table.
func skipSpaceFast(src []byte, i int) int {
	for i < len(src) && spaceBytes[src[i]] {
		i++
	}
	return i
}

// readAttrs appends the attributes of the start tag <name at src[i] whose
// name ends at j to the slab, and returns the offset just after the tag
// and whether it is an empty-element tag.
func (p *parsed) readAttrs(i, j int, name string) (end int, empty bool, err error) {
	p.slab, end, empty, err = readAttrs(p.src, p.str, p.slab, i, j, name)
	return end, empty, err
}

// readAttrs is parsed.readAttrs on local copies of the fields, which the
// compiler keeps in registers: src and str are the file, slab the
// attribute lists, appended to and returned.
func readAttrs(src []byte, str string, slab Attrs, i, j int, name string) (_ Attrs, end int, empty bool, err error) {
	a0 := len(slab)
	for {
		// the usual form, ` name="value"` with no '&' or '<' in the
		// value and no earlier attribute of that name, is read here
		// without the checks below, which read any other form again
		// from j (in a function of its own, the call cost a sixth)
		if k := j + 1; k < len(src) && src[j] == ' ' && nameBytes[src[k]]&nameStart != 0 {
			for k++; k < len(src) && nameBytes[src[k]]&nameChar != 0; k++ {
			}
			if k+1 < len(src) && src[k] == '=' && (src[k+1] == '"' || src[k+1] == '\'') {
				q, stop := src[k+1], uint8(stopDouble|stopLT|stopAmp)
				if q == '\'' {
					stop = stopSingle | stopLT | stopAmp
				}
				v := k + 2
				for v < len(src) && valueStops[src[v]]&stop == 0 {
					v++
				}
				if v < len(src) && src[v] == q {
					aname := str[j+1 : k]
					if _, dup := slab[a0:].Lookup(aname); !dup {
						slab = append(slab, Attr{Name: aname, Value: str[k+2 : v]})
						j = v + 1
						continue
					}
				}
			}
		}
		ws := j
		j = skipSpaceFast(src, j)
		if j >= len(src) {
			return nil, 0, false, syntaxErr(src, i, "unterminated start tag <%s", name)
		}
		switch src[j] {
		case '>':
			return slab, j + 1, false, nil
		case '/':
			if j+1 >= len(src) {
				return nil, 0, false, syntaxErr(src, i, "unterminated start tag <%s", name)
			}
			if src[j+1] != '>' {
				return nil, 0, false, syntaxErr(src, j, "expected '>' after '/' in <%s>", name)
			}
			return slab, j + 2, true, nil
		}
		if j == ws {
			return nil, 0, false, syntaxErr(src, j, "expected a space before attribute in <%s>", name)
		}
		k := scanName(src, j)
		if k == j {
			return nil, 0, false, syntaxErr(src, j, "unexpected %q in start tag <%s>", src[j], name)
		}
		aname := str[j:k]
		a := j
		j = skipSpaceFast(src, k)
		if j >= len(src) {
			return nil, 0, false, syntaxErr(src, i, "unterminated start tag <%s", name)
		}
		if src[j] != '=' {
			return nil, 0, false, syntaxErr(src, a, "attribute %s of <%s> has no value", aname, name)
		}
		j = skipSpaceFast(src, j+1)
		if j >= len(src) {
			return nil, 0, false, syntaxErr(src, i, "unterminated start tag <%s", name)
		}
		q := src[j]
		if q != '"' && q != '\'' {
			return nil, 0, false, syntaxErr(src, j, "value of attribute %s of <%s> is not quoted", aname, name)
		}
		// most values hold no '&' or '<': one loop by table finds their end
		stop := uint8(stopDouble | stopLT | stopAmp)
		if q == '\'' {
			stop = stopSingle | stopLT | stopAmp
		}
		vend, lt, amp := j+1, -1, false
		for vend < len(src) && valueStops[src[vend]]&stop == 0 {
			vend++
		}
		if vend >= len(src) || src[vend] != q {
			vend, lt, amp = scanValue(src, j+1, q)
		}
		if vend < 0 {
			return nil, 0, false, syntaxErr(src, a, "unterminated value of attribute %s of <%s>", aname, name)
		}
		if lt >= 0 {
			return nil, 0, false, syntaxErr(src, lt, "'<' in value of attribute %s of <%s> (missing quote?)", aname, name)
		}
		if _, dup := slab[a0:].Lookup(aname); dup {
			return nil, 0, false, syntaxErr(src, a, "duplicate attribute %s in <%s>", aname, name)
		}
		value := str[j+1 : vend]
		if amp {
			value = decode(src[j+1 : vend])
		}
		slab = append(slab, Attr{Name: aname, Value: value})
		j = vend + 1
	}
}

// skipAttrs checks the attributes of the start tag <name at src[i] whose
// name ends at j as readAttrs does, without keeping them, and returns
// what readAttrs returns. Tags of the usual form are checked by
// skipPlainAttrs; any other (another form, a duplicate, an error) is read
// again from the start by readAttrs, into the slab, which is then cut
// back: the results and the errors are readAttrs' own.
func (p *parsed) skipAttrs(i, j int) (end int, empty bool, err error) {
	if end, empty, ok := skipPlainAttrs(p.src, j); ok {
		return end, empty, nil
	}
	p.strFor(i)
	a0 := len(p.slab)
	end, empty, err = p.readAttrs(i, j, p.str[i+1:j])
	if err != nil {
		return 0, false, err
	}
	p.slab = p.slab[:a0]
	return end, empty, nil
}

// skipPlainAttrs reads the attributes of a start tag whose name ends at
// src[j] when they all have the usual form, ` name="value"` with no '&'
// or '<' in the value and no name twice, and the tag ends in '>' or "/>"
// after optional space: it returns the offset just after the tag,
// whether it is an empty-element tag, and ok. For any other tag it
// returns ok false, and readAttrs must read it.
//
// Names and values are read eight bytes a round, in the loop (a call
// for each costs more than the usual name or value, a dozen bytes).
func skipPlainAttrs(src []byte, j int) (end int, empty, ok bool) {
	// a bit for each name read, by its length and first byte: a name is
	// compared with the earlier ones only when its bit was set, which is
	// rare
	var seen uint64
	from := j
	for {
		k := j + 1
		if k >= len(src) || src[j] != ' ' {
			break
		}
		first := src[k]
		if nameBytes[first]&nameStart == 0 {
			break
		}
		// the name: its letters a word at a time, then by table from
		// the first other byte, the '=' that ends it as a rule
		for k++; k+8 <= len(src); k += 8 {
			if other := ^letters(binary.LittleEndian.Uint64(src[k:k+8])) & highs; other != 0 {
				k += bits.TrailingZeros64(other) >> 3
				break
			}
		}
		if k+1 >= len(src) || src[k] != '=' {
			for k < len(src) && nameBytes[src[k]]&nameChar != 0 {
				k++
			}
			if k+1 >= len(src) || src[k] != '=' {
				return 0, false, false
			}
		}
		// the value: up to the first quote q, '<' or '&'
		q := src[k+1]
		if q != '"' && q != '\'' {
			return 0, false, false
		}
		v := k + 2
		for qs := uint64(q) * ones; v+8 <= len(src); v += 8 {
			w := binary.LittleEndian.Uint64(src[v : v+8])
			if m := zeroBytes(w^qs) | zeroBytes(w^('<'*ones)) | zeroBytes(w^('&'*ones)); m != 0 {
				v += bits.TrailingZeros64(m) >> 3
				break
			}
		}
		if v+8 > len(src) {
			// the last bytes of src, by table
			stop := uint8(stopDouble | stopLT | stopAmp)
			if q == '\'' {
				stop = stopSingle | stopLT | stopAmp
			}
			for v < len(src) && valueStops[src[v]]&stop == 0 {
				v++
			}
		}
		if v >= len(src) || src[v] != q {
			return 0, false, false
		}
		bit := uint64(1) << ((k - j + int(first)) & 63)
		if seen&bit != 0 && namedBefore(src, from, j+1, k) {
			return 0, false, false
		}
		seen |= bit
		j = v + 1
	}
	j = skipSpaceFast(src, j)
	switch {
	case j < len(src) && src[j] == '>':
		return j + 1, false, true
	case j+1 < len(src) && src[j] == '/' && src[j+1] == '>':
		return j + 2, true, true
	}
	return 0, false, false
}

// namedBefore reports whether an attribute of the usual form among those
// from src[from] to src[name0] is named src[name0:name1].
func namedBefore(src []byte, from, name0, name1 int) bool {
	name := src[name0:name1]
	for j := from; j+1 < name0; {
		k := j + 1 + bytes.IndexByte(src[j+1:name0], '=')
		if string(src[j+1:k]) == string(name) {
			return true
		}
		j = k + 2 + bytes.IndexByte(src[k+2:name0], src[k+1]) + 1
	}
	return false
}

// The words of the eight-bytes-at-a-time scans: a byte of ones, of
// high bits, of low seven bits.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
	lows  = 0x7f7f7f7f7f7f7f7f
)

// letters returns the high bit of each byte of w that is an ASCII letter.
// The bytes are taken in lower case and as seven-bit values, so that the
// sums below never carry into the next byte: adding 0x80-'a' sets the
// high bit of a byte from 'a' up, adding 0x7f-'z' from past 'z' up; the
// bytes whose own high bit is set are none.
func letters(w uint64) uint64 {
	x := (w | 0x2020202020202020) & lows
	return (x + (0x80-'a')*ones) &^ (x + (0x7f-'z')*ones) &^ w & highs
}

// zeroBytes returns a word whose lowest set bit is the high bit of the
// first zero byte of w (0 when there is none); bits above it may be
// wrong, where a borrow ran through.
func zeroBytes(w uint64) uint64 {
	return (w - ones) &^ w & highs
}
