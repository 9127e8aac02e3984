package temporal

import (
	"strings"
	"unicode/utf8"
)

// subexpNames returns what regexp.MustCompile(src).SubexpNames() does
// for a src that compiles (syntax.Perl), reading the groups alone: the
// built-in rules need their group names at once, but their expressions
// are compiled only if something asks for them (see Rule.Regexp). For
// a src that does not compile it returns some list; the caller compiles
// such expressions in the end, which refuses them.
func subexpNames(src string) []string {
	names := []string{""}
	for i := 0; i < len(src); i++ {
		if !groupSyntax[src[i]] {
			continue
		}
		switch src[i] {
		case '\\':
			i = skipEscape(src, i)
		case '[':
			i = classEnd(src, i)
		case '(':
			if i+1 < len(src) && src[i+1] == '?' {
				if name, ok := groupName(src[i+2:]); ok {
					names = append(names, name)
				}
			} else {
				names = append(names, "")
			}
		}
	}
	return names
}

// groupSyntax marks the bytes subexpNames stops at: those that begin
// an escape, a class or a group.
var groupSyntax = [256]bool{'\\': true, '[': true, '(': true}

// skipEscape returns the index of the last byte of the escape at
// src[i] ('\\'): \Q quotes all up to \E or the end.
func skipEscape(src string, i int) int {
	if i+1 < len(src) && src[i+1] == 'Q' {
		if end := strings.Index(src[i+2:], `\E`); end >= 0 {
			return i + 2 + end + 1
		}
		return len(src) - 1
	}
	return escapeEnd(src, i) - 1
}

// classEnd returns the index of the ']' that closes the class at
// src[i] ('['), reading its items as regexp/syntax does: a ']' first
// (after an optional '^') is a member, and so are the brackets of a
// named class ([:alpha:]) and those that end a range ("!-[").
func classEnd(src string, i int) int {
	i++
	if i < len(src) && src[i] == '^' {
		i++
	}
	for first := true; i < len(src) && (src[i] != ']' || first); first = false {
		if strings.HasPrefix(src[i:], "[:") {
			// in an expression that compiles, "[:" with a ":]"
			// after it starts a named class
			if end := strings.Index(src[i+2:], ":]"); end >= 0 {
				i += 2 + end + 2
				continue
			}
		}
		if i+1 < len(src) && src[i] == '\\' && strings.IndexByte(`pPdDsSwW`, src[i+1]) >= 0 {
			i = classEscapeEnd(src, i)
			continue
		}
		// a member, or the first of a range
		i = classCharEnd(src, i)
		if i+1 < len(src) && src[i] == '-' && src[i+1] != ']' {
			i = classCharEnd(src, i+1)
		}
	}
	return i
}

// classEscapeEnd returns the index after a class escape at src[i]:
// \d and the like, \pL, \p{Greek}.
func classEscapeEnd(src string, i int) int {
	if src[i+1] != 'p' && src[i+1] != 'P' {
		return i + 2
	}
	if i+2 < len(src) && src[i+2] == '{' {
		if end := strings.IndexByte(src[i+3:], '}'); end >= 0 {
			return i + 3 + end + 1
		}
		return len(src)
	}
	return i + 3
}

// classCharEnd returns the index after the member at src[i]: a rune,
// or an escape (see escapeEnd).
func classCharEnd(src string, i int) int {
	switch c := src[i]; {
	case c == '\\':
		return escapeEnd(src, i)
	case c < utf8.RuneSelf:
		return i + 1
	}
	_, n := utf8.DecodeRuneInString(src[i:])
	return i + n
}

// escapeEnd returns the index after the escape at src[i] ('\\') of
// one rune, as regexp/syntax reads it: up to three octal digits, x and
// two hex digits or any in braces, or one rune.
func escapeEnd(src string, i int) int {
	i++
	if i >= len(src) {
		return i
	}
	switch c := src[i]; {
	case c >= '0' && c <= '7':
		n := 1
		for n < 3 && i+n < len(src) && src[i+n] >= '0' && src[i+n] <= '7' {
			n++
		}
		return i + n
	case c == 'x' && i+1 < len(src) && src[i+1] == '{':
		if end := strings.IndexByte(src[i+2:], '}'); end >= 0 {
			return i + 2 + end + 1
		}
		return len(src)
	case c == 'x':
		return min(i+3, len(src))
	case c < utf8.RuneSelf:
		return i + 1
	}
	_, n := utf8.DecodeRuneInString(src[i:])
	return i + n
}

// groupName reads the group after "(?": a named group (?P<name> or
// (?<name>, and ok; or, for flags and non-capturing groups, ok false.
func groupName(s string) (name string, ok bool) {
	switch {
	case strings.HasPrefix(s, "P<"):
		s = s[2:]
	case strings.HasPrefix(s, "<"):
		s = s[1:]
	default:
		return "", false
	}
	end := strings.IndexByte(s, '>')
	if end < 0 {
		return "", false
	}
	return s[:end], true
}
