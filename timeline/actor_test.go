package timeline

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// want is the part of an Actor a table row checks; empty fields are not
// checked.
type want struct {
	text, name, code, kind, sector, agent, office, country string
}

func checkActor(t *testing.T, text string, a Actor, w want) {
	t.Helper()
	if w.text != "" {
		assert.Equal(t, w.text, a.Text, "text")
		assert.Equal(t, w.text, a.Span.In(text), "span")
	}
	for _, c := range []struct{ field, want, got string }{
		{"name", w.name, a.Name}, {"code", w.code, a.Code}, {"kind", w.kind, a.Kind},
		{"sector", w.sector, a.Sector}, {"agent", w.agent, a.Agent}, {"office", w.office, a.Office},
		{"country", w.country, a.Country},
	} {
		if c.want != "" {
			assert.Equal(t, c.want, c.got, c.field)
		}
	}
}

func findAll(ix *actorIndex, text string) []Actor {
	return ix.findActors(text, Span{0, len(text)}, newActorMemory())
}

func TestFindActorsCountries(t *testing.T) {
	ix := newActorIndex()
	tests := []struct {
		reason, text string
		want         []want
	}{
		{"common name", "Chile recalled its ambassador.", []want{{text: "Chile", name: "Chile", code: "CHL", kind: "country"},
			{text: "its ambassador", name: "Chile", kind: "agent", sector: "GOV", agent: "ambassador"}}},
		{"official name", "The Republic of Armenia has no army there.", []want{{text: "Republic of Armenia", name: "Armenia", code: "ARM"}}},
		{"official name with an apostrophe", "The People's Republic of China protested.", []want{{name: "China", code: "CHN"}}},
		{"source alternate spelling", "Fighting resumed in the north of Burma's Shan state.", []want{{text: "Burma", name: "Myanmar", code: "MMR"}}},
		{"demonym", "Russian officials declined to comment.", []want{{name: "Russia", code: "RUS"}}},
		{"plural demonym", "The Iraqis withdrew.", []want{{text: "Iraqis", name: "Iraq"}}},
		{"demonym in a hyphenated compound", "the Armenian-populated region", []want{{text: "Armenian", name: "Armenia"}}},
		{"possessive", "Russia's response was swift.", []want{{text: "Russia", name: "Russia"}}},
		{"capital as government, possessive", "Baku's offensive went on.", []want{{text: "Baku", name: "Azerbaijan", code: "AZE"}}},
		{"capital as government, subject", "Moscow said it would respond.", []want{{text: "Moscow", name: "Russia"}}},
		{"supplement: Azeri", "Azeri forces advanced.", []want{{name: "Azerbaijan", sector: "MIL", agent: "forces"}}},
		{"supplement: Britain", "Britain and France agreed.", []want{{name: "United Kingdom", code: "GBR"}, {name: "France"}}},
		{"supplement: the U.S.", "The U.S. warned Tehran.", []want{{text: "U.S.", name: "United States", code: "USA"}}},
		{"supplement: Soviet", "Soviet tanks entered Prague in 1968.", []want{{name: "Russia"}}},
		{"UN member first for a shared demonym", "American diplomats left.", []want{{name: "United States"}}},
		{"Turkey is Türkiye", "Turkey closed the border.", []want{{name: "Türkiye", code: "TUR"}}},
		{"Guinea-Bissau is no Guinea", "Guinea-Bissau held elections.", []want{{text: "Guinea-Bissau", name: "Guinea-Bissau", code: "GNB"}}},
		{"Papua New Guinea", "Papua New Guinea sent police.", []want{{name: "Papua New Guinea", code: "PNG"}}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			got := findAll(ix, tt.text)
			require.Len(t, got, len(tt.want), "%+v", got)
			for i, w := range tt.want {
				checkActor(t, tt.text, got[i], w)
			}
		})
	}
}

func TestFindActorsNotCountries(t *testing.T) {
	ix := newActorIndex()
	tests := []struct{ reason, text string }{
		{"a bird", "They ate turkey on Thursday."},
		{"a pronoun", "He told us nothing."},
		{"a person named Chad", "Chad Johnson scored twice."},
		{"a person named Jordan", "Michael Jordan retired."},
		{"a US state", "The rally was held in Atlanta, Georgia."},
		{"a city, not its government", "The conference opened in Moscow."},
		{"a capital in a person's name", "George Washington crossed the river."},
		{"a war's name", "Veterans of the Korean War marched."},
		{"a place, not an actor", "The blast went off in the Iraqi city of Samarra."},
		{"a place after a preposition", "Talks were held in Egypt."},
		{"a place after its city", "The embassy in Nairobi, Kenya, was hit."},
		{"not a demonym of a country", "Latin American leaders met."},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			for _, a := range findAll(ix, tt.text) {
				assert.NotEqual(t, "country", a.Kind, "%+v", a)
				assert.Empty(t, a.Code, "%+v", a)
			}
		})
	}
}

