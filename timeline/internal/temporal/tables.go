package temporal

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/binary"
	"hash/crc32"
	"regexp/syntax"
	"strconv"
	"sync"
)

// Tables made at build time. Preparing the built-in rules (their
// caseless variants, clauses, starters, start DFAs by subset
// construction and minimization, submatch programs, the literal
// automaton, what the scan reads from the DFAs) is most of a short
// run's time, and its products depend on the rules' expressions alone;
// so are the starters of the expressions the timeline package compiles
// with MustCompile when it starts. `go generate` writes them to
// engine_tables.bin, which is embedded; New decodes them when the rules
// are exactly those they were made from, MustCompile when its pattern is
// one of theirs, and both build as before otherwise. The rules stay when
// rules, and the derived structures are the same values either way (see
// tables_test.go, which also checks that the file is fresh).
//
// The file: tablesMagic, a CRC of the rest; the key of the rule set
// (counted) and
// the rules' part (for each rule, its prepared pieces in the order of
// tableWriter's calls in tables_test.go, then the literal automaton);
// then the limits the patterns' starters were built under and the
// patterns, each with its starter.
// Integers are little-endian.

//go:generate go test -run ^TestTablesFresh$ -update-tables

//go:embed engine_tables.bin
var tablesFile []byte

// tablesMagic starts the file; its last byte is the format version.
const tablesMagic = "evtltab\x03"

// ruleSetKey is what the tables of rs depend on beyond the code: the
// expressions in order, and the limits that tests vary. The file holds
// the key itself, not a digest of it: comparing some 21 KB is cheaper
// than hashing them as every process starts, and no change escapes it.
func ruleSetKey(rs []*Rule) []byte {
	k := appendKeyHead(nil, len(rs))
	for _, r := range rs {
		k = appendKeyRule(k, r.source())
	}
	return k
}

// appendKeyHead appends the key's first line: the format and the
// limits.
func appendKeyHead(k []byte, rules int) []byte {
	k = append(k, tablesMagic...)
	for _, n := range []int{rules, maxDFAStates, subMinInst} {
		k = append(k, ' ')
		k = strconv.AppendInt(k, int64(n), 10)
	}
	return append(k, '\n')
}

// appendKeyRule appends a rule's expression, after its length.
func appendKeyRule(k []byte, src string) []byte {
	k = strconv.AppendInt(k, int64(len(src)), 10)
	k = append(k, ':')
	return append(k, src...)
}

// keyMatches says whether key is ruleSetKey(rs), piece by piece
// without building it.
func keyMatches(key []byte, rs []*Rule) bool {
	var buf [64]byte
	head := appendKeyHead(buf[:0], len(rs))
	if !bytes.HasPrefix(key, head) {
		return false
	}
	key = key[len(head):]
	for _, r := range rs {
		src := r.source()
		n := strconv.AppendInt(buf[:0], int64(len(src)), 10)
		if !bytes.HasPrefix(key, n) || len(key) <= len(n) || key[len(n)] != ':' {
			return false
		}
		key = key[len(n)+1:]
		if len(key) < len(src) || string(key[:len(src)]) != src {
			return false
		}
		key = key[len(src):]
	}
	return len(key) == 0
}

// tableParts are the parts of a tables file.
type tableParts struct {
	key      []byte
	rules    []byte
	patterns []byte
}

// splitTables returns the parts of file, or ok false when it is not a
// tables file of this format or fails its CRC.
func splitTables(file []byte) (p tableParts, ok bool) {
	if p, ok = splitUnchecked(file); !ok {
		return p, false
	}
	n := len(tablesMagic)
	if binary.LittleEndian.Uint32(file[n:]) != crc32.ChecksumIEEE(file[n+4:]) {
		return tableParts{}, false
	}
	return p, true
}

// splitUnchecked is splitTables without the CRC.
func splitUnchecked(file []byte) (p tableParts, ok bool) {
	n := len(tablesMagic)
	if len(file) < n+4 || string(file[:n]) != tablesMagic {
		return p, false
	}
	r := &tableReader{b: file[n+4:]}
	p.key = r.take(r.count(1))
	p.rules = r.take(r.count(1))
	p.patterns = r.b
	return p, !r.bad
}

