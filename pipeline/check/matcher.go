package check

import (
	"cmp"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

// A matcher is a rule pack compiled for matching: every written form of
// every term, list member and phrase (with generated inflections) becomes
// a token sequence, and the sequences form a trie of word numbers rooted
// at their first words. Text is then matched once, leftmost-longest, by
// walking the trie along the note's words; there is no regular expression
// per entry.
type matcher struct {
	pack     *pack.Pack
	entries  []entry
	forms    []form
	patterns []pattern
	lists    []listInfo
	nouns    map[string][]nounPattern // first token → list nouns, longest first

	// vocab numbers the words of the patterns, nouns, history phrases and
	// number words; its wordInfo.start indexes startList (from 1), what
	// starts with a word.
	vocab     *vocabulary
	startList []starter
	nodes     []trieNode // the pattern trie; 0 is no node

	phraseCtx []map[string]bool // per phrase: its context words, folded
	// per phrase: words that, in the same sentence, silence it, folded
	phraseUnless []map[string]bool
	notAfter     []map[string]bool // per phrase: words that, just before it, make it another name
	history      [][]int32         // the pack's history phrases, as word numbers
	why          []string          // per phrase: ": " and its reason, or ""

	keys     map[string]int       // while building: the patterns by their words
	formKeys map[formKey]struct{} // while building: the forms added
	// while building: the pack's lists by ID (the first of an ID, as
	// pack.List answers), for the {list} of every phrase form
	listIDs map[string]int

	elemOnce   sync.Once
	elemStems  map[string]int // the stems of the terms' elements, numbered
	elems      [][][][]int    // per term: elements → alternatives → stem numbers
	elemOfWord []int32        // per vocabulary word: its stem's number+1, 0 if no element's

	genericOnce sync.Once
	generic     []int // element stems in the names of many terms (genericStems)

	phrasingOnce sync.Once
	phrasing     []bool // per term: a sibling is glossed by a phrase of its own (phrasedTerms)
}

// A starter is what starts with one word: patterns (the trie node of
// that word, 0 for none) and list nouns.
type starter struct {
	node  int32
	nouns []nounPattern
}

// A trieNode is a sequence of words that starts one or more patterns.
type trieNode struct {
	pattern int32      // the pattern of exactly these words, -1 for none
	next    []trieEdge // by word number, ascending
	// breaks: the pattern's forms have punctuation between words, so
	// matchAt reads the pattern where the text breaks too; most have
	// none, and a text without breaks then fits without reading it.
	breaks bool
}

type trieEdge struct{ word, node int32 }

// child returns the node after word w, 0 for none.
func (n *trieNode) child(w int32) int32 {
	next := n.next
	for len(next) > 8 {
		h := len(next) / 2
		if next[h].word <= w {
			next = next[h:]
		} else {
			next = next[:h]
		}
	}
	for _, e := range next {
		if e.word == w {
			return e.node
		}
	}
	return 0
}

type entryKind uint8

const (
	termEntry entryKind = iota
	memberEntry
	phraseEntry
)

// An entry is one pack entry whose forms are matched.
type entry struct {
	kind     entryKind
	term     int // index in pack.Terms
	list     int // index in pack.Lists (members)
	member   int
	phrase   int // index in pack.Phrases
	severity rule.Severity
	// written[base][infl] is the text of each correct form and its
	// inflections, for fixes that keep the writer's inflection and for
	// the course's spelling consistency.
	written [][]string
	acronym []bool // per base: the form is an acronym ("SLA")
	// courseUse: the course-level rules look at this entry's uses (it has
	// an acronym and a long form, or two accepted spellings that are not
	// acronyms), so analyze records them.
	courseUse bool
}

type formClass uint8

const (
	canonical formClass = iota
	accepted
	wrongForm
)

// A form is one written form of an entry.
type form struct {
	entry   int
	class   formClass
	base    int // which written form (index into entry.written) for correct forms
	infl    int // 0 the form itself, 1 -s, 2 -ed, 3 -ing
	shape   string
	gaps    []byte // the gaps between the words, as in a shape
	cs      bool   // compare case too
	acronym bool
	strict  bool   // the entry is case sensitive (a product name)
	repl    string // for wrong forms: what to write instead
	// For phrase forms expanded from {list}: the member's token range in
	// the pattern and the placeholder in repl.
	refFrom, refTo int
	refName        string
}

type pattern struct {
	toks  []string
	words []int32 // toks as word numbers
	// brk[k]: the form itself has punctuation before word k ("Sure,
	// I'll explain"), so the text may too.
	brk   []bool
	forms []int
}

// A nounPattern is a word that names a list ("guiding principles"), a
// group of it ("service management practices") or a context for it.
type nounPattern struct {
	toks  []string
	words []int32 // toks as word numbers
	list  int
	group int // -1 for the list itself
	count int // the official count, 0 for context words
}

// listInfo is what near-miss detection needs about a list.
type listInfo struct {
	members  []memberInfo
	cs       bool
	verbCues map[string]bool
	weak     map[string]bool // stems shared by many members ("management")
	// the head words of the list's nouns, folded ("activity", "activities")
	nounWords map[string]bool
}

type memberInfo struct {
	entry    int
	stems    []string // every token, stemmed
	content  []string // content-word stems
	distinct int      // how many content stems are not weak
	shapes   []string // folded shapes of the name and accepted forms
}

var compiled sync.Map // *pack.Pack → the matcher (pack.Derived)

// Prepare builds the matcher of p, then its speller, ahead of the first
// note. A run calls it on its own goroutine as it starts, so the few
// milliseconds of building overlap the walk and the first notes'
// formatting rules instead of holding every worker back at its first pack
// rule, and then at misspelling.
func Prepare(p *pack.Pack) {
	compile(p)
	spellerOf(p)
}

// compile returns the matcher of p, built once per pack.
func compile(p *pack.Pack) *matcher { return pack.Derived(&compiled, p, build) }

func severityOf(s string) rule.Severity {
	if s == "" {
		return 0
	}
	sev, err := rule.ParseSeverity(s)
	if err != nil {
		return 0
	}
	return sev
}

// build compiles p: its terms, list members and phrases become forms of
// patterns, the patterns a trie over numbered words.
func build(p *pack.Pack) *matcher {
	m := &matcher{pack: p, nouns: map[string][]nounPattern{}, vocab: newVocabulary(), keys: map[string]int{}, formKeys: map[formKey]struct{}{}}
	for ti := range p.Terms {
		m.addTerm(ti)
	}
	for li := range p.Lists {
		m.addList(li)
	}
	m.addHistory()
	m.listIDs = make(map[string]int, len(p.Lists))
	for li := len(p.Lists) - 1; li >= 0; li-- {
		m.listIDs[p.Lists[li].ID] = li
	}
	for pi := range p.Phrases {
		m.addPhrase(pi)
	}
	m.listIDs = nil
	for i := range m.entries {
		e := &m.entries[i]
		acronyms, words := 0, 0
		for _, a := range e.acronym {
			if a {
				acronyms++
			} else {
				words++
			}
		}
		e.courseUse = acronyms > 0 && words > 0 || words >= 2
	}
	m.buildTrie()
	for _, w := range slices.Sorted(maps.Keys(numberWords)) {
		m.vocab.info[m.vocab.add(w)].number = int32(numberWords[w])
	}
	m.addElementWords()
	m.vocab.seal()
	m.keys, m.formKeys = nil, nil
	return m
}

// addForm adds a written form: a new pattern for its words, or a form of
// the pattern with the same words.
func (m *matcher) addForm(text string, f form) {
	tk := tokenizeString(text)
	toks := tk.toks
	if len(toks) == 0 {
		return
	}
	norms := tk.norms()
	f.shape = tk.shape(0, len(toks), !f.cs)
	for _, t := range toks[1:] {
		f.gaps = append(f.gaps, t.gap())
	}
	key := strings.Join(norms, "\x00")
	id, ok := m.keys[key]
	if !ok {
		id = len(m.patterns)
		m.keys[key] = id
		m.patterns = append(m.patterns, pattern{toks: norms, brk: make([]bool, len(norms))})
	}
	for k := 1; k < len(toks); k++ {
		if toks[k].brk() || toks[k].clause() {
			m.patterns[id].brk[k] = true
		}
	}
	// The same form twice (a term listed twice, an inflection equal to
	// another form) is kept once. A set, not a walk of the pattern's forms:
	// a pack's phrases may share one form by the thousand.
	fk := formKey{pattern: id, entry: f.entry, shape: f.shape, class: f.class}
	if _, dup := m.formKeys[fk]; dup {
		return
	}
	m.formKeys[fk] = struct{}{}
	m.patterns[id].forms = append(m.patterns[id].forms, len(m.forms))
	m.forms = append(m.forms, f)
}

// addTerm adds the term p.Terms[ti]: its correct forms and their
// inflections, and its wrong forms.
func (m *matcher) addTerm(ti int) {
	t := &m.pack.Terms[ti]
	e := entry{kind: termEntry, term: ti, severity: severityOf(t.Severity)}
	ei := len(m.entries)
	correct := append([]string{t.Term}, t.Accepted...)
	for _, w := range correct {
		e.written = append(e.written, variantsOf(w, t.Inflect, false))
		e.acronym = append(e.acronym, isAcronym(w))
	}
	m.entries = append(m.entries, e)
	for b, forms := range e.written {
		cls := accepted
		if b == 0 {
			cls = canonical
		}
		for k, w := range forms {
			m.addForm(w, form{entry: ei, class: cls, base: b, infl: k, cs: t.CaseSensitive || e.acronym[b], acronym: e.acronym[b], strict: t.CaseSensitive})
		}
	}
	for _, w := range t.Wrong {
		for k, v := range variantsOf(w, t.Inflect, false) {
			repl := e.written[0][0]
			if k < len(e.written[0]) {
				repl = e.written[0][k]
			}
			m.addForm(v, form{entry: ei, class: wrongForm, infl: k, repl: repl})
		}
	}
}

// addList adds the list p.Lists[li]: its members' names, accepted forms
// and variants, what near misses are judged by, and its nouns.
func (m *matcher) addList(li int) {
	l := &m.pack.Lists[li]
	info := listInfo{cs: l.CaseSensitive, verbCues: map[string]bool{}, weak: map[string]bool{}, nounWords: map[string]bool{}}
	for _, c := range l.VerbCues {
		info.verbCues[strings.ToLower(c)] = true
	}
	for _, n := range l.Nouns {
		// The head noun: the last word, or the one before "of".
		words := strings.Fields(strings.ToLower(n))
		if of := slices.Index(words, "of"); of > 0 {
			words = words[:of]
		}
		info.nounWords[words[len(words)-1]] = true
	}
	df := map[string]int{} // per content stem: how many members have it
	for mi := range l.Members {
		info.members = append(info.members, m.addMember(li, mi, df))
	}
	// A stem most members share ("management" among the practices)
	// tells members apart poorly: missing it is no near miss.
	for s, n := range df {
		if n >= 3 && n*4 >= len(l.Members) {
			info.weak[s] = true
		}
	}
	for k := range info.members {
		for _, s := range info.members[k].content {
			if !info.weak[s] {
				info.members[k].distinct++
			}
		}
	}
	m.lists = append(m.lists, info)
	for _, n := range l.Nouns {
		m.addNoun(n, nounPattern{list: li, group: -1, count: l.Count})
	}
	for _, n := range l.Context {
		m.addNoun(n, nounPattern{list: li, group: -1})
	}
	for gi, g := range l.Groups {
		for _, n := range g.Nouns {
			m.addNoun(n, nounPattern{list: li, group: gi, count: g.Count})
		}
	}
}

// addMember adds member mi of list li and returns what near misses are
// judged by; df counts the members having each content stem.
func (m *matcher) addMember(li, mi int, df map[string]int) memberInfo {
	l := &m.pack.Lists[li]
	mb := &l.Members[mi]
	e := entry{kind: memberEntry, list: li, member: mi, severity: severityOf(l.Severity)}
	ei := len(m.entries)
	for _, w := range append([]string{mb.Name}, mb.Accepted...) {
		e.written = append(e.written, []string{w})
		e.acronym = append(e.acronym, isAcronym(w))
	}
	m.entries = append(m.entries, e)
	info := memberInfo{entry: ei}
	for b, w := range e.written {
		cls := accepted
		if b == 0 {
			cls = canonical
		}
		m.addForm(w[0], form{entry: ei, class: cls, base: b, cs: l.CaseSensitive || e.acronym[b], acronym: e.acronym[b], strict: l.CaseSensitive})
		tk := tokenizeString(w[0])
		info.shapes = append(info.shapes, tk.shape(0, len(tk.toks), true))
	}
	for _, v := range mb.Variants {
		m.addForm(v, form{entry: ei, class: wrongForm, repl: mb.Name})
	}
	seen := map[string]bool{}
	for _, norm := range tokenizeString(mb.Name).norms() {
		s := stemToken(norm)
		info.stems = append(info.stems, s)
		if !functionWords[s] && !seen[s] {
			seen[s] = true
			info.content = append(info.content, s)
			df[s]++
		}
	}
	return info
}

// addHistory numbers the words of the pack's history phrases.
func (m *matcher) addHistory() {
	for _, h := range m.pack.History {
		var seq []int32
		for _, norm := range tokenizeString(h).norms() {
			seq = append(seq, m.vocab.add(norm))
		}
		if len(seq) > 0 {
			m.history = append(m.history, seq)
			m.vocab.info[seq[0]].history = true
		}
	}
}

// addPhrase adds the phrase p.Phrases[pi]: its wrong forms, with a
// {list} placeholder filled with each member, and what they depend on.
func (m *matcher) addPhrase(pi int) {
	ph := &m.pack.Phrases[pi]
	why := ""
	if ph.Why != "" {
		why = ": " + strings.TrimSpace(ph.Why)
	}
	m.why = append(m.why, why)
	m.notAfter = append(m.notAfter, lowerSet(ph.NotAfter))
	m.phraseUnless = append(m.phraseUnless, lowerSet(ph.Unless))
	m.phraseCtx = append(m.phraseCtx, lowerSet(ph.Context))
	ei := len(m.entries)
	m.entries = append(m.entries, entry{kind: phraseEntry, phrase: pi, severity: severityOf(ph.Severity)})
	for _, w := range ph.Wrong {
		for _, x := range expandRefs(m.pack, m.listIDs, w, ph.Replace) {
			wrongs := variantsOf(x.wrong, ph.Inflect, true)
			repls := variantsOf(x.repl, ph.Inflect && x.repl != "", true)
			for k, v := range wrongs {
				f := form{entry: ei, class: wrongForm, infl: k, cs: ph.CaseSensitive, refName: x.ref}
				if k < len(repls) {
					f.repl = repls[k]
				}
				if x.ref != "" {
					pre := len(tokenizeString(x.prefix).toks)
					f.refFrom = pre
					f.refTo = pre + len(tokenizeString(x.member).toks)
				}
				m.addForm(v, f)
			}
		}
	}
}

// lowerSet is the set of words, in lower case; nil for none.
func lowerSet(words []string) map[string]bool {
	if len(words) == 0 {
		return nil
	}
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[strings.ToLower(w)] = true
	}
	return set
}

