package timeline

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// normalizeRef is the duplicate key as it was computed before the byte
// loop into a reused buffer: the reference appendNormalized must equal.
func normalizeRef(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r < utf8.RuneSelf {
			// ASCII without the unicode tables
			switch c := byte(r); {
			case c == ' ' || c >= '\t' && c <= '\r':
				space = true
			default:
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			}
			continue
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

var normalizeCases = []string{"", "  A  b\t\nC ", "ÀÉ\u00a0Î\u2028x", "\xff\xfe Ab\xc3", "\x00\v\f\r", "KELVIN\u212a ſ İ",
	// eight bytes at a time
	"ABCDEFGH IJKLMNOP@[`{~\x7f", " abcdefgh  ijklmnop ", "a b c d e f g h i j k", "abcdefg  hijklmnopq", "abcdefgh\tijklmnop",
	"abcdefg hijklmno pqrstuvw xyz", "\u00a0 abcdefgh", "é abcdefghi", "abcdefgh é", "AZaz@[`{ AZ az",
	// the plain prefix of dupPrefix bytes: spaces at its ends, two
	// across its words, a control byte, a space after it
	"The Minister Said On Monday That The Talks", " The Minister Said On Monday That The Talks", "The Minister Said On Monday Tha  The Talks",
	"The Ministe  Said On Monday That The Talks", "The Minister Said On Monday\tThat The Talks", "The Minister Said On Monday That  The Talks",
	"The Minister Said On Monday Tha The Talks", "The Minister Said On Monday That", "The Minister Said On Monday Th\u00e9 Talks",
	"The Minister Said On Monday Tha ", "The Minister Said On Monday Tha \t\u00a0",
	"The Min  ister Said On Monday That The Talks", "The Minister Sa  On Monday That The Talks", "The Minister Said On Mo  day That The Talks",
	"The Minister Said On Monday That The Talks\x7f", "The Minister\x7fSaid On Monday That The Talks"}

func TestNormalizedMatchesReference(t *testing.T) {
	buf := []byte("prefix")
	plain := 0
	for _, text := range refTexts(t, normalizeCases) {
		// the text, and each of its lines, as a sentence's text is
		for _, s := range append(strings.Split(text, "\n"), text) {
			want := normalizeRef(s)
			if got := string(appendNormalized(buf[:0], s)); got != want {
				t.Fatalf("%q: %q, want %q", s, got, want)
			}
			checkNormalizedUpTo(t, s, want)
			if _, ok := plainKeyPrefix(s); ok {
				plain++
			}
		}
	}
	if plain < floorWithCorpus(t, 1000) {
		t.Fatalf("only %d texts with a plain key prefix", plain)
	}
}

// checkNormalizedUpTo: appendNormalizedUpTo appends a prefix of the key
// want of s, at least max bytes of it (all of a shorter one).
func checkNormalizedUpTo(t *testing.T, s, want string) {
	t.Helper()
	if prefix, ok := plainKeyPrefix(s); ok && string(prefix[:]) != want[:min(len(want), dupPrefix)] {
		t.Fatalf("%q: plain prefix %q, key %q", s, prefix, want)
	}
	for _, max := range []int{0, 1, 7, minDuplicate, dupPrefix, 100} {
		got := string(appendNormalizedUpTo([]byte("x"), s, max)[1:])
		if !strings.HasPrefix(want, got) || len(got) < min(max, len(want)) {
			t.Fatalf("%q up to %d: %q, key %q", s, max, got, want)
		}
	}
}

func FuzzNormalized(f *testing.F) {
	for _, c := range normalizeCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := normalizeRef(s)
		if got := string(appendNormalized([]byte("x"), s)[1:]); got != want {
			t.Fatalf("%q: %q, want %q", s, got, want)
		}
		checkNormalizedUpTo(t, s, want)
	})
}

var cueCases = []string{"", "Updated: 12 May", "LAST UPDATED 3pm", "update", "dates", "date_x", "x-date-y", "Poſted May 1",
	"posted", "(Dateline)", "Created1", "MODIFIED!", "first published", "up dated", "ctreated"}

// TestCueMatchesRegexp checks the word scan against datelineCue itself.
func TestCueMatchesRegexp(t *testing.T) {
	var lines []string
	for _, s := range refTexts(t, cueCases) {
		lines = append(lines, strings.Split(s, "\n")...)
	}
	for _, l := range lines {
		if got, want := hasCue(l), datelineCue.MatchString(l); got != want {
			t.Fatalf("%q: %v, want %v", l, got, want)
		}
	}
}

