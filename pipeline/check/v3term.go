package check

import (
	"strings"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

// V3Term reports ITIL v3 wording that ITIL 4 replaced or dropped.
var V3Term = &rule.Rule{
	ID:       "v3-term",
	Severity: rule.Warning,
	Doc: `An ITIL v3 term that ITIL 4 replaced or dropped.
The service lifecycle, continual service improvement, the Change Advisory
Board, request fulfilment, change management and the like: each pack entry
gives the ITIL 4 wording and a one-line reason. A passage about earlier
editions on purpose is left alone: a sentence, heading, list introduction or
label line ("ITIL v3:") holding one of the pack's history phrases; so is a
v3 name given as an alias ("also known as change management", "formerly
request fulfilment").`,
	Good: []string{"Change enablement authorizes changes.\n", "## ITIL v3\n\nChange management authorized changes.\n",
		"Change enablement (may also be known as \"change management\") authorizes changes.\n"},
	Bad: []string{"Change management authorizes changes.\n"},
	Run: runV3Term,
}

// runV3Term reports the matches of the pack's phrases of kind v3, outside
// passages about earlier editions.
func runV3Term(pass *rule.Pass) {
	m := matchedOf(pass)
	if m == nil {
		return
	}
	m.eachPhrase("v3", func(mt *match, e *entry, written, repl string) {
		if m.aboutHistory(mt) || m.namedAsAlias(mt) {
			return
		}
		msg := m.msgf("%q is ITIL v3 wording%s", written, m.why(e))
		if repl != "" {
			msg = m.msgf("%q is ITIL v3 wording; ITIL 4 says %q%s", written, repl, m.why(e))
		}
		m.reportPhrase(pass, e.severity, mt, msg, repl)
	})
}

// eachPhrase calls report for each wrongly written match of a pack phrase
// of the given kind that no whole-sentence finding covers, with what the
// note wrote there and the replacement the phrase gives ("" for none).
// The rules over phrases (v3-term, older-wording, unsettled-point) differ
// only in what they leave alone and how they say it.
func (m *matched) eachPhrase(kind string, report func(mt *match, e *entry, written, repl string)) {
	for _, k := range m.wrong {
		mt := &m.matches[k]
		f, e, ph := m.phraseOf(mt)
		if ph == nil || ph.Kind != kind || m.inWholeSentence(int(mt.from)) {
			continue
		}
		written := m.written(int(mt.from), int(mt.to))
		report(mt, e, written, m.phraseRepl(mt, f, ph, written))
	}
}

// reportPhrase reports a phrase's match, with a fix that writes repl
// unless repl is "".
func (m *matched) reportPhrase(pass *rule.Pass, sev rule.Severity, mt *match, msg, repl string) {
	start, end := m.span(int(mt.from), int(mt.to))
	var fix *rule.Fix
	if repl != "" {
		fix = m.fix(start, end, repl)
	}
	pass.Report(rule.Finding{Severity: sev, Message: msg, Start: start, End: end, Fix: fix})
}

// namedAsAlias reports whether a match is given as another name of what
// the sentence is about ("change control (may also be known as change
// management)", "formerly request fulfilment"): the author knows it is
// not the current one. The cue stands among the four words before it, in
// its sentence.
func (m *matched) namedAsAlias(mt *match) bool {
	s := m.sentenceOf(mt)
	also, named := false, false
	for k := max(s.from, int(mt.from)-4); k < int(mt.from); k++ {
		switch string(m.norm(k)) {
		case "formerly", "previously", "aka", "renamed", "alias", "née":
			return true
		case "also":
			also = true
		case "known", "called", "named", "referred":
			named = true
		}
	}
	return also && named
}

// aboutHistory reports whether a match stands in a passage about earlier
// editions: its sentence or block holds one of the pack's history phrases
// ("ITIL v3", "previous versions").
func (m *matched) aboutHistory(mt *match) bool {
	if len(m.m.history) == 0 {
		return false
	}
	s := m.sentenceOf(mt)
	return m.historyIn(s.from, s.to) || m.historyBlock(m.blockOf(int(mt.from)))
}

// historyIn reports whether toks[from:to] hold one of the pack's history
// phrases.
func (m *matched) historyIn(from, to int) bool {
	info, toks := m.m.vocab.info, m.toks[:to]
	for k := from; k < to; k++ {
		if !info[toks[k].word()].history {
			continue
		}
		for _, h := range m.m.history {
			if k+len(h) <= to && m.wordsAt(k, h) {
				return true
			}
		}
	}
	return false
}

// wordsAt reports whether toks[k:] start with the words h.
func (m *matched) wordsAt(k int, h []int32) bool {
	for j, w := range h {
		if m.toks[k+j].word() != w {
			return false
		}
	}
	return true
}

// historyBlock reports whether blocks[bi] stands in a passage about
// earlier editions: under a heading that names one, in a list whose
// introduction does, or after a label line that does ("ITIL v3:"
// followed by its points, as paragraphs or list items). Computed once
// per note, on first use.
func (m *matched) historyBlock(bi int) bool {
	if !m.histDone {
		m.hist, m.histDone = m.historyBlocks(grow(m.hist, len(m.blocks))), true
	}
	return m.hist[bi]
}

// historyBlocks fills out, one per block.
func (m *matched) historyBlocks(out []bool) []bool {
	type level struct {
		level int
		hist  bool
	}
	stack := make([]level, 0, 8) // headings nest six deep
	above := func() bool {
		for _, l := range stack {
			if l.hist {
				return true
			}
		}
		return false
	}
	intro, label := false, false
	for bi, b := range m.blocks {
		own := m.historyIn(b.from, b.to)
		if b.block.Kind == note.Heading {
			for len(stack) > 0 && stack[len(stack)-1].level >= b.block.Level {
				stack = stack[:len(stack)-1]
			}
			out[bi] = above()
			stack = append(stack, level{b.block.Level, own})
			intro, label = false, false
			continue
		}
		if b.block.InList {
			out[bi] = above() || intro || label
			continue
		}
		switch {
		case m.labelLine(b):
			label = own
		case !m.itemLike(b):
			label = false
		}
		intro = own
		out[bi] = above() || label
	}
	return out
}

// labelLine reports whether a paragraph is one short line ending in a
// colon, which introduces what follows ("ITIL v3:").
func (m *matched) labelLine(b blockInfo) bool {
	if len(b.block.Lines) != 1 || b.to-b.from > 8 {
		return false
	}
	end := int(m.toks[b.to-1].end)
	for end < len(m.text) && (m.text[end] == '*' || m.text[end] == '_') {
		end++
	}
	return end < len(m.text) && m.text[end] == ':'
}

// itemLike reports whether a paragraph reads as one point of a list that
// Markdown does not see as one ("\- Released in 2007", "• ...").
func (m *matched) itemLike(b blockInfo) bool {
	line := b.block.Lines[0]
	t := strings.TrimLeft(string(m.text[line.Start:min(line.End, line.Start+8)]), " \t>")
	for _, p := range []string{"\\-", "\\*", "\\+", "- ", "* ", "• ", "o "} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}
