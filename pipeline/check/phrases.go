package check

import (
	"strings"

	"github.com/itilint/itilint/pipeline/pack"
)

// phraseOf returns the phrase mt matched, nil when it matched another
// kind of entry or does not count where it stands (phraseCounts).
func (m *matched) phraseOf(mt *match) (*form, *entry, *pack.Phrase) {
	if mt.form < 0 {
		return nil, nil, nil
	}
	f, e := m.entryOf(mt)
	if e.kind != phraseEntry || !m.phraseCounts(mt, e) {
		return nil, nil, nil
	}
	return f, e, &m.p.Phrases[e.phrase]
}

// phraseCounts reports whether a phrase's match counts where it stands:
// not after a word that makes it part of another name (its not-after
// words), and in a sentence holding one of its context words, when it has
// some, and none of its unless words.
func (m *matched) phraseCounts(mt *match, e *entry) bool {
	if na := m.m.notAfter[e.phrase]; na != nil && int(mt.from) > m.blocks[m.blockOf(int(mt.from))].from && !m.toks[mt.from].brk() && na[string(m.norm(int(mt.from)-1))] {
		return false
	}
	if unless := m.m.phraseUnless[e.phrase]; unless != nil {
		s := m.sentenceOf(mt)
		for k := s.from; k < s.to; k++ {
			if unless[string(m.norm(k))] {
				return false
			}
		}
	}
	ctx := m.m.phraseCtx[e.phrase]
	if ctx == nil {
		return true
	}
	s := m.sentenceOf(mt)
	for k := s.from; k < s.to; k++ {
		if ctx[string(m.norm(k))] {
			return true
		}
	}
	return false
}

// phraseRepl is what to write for a phrase's match instead, "" for
// nothing (the phrase is only to avoid): the form's replacement, with the
// list member the form was made for written as the text writes it, in
// the case of the text's first letter unless the phrase is case-sensitive.
func (m *matched) phraseRepl(mt *match, f *form, ph *pack.Phrase, written string) string {
	repl := f.repl
	if f.refName != "" && repl != "" {
		repl = strings.ReplaceAll(repl, f.refName, m.written(int(mt.from)+f.refFrom, int(mt.from)+f.refTo))
	}
	if repl != "" && !ph.CaseSensitive {
		repl = matchCase(written, repl)
	}
	return repl
}

// why is ": " and the phrase's reason, or "", for its messages.
func (m *matched) why(e *entry) string { return m.m.why[e.phrase] }
