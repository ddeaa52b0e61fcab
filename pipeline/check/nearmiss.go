package check

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
)

// nearMisses finds, for official-name, official names written almost right: shortened, words
// reordered, another form of a word, misspelled, or (in a heading or list
// item) one word swapped. It looks only where the text names the list:
// in a sentence with a list noun, or in a heading or list item under a
// heading or an introduction that names it.
func (m *matched) nearMisses(report func(c candidate, from, to int)) {
	ctx := m.ctx
	si := 0 // the sentence of the block's first token: blocks are in order
	for bi, b := range m.blocks {
		for m.sents[si].to <= b.from {
			si++
		}
		segFrom, segTo := -1, -1
		if (b.block.Kind == note.Heading || b.block.InList) && ctx[bi] != 0 {
			segFrom, segTo = m.segment(b)
			if segTo-segFrom >= 1 && segTo-segFrom <= 8 {
				m.structuralNearMiss(segFrom, segTo, ctx[bi], report)
			}
		}
		if b.block.Kind == note.Heading {
			continue
		}
		for s := si; s < len(m.sents) && m.sents[s].from < b.to; s++ {
			if bits := m.sents[s].ctx | ctx[bi]; bits != 0 {
				m.emphasisedNearMiss(m.sents[s], bits, segFrom, segTo, report)
			}
			if m.sents[s].ctx == 0 {
				continue
			}
			m.runningNearMiss(m.sents[s], segFrom, segTo, report)
		}
	}
}

// emphasisedNearMiss reports the near misses in running text that are
// set in bold or italics ("from **delivery & support**"): emphasis marks
// a name where a capital does not, and where only the heading or item
// above names the list (runningNearMiss reads the capitalised ones of a
// sentence that names it). bits are the lists named in the sentence or
// above its block.
func (m *matched) emphasisedNearMiss(s sentence, bits uint64, skipFrom, skipTo int, report func(candidate, int, int)) {
	if span := m.text[m.toks[s.from].start:m.toks[s.to-1].end]; bytes.IndexByte(span, '*') < 0 && bytes.IndexByte(span, '_') < 0 {
		return // no emphasis inside, as in most sentences
	}
	for i := s.from; i < s.to; i++ {
		if m.coveredBy(i) != 0 || s.ctx != 0 && startsUpper(m.text[m.toks[i].start:]) || !m.emphasisAt(i, true) {
			continue
		}
		for j := i + 2; j <= min(s.to, i+5); j++ {
			if !m.emphasisAt(j-1, false) {
				continue
			}
			// The structural check judges a heading's or item's whole
			// first clause; a part of it is this check's.
			if !(i == skipFrom && j == skipTo) && m.window(i, j, -1, -1) {
				if c, ok := m.best(i, j, bits, false); ok {
					report(c, i, j)
					i = j - 1
				}
			}
			break
		}
	}
}

// emphasisAt reports whether an emphasis mark ('*', '_') stands right
// before toks[k] (open) or right after it.
func (m *matched) emphasisAt(k int, open bool) bool {
	t := &m.toks[k]
	var c byte
	switch {
	case open && t.start > 0:
		c = m.text[t.start-1]
	case !open && int(t.end) < len(m.text):
		c = m.text[t.end]
	}
	return c == '*' || c == '_'
}

// segment is the name-like start of a heading or list item: its first
// clause, without a leading number.
func (m *matched) segment(b blockInfo) (int, int) {
	from := b.from
	for from < b.to && isDigits(m.norm(from)) {
		from++
	}
	to := from + 1
	for to < b.to && !m.toks[to].clause() {
		to++
	}
	if from >= b.to {
		return b.to, b.to
	}
	return from, to
}

func isDigits(s []byte) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(s) > 0
}

// foldedShape returns the folded shape of toks[from:to], valid until the
// next call.
func (m *matched) foldedShape(from, to int) []byte {
	m.folded = m.appendShape(m.folded[:0], from, to, true)
	return m.folded
}