func TestFindActorsOrganizations(t *testing.T) {
	ix := newActorIndex()
	tests := []struct {
		reason, text string
		want         want
	}{
		{"acronym with dots", "The U.N. called for calm.", want{text: "U.N.", name: "United Nations", code: "UNO", kind: "organization"}},
		{"Security Council, lower case", "members of the UN security council", want{name: "UN Security Council", code: "UNO"}},
		{"EU", "The EU imposed sanctions.", want{name: "European Union", code: "IGO"}},
		{"NATO", "NATO jets patrolled.", want{name: "NATO", code: "IGO"}},
		{"OSCE by its full name", "The Organization for Security and Co-operation in Europe sent monitors.", want{name: "OSCE", code: "IGO"}},
		{"African Union", "The African Union suspended Mali.", want{name: "African Union", code: "IGO"}},
		{"ICRC", "The International Committee of the Red Cross visited detainees.", want{name: "ICRC", code: "NGO"}},
		{"armed group", "Hezbollah fired rockets.", want{name: "Hezbollah", sector: "REB", country: "Lebanon", kind: "organization"}},
		{"national body by its seat", "The Kremlin denied it.", want{name: "Russia", kind: "agent", sector: "GOV", agent: "Kremlin"}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			got := findAll(ix, tt.text)
			require.NotEmpty(t, got)
			checkActor(t, tt.text, got[0], tt.want)
		})
	}
	// "who" and "au" are words, not the WHO or the AU.
	assert.Empty(t, findAll(ix, "those who fled au revoir"))
}

func TestFindActorsAgents(t *testing.T) {
	ix := newActorIndex()
	tests := []struct {
		reason, text string
		want         want
	}{
		{"GOV, possessive owner", "Armenia's Foreign Ministry condemned it.", want{text: "Armenia's Foreign Ministry", name: "Armenia", code: "ARM", kind: "agent", sector: "GOV", agent: "Foreign Ministry", country: "Armenia"}},
		{"MIL, demonym owner", "Russian peacekeepers stayed.", want{text: "Russian peacekeepers", name: "Russia", sector: "MIL", agent: "peacekeepers"}},
		{"MIL, capital owner", "Moscow's peacekeepers stayed.", want{name: "Russia", sector: "MIL", agent: "peacekeepers"}},
		{"REB, modifiers between", "illegal Armenian armed groups laid mines", want{text: "Armenian armed groups", name: "Armenia", sector: "REB", agent: "armed groups"}},
		{"COP", "Kenyan police arrested two men.", want{name: "Kenya", sector: "COP", agent: "police"}},
		{"COP, owner after in", "Police in the Comoros raided two homes.", want{name: "Comoros", sector: "COP"}},
		{"CVL", "Syrian civilians fled.", want{name: "Syria", sector: "CVL", agent: "civilians"}},
		{"owner after of", "The army of Iraq retreated.", want{name: "Iraq", sector: "MIL", agent: "army"}},
		{"pronoun owner", "Armenia denied it; its defense ministry said so.", want{}},
		{"no owner: named for the sector", "Rebels shelled the town.", want{name: "rebels", kind: "agent", sector: "REB", agent: "Rebels"}},
		{"modifier that names the sector", "Government troops advanced.", want{name: "military", sector: "MIL"}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			got := findAll(ix, tt.text)
			require.NotEmpty(t, got)
			checkActor(t, tt.text, got[len(got)-1], tt.want)
		})
	}
	got := findAll(ix, "Armenia denied it; its defense ministry said so.")
	require.Len(t, got, 2)
	checkActor(t, "", got[1], want{name: "Armenia", sector: "GOV", agent: "defense ministry"})

	// "military action" is an action, not the military.
	for _, a := range findAll(ix, "Azerbaijan's military action continued.") {
		assert.NotEqual(t, "MIL", a.Sector)
	}
}