// buildTrie numbers the patterns' and nouns' words and makes the trie of
// the patterns, rooted at what starts with each first word.
func (m *matcher) buildTrie() {
	m.startList = []starter{{}}         // 0: starts nothing
	m.nodes = []trieNode{{pattern: -1}} // 0: no node
	for id := range m.patterns {
		pat := &m.patterns[id]
		pat.words = make([]int32, len(pat.toks))
		for k, w := range pat.toks {
			pat.words[k] = m.vocab.add(w)
		}
		st := m.starterOf(pat.toks[0])
		if st.node == 0 {
			st.node = m.newNode()
		}
		node := st.node
		for _, w := range pat.words[1:] {
			next := m.nodes[node].child(w)
			if next == 0 {
				next = m.newNode()
				m.nodes[node].next = append(m.nodes[node].next, trieEdge{w, next})
				slices.SortFunc(m.nodes[node].next, func(a, b trieEdge) int { return cmp.Compare(a.word, b.word) })
			}
			node = next
		}
		m.nodes[node].pattern = int32(id)
		m.nodes[node].breaks = slices.Contains(pat.brk, true)
	}
	for _, w := range slices.Sorted(maps.Keys(m.nouns)) {
		ns := m.nouns[w]
		sort.SliceStable(ns, func(i, j int) bool { return len(ns[i].toks) > len(ns[j].toks) })
		for k := range ns {
			ns[k].words = make([]int32, len(ns[k].toks))
			for j, t := range ns[k].toks {
				ns[k].words[j] = m.vocab.add(t)
			}
		}
		m.starterOf(w).nouns = ns
	}
	for id := range m.vocab.info {
		info := &m.vocab.info[id]
		st := &m.startList[info.start]
		info.node, info.nouns = st.node, len(st.nouns) > 0
	}
}

