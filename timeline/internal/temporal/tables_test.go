package temporal

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"flag"
	"hash/crc32"
	"math/rand/v2"
	"reflect"
	"regexp"
	"regexp/syntax"
	"sync"
	"testing"
)

// updateTables is read by TestTablesFresh (tables_fresh_test.go).
var updateTables = flag.Bool("update-tables", false, "rewrite engine_tables.bin (go generate does)")

// encodeTables builds the tables of rs and of the patterns the long
// way.
func encodeTables(rs []*Rule, patterns []string) []byte {
	w := &tableWriter{}
	key := ruleSetKey(rs)
	w.count(len(key))
	w.bytes(key)
	rw := &tableWriter{}
	rw.count(len(rs))
	prep, css := prepareRules(rs)
	for i := range prep {
		rw.rule(&prep[i], css[i])
	}
	rw.matcher(newEngine(rs, false).lits)
	w.count(len(rw.b))
	w.bytes(rw.b)
	w.patterns(patterns)
	file := append([]byte(tablesMagic), 0, 0, 0, 0)
	binary.LittleEndian.PutUint32(file[len(tablesMagic):], crc32.ChecksumIEEE(w.b))
	return append(file, w.b...)
}

// patterns writes the patterns' part: each pattern with its starter,
// as MustCompile builds it.
func (w *tableWriter) patterns(ps []string) {
	w.count(maxDFAStates)
	w.count(subMinInst)
	w.count(len(ps))
	for _, src := range ps {
		w.str(src)
		sw := &tableWriter{}
		st := newStarter(regexp.MustCompile(src))
		sw.flag(st != nil)
		if st != nil {
			sw.starter(st)
		}
		w.count(len(sw.b))
		w.bytes(sw.b)
	}
}

// tableWriter writes what tableReader reads, call for call.
type tableWriter struct{ b []byte }

func (w *tableWriter) u8(v byte)      { w.b = append(w.b, v) }
func (w *tableWriter) u16(v uint16)   { w.b = binary.LittleEndian.AppendUint16(w.b, v) }
func (w *tableWriter) u32(v uint32)   { w.b = binary.LittleEndian.AppendUint32(w.b, v) }
func (w *tableWriter) u64(v uint64)   { w.b = binary.LittleEndian.AppendUint64(w.b, v) }
func (w *tableWriter) count(n int)    { w.u32(uint32(n)) }
func (w *tableWriter) str(s string)   { w.count(len(s)); w.b = append(w.b, s...) }
func (w *tableWriter) flag(v bool)    { w.u8(boolByte(v)) }
func (w *tableWriter) bytes(p []byte) { w.b = append(w.b, p...) }

func (w *tableWriter) matcher(m *matcher) {
	w.bytes(m.class[:])
	w.count(m.nclass)
	w.flag(m.delta16 != nil)
	if m.delta16 != nil {
		w.count(len(m.delta16))
		for _, v := range m.delta16 {
			w.u16(v)
		}
	} else {
		w.i32s(m.delta)
	}
	w.i32s(m.outStart)
	w.i32s(m.out)
}

func (w *tableWriter) i32s(v []int32) {
	w.count(len(v))
	for _, x := range v {
		w.u32(uint32(x))
	}
}

func (w *tableWriter) rule(p *prepared, clauses [][]string) {
	var flags byte
	if p.fast != nil {
		flags |= tabFast
	}
	if p.start != nil {
		flags |= tabStart
	}
	if p.startOrig != nil {
		flags |= tabStartOrig
	}
	w.u8(flags)
	if p.fast != nil {
		w.str(p.fast.src)
	}
	w.count(len(clauses))
	for _, c := range clauses {
		w.count(len(c))
		for _, l := range c {
			w.str(l)
		}
	}
	for _, st := range []*starter{p.start, p.startOrig} {
		if st != nil {
			w.starter(st)
		}
	}
	if st := cmp.Or(p.start, p.startOrig); st != nil {
		w.scanInfo(st.scanInfoOf())
	}
}

