package timeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The event-type lexicon: trigger verbs and nouns by PLOVER category, with
// the CAMEO root code each one falls under. Verbs are written as lemmas and
// inflected by inflect ("attack" gives attacks, attacked, attacking);
// irregular verbs give their forms as "lemma:past:participle"; "=form" is a
// single literal form; a trailing
// "~" doubles the final consonant ("ban~" gives banned). Multi-word
// entries inflect their first word ("call on" gives "called on").

// category is a PLOVER event category with its quad code and default
// CAMEO root. PLOVER puts REQUEST with verbal conflict and PROTEST with
// material conflict; STATEMENT follows GDELT's QuadClass for CAMEO 01.
type category struct {
	quad  int
	cameo string
}

var categories = map[string]category{
	"STATEMENT": {1, "01"},
	"AGREE":     {1, "03"},
	"CONSULT":   {1, "04"},
	"SUPPORT":   {1, "05"},
	"CONCEDE":   {1, "08"},
	"COOPERATE": {2, "06"},
	"AID":       {2, "07"},
	"RETREAT":   {2, "08"},
	"REQUEST":   {3, "02"},
	"ACCUSE":    {3, "11"},
	"REJECT":    {3, "12"},
	"THREATEN":  {3, "13"},
	"PROTEST":   {4, "14"},
	"SANCTION":  {4, "16"},
	"MOBILIZE":  {4, "15"},
	"COERCE":    {4, "17"},
	"ASSAULT":   {4, "18"},
	"OTHER":     {0, ""},
}

// lexiconRow is one line of the lexicon: a category, the CAMEO root when
// it differs from the category's, a mode, and the verbs and nouns.
type lexiconRow struct {
	typ, cameo, mode string
	verbs, nouns     string
}