// starterOf returns what starts with word w, made empty on first use.
func (m *matcher) starterOf(w string) *starter {
	info := &m.vocab.info[m.vocab.add(w)]
	if info.start == 0 {
		m.startList = append(m.startList, starter{})
		info.start = int32(len(m.startList) - 1)
	}
	return &m.startList[info.start]
}

// newNode adds an empty trie node.
func (m *matcher) newNode() int32 {
	m.nodes = append(m.nodes, trieNode{pattern: -1})
	return int32(len(m.nodes) - 1)
}

// addElementWords numbers the words of the terms' key elements: a
// definition is compared with them, and mostly in their own words;
// numbered, they are known by their stem's number (elemOfWord) instead of
// being stemmed and looked up word by word. They start nothing, so
// matching is the same.
func (m *matcher) addElementWords() {
	for _, t := range m.pack.Terms {
		for _, el := range t.Elements {
			for _, alt := range strings.Split(el, "|") {
				for _, norm := range tokenizeString(strings.TrimSpace(alt)).norms() {
					if !functionWords[stemToken(norm)] {
						m.vocab.add(norm)
					}
				}
			}
		}
	}
}

func (m *matcher) addNoun(text string, np nounPattern) {
	np.toks = tokenizeString(text).norms()
	if len(np.toks) > 0 {
		m.nouns[np.toks[0]] = append(m.nouns[np.toks[0]], np)
	}
}