func (w *tableWriter) scanInfo(si *scanInfo) {
	w.u8(byte(si.use))
	for k := range si.lead {
		for _, v := range si.lead[k] {
			w.u64(v)
		}
	}
	w.flag(si.class != nil)
	if si.class != nil {
		w.count(si.nclass)
		for _, ps := range si.pairs {
			w.count(len(ps))
			for _, v := range ps {
				w.u64(v)
			}
		}
	}
}

func (w *tableWriter) starter(st *starter) {
	var first [32]byte
	for c, ok := range st.first {
		if ok {
			first[c/8] |= 1 << (c % 8)
		}
	}
	w.bytes(first[:])
	w.flag(st.wordStart)
	w.str(st.anch.src)
	w.flag(st.anchW != nil)
	if st.anchW != nil {
		w.str(st.anchW.src)
	}
	w.dfa(st.dfa)
	w.dfa(st.udfa)
	w.subProg(st.sub)
}

func (w *tableWriter) dfa(d *dfa) {
	w.flag(d != nil)
	if d == nil {
		return
	}
	w.bytes(d.class[:])
	w.count(d.nclass)
	w.count(len(d.trans))
	for _, v := range d.trans {
		w.u16(v)
	}
	w.count(len(d.final))
	for _, v := range d.final {
		w.flag(v)
	}
	w.u16(d.start[0])
	w.u16(d.start[1])
	for k := range d.skip {
		for _, v := range d.skip[k] {
			w.u8(byte(v))
		}
	}
	w.bytes(d.after[:])
}

func (w *tableWriter) subProg(sp *subProg) {
	w.flag(sp != nil)
	if sp == nil {
		return
	}
	w.count(len(sp.inst))
	for _, in := range sp.inst {
		w.u8(byte(in.op))
		w.u8(in.lead)
		w.u16(in.join)
		w.u32(uint32(in.out))
		w.u32(uint32(in.arg))
		w.u16(in.mask)
		w.u16(in.outMask)
	}
	w.u32(uint32(sp.start))
	w.count(sp.ncap)
	w.count(sp.njoin)
	w.count(len(sp.masks))
	for _, m := range sp.masks {
		w.u64(m[0])
		w.u64(m[1])
	}
	w.count(len(sp.alts))
	for _, a := range sp.alts {
		for _, v := range a {
			w.u64(v)
		}
	}
	w.u16(sp.first)
	w.u8(sp.firstLead)
	w.prog(sp.program())
}

func (w *tableWriter) prog(p *syntax.Prog) {
	w.count(len(p.Inst))
	var runes []rune
	for _, in := range p.Inst {
		runes = append(runes, in.Rune...)
	}
	w.count(len(runes))
	for _, r := range runes {
		w.u32(uint32(r))
	}
	for _, in := range p.Inst {
		w.u8(byte(in.Op))
		w.u32(in.Out)
		w.u32(in.Arg)
		if in.Rune == nil {
			w.u32(0)
		} else {
			w.count(len(in.Rune) + 1)
		}
	}
	w.count(p.Start)
	w.count(p.NumCap)
}

