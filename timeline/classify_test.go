package timeline

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// classify runs findActors and classifyEvent on one sentence dated by
// its first occurrence of date.
func classify(t *testing.T, ix *actorIndex, text, date string) EventClass {
	t.Helper()
	at := strings.Index(text, date)
	require.GreaterOrEqual(t, at, 0, "date %q not in %q", date, text)
	s := Span{0, len(text)}
	return ix.classifyEvent(text, s, Span{at, at + len(date)}, ix.findActors(text, s, newActorMemory()))
}

func actorNames(as []Actor) []string {
	out := []string{}
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func TestClassifyEventCategories(t *testing.T) {
	ix := newActorIndex()
	tests := []struct {
		typ, text, date   string
		quad              int
		cameo, trigger    string
		actors, recipient []string
	}{
		{"STATEMENT", "The Foreign Office said on Monday that conditions were deteriorating.", "on Monday", 1, "01", "said", []string{"government"}, nil},
		{"AGREE", "On Friday Armenia and Azerbaijan agreed to a humanitarian truce.", "On Friday", 1, "03", "agreed", []string{"Armenia", "Azerbaijan"}, nil},
		{"AGREE", "Israel and Egypt signed a peace treaty in 1979.", "1979", 1, "05", "signed a peace treaty", []string{"Israel", "Egypt"}, nil},
		{"CONSULT", "The Iranian foreign minister met his Iraqi counterpart on Sunday.", "on Sunday", 1, "04", "met", []string{"Iran"}, []string{"Iraq"}},
		{"SUPPORT", "On Wednesday Germany praised Kenya for its restraint.", "On Wednesday", 1, "05", "praised", []string{"Germany"}, []string{"Kenya"}},
		{"CONCEDE", "In 1996 Japan apologized to South Korea.", "1996", 1, "08", "apologized", []string{"Japan"}, []string{"South Korea"}},
		{"COOPERATE", "In May, France and Chad began a joint operation against smugglers.", "In May", 2, "06", "began a joint operation", []string{"France", "Chad"}, nil},
		{"AID", "On Tuesday the World Food Programme delivered aid to Yemeni civilians.", "On Tuesday", 2, "07", "delivered", []string{"World Food Programme"}, []string{"Yemen"}},
		{"RETREAT", "Russian troops withdrew from Kherson on November 11.", "November 11", 2, "08", "withdrew", []string{"Russia"}, nil},
		{"REQUEST", "On Monday Ukraine urged NATO to send air defences.", "On Monday", 3, "02", "urged", []string{"Ukraine"}, []string{"NATO"}},
		{"ACCUSE", "Later on Tuesday, Armenia's Foreign Ministry condemned Azerbaijan's military action.", "Later on Tuesday", 3, "11", "condemned", []string{"Armenia"}, []string{"Azerbaijan"}},
		{"REJECT", "On Thursday Serbia rejected the ultimatum.", "On Thursday", 3, "12", "rejected", []string{"Serbia"}, nil},
		{"THREATEN", "North Korea threatened South Korea with war on Saturday.", "on Saturday", 3, "13", "threatened", []string{"North Korea"}, []string{"South Korea"}},
		{"PROTEST", "Thousands of Iraqi protesters held a demonstration on Friday.", "on Friday", 4, "14", "held a demonstration", []string{"Iraq"}, nil},
		{"SANCTION", "On Aug. 6 the Security Council imposed an embargo on Iraq.", "On Aug. 6", 4, "16", "imposed an embargo", []string{"UN Security Council"}, []string{"Iraq"}},
		{"MOBILIZE", "In March Pakistan deployed troops along the border.", "In March", 4, "15", "deployed", []string{"Pakistan"}, nil},
		{"COERCE", "Kenyan police arrested two suspects on Sunday.", "on Sunday", 4, "17", "arrested", []string{"Kenya"}, nil},
		{"ASSAULT", "Iraq invaded Kuwait on Aug. 2, 1990.", "Aug. 2, 1990", 4, "19", "invaded", []string{"Iraq"}, []string{"Kuwait"}},
		{"ASSAULT", "The militia massacred villagers in 1995.", "1995", 4, "20", "massacred", []string{"rebels"}, []string{"civilians"}},
		{"OTHER", "The bridge was reopened in 2023.", "2023", 0, "", "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.typ+"/"+tt.trigger, func(t *testing.T) {
			ec := classify(t, ix, tt.text, tt.date)
			assert.Equal(t, tt.typ, ec.Type)
			assert.Equal(t, tt.quad, ec.Quad, "quad")
			assert.Equal(t, tt.cameo, ec.CAMEO, "CAMEO")
			assert.Equal(t, tt.trigger, ec.Trigger.In(tt.text), "trigger")
			if tt.actors != nil {
				assert.Equal(t, tt.actors, actorNames(ec.Actors), "sources")
			}
			if tt.recipient != nil {
				assert.Equal(t, tt.recipient, actorNames(ec.Recipients), "recipients")
			}
		})
	}
}

