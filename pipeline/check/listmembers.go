package check

import (
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
	Doc: `A list of the value chain activities (or guiding principles, dimensions, CI model steps, SVS components) holds an item that is none of them.
Where a heading or an introduction names one of the pack's short counted
lists and its bullets name at least half of the members, a bullet that
shares no word with any member ("Products and Services" as a seventh value
chain activity) is reported: the list now has more items than the pack's
count. Lists of more than ten members (the practices) are left alone.`,
	Good: []string{"The value chain activities are:\n\n- Plan\n- Improve\n- Engage\n- Design and transition\n- Obtain/build\n- Deliver and support\n"},
	Bad:  []string{"The value chain activities are:\n\n- Plan\n- Improve\n- Engage\n- Design and transition\n- Obtain/build\n- Deliver and support\n- Products and services\n"},
	Run:  runListMembers,
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
		if li >= 64 || ctx&(1<<li) == 0 || len(l.Members) > 10 || len(items) <= l.Count {
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
		c := m.covered[k]
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
