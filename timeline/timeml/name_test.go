package timeml

import "testing"

// TestNameBytes: the table of name bytes says what refIsNameStart and
// refIsNameChar say.
func TestNameBytes(t *testing.T) {
	for c := range 256 {
		b := byte(c)
		if got, want := nameBytes[b]&nameStart != 0, refIsNameStart(b); got != want {
			t.Errorf("%#x: name start %v, want %v", b, got, want)
		}
		if got, want := nameBytes[b]&nameChar != 0, refIsNameChar(b); got != want {
			t.Errorf("%#x: name char %v, want %v", b, got, want)
		}
	}
}