func FuzzCue(f *testing.F) {
	for _, c := range append(cueCases, agencyCases...) {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := hasCue(s), datelineCue.MatchString(s); got != want {
			t.Fatalf("%q: %v, want %v", s, got, want)
		}
		if agencyLine.MatchString(s) && !hasAgency(s) {
			t.Fatalf("%q: hasAgency turns a match of agencyLine away", s)
		}
	})
}

var agencyCases = []string{"MOSCOW, Sept 19 (Reuters) -", "BAKU, Azerbaijan, Oct. 1 (AP) _ x", "PARIS, May 2 (AFP) (x)", "X, May 2 (Reuters)", "A, b (x) (dpa):", "(ANSA"}

// TestAgencyKeepsMatches: hasAgency turns away no line agencyLine
// matches, and names the agencies agencyLine does.
func TestAgencyKeepsMatches(t *testing.T) {
	if !strings.Contains(agencyLine.String(), `\((?:`+strings.Join(agencies, "|")+`)\)`) {
		t.Fatalf("agencies %v are not those of agencyLine", agencies)
	}
	n := 0
	for _, text := range refTexts(t, agencyCases) {
		for _, l := range strings.Split(text, "\n") {
			if agencyLine.MatchString(l) {
				n++
				if !hasAgency(l) {
					t.Fatalf("%q: hasAgency turns a match of agencyLine away", l)
				}
			}
		}
	}
	if n < floorWithCorpus(t, 4) {
		t.Errorf("only %d lines of the reference texts match agencyLine", n)
	}
}

// TestMayOpenKeepsMatches checks that the first-byte filters turn away
// no sentence the furniture expressions match.
func TestMayOpenKeepsMatches(t *testing.T) {
	var lines []string
	for _, s := range refTexts(t, []string{"/AFP", "Photo: Reuters", "VIDEO | x", "file photo: x", "Credit/x", "Image:", "PICTURE|y", "(With input from agencies)", "(reporting by X)."}) {
		lines = append(lines, strings.Split(s, "\n")...)
	}
	for _, l := range lines {
		if creditRe.MatchString(l) && !mayOpen(l, "/pPiIfFcCvV") || noteRe.MatchString(l) && !mayOpen(l, "(") {
			t.Fatalf("%q: a match turned away", l)
		}
	}
}

// The furniture marks as they were before the hashed duplicate keys and
// the filters in front of the regexps: the reference that markFurniture
// must equal.

// markFurniture sets Sentence.Furniture on the sentences that are not
// prose. dateline is the span of the DCT in the text, if read from it.
func markFurnitureRef(text string, sents []Sentence, dateline Span, hasDateline bool) {
	seen := make(map[string]bool, len(sents))
	var key []byte // the sentence's key, in a buffer reused (a map lookup with string(key) copies nothing)
	for i := range sents {
		s := &sents[i]
		key = appendNormalized(key[:0], s.Text)
		switch {
		case hasDateline && s.Span.Contains(dateline) && s.Len() < dateline.Len()+40:
			s.Furniture = FurnitureDateline
		case mayOpen(s.Text, "/pPiIfFcCvV") && creditRe.MatchString(s.Text):
			s.Furniture = FurnitureCredit
		case mayOpen(s.Text, "(") && noteRe.MatchString(s.Text):
			s.Furniture = FurnitureNote
		case len(key) >= 24 && seen[string(key)]:
			s.Furniture = FurnitureDuplicate
		case isBoilerplateRef(s.Text):
			s.Furniture = FurnitureBoilerplate
		case hasDateline && s.End <= dateline.Start && !endsLikeProseRef(s.Text):
			s.Furniture = FurnitureHeadline
		case isHeadingRef(text, s):
			s.Furniture = FurnitureHeading
		}
		if len(key) > 0 && !seen[string(key)] {
			seen[string(key)] = true
		}
	}
}

// isBoilerplate: a short line with no terminal punctuation, such as a
// button label or a section name.
func isBoilerplateRef(s string) bool {
	return !endsLikeProseRef(s) && len(strings.Fields(s)) <= 3
}

