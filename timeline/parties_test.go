package timeline

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestClassifyEventParties covers the rules that tell the parties of the
// dated event from other names in its sentence: side phrases, places,
// frames and coordinated clauses. The sentences are written for the test.
func TestClassifyEventParties(t *testing.T) {
	ix := newActorIndex()
	tests := []struct {
		reason, text, date string
		actors, recipients []string
	}{
		{"a compound that describes a place", "On Monday Russia urged Azerbaijan to halt the offensive in the Armenian-populated region.",
			"On Monday", []string{"Russia"}, []string{"Azerbaijan"}},
		{"a reason phrase", "On May 3 the Security Council ordered an embargo on Iraq as punishment for seizing Kuwait.",
			"On May 3", []string{"UN Security Council"}, []string{"Iraq"}},
		{"a purpose after an act of force", "In April, Germany invaded Norway to secure iron ore from Sweden.",
			"In April", []string{"Germany"}, []string{"Norway"}},
		{"a thought after a comma", "In 1917 Germany attacked the convoys, realizing the Americans would enter the war.",
			"In 1917", []string{"Germany"}, []string{}},
		{"a coordinated clause with its own subject", "Russia agreed to send tankers in 1987, and the United States offered to escort them on 7 March 1988.",
			"7 March 1988", []string{"United States"}, []string{}},
		{"a list of subjects stays one clause", "In November, Hungary, Slovakia, and Romania joined the pact.",
			"In November", []string{"Hungary", "Slovakia", "Romania"}, []string{}},
		{"a relative clause says who someone is", "On May 2 General Smith, who trained Iraqi forces, praised Iran.",
			"On May 2", []string{"Smith"}, []string{"Iran"}},
		{"a framing phrase before a named subject", "With support from Saudi Arabia and Kuwait, Iraq attacked Iran on 28 January 1985.",
			"28 January 1985", []string{"Iraq"}, []string{"Iran"}},
		{"a date placed by another event", "On 8 October 1950, the day after the US crossing into North Korea, Mao Zedong ordered the army to mobilize.",
			"8 October 1950", []string{"Mao Zedong"}, []string{}},
		{"the topic of talks", "On Tuesday, the United States and Russia conferred on a blockade of Iraq.",
			"On Tuesday", []string{"United States", "Russia"}, []string{}},
		{"a demonym before a place noun after from", "On 14 March, the army expelled China's troops from the South Korean capital.",
			"On 14 March", []string{}, []string{"China"}},
		{"a colony named with a demonym", "By April, Japan had conquered Burma and the Dutch East Indies.",
			"By April", []string{"Japan"}, []string{"Myanmar"}},
		{"forces tied to a country leave the place after in", "In December, British forces attacked Italian forces in Egypt.",
			"In December", []string{"United Kingdom"}, []string{"Italy"}},
		{"a noun subject acts on the verb's object", "By June 1982, an Iranian counter-offensive had recovered the areas lost to Iraq.",
			"June 1982", []string{"Iran"}, []string{"Iraq"}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			ec := classify(t, ix, tt.text, tt.date)
			assert.Equal(t, tt.actors, actorNames(ec.Actors), "sources")
			assert.Equal(t, tt.recipients, actorNames(ec.Recipients), "recipients")
		})
	}
}

// TestFindActorsUnitsAndContextPersons covers military units named by
// number or codename and persons named without a title.
func TestFindActorsUnitsAndContextPersons(t *testing.T) {
	ix := newActorIndex()
	tests := []struct {
		reason, text string
		want         []want
	}{
		{"numbered army", "On 7 March the Eighth Army attacked.", []want{{text: "Eighth Army", name: "military", kind: "agent", sector: "MIL"}}},
		{"numbered regiment", "The 7th Cavalry Regiment captured the town.", []want{{text: "7th Cavalry Regiment", name: "military", sector: "MIL"}}},
		{"roman numeral", "The PVA struck IX Corps positions.", []want{{name: "China"}, {text: "IX Corps", name: "military"}}},
		{"codename company", "Charlie Company held the bridge.", []want{{text: "Charlie Company", name: "military"}}},
		{"task force", "Task Force Smith attacked at Osan.", []want{{text: "Task Force Smith", name: "military"}}},
		{"unit of a country", "The US 101st Airborne Division raided the house.", []want{{text: "US 101st Airborne Division", name: "United States", sector: "MIL"}}},
		{"no unit without a number or code", "The Army said it was ready.", []want{{name: "military", agent: "Army"}}},
		{"a medium is no actor", "The speech was read on Iraqi television.", []want{}},
		{"passive agent", "Neville Chamberlain was replaced by Winston Churchill on May 10.", []want{{name: "Neville Chamberlain", kind: "person"}, {name: "Winston Churchill", kind: "person"}}},
		{"identified as", "Police raided a home and sought a suspect identified as Abdallah Mohammed Fadhul.", []want{{name: "police"}, {name: "Abdallah Mohammed Fadhul", kind: "person"}}},
		{"names in parentheses", "The raid killed his sons (Uday and Qusay) in Mosul.", []want{{name: "Uday", kind: "person"}, {name: "Qusay", kind: "person"}}},
		{"message sender and addressee", "Zhou Enlai added force to Mao's cables to Stalin.", []want{{name: "Zhou Enlai"}, {name: "Mao", kind: "person"}, {name: "Stalin", kind: "person"}}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			got := findAll(ix, tt.text)
			if !assert.Len(t, got, len(tt.want), "%v", got) {
				return
			}
			for i, w := range tt.want {
				checkActor(t, tt.text, got[i], w)
			}
		})
	}
}