// embeddedTables is splitTables of the embedded file, checked once.
var embeddedTables = sync.OnceValues(func() (tableParts, bool) { return splitTables(tablesFile) })

func rulesPart(p tableParts, ok bool, rs []*Rule) []byte {
	if !ok {
		return nil
	}
	if !keyMatches(p.key, rs) {
		return nil
	}
	return p.rules
}

// tabledRules is what the tables hold for a rule set: what prepareRules
// returns, and the literal automaton that prepare makes of the clauses.
type tabledRules struct {
	prep []prepared
	css  [][][]string
	lits *matcher
}

// prepareFromTables reads the tables of rs from the embedded file, or
// returns ok false when it does not hold them.
func prepareFromTables(rs []*Rule) (t tabledRules, ok bool) {
	p, ok := embeddedTables()
	body := rulesPart(p, ok, rs)
	if body == nil {
		return t, false
	}
	return decodeRules(body, rs)
}

// decodeRules reads the tables of rs from body.
func decodeRules(body []byte, rs []*Rule) (t tabledRules, ok bool) {
	r := &tableReader{b: body}
	if r.count(1) != len(rs) {
		return t, false
	}
	t.prep = make([]prepared, len(rs))
	t.css = make([][][]string, len(rs))
	for i, rule := range rs {
		t.prep[i], t.css[i] = r.rule(rule)
		if r.bad {
			return tabledRules{}, false
		}
	}
	t.lits = r.matcher()
	if r.bad || len(r.b) != 0 {
		return tabledRules{}, false
	}
	return t, true
}

func (r *tableReader) matcher() *matcher {
	m := &matcher{}
	copy(m.class[:], r.take(256))
	m.nclass = r.count(0)
	if r.u8() != 0 {
		m.delta16 = r.u16s()
	} else {
		m.delta = r.i32s()
	}
	m.outStart = r.i32s()
	m.out = r.i32s()
	return m
}

// The flags of a rule in the tables.
const (
	tabFast = 1 << iota
	tabStart
	tabStartOrig
)

func (r *tableReader) rule(rule *Rule) (p prepared, clauses [][]string) {
	p.Rule = rule
	flags := r.u8()
	if flags&tabFast != 0 {
		// the source caselessOf compiled, which compiles on first use
		p.fast = &lazyRegexp{src: r.str()}
		p.fastSearch = &lazySub{re: p.fast}
	}
	clauses = r.clauses()
	if flags&tabStart != 0 {
		if p.fast == nil {
			r.bad = true
			return p, nil
		}
		p.start = r.starter(p.fast)
	}
	if flags&tabStartOrig != 0 {
		p.startOrig = r.starter(rule.lazyRegexp())
	}
	// what scanTables reads from the starter it runs
	if st := cmp.Or(p.start, p.startOrig); st != nil {
		p.scan = r.scanInfo(st)
	}
	p.search = &lazySub{re: rule.lazyRegexp()}
	return p, clauses
}

// scanInfo reads what st.scanInfoOf returns.
func (r *tableReader) scanInfo(st *starter) *scanInfo {
	si := &scanInfo{use: wsUse(r.u8())}
	for k := range si.lead {
		for w := range si.lead[k] {
			si.lead[k][w] = r.u64()
		}
	}
	if r.u8() != 0 {
		if st.dfa == nil {
			r.bad = true
			return nil
		}
		si.class, si.nclass = &st.dfa.class, r.count(0)
		si.pairs = [2][]uint64{r.u64s(), r.u64s()}
	}
	return si
}

func (r *tableReader) clauses() [][]string {
	n := r.count(4)
	if n == 0 {
		return nil
	}
	cs := make([][]string, n)
	for i := range cs {
		c := make([]string, r.count(4))
		for j := range c {
			c[j] = r.str()
		}
		cs[i] = c
	}
	return cs
}

// starter reads what newStarter(re) returns.
func (r *tableReader) starter(re *lazyRegexp) *starter {
	st := &starter{re: re, pre: &lazyTrie{re: re}}
	for i, b := range r.take(32) {
		for k := range 8 {
			st.first[i*8+k] = b&(1<<k) != 0
		}
	}
	st.wordStart = r.u8() != 0
	st.anch = &lazyRegexp{src: r.str()}
	if r.u8() != 0 {
		st.anchW = &lazyRegexp{src: r.str()}
	}
	st.dfa = r.dfa()
	st.udfa = r.dfa()
	st.sub = r.subProg()
	return st
}

