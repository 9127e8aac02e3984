package timeline

import (
	"context"
	"errors"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/eventline/eventline/timeline/internal/temporal"
)

// Extractor reads chronologies from documents. Build it once with New; it
// is immutable afterwards and safe for concurrent use by many goroutines.
// All per-document state lives in the call.
type Extractor struct {
	cfg    config
	engine *temporal.Engine
	actors *actorIndex
}

// New returns an Extractor configured by opts.
func New(opts ...Option) (*Extractor, error) {
	cfg := config{maxBytes: DefaultMaxBytes}
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	if cfg.noEvents {
		// the actor index serves the event stage alone
		return &Extractor{cfg: cfg, engine: temporal.Default()}, nil
	}
	// the actor index is built while the engine is read from its
	// embedded tables (the first time: temporal.Default keeps it)
	actors := make(chan *actorIndex, 1)
	go func() { actors <- newActorIndex() }()
	engine := temporal.Default()
	return &Extractor{cfg: cfg, engine: engine, actors: <-actors}, nil
}

// docState is the per-call state of one document.
type docState struct {
	doc    int
	text   string
	info   DocumentInfo
	sents  []Sentence
	exprs  []Expression
	events []Event
	diags  []Diagnostic
}

func (st *docState) diag(e *Expression, reason, msg string) {
	st.diags = append(st.diags, Diagnostic{Span: e.Span, Doc: st.doc, Text: e.Text, Reason: reason, Message: msg})
}

// ctxCheckEvery is how many sentences pass between checks for
// cancellation; ctxCheckBytes how many bytes of candidate windows inside
// one sentence.
const (
	ctxCheckEvery = 256
	ctxCheckBytes = 64 << 10
)

// Extract reads the chronology of one document. It fails only when ctx
// is done or the document exceeds the size limit; odd text comes back
// as data (diagnostics), never as an error or a panic.
func (x *Extractor) Extract(ctx context.Context, doc Document) (*Timeline, error) {
	// the timeline and its one document are made in one allocation: a
	// small document's call makes few others. The state of the call
	// stays on the stack (read keeps no pointer to it), so the result
	// does not carry it.
	var st docState
	if err := x.read(ctx, &st, 0, doc, false); err != nil {
		return nil, err
	}
	out := &extraction{}
	out.docs[0] = st.info
	tl := &out.tl
	*tl = Timeline{
		Documents:   out.docs[:],
		Events:      nonNilEvents(st.events),
		Expressions: st.exprs,
		Diagnostics: st.diags,
	}
	if tl.Expressions == nil {
		tl.Expressions = []Expression{}
	}
	orderEvents(tl.Events)
	return tl, nil
}

// extraction is what Extract allocates: its result.
type extraction struct {
	tl   Timeline
	docs [1]DocumentInfo
}

// ExtractAll reads several documents into one timeline, in order, with
// their events interleaved chronologically. Document indexes in the
// result follow docs.
func (x *Extractor) ExtractAll(ctx context.Context, docs []Document) (*Timeline, error) {
	tl := &Timeline{Documents: []DocumentInfo{}, Events: []Event{}, Expressions: []Expression{}}
	for i, d := range docs {
		st := &docState{}
		if err := x.read(ctx, st, i, d, false); err != nil {
			return nil, err
		}
		tl.Documents = append(tl.Documents, st.info)
		tl.Events = append(tl.Events, st.events...)
		tl.Expressions = append(tl.Expressions, st.exprs...)
		tl.Diagnostics = append(tl.Diagnostics, st.diags...)
	}
	orderEvents(tl.Events)
	return tl, nil
}

// ErrNilExtractor is returned by methods called on a nil *Extractor.
var ErrNilExtractor = errors.New("timeline: nil Extractor (use New)")

// process reads document doc, of index idx, into a docState that keeps
// its sentences.
func (x *Extractor) process(ctx context.Context, idx int, doc Document) (*docState, error) {
	st := &docState{}
	if err := x.read(ctx, st, idx, doc, true); err != nil {
		return nil, err
	}
	return st, nil
}

