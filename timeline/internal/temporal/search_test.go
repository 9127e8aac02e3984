package temporal

import (
	"regexp"
	"slices"
	"testing"
)

// TestRegexpMatchesStdlib: Regexp gives regexp's results.
func TestRegexpMatchesStdlib(t *testing.T) {
	exhaustive(t)
	patterns := []string{
		`(?i)\b(?:yesterday|today|tomorrow|tonight|ago|this (?:week|month|year)|last (?:week|month|year)|next (?:week|month)|(?:on|late|early|last|next) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b`,
		`(?i)\b(?:updated|published|posted|last updated|first published|date|dateline|created|modified)\b`,
		`(?i)(?:[,;]\s+|\s+)(?:before|after|when|while|until|and then|but|whereas|as|then)\s|;\s`,
		`(?i)(\d+)\s*(km|kg|s)`,
		`(?i)(?:[,;]\s+|\s+)(?:before|after|when|while|until|and then|but|whereas|although|though|whereupon)\s|;\s|\s[-–—]\s`,
		`(?i)\b(?:will|shall|won't|'ll|going to|is due to|are due to|is set to|are set to|plans? to|planning to|is expected to|are expected to|scheduled to|is to|are to)\b`,
		`([A-Z][a-z]+)\s+(\d{4})`,
		`(?i)ay\b`,
		`(?i)\Bay`,
		`(?i)^the`,
		`x*`,
		`(?i)\bsaid\b`,
		`(?i)\b(a)\s+(few|couple)\s+(days?)`,
		`(?i)(x)\s+\s*(y)`,
		`(?i)(a)(?:\s+| )(?: |c)`,
	}
	texts := append(testTexts(t), "ſaid thiſ week", "Said on MONDAY, said today", "TODAY", "today", "xtoday todayx", "", "a few days, a  few\tdays, a\n\ncouple day, x y x  y x\ty, a  c a c a c")
	for _, p := range patterns {
		fast, std := MustCompile(p), regexp.MustCompile(p)
		t.Logf("%v %s", fast.ready().st != nil, p)
		for _, s := range texts {
			if got, want := fast.MatchString(s), std.MatchString(s); got != want {
				t.Fatalf("%s MatchString(%q) = %v, want %v", p, clip(s), got, want)
			}
			got, want := fast.FindAllStringIndex(s, -1), std.FindAllStringIndex(s, -1)
			if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
				t.Fatalf("%s FindAllStringIndex(%q) = %v, want %v", p, clip(s), got, want)
			}
			got, want = fast.FindAllStringIndex(s, 2), std.FindAllStringIndex(s, 2)
			if !slices.EqualFunc(got, want, slices.Equal[[]int]) {
				t.Fatalf("%s FindAllStringIndex(%q, 2) = %v, want %v", p, clip(s), got, want)
			}
		}
	}
}

// TestMustCompileRefusesAtOnce: a pattern the tables do not hold is
// compiled by MustCompile, which panics on a bad one as
// regexp.MustCompile does, not at its first search.
func TestMustCompileRefusesAtOnce(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("MustCompile(`(`) did not panic")
		}
	}()
	MustCompile(`(`)
}
