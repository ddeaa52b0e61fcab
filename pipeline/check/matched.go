package check

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

// matchedNote is the work every pack rule needs, done once per note and
// pack: the prose tokenized, cut into blocks and sentences, the pack's
// forms matched (leftmost-longest, over the whole pack at once, so the
// entries of different rules never overlap), the lists each sentence and
// block names, and the tokens that may be numbers. Each rule asks for it
// with rule.ResultOf and reads it; none reports another's findings.
var matchedNote = &rule.Analysis[*matched]{
	Name: "the note's prose tokenized and matched against the pack",
	Run:  matchNote,
}

// matchedOf returns the pass's matched note, or nil when there is no
// pack to match against.
func matchedOf(pass *rule.Pass) *matched {
	return rule.ResultOf(pass, matchedNote)
}

// A matched note: see matchedNote. Its tables are per token, indexed as
// toks. It also holds the scratch buffers of the questions rules ask of
// it (stems, shapes, nouns), reused from question to question: a note is
// checked by one goroutine.
type matched struct {
	tokenized // the note's text and tokens
	n         *note.Note
	p         *pack.Pack
	m         *matcher
	blocks    []blockInfo
	matches   []match
	wrong     []int32  // the matches of no correct form, which rules report
	covered   coverage // which match covers each token (coveredBy)
	sents     []sentence
	numbers   []int32  // the tokens that may be numbers, for counts
	ctx       []uint64 // per block: lists named above it (blockContexts)
	uses      []use    // the correct forms the course rules look at
	useBuf    []use    // uses, until keepUses copies them

	// stemOf holds the stems computed, by the word's norm: few words of
	// a note need one, and a word is stemmed once however often it is
	// written (a table per token would take 4 bytes a word).
	stemOf   map[string]string
	hist     []bool // per block: in a passage about earlier editions
	histDone bool   // hist is computed
	whole    []wholeSentence
	wDone    bool // whole is computed

	nps     []nounPattern // nounsAt's result, reused
	words   []uint64      // definitions: the element stems of one sentence, a bit set
	others  []uint64      // definitions: words less the defined term's own stems (specificWords)
	stemBuf []string      // stems's result, reused
	folded  []byte        // a shape in lower case, reused
	cased   []byte        // a shape as written, reused
	msg     []byte        // a message being formatted, reused

	strs  *stringArena // the strings findings keep
	slabs slabs        // the fixes and uses findings and course rules keep
}

// A blockInfo is a paragraph or heading with its tokens, toks[from:to].
// It points at the note's block rather than copying it: a note of
// megabytes has a hundred thousand blocks.
type blockInfo struct {
	block    *note.Block
	from, to int
}

// A sentence is toks[from:to], with the lists it names.
type sentence struct {
	from, to int
	ctx      uint64 // lists named in the sentence (bit per list)
}

// A use is a correct form of a term or member written in the note, for the
// course-level rules (acronyms, one spelling per term): only of entries
// those rules look at (entry.courseUse).
//
// A course has many uses, so a use is kept small: indexes into the pack
// fit in 32 bits.
type use struct {
	start, end        int
	entry, base, infl int32
	acronym           bool
}

type matchStatus uint8

const (
	statusNone   matchStatus = iota
	statusOK                 // a correct form
	statusWrong              // a listed wrong form or variant
	statusDiffer             // a correct form's words with other separators
	statusCase               // a correct form in the wrong case
)

// A match is a pack pattern found at toks[from:to].
//
// Its fields are 32 bits, as a token's offsets are: a note of megabytes
// has a match every few words.
type match struct {
	from, to int32
	form     int32 // -1 when the words match but no form's spelling does
	sent     int32 // the index of its sentence (of toks[from])
	status   matchStatus
}

// usesKey keys a note's uses in its memo, which outlives the note's
// structure: the course rules read them after the note was checked.
type usesKey struct{ p *pack.Pack }

