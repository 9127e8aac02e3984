package timeline

import (
	"time"
)

// Span is a half-open range [Start, End) of byte offsets into a document's
// original text. Every value read from the text carries one.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// In returns the text the span covers in src, or "" when the span does not
// index src.
func (s Span) In(src string) string {
	if s.Start < 0 || s.End > len(src) || s.Start > s.End {
		return ""
	}
	return src[s.Start:s.End]
}

// TimexType is the TIMEX3 type of a temporal expression.
type TimexType string

// The four TIMEX3 types.
const (
	Date     TimexType = "DATE"
	TimeType TimexType = "TIME"
	Duration TimexType = "DURATION"
	Set      TimexType = "SET"
)

// Anchor says what a normalized value was computed from.
type Anchor string

const (
	// Explicit: the expression names its own date ("September 27, 2020").
	Explicit Anchor = "explicit"
	// AnchorDCT: resolved against the document creation time.
	AnchorDCT Anchor = "dct"
	// Narrative: resolved against the date last mentioned in the story.
	Narrative Anchor = "narrative"
	// Unresolved: relative, and nothing to resolve it against.
	Unresolved Anchor = "unresolved"
)

// Timex is a normalized temporal value in the manner of TIMEX3.
type Timex struct {
	// Value is the TIMEX3 value: "1988", "2020-09", "2020-09-27",
	// "2023-09-19T20:07", "P5Y", "PRESENT_REF", "XXXX-09-27" when the year
	// cannot be known.
	Value string `json:"value"`
	// Type is DATE, TIME, DURATION or SET.
	Type TimexType `json:"type"`
	// Granularity is the precision of Value.
	Granularity Granularity `json:"granularity"`
	// Mod is the TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER,
	// MORE_THAN, LESS_THAN, ON_OR_AFTER…; empty when none applies.
	Mod string `json:"mod,omitempty"`
	// Interval is the stretch of time the value covers; zero for
	// durations, sets, vague references and unresolved values.
	Interval Interval `json:"interval,omitzero"`
	// Anchor tells how the value was obtained.
	Anchor Anchor `json:"anchor"`
}

// Resolved reports whether the value names a point or interval on the
// calendar (as opposed to a duration, set, vague or unresolved reference).
func (t Timex) Resolved() bool { return !t.Interval.Begin.IsZero() }

// Interval is a stretch of time [Begin, End). An open interval ("since
// 1994") has a zero End.
type Interval struct {
	Begin time.Time `json:"begin"`
	End   time.Time `json:"end,omitzero"`
}

// Expression is one temporal expression found in a document.
type Expression struct {
	Span
	// Text is the expression as written (the input at Span).
	Text string `json:"text"`
	Timex
	// Rule names the rule that found it: a debugging aid.
	Rule string `json:"rule"`
	// Doc is the index of the document in Timeline.Documents.
	Doc int `json:"doc"`
	// Sentence is the index of its sentence in the document's sentences.
	Sentence int `json:"sentence"`
}

// Sentence is a sentence (or a line of page furniture) of a document.
type Sentence struct {
	Span
	Text string `json:"text"`
	// Furniture names why the sentence is page furniture rather than
	// prose ("boilerplate", "credit", "dateline", "headline",
	// "duplicate"…); empty for prose. Furniture yields no events.
	Furniture string `json:"furniture,omitempty"`
}

// Actor is a participant in an event: a country, an organization, a
// person or an agent, normalized.
type Actor struct {
	Span
	// Text is the actor as written.
	Text string `json:"text"`
	// Name is the canonical name ("Russia", "UN Security Council").
	Name string `json:"name"`
	// Code is the ISO 3166-1 alpha-3 code of a country, or a PLOVER/CAMEO
	// code for an organization (IGO, UNO…).
	Code string `json:"code,omitempty"`
	// Kind is "country", "organization", "person" or "agent".
	Kind string `json:"kind"`
	// Sector is the PLOVER sector (GOV, MIL, COP, REB, CVL…), if known.
	Sector string `json:"sector,omitempty"`
	// Agent is the body named with the country ("Foreign Ministry",
	// "peacekeepers"); Office is a person's office ("spokesperson").
	Agent  string `json:"agent,omitempty"`
	Office string `json:"office,omitempty"`
	// Country is the country of a person or agent, if the text says so.
	Country string `json:"country,omitempty"`
	// Role is RoleSource for who acted and RoleTarget for who was acted
	// on, where the sentence says so.
	Role string `json:"role,omitempty"`
}

// Actor roles in an event.
const (
	RoleSource = "source"
	RoleTarget = "target"
)