func (r *tableReader) dfa() *dfa {
	if r.u8() == 0 {
		return nil
	}
	d := &dfa{}
	copy(d.class[:], r.take(256))
	d.nclass = r.count(0)
	d.trans = r.u16s()
	d.final = r.bools()
	d.start = [2]uint16{r.u16(), r.u16()}
	for k := range d.skip {
		// eight bytes a load
		p := r.take(256)
		for c := 0; c+8 <= len(p); c += 8 {
			x := binary.LittleEndian.Uint64(p[c:])
			o := d.skip[k][c : c+8 : c+8]
			o[0], o[1], o[2], o[3] = int8(x), int8(x>>8), int8(x>>16), int8(x>>24)
			o[4], o[5], o[6], o[7] = int8(x>>32), int8(x>>40), int8(x>>48), int8(x>>56)
		}
	}
	copy(d.after[:], r.take(256))
	return d
}

func (r *tableReader) subProg() *subProg {
	if r.u8() == 0 {
		return nil
	}
	sp := &subProg{}
	n := r.count(16)
	sp.inst = make([]subInst, n)
	le := binary.LittleEndian
	blk := r.take(16 * n)
	if r.bad {
		return nil
	}
	// an instruction is two little-endian words: op, lead, join and
	// out; arg, mask and outMask
	for i := range sp.inst {
		p := blk[16*i : 16*i+16 : 16*i+16]
		x, y := le.Uint64(p), le.Uint64(p[8:])
		sp.inst[i] = subInst{
			op: syntax.InstOp(x), lead: uint8(x >> 8), join: uint16(x >> 16), out: int32(x >> 32),
			arg: int32(y), mask: uint16(y >> 32), outMask: uint16(y >> 48),
		}
	}
	sp.start = int32(r.u32())
	sp.ncap = r.count(0)
	sp.njoin = r.count(0)
	if n := r.count(16); n > 0 {
		sp.masks = make([][2]uint64, n)
		blk := r.take(16 * n)
		if r.bad {
			return nil
		}
		for i, p := 0, blk; i < n; i, p = i+1, p[16:] {
			sp.masks[i] = [2]uint64{le.Uint64(p), le.Uint64(p[8:])}
		}
	}
	if n := r.count(32); n > 0 {
		sp.alts = make([][4]uint64, n)
		blk := r.take(32 * n)
		if r.bad {
			return nil
		}
		for i, p := 0, blk; i < n; i, p = i+1, p[32:] {
			sp.alts[i] = [4]uint64{le.Uint64(p), le.Uint64(p[8:]), le.Uint64(p[16:]), le.Uint64(p[24:])}
		}
	}
	sp.first = r.u16()
	sp.firstLead = r.u8()
	sp.tabled = r.tabledProg()
	sp.pairAlts()
	return sp
}

// tabledProg is a compiled program in the tables, checked as it is
// read and decoded on first use: the backtracker reads it for text
// outside ASCII alone.
type tabledProg struct {
	b    []byte
	once sync.Once
	prog *syntax.Prog
}

func (t *tabledProg) get() *syntax.Prog {
	t.once.Do(func() { t.prog = (&tableReader{b: t.b}).prog() })
	return t.prog
}

// program returns sp's compiled program.
func (sp *subProg) program() *syntax.Prog {
	if sp.prog == nil && sp.tabled != nil {
		return sp.tabled.get()
	}
	return sp.prog
}

// tabledProg reads past a compiled program, checking what prog would,
// and returns its bytes for prog to decode later.
func (r *tableReader) tabledProg() *tabledProg {
	from := r.b
	n := r.count(13)
	pool := r.count(4)
	r.take(4 * pool)
	blk := r.take(13 * n)
	r.count(0)
	r.count(0)
	if r.bad {
		return nil
	}
	// the rune lists must fit in the pool
	for b := blk; len(b) >= 13; b = b[13:] {
		if k := int(binary.LittleEndian.Uint32(b[9:])); k > 0 {
			if k-1 > pool {
				r.bad = true
				return nil
			}
			pool -= k - 1
		}
	}
	return &tabledProg{b: from[:len(from)-len(r.b)]}
}