// read is process into st, a zero docState, keeping the sentences in
// it only when keepSentences or the extractor returns them: they are
// split in scratch space, and otherwise not copied out of it.
func (x *Extractor) read(ctx context.Context, st *docState, idx int, doc Document, keepSentences bool) error {
	if x == nil || x.engine == nil {
		return ErrNilExtractor
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if x.cfg.maxBytes > 0 && len(doc.Text) > x.cfg.maxBytes {
		return &InputTooLargeError{Size: len(doc.Text), Limit: x.cfg.maxBytes}
	}
	text := doc.Text
	st.doc, st.text = idx, text
	sc := x.engine.NewScanner() // scratch space of the rules, for this call
	st.info = DocumentInfo{ID: doc.ID, Source: doc.Source, URL: doc.URL, Title: doc.Title, Length: len(text)}

	// dateline
	var dateline Span
	fromText := false
	switch {
	case !doc.DCT.IsZero():
		g := doc.DCTGranularity
		st.info.DCT = DCT{Timex: dctTimex(doc.DCT.UTC(), g), Given: true}
		st.info.DCT.Text = st.info.DCT.Value
	default:
		sc.Remember(true) // the sentence scan meets the same windows again
		d, ok := readDateline(sc, text)
		sc.Remember(false)
		if ok {
			st.info.DCT, dateline, fromText = d, d.Span, true
		}
	}

	// scratch space until the events are built (on an error it goes
	// with the rest)
	scr := getScratch()
	keep := keepSentences || x.cfg.sentences

	// sentences, split in scratch space, and copied out at their size
	// only when they are kept (events copy their sentence); a large
	// document's are split in their own storage, made at the size
	// expected, as the pool would not keep scratch space of that size.
	// Furniture is read by the event stage and by those who keep the
	// sentences only: the expressions do not depend on it.
	furniture := !x.cfg.noEvents || keep
	if len(text)/sentenceBytes+1 > maxScratch {
		st.sents = splitSentences(text)
		if furniture {
			markFurniture(text, st.sents, dateline, fromText)
		}
	} else {
		scr.sents = appendSentences(scr.sents[:0], text)
		st.sents = scr.sents
		if keep {
			st.sents = slices.Clone(scr.sents)
		}
		if furniture {
			markFurnitureWith(&scr.dup, text, st.sents, dateline, fromText)
		}
	}

	// expressions
	ms, sentOf, err := scanMentions(ctx, sc, text, st.sents, scr.ms[:0], scr.sentOf[:0], &scr.wins)
	scr.ms, scr.sentOf = ms, sentOf
	if err != nil {
		return err
	}
	dct := st.info.DCT
	hasDCT := dct.Resolved()
	mode := doc.Mode
	if mode == Auto {
		mode = x.cfg.mode
	}
	if mode == Auto {
		mode = chooseMode(text, ms, hasDCT, dct.Interval.Begin.Year())
	}
	st.info.Mode = mode
	st.exprs = resolveMentions(st, ms, sentOf, mode, dateline, fromText, &scr.cues)
	if err := ctx.Err(); err != nil {
		return err
	}

	// events
	if !x.cfg.noEvents {
		x.buildEvents(st)
	}
	if x.cfg.sentences {
		st.info.Sentences = st.sents
	}
	if !keep {
		st.sents = nil // scratch space from here on
	}
	putScratch(scr)
	if err := ctx.Err(); err != nil {
		return err
	}
	if !utf8.ValidString(text) {
		st.diags = append(st.diags, Diagnostic{Doc: idx, Reason: "invalid-utf8", Message: "the text is not valid UTF-8; offsets still index its bytes"})
	}
	return nil
}

// scanMentions finds the temporal mentions of the sentences sents of
// text, in order, and the index of the sentence of each, appended to ms
// and sentOf. *winBuf is storage for the windows of a sentence, left
// grown for the next call.
func scanMentions(ctx context.Context, sc *temporal.Scanner, text string, sents []Sentence, ms []temporal.Mention, sentOf []int32, winBuf *[]temporal.Window) ([]temporal.Mention, []int32, error) {
	wins := *winBuf
	for si := range sents {
		s := &sents[si]
		if si%ctxCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
		}
		wins = temporal.Windows(text, s.Start, s.End, wins[:0])
		n := len(ms)
		// a sentence can be megabytes (a table, a page with no
		// punctuation): scan its windows in batches of ctxCheckBytes,
		// checking ctx between them (windows are disjoint, so settling
		// per batch keeps the same mentions)
		for k := 0; k < len(wins); {
			j, size := k, 0
			for j < len(wins) && (j == k || size < ctxCheckBytes) {
				size += wins[j].End - wins[j].Start
				j++
			}
			if k > 0 {
				if err := ctx.Err(); err != nil {
					return nil, nil, err
				}
			}
			ms = sc.Scan(text, wins[k:j], ms)
			k = j
		}
		for range len(ms) - n {
			sentOf = append(sentOf, int32(si))
		}
	}
	*winBuf = wins
	return ms, sentOf, nil
}