func TestFindActorsPersons(t *testing.T) {
	ix := newActorIndex()
	mem := newActorMemory()
	text := "Russian Foreign ministry spokesperson Maria Zakharova said talks would resume. " +
		"According to Zakharova, Baku had warned Moscow."
	first := ix.findActors(text, Span{0, 79}, mem)
	require.Len(t, first, 1)
	checkActor(t, text, first[0], want{text: "Russian Foreign ministry spokesperson Maria Zakharova", name: "Maria Zakharova",
		kind: "person", office: "spokesperson", country: "Russia", code: "RUS", sector: "GOV", agent: "Foreign ministry"})

	later := ix.findActors(text, Span{80, len(text)}, mem)
	require.NotEmpty(t, later)
	checkActor(t, text, later[0], want{text: "Zakharova", name: "Maria Zakharova", kind: "person", office: "spokesperson", country: "Russia"})

	tests := []struct {
		reason, text string
		want         want
	}{
		{"title", "President Bush denounced the invasion.", want{text: "President Bush", name: "Bush", kind: "person", office: "president", sector: "GOV"}},
		{"military title", "Gen. Douglas MacArthur landed at Incheon.", want{name: "Douglas MacArthur", sector: "MIL", office: "general"}},
		{"title and country after", "King Hussein of Jordan arrived.", want{name: "Hussein", office: "king", country: "Jordan"}},
		{"appositive", "Kofi Annan, the U.N. secretary-general, flew to Baghdad.", want{name: "Kofi Annan", office: "secretary-general", code: "UNO"}},
		{"subject of a speech verb", "Louis Freeh said the probe went on.", want{name: "Louis Freeh", kind: "person"}},
		{"after a country's possessive", "Iraq's Saddam Hussein, facing troops, sought peace.", want{text: "Iraq's Saddam Hussein", name: "Saddam Hussein", country: "Iraq"}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			got := findAll(ix, tt.text)
			require.NotEmpty(t, got)
			checkActor(t, tt.text, got[0], tt.want)
		})
	}
	// Conservative: capitalized words that are no one.
	for _, text := range []string{"Operation Red Dawn ended.", "The Tripartite Pact united them.", "Task Force Smith attacked."} {
		for _, a := range findAll(ix, text) {
			assert.NotEqual(t, "person", a.Kind, "%q: %+v", text, a)
		}
	}
}

func TestFindActorsSpansIndexTheWholeText(t *testing.T) {
	ix := newActorIndex()
	text := "Headline.\nLater, Armenia's Foreign Ministry condemned Azerbaijan."
	s := Span{10, len(text)}
	for _, a := range ix.findActors(text, s, newActorMemory()) {
		assert.True(t, s.Contains(a.Span), "%+v", a)
		assert.Equal(t, a.Text, a.Span.In(text))
	}
}

func TestFindActorsBadInput(t *testing.T) {
	ix := newActorIndex()
	for _, text := range []string{"", "\xff\xfe Iraq\xff's army", "’s 's ' U.S", "U.S.", "Mr.", "the"} {
		assert.NotPanics(t, func() {
			as := ix.findActors(text, Span{0, len(text)}, nil)
			ix.classifyEvent(text, Span{0, len(text)}, Span{0, 0}, as)
		}, "%q", text)
	}
	assert.Empty(t, ix.findActors("Iraq", Span{3, 2}, nil))
}

func TestFindActorsCourtesyTitle(t *testing.T) {
	got := findAll(newActorIndex(), "Mr. Annan flew home.")
	require.Len(t, got, 1)
	checkActor(t, "", got[0], want{name: "Annan", kind: "person"})
	assert.Empty(t, got[0].Sector, "a courtesy title says nothing of the sector")
	assert.Empty(t, got[0].Office)
}

// FuzzActors checks that any text gives actors and an event class whose
// spans index the text, without a panic.
func FuzzActors(f *testing.F) {
	for _, s := range []string{
		"Later on Tuesday, Armenia's Foreign Ministry condemned Azerbaijan's military action.",
		"Russian Foreign ministry spokesperson Maria Zakharova said Moscow's peacekeepers stay.",
		"Mr. U.S.A. 's ’ - — \"\" ``'' (Iraq's) in the Iraqi city of, Nairobi, Kenya,",
		"\xff\xfeGen. \u00a0King Hussein of Jordan",
	} {
		f.Add(s, 0, len(s))
	}
	ix := newActorIndex()
	f.Fuzz(func(t *testing.T, text string, a, b int) {
		if a < 0 || b > len(text) || a > b {
			a, b = 0, len(text)
		}
		s := Span{a, b}
		mem := newActorMemory()
		actors := ix.findActors(text, s, mem)
		for _, x := range actors {
			if !s.Contains(x.Span) || x.Text != x.Span.In(text) {
				t.Fatalf("actor %+v outside %v", x, s)
			}
		}
		ec := ix.classifyEvent(text, s, Span{a, a}, actors)
		if ec.Trigger.End > 0 && !s.Contains(ec.Trigger) {
			t.Fatalf("trigger %v outside %v", ec.Trigger, s)
		}
		ix.findActors(text, s, mem) // memory from the first pass
	})
}

func TestFindActorsMiddleInitial(t *testing.T) {
	text := "Protesters burned an effigy of George W. Bush."
	got := findAll(newActorIndex(), text)
	require.NotEmpty(t, got)
	checkActor(t, text, got[len(got)-1], want{text: "George W. Bush", name: "George W. Bush", kind: "person"})
}
