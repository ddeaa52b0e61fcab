package check

import (
	"bytes"
	"slices"
	"strings"

	"github.com/itilint/itilint/pipeline/rule"
)

// DefinitionMismatch reports a sentence that defines a glossary term
// wrongly.
var DefinitionMismatch = &rule.Rule{
	ID:       "definition-mismatch",
	Severity: rule.Warning,
	Doc: `A sentence that defines a glossary term does not fit it.
"X is ...", "X means ...", "X refers to ...", "X - a ...", "X: a ..."
and "... may be called X" are compared with X's key elements in the pack. When it fits a sibling term instead (a problem
defined as an unplanned interruption, which is an incident), or misses most
of X's elements, it is reported with the pack's definition. So is a
phrase in quotes, in a sentence about X alone, that is a sibling's fixed
phrase ("utility: 'how the service performs'").`,
	Good: []string{"An incident is an unplanned interruption to a service or reduction in its quality.\n"},
	Bad:  []string{"A problem is an unplanned interruption to a service or a reduction in the quality of a service.\n"},
	Run:  runDefinitionMismatch,
}

// runDefinitionMismatch reports the definitions that the note's whole
// sentences hold (see wholeSentences): found there, as a wrong
// definition is reported as a whole sentence.
func runDefinitionMismatch(pass *rule.Pass) {
	m := matchedOf(pass)
	if m == nil {
		return
	}
	for _, w := range m.wholeSentences() {
		if w.chatbot != 0 || w.defined < 0 {
			continue // a chatbot leftover is deleted as a whole
		}
		t := &m.p.Terms[w.defined]
		var msg string
		if w.fits >= 0 {
			// It defines a sibling: the classic mix-ups (problem and
			// incident, utility and warranty, customer and sponsor).
			msg = m.msgf("this definition fits %q rather than %q; %s: %s", m.p.Terms[w.fits].Term, t.Term, t.Term, t.Definition)
		} else {
			msg = m.msgf("this definition of %q misses its key elements (%s); %s: %s", t.Term, w.missing, t.Term, t.Definition)
		}
		s := m.sents[w.sent]
		m.report(pass, severityOf(t.Severity), w.from, s.to, msg, nil)
	}
	m.quotedGlosses(func(q quotedGloss) {
		t, o := &m.p.Terms[q.term], &m.p.Terms[q.sibling]
		msg := m.msgf("%q is how %q is put, not %q; %s: %s", m.written(q.from, q.to), o.Term, t.Term, t.Term, t.Definition)
		m.report(pass, severityOf(t.Severity), q.from, q.to, msg, nil)
	})
}

// A definition is what definitionIn finds in a sentence that defines a
// term and does not fit it.
type definition struct {
	defined int    // the term defined, an index of pack.Terms
	from    int    // the token the definition starts at (after a label line)
	fits    int    // the term the sentence fits instead, or -1
	missing string // when it fits none: the elements it misses, joined
}