func TestClassifyEventModes(t *testing.T) {
	ix := newActorIndex()
	tests := []struct{ mode, text, date string }{
		{"aerial", "Israeli warplanes struck Gaza on Monday.", "on Monday"},
		{"heavy-weapons", "Artillery shelled the town on Sunday.", "on Sunday"},
		{"explosives", "Six citizens were killed by landmines on Tuesday.", "on Tuesday"},
		{"firearms", "Gunmen opened fire on a bus on Friday.", "on Friday"},
		{"CBRN", "In 1988 Iraqi aircraft attacked Halabja with chemical weapons.", "1988"},
		{"", "Fighting broke out on September 27, 2020.", "September 27, 2020"},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			ec := classify(t, ix, tt.text, tt.date)
			assert.Equal(t, "ASSAULT", ec.Type)
			assert.Equal(t, tt.mode, ec.Mode)
		})
	}
	ec := classify(t, ix, "A new round of armed conflict broke out on September 27, 2020, before Russia brokered a ceasefire on November 9, 2020.", "November 9, 2020")
	assert.Equal(t, "mediate", ec.Mode, "a third party's ceasefire")
}

func TestClassifyEventRoles(t *testing.T) {
	ix := newActorIndex()
	tests := []struct {
		reason, text, date string
		actors, recipients []string
	}{
		{"active: subject acts on object", "On Monday Iraq attacked Iran.", "On Monday", []string{"Iraq"}, []string{"Iran"}},
		{"passive: by names the source", "Six Azerbaijani citizens were killed by Armenian armed groups on Tuesday.", "on Tuesday", []string{"Armenia"}, []string{"Azerbaijan"}},
		{"passive without by", "Kuwait was invaded on Aug. 2.", "on Aug. 2", []string{}, []string{"Kuwait"}},
		{"possessive object", "On Tuesday Armenia condemned Azerbaijan's action.", "On Tuesday", []string{"Armenia"}, []string{"Azerbaijan"}},
		{"a noun on its own", "The Israeli invasion of Lebanon on 6 June 1982 shocked Syria.", "6 June 1982", []string{"Israel"}, []string{"Lebanon"}},
		{"reporter is no party", "According to Zakharova, Azerbaijan had warned Russian peacekeepers on Tuesday.", "on Tuesday", []string{"Azerbaijan"}, []string{"Russia"}},
		{"speaker of a reported event", "Russia said on Tuesday it was in contact with Azerbaijan.", "on Tuesday", []string{"Russia"}, []string{"Azerbaijan"}},
		{"targets of a condemned act are not the condemnation's", "The Cypriot government on Saturday condemned the bomb attacks on U.S. embassies in Kenya.", "on Saturday", []string{"Cyprus"}, []string{}},
		{"a wire credit names no party", "NICOSIA, August 8 (Xinhua) -- The Cypriot government on Saturday condemned the attacks.", "on Saturday", []string{"Cyprus"}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			ec := classify(t, ix, tt.text, tt.date)
			assert.Equal(t, tt.actors, actorNames(ec.Actors), "sources")
			assert.Equal(t, tt.recipients, actorNames(ec.Recipients), "recipients")
		})
	}
}

