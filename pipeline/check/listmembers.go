package check

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

// ListMembers reports an item that does not belong in a written-out list
// of a counted list's members.
var ListMembers = &rule.Rule{
	ID:       "list-members",
	Severity: rule.Error,
	Doc: `A list of the value chain activities (or guiding principles, dimensions, CI model steps, SVS components) holds an item that is none of them, or misses one.
Where a heading or an introduction names one of the pack's short counted
lists and its bullets name at least half of the members, a bullet that
shares no word with any member ("Products and Services" as a seventh value
chain activity) is reported: the list now has more items than the pack's
count. A list that names every member but one is reported too when the
text presents it as the whole list: a count ("the four dimensions", in the
heading or the sentence before, or in a sentence that names the members),
or an introduction that ends on a colon or a question and names the list
in the plural ("The guiding principles are:"), without a word that makes
it a selection ("some", "include", "which"). Lists of more than ten
members (the practices) are left alone.`,
	Good: []string{"The value chain activities are:\n\n- Plan\n- Improve\n- Engage\n- Design and transition\n- Obtain/build\n- Deliver and support\n"},
	Bad: []string{"The value chain activities are:\n\n- Plan\n- Improve\n- Engage\n- Design and transition\n- Obtain/build\n- Deliver and support\n- Products and services\n",
		"The four dimensions of service management are:\n\n- Organizations and people\n- Information and technology\n- Value streams and processes\n"},
	Run: runListMembers,
}

// runListMembers reads each run of list items in the note: when a list
// the context names has half its members or more among the items, and
// more items than members, the items that name no member and share no
// word with one are reported.
func runListMembers(pass *rule.Pass) {
	m := matchedOf(pass)
	if m == nil {
		return
	}
	var items []int
	for from := 0; from < len(m.blocks); {
		if !m.isItem(from) {
			from++
			continue
		}
		// The items of one list: those at the first one's indentation,
		// past the items nested deeper, up to one less indented or
		// anything that is no item.
		indent := m.itemIndent(from)
		items = items[:0]
		to := from
		for ; to < len(m.blocks) && m.isItem(to); to++ {
			in := m.itemIndent(to)
			if in < indent {
				break
			}
			if in == indent {
				items = append(items, to)
			}
		}
		m.checkItems(pass, items)
		from = max(to, from+1)
	}
	for si := range m.sents {
		if m.sents[si].ctx != 0 {
			m.checkSentence(pass, si)
		}
	}
}

// checkSentence reports a sentence that counts a short list with its
// official count and names all its members but one ("The four
// dimensions are organizations and people, information and technology,
// and value streams and processes").
func (m *matched) checkSentence(pass *rule.Pass, si int) {
	s := m.sents[si]
	for li := range m.p.Lists {
		l := &m.p.Lists[li]
		if li >= 64 || s.ctx&(1<<li) == 0 || len(l.Members) > 10 || l.Count < 3 {
			continue
		}
		seen, named := 0, 0
		for k := s.from; k < s.to; k++ {
			c := m.coveredBy(k)
			if c == 0 || int(m.matches[c-1].from) != k || m.matches[c-1].form < 0 {
				continue
			}
			if _, e := m.entryOf(&m.matches[c-1]); e.kind == memberEntry && e.list == li && seen&(1<<e.member) == 0 {
				seen |= 1 << e.member
				named++
			}
		}
		if named != l.Count-1 || !m.countsWhole(s, li) || m.inWholeSentence(s.from) {
			continue
		}
		missing := 0
		for seen&(1<<missing) != 0 {
			missing++
		}
		if m.writesMember(s.from, s.to, li, missing) {
			continue
		}
		msg := m.msgf("this list of %s misses %q (%s in all)", strings.ToLower(l.Name[:1])+l.Name[1:], l.Members[missing].Name, strconv.Itoa(l.Count))
		m.report(pass, 0, s.from, s.to, msg, nil)
	}
}

// isItem reports whether blocks[bi] is the paragraph of a list item.
func (m *matched) isItem(bi int) bool {
	b := m.blocks[bi].block
	return b.InList && b.Kind == note.Paragraph && len(b.Lines) > 0
}

// itemIndent is the indentation of the line a list item's paragraph
// starts on: where its marker stands.
func (m *matched) itemIndent(bi int) int {
	at := m.blocks[bi].block.Lines[0].Start
	ls := at
	for ls > 0 && m.text[ls-1] != '\n' {
		ls--
	}
	i := ls
	for i < at && (m.text[i] == ' ' || m.text[i] == '\t') {
		i++
	}
	return i - ls
}

