package timeline

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two sentences", "Russia said on Tuesday it was in contact. Azerbaijan denied it.",
			[]string{"Russia said on Tuesday it was in contact.", "Azerbaijan denied it."}},
		{"month abbreviation", "Talks began on Sept. 27 in Geneva. They ended a week later.",
			[]string{"Talks began on Sept. 27 in Geneva.", "They ended a week later."}},
		{"dotted acronyms", "The U.N. Security Council met. The U.S. delegation left early.",
			[]string{"The U.N. Security Council met.", "The U.S. delegation left early."}},
		{"title", "Mr. Smith arrived in Baku. He left on Friday.",
			[]string{"Mr. Smith arrived in Baku.", "He left on Friday."}},
		{"quotation ends the sentence", `"We know what needs to be done," she said. "It is over." Then she left.`,
			[]string{`"We know what needs to be done," she said.`, `"It is over."`, "Then she left."}},
		{"ellipsis inside a quote", `"We know what needs to be done ... to implement everything," she said.`,
			[]string{`"We know what needs to be done ... to implement everything," she said.`}},
		{"non-breaking space before the line break", "It said it was targeting troops.\u00a0\n\nLater on Tuesday, Armenia objected.",
			[]string{"It said it was targeting troops.", "Later on Tuesday, Armenia objected."}},
		{"scraped lines", "Download\nRussia urges parties to respect Karabakh truce accords\nUpdated 20:07, 19-Sep-2023\nCGTN\n",
			[]string{"Download", "Russia urges parties to respect Karabakh truce accords", "Updated 20:07, 19-Sep-2023", "CGTN"}},
		{"caption and credit", "A bridge is seen on a road towards the region, July 28, 2023. /CFP\nA bridge is seen on a road towards the region, July 28, 2023. /CFP\n",
			[]string{"A bridge is seen on a road towards the region, July 28, 2023.", "/CFP", "A bridge is seen on a road towards the region, July 28, 2023.", "/CFP"}},
		{"wrapped wire copy", "The ministry said the talks, which began in Geneva on Monday, would\ncontinue until a ceasefire is agreed. Officials declined to comment.",
			[]string{"The ministry said the talks, which began in Geneva on Monday, would\ncontinue until a ceasefire is agreed.", "Officials declined to comment."}},
		{"empty", "", nil},
		{"white space only", " \n\t\u00a0\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := splitSentences(tt.text)
			var texts []string
			for _, s := range got {
				assert.Equal(t, s.Text, tt.text[s.Start:s.End], "span indexes the input")
				texts = append(texts, s.Text)
			}
			assert.Equal(t, tt.want, texts)
		})
	}
}

func TestMarkFurniture(t *testing.T) {
	text := "Download\nRussia urges parties to respect Karabakh truce accords\nUpdated 20:07, 19-Sep-2023\nCGTN\n" +
		"A bridge is seen on a road towards the region, July 28, 2023. /CFP\n" +
		"A bridge is seen on a road towards the region, July 28, 2023. /CFP\n\n" +
		"Russia said on Tuesday it was in contact with Azerbaijan.\n\n(With input from agencies)\n\nSearch Trends\n"
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	d, ok := x.ParseDateline(text)
	assert.True(t, ok)
	sents := splitSentences(text)
	markFurniture(text, sents, d.Span, ok)
	got := map[string]string{}
	for _, s := range sents {
		if _, dup := got[s.Text]; !dup {
			got[s.Text] = s.Furniture
		}
	}
	want := map[string]string{
		"Download": FurnitureBoilerplate,
		"Russia urges parties to respect Karabakh truce accords": FurnitureHeadline,
		"Updated 20:07, 19-Sep-2023":                             FurnitureDateline,
		"CGTN":                                                   FurnitureBoilerplate,
		"A bridge is seen on a road towards the region, July 28, 2023.": "",
		"/CFP": FurnitureCredit,
		"Russia said on Tuesday it was in contact with Azerbaijan.": "",
		"(With input from agencies)":                                FurnitureNote,
		"Search Trends":                                             FurnitureBoilerplate,
	}
	assert.Equal(t, want, got)
	dups := 0
	for _, s := range sents {
		if s.Furniture == FurnitureDuplicate {
			dups++
		}
	}
	assert.Equal(t, 1, dups, "the repeated caption counts once")
}

func TestHeadingIsFurniture(t *testing.T) {
	text := "Course of the war\n\n2004: Iraqi Resistance expands\n\nThe start of 2004 was marked by a relative lull in violence.\n"
	sents := splitSentences(text)
	markFurniture(text, sents, Span{}, false)
	var kinds []string
	for _, s := range sents {
		kinds = append(kinds, s.Furniture)
	}
	assert.Equal(t, []string{FurnitureHeading, FurnitureHeading, ""}, kinds)
}