// usesOf returns the uses of n, for the course rules: kept on the note by
// the per-note check, or found now.
func usesOf(n *note.Note, p *pack.Pack) []use {
	return n.Memo(usesKey{p}, func() any {
		if m := matchedNote.Of(n, p); m != nil {
			return m.uses
		}
		return []use(nil)
	}).([]use)
}

// scratch pools the matched notes' per-token buffers: they are as large
// as the note, and reusing them keeps a course check from being a stream
// of large allocations for the garbage collector. A matched note goes
// back when its note compacts its structure (Release).
var scratch = sync.Pool{New: func() any { return &matched{strs: new(stringArena)} }}

// matchNote is matchedNote's Run.
func matchNote(n *note.Note, rp rule.Pack) *matched {
	p := packOf(pack.Of(rp))
	if p == nil {
		return nil
	}
	m := newMatched(n, p)
	m.analyze()
	n.Memo(usesKey{p}, func() any { return m.uses })
	return m
}

// newMatched returns a matched note of n to fill, from the pool.
func newMatched(n *note.Note, p *pack.Pack) *matched {
	m := scratch.Get().(*matched)
	m.n, m.text, m.p, m.m = n, n.Text, p, compile(p)
	return m
}

// analyze fills m.
func (m *matched) analyze() {
	m.tokenize()
	m.scan()
	m.ctx = m.blockContexts()
	m.keepUses()
}

// Release hands the buffers back, for the next note. The note calls it
// when it compacts its structure (note.Releaser): every rule has run
// then, and what they reported shares no buffer (findings keep strings
// of the arena and fixes and uses of the slabs, which are never reused).
// The buffers that hold pointers are cleared, so that they keep nothing
// of this note alive.
func (m *matched) Release() {
	if cap(m.toks) > pooledTokens {
		return // a note of megabytes: its buffers are left to the collector
	}
	clear(m.blocks)
	clear(m.stemOf)
	clear(m.stemBuf)
	*m = matched{
		tokenized: tokenized{toks: m.toks[:0], lower: m.lower[:0]},
		blocks:    m.blocks[:0], matches: m.matches[:0], wrong: m.wrong[:0], useBuf: m.useBuf[:0],
		covered: m.covered.reset(0), sents: m.sents[:0], numbers: m.numbers[:0], ctx: m.ctx[:0],
		stemOf: m.stemOf, hist: m.hist[:0], whole: m.whole[:0],
		nps: m.nps[:0], words: m.words[:0], stemBuf: m.stemBuf[:0],
		folded: m.folded[:0], cased: m.cased[:0], msg: m.msg[:0],
		strs: m.strs, slabs: m.slabs,
	}
	scratch.Put(m)
}

// bigNote is the size of text from which tokenize makes room for the
// most tokens the text can hold before it starts: the usual note needs
// no such count, and its room comes from the pool.
const bigNote = 1 << 20

// maxTokens counts the places in text where a token can start: an ASCII
// letter or digit, or the first byte of another character, after a byte
// that is no ASCII letter or digit; and every "&". A token ends only
// before a byte that is no ASCII letter or digit (or at an "&"), so the
// count is at least the tokens of the text's prose (TestMaxTokens). It
// is room, not a limit: were it short, append would grow the tokens.
func maxTokens(text []byte) int {
	n, prevWord := 0, false
	for _, c := range text {
		word := wordLower[c] != 0
		if c == '&' || (word || c >= 0xc0) && !prevWord {
			n++
		}
		prevWord = word
	}
	return n
}

// pooledTokens is the most tokens a matched note's buffers may hold to go
// back to the pool: the notes of a course are small, and the buffers of a
// note of megabytes, kept for the next note, would hold many times its
// size until two collections have passed.
const pooledTokens = 1 << 16

