package timeml

import (
	"bytes"
	"fmt"
)

// SyntaxError reports malformed input and where it is.
type SyntaxError struct {
	// Offset is the byte offset in the input; Line and Col are 1-based,
	// Col counting bytes.
	Offset, Line, Col int
	Msg               string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("timeml: %d:%d (byte %d): %s", e.Line, e.Col, e.Offset, e.Msg)
}

// syntaxErr builds a SyntaxError at offset off of src.
func syntaxErr(src []byte, off int, format string, args ...any) *SyntaxError {
	line, col := lineCol(src, off)
	return &SyntaxError{Offset: off, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// lineCol returns the 1-based line and byte column of offset off.
func lineCol(src []byte, off int) (line, col int) {
	off = min(max(off, 0), len(src))
	before := src[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = off - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// where formats the line and column of off, for messages that point back at
// an earlier tag.
func where(src []byte, off int) string {
	l, c := lineCol(src, off)
	return fmt.Sprintf("%d:%d", l, c)
}