// isHeading: a short unpunctuated line standing alone, as section titles
// do. It names a topic, not an event.
func isHeadingRef(text string, s *Sentence) bool {
	if endsLikeProseRef(s.Text) || len(strings.Fields(s.Text)) > headingWords {
		return false
	}
	before := text[:s.Start]
	after := text[s.End:]
	if i := strings.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	if i := strings.IndexByte(after, '\n'); i >= 0 {
		after = after[:i]
	}
	return trimSpaceRef(before) == "" && trimSpaceRef(after) == ""
}

func endsLikeProseRef(s string) bool {
	s = strings.TrimRight(s, "\"'”’) ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, ":")
}

// TestFurnitureMatchesReference checks markFurniture against the
// reference on the sentences of the reference texts, with the dateline
// read from them and without one, and the filters in front of creditRe
// and strings.Fields on their lines.
func TestFurnitureMatchesReference(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	texts := refTexts(t, furnitureCases)
	for _, s := range texts {
		checkFurniture(t, x, s)
	}
	for _, s := range texts {
		for _, l := range strings.Split(s, "\n") {
			checkFurnitureLine(t, l)
		}
	}
}

var furnitureCases = []string{
	"Download\nShare\nA caption of a bridge, July 28, 2023. /CFP\nA caption of a bridge, July 28, 2023. /CFP\nA  CAPTION of a bridge,\tJuly 28, 2023. /CFP",
	"Title of the story\nUpdated 20:07, 19-Sep-2023\nBody text. (With input from agencies)\nPhoto: Reuters\nFILE PHOTO | x\n/ AFP",
	"2004: Iraqi Resistance expands\n\nThe text goes on here.\nVideo: \u212Aelvin\n\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\n\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8",
	// keys that share their first dupPrefix bytes: the first of a
	// prefix repeated after others, one in the middle repeated, a key
	// that is the prefix of another
	"The minister said on Monday that the talks had failed.\nThe minister said on Monday that the army would stay.\nThe MINISTER said on Monday  that the talks had failed.\n" +
		"The minister said on Monday that the army would stay.\nThe minister said on Monday that\nThe minister said on Monday that the army",
	"ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdef one.\nabcdefghijklmnopqrstuvwxyz ABCDEF two.\nAbcdefghijklmnopqrstuvwxyz abcdef one.\n\u212Abcdefghijklmnopqrstuvwxyz abcdef",
}

func checkFurniture(t *testing.T, x *Extractor, s string) {
	t.Helper()
	d, ok := x.ParseDateline(s)
	for _, dl := range []bool{false, ok} {
		got, want := splitSentences(s), splitSentences(s)
		markFurniture(s, got, d.Span, dl)
		markFurnitureRef(s, want, d.Span, dl)
		if !slices.Equal(got, want) {
			t.Fatalf("%q (dateline %v):\n got %+v\nwant %+v", s, dl, got, want)
		}
	}
}

func checkFurnitureLine(t *testing.T, l string) {
	t.Helper()
	if got, want := matchCredit(l), creditRe.MatchString(l); got != want {
		t.Fatalf("matchCredit(%q) = %v, want %v", l, got, want)
	}
	for _, max := range []int{1, 4, 13, 1 << 30} {
		if got, want := countFields(l, max), min(max, len(strings.Fields(l))); got != want {
			t.Fatalf("countFields(%q, %d) = %d, want %d", l, max, got, want)
		}
	}
	if got, want := endsLikeProse(l), endsLikeProseRef(l); got != want {
		t.Fatalf("endsLikeProse(%q) = %v, want %v", l, got, want)
	}
}

func FuzzFurniture(f *testing.F) {
	for _, c := range furnitureCases {
		f.Add(c)
	}
	x, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkFurniture(t, x, s)
		checkFurnitureLine(t, s)
	})
}

// TestRepeatsAfterCollision: a key whose hash is first another key's
// is compared with every earlier sentence.
func TestRepeatsAfterCollision(t *testing.T) {
	sents := []Sentence{{Text: "a sentence long enough to count"}, {Text: "A  sentence long enough to COUNT"}, {Text: "another sentence, long enough"}, {Text: "a sentence long enough to count"}}
	key := appendNormalized(nil, sents[3].Text)
	var other []byte
	assert.True(t, repeats(sents, 3, 2, key, &other))
	assert.False(t, repeats(sents, 3, 2, []byte("no sentence has this key at all"), &other))
	assert.False(t, repeats(sents, 0, 2, key, &other))
}
