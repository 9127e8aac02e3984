package timeline

import "time"

// Document is one input to the extractor.
type Document struct {
	// ID, Source, URL and Title travel with the document's events.
	ID, Source, URL, Title string
	// Text is the article as scraped. Offsets in results index it.
	Text string
	// DCT, when not zero, is the document creation time and overrides
	// the dateline. DCTGranularity says how precise it is (Day for a
	// date alone, Minute for a date and time); zero means Minute.
	DCT            time.Time
	DCTGranularity Granularity
	// Mode, when not Auto, overrides the extractor's mode for this
	// document.
	Mode Mode
}