// TestTablesUsed: New reads the tables for the built-in rules, and
// decodes them to exactly what it builds (the engine digest, and the
// submatch programs, which the digest leaves out).
func TestTablesUsed(t *testing.T) {
	exhaustive(t)
	rs := English()
	tab, ok := prepareFromTables(rs)
	prep := tab.prep
	if !ok {
		t.Fatal("New does not read the embedded tables for English(): run go generate ./timeline/internal/temporal")
	}
	if len(prep) != len(rs) {
		t.Fatalf("%d rules read, want %d", len(prep), len(rs))
	}
	fromTables, built := newEngine(rs, true), newEngine(rs, false)
	if a, b := engineDigest(fromTables), engineDigest(built); a != b {
		t.Errorf("engine digest from the tables %s, built %s", a, b)
	}
	// what the digest leaves out: the scan's tables
	a, b := fromTables, built
	for _, f := range []struct {
		name string
		a, b any
	}{
		{"litDelta", a.litDelta, b.litDelta}, {"litEndMin", a.litEndMin, b.litEndMin}, {"litRecip", a.litRecip, b.litRecip}, {"litW", a.litW, b.litW},
		{"litRows", a.litRows, b.litRows}, {"litRowOf", a.litRowOf, b.litRowOf}, {"nclauses", a.nclauses, b.nclauses},
		{"needRules", a.needRules, b.needRules},
	} {
		if !reflect.DeepEqual(f.a, f.b) {
			t.Errorf("%s: from the tables %v, built %v", f.name, f.a, f.b)
		}
	}
	for i := range built.prep {
		p, q := &fromTables.prep[i], &built.prep[i]
		if !reflect.DeepEqual(p.scan, q.scan) {
			t.Errorf("rule %s: scan info from the tables %+v, built %+v", p.Name, p.scan, q.scan)
		}
		if p.clause0 != q.clause0 || p.clauseWord != q.clauseWord || p.clauseMask != q.clauseMask || p.oneWord != q.oneWord {
			t.Errorf("rule %s: clause bits differ", p.Name)
		}
		for k, pair := range [][2]*starter{{p.start, q.start}, {p.startOrig, q.startOrig}} {
			a, b := pair[0], pair[1]
			if (a == nil) != (b == nil) {
				t.Fatalf("rule %s: starter %d: from the tables %v, built %v", p.Name, k, a != nil, b != nil)
			}
			if a != nil && !reflect.DeepEqual(decodedSub(a.sub), b.sub) {
				t.Errorf("rule %s: starter %d: submatch programs differ", p.Name, k)
			}
		}
	}
}

// TestTablesLeaveToFirstUse: an engine read from the tables compiles
// none of the rules' expressions and decodes no submatch program's
// program, and MustCompile compiles no pattern the tables hold for a
// search of ASCII text: a process pays for neither unless it needs them.
func TestTablesLeaveToFirstUse(t *testing.T) {
	rs := English()
	if _, ok := prepareFromTables(rs); !ok {
		t.Fatal("New does not read the embedded tables for English(): run go generate ./timeline/internal/temporal")
	}
	e := New(rs)
	for _, r := range rs {
		if r.When.RegExp != nil || r.re.re != nil {
			t.Errorf("rule %s: expression compiled by New", r.Name)
		}
	}
	for i := range e.prep {
		for _, st := range []*starter{e.prep[i].start, e.prep[i].startOrig} {
			if st != nil && st.sub != nil && st.sub.prog != nil {
				t.Errorf("rule %s: submatch program's program decoded by New", e.prep[i].Name)
			}
		}
	}
	if ix := embeddedPatterns(); ix != nil {
		for p := range ix.starters {
			r := MustCompile(p)
			r.MatchString("He said on Monday, at 5 p.m. GMT, that it had ended.")
			if r.st != nil && r.re.re != nil {
				t.Errorf("%q: compiled for a search of ASCII text", p)
			}
		}
	}
}

// TestFirstUseConcurrent: goroutines that run a fresh engine and fresh
// patterns at once, over text that makes them compile expressions and
// decode programs on first use, find what the engine built the long way
// finds (go test -race checks the first uses).
func TestFirstUseConcurrent(t *testing.T) {
	texts := append(dfaTrickyTexts(), "ſince 1994, on the ſecond of May at 5 \u212A, Zürich, 5 mars 2024 – à 10 h")
	want := make([][]Mention, len(texts))
	for i, text := range texts {
		want[i] = builtEngine().Scan(text, Windows(text, 0, len(text), nil), nil)
	}
	e := New(English())
	var res []*Regexp
	if ix := embeddedPatterns(); ix != nil {
		for p := range ix.starters {
			res = append(res, MustCompile(p))
		}
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i, text := range texts {
				got := e.Scan(text, Windows(text, 0, len(text), nil), nil)
				if !reflect.DeepEqual(got, want[i]) {
					t.Errorf("%q: %+v, want %+v", text, got, want[i])
				}
				for _, re := range res {
					re.MatchString(text)
				}
			}
		})
	}
	wg.Wait()
}

