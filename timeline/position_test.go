package timeline

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestPositionOf(t *testing.T) {
	text := "Download\nUpdated 20:07, 19-Sep-2023\n"
	tests := []struct {
		reason string
		off    int
		want   Position
	}{
		{"start of text", 0, Position{0, 1, 1}},
		{"the line break itself is on line 1", 8, Position{8, 1, 9}},
		{"first byte of line 2", 9, Position{9, 2, 1}},
		{"the date on line 2", 24, Position{24, 2, 16}},
		{"past the end clamps", 999, Position{len(text), 3, 1}},
		{"negative clamps", -5, Position{0, 1, 1}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, PositionOf(text, tt.off), tt.reason)
	}
	assert.Equal(t, "2:16", PositionOf(text, 24).String())
}

func TestSpanExcerpt(t *testing.T) {
	text := "Download\nUpdated 20:07, 19-Sep-2023\nCGTN"
	assert.Equal(t, "Updated 20:07, 19-Sep-2023\n               ^^^^^^^^^^^", Span{24, 35}.Excerpt(text))
	assert.Equal(t, "", Span{5, 999}.Excerpt(text))
}