// prog reads a compiled program; a rune list is nil or not as
// syntax.Compile left it. The lists share one array.
func (r *tableReader) prog() *syntax.Prog {
	n := r.count(13)
	p := &syntax.Prog{Inst: make([]syntax.Inst, n)}
	pool := r.runes()
	le := binary.LittleEndian
	blk := r.take(13 * n)
	if r.bad {
		return nil
	}
	for i, b := 0, blk; i < n; i, b = i+1, b[13:] {
		in := &p.Inst[i]
		in.Op = syntax.InstOp(b[0])
		in.Out = le.Uint32(b[1:])
		in.Arg = le.Uint32(b[5:])
		if k := int(le.Uint32(b[9:])); k > 0 {
			if k-1 > len(pool) {
				r.bad = true
				return nil
			}
			in.Rune, pool = pool[:k-1:k-1], pool[k-1:]
		}
	}
	p.Start = r.count(0)
	p.NumCap = r.count(0)
	return p
}

// tableReader decodes the tables. Past the end or on a count that
// cannot fit, it sets bad and returns zeros; the caller then builds.
type tableReader struct {
	b   []byte
	bad bool
}

func (r *tableReader) take(n int) []byte {
	if r.bad || n < 0 || n > len(r.b) {
		r.bad = true
		return nil
	}
	p := r.b[:n:n]
	r.b = r.b[n:]
	return p
}

func (r *tableReader) u8() byte {
	if p := r.take(1); p != nil {
		return p[0]
	}
	return 0
}

func (r *tableReader) u16() uint16 {
	if p := r.take(2); p != nil {
		return binary.LittleEndian.Uint16(p)
	}
	return 0
}

func (r *tableReader) u32() uint32 {
	if p := r.take(4); p != nil {
		return binary.LittleEndian.Uint32(p)
	}
	return 0
}

func (r *tableReader) u64() uint64 {
	if p := r.take(8); p != nil {
		return binary.LittleEndian.Uint64(p)
	}
	return 0
}

// count reads a length of items of size bytes each, refusing one that
// the rest of the tables could not hold.
func (r *tableReader) count(size int) int {
	n := int(r.u32())
	if size > 0 && n > len(r.b)/size {
		r.bad = true
		return 0
	}
	return n
}

func (r *tableReader) str() string { return string(r.take(r.count(1))) }

// u16s reads a list of uint16, eight to a round of two loads: the DFA
// tables are most of the file.
func (r *tableReader) u16s() []uint16 {
	p := r.take(2 * r.count(2))
	v := make([]uint16, len(p)/2)
	le := binary.LittleEndian
	i := 0
	for ; i+8 <= len(v); i += 8 {
		b := p[2*i : 2*i+16 : 2*i+16]
		x, y := le.Uint64(b), le.Uint64(b[8:])
		o := v[i : i+8 : i+8]
		o[0], o[1], o[2], o[3] = uint16(x), uint16(x>>16), uint16(x>>32), uint16(x>>48)
		o[4], o[5], o[6], o[7] = uint16(y), uint16(y>>16), uint16(y>>32), uint16(y>>48)
	}
	for ; i < len(v); i++ {
		v[i] = le.Uint16(p[2*i:])
	}
	return v
}

func (r *tableReader) u64s() []uint64 {
	p := r.take(8 * r.count(8))
	v := make([]uint64, len(p)/8)
	for i := range v {
		v[i] = binary.LittleEndian.Uint64(p[8*i:])
	}
	return v
}

func (r *tableReader) i32s() []int32 {
	p := r.take(4 * r.count(4))
	v := make([]int32, len(p)/4)
	for i := range v {
		v[i] = int32(binary.LittleEndian.Uint32(p[4*i:]))
	}
	return v
}

func (r *tableReader) bools() []bool {
	p := r.take(r.count(1))
	v := make([]bool, len(p))
	for i, b := range p {
		v[i] = b != 0
	}
	return v
}

func (r *tableReader) runes() []rune {
	p := r.take(4 * r.count(4))
	v := make([]rune, len(p)/4)
	for i := range v {
		v[i] = rune(binary.LittleEndian.Uint32(p[4*i:]))
	}
	return v
}