// exactlyMatched reports whether toks[from:to] is one correct match.
func (m *matched) exactlyMatched(from, to int) bool {
	c := m.coveredBy(from)
	if c == 0 {
		return false
	}
	mt := m.matches[c-1]
	return int(mt.from) == from && int(mt.to) == to && (mt.status == statusOK || mt.status == statusCase)
}

type verdict struct {
	ok    bool
	cost  int
	exact bool // the words are the member's name or an accepted form
}

// judge compares words with a member's name. structural allows one word
// swapped for another (a near synonym), which running text does not.
func judge(stems []string, folded []byte, mi *memberInfo, li *listInfo, structural bool) verdict {
	for _, s := range mi.shapes {
		if s == string(folded) {
			return verdict{exact: true}
		}
	}
	if len(mi.stems) >= 2 && !sharesStem(stems, mi.stems) {
		// Every verdict below needs a word in common with a name of
		// two words or more; most segments have none, and are not
		// worth the edit distance.
		return verdict{}
	}
	d, misspelt := tokenDistance(stems, mi.stems)
	if d == 0 {
		return verdict{ok: true, cost: 0} // the same words in another form
	}
	if misspelt {
		return verdict{ok: true, cost: 1}
	}
	if len(mi.content) < 2 || d > 2 {
		return verdict{}
	}
	// Content words are few (at most a handful): linear scans beat maps.
	var segBuf [12]string
	seg := segBuf[:0]
	for _, s := range stems {
		if !functionWords[s] && !slices.Contains(seg, s) {
			seg = append(seg, s)
		}
	}
	var missBuf [8]string
	missing := missBuf[:0]
	sharedDistinct := 0
	for _, s := range mi.content {
		if slices.Contains(seg, s) {
			if !li.weak[s] {
				sharedDistinct++
			}
		} else {
			missing = append(missing, s)
		}
	}
	extra := 0
	for _, s := range seg {
		if !slices.Contains(mi.content, s) {
			extra++
		}
	}
	switch {
	case len(missing) == 0 && extra == 0:
		return verdict{ok: true, cost: 1} // reordered, or a function word changed
	case len(mi.content) < 3 || sharedDistinct < 2 || len(missing) > 1:
		return verdict{}
	case len(missing) == 1 && li.weak[missing[0]]:
		return verdict{} // "Information security" for "... management"
	case len(missing) == 1 && extra == 0:
		return verdict{ok: true, cost: 2} // shortened
	case structural && len(missing) == 1 && extra == 1:
		return verdict{ok: true, cost: 2} // one word swapped
	}
	return verdict{}
}

// sharesStem reports whether a and b have a stem in common.
func sharesStem(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// tokenDistance is the edit distance between two word sequences; misspelt
// reports that they differ in one word only, by a typo.
func tokenDistance(a, b []string) (int, bool) {
	if len(a) == len(b) {
		diff, at := 0, -1
		for i := range a {
			if a[i] != b[i] {
				diff++
				at = i
			}
		}
		if diff == 0 {
			return 0, false
		}
		if diff == 1 && len(a[at]) >= 4 && len(b[at]) >= 4 && pack.Distance(a[at], b[at]) <= 2 {
			return 1, true
		}
	}
	var prevBuf, curBuf [16]int // names are a few words
	prev, cur := prevBuf[:0], curBuf[:0]
	if len(b)+1 > len(prevBuf) {
		prev, cur = make([]int, 0, len(b)+1), make([]int, 0, len(b)+1)
	}
	prev, cur = prev[:len(b)+1], cur[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)], false
}

type candidate struct {
	list, member int
	v            verdict
}

