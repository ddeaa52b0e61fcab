package check

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
)

// nearMisses finds official names written almost right: shortened, words
// reordered, another form of a word, misspelled, or (in a heading or list
// item) one word swapped. It looks only where the text names the list:
// in a sentence with a list noun, or in a heading or list item under a
// heading or an introduction that names it.
func (a *analyzer) nearMisses() {
	ctx := a.ctx
	for bi, b := range a.blocks {
		segFrom, segTo := -1, -1
		if (b.block.Kind == note.Heading || b.block.InList) && ctx[bi] != 0 {
			segFrom, segTo = a.segment(b)
			if segTo-segFrom >= 1 && segTo-segFrom <= 8 {
				a.structuralNearMiss(segFrom, segTo, ctx[bi])
			}
		}
		if b.block.Kind == note.Heading {
			continue
		}
		for s := a.sentOf[b.from]; int(s) < len(a.sents) && a.sents[s].from < b.to; s++ {
			if a.sents[s].ctx == 0 {
				continue
			}
			a.runningNearMiss(a.sents[s], segFrom, segTo)
		}
	}
}

// segment is the name-like start of a heading or list item: its first
// clause, without a leading number.
func (a *analyzer) segment(b blockInfo) (int, int) {
	from := b.from
	for from < b.to && isDigits(a.norm(from)) {
		from++
	}
	to := from + 1
	for to < b.to && !a.toks[to].clause {
		to++
	}
	if from >= b.to {
		return b.to, b.to
	}
	return from, to
}

func isDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// stems returns the stems of toks[from:to], valid until the next call.
func (a *analyzer) stems(from, to int) []string {
	out := a.stemBuf[:0]
	for k := from; k < to; k++ {
		out = append(out, a.stemAt(k))
	}
	a.stemBuf = out
	return out
}

// foldedShape returns the folded shape of toks[from:to], valid until the
// next call.
func (a *analyzer) foldedShape(from, to int) string {
	a.folded = a.appendShape(a.folded[:0], from, to, true)
	return view(a.folded)
}

// exactlyMatched reports whether toks[from:to] is one correct match.
func (a *analyzer) exactlyMatched(from, to int) bool {
	c := a.covered[from]
	if c == 0 {
		return false
	}
	mt := a.matches[c-1]
	return mt.from == from && mt.to == to && (mt.status == statusOK || mt.status == statusCase)
}

type verdict struct {
	ok   bool
	cost int
}

