package check

import (
	"cmp"
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

// An analysis is everything the pack-driven rules find in one note,
// computed in one pass over its tokens and shared by all rules: each
// rule's Run only hands on its own findings. Doing it once keeps a check
// with every rule as fast as one rule, and lets overlapping entries of
// different rules give a single finding.
type analysis struct {
	findings []rule.Finding
	uses     []use
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

type match struct {
	from, to int // token range
	form     int
	status   matchStatus
}

type blockInfo struct {
	block    note.Block
	from, to int
}

// analysisKey keys a note's analysis in its memo: one per pack, since a
// note can be checked against more than one.
type analysisKey struct{ p *pack.Pack }

// analyze returns the note's analysis, computed once per note and pack and
// kept on the note: lint runs every rule on one note in turn, and the
// course-level rules read the same analyses after every note was checked.
func analyze(n *note.Note, p *pack.Pack) *analysis {
	return n.Memo(analysisKey{p}, func() any {
		an := newAnalyzer(n, p)
		a := an.run()
		an.release()
		return a
	}).(*analysis)
}

type analyzer struct {
	tokenized // the note's text and tokens
	n         *note.Note
	p         *pack.Pack
	m         *matcher
	blocks    []blockInfo
	matches   []match
	covered   []int32  // per token: index+1 of the match covering it
	sentOf    []int32  // per token: index of its sentence
	stemOf    []int32  // per token: index+1 of its stem in stemList, once computed
	stemList  []string // the stems computed, few: most words need none
	numbers   []int32  // the tokens that may be numbers, for counts
	ctx       []uint64 // per block: lists named above it
	sents     []sentence
	nps       []nounPattern  // nounsAt's result, reused
	words     []uint64       // definitions: the element stems of one sentence, a bit set
	hist      []bool         // per block: in a passage about earlier editions
	histDone  bool           // hist is computed
	found     []rule.Finding // the findings, until resolve keeps some
	fixes     []wording      // the findings' fixes, until own copies the kept ones
	msg       []byte         // the findings' strings, until own copies the kept ones
	stemBuf   []string       // stems's result, reused
	folded    []byte         // a shape in lower case, reused
	cased     []byte         // a shape as written, reused
	out       analysis
	slabs     slabs // what the analyses keep, carved from blocks
}

type sentence struct {
	from, to int
	ctx      uint64 // lists named in the sentence
}

// scratch pools the analyzers' per-token buffers: they are as large as
// the note, and reusing them keeps a course check from being a stream of
// large allocations for the garbage collector.
var scratch = sync.Pool{New: func() any { return new(analyzer) }}

func newAnalyzer(n *note.Note, p *pack.Pack) *analyzer {
	a := scratch.Get().(*analyzer)
	a.n, a.text, a.p, a.m = n, n.Text, p, compile(p)
	return a
}

// release hands the buffers back; the analysis (findings and uses) is
// the caller's and is not reused. The buffers that hold pointers are
// cleared, so that they keep nothing of this note alive.
func (a *analyzer) release() {
	clear(a.stemList)
	clear(a.stemBuf)
	clear(a.found[:cap(a.found)])
	clear(a.fixes[:cap(a.fixes)])
	*a = analyzer{
		tokenized: tokenized{toks: a.toks[:0], lower: a.lower[:0]},
		blocks:    a.blocks[:0], matches: a.matches[:0],
		covered: a.covered[:0], sentOf: a.sentOf[:0], stemOf: a.stemOf[:0], stemList: a.stemList[:0], numbers: a.numbers[:0],
		sents: a.sents[:0], nps: a.nps[:0], ctx: a.ctx[:0],
		words: a.words[:0], hist: a.hist[:0], found: a.found[:0], fixes: a.fixes[:0], msg: a.msg[:0],
		stemBuf: a.stemBuf[:0], folded: a.folded[:0], cased: a.cased[:0],
		slabs: a.slabs,
	}
	scratch.Put(a)
}

// grow returns buf with length n, zeroed, reusing its storage.
func grow[T any](buf []T, n int) []T {
	if cap(buf) < n {
		return make([]T, n)
	}
	buf = buf[:n]
	clear(buf)
	return buf
}

func (a *analyzer) run() *analysis {
	a.out.findings = a.found[:0]
	a.tokenize()
	a.scan()
	a.reportMatches()
	a.nearMisses()
	a.counts()
	a.definitions()
	a.resolve()
	a.found = a.out.findings[:0]
	out := &carve(&a.slabs.outs, 1, 64)[0] // not a pointer into the pooled analyzer
	*out = a.out
	out.findings = a.own(a.out.findings)
	return out
}

// slabs hand out the memory that the analyses keep (findings, fixes,
// strings, uses, the analyses themselves), a part of a block at a time.
// A note has a few findings, and a course thousands of notes: an
// allocation for each would make the garbage collector's work the larger
// part of building a finding. A part is handed out once and never reused,
// unlike the analyzer's buffers, so a block lives as long as anything
// carved from it.
type slabs struct {
	bytes    []byte
	findings []rule.Finding
	fixes    []wording
	uses     []use
	outs     []analysis
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

// keep returns a copy of s carved from the string slab.
func (a *analyzer) keep(s string) string {
	b := carve(&a.slabs.bytes, len(s), 16<<10)
	copy(b, s)
	return view(b)
}

// own returns a copy of fs that shares nothing with the analyzer's
// buffers. The findings, their fixes and their messages were built in
// those buffers (or view the note's text), which keeps the making of a
// finding free of allocations; the kept ones are copied into the slabs,
// and the findings that resolve dropped cost nothing.
func (a *analyzer) own(fs []rule.Finding) []rule.Finding {
	out := carve(&a.slabs.findings, len(fs), 256)
	for i, f := range fs {
		f.Message = a.keep(f.Message)
		if fix := f.Fix; fix != nil {
			var kept *rule.Fix
			if len(fix.Edits) == 1 {
				w := &carve(&a.slabs.fixes, 1, 128)[0]
				w.edit[0] = fix.Edits[0]
				w.fix = *fix
				w.fix.Edits = w.edit[:]
				kept = &w.fix
			} else {
				k := *fix
				k.Edits = slices.Clone(fix.Edits)
				kept = &k
			}
			kept.Message = a.keep(kept.Message)
			for k := range kept.Edits {
				kept.Edits[k].New = a.keep(kept.Edits[k].New)
			}
			f.Fix = kept
		}
		out[i] = f
	}
	return out
}

func (a *analyzer) tokenize() {
	// The norms view the note's text or lower, the analyzer's own
	// buffer, instead of copying a note's worth of text per note: they are
	// read only while the note is analysed (the findings and uses copy
	// what they keep from the note's text), and release clears the stems,
	// which may view them, before the buffer is reused. Tokens hold
	// offsets, not the norms themselves (see token).
	lower := a.lower[:0]
	for _, b := range a.n.Blocks() {
		if b.Kind != note.Paragraph && b.Kind != note.Heading {
			continue
		}
		from := len(a.toks)
		a.toks, lower = tokenizeBlock(a.toks, a.text, a.n.BlockProse(b), lower, a.m.vocab)
		if len(a.toks) > from {
			a.blocks = append(a.blocks, blockInfo{block: b, from: from, to: len(a.toks)})
		}
	}
	a.lower = lower
	a.covered = grow(a.covered, len(a.toks))
	a.sentOf = grow(a.sentOf, len(a.toks))
	a.stemOf = grow(a.stemOf, len(a.toks))
}

// startOf is the starter of toks[i]'s word, 0 if nothing starts with it.
func (a *analyzer) startOf(i int) int32 { return a.m.vocab.info[a.toks[i].word].start }

// stemAt is the stem of toks[i], computed once.
func (a *analyzer) stemAt(i int) string {
	if a.stemOf[i] == 0 {
		a.stemList = append(a.stemList, stemToken(a.norm(i)))
		a.stemOf[i] = int32(len(a.stemList))
	}
	return a.stemList[a.stemOf[i]-1]
}

// nounsAt returns the longest list nouns at toks[i], valid until the next
// call.
func (a *analyzer) nounsAt(i int, countOnly bool) []nounPattern {
	a.nps = a.m.nounAt(a.nps[:0], a.toks, i, a.startOf(i), countOnly)
	return a.nps
}

// scan makes one pass over the tokens. It matches the pack's forms,
// leftmost-longest; splits the tokens into sentences and marks the lists
// each one names (by a noun such as "guiding principles" or a context
// word); and lists the tokens that may be numbers, for counts.
func (a *analyzer) scan() {
	// The slices read for every token are kept in variables: a's fields
	// would be read again after each store to the per-token tables.
	toks, info, text, sentOf := a.toks, a.m.vocab.info, a.text, a.sentOf[:len(a.toks)]
	matchedTo := 0    // the end of the last match
	sent := int32(-1) // the index of toks[i]'s sentence
	for i := range toks {
		t := &toks[i]
		if t.sent || i == 0 {
			if len(a.sents) > 0 {
				a.sents[len(a.sents)-1].to = i
			}
			a.sents = append(a.sents, sentence{from: i})
			sent++
		}
		sentOf[i] = sent
		w := &info[t.word]
		// A number is a number word or digits: a word whose first byte is
		// an ASCII digit (no other letter lower-cases to one).
		if c := text[t.start]; w.number != 0 || c >= '0' && c <= '9' {
			a.numbers = append(a.numbers, int32(i))
		}
		if w.start == 0 {
			continue // nothing starts with the word, as with most
		}
		if i >= matchedTo {
			if id, l := a.m.matchAt(toks, i, w.node); id >= 0 {
				a.matches = append(a.matches, a.classify(id, i, i+l))
				for k := i; k < i+l; k++ {
					a.covered[k] = int32(len(a.matches))
				}
				matchedTo = i + l
			}
		}
		if w.nouns {
			s := &a.sents[len(a.sents)-1]
			for _, np := range a.nounsAt(i, false) {
				if np.list < 64 {
					s.ctx |= 1 << np.list
				}
			}
		}
	}
	if len(a.sents) > 0 {
		a.sents[len(a.sents)-1].to = len(toks)
	}
}

// classify decides how the text matched by pattern id is written.
func (a *analyzer) classify(id, from, to int) match {
	pat := &a.m.patterns[id]
	mt := match{from: from, to: to, form: -1}
	// The text has the pattern's words: a form compared case-blind
	// matches it when the separators are the same.
	for _, fid := range pat.forms {
		f := &a.m.forms[fid]
		if f.class == wrongForm {
			continue
		}
		if f.cs && a.shapeEq(from, to, f.shape, false) || !f.cs && a.gapsEq(from, f.gaps) {
			mt.form, mt.status = fid, statusOK
			return mt
		}
	}
	cased, casedDone := "", false
	for _, fid := range pat.forms {
		f := &a.m.forms[fid]
		if f.class != wrongForm {
			continue
		}
		if f.cs && !casedDone {
			a.cased = a.appendShape(a.cased[:0], from, to, false)
			cased, casedDone = view(a.cased), true
		}
		if f.cs && cased == f.shape || !f.cs && a.gapsEq(from, f.gaps) {
			mt.form, mt.status = fid, statusWrong
			return mt
		}
	}
	a.folded = a.appendShape(a.folded[:0], from, to, true)
	folded := view(a.folded)
	for _, fid := range pat.forms {
		f := &a.m.forms[fid]
		if f.class != wrongForm && f.cs && strings.EqualFold(folded, f.shape) {
			if f.acronym && !f.strict {
				return mt // "sla" is not the acronym SLA
			}
			mt.form, mt.status = fid, statusCase
			return mt
		}
	}
	// The words of a correct form with other separators: "ITIL-4",
	// "co creation". Only for product names and forms that are written
	// with a hyphen or slash; a hyphen added to a spaced term is usually
	// a compound adjective ("value-stream mapping").
	for _, fid := range pat.forms {
		f := &a.m.forms[fid]
		if f.class != wrongForm && !f.acronym && (f.strict || strings.ContainsAny(f.shape, "-/")) {
			mt.form, mt.status = fid, statusDiffer
			return mt
		}
	}
	return mt
}

// blockContexts returns, per block, the lists named by the headings above
// it and, for a list item, by the paragraph that introduces the list.
func (a *analyzer) blockContexts() []uint64 {
	out := grow(a.ctx, len(a.blocks))
	type level struct {
		level int
		bits  uint64
	}
	stack := make([]level, 0, 8) // headings nest six deep
	var intro uint64
	for bi, b := range a.blocks {
		var own uint64
		if b.from < b.to {
			for s := a.sentOf[b.from]; s <= a.sentOf[b.to-1]; s++ {
				own |= a.sents[s].ctx
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
			out[bi] = above | intro | own
			continue
		}
		intro = own
		out[bi] = 0
	}
	return out
}

func (a *analyzer) report(ruleID string, sev rule.Severity, from, to int, msg string, fix *rule.Fix) {
	a.out.findings = append(a.out.findings, rule.Finding{
		Rule: ruleID, Severity: sev, Message: msg,
		Start: a.toks[from].start, End: a.toks[to-1].end, Fix: fix,
	})
}

// A wording is a fix with its one edit, as the analyzer builds them.
type wording struct {
	fix  rule.Fix
	edit [1]edit.Edit
}

// fix returns the fix that writes repl at text[start:end]. It lives in
// the analyzer's buffer until own copies it: a pointer into the buffer
// stays valid when the buffer grows, as the old array is left as it was.
func (a *analyzer) fix(start, end int, repl string) *rule.Fix {
	a.fixes = append(a.fixes, wording{})
	w := &a.fixes[len(a.fixes)-1]
	w.edit[0] = edit.Edit{Start: start, End: end, New: repl}
	w.fix = rule.Fix{Message: a.msgf("Write %q", repl), Kind: rule.Wording, Edits: w.edit[:]}
	return &w.fix
}

// msgf formats a finding's message as fmt.Sprintf does, for formats
// with only %s and %q verbs and string arguments: fmt boxes each argument
// too, and a note can have many findings. The message views the
// analyzer's buffer, valid until release; own copies the ones kept.
func (a *analyzer) msgf(format string, args ...string) string {
	from := len(a.msg)
	a.msg = rule.AppendMessagef(a.msg, format, args...)
	return view(a.msg[from:])
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

// matchCase is matchCase for the analyzer's findings: a changed repl is
// written in the analyzer's buffer, as msgf writes messages, and own
// copies the ones kept.
func (a *analyzer) matchCase(written, repl string) string {
	w, _ := utf8.DecodeRuneInString(written)
	r, size := utf8.DecodeRuneInString(repl)
	if unicode.IsUpper(w) && unicode.IsLower(r) {
		from := len(a.msg)
		a.msg = utf8.AppendRune(a.msg, unicode.ToUpper(r))
		a.msg = append(a.msg, repl[size:]...)
		return view(a.msg[from:])
	}
	return repl
}

// written is the text of toks[from:to] as written. It views the note's
// text: what keeps it (a message, a fix) copies it.
func (a *analyzer) written(from, to int) string {
	return view(a.text[a.toks[from].start:a.toks[to-1].end])
}

func (a *analyzer) reportMatches() {
	a.ctx = a.blockContexts()
	ctx := a.ctx
	// The uses are the analysis's, kept for the course rules: sized
	// exactly, they are carved from a slab instead of a chain of growing
	// allocations.
	nuses := 0
	for _, mt := range a.matches {
		if mt.form >= 0 && (mt.status == statusOK || mt.status == statusCase) {
			if e := &a.m.entries[a.m.forms[mt.form].entry]; e.kind != phraseEntry && e.courseUse {
				nuses++
			}
		}
	}
	a.out.uses = carve(&a.slabs.uses, nuses, 512)[:0]
	bi := 0
	for _, mt := range a.matches {
		if mt.form < 0 {
			continue
		}
		for bi < len(a.blocks) && a.blocks[bi].to <= mt.from {
			bi++
		}
		f := &a.m.forms[mt.form]
		e := &a.m.entries[f.entry]
		if mt.status == statusOK || mt.status == statusCase {
			if e.kind != phraseEntry && e.courseUse {
				a.out.uses = append(a.out.uses, use{entry: int32(f.entry), base: int32(f.base), infl: int32(f.infl),
					start: a.toks[mt.from].start, end: a.toks[mt.to-1].end, acronym: f.acronym})
			}
		}
		if mt.status == statusOK || mt.status == statusNone {
			continue
		}
		written := a.written(mt.from, mt.to)
		switch e.kind {
		case termEntry:
			t := &a.p.Terms[e.term]
			id := ruleTermSpelling
			if t.Category == productCategory {
				id = ruleITILName
			}
			repl := f.repl
			if mt.status != statusWrong {
				repl = e.written[f.base][min(f.infl, len(e.written[f.base])-1)]
			}
			if !f.cs && !t.CaseSensitive {
				repl = a.matchCase(written, repl)
			}
			if repl == written {
				continue
			}
			msg := a.msgf("write %q, not %q", repl, written)
			a.report(id, e.severity, mt.from, mt.to, msg, a.fix(a.toks[mt.from].start, a.toks[mt.to-1].end, repl))
		case memberEntry:
			l := &a.p.Lists[e.list]
			b := a.blocks[bi]
			sctx := a.sents[a.sentOf[mt.from]].ctx
			bit := uint64(1) << e.list
			structural := b.block.Kind == note.Heading || b.block.InList
			inCtx := sctx&bit != 0 || structural && ctx[bi]&bit != 0
			if e.list >= 64 || !inCtx {
				continue
			}
			name := l.Members[e.member].Name
			if mt.status == statusCase {
				if titleCase(written) || mt.from > b.from && a.m.lists[e.list].verbCues[a.norm(mt.from-1)] {
					continue
				}
			}
			format := "the official name of this %s is %q, not %q"
			if mt.status == statusCase {
				format = "write the %s's name as %q, not %q"
			}
			msg := a.msgf(format, listNoun(l), name, written)
			a.report(ruleOfficialName, e.severity, mt.from, mt.to, msg, a.fix(a.toks[mt.from].start, a.toks[mt.to-1].end, name))
		case phraseEntry:
			a.reportPhrase(mt, f, e, written, bi)
		}
	}
}

func (a *analyzer) reportPhrase(mt match, f *form, e *entry, written string, bi int) {
	ph := &a.p.Phrases[e.phrase]
	if na := a.m.notAfter[e.phrase]; na != nil && mt.from > a.blocks[bi].from && !a.toks[mt.from].brk && na[a.norm(mt.from-1)] {
		return
	}
	if ph.Kind == "v3" && len(a.m.history) > 0 {
		s := a.sents[a.sentOf[mt.from]]
		if a.historyIn(s.from, s.to) || a.historyBlock(bi) {
			return
		}
	}
	if ctx := a.m.phraseCtx[e.phrase]; ctx != nil {
		s := a.sents[a.sentOf[mt.from]]
		found := false
		for k := s.from; k < s.to && !found; k++ {
			found = ctx[a.norm(k)]
		}
		if !found {
			return
		}
	}
	repl := f.repl
	if f.refName != "" && repl != "" {
		repl = strings.ReplaceAll(repl, f.refName, a.written(mt.from+f.refFrom, mt.from+f.refTo))
	}
	if repl != "" && !ph.CaseSensitive {
		repl = a.matchCase(written, repl)
	}
	why := a.m.why[e.phrase]
	start, end := a.toks[mt.from].start, a.toks[mt.to-1].end
	switch ph.Kind {
	case "chatbot":
		s := a.sents[a.sentOf[mt.from]]
		start = a.toks[s.from].start
		end = a.sentenceEnd(s)
		msg := a.msgf("leftover chatbot line %q%s", shorten(string(a.text[start:end])), why)
		cut := end
		for cut < len(a.text) && (a.text[cut] == ' ' || a.text[cut] == '\t') {
			cut++
		}
		a.out.findings = append(a.out.findings, rule.Finding{Rule: ruleChatbot, Severity: e.severity, Message: msg, Start: start, End: end,
			Fix: &rule.Fix{Message: "Delete the sentence", Kind: rule.Wording, Edits: []edit.Edit{{Start: start, End: cut}}}})
		return
	case "v3":
		msg := a.msgf("%q is ITIL v3 wording%s", written, why)
		if repl != "" {
			msg = a.msgf("%q is ITIL v3 wording; ITIL 4 says %q%s", written, repl, why)
		}
		a.phraseFinding(ruleV3Term, e.severity, start, end, msg, repl)
	default:
		msg := ""
		if repl != "" {
			msg = a.msgf("write %q, not %q%s", repl, written, why)
		} else {
			msg = a.msgf("avoid %q%s", written, why)
		}
		a.phraseFinding(ruleLanguageSlip, e.severity, start, end, msg, repl)
	}
}

func (a *analyzer) phraseFinding(id string, sev rule.Severity, start, end int, msg, repl string) {
	f := rule.Finding{Rule: id, Severity: sev, Message: msg, Start: start, End: end}
	if repl != "" {
		f.Fix = a.fix(start, end, repl)
	}
	a.out.findings = append(a.out.findings, f)
}

// sentenceEnd is the offset after the sentence's last token and its
// closing punctuation.
func (a *analyzer) sentenceEnd(s sentence) int {
	end := a.toks[s.to-1].end
	for end < len(a.text) {
		switch a.text[end] {
		case '.', '!', '?', '"', ')', '*', '_':
			end++
			continue
		}
		break
	}
	return end
}

func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 60 {
		r := []rune(s)
		return string(r[:57]) + "..."
	}
	return s
}

// titleCase reports whether every word of s starts with a capital, as
// headings and slides often write names ("Focus On Value").
func titleCase(s string) bool {
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return len(words) > 0
}

func listNoun(l *pack.List) string {
	// The first noun is the singular by convention ("guiding principle").
	if len(l.Nouns) > 0 {
		return l.Nouns[0]
	}
	return l.Name
}

// resolve keeps one finding where findings overlap (the leftmost, then the
// longest) and sorts them.
func (a *analyzer) resolve() {
	fs := a.out.findings
	slices.SortStableFunc(fs, func(f, g rule.Finding) int {
		if f.Start != g.Start {
			return cmp.Compare(f.Start, g.Start)
		}
		return cmp.Compare(g.End, f.End)
	})
	kept := fs[:0]
	end := -1
	for _, f := range fs {
		if f.Start < end {
			continue
		}
		kept = append(kept, f)
		end = f.End
	}
	a.out.findings = kept
}

// historyIn reports whether toks[from:to] hold one of the pack's history
// phrases ("ITIL v3", "previous versions").
func (a *analyzer) historyIn(from, to int) bool {
	info, toks := a.m.vocab.info, a.toks[:to]
	for k := from; k < to; k++ {
		if !info[toks[k].word].history {
			continue
		}
		for _, h := range a.m.history {
			if k+len(h) > to {
				continue
			}
			ok := true
			for j, w := range h {
				if a.toks[k+j].word != w {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}

// historyBlock reports whether blocks[bi] stands in a passage about
// earlier editions: under a heading that names one, in a list whose
// introduction does, or after a label line that does ("ITIL v3:"
// followed by its points, as paragraphs or list items). Computed once
// per note, on first use.
func (a *analyzer) historyBlock(bi int) bool {
	if !a.histDone {
		a.hist, a.histDone = a.historyBlocks(grow(a.hist, len(a.blocks))), true
	}
	return a.hist[bi]
}

// historyBlocks fills out, one per block.
func (a *analyzer) historyBlocks(out []bool) []bool {
	type level struct {
		level int
		hist  bool
	}
	stack := make([]level, 0, 8) // headings nest six deep

	intro, label := false, false
	for bi, b := range a.blocks {
		own := a.historyIn(b.from, b.to)
		above := false
		if b.block.Kind == note.Heading {
			for len(stack) > 0 && stack[len(stack)-1].level >= b.block.Level {
				stack = stack[:len(stack)-1]
			}
			for _, l := range stack {
				above = above || l.hist
			}
			stack = append(stack, level{b.block.Level, own})
			intro, label = false, false
			out[bi] = above
			continue
		}
		for _, l := range stack {
			above = above || l.hist
		}
		if b.block.InList {
			out[bi] = above || intro || label
			continue
		}
		switch {
		case a.labelLine(b):
			label = own
		case !a.itemLike(b):
			label = false
		}
		intro = own
		out[bi] = above || label
	}
	return out
}

// labelLine reports whether a paragraph is one short line ending in a
// colon, which introduces what follows ("ITIL v3:").
func (a *analyzer) labelLine(b blockInfo) bool {
	if len(b.block.Lines) != 1 || b.to-b.from > 8 {
		return false
	}
	end := a.toks[b.to-1].end
	for end < len(a.text) && (a.text[end] == '*' || a.text[end] == '_') {
		end++
	}
	return end < len(a.text) && a.text[end] == ':'
}

// itemLike reports whether a paragraph reads as one point of a list that
// Markdown does not see as one ("\- Released in 2007", "• ...").
func (a *analyzer) itemLike(b blockInfo) bool {
	line := b.block.Lines[0]
	t := strings.TrimLeft(string(a.text[line.Start:min(line.End, line.Start+8)]), " \t>")
	for _, p := range []string{"\\-", "\\*", "\\+", "- ", "* ", "• ", "o "} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}