// A formKey is what makes a form of a pattern the same as another.
type formKey struct {
	pattern, entry int
	shape          string
	class          formClass
}

// A refExpansion is one phrase form with its {list} placeholder filled.
type refExpansion struct {
	wrong, repl         string
	ref, prefix, member string
}

// expandRefs fills a {list-id} placeholder of a phrase form with each
// member (and accepted form) of that list; lists indexes p's lists by ID.
func expandRefs(p *pack.Pack, lists map[string]int, wrong, repl string) []refExpansion {
	i := strings.IndexByte(wrong, '{')
	j := strings.IndexByte(wrong, '}')
	if i < 0 || j < i {
		return []refExpansion{{wrong: wrong, repl: repl}}
	}
	id := wrong[i+1 : j]
	li, ok := lists[id]
	if !ok {
		return nil
	}
	l := p.Lists[li]
	var out []refExpansion
	for _, mb := range l.Members {
		for _, name := range append([]string{mb.Name}, mb.Accepted...) {
			lower := strings.ToLower(name[:1]) + name[1:]
			out = append(out, refExpansion{
				wrong: wrong[:i] + lower + wrong[j+1:], repl: repl,
				ref: "{" + id + "}", prefix: wrong[:i], member: lower,
			})
		}
	}
	return out
}