var lexicon = []lexiconRow{
	{typ: "STATEMENT", verbs: "say:said:said, =states, =stated, announce, declare, tell:told:told, add, comment, remark, note, " +
		"report, claim, insist, proclaim, explain, write:wrote:written, describe, affirm, reiterate, confirm, predict, " +
		"acknowledge, admit~, respond, reply, speak:spoke:spoken, inform, indicate",
		nouns: "statement, remarks, announcement, declaration, comment, speech, address, news conference, " +
			"press conference, news briefing"},
	{typ: "REQUEST", verbs: "urge, appeal, call on, call upon, call for, ask, request, demand, plead, " +
		"petition, press for, implore, recommend",
		nouns: "appeal, request, demand, plea, call for, petition"},
	{typ: "AGREE", verbs: "agree, accept, promise, pledge, vow, commit~, settle, reconcile, consent, approve, " +
		"agree upon, agree on, offer, cease fire",
		nouns: "agreement, ceasefire, cease-fire, truce, treaty, accord, pact, deal, armistice, peace deal, charter, " +
			"settlement, peace agreement, peace treaty, promise, pledge"},
	{typ: "AGREE", cameo: "05", verbs: "sign, ratify, conclude",
		nouns: "signing"},
	{typ: "CONSULT", verbs: "meet:met:met, negotiate, visit, consult, discuss, host, convene, confer~, hold talks, " +
		"be in contact, telephone",
		nouns: "talks, negotiations, meeting, summit, visit, consultations, conference, discussions, in contact, " +
			"peace talks, peace process, contacts"},
	{typ: "CONSULT", mode: "mediate", verbs: "mediate, broker, facilitate",
		nouns: "mediation"},
	{typ: "SUPPORT", verbs: "support, praise, endorse, welcome, recognize, recognise, commend, applaud, =backed, =backing, pay:paid:paid tribute, " +
		"side with, defend verbally",
		nouns: "support, recognition, endorsement, backing, tribute"},
	{typ: "COOPERATE", verbs: "cooperate, collaborate, join, coordinate, unite, cooperate with, share intelligence, " +
		"exchange, trade, ally",
		nouns: "cooperation, collaboration, joint operation, partnership, alliance"},
	{typ: "AID", verbs: "aid, assist, supply, provide, deliver, donate, rescue, evacuate, shelter, feed, airlift, " +
		"send aid, give:gave:given, help",
		nouns: "aid, assistance, humanitarian aid, relief, supplies, evacuation, airlift, rescue, lend-lease, loan"},
	{typ: "CONCEDE", verbs: "concede, yield, apologize, apologise, ease, lift, resign, relent, compensate, " +
		"step down, give in, back down, abdicate",
		nouns: "concession, apology, resignation, abdication"},
	{typ: "RETREAT", verbs: "withdraw:withdrew:withdrawn, retreat, pull out, pull back, surrender, capitulate, release, " +
		"disarm, demobilize, abandon, flee:fled:fled, evacuate from, hand over, lay down, disband, " +
		"cease, call off, hand control, end combat",
		nouns: "withdrawal, retreat, surrender, capitulation, release, disarmament, pullout, demobilization"},
	{typ: "ACCUSE", verbs: "accuse, blame, condemn, criticize, criticise, denounce, allege, deplore, complain, " +
		"charge, censure, decry, slam~",
		nouns: "accusation, condemnation, criticism, allegation, complaint, loggerheads, dispute, feud, charges, verbal attack, " +
			"disagreement, tensions, tension"},
	{typ: "REJECT", verbs: "reject, refuse, deny, veto, dismiss, rebuff, turn down, oppose, defy, " +
		"repudiate, ignore, spurn",
		nouns: "rejection, refusal, denial, veto, opposition, defiance"},
	{typ: "THREATEN", verbs: "threaten, warn, menace, intimidate, vow to, declare war, issue an ultimatum",
		nouns: "threat, warning, ultimatum"},
	{typ: "PROTEST", verbs: "protest, demonstrate, picket, riot, boycott",
		nouns: "protest, demonstration, rally, protest march, boycott, effigy, hunger strike, general strike, riot, sit-in"},
	{typ: "SANCTION", verbs: "sanction, embargo, expel~, sever, suspend, cut off, break off, recall, freeze:froze:frozen, " +
		"halt, ban~, blacklist, impose sanctions, downgrade, revoke",
		nouns: "sanctions, embargo, expulsion, suspension, ban, blacklist, severance"},
	{typ: "MOBILIZE", verbs: "mobilize, mobilise, deploy, reinforce, march, rally, conscript, dispatch, station, build up, " +
		"send troops, put on alert, rearm, draft, recruit, redeploy, send:sent:sent",
		nouns: "mobilization, mobilisation, deployment, reinforcements, buildup, build-up, conscription, alert, " +
			"military exercises, exercises, manoeuvres, maneuvers, draft, rearmament"},
	{typ: "COERCE", verbs: "arrest, detain, imprison, jail, deport, confiscate, blockade, censor, crack down, " +
		"intern, repress, persecute, expropriate, nationalize, annex, kidnap~, abduct, take:took:taken hostage",
		nouns: "arrest, detention, blockade, crackdown, curfew, martial law, deportation, repression, " +
			"persecution, annexation, internment, quarantine, barricade, kidnapping, abduction, hostage-taking"},
	{typ: "ASSAULT", verbs: "attack, assault, bomb, bombard, shell, kill, wound, ambush, shoot:shot:shot, " +
		"strike:struck:struck, raid, fire on, open fire, torpedo, sink:sank:sunk, destroy, hit:hit:hit, " +
		"assassinate, execute, behead, hijack, storm, blow up, detonate, explode, retaliate, " +
		"injure, murder, torture, shoot down, launch an attack",
		nouns: "attack, assault, bombing, bombardment, shelling, airstrike, air strike, air raid, raid, " +
			"strike, ambush, shooting, gunfire, explosion, blast, assassination, execution, killing, killings, " +
			"violence, bloodshed, aggression, anti-terrorist operation, military action, hostilities, " +
			"torture, atrocities, casualties, retaliation"},
	{typ: "ASSAULT", cameo: "19", verbs: "fight:fought:fought, battle, clash, invade, occupy, capture, seize, " +
		"overrun:overran:overrun, conquer, besiege, defeat, repel~, repulse, advance on, push back, encircle, " +
		"surround, annihilate, rout, liberate, recapture, retake:retook:retaken, counterattack, engage, " +
		"break:broke:broken out, wage war, go to war, land, cross, penetrate, overwhelm, outflank, sweep:swept:swept, " +
		"resist, advance, fall:fell:fallen, hang:hanged:hanged, crush, rebel~, revolt, rise:rose:risen up",
		nouns: "war, battle, fighting, clash, clashes, invasion, offensive, counteroffensive, counter-offensive, " +
			"operation, operations, campaign, siege, conflict, armed conflict, combat, skirmish, skirmishes, " +
			"incursion, counterattack, counter-attack, hostilities, insurgency, guerrilla war, civil war, landing, landings, " +
			"occupation, defeat, capture, conquest, resistance, engagement, " +
			"uprising, revolt, rebellion, insurrection, insurgency, mutiny, advance, offense"},
	{typ: "ASSAULT", cameo: "20", verbs: "exterminate, slaughter, ethnically cleanse, massacre",
		nouns: "massacre, genocide, ethnic cleansing, mass killing, mass killings, holocaust, extermination"},
}

