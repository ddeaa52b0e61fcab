package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

// OfficialName reports official names (of a list's members) written
// almost right.
var OfficialName = &rule.Rule{
	ID:       "official-name",
	Severity: rule.Warning,
	Doc: `An official name (guiding principle, dimension, value chain activity, practice...) is almost right.
Where the text names the list (a sentence with "guiding principle", a
heading or list item under such a heading), a name shortened, reordered,
with a word in another form, misspelt or swapped for a near synonym is
reported with the official name as the fix; so is one set in bold or
italics in an item under such a heading or item ("from **delivery &
support**"). Names of a case-sensitive list
(the guiding principles) written in lower case in running text are
reported too, unless they read as an ordinary verb phrase; so is a known
wrong form written in lower case after a verb cue ("the second principle:
do not start from scratch").`,
	Good: []string{"The first guiding principle is Focus on value.\n", "## Guiding principles\n\n- **Start where you are**: do not start from scratch.\n"},
	Bad:  []string{"The guiding principle Progress with feedback asks for small steps.\n", "The first guiding principle is focus on value.\n"},
	Run:  runOfficialName,
}

func runOfficialName(pass *rule.Pass) {
	m := matchedOf(pass)
	if m == nil {
		return
	}
	// The pack's own wrong forms and case slips of a name, where the text
	// names its list; then the names no form matches (nearmiss.go).
	for _, k := range m.wrong {
		mt := &m.matches[k]
		if _, e := m.entryOf(mt); e.kind == memberEntry && !m.inWholeSentence(int(mt.from)) {
			m.reportMember(pass, mt, e)
		}
	}
	m.nearMisses(func(c candidate, from, to int) {
		if !m.inWholeSentence(from) {
			m.reportNearMiss(pass, c, from, to)
		}
	})
}

// reportMember reports a list member matched by a wrong form or in the
// wrong case, when the text names its list there: in the sentence, or
// above a heading or list item.
func (m *matched) reportMember(pass *rule.Pass, mt *match, e *entry) {
	l := &m.p.Lists[e.list]
	bi := m.blockOf(int(mt.from))
	b := m.blocks[bi]
	bit := uint64(1) << e.list
	structural := b.block.Kind == note.Heading || b.block.InList
	inCtx := m.sentenceOf(mt).ctx&bit != 0 || structural && m.ctx[bi]&bit != 0 || m.labelVariant(mt, b, structural)
	if e.list >= 64 || !inCtx {
		return
	}
	name := l.Members[e.member].Name
	to := m.shortenedTail(mt, b, name)
	if m.sentenceOf(mt).ctx&bit == 0 && to < b.to && m.toks[to].gap() == ' ' && !m.toks[to].brk() && !m.m.lists[e.list].nounWords[string(m.norm(to))] {
		// Named only by the heading or item above, and a word other
		// than the list's noun ("Design & transition activity") goes
		// on the name: "Technology and information security" under a
		// dimension is another thing's name.
		return
	}
	written := m.written(int(mt.from), int(mt.to))
	format := "the official name of this %s is %q, not %q"
	verbPhrase := int(mt.from) > b.from && m.m.lists[e.list].verbCues[string(m.norm(int(mt.from)-1))]
	if mt.status == statusCase {
		if titleCase(written) || verbPhrase {
			return // a title ("Focus On Value"), or a verb phrase ("we focus on value")
		}
		format = "write the %s's name as %q, not %q"
	} else if verbPhrase && strings.ToLower(written) == written {
		// A wrong form that is ordinary English, written as a verb
		// phrase in lower case ("do not start from scratch"), is the
		// author's sentence, not a name.
		return
	}
	if to > int(mt.to) {
		written = m.written(int(mt.from), to) // "Keep it simple and practicable": the whole name
	}
	start, end := m.span(int(mt.from), to)
	m.report(pass, e.severity, int(mt.from), to, m.msgf(format, listNoun(l), name, written), m.fix(start, end, name))
}

// shortenedTail returns where the name that match mt starts ends: past
// the rest of the name's words, one of them changed, when mt is a
// shortened form that the name goes on from ("Keep it simple" of "Keep
// it simple and practical") and the text goes on with the name's next
// word and ends its clause there ("Keep it simple and practicable",
// "progress iteratively with feedbacks"); else mt.to. Replacing only the
// shortened form would write the name's tail twice.
func (m *matched) shortenedTail(mt *match, b blockInfo, name string) int {
	words := tokenizeString(name).norms()
	have := int(mt.to - mt.from)
	n := len(words) - have
	if n < 1 || int(mt.to)+n > b.to || m.toks[mt.to].clause() || string(m.norm(int(mt.to))) != words[have] {
		return int(mt.to)
	}
	for k := 0; k < have; k++ {
		if string(m.norm(int(mt.from)+k)) != words[k] {
			return int(mt.to)
		}
	}
	to := int(mt.to)
	for k := to + 1; k < to+n; k++ {
		if m.toks[k].clause() || m.toks[k].brk() {
			return to
		}
	}
	if end := to + n; end < b.to && !m.toks[end].clause() {
		return to
	}
	return to + n
}

// labelVariant reports whether mt is one of the pack's variants of a name
// written as the label a heading or list item starts with, capitalised as
// a name ("* **Delivery and Support**: the engineer replaces..."): a
// variant the pack lists, written as a name, names the member without a
// heading that names its list.
func (m *matched) labelVariant(mt *match, b blockInfo, structural bool) bool {
	if !structural || mt.status != statusWrong || int(mt.from) != b.from || mt.to-mt.from < 2 {
		return false
	}
	for k := mt.from; k < mt.to; k++ {
		if c := m.text[m.toks[k].start]; !(c >= 'A' && c <= 'Z') && !smallWords[string(m.norm(int(k)))] {
			return false
		}
	}
	return true
}

// smallWords stay in lower case in a title ("Deliver and Support").
var smallWords = map[string]bool{"and": true, "or": true, "of": true, "the": true, "a": true, "an": true, "in": true, "on": true, "to": true, "for": true, "with": true}

// reportNearMiss reports toks[from:to] as a near miss of candidate c.
func (m *matched) reportNearMiss(pass *rule.Pass, c candidate, from, to int) {
	l := &m.p.Lists[c.list]
	mb := &l.Members[c.member]
	written := m.written(from, to)
	e := &m.m.entries[m.m.lists[c.list].members[c.member].entry]
	var how string
	switch c.v.cost {
	case 0:
		how = "a word in another form"
	case 1:
		how = "words changed or misspelt"
	default:
		how = "shortened or a word swapped"
	}
	msg := m.msgf("near miss of the %s %q (%s): write %q, not %q", listNoun(l), mb.Name, how, mb.Name, written)
	start, end := m.span(from, to)
	m.report(pass, e.severity, from, to, msg, m.fix(start, end, mb.Name))
}

// listNoun is the singular noun of a list's members ("guiding
// principle"): its first noun by convention, or its name.
func listNoun(l *pack.List) string {
	if len(l.Nouns) > 0 {
		return l.Nouns[0]
	}
	return l.Name
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