// Agents returns the actors of e that acted: its Actors less its targets.
func (e *Event) Agents() []Actor {
	var out []Actor
	for _, a := range e.Actors {
		if a.Role != RoleTarget {
			out = append(out, a)
		}
	}
	return out
}

// EventDate is the date of an event: the expression that dates it.
type EventDate struct {
	Span
	Text string `json:"text"`
	Timex
}

// Trigger is the phrase that names what happened.
type Trigger struct {
	Span
	Text string `json:"text"`
}

// Source is where an event was read: a document and a sentence in it.
type Source struct {
	Doc      int    `json:"doc"`
	DocID    string `json:"doc_id,omitempty"`
	URL      string `json:"url,omitempty"`
	Sentence Span   `json:"sentence"`
}

// Event is something that happened, dated, with its actors and the sentence
// it was read from.
type Event struct {
	// ID is stable for a given input: document index, sentence index and
	// date offset.
	ID   string    `json:"id"`
	Date EventDate `json:"date"`
	// Type is the event class: a PLOVER category, STATEMENT or OTHER.
	Type string `json:"type"`
	// Quad is the quad code of Type: 1 verbal cooperation, 2 material
	// cooperation, 3 verbal conflict, 4 material conflict, 0 for OTHER.
	Quad int `json:"quad_code"`
	// CAMEO is the CAMEO root code ("01"…"20") the event falls under.
	CAMEO string `json:"cameo,omitempty"`
	// Mode refines Type: the means of an ASSAULT ("aerial",
	// "heavy-weapons", "explosives", "firearms"…), "mediate" for a
	// third party's CONSULT.
	Mode    string  `json:"mode,omitempty"`
	Trigger Trigger `json:"trigger"`
	// Actors are everyone the event involves: its sources (Role
	// RoleSource) and then its targets (Role RoleTarget). Recipients
	// repeats the targets, for PLOVER-style consumers: the extractor
	// gives it the storage of the targets in Actors (both lists are
	// capped, so an append to either moves it out).
	Actors     []Actor `json:"actors"`
	Recipients []Actor `json:"recipients,omitempty"`
	// Sentence is the sentence the event was read from.
	Sentence Sentence `json:"sentence"`
	// Doc is the index of the document in Timeline.Documents.
	Doc int `json:"doc"`
	// Sources lists every place the event was reported (at least one).
	Sources []Source `json:"sources,omitempty"`
	// Conflicts lists the events that read like this one but carry an
	// incompatible date (see Merger). They are flagged, never resolved.
	Conflicts []Conflict `json:"conflicts,omitempty"`
}

// Conflict points from an event to another that looks like the same
// event but is dated differently.
type Conflict struct {
	// Event is the ID of the other event; Date its date value.
	Event string `json:"event"`
	Date  string `json:"date"`
	// Similarity is the wording similarity of the two (token Jaccard).
	Similarity float64 `json:"similarity"`
}

// DocumentInfo describes one processed document.
type DocumentInfo struct {
	ID     string `json:"id,omitempty"`
	Source string `json:"source,omitempty"`
	URL    string `json:"url,omitempty"`
	Title  string `json:"title,omitempty"`
	// DCT is the document creation time, read from the dateline or given
	// by the caller; DCT.Value is empty when there is none.
	DCT DCT `json:"dct"`
	// Mode is "news" or "narrative": what relative expressions were
	// resolved against.
	Mode      Mode       `json:"mode"`
	Sentences []Sentence `json:"sentences,omitempty"`
	Length    int        `json:"length"`
}

// DCT is a document creation time.
type DCT struct {
	Span
	// Text is the dateline as written, or the caller's value.
	Text string `json:"text"`
	Timex
	// Given reports that the caller supplied the DCT rather than the text.
	Given bool `json:"given,omitempty"`
}

// Diagnostic records something found in the text that did not become
// part of the chronology, and why.
type Diagnostic struct {
	Span
	Doc     int    `json:"doc"`
	Text    string `json:"text"`
	Reason  string `json:"reason"`
	Message string `json:"message,omitempty"`
}

// Diagnostic reasons.
const (
	ReasonUnresolved = "unresolved"   // a relative expression with no anchor
	ReasonFurniture  = "furniture"    // in page furniture
	ReasonNotADate   = "not-a-date"   // a duration, set or vague reference
	ReasonNoEvent    = "no-event"     // no event in its sentence
	ReasonSuperseded = "superseded"   // its sentence already dates an event
	ReasonInvalid    = "invalid-date" // looked like a date, named none
)

// Timeline is the chronology read from one or more documents.
type Timeline struct {
	Documents   []DocumentInfo `json:"documents"`
	Events      []Event        `json:"events"`
	Expressions []Expression   `json:"expressions"`
	Diagnostics []Diagnostic   `json:"diagnostics,omitempty"`
}