func (m *matched) best(from, to int, bits uint64, structural bool) (candidate, bool) {
	stems := m.stems(from, to)
	folded := m.foldedShape(from, to)
	var best candidate
	found := false
	for li := range m.m.lists {
		if li >= 64 || bits&(1<<li) == 0 {
			continue
		}
		info := &m.m.lists[li]
		for mi := range info.members {
			v := judge(stems, folded, &info.members[mi], info, structural)
			if v.exact {
				// A member written right ("how do we **get** there",
				// the emphasis aside) is near no other.
				return candidate{}, false
			}
			if v.ok && (!found || v.cost < best.v.cost) {
				best, found = candidate{li, mi, v}, true
			}
		}
	}
	return best, found
}

func (m *matched) structuralNearMiss(from, to int, bits uint64, report func(candidate, int, int)) {
	if m.exactlyMatched(from, to) {
		return
	}
	for _, np := range m.nounsAt(from, false) {
		if len(np.toks) == to-from {
			return // the list's own name, as a heading
		}
	}
	for k := from; k < to; k++ {
		if c := m.coveredBy(k); c != 0 && m.matches[c-1].status != statusOK {
			return // a wrong form inside is reported as such
		}
	}
	if c, ok := m.best(from, to, bits, true); ok {
		report(c, from, to)
	}
}

func (m *matched) runningNearMiss(s sentence, skipFrom, skipTo int, report func(candidate, int, int)) {
	// Most words are passed over at the first two tests: what they read
	// is kept in variables rather than read through m for each word.
	covered, toks := m.covered, m.toks[:s.to]
	for i := s.from; i < s.to; i++ {
		if covered.of(i) != 0 || i >= skipFrom && i < skipTo {
			continue
		}
		if t := &toks[i]; t.low == 0 || !startsUpper(m.text[t.start:]) {
			// In running text a near miss must read as a name: written
			// in lower case it is usually an ordinary phrase ("services
			// are delivered and supported"). A word with no lower-case
			// copy (low 0) is ASCII and in lower case already.
			continue
		}
		if i > s.from && !m.toks[i].clause() && m.verbCue(i) {
			continue
		}
		st := m.stemAt(i)
		if functionWords[st] {
			continue
		}
		best, bestTo := m.runningCandidate(s, i, st, skipFrom, skipTo)
		if bestTo > 0 {
			report(best, i, bestTo)
			i = bestTo - 1
		}
	}
}

// runningCandidate returns the best near miss in running text starting
// at toks[i], whose stem is st, and where it ends; -1 for none.
func (m *matched) runningCandidate(s sentence, i int, st string, skipFrom, skipTo int) (candidate, int) {
	var best candidate
	bestTo := -1
	for li := range m.m.lists {
		if li >= 64 || s.ctx&(1<<li) == 0 {
			continue
		}
		info := &m.m.lists[li]
		for mi := range info.members {
			mb := &info.members[mi]
			if len(mb.content) < 2 || !slices.Contains(mb.content, st) {
				continue
			}
			for l := min(len(mb.stems)+2, s.to-i); l >= 2; l-- {
				j := i + l
				if !m.window(i, j, skipFrom, skipTo) || !slices.Contains(mb.content, m.stemAt(j-1)) {
					continue
				}
				v := judge(m.stems(i, j), m.foldedShape(i, j), mb, info, false)
				if v.ok && (bestTo < 0 || v.cost < best.v.cost || v.cost == best.v.cost && j > bestTo) {
					best, bestTo = candidate{li, mi, v}, j
				}
			}
		}
	}
	return best, bestTo
}

// verbCue: the word before toks[i] shows an ordinary verb phrase follows.
func (m *matched) verbCue(i int) bool {
	for li := range m.m.lists {
		if m.m.lists[li].verbCues[string(m.norm(i-1))] {
			return true
		}
	}
	return false
}

// window reports whether toks[i:j] lies in one clause, off exact matches.
func (m *matched) window(i, j, skipFrom, skipTo int) bool {
	for k := i; k < j; k++ {
		if m.coveredBy(k) != 0 || k >= skipFrom && k < skipTo {
			return false
		}
		if k > i && (m.toks[k].clause() || m.toks[k].brk()) {
			return false
		}
	}
	return true
}

func startsUpper(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return unicode.IsUpper(r)
}