func TestClassifyEventChoice(t *testing.T) {
	ix := newActorIndex()
	two := "A new round of armed conflict broke out along the contact line on September 27, 2020, before Russia brokered a ceasefire on November 9, 2020."
	first := classify(t, ix, two, "September 27, 2020")
	assert.Equal(t, "ASSAULT", first.Type, "the trigger nearest the first date")
	assert.Empty(t, first.Actors, "Russia belongs to the other clause")
	second := classify(t, ix, two, "November 9, 2020")
	assert.Equal(t, "CONSULT", second.Type)
	assert.Equal(t, "brokered a ceasefire", second.Trigger.In(two))
	assert.Equal(t, []string{"Russia"}, actorNames(second.Actors))

	tests := []struct{ reason, typ, text, date string }{
		{"negation cancels a trigger", "OTHER", "On Monday the army did not attack.", "On Monday"},
		{"a modal report is a threat", "THREATEN", "On 21 June, Khomeini indicated that Iran would invade Iraq.", "On 21 June"},
		{"past perfect report stays a statement", "STATEMENT", "Clinton said Thursday that he had ordered the strikes.", "Thursday"},
		{"quoted words are what was said", "STATEMENT", "In 2006 the UN described it as a \"civil war\".", "2006"},
		{"a support verb takes its noun", "ASSAULT", "Azerbaijan on Tuesday launched what it called \"anti-terrorist\" operations.", "on Tuesday"},
		{"a capitalized name is no trigger", "ASSAULT", "In March, Iraq attacked.", "In March"},
		{"taking a person is an arrest", "COERCE", "Saddam Hussein was captured on December 13, 2003.", "December 13, 2003"},
		{"the saying is dated, not what it reports", "STATEMENT", "The ministry said on Monday that border clashes had killed ten soldiers.", "on Monday"},
		{"a reported threat stays a threat", "THREATEN", "The general said on Monday that his troops would attack the town.", "on Monday"},
		{"a speaker reporting its own act", "CONSULT", "Turkey said on Friday it was in contact with Syria.", "on Friday"},
		{"a possessive date names its noun", "ASSAULT", "Officials praised the cooperation of police in the inquiry into Sunday's bombing.", "Sunday"},
		{"an adjunct noun is context", "ASSAULT", "On 3 May, with the help of local militias, the city fell to the rebels.", "On 3 May"},
		{"an adjunct noun is context (during)", "RETREAT", "During the uprising the garrison withdrew in April 1920.", "April 1920"},
		{"a rebellion is fighting, not protest", "ASSAULT", "The rebellion broke out in the north in 1920.", "1920"},
		{"an abduction takes a person", "COERCE", "Two aid workers were abducted near the border in May 2001.", "May 2001"},
		{"an idiom is no event", "OTHER", "The commander fell ill in June 1916.", "June 1916"},
		{"a finding is a statement", "STATEMENT", "In March, investigators concluded that the pilot had been shot down.", "In March"},
		{"showing support is no protest", "CONSULT", "The envoy visited Kabul on Tuesday to demonstrate support for the talks.", "on Tuesday"},
		{"a date between addressee and clause dates the telling", "STATEMENT", "The minister told parliament on Monday that the army would withdraw.", "on Monday"},
		{"a date closes its conjunct", "ACCUSE", "The council condemned the shelling of the city on Friday and called on both sides to stop.", "on Friday"},
	}
	for _, tt := range tests {
		t.Run(tt.reason, func(t *testing.T) {
			assert.Equal(t, tt.typ, classify(t, ix, tt.text, tt.date).Type)
		})
	}
}

// TestClassifyEventLongInput guards against work that grows faster than
// the input: a 93 KB run-on "sentence" full of actors and triggers.
func TestClassifyEventLongInput(t *testing.T) {
	if testing.Short() {
		t.Skip("long input")
	}
	ix := newActorIndex()
	text := strings.Repeat("Iraq's army attacked Iran, and Russian peacekeepers said, ", 1600)
	s := Span{0, len(text)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		ix.classifyEvent(text, s, Span{10, 12}, ix.findActors(text, s, newActorMemory()))
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("findActors and classifyEvent took over 20s on 93 KB")
	}
}