// TestTablesRefused: tables of other rules, other limits, or with a
// byte changed are not read.
func TestTablesRefused(t *testing.T) {
	rs := English()
	if tablesBody(tablesFile, rs) == nil {
		t.Fatal("the embedded tables are refused for English()")
	}
	if tablesBody(tablesFile, rs[1:]) != nil {
		t.Error("tables read for other rules")
	}
	if tablesBody(tablesFile, append(edgeRules(), rs...)) != nil {
		t.Error("tables read for other rules")
	}
	old := maxDFAStates
	maxDFAStates = 20
	refused := tablesBody(tablesFile, rs) == nil
	maxDFAStates = old
	if !refused {
		t.Error("tables read under another maxDFAStates")
	}
	for _, at := range []int{0, len(tablesMagic), len(tablesMagic) + 4, len(tablesMagic) + 40, len(tablesFile) / 2, len(tablesFile) - 1} {
		bad := bytes.Clone(tablesFile)
		bad[at] ^= 0x10
		if tablesBody(bad, rs) != nil {
			t.Errorf("tables read with byte %d changed", at)
		}
		if p, ok := splitTables(bad); ok && readPatternIndex(p.patterns) != nil {
			t.Errorf("patterns read with byte %d changed", at)
		}
	}
	for _, n := range []int{0, len(tablesMagic) + 3, len(tablesMagic) + 4, len(tablesFile) - 1} {
		if tablesBody(tablesFile[:n], rs) != nil {
			t.Errorf("tables read cut to %d bytes", n)
		}
	}
}

// TestDecodeRulesTruncated: a body cut anywhere (past the CRC, which
// would refuse it first) fails to decode rather than panicking or
// decoding to something.
func TestDecodeRulesTruncated(t *testing.T) {
	exhaustive(t)
	rs := English()
	body := tablesBody(tablesFile, rs)
	step := max(1, len(body)/50)
	for n := 0; n < len(body); n += step {
		if _, ok := decodeRules(body[:n], rs); ok {
			t.Fatalf("decoded a body cut to %d of %d bytes", n, len(body))
		}
	}
}

// builtEngine is the engine over the built-in rules built the long way,
// without the tables.
var builtEngine = sync.OnceValue(func() *Engine { return newEngine(English(), false) })

// compareTablesScan checks that the engine read from the tables finds
// what the engine built the long way finds in text.
func compareTablesScan(t *testing.T, text string) {
	t.Helper()
	wins := Windows(text, 0, len(text), nil)
	got := Default().Scan(text, wins, nil)
	want := builtEngine().Scan(text, wins, nil)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%q: from the tables %+v, built %+v", text, got, want)
	}
}

// TestTablesScan: the engines from the tables and built the long way
// find the same mentions in the test texts (the corpora when present),
// the tricky texts and random texts.
func TestTablesScan(t *testing.T) {
	exhaustive(t)
	for _, text := range append(dfaTrickyTexts(), testTexts(t)...) {
		compareTablesScan(t, text)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 300 {
		compareTablesScan(t, randomCandidateText(rng))
	}
}

// FuzzTablesScan compares the engine read from the tables with the one
// built the long way on random text.
func FuzzTablesScan(f *testing.F) {
	for _, s := range dfaTrickyTexts() {
		if len(s) < 300 {
			f.Add(s)
		}
	}
	f.Add("On Tuesday, March 5, 2024 at 10 p.m. GMT, three days ago, the 1990s and mid-2010.")
	f.Add("ſince 1994 and the ſecond day; 5 \u212Am away on Sunday.")
	f.Add("Le 5 mars 2024 – à 10 h, Zürich: Jänner 1990, the 1990’s, 3 p.m. éte")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1000 {
			return
		}
		compareTablesScan(t, text)
	})
}

// tablesBody returns the rules' part of file when file holds the tables
// of rs and is intact, nil otherwise.
func tablesBody(file []byte, rs []*Rule) []byte {
	p, ok := splitTables(file)
	return rulesPart(p, ok, rs)
}
