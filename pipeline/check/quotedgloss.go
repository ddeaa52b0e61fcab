package check

import (
	"bytes"
	"slices"
	"unicode/utf8"
)

// A quotedGloss is a phrase in quotes that glosses a term with the fixed
// phrase of a sibling: 'Utility: "what the service does", "the way it
// performs"' (how warranty is put).
type quotedGloss struct {
	term     int // the term glossed, an index of pack.Terms
	sibling  int // the term whose phrase it is
	from, to int // the quoted words, toks[from:to]
}

// quotedGlosses calls report for each phrase in quotes, in a sentence
// that names one term outside its quotes, which is a fixed phrase of a
// sibling of the same category and of no phrase of the term's own: the
// pack's key elements of two words or more ("fit for use", "how the
// service performs"). A sentence that names the sibling too, that
// negates or contrasts ("not", "unlike", "while") or that already holds
// a wrong definition is left alone: it may well set the two apart.
func (m *matched) quotedGlosses(report func(quotedGloss)) {
	phrased := m.m.phrasedTerms()
	last := -1
	var spanBuf [8][2]int
	for mi := range m.matches {
		mt := &m.matches[mi]
		si := int(mt.sent)
		if si == last || mt.form < 0 || mt.status != statusOK && mt.status != statusCase {
			continue
		}
		if f, e := m.entryOf(mt); e.kind != termEntry || f.acronym || !phrased[e.term] {
			continue
		}
		last = si
		s := m.sents[si]
		if !hasQuotes(m.text[m.toks[s.from].start:min(len(m.text), int(m.toks[s.to-1].end)+1)]) {
			continue // as most sentences: nothing is quoted
		}
		quoted := m.quotedSpans(s, spanBuf[:0])
		term, ok := m.onlyTerm(s, phrased, quoted)
		if !ok || m.inWholeSentence(int(mt.from)) {
			continue
		}
		index, elems, _ := m.m.elements()
		for _, q := range quoted {
			if sib := m.siblingPhrase(q[0], q[1], term, index, elems); sib >= 0 && !m.names(s, sib) {
				report(quotedGloss{term: term, sibling: sib, from: q[0], to: q[1]})
			}
		}
	}
}

// onlyTerm returns the one phrased term a sentence names outside its
// quotes; ok is false when it names two, or sets things apart.
func (m *matched) onlyTerm(s sentence, phrased []bool, quoted [][2]int) (term int, ok bool) {
	term = -1
	for k := s.from; k < s.to; k++ {
		if contrastWords[string(m.norm(k))] {
			return -1, false
		}
		c := m.coveredBy(k)
		if c == 0 || int(m.matches[c-1].from) != k || m.matches[c-1].form < 0 || inSpans(quoted, k) {
			continue
		}
		_, e := m.entryOf(&m.matches[c-1])
		if e.kind != termEntry || !phrased[e.term] {
			continue
		}
		if term >= 0 && term != e.term {
			return -1, false
		}
		term = e.term
	}
	return term, term >= 0
}

// names reports whether sentence s names term anywhere.
func (m *matched) names(s sentence, term int) bool {
	for k := s.from; k < s.to; k++ {
		if c := m.coveredBy(k); c != 0 && int(m.matches[c-1].from) == k && m.matches[c-1].form >= 0 {
			if _, e := m.entryOf(&m.matches[c-1]); e.kind == termEntry && e.term == term {
				return true
			}
		}
	}
	return false
}

func inSpans(spans [][2]int, k int) bool {
	for _, sp := range spans {
		if k >= sp[0] && k < sp[1] {
			return true
		}
	}
	return false
}

// Words that set two things apart, or deny one: a sentence with one of
// them may rightly quote the other term's phrase. English, not ITIL.
var contrastWords = map[string]bool{
	"not": true, "no": true, "nor": true, "never": true, "unlike": true, "while": true, "whereas": true,
	"but": true, "than": true, "versus": true, "vs": true, "difference": true, "differs": true, "opposed": true,
	"t": true, // "isn't", "doesn't": the apostrophe splits the word
}