// variantsOf returns a form and, when inflect is set, its -s, -ed and
// -ing forms (of the last word, or of the first word for verb phrases).
func variantsOf(s string, inflect, firstWord bool) []string {
	if !inflect || s == "" {
		return []string{s}
	}
	toks := tokenizeString(s).toks
	if len(toks) == 0 {
		return []string{s}
	}
	t := toks[len(toks)-1]
	if firstWord {
		t = toks[0]
	}
	word := s[t.start:t.end]
	if isAcronym(word) {
		return []string{s, s[:t.end] + "s" + s[t.end:]}
	}
	out := []string{s}
	for _, w := range inflections(word) {
		out = append(out, s[:t.start]+w+s[t.end:])
	}
	return out
}

// inflections returns the -s, -ed and -ing forms of an English word by the
// regular spelling rules; irregular words are listed in the pack instead.
func inflections(w string) []string {
	n := len(w)
	if n < 2 {
		return []string{w + "s", w + "ed", w + "ing"}
	}
	last, prev := w[n-1], w[n-2]
	consonantY := last == 'y' && !strings.ContainsRune("aeiou", rune(prev))
	var plural, ed, ing string
	switch {
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		plural = w + "es"
	case consonantY:
		plural = w[:n-1] + "ies"
	default:
		plural = w + "s"
	}
	switch {
	case last == 'e':
		ed = w + "d"
	case consonantY:
		ed = w[:n-1] + "ied"
	default:
		ed = w + "ed"
	}
	switch {
	case strings.HasSuffix(w, "ie"):
		ing = w[:n-2] + "ying"
	case last == 'e' && prev != 'e':
		ing = w[:n-1] + "ing"
	default:
		ing = w + "ing"
	}
	return []string{plural, ed, ing}
}