// checkItems checks the items of one list, blocks[items[k]].
func (m *matched) checkItems(pass *rule.Pass, items []int) {
	if len(items) == 0 {
		return
	}
	ctx := m.ctx[items[0]]
	for li := range m.p.Lists {
		l := &m.p.Lists[li]
		if li >= 64 || ctx&(1<<li) == 0 || len(l.Members) > 10 {
			continue
		}
		if len(items) == l.Count-1 {
			m.checkMissing(pass, items, li)
			continue
		}
		if len(items) <= l.Count {
			continue
		}
		members := map[int]bool{}
		var strangers []int
		for _, bi := range items {
			mb, named := m.itemMember(bi, li)
			switch {
			case named:
				members[mb] = true
			case m.nameLike(bi) && !m.sharesMemberWord(bi, li):
				strangers = append(strangers, bi)
			}
		}
		// Most items name members, and without the strangers the list
		// would not be longer than the pack's count.
		if 2*len(members) < len(l.Members) || 2*len(members) < len(items) || len(strangers) == 0 || len(members) > l.Count || len(items)-len(strangers) > l.Count {
			continue
		}
		for _, bi := range strangers {
			s, e := m.segment(m.blocks[bi])
			written := m.written(s, e)
			msg := m.msgf("%q is not one of %s (%s in all)", written, strings.ToLower(l.Name[:1])+l.Name[1:], strconv.Itoa(l.Count))
			m.report(pass, 0, s, e, msg, nil)
		}
	}
}

// nameLike reports whether list item blocks[bi] reads as a name: two to
// five words, the first capitalised, no digits, nothing after its first
// clause.
func (m *matched) nameLike(bi int) bool {
	b := m.blocks[bi]
	s, e := m.segment(b)
	if e-s < 2 || e-s > 5 || e != b.to {
		return false
	}
	if c := m.text[m.toks[s].start]; c < 'A' || c > 'Z' {
		return false
	}
	for k := s; k < e; k++ {
		if isDigits(m.norm(k)) {
			return false
		}
	}
	return true
}

// itemMember returns the member of list li that list item blocks[bi]
// starts with, by any of its forms (right, wrong, or in another case).
func (m *matched) itemMember(bi, li int) (int, bool) {
	s, e := m.segment(m.blocks[bi])
	for k := s; k < e && k < s+3; k++ {
		c := m.coveredBy(k)
		if c == 0 {
			continue
		}
		mt := &m.matches[c-1]
		if mt.form < 0 {
			continue
		}
		if _, en := m.entryOf(mt); en.kind == memberEntry && en.list == li {
			return en.member, true
		}
	}
	return 0, false
}

// sharesMemberWord reports whether a word of four letters or more of the
// item's first clause is a word of a member's name: a member written
// loosely ("Obtaining and building"), which official-name judges.
func (m *matched) sharesMemberWord(bi, li int) bool {
	s, e := m.segment(m.blocks[bi])
	for k := s; k < e; k++ {
		w := string(m.norm(k))
		if len(w) < 4 {
			continue
		}
		stem := w[:4]
		for _, mb := range m.p.Lists[li].Members {
			for _, f := range strings.FieldsFunc(strings.ToLower(mb.Name), func(r rune) bool { return r == ' ' || r == '/' || r == '?' }) {
				if len(f) >= 4 && f[:4] == stem {
					return true
				}
			}
		}
	}
	return false
}

// checkMissing reports a list that names every member of list li but
// one, when the text before it presents it as the whole list: a count
// ("the seven guiding principles"), or an introduction that ends on a
// colon or a question without a word that makes it a selection ("The
// guiding principles are:", not "Principles include:").
func (m *matched) checkMissing(pass *rule.Pass, items []int, li int) {
	l := &m.p.Lists[li]
	seen := make([]bool, len(l.Members))
	for _, bi := range items {
		mb, named := m.itemMember(bi, li)
		if !named || seen[mb] {
			return
		}
		seen[mb] = true
	}
	intro := items[0] - 1
	if intro < 0 {
		return
	}
	si, ok := m.claimsWhole(intro, li)
	if !ok {
		return
	}
	missing := 0
	for k, ok := range seen {
		if !ok {
			missing = k
		}
	}
	last := m.blocks[items[len(items)-1]]
	if m.writesMember(m.blocks[intro].from, last.to, li, missing) {
		return // named after all: in a line the list took for part of an item
	}
	s := m.sents[si]
	msg := m.msgf("this list of %s misses %q (%s in all)", strings.ToLower(l.Name[:1])+l.Name[1:], l.Members[missing].Name, strconv.Itoa(l.Count))
	m.report(pass, 0, s.from, s.to, msg, nil)
}

