package timeline

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Position is a place in a document for people: Offset counts bytes from
// 0, Line counts from 1, Column counts bytes from 1 within the line.
type Position struct {
	Offset, Line, Column int
}

func (p Position) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Column) }

// PositionOf returns the line and column of byte offset off in text. An
// offset outside text is clamped to it.
func PositionOf(text string, off int) Position {
	off = max(0, min(off, len(text)))
	line := 1 + strings.Count(text[:off], "\n")
	col := off - strings.LastIndexByte(text[:off], '\n')
	return Position{Offset: off, Line: line, Column: col}
}

// Excerpt returns the line of text holding s with the span underlined
// by carets, for error messages and reviews.
func (s Span) Excerpt(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	from := strings.LastIndexByte(text[:s.Start], '\n') + 1
	to := strings.IndexByte(text[s.Start:], '\n')
	if to < 0 {
		to = len(text)
	} else {
		to += s.Start
	}
	end := min(s.End, to)
	pad := strings.Repeat(" ", utf8.RuneCountInString(text[from:s.Start]))
	marks := strings.Repeat("^", max(1, utf8.RuneCountInString(text[s.Start:end])))
	return text[from:to] + "\n" + pad + marks
}
