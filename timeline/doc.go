// Package timeline turns news articles and war histories into
// chronologies: every temporal expression found and normalized to a
// TIMEX3 value with its precision, every dated event with its actors and
// the sentence it came from, in chronological order.
//
// # Pipeline
//
// One call runs one pipeline, each stage in a file named for its job:
//
//	Document ─► dateline.go ─► sentence.go ─► internal/temporal ─► resolve.go ─► event.go ─► order.go ─► Timeline
//	            (DCT)          (spans,         (when rules over     (TIMEX3 values (actors,     (chronology)
//	                           furniture.go)    candidate windows)   against DCT    types)
//	                                                                 or story)
//
// The dateline gives the document creation time (DCT) unless the caller
// passes one. Sentences carry byte spans; page furniture (buttons, photo
// credits, agency notes, repeated captions) is kept but yields no events.
// Temporal rules are github.com/olebedev/when rules run over small
// windows around trigger words. Relative expressions are resolved against
// the DCT in news and against the date last mentioned in narratives; the
// mode is chosen per document unless forced with WithMode. Without a DCT,
// expressions relative to the time of writing stay unresolved: the wall
// clock is never used.
//
// # Actors and event types
//
// The actors of an event are normalized: countries (all of ISO 3166-1,
// from the generated table countries.tsv, by name, demonym, possessive or
// a capital standing for its government) to their common English name and
// alpha-3 code; international organizations to PLOVER codes (UNO, IGO,
// NGO); agents to their country with a PLOVER sector ("Armenia's Foreign
// Ministry" is Armenia, GOV); persons with their office and country. They
// are split into Actors (sources) and Recipients (targets). An event's
// Type is a PLOVER category, STATEMENT or OTHER, with its quad code, CAMEO
// root, trigger and, for an ASSAULT, its Mode. WritePLOVER and WriteACLED
// export a timeline for conflict-event researchers. WithEvents(false)
// skips the event stage, for callers that read the expressions alone.
//
// # Offsets
//
// Every Span is a half-open range of byte offsets into Document.Text as
// given, so text[s.Start:s.End] is the value's text, whatever the
// encoding of the input (invalid UTF-8 included).
//
// # Concurrency
//
// An Extractor returned by New is immutable and safe for concurrent use by
// multiple goroutines; per-document state lives in each call.
//
// # Errors
//
// Extraction is total: odd or ambiguous text comes back as data, with
// Diagnostics saying why an expression made no event. Extract returns an
// error only when its context is done or the document is larger than the
// configured limit.
package timeline
