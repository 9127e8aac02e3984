package temporal

import (
	"regexp"
	"testing"
)

func BenchmarkNewsCue(b *testing.B) {
	p := `(?i)\b(?:yesterday|today|tomorrow|tonight|ago|this (?:week|month|year)|last (?:week|month|year)|(?:on|late|early|last|next) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b`
	texts := testTexts(&testing.T{})
	n := 0
	for _, s := range texts {
		n += len(s)
	}
	fast, std := MustCompile(p), regexp.MustCompile(p)
	b.Logf("starter %v", fast.st != nil)
	b.Run("std", func(b *testing.B) {
		b.SetBytes(int64(n))
		for b.Loop() {
			for _, s := range texts {
				std.MatchString(s)
			}
		}
	})
	b.Run("fast", func(b *testing.B) {
		b.SetBytes(int64(n))
		for b.Loop() {
			for _, s := range texts {
				fast.MatchString(s)
			}
		}
	})
}