// grow returns buf with length n, zeroed, reusing its storage.
func grow[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

func (m *matched) tokenize() {
	if len(m.text) >= bigNote {
		// Grown by append, the tokens of a note of megabytes would be
		// held twice while they are copied to more room, and end with a
		// quarter more room than they need.
		m.toks = slices.Grow(m.toks[:0], maxTokens(m.text))
	}
	// Tokens hold offsets, not the norms themselves (see token).
	lower := m.lower[:0]
	blocks := m.n.Blocks()
	m.blocks = slices.Grow(m.blocks[:0], len(blocks))
	for bi := range blocks {
		b := &blocks[bi]
		if b.Kind != note.Paragraph && b.Kind != note.Heading {
			continue
		}
		from := len(m.toks)
		m.toks, lower = tokenizeBlock(m.toks, m.text, m.n.ProseAt(bi), lower, m.m.vocab)
		if len(m.toks) > from {
			m.blocks = append(m.blocks, blockInfo{block: b, from: from, to: len(m.toks)})
		}
	}
	m.lower = lower
	m.covered = m.covered.reset(len(m.toks))
}

// scan makes one pass over the tokens. It matches the pack's forms,
// leftmost-longest; splits the tokens into sentences and marks the lists
// each one names (by a noun such as "guiding principles" or a context
// word); and lists the tokens that may be numbers, for counts.
func (m *matched) scan() {
	// The slices read for every token are kept in variables: m's fields
	// would be read again after each store to the per-token tables.
	toks, info, text := m.toks, m.m.vocab.info, m.text
	if len(text) >= bigNote {
		// As tokenize makes room for the tokens: the sentences, counted.
		n := 0
		for i := range toks {
			if toks[i].sent() || i == 0 {
				n++
			}
		}
		m.sents = slices.Grow(m.sents[:0], n)
	}
	matchedTo := 0 // the end of the last match
	for i := range toks {
		t := &toks[i]
		if t.sent() || i == 0 {
			if len(m.sents) > 0 {
				m.sents[len(m.sents)-1].to = i
			}
			m.sents = append(m.sents, sentence{from: i})
		}
		w := &info[t.word()]
		// A number is a number word or digits: a word whose first byte is
		// an ASCII digit (no other letter lower-cases to one).
		if c := text[t.start]; w.number != 0 || c >= '0' && c <= '9' {
			m.numbers = append(m.numbers, int32(i))
		}
		if w.start == 0 {
			continue // nothing starts with the word, as with most
		}
		if i >= matchedTo {
			if id, l := m.m.matchAt(toks, i, w.node); id >= 0 {
				mt := m.classify(id, i, i+l)
				mt.sent = int32(len(m.sents) - 1)
				if mt.form >= 0 && mt.status != statusOK {
					m.wrong = append(m.wrong, int32(len(m.matches)))
				}
				m.matches = append(m.matches, mt)
				m.covered.add(i, i+l)
				matchedTo = i + l
			}
		}
		if w.nouns {
			s := &m.sents[len(m.sents)-1]
			for _, np := range m.nounsAt(i, false) {
				if np.list < 64 {
					s.ctx |= 1 << np.list
				}
			}
		}
	}
	if len(m.sents) > 0 {
		m.sents[len(m.sents)-1].to = len(toks)
	}
	m.covered.count()
}

// coveredBy returns the index+1 of the match covering toks[k], 0 for none.
func (m *matched) coveredBy(k int) int { return m.covered.of(k) }

// A coverage tells which match covers each token: two bits a token and a
// count every 64 tokens, where a table of match indexes would take 4
// bytes a token of a note of megabytes. The matches are in order and do
// not overlap, so the match covering a token is the last one to start at
// or before it: its index+1 is the number of matches starting there or
// before.
type coverage []coverWord

// A coverWord covers 64 tokens, from toks[64*w] for the w-th.
type coverWord struct {
	covered uint64 // bit j: the word's token j is in a match
	starts  uint64 // bit j: a match starts at the word's token j
	before  int32  // the matches starting before the word's first token
}

// reset makes room for n tokens, none covered, reusing the storage.
func (c coverage) reset(n int) coverage { return grow(c, (n+63)/64) }

// add records a match of toks[from:to], after the matches added before.
func (c coverage) add(from, to int) {
	c[uint(from)/64].starts |= 1 << (uint(from) % 64)
	for k := uint(from); k < uint(to); k++ {
		c[k/64].covered |= 1 << (k % 64)
	}
}

// count fills in before, once every match is added.
func (c coverage) count() {
	n := int32(0)
	for w := range c {
		c[w].before = n
		n += int32(bits.OnesCount64(c[w].starts))
	}
}

// of returns the index+1 of the match covering toks[k], 0 for none.
func (c coverage) of(k int) int {
	w, b := &c[uint(k)/64], uint(k)%64
	if w.covered>>b&1 == 0 {
		return 0
	}
	return int(w.before) + bits.OnesCount64(w.starts<<(63-b))
}

// classify decides how the text matched by pattern id is written.
func (m *matched) classify(id, from, to int) match {
	pat := &m.m.patterns[id]
	mt := match{from: int32(from), to: int32(to), form: -1}
	// The text has the pattern's words: a form compared case-blind
	// matches it when the separators are the same.
	for _, fid := range pat.forms {
		f := &m.m.forms[fid]
		if f.class != wrongForm && (f.cs && m.shapeEq(from, to, f.shape, false) || !f.cs && m.gapsEq(from, f.gaps)) {
			mt.form, mt.status = int32(fid), statusOK
			return mt
		}
	}
	if fid := m.wrongFormOf(pat, from, to); fid >= 0 {
		mt.form, mt.status = int32(fid), statusWrong
		return mt
	}
	m.folded = m.appendShape(m.folded[:0], from, to, true)
	for _, fid := range pat.forms {
		f := &m.m.forms[fid]
		if f.class != wrongForm && f.cs && strings.EqualFold(string(m.folded), f.shape) {
			if f.acronym && !f.strict {
				return mt // "sla" is not the acronym SLA
			}
			mt.form, mt.status = int32(fid), statusCase
			return mt
		}
	}
	// The words of a correct form with other separators: "ITIL-4",
	// "co creation". Only for product names and forms that are written
	// with a hyphen or slash; a hyphen added to a spaced term is usually
	// a compound adjective ("value-stream mapping").
	for _, fid := range pat.forms {
		f := &m.m.forms[fid]
		if f.class != wrongForm && !f.acronym && (f.strict || strings.ContainsAny(f.shape, "-/")) {
			mt.form, mt.status = int32(fid), statusDiffer
			return mt
		}
	}
	return mt
}

// wrongFormOf returns the wrong form of pat written at toks[from:to], or
// -1.
func (m *matched) wrongFormOf(pat *pattern, from, to int) int {
	casedDone := false
	for _, fid := range pat.forms {
		f := &m.m.forms[fid]
		if f.class != wrongForm {
			continue
		}
		if f.cs && !casedDone {
			m.cased = m.appendShape(m.cased[:0], from, to, false)
			casedDone = true
		}
		if f.cs && string(m.cased) == f.shape || !f.cs && m.gapsEq(from, f.gaps) {
			return fid
		}
	}
	return -1
}

// keepUses lists the uses, sized exactly and carved from a slab instead
// of a chain of growing allocations: the course rules keep them.
func (m *matched) keepUses() {
	uses := m.useBuf[:0]
	for _, mt := range m.matches {
		if mt.form < 0 || mt.status != statusOK && mt.status != statusCase {
			continue
		}
		f := &m.m.forms[mt.form]
		if e := &m.m.entries[f.entry]; e.kind != phraseEntry && e.courseUse {
			uses = append(uses, use{entry: int32(f.entry), base: int32(f.base), infl: int32(f.infl),
				start: int(m.toks[mt.from].start), end: int(m.toks[mt.to-1].end), acronym: f.acronym})
		}
	}
	m.useBuf = uses
	m.uses = carve(&m.slabs.uses, len(uses), 512)
	copy(m.uses, uses)
}

// blockOf returns the index of the block of toks[i].
func (m *matched) blockOf(i int) int {
	bi, _ := slices.BinarySearchFunc(m.blocks, i, func(b blockInfo, i int) int { return cmp.Compare(b.to-1, i) })
	return bi
}

// entryOf returns the form and entry a match found.
func (m *matched) entryOf(mt *match) (*form, *entry) {
	f := &m.m.forms[mt.form]
	return f, &m.m.entries[f.entry]
}

// blockContexts returns, per block, the lists named by the headings above
// it and, for a list item, by the paragraph that introduces the list.
func (m *matched) blockContexts() []uint64 {
	out := grow(m.ctx, len(m.blocks))
	type level struct {
		level int
		bits  uint64
	}
	stack := make([]level, 0, 8) // headings nest six deep
	var items []level            // the list items open above, by indentation
	var intro uint64
	si := 0 // the sentence of the block's first token: blocks are in order
	for bi, b := range m.blocks {
		var own uint64
		if b.from < b.to {
			for m.sents[si].to <= b.from {
				si++
			}
			for s := si; s < len(m.sents) && m.sents[s].from < b.to; s++ {
				own |= m.sents[s].ctx
			}
		}
		var above uint64
		if b.block.Kind == note.Heading {
			for len(stack) > 0 && stack[len(stack)-1].level >= b.block.Level {
				stack = stack[:len(stack)-1]
			}
			for _, l := range stack {
				above |= l.bits
			}
			stack = append(stack, level{b.block.Level, own})
			intro = 0
			out[bi] = above
			continue
		}
		for _, l := range stack {
			above |= l.bits
		}
		if b.block.InList {
			// A nested item is read under the items that hold it: "What
			// does the value chain's Engage take in?" above "- ...
			// from **design & transition**".
			in := m.itemIndent(bi)
			for len(items) > 0 && items[len(items)-1].level >= in {
				items = items[:len(items)-1]
			}
			var parents uint64
			for _, l := range items {
				parents |= l.bits
			}
			items = append(items, level{in, own})
			out[bi] = above | intro | own | parents
			continue
		}
		items = items[:0]
		intro = own
		out[bi] = 0
	}
	return out
}

// startOf is the starter of toks[i]'s word, 0 if nothing starts with it.
func (m *matched) startOf(i int) int32 { return m.m.vocab.info[m.toks[i].word()].start }

// stemAt is the stem of toks[i], computed once for its word.
func (m *matched) stemAt(i int) string {
	norm := m.norm(i)
	if st, ok := m.stemOf[string(norm)]; ok {
		return st
	}
	if m.stemOf == nil {
		m.stemOf = map[string]string{}
	}
	word := m.strs.bytes(norm)
	st := stemToken(word)
	m.stemOf[word] = st
	return st
}

// stems returns the stems of toks[from:to], valid until the next call.
func (m *matched) stems(from, to int) []string {
	out := m.stemBuf[:0]
	for k := from; k < to; k++ {
		out = append(out, m.stemAt(k))
	}
	m.stemBuf = out
	return out
}

// nounsAt returns the longest list nouns at toks[i], valid until the next
// call.
func (m *matched) nounsAt(i int, countOnly bool) []nounPattern {
	m.nps = m.m.nounAt(m.nps[:0], m.toks, i, m.startOf(i), countOnly, m.text)
	return m.nps
}

// sentenceOf returns mt's sentence.
func (m *matched) sentenceOf(mt *match) sentence { return m.sents[mt.sent] }

// sentOf returns the index of toks[i]'s sentence. It is searched for, not
// kept per token: a match keeps its own, the rules ask it of few other
// tokens, and a table of a note of megabytes would take 4 bytes a word.
func (m *matched) sentOf(i int) int {
	s, _ := slices.BinarySearchFunc(m.sents, i, func(s sentence, i int) int { return cmp.Compare(s.to-1, i) })
	return s
}

// written is the text of toks[from:to] as written.
func (m *matched) written(from, to int) string {
	return m.strs.bytes(m.text[m.toks[from].start:m.toks[to-1].end])
}

// span is the byte range of toks[from:to].
func (m *matched) span(from, to int) (int, int) {
	return int(m.toks[from].start), int(m.toks[to-1].end)
}

// msgf formats a message as fmt.Sprintf does, for formats with only %s
// and %q verbs and string arguments (rule.AppendMessagef): fmt boxes each
// argument, and a note can have many findings. The message is kept in the
// string arena.
func (m *matched) msgf(format string, args ...string) string {
	m.msg = rule.AppendMessagef(m.msg[:0], format, args...)
	return m.strs.bytes(m.msg)
}

// matchCase gives repl the capital of the text it replaces, when repl
// starts in lower case and the text in upper case (a sentence start).
func matchCase(written, repl string) string {
	w, _ := utf8.DecodeRuneInString(written)
	r, size := utf8.DecodeRuneInString(repl)
	if unicode.IsUpper(w) && unicode.IsLower(r) {
		return string(unicode.ToUpper(r)) + repl[size:]
	}
	return repl
}

// A wording is a fix with its one edit, carved from a slab.
type wording struct {
	fix  rule.Fix
	edit [1]edit.Edit
}

// fix returns the wording fix that writes repl at text[start:end].
func (m *matched) fix(start, end int, repl string) *rule.Fix {
	return m.newFix(m.msgf("write %q", repl), start, end, repl)
}

// newFix returns a wording fix of one edit, carved from a slab: a note
// has a finding every few hundred bytes, and a course thousands of notes.
func (m *matched) newFix(message string, start, end int, repl string) *rule.Fix {
	w := &carve(&m.slabs.fixes, 1, 128)[0]
	w.edit[0] = edit.Edit{Start: start, End: end, New: repl}
	w.fix = rule.Fix{Message: message, Kind: rule.Wording, Edits: w.edit[:]}
	return &w.fix
}

// report hands pass a finding at toks[from:to]; sev 0 is the rule's.
func (m *matched) report(pass *rule.Pass, sev rule.Severity, from, to int, msg string, fix *rule.Fix) {
	start, end := m.span(from, to)
	pass.Report(rule.Finding{Severity: sev, Message: msg, Start: start, End: end, Fix: fix})
}

// slabs hand out the memory that findings and course rules keep (fixes,
// uses), a part of a block at a time. A part is handed out once and never
// reused, unlike the matched note's buffers, so a block lives as long as
// anything carved from it.
type slabs struct {
	fixes []wording
	uses  []use
}

// carve returns n zeroed elements from the front of *slab, which gets a
// fresh block of max(n, block) elements when it has too few; nil for
// none. The result's capacity is n, so appending to it cannot reach the
// next part.
func carve[T any](slab *[]T, n, block int) []T {
	if n == 0 {
		return nil
	}
	if len(*slab) < n {
		*slab = make([]T, max(n, block))
	}
	part := (*slab)[:n:n]
	*slab = (*slab)[n:]
	return part
}

// A stringArena makes the strings that findings keep (messages, fix
// texts) from bytes, without an allocation each: they are written one
// after another into a strings.Builder, whose bytes are never written
// again once a string views them (it appends, and grows by copying into
// new memory). A full builder is left to the strings that view it and a
// new one started. A string of the arena thus stays as it is for as long
// as it is used, after any later note is analysed.
type stringArena struct{ b *strings.Builder }

const arenaBlock = 16 << 10

// bytes returns b as a string of the arena.
func (a *stringArena) bytes(b []byte) string {
	a.room(len(b))
	from := a.b.Len()
	a.b.Write(b)
	return a.b.String()[from:]
}

// room makes room for n bytes without the builder growing.
func (a *stringArena) room(n int) {
	if a.b == nil || a.b.Cap()-a.b.Len() < n {
		a.b = new(strings.Builder)
		a.b.Grow(max(n, arenaBlock))
	}
}