// definitionIn compares sentence si, when it defines a glossary term,
// with the term's key elements, and with those of its siblings. ok is
// false when the sentence defines no term or fits the one it defines.
func (m *matched) definitionIn(si int) (d definition, ok bool) {
	s := m.sents[si]
	mt, start, body, glossed := m.definedTerm(s)
	bodyEnd, head := s.to, -1
	if mt == nil {
		// "X may be called A": the defining words come first; "What is
		// A?" asks for the sentence after it.
		if mt, bodyEnd = m.calledTerm(s); mt == nil {
			if mt = m.askedTerm(si); mt == nil {
				return d, false
			}
			bodyEnd = s.to
		} else {
			head = m.calledHead(s, bodyEnd)
		}
		start, body, glossed = s.from, s.from, true
	}
	_, e := m.entryOf(mt)
	t := &m.p.Terms[e.term]
	index, elems, _ := m.m.elements()
	words := m.bodyElements(body, bodyEnd, len(index))
	own := elementScore(elems[e.term], words)
	if own >= 0.67 {
		return d, false
	}
	if head >= 0 {
		// "..., this functionality may be called warranty": the noun
		// that is called A says what kind of thing A is. When it is a
		// key element of a sibling alone, A is given the sibling's
		// definition, however few of the other words are there.
		if n, ok := index[m.stemAt(head)]; ok && !elementHolds(elems[e.term], n) {
			for ti := range m.p.Terms {
				o := &m.p.Terms[ti]
				if ti != e.term && o.Category == t.Category && len(o.Elements) >= 2 && elementHolds(elems[ti], n) {
					return definition{defined: e.term, from: start, fits: ti}, true
				}
			}
		}
	}
	// Another term fits only when one of its elements is met by a word
	// of its own: not a word that names the defined term or gives one of
	// its elements, and not a word half the practices are named with.
	// "Service requests are a normal part of service delivery, not an
	// emergency management" is about service requests; "management" and
	// "service delivery" do not make it a configuration item.
	specific := m.specificWords(e.term, elems[e.term], words)
	best, bestScore := -1, 0.0
	for ti := range m.p.Terms {
		o := &m.p.Terms[ti]
		if ti == e.term || o.Category != t.Category || len(o.Elements) < 2 {
			continue
		}
		if sc := elementScore(elems[ti], words); sc > bestScore && elementScore(elems[ti], specific) > 0 {
			best, bestScore = ti, sc
		}
	}
	switch {
	case best >= 0 && bestScore >= 0.66 && bestScore > own:
		return definition{defined: e.term, from: start, fits: best}, true
	case own == 0 && len(t.Elements) >= 3 && bodyEnd-body >= 8 && !glossed:
		// A gloss ("Service - think of it as water to your home") is
		// often an example or a hint, not a definition: only one that
		// fits another term is reported.
		// Missing every element of a rich definition; short
		// descriptions ("X is a key idea of ITIL") are left alone.
		missing := missingElements(elems[e.term], words, t.Elements)
		return definition{defined: e.term, from: start, fits: -1, missing: strings.Join(missing, "; ")}, true
	}
	return d, false
}

// definedTerm returns the match of the term a sentence defines ("An
// incident is ...", "Incident - an unplanned ..."), the token it starts
// at and where the defining words start; nil when the sentence defines no term with two key
// elements or more. glossed is true for a term glossed after a dash or a
// colon rather than defined with a verb.
func (m *matched) definedTerm(s sentence) (mt *match, start, body int, glossed bool) {
	if mt, body, glossed = m.definedAt(s, s.from); mt != nil {
		return mt, s.from, body, glossed
	}
	// "Utility:" on a line of its own glosses the term on the next line;
	// "Terms:" is a label, and the sentence starts after it.
	if k := m.afterLabel(s); k != s.from {
		if mt, body, glossed = m.definedAt(s, k); mt != nil {
			return mt, k, body, glossed
		}
	}
	return nil, 0, 0, false
}

// definedAt is definedTerm for the sentence read from toks[start].
func (m *matched) definedAt(s sentence, start int) (mt *match, body int, glossed bool) {
	k := start
	if m.coveredBy(k) == 0 && (k+1 >= s.to || m.coveredBy(k+1) == 0) {
		return nil, 0, false // no term at the start, with or without an article
	}
	if k < s.to && isArticle(m.norm(k)) {
		k++
	}
	if k >= s.to || m.coveredBy(k) == 0 {
		return nil, 0, false
	}
	mt = &m.matches[m.coveredBy(k)-1]
	if int(mt.from) != k || mt.form < 0 || mt.status != statusOK && mt.status != statusCase {
		return nil, 0, false
	}
	f, e := m.entryOf(mt)
	if e.kind != termEntry || f.acronym || len(m.p.Terms[e.term].Elements) < 2 {
		return nil, 0, false
	}
	body = m.definitionBody(int(mt.to), s.to)
	if body < 0 && k == start && m.glossStart(int(mt.to), s.to) {
		body, glossed = int(mt.to), true
	}
	if body < 0 || s.to-body < 4 {
		return nil, 0, false
	}
	return mt, body, glossed
}