// quotedSpans appends to out the runs of words of sentence s between
// double quotes, of six words at most (a phrase, not a quotation). A
// quote opens on a word's left ('"fit'), and closes on its right.
func (m *matched) quotedSpans(s sentence, out [][2]int) [][2]int {
	open := -1
	for k := s.from; k <= s.to; k++ {
		if k > s.from && open >= 0 {
			end := len(m.text)
			if k < s.to {
				end = int(m.toks[k].start)
			}
			if quoteAt(m.text[m.toks[k-1].end:end], false) {
				if k-open <= 6 {
					out = append(out, [2]int{open, k})
				}
				open = -1
			}
		}
		if k < s.to {
			from := 0
			if k > 0 {
				from = int(m.toks[k-1].end)
			}
			if quoteAt(m.text[from:m.toks[k].start], true) {
				open = k
			}
		}
	}
	return out
}

// hasQuotes reports whether b holds a double quote, straight or curly
// (U+201C, U+201D: E2 80 9C, E2 80 9D).
func hasQuotes(b []byte) bool {
	if bytes.IndexByte(b, '"') >= 0 {
		return true
	}
	for {
		i := bytes.Index(b, []byte("\xe2\x80"))
		if i < 0 || i+2 >= len(b) {
			return false
		}
		if b[i+2] == 0x9c || b[i+2] == 0x9d {
			return true
		}
		b = b[i+2:]
	}
}

// quoteAt reports whether a double quote, straight or curly, is at the
// end of gap g (last: it opens the word after it) or at its start (it
// closes the word before), emphasis marks aside.
func quoteAt(g []byte, last bool) bool {
	for len(g) > 0 {
		var r rune
		var size int
		if last {
			r, size = utf8.DecodeLastRune(g)
			g = g[:len(g)-size]
		} else {
			r, size = utf8.DecodeRune(g)
			g = g[size:]
		}
		switch r {
		case '*', '_':
			continue
		case '"', '\u201c', '\u201d':
			return true
		}
		return false
	}
	return false
}

// siblingPhrase returns the sibling of term (same category) one of whose
// phrases of two stems or more is toks[from:to], stem for stem; -1 when
// none is, or when the words are also one of term's.
func (m *matched) siblingPhrase(from, to, term int, index map[string]int, elems [][][][]int) int {
	var buf [8]int
	stems := buf[:0]
	for k := from; k < to; k++ {
		st := m.stemAt(k)
		if functionWords[st] {
			continue
		}
		n, ok := index[st]
		if !ok {
			return -1 // a word no phrase has
		}
		if !slices.Contains(stems, n) {
			stems = append(stems, n)
		}
	}
	if len(stems) < 2 || phraseIn(elems[term], stems) {
		return -1
	}
	t := &m.p.Terms[term]
	for ti := range m.p.Terms {
		if ti != term && m.p.Terms[ti].Category == t.Category && phraseIn(elems[ti], stems) {
			return ti
		}
	}
	return -1
}

// phraseIn reports whether one of the elements' alternatives of two
// stems or more is the set stems.
func phraseIn(elems [][][]int, stems []int) bool {
	for _, alts := range elems {
		for _, alt := range alts {
			if len(alt) >= 2 && len(alt) == len(stems) && allIn(alt, stems) {
				return true
			}
		}
	}
	return false
}

func allIn(a, b []int) bool {
	for _, n := range a {
		if !slices.Contains(b, n) {
			return false
		}
	}
	return true
}

// phrasedTerms returns, per term, whether a sibling of its category (one
// with two elements or more) has a phrase of two stems or more among its
// elements: only in a sentence about such a term can a quoted phrase be
// a sibling's.
func (m *matcher) phrasedTerms() []bool {
	m.phrasingOnce.Do(func() {
		_, elems, _ := m.elements()
		// The categories' terms with a phrase, counted: a term is phrased
		// when another term of its category has one.
		phrases := map[string]int{}
		has := make([]bool, len(m.pack.Terms))
		for ti, t := range m.pack.Terms {
			for _, alts := range elems[ti] {
				for _, alt := range alts {
					has[ti] = has[ti] || len(alt) >= 2 && len(t.Elements) >= 2
				}
			}
			if has[ti] {
				phrases[t.Category]++
			}
		}
		m.phrasing = make([]bool, len(m.pack.Terms))
		for ti, t := range m.pack.Terms {
			others := phrases[t.Category]
			if has[ti] {
				others--
			}
			m.phrasing[ti] = len(t.Elements) >= 2 && others > 0
		}
	})
	return m.phrasing
}