func BenchmarkFindActorsAndClassify(b *testing.B) {
	ix := newActorIndex()
	text := "Later on Tuesday, Armenia's Foreign Ministry condemned Azerbaijan's military action and appealed to " +
		"international partners, members of the UN security council and Russian peacekeeping troops in the region " +
		"to take steps to stop Baku's \"full-scale aggression\" against the local population."
	s := Span{0, len(text)}
	for b.Loop() {
		ix.classifyEvent(text, s, Span{0, 16}, ix.findActors(text, s, newActorMemory()))
	}
}

// TestTriggerListFields: what buildTriggers reads once for each trigger
// is what the lists say of its form.
func TestTriggerListFields(t *testing.T) {
	ix := newActorIndex()
	n := 0
	for _, ts := range ix.triggers {
		for _, tr := range ts {
			form := strings.Join(tr.toks, " ")
			require.Equal(t, ix.nounForms[form], tr.nounForm, form)
			require.Equal(t, objectSense[tr.toks[0]], tr.sense, form)
			require.Equal(t, len(idiomFollowers[form]), len(tr.idiom), form)
			for w := range idiomFollowers[form] {
				require.True(t, tr.idiom[w], form)
			}
			if tr.nounForm || tr.sense != "" || tr.idiom != nil {
				n++
			}
		}
	}
	assert.Greater(t, n, 10)
}

// TestTriggerVariants: the variants made once are the copies that
// candidates made of a trigger on each use.
func TestTriggerVariants(t *testing.T) {
	ix := newActorIndex()
	bare := func(tr trigger) trigger {
		tr.asNoun, tr.asStatement = nil, nil
		return tr
	}
	statements := 0
	for _, ts := range ix.triggers {
		for _, tr := range ts {
			if tr.noun {
				require.Nil(t, tr.asNoun)
			} else {
				want := bare(*tr)
				want.noun = true
				require.Equal(t, want, bare(*tr.asNoun))
			}
			if tr.sense != "clause" {
				require.Nil(t, tr.asStatement)
				continue
			}
			statements++
			st := *tr.asStatement
			want := bare(*tr)
			want.typ, want.cameo, want.quad = "STATEMENT", categories["STATEMENT"].cameo, categories["STATEMENT"].quad
			require.Equal(t, want, bare(st))
			if !st.noun {
				want.noun = true
				require.Equal(t, want, bare(*st.asNoun))
			}
		}
	}
	assert.Greater(t, statements, 0)
}

// TestMatchTriggerMatchesMatchToks holds matchTrigger, which rules words
// out by their hash, and matchTriggerOf, which passes the first, to
// matchToks.
func TestMatchTriggerMatchesMatchToks(t *testing.T) {
	ix := newActorIndex()
	texts := refTexts(t, []string{"The army attacked the town and signed a peace treaty; talks were held.", "He called off the strike, met with and said he'd meet."})
	for _, text := range texts {
		for pass := 0; pass < 2; pass++ {
			toks := tokenize(text, Span{0, len(text)})
			if pass == 1 {
				ix.gaz.lookup(toks)
			}
			for i := range toks {
				// the triggers of the word, and of the one before
				ts := ix.triggers[toks[i].low]
				if i > 0 {
					ts = append(ts[:len(ts):len(ts)], ix.triggers[toks[i-1].low]...)
				}
				for _, tr := range ts {
					if got, want := matchTrigger(toks, i, tr), matchToks(toks, i, tr.toks); got != want {
						t.Fatalf("%q at token %d (%q), trigger %q: matchTrigger %v, matchToks %v", text, i, toks[i].low, tr.toks, got, want)
					}
				}
				// matchTriggerOf, of the triggers of the word alone
				for _, tr := range ix.triggersOf(&toks[i]) {
					if got, want := matchTriggerOf(toks, i, tr), matchToks(toks, i, tr.toks); got != want {
						t.Fatalf("%q at token %d (%q), trigger %q: matchTriggerOf %v, matchToks %v", text, i, toks[i].low, tr.toks, got, want)
					}
				}
			}
		}
	}
}