// calledTerm returns the match of the term that a sentence ends by
// naming what it describes ("this functionality may be called utility",
// "... is known as a warranty"), and where the describing words end; nil
// when the sentence does not end so.
func (m *matched) calledTerm(s sentence) (*match, int) {
	last := s.to - 1
	if last-s.from < 5 || m.coveredBy(last) == 0 {
		return nil, 0
	}
	mt := &m.matches[m.coveredBy(last)-1]
	if int(mt.to) != s.to || mt.form < 0 || mt.status != statusOK && mt.status != statusCase {
		return nil, 0
	}
	f, e := m.entryOf(mt)
	if e.kind != termEntry || f.acronym || len(m.p.Terms[e.term].Elements) < 2 {
		return nil, 0
	}
	k := int(mt.from)
	if k > s.from && isArticle(m.norm(k-1)) {
		k--
	}
	word := func(k int) string {
		if k < s.from || m.toks[k].clause() {
			return ""
		}
		return string(m.norm(k))
	}
	switch {
	case word(k-1) == "called" && (word(k-2) == "be" || word(k-2) == "is" || word(k-2) == "are"):
		k -= 2
	case word(k-1) == "as" && word(k-2) == "known" && (word(k-3) == "be" || word(k-3) == "is" || word(k-3) == "are"):
		k -= 3
	default:
		return nil, 0
	}
	if k-s.from < 3 {
		return nil, 0
	}
	return mt, int(k)
}

// calledHead returns the noun that a sentence calls by a term's name,
// the word before "(may) be called A" or "is known as A" when an article
// or a demonstrative comes before it ("this functionality may be called
// warranty"); -1 otherwise. verb is where "be"/"is" starts.
func (m *matched) calledHead(s sentence, verb int) int {
	h := verb - 1
	if h > s.from && modalVerbs[string(m.norm(h))] {
		h--
	}
	if h-1 < s.from || m.toks[h].clause() || m.toks[h+1].clause() || !determiners[string(m.norm(h-1))] {
		return -1
	}
	return h
}

// Words before a verb's "be" ("may be called"), and before the noun a
// sentence names ("this functionality"): English, not ITIL.
var (
	modalVerbs  = map[string]bool{"may": true, "might": true, "can": true, "could": true, "should": true, "would": true, "will": true}
	determiners = map[string]bool{"this": true, "that": true, "such": true, "the": true, "a": true, "an": true}
)

// elementHolds reports whether the stem numbered n is, alone, one of the
// alternatives of an element ("functionality", not "fit for purpose").
func elementHolds(elems [][][]int, n int) bool {
	for _, alts := range elems {
		for _, alt := range alts {
			if len(alt) == 1 && alt[0] == n {
				return true
			}
		}
	}
	return false
}

// askedTerm returns the match of the term the sentence before sentence
// si asks for, when it is only "What is A?" (a flash card's question):
// si, on the next line, answers it. nil otherwise.
func (m *matched) askedTerm(si int) *match {
	s := m.sents[si]
	if si == 0 || s.to-s.from < 4 {
		return nil
	}
	q := m.sents[si-1]
	if q.to-q.from < 3 || string(m.norm(q.from)) != "what" {
		return nil
	}
	if v := string(m.norm(q.from + 1)); v != "is" && v != "are" {
		return nil
	}
	k := q.from + 2
	if k < q.to && isArticle(m.norm(k)) {
		k++
	}
	if k >= q.to || m.coveredBy(k) == 0 {
		return nil
	}
	mt := &m.matches[m.coveredBy(k)-1]
	if int(mt.from) != k || int(mt.to) != q.to || mt.form < 0 || mt.status != statusOK && mt.status != statusCase {
		return nil
	}
	if f, e := m.entryOf(mt); e.kind != termEntry || f.acronym || len(m.p.Terms[e.term].Elements) < 2 {
		return nil
	}
	// The answer is on the question's line or the next, in the same
	// paragraph: a heading's question may open a passage that goes on
	// to other terms first.
	if g := m.text[m.toks[q.to-1].end:m.toks[s.from].start]; bytes.IndexByte(g, '?') < 0 || bytes.Count(g, []byte{'\n'}) > 1 {
		return nil
	}
	return mt
}