// claimsWhole returns the sentence of block bi, which comes right before
// a list, that presents the list as all of list li's members; ok is
// false when none does. A count claims it; so does an introduction that
// ends on a colon or a question, names the list in the plural ("are")
// or alone ("Guiding principles:"), and has no word of a selection.
func (m *matched) claimsWhole(bi, li int) (int, bool) {
	b := m.blocks[bi]
	bit := uint64(1) << li
	for si := m.sentOf(b.to - 1); si >= 0 && m.sents[si].to > b.from; si-- {
		s := m.sents[si]
		if s.ctx&bit == 0 {
			continue
		}
		if m.countsWhole(s, li) {
			return si, true
		}
		end := m.text[m.toks[s.to-1].end:max(int(m.toks[s.to-1].end), b.block.End)]
		if si == m.sentOf(b.to-1) && bytes.ContainsAny(end, ":?") && !m.selects(s) && (s.to-s.from <= 6 || m.hasWord(s, "are")) {
			return si, true
		}
		return 0, false
	}
	return 0, false
}

// countsWhole reports whether sentence s counts list li with its official
// count ("the seven guiding principles", "4 dimensions").
func (m *matched) countsWhole(s sentence, li int) bool {
	for k := s.from; k < s.to; k++ {
		c := m.norm(k)
		if numberWords[string(c)] == 0 && !isDigits(c) {
			continue
		}
		val, l := m.parseNumber(k)
		if val < 2 || m.partCount(k) {
			continue
		}
		_, nps := m.countedList(k + l)
		for _, np := range nps {
			if np.list == li && np.group < 0 && np.count == val {
				return true
			}
		}
	}
	return false
}

// hasWord reports whether sentence s has the folded word w.
func (m *matched) hasWord(s sentence, w string) bool {
	for k := s.from; k < s.to; k++ {
		if string(m.norm(k)) == w {
			return true
		}
	}
	return false
}

// selects reports whether sentence s introduces some members only
// ("Principles include:", "Some of the dimensions are:").
func (m *matched) selects(s sentence) bool {
	for k := s.from; k < s.to; k++ {
		if selectionWords[string(m.norm(k))] {
			return true
		}
	}
	return false
}

// Words that make an introduction name a selection of a list's members,
// not all of them. English, not ITIL.
var selectionWords = map[string]bool{
	"some": true, "include": true, "includes": true, "including": true, "eg": true, "e": true, "example": true,
	"examples": true, "such": true, "like": true, "few": true, "several": true, "other": true, "others": true,
	"also": true, "most": true, "main": true, "first": true, "last": true, "remaining": true, "rest": true,
	"which": true, "not": true, "except": true, "besides": true, "apart": true, "missing": true, "omitted": true,
}

// writesMember reports whether toks[from:to] name member mb of list li,
// by a form of it or by a word of its name that no other member's name
// has ("Collaborate" of "Collaborate and promote visibility"): an item
// written as "4, Collaborate ..." joins the item before it.
func (m *matched) writesMember(from, to, li, mb int) bool {
	l := &m.p.Lists[li]
	var own []string
	for _, w := range memberWords(l.Members[mb].Name) {
		shared := false
		for k := range l.Members {
			if k != mb && slices.Contains(memberWords(l.Members[k].Name), w) {
				shared = true
			}
		}
		if !shared && len(w) >= 4 {
			own = append(own, w[:4])
		}
	}
	for k := from; k < to; k++ {
		if c := m.coveredBy(k); c != 0 && m.matches[c-1].form >= 0 {
			if _, e := m.entryOf(&m.matches[c-1]); e.kind == memberEntry && e.list == li && e.member == mb {
				return true
			}
		}
		if w := m.norm(k); len(w) >= 4 && slices.Contains(own, string(w[:4])) {
			return true
		}
	}
	return false
}

// memberWords returns the words of a member's name, in lower case.
func memberWords(name string) []string {
	return strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == ' ' || r == '/' || r == '?' })
}
