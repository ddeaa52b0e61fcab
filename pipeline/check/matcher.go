package check

import (
	"sort"
	"strings"
	"sync"

	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

// A matcher is a rule pack compiled for matching: every written form of
// every term, list member and phrase (with generated inflections) becomes
// a token sequence, indexed by its first token, longest first. Text is
// then matched once, leftmost-longest, with one map lookup per word; there
// is no regular expression per entry.
type matcher struct {
	pack     *pack.Pack
	entries  []entry
	forms    []form
	patterns []pattern
	first    map[string][]int // first token → pattern IDs, longest first
	lists    []listInfo
	nouns    map[string][]nounPattern // first token → list nouns, longest first

	// starts numbers the words that start a pattern or noun (from 1), so
	// a note's words are looked up once and the matching of patterns,
	// sentences and counts reads startList by number.
	starts    map[string]int32
	startList []starter

	phraseCtx []map[string]bool // per phrase: its context words, folded
	notAfter  []map[string]bool // per phrase: words that, just before it, make it another name
	history   [][]string        // the pack's history phrases, as folded tokens

	// maybe is a one-hash Bloom filter of the first words of patterns and
	// nouns: most words of a note start nothing, and this answers that
	// without a map lookup.
	maybe [1 << 14]uint64

	elemOnce sync.Once
	elems    [][][][]string // per term: elements → alternatives → stems
}

// A starter is what starts with one word: patterns and list nouns.
type starter struct {
	patterns []int
	nouns    []nounPattern
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
	cs      bool // compare case too
	acronym bool
	strict  bool   // the entry is case sensitive (a product name)
	repl    string // for wrong forms: what to write instead
	// For phrase forms expanded from {list}: the member's token range in
	// the pattern and the placeholder in repl.
	refFrom, refTo int
	refName        string
}

type pattern struct {
	toks []string
	// brk[k]: the form itself has punctuation before word k ("Sure,
	// I'll explain"), so the text may too.
	brk   []bool
	forms []int
}

// A nounPattern is a word that names a list ("guiding principles"), a
// group of it ("service management practices") or a context for it.
type nounPattern struct {
	toks  []string
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
}

type memberInfo struct {
	entry    int
	stems    []string // every token, stemmed
	content  []string // content-word stems
	distinct int      // how many content stems are not weak
	shapes   []string // folded shapes of the name and accepted forms
}

var compiled sync.Map // *pack.Pack → *matcher

// compile returns the matcher of p, building it once per pack.
func compile(p *pack.Pack) *matcher {
	if m, ok := compiled.Load(p); ok {
		return m.(*matcher)
	}
	m := build(p)
	actual, _ := compiled.LoadOrStore(p, m)
	return actual.(*matcher)
}

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

func build(p *pack.Pack) *matcher {
	m := &matcher{pack: p, first: map[string][]int{}, nouns: map[string][]nounPattern{}}
	keys := map[string]int{}
	add := func(text string, f form) {
		toks := tokenizeString(text)
		if len(toks) == 0 {
			return
		}
		norms := make([]string, len(toks))
		for i, t := range toks {
			norms[i] = t.norm
		}
		f.shape = shape([]byte(text), toks, !f.cs)
		key := strings.Join(norms, "\x00")
		id, ok := keys[key]
		if !ok {
			id = len(m.patterns)
			keys[key] = id
			m.patterns = append(m.patterns, pattern{toks: norms, brk: make([]bool, len(norms))})
			m.first[norms[0]] = append(m.first[norms[0]], id)
			m.mark(norms[0])
		}
		for k := 1; k < len(toks); k++ {
			if toks[k].brk || toks[k].clause {
				m.patterns[id].brk[k] = true
			}
		}
		// The same form twice (a term listed twice, an inflection equal to
		// another form) is kept once.
		for _, fid := range m.patterns[id].forms {
			g := m.forms[fid]
			if g.entry == f.entry && g.shape == f.shape && g.class == f.class {
				return
			}
		}
		m.patterns[id].forms = append(m.patterns[id].forms, len(m.forms))
		m.forms = append(m.forms, f)
	}

	for ti, t := range p.Terms {
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
				add(w, form{entry: ei, class: cls, base: b, infl: k, cs: t.CaseSensitive || e.acronym[b], acronym: e.acronym[b], strict: t.CaseSensitive})
			}
		}
		for _, w := range t.Wrong {
			for k, v := range variantsOf(w, t.Inflect, false) {
				repl := e.written[0][0]
				if k < len(e.written[0]) {
					repl = e.written[0][k]
				}
				add(v, form{entry: ei, class: wrongForm, infl: k, repl: repl})
			}
		}
	}

	for li, l := range p.Lists {
		info := listInfo{cs: l.CaseSensitive, verbCues: map[string]bool{}, weak: map[string]bool{}}
		for _, c := range l.VerbCues {
			info.verbCues[strings.ToLower(c)] = true
		}
		df := map[string]int{}
		for mi, mb := range l.Members {
			e := entry{kind: memberEntry, list: li, member: mi, severity: severityOf(l.Severity)}
			ei := len(m.entries)
			for _, w := range append([]string{mb.Name}, mb.Accepted...) {
				e.written = append(e.written, []string{w})
				e.acronym = append(e.acronym, isAcronym(w))
			}
			m.entries = append(m.entries, e)
			mi := memberInfo{entry: ei}
			for b, w := range e.written {
				cls := accepted
				if b == 0 {
					cls = canonical
				}
				add(w[0], form{entry: ei, class: cls, base: b, cs: l.CaseSensitive || e.acronym[b], acronym: e.acronym[b], strict: l.CaseSensitive})
				toks := tokenizeString(w[0])
				mi.shapes = append(mi.shapes, shape([]byte(w[0]), toks, true))
			}
			for _, v := range mb.Variants {
				add(v, form{entry: ei, class: wrongForm, repl: mb.Name})
			}
			seen := map[string]bool{}
			for _, t := range tokenizeString(mb.Name) {
				s := stemToken(t.norm)
				mi.stems = append(mi.stems, s)
				if !functionWords[s] && !seen[s] {
					seen[s] = true
					mi.content = append(mi.content, s)
					df[s]++
				}
			}
			info.members = append(info.members, mi)
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

	m.phraseCtx = make([]map[string]bool, len(p.Phrases))
	m.notAfter = make([]map[string]bool, len(p.Phrases))
	for _, h := range p.History {
		var seq []string
		for _, t := range tokenizeString(h) {
			seq = append(seq, t.norm)
		}
		if len(seq) > 0 {
			m.history = append(m.history, seq)
		}
	}
	for pi, ph := range p.Phrases {
		if len(ph.NotAfter) > 0 {
			m.notAfter[pi] = map[string]bool{}
			for _, w := range ph.NotAfter {
				m.notAfter[pi][strings.ToLower(w)] = true
			}
		}
		if len(ph.Context) > 0 {
			m.phraseCtx[pi] = map[string]bool{}
			for _, w := range ph.Context {
				m.phraseCtx[pi][strings.ToLower(w)] = true
			}
		}
		e := entry{kind: phraseEntry, phrase: pi, severity: severityOf(ph.Severity)}
		ei := len(m.entries)
		m.entries = append(m.entries, e)
		for _, w := range ph.Wrong {
			for _, x := range expandRefs(p, w, ph.Replace) {
				wrongs := variantsOf(x.wrong, ph.Inflect, true)
				repls := variantsOf(x.repl, ph.Inflect && x.repl != "", true)
				for k, v := range wrongs {
					f := form{entry: ei, class: wrongForm, infl: k, cs: ph.CaseSensitive, refName: x.ref}
					if k < len(repls) {
						f.repl = repls[k]
					}
					if x.ref != "" {
						pre := tokenizeString(x.prefix)
						f.refFrom = len(pre)
						f.refTo = len(pre) + len(tokenizeString(x.member))
					}
					add(v, f)
				}
			}
		}
	}

	for _, ids := range m.first {
		sort.SliceStable(ids, func(i, j int) bool { return len(m.patterns[ids[i]].toks) > len(m.patterns[ids[j]].toks) })
	}
	for _, ns := range m.nouns {
		sort.SliceStable(ns, func(i, j int) bool { return len(ns[i].toks) > len(ns[j].toks) })
	}
	m.starts = map[string]int32{}
	m.startList = []starter{{}} // 0: starts nothing
	number := func(w string) int32 {
		if id, ok := m.starts[w]; ok {
			return id
		}
		m.startList = append(m.startList, starter{})
		m.starts[w] = int32(len(m.startList) - 1)
		return m.starts[w]
	}
	for w, ids := range m.first {
		m.startList[number(w)].patterns = ids
	}
	for w, ns := range m.nouns {
		m.startList[number(w)].nouns = ns
	}
	return m
}

// startOf returns the number of what starts with the word t, 0 for
// nothing.
func (m *matcher) startOf(t *token) int32 {
	if !m.mayStart(t.hash) {
		return 0
	}
	return m.starts[t.norm]
}

func (m *matcher) addNoun(text string, np nounPattern) {
	for _, t := range tokenizeString(text) {
		np.toks = append(np.toks, t.norm)
	}
	if len(np.toks) > 0 {
		m.nouns[np.toks[0]] = append(m.nouns[np.toks[0]], np)
		m.mark(np.toks[0])
	}
}

// A refExpansion is one phrase form with its {list} placeholder filled.
type refExpansion struct {
	wrong, repl         string
	ref, prefix, member string
}

// expandRefs fills a {list-id} placeholder of a phrase form with each
// member (and accepted form) of that list.
func expandRefs(p *pack.Pack, wrong, repl string) []refExpansion {
	i := strings.IndexByte(wrong, '{')
	j := strings.IndexByte(wrong, '}')
	if i < 0 || j < i {
		return []refExpansion{{wrong: wrong, repl: repl}}
	}
	id := wrong[i+1 : j]
	l, ok := p.List(id)
	if !ok {
		return nil
	}
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
	toks := tokenizeString(s)
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

func wordHash[S string | []byte](w S) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h & (1<<20 - 1)
}

func (m *matcher) mark(w string) {
	h := wordHash(w)
	m.maybe[h>>6] |= 1 << (h & 63)
}

// mayStart reports whether the word of hash h may start a pattern or noun.
func (m *matcher) mayStart(h uint32) bool {
	return m.maybe[h>>6]&(1<<(h&63)) != 0
}

// matchAt returns the longest pattern matching toks at i, or -1; start is
// startOf(&toks[i]).
func (m *matcher) matchAt(toks []token, i int, start int32) (int, int) {
	for _, id := range m.startList[start].patterns {
		pat := &m.patterns[id]
		p := pat.toks
		if i+len(p) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(p); k++ {
			t := toks[i+k]
			if t.brk && !pat.brk[k] || t.norm != p[k] {
				ok = false
				break
			}
		}
		if ok {
			return id, len(p)
		}
	}
	return -1, 0
}

// nounAt appends to out the longest list nouns at toks[i]; out is a
// buffer of the caller's, as this runs for every word of a note. start is
// startOf(&toks[i]).
func (m *matcher) nounAt(out []nounPattern, toks []token, i int, start int32, countOnly bool) []nounPattern {
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
		for k := 1; k < len(np.toks); k++ {
			if toks[i+k].brk || toks[i+k].norm != np.toks[k] {
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