// isAcronym: two to six letters (and digits), all capitals ("SLA", "SVS").
func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	letters := 0
	for _, c := range []byte(s) {
		switch {
		case c >= 'A' && c <= 'Z':
			letters++
		case c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return letters >= 2
}

// functionWords are English words that carry no meaning of their own in
// an official name; near misses are judged on the other words.
var functionWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "&": true, "of": true, "on": true,
	"with": true, "it": true, "to": true, "for": true, "in": true, "is": true, "are": true,
	"we": true, "you": true, "where": true, "what": true, "how": true, "do": true, "did": true,
	"there": true, "be": true, "by": true, "or": true, "its": true, "our": true,
}

// stemToken stems a folded token; "&" reads as "and".
func stemToken(norm string) string {
	if norm == "&" {
		return "and"
	}
	return stem(norm)
}

// wordHash is a 20-bit hash of w, of its length and last 8 bytes: the
// tokenizer makes it while it reads a word, at one shift per byte, and
// the words that share both are few and told apart by comparing them.
func wordHash[S string | []byte](w S) uint32 {
	return mixHash(lastBytes(w), len(w))
}

// lastBytes packs the last 8 bytes of w into a number, the first of them
// highest.
func lastBytes[S string | []byte](w S) uint64 {
	var last8 uint64
	for i := 0; i < len(w); i++ {
		last8 = last8<<8 | uint64(w[i])
	}
	return last8
}

// mixHash makes wordHash of a word's last 8 bytes and length.
func mixHash(last8 uint64, n int) uint32 {
	return uint32((last8 ^ uint64(n)<<59) * 0x9e3779b97f4a7c15 >> 44)
}

// matchAt returns the longest pattern matching toks at i, or -1, and its
// length in tokens; node is the trie node of toks[i]'s word (wordInfo.node). It walks the
// trie along the words; a pattern found on the way matches if the text
// breaks (punctuation) only where the pattern's own forms do.
func (m *matcher) matchAt(toks []token, i int, node int32) (int, int) {
	best, bestLen := -1, 0
	broken := false // the text breaks between the words read so far
	for k := 1; node != 0; k++ {
		n := &m.nodes[node]
		if n.pattern >= 0 && (!broken || n.breaks && m.breaksFit(&m.patterns[n.pattern], toks[i:i+k])) {
			best, bestLen = int(n.pattern), k
		}
		if i+k >= len(toks) {
			break
		}
		w := toks[i+k].word()
		if w == 0 {
			break // a word no form uses, as most are: no pattern goes on with it
		}
		broken = broken || toks[i+k].brk()
		node = n.child(w)
	}
	return best, bestLen
}

// breaksFit reports whether toks break only where pat allows.
func (m *matcher) breaksFit(pat *pattern, toks []token) bool {
	for k := 1; k < len(toks); k++ {
		if toks[k].brk() && !pat.brk[k] {
			return false
		}
	}
	return true
}

// nounAt appends to out the longest list nouns at toks[i]; out is a
// buffer of the caller's, as this runs for every word of a note. start is
// the starter of toks[i]'s word.
//
// A count's noun may span emphasis markers ("6 Steps of **Continual
// Improvement Model**"): text, when given, is read for the gaps.
func (m *matcher) nounAt(out []nounPattern, toks []token, i int, start int32, countOnly bool, text []byte) []nounPattern {
	ns := m.startList[start].nouns
	best := 0
	for _, np := range ns {
		if countOnly && np.count == 0 {
			continue
		}
		if len(np.toks) < best || i+len(np.toks) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(np.words); k++ {
			if toks[i+k].brk() && !(countOnly && text != nil && emphasisGap(text[toks[i+k-1].end:toks[i+k].start])) || toks[i+k].word() != np.words[k] {
				ok = false
				break
			}
		}
		if ok {
			best = len(np.toks)
			out = append(out, np)
		}
	}
	return out
}

// emphasisGap reports whether the gap between two words holds only
// blanks and emphasis markers.
func emphasisGap(g []byte) bool {
	for _, c := range g {
		if c != ' ' && c != '*' && c != '_' {
			return false
		}
	}
	return true
}