// judge compares words with a member's name. structural allows one word
// swapped for another (a near synonym), which running text does not.
func judge(stems []string, folded string, mi *memberInfo, li *listInfo, structural bool) verdict {
	for _, s := range mi.shapes {
		if s == folded {
			return verdict{}
		}
	}
	d, misspelt := tokenDistance(stems, mi.stems)
	if d == 0 {
		return verdict{true, 0} // the same words in another form
	}
	if misspelt {
		return verdict{true, 1}
	}
	if len(mi.content) < 2 || d > 2 {
		return verdict{}
	}
	// Content words are few (at most a handful): linear scans beat maps.
	var segBuf [12]string
	seg := segBuf[:0]
	for _, s := range stems {
		if !functionWords[s] && !contains(seg, s) {
			seg = append(seg, s)
		}
	}
	var missBuf [8]string
	missing := missBuf[:0]
	sharedDistinct := 0
	for _, s := range mi.content {
		if contains(seg, s) {
			if !li.weak[s] {
				sharedDistinct++
			}
		} else {
			missing = append(missing, s)
		}
	}
	extra := 0
	for _, s := range seg {
		if !contains(mi.content, s) {
			extra++
		}
	}
	switch {
	case len(missing) == 0 && extra == 0:
		return verdict{true, 1} // reordered, or a function word changed
	case len(mi.content) < 3 || sharedDistinct < 2 || len(missing) > 1:
		return verdict{}
	case len(missing) == 1 && li.weak[missing[0]]:
		return verdict{} // "Information security" for "... management"
	case len(missing) == 1 && extra == 0:
		return verdict{true, 2} // shortened
	case structural && len(missing) == 1 && extra == 1:
		return verdict{true, 2} // one word swapped
	}
	return verdict{}
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

func (a *analyzer) best(from, to int, bits uint64, structural bool) (candidate, bool) {
	stems := a.stems(from, to)
	folded := a.foldedShape(from, to)
	var best candidate
	found := false
	for li := range a.m.lists {
		if li >= 64 || bits&(1<<li) == 0 {
			continue
		}
		info := &a.m.lists[li]
		for mi := range info.members {
			v := judge(stems, folded, &info.members[mi], info, structural)
			if v.ok && (!found || v.cost < best.v.cost) {
				best, found = candidate{li, mi, v}, true
			}
		}
	}
	return best, found
}

func (a *analyzer) structuralNearMiss(from, to int, bits uint64) {
	if a.exactlyMatched(from, to) {
		return
	}
	for _, np := range a.nounsAt(from, false) {
		if len(np.toks) == to-from {
			return // the list's own name, as a heading
		}
	}
	for k := from; k < to; k++ {
		if c := a.covered[k]; c != 0 && a.matches[c-1].status != statusOK {
			return // a wrong form inside is reported as such
		}
	}
	if c, ok := a.best(from, to, bits, true); ok {
		a.reportNearMiss(c, from, to)
	}
}

func (a *analyzer) runningNearMiss(s sentence, skipFrom, skipTo int) {
	// Most words are passed over at the first two tests: what they read
	// is kept in variables rather than read through a for each word.
	covered, toks := a.covered[:s.to], a.toks[:s.to]
	for i := s.from; i < s.to; i++ {
		if covered[i] != 0 || i >= skipFrom && i < skipTo {
			continue
		}
		if t := &toks[i]; t.lowTo == 0 || !startsUpper(a.text[t.start:]) {
			// In running text a near miss must read as a name: written
			// in lower case it is usually an ordinary phrase ("services
			// are delivered and supported"). A word with no lower-case
			// copy (lowTo 0) is ASCII and in lower case already.
			continue
		}
		if i > s.from && !a.toks[i].clause && a.verbCue(i) {
			continue
		}
		st := a.stemAt(i)
		if functionWords[st] {
			continue
		}
		var best candidate
		bestTo := -1
		for li := range a.m.lists {
			if li >= 64 || s.ctx&(1<<li) == 0 {
				continue
			}
			info := &a.m.lists[li]
			for mi := range info.members {
				m := &info.members[mi]
				if len(m.content) < 2 || !contains(m.content, st) {
					continue
				}
				for l := min(len(m.stems)+2, s.to-i); l >= 2; l-- {
					j := i + l
					if !a.window(i, j, skipFrom, skipTo) || !contains(m.content, a.stemAt(j-1)) {
						continue
					}
					v := judge(a.stems(i, j), a.foldedShape(i, j), m, info, false)
					if v.ok && (bestTo < 0 || v.cost < best.v.cost || v.cost == best.v.cost && j > bestTo) {
						best, bestTo = candidate{li, mi, v}, j
					}
				}
			}
		}
		if bestTo > 0 {
			a.reportNearMiss(best, i, bestTo)
			i = bestTo - 1
		}
	}
}

// verbCue: the word before toks[i] shows an ordinary verb phrase follows.
func (a *analyzer) verbCue(i int) bool {
	for li := range a.m.lists {
		if a.m.lists[li].verbCues[a.norm(i-1)] {
			return true
		}
	}
	return false
}

// window reports whether toks[i:j] lies in one clause, off exact matches.
func (a *analyzer) window(i, j, skipFrom, skipTo int) bool {
	for k := i; k < j; k++ {
		if a.covered[k] != 0 || k >= skipFrom && k < skipTo {
			return false
		}
		if k > i && (a.toks[k].clause || a.toks[k].brk) {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (a *analyzer) reportNearMiss(c candidate, from, to int) {
	l := &a.p.Lists[c.list]
	mb := &l.Members[c.member]
	written := a.written(from, to)
	e := &a.m.entries[a.m.lists[c.list].members[c.member].entry]
	var how string
	switch c.v.cost {
	case 0:
		how = "a word in another form"
	case 1:
		how = "words changed or misspelt"
	default:
		how = "shortened or a word swapped"
	}
	msg := a.msgf("near miss of the %s %q (%s): write %q, not %q", listNoun(l), mb.Name, how, mb.Name, written)
	a.report(ruleOfficialName, e.severity, from, to, msg, a.fix(a.toks[from].start, a.toks[to-1].end, mb.Name))
}

// English number words, for counts written out ("seven guiding
// principles"); this is language, not ITIL, so it lives here.
var numberWords = map[string]int{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "one": 1,
}

var unitWords = []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}

// countExclusions before a number mean it counts a part, not the whole
// list ("the first two dimensions", "one or two principles").
var countExclusions = map[string]bool{
	"first": true, "last": true, "next": true, "other": true, "remaining": true, "these": true,
	"those": true, "or": true, "to": true, "only": true, "top": true, "least": true, "most": true,
	"than": true, "about": true, "around": true, "nearly": true, "over": true, "under": true,
	"some": true, "another": true, "additional": true, "extra": true, "further": true, "just": true,
	"step": true, "version": true, "v": true, "chapter": true, "module": true, "part": true,
}

// countFillers may stand between a number and the list noun ("seven key
// guiding principles").
var countFillers = map[string]bool{
	"official": true, "main": true, "key": true, "core": true, "different": true, "basic": true, "itil": true,
}

func (tt *tokenized) parseNumber(i int) (int, int) {
	toks := tt.toks
	t := tt.norm(i)
	if isDigits(t) {
		if len(t) > 4 || i+1 < len(toks) && toks[i+1].gap == '.' && !toks[i+1].brk {
			return 0, 1 // a year, a version ("4.0")
		}
		n, _ := strconv.Atoi(t)
		return n, 1
	}
	n, ok := numberWords[t]
	if !ok {
		return 0, 1
	}
	if n >= 20 && i+1 < len(toks) && !toks[i+1].brk {
		if u, ok := numberWords[tt.norm(i+1)]; ok && u < 10 {
			return n + u, 2
		}
	}
	return n, 1
}

func numberText(n int, digits bool) string {
	if digits {
		return strconv.Itoa(n)
	}
	for w, v := range numberWords {
		if v == n && n < 20 {
			return w
		}
	}
	if n >= 20 && n < 60 {
		tens := map[int]string{20: "twenty", 30: "thirty", 40: "forty", 50: "fifty"}[n/10*10]
		if n%10 == 0 {
			return tens
		}
		return tens + "-" + unitWords[n%10]
	}
	return strconv.Itoa(n)
}

// counts reports a wrong number next to a counted list. Only numbers close
// to the official count are reported: "six guiding principles" is a slip,
// "the 15 practices you need for the exam" is a subset.
func (a *analyzer) counts() {
	toks := a.toks
	next := 0 // the first token not read as part of a number
	for _, n := range a.numbers {
		i := int(n)
		if i < next || a.covered[i] != 0 || a.m.vocab.info[toks[i].word].number == 0 && !isDigits(a.norm(i)) {
			continue
		}
		val, l := a.parseNumber(i)
		next = i + l
		if val < 2 {
			continue
		}
		if i > 0 && !toks[i].sent {
			if p := a.norm(i - 1); countExclusions[p] || numberWords[p] > 0 || isDigits(p) {
				continue
			}
		}
		j := i + l
		for steps := 0; j < len(toks) && steps <= 3 && !toks[j].clause; steps++ {
			if nps := a.nounsAt(j, true); len(nps) > 0 {
				a.checkCount(i, i+l, val, j, nps)
				break
			}
			if c := a.covered[j]; c != 0 {
				mt := a.matches[c-1]
				if f := mt.form; f >= 0 && a.m.entries[a.m.forms[f].entry].kind == termEntry && a.p.Terms[a.m.entries[a.m.forms[f].entry].term].Category == productCategory {
					j = mt.to
					continue
				}
			}
			if !countFillers[a.norm(j)] {
				break
			}
			j++
		}
	}
}

func (a *analyzer) checkCount(from, to, val, nounAt int, nps []nounPattern) {
	for _, np := range nps {
		if np.count == val {
			return
		}
	}
	np := nps[0]
	diff := val - np.count
	if diff < 0 {
		diff = -diff
	}
	if diff > max(2, np.count/5) {
		return
	}
	l := &a.p.Lists[np.list]
	what := l.Name
	sev := severityOf(l.Severity)
	if np.group >= 0 {
		what = l.Groups[np.group].Name
	}
	written := a.written(from, to)
	repl := a.matchCase(written, numberText(np.count, isDigits(a.norm(from))))
	nounText := a.written(nounAt, nounAt+len(np.toks))
	msg := a.msgf("%s: there are %s %s, not %s", what, strconv.Itoa(np.count), nounText, written)
	a.report(ruleListCount, sev, from, to, msg, a.fix(a.toks[from].start, a.toks[to-1].end, repl))
}

// Words that open a definition after the term: "X is a/the ...", "X means
// ...", "X refers to ...". English, not ITIL, so here rather than in the
// pack.
var definitionStart = map[string]bool{"a": true, "an": true, "the": true, "any": true, "something": true, "when": true, "how": true, "what": true}

// isArticle reports whether a folded word is an article; a comparison,
// as it runs for most sentences, costs less than hashing the word.
func isArticle(w string) bool { return w == "a" || w == "an" || w == "the" }

// definitionBody returns where the defining words of a sentence start, if
// toks[j:] reads as "is a ...", "means ...", "refers to ...".
func (tt *tokenized) definitionBody(j, end int) int {
	toks := tt.toks
	at := func(k int, words ...string) bool {
		if k+len(words) > end {
			return false
		}
		for n, w := range words {
			if tt.norm(k+n) != w || k+n > j && toks[k+n].clause {
				return false
			}
		}
		return true
	}
	if j >= end {
		return -1
	}
	switch tt.norm(j) {
	case "is", "are":
		if at(j+1, "defined", "as") || tt.norm(j) == "is" && at(j+1, "described", "as") {
			return j + 3
		}
		if j+1 < end && definitionStart[tt.norm(j+1)] && !toks[j+1].clause {
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

// definitions compares sentences that define a glossary term with the
// term's key elements, and with those of its siblings.
func (a *analyzer) definitions() {
	for _, s := range a.sents {
		k := s.from
		if a.covered[k] == 0 && (k+1 >= s.to || a.covered[k+1] == 0) {
			continue // no term at the start, with or without an article
		}
		if k < s.to && isArticle(a.norm(k)) {
			k++
		}
		if k >= s.to || a.covered[k] == 0 {
			continue
		}
		mt := a.matches[a.covered[k]-1]
		if mt.from != k || mt.form < 0 || mt.status != statusOK && mt.status != statusCase {
			continue
		}
		e := &a.m.entries[a.m.forms[mt.form].entry]
		if e.kind != termEntry || a.m.forms[mt.form].acronym {
			continue
		}
		t := &a.p.Terms[e.term]
		if len(t.Elements) < 2 {
			continue
		}
		body := a.definitionBody(mt.to, s.to)
		if body < 0 || s.to-body < 4 {
			continue
		}
		// The body's words matter only as stems of some term's elements:
		// they are kept as a set of those stems' numbers.
		index, elems, ofWord := a.m.elements()
		words := grow(a.words, (len(index)+63)/64)
		for q := body; q < s.to; q++ {
			n, ok := 0, false
			if w := a.toks[q].word; w != 0 {
				n, ok = int(ofWord[w]-1), ofWord[w] != 0
			} else {
				n, ok = index[a.stemAt(q)]
			}
			if ok {
				words[n/64] |= 1 << (n % 64)
			}
		}
		a.words = words
		own := elementScore(elems[e.term], words)
		if own >= 0.67 {
			continue
		}
		best, bestScore := -1, 0.0
		for ti := range a.p.Terms {
			o := &a.p.Terms[ti]
			if ti == e.term || o.Category != t.Category || len(o.Elements) < 2 {
				continue
			}
			if sc := elementScore(elems[ti], words); sc > bestScore {
				best, bestScore = ti, sc
			}
		}
		end := s.to
		var msg string
		switch {
		case best >= 0 && bestScore >= 0.66 && bestScore > own:
			// It defines a sibling: the classic mix-ups (problem and
			// incident, utility and warranty, customer and sponsor).
			o := &a.p.Terms[best]
			msg = a.msgf("this definition fits %q rather than %q; %s: %s", o.Term, t.Term, t.Term, t.Definition)
		case own == 0 && len(t.Elements) >= 3 && s.to-body >= 8:
			// Missing every element of a rich definition; short
			// descriptions ("X is a key idea of ITIL") are left alone.
			missing := missingElements(elems[e.term], words, t.Elements)
			msg = a.msgf("this definition of %q misses its key elements (%s); %s: %s", t.Term, strings.Join(missing, "; "), t.Term, t.Definition)
		default:
			continue
		}
		sev := severityOf(t.Severity)
		a.report(ruleDefinition, sev, s.from, end, msg, nil)
	}
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

func startsUpper(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return unicode.IsUpper(r)
}