// afterLabel returns where a sentence starts once a label line is left
// out: "Terms:" on a line of its own, then "Service - a ..." on the next
// (a line break the markdown keeps, which the sentences do not split at).
// Only the first three words are looked at.
func (m *matched) afterLabel(s sentence) int {
	for k := s.from + 1; k < s.to && k <= s.from+3; k++ {
		if !m.toks[k].clause() {
			continue
		}
		g := m.text[m.toks[k-1].end:m.toks[k].start]
		if c := bytes.IndexByte(g, ':'); c >= 0 && bytes.IndexByte(g[c:], '\n') >= 0 {
			return k
		}
		return s.from
	}
	return s.from
}

// glossStart reports whether toks[j:end] glosses the term that ends at
// j: "Service - a means of ...", "Utility: fit for purpose", the term
// alone before a dash or a colon at the start of a sentence, followed by
// the words a definition opens with (a heading's "Service: an overview"
// has too few words to be read as a definition).
func (tt *tokenized) glossStart(j, end int) bool {
	if j <= 0 || j >= end || !tt.toks[j].clause() {
		return false
	}
	between := bytes.Trim(tt.text[tt.toks[j-1].end:tt.toks[j].start], " \t\r\n*_\"'\u201c")
	switch string(between) {
	case ":", "-", "\u2013", "\u2014", "--":
		// The gloss opens as a definition does ("a ...", "what
		// ..."): "Practices: support the activities" describes.
		return definitionStart[string(tt.norm(j))]
	}
	return false
}

// bodyElements returns the element stems among toks[body:end] as a set
// of their numbers (n of them in all): the body's words matter only as
// stems of some term's elements. The set is reused by the next call.
func (m *matched) bodyElements(body, end, n int) []uint64 {
	index, _, ofWord := m.m.elements()
	words := grow(m.words, (n+63)/64)
	for q := body; q < end; q++ {
		n, ok := 0, false
		if w := m.toks[q].word(); w != 0 {
			n, ok = int(ofWord[w]-1), ofWord[w] != 0
		} else {
			n, ok = index[m.stemAt(q)]
		}
		if ok {
			words[n/64] |= 1 << (n % 64)
		}
	}
	m.words = words
	return words
}

// Words that open a definition after the term: "X is a/the ...", "X means
// ...", "X refers to ...". English, not ITIL, so here rather than in the
// pack.
var definitionStart = map[string]bool{"a": true, "an": true, "the": true, "any": true, "something": true, "when": true, "how": true, "what": true}

// isArticle reports whether a folded word is an article; a comparison,
// as it runs for most sentences, costs less than hashing the word.
func isArticle(w []byte) bool { return string(w) == "a" || string(w) == "an" || string(w) == "the" }

// definitionBody returns where the defining words of a sentence start, if
// toks[j:] reads as "is a ...", "means ...", "refers to ...".
func (tt *tokenized) definitionBody(j, end int) int {
	toks := tt.toks
	at := func(k int, words ...string) bool {
		if k+len(words) > end {
			return false
		}
		for n, w := range words {
			if string(tt.norm(k+n)) != w || k+n > j && toks[k+n].clause() {
				return false
			}
		}
		return true
	}
	if j >= end {
		return -1
	}
	switch string(tt.norm(j)) {
	case "is", "are":
		if at(j+1, "defined", "as") || string(tt.norm(j)) == "is" && at(j+1, "described", "as") {
			return j + 3
		}
		if j+1 < end && definitionStart[string(tt.norm(j+1))] && !toks[j+1].clause() {
			return j + 1
		}
	case "can":
		if at(j+1, "be", "defined", "as") {
			return j + 4
		}
	case "refers", "refer":
		if at(j+1, "to") {
			return j + 2
		}
	case "means", "mean":
		return j + 1
	}
	return -1
}