// resolveMentions normalizes the mentions ms of st's text, in document
// order; sentOf gives the sentence of each. Mentions inside the dateline
// read from the text (the span dateline when fromText) are left out.
// cues is storage for the tense cues of a sentence, holding none.
func resolveMentions(st *docState, ms []temporal.Mention, sentOf []int32, mode Mode, dateline Span, fromText bool, cues *sentenceCues) []Expression {
	text := st.text
	dct := st.info.DCT
	hasDCT := dct.Resolved()
	r := &resolver{text: text, mode: mode, dct: dct.Interval.Begin, hasDCT: hasDCT, cues: cues}
	if hasDCT && dct.Granularity > Day {
		r.dct = dct.Interval.Begin
	}
	exprs := make([]Expression, 0, len(ms))
	for i := range ms {
		m := &ms[i]
		if fromText && m.Start >= dateline.Start && m.End <= dateline.End {
			// the dateline is the DCT, not a mention in the story
			continue
		}
		if r.inTitle(m) {
			continue // ``High Noon'': a title, not a time
		}
		si := int(sentOf[i])
		tx := r.resolve(m, st.sents[si].Span)
		sp := Span{m.Start, m.End}
		exprs = append(exprs, Expression{
			Span: sp, Text: sp.In(text), Timex: tx, Rule: m.Rule, Doc: st.doc, Sentence: si,
		})
	}
	return exprs
}

// scratch is the storage of process that does not outlive the call,
// kept in scratchPool from one call to the next: the mentions (each
// window's candidates before they are settled), the sentence of each,
// the windows of a sentence, the sentences before they are copied at
// their size, the keys of markFurniture's duplicates, the tense cues of
// a sentence.
type scratch struct {
	ms     []temporal.Mention
	sentOf []int32
	wins   []temporal.Window
	sents  []Sentence
	dup    dupKeys
	cues   sentenceCues
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxScratch is the most sentences or keys, and maxScratchMentions the
// most mentions, a scratch goes back to the pool with: a huge document's
// would be held for nothing, and clearing them costs their size.
const (
	maxScratch         = 1 << 14
	maxScratchMentions = 1 << 12
)

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

// putScratch clears scr, so that the pool holds no document's text or
// values, and returns it to the pool unless it grew past maxScratch.
func putScratch(scr *scratch) {
	if cap(scr.ms) > maxScratchMentions || cap(scr.sentOf) > maxScratch || cap(scr.wins) > maxScratch || cap(scr.sents) > maxScratch || cap(scr.dup.key) > maxScratch || cap(scr.dup.prefixes.slots) > 4*maxScratch ||
		cap(scr.cues.past) > maxScratch || cap(scr.cues.future) > maxScratch {
		return
	}
	// what the call wrote, not the whole capacity: a small document's
	// call would otherwise clear the largest one's (the sentences are
	// appended to, never written past their length)
	clear(scr.ms[:writtenMentions(scr.ms)])
	clear(scr.sents)
	scr.cues = sentenceCues{future: scr.cues.future[:0], past: scr.cues.past[:0]} // no text; cues hold spans only
	scratchPool.Put(scr)
}

// writtenMentions is how many of the slots of ms (to its capacity) a
// scan has written: its mentions, and after them the candidates it
// settled away. The slots past those were cleared before the scan, and
// a mention is never empty, so the first with End 0 ends them.
func writtenMentions(ms []temporal.Mention) int {
	all, n := ms[:cap(ms)], len(ms)
	for n < len(all) && all[n].End != 0 {
		n++
	}
	return n
}

func nonNilEvents(e []Event) []Event {
	if e == nil {
		return []Event{}
	}
	return e
}