// supportVerbs take their type from the trigger noun that follows:
// "launched ... operations", "held talks", "signed a treaty".
var supportVerbs = map[string]bool{
	"launch": true, "launched": true, "launches": true, "launching": true,
	"begin": true, "began": true, "begun": true, "begins": true,
	"start": true, "started": true, "starts": true,
	"carry": true, "carried": true, "carries": true,
	"conduct": true, "conducted": true, "conducts": true,
	"stage": true, "staged": true, "stages": true,
	"mount": true, "mounted": true, "mounts": true,
	"wage": true, "waged": true, "wages": true,
	"hold": true, "held": true, "holds": true,
	"sign": true, "signed": true, "signs": true,
	"reach": true, "reached": true, "reaches": true,
	"open": true, "opened": true, "opens": true,
	"impose": true, "imposed": true, "imposes": true,
	"make": true, "made": true, "makes": true,
	"resume": true, "resumed": true, "resumes": true,
	"continue": true, "continued": true, "continues": true,
	"take": true, "took": true, "takes": true, "taken": true,
	"issue": true, "issued": true, "issues": true,
	"announce": true, "announced": true, "announces": true,
	"order": true, "ordered": true, "orders": true,
	"lead": true, "led": true, "leads": true,
	"join": true, "joined": true, "joins": true,
}

// modeCues name the means of an assault, most specific first (a "car
// bomb" is explosives, not aerial bombing).
var modeCues = []struct{ mode, cues string }{
	{"explosives", "car bomb, truck bomb, roadside bomb, suicide bomb, suicide bomber, suicide bombing, bomb exploded, " +
		"landmine, landmines, land mine, mines, mine, explosive, explosives, ied, grenade, grenades, blast, explosion, " +
		"booby trap, detonated"},
	{"CBRN", "chemical weapons, chemical weapon, poison gas, mustard gas, nerve gas, nuclear, atomic bomb, atomic bombs, sarin"},
	{"aerial", "air strike, air strikes, airstrike, airstrikes, air raid, air raids, aerial, aircraft, warplane, warplanes, " +
		"bomber, bombers, helicopter, helicopters, drone, drones, air force, bombing raid, bombing, bombed, bombers, " +
		"fighter jets, jets, air attack, air attacks, blitz, luftwaffe"},
	{"heavy-weapons", "artillery, shelling, shelled, shells, tank, tanks, rocket, rockets, missile, missiles, mortar, " +
		"mortars, howitzer, howitzers, cannon, heavy weapons, naval gunfire, battleship, battleships, warship, warships, " +
		"gunboat, gunboats, bombardment"},
	{"firearms", "gun, guns, gunfire, gunmen, gunman, rifle, rifles, shot, shooting, sniper, snipers, machine gun, " +
		"machine guns, opened fire, open fire, bullets, bullet, small arms, pistol"},
	{"abduct", "kidnap, kidnapped, kidnapping, abducted, abduction, hostage, hostages, hijacked"},
	{"assassinate", "assassinated, assassination, assassinate"},
	{"execute", "executed, execution, executions, beheaded"},
}