// elementScore is the share of elements the words contain.
func elementScore(elems [][][]int, words []uint64) float64 {
	if len(elems) == 0 {
		return 1
	}
	got := 0
	for _, alts := range elems {
		if hasElement(alts, words) {
			got++
		}
	}
	return float64(got) / float64(len(elems))
}

// specificWords returns a copy of words without the stems of term's name,
// of its elements that words hold, and of the names of many terms
// (genericStems): what is left can show that a sentence defining term
// fits another one.
func (m *matched) specificWords(term int, own [][][]int, words []uint64) []uint64 {
	index, _, _ := m.m.elements()
	out := append(m.others[:0], words...)
	clear := func(n int) { out[n/64] &^= 1 << (n % 64) }
	for _, norm := range tokenizeString(m.p.Terms[term].Term).norms() {
		if n, ok := index[stemToken(norm)]; ok {
			clear(n)
		}
	}
	for _, alts := range own {
		for _, alt := range alts {
			if hasElement([][]int{alt}, words) {
				for _, n := range alt {
					clear(n)
				}
			}
		}
	}
	for _, n := range m.m.genericStems() {
		if n/64 < len(out) {
			clear(n)
		}
	}
	m.others = out
	return out
}

// genericStems returns the element stems (numbered as elements numbers
// them) that four names or more of the pack's terms and list members hold:
// "service", "management" (of thirty practices). They are in nearly every sentence about ITIL and show no
// term in particular.
func (m *matcher) genericStems() []int {
	m.genericOnce.Do(func() {
		index, _, _ := m.elements()
		inNames := map[string]int{}
		count := func(name string) {
			seen := map[string]bool{}
			for _, norm := range tokenizeString(name).norms() {
				if s := stemToken(norm); !seen[s] {
					seen[s] = true
					inNames[s]++
				}
			}
		}
		for _, t := range m.pack.Terms {
			count(t.Term)
		}
		for _, l := range m.pack.Lists {
			for _, mb := range l.Members {
				count(mb.Name)
			}
		}
		for s, c := range inNames {
			if n, ok := index[s]; ok && c >= 4 {
				m.generic = append(m.generic, n)
			}
		}
		slices.Sort(m.generic)
	})
	return m.generic
}

// missingElements returns the names of the elements the words miss.
func missingElements(elems [][][]int, words []uint64, names []string) []string {
	var missing []string
	for ei, alts := range elems {
		if !hasElement(alts, words) {
			missing = append(missing, strings.ReplaceAll(names[ei], "|", " or "))
		}
	}
	return missing
}

// hasElement reports whether the words hold every stem of one of an
// element's alternatives.
func hasElement(alts [][]int, words []uint64) bool {
	for _, alt := range alts {
		all := len(alt) > 0
		for _, n := range alt {
			if words[n/64]&(1<<(n%64)) == 0 {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// elements returns the stemmed key elements of every term: the stems
// numbered; per term, element and alternative, the numbers of its stems;
// and per vocabulary word, the number+1 of its stem, or 0.
func (m *matcher) elements() (map[string]int, [][][][]int, []int32) {
	m.elemOnce.Do(func() {
		m.elemStems = map[string]int{}
		m.elems = make([][][][]int, len(m.pack.Terms))
		for i, t := range m.pack.Terms {
			for _, el := range t.Elements {
				var alts [][]int
				for _, alt := range strings.Split(el, "|") {
					var stems []int
					for _, norm := range tokenizeString(strings.TrimSpace(alt)).norms() {
						if s := stemToken(norm); !functionWords[s] {
							n, ok := m.elemStems[s]
							if !ok {
								n = len(m.elemStems)
								m.elemStems[s] = n
							}
							stems = append(stems, n)
						}
					}
					alts = append(alts, stems)
				}
				m.elems[i] = append(m.elems[i], alts)
			}
		}
		m.elemOfWord = make([]int32, len(m.vocab.words))
		for w, word := range m.vocab.words[1:] {
			if n, ok := m.elemStems[stemToken(word)]; ok {
				m.elemOfWord[w+1] = int32(n + 1)
			}
		}
	})
	return m.elemStems, m.elems, m.elemOfWord
}
