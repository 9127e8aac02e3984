package timeline

import "fmt"

// Option configures an Extractor.
type Option func(*config) error

type config struct {
	mode      Mode
	maxBytes  int
	sentences bool
	noEvents  bool
}

// DefaultMaxBytes is the largest document Extract accepts unless
// WithMaxBytes says otherwise.
const DefaultMaxBytes = 64 << 20

// WithMode forces News or History anchoring for every document; Auto (the
// default) chooses per document.
func WithMode(m Mode) Option {
	return func(c *config) error {
		switch m {
		case Auto, News, History:
			c.mode = m
			return nil
		}
		return fmt.Errorf("timeline: unknown mode %q", string(m))
	}
}

// WithMaxBytes sets the largest document Extract accepts; larger ones get
// an *InputTooLargeError. n <= 0 removes the limit.
func WithMaxBytes(n int) Option {
	return func(c *config) error {
		c.maxBytes = n
		return nil
	}
}

// WithSentences makes Extract report every sentence of each document in
// DocumentInfo.Sentences (off by default: it repeats the text).
func WithSentences(on bool) Option {
	return func(c *config) error {
		c.sentences = on
		return nil
	}
}

// WithEvents(false) makes Extract find and normalize the temporal
// expressions only: Timeline.Events stays empty, and the diagnostics of
// the event stage (furniture, not a date, unresolved, superseded) are not
// made, nor is page furniture marked unless WithSentences reports the
// sentences. The expressions are the same as with events. It is for callers
// that read the expressions alone (TimeML annotation, TempEval scoring):
// the event stage is about half of Extract's work, and New then does not
// build the actor index.
func WithEvents(on bool) Option {
	return func(c *config) error {
		c.noEvents = !on
		return nil
	}
}

// InputTooLargeError reports a document over the configured size limit.
type InputTooLargeError struct {
	Size, Limit int
}

func (e *InputTooLargeError) Error() string {
	return fmt.Sprintf("timeline: document of %d bytes exceeds the limit of %d bytes (see WithMaxBytes)", e.Size, e.Limit)
}