// inflect yields the forms of a verb entry and, for each, whether it can
// be a past participle (for the passive: "were killed").
func inflect(entry string, yield func(form string, participle bool)) {
	if strings.HasPrefix(entry, "=") { // a literal form: "stated" (but not the noun "state")
		yield(entry[1:], strings.HasSuffix(entry, "ed"))
		return
	}
	head, rest := entry, ""
	if !oneWord(entry) {
		words := strings.Fields(entry)
		head = words[0]
		if len(words) > 1 {
			rest = " " + strings.Join(words[1:], " ")
		}
	}
	add := func(f string, pp bool) {
		if rest != "" {
			f += rest
		}
		yield(f, pp)
	}
	if strings.Contains(head, ":") {
		p := strings.Split(head, ":")
		lemma := p[0]
		add(lemma, false)
		add(thirdPerson(lemma), false)
		add(gerund(lemma, false), false)
		add(p[1], len(p) < 3 || p[1] == p[2])
		if len(p) > 2 && p[2] != p[1] {
			add(p[2], true)
		}
		return
	}
	double := strings.HasSuffix(head, "~")
	lemma := strings.TrimSuffix(head, "~")
	add(lemma, false)
	add(thirdPerson(lemma), false)
	add(gerund(lemma, double), false)
	add(past(lemma, double), true)
}

func thirdPerson(v string) string {
	switch {
	case strings.HasSuffix(v, "y") && len(v) > 2 && !strings.ContainsAny(v[len(v)-2:len(v)-1], "aeiou"):
		return v[:len(v)-1] + "ies"
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") ||
		strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") || strings.HasSuffix(v, "o"):
		return v + "es"
	}
	return v + "s"
}

func past(v string, double bool) string {
	switch {
	case double:
		return v + v[len(v)-1:] + "ed"
	case strings.HasSuffix(v, "e"):
		return v + "d"
	case strings.HasSuffix(v, "y") && len(v) > 2 && !strings.ContainsAny(v[len(v)-2:len(v)-1], "aeiou"):
		return v[:len(v)-1] + "ied"
	}
	return v + "ed"
}

func gerund(v string, double bool) string {
	switch {
	case double:
		return v + v[len(v)-1:] + "ing"
	case strings.HasSuffix(v, "ie"):
		return v[:len(v)-2] + "ying"
	case strings.HasSuffix(v, "e") && !strings.HasSuffix(v, "ee"):
		return v[:len(v)-1] + "ing"
	}
	return v + "ing"
}

// plural returns the plural of a noun entry ("clash" gives clashes).
func plural(n string) string {
	if oneWord(n) {
		if strings.HasSuffix(n, "s") {
			return n
		}
		return thirdPerson(n)
	}
	words := strings.Fields(n)
	last := words[len(words)-1]
	if strings.HasSuffix(last, "s") {
		return n
	}
	words[len(words)-1] = thirdPerson(last)
	return strings.Join(words, " ")
}

// oneWord reports whether strings.Fields(s) is s alone: a list entry
// that needs no splitting.
func oneWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return strings.IndexFunc(s, unicode.IsSpace) < 0
		case asciiSpace[c]:
			return false
		}
	}
	return true
}
