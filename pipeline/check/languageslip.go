package check

import "github.com/itilint/itilint/pipeline/rule"

// LanguageSlip reports slips of language common in transcripts.
var LanguageSlip = &rule.Rule{
	ID:       "language-slip",
	Severity: rule.Warning,
	Doc: `A language slip common in transcripts and pasted text: "called as", "as per".
The pack's phrases of kind slip and style give what to write instead. What
a person said verbatim is left as said: words in quotation marks, and the
speech of a published transcript's named speakers ("**Name:** ...").`,
	Good: []string{"This is called value co-creation.\n", "She said: \"this is called as value\".\n",
		"**Ann:** Hi.\n\n**Bob:** Hello.\n\n**Ann:** So we discussed about value.\n\n**Bob:** Yes.\n"},
	Bad: []string{"This is called as value co-creation.\n"},
	Run: runLanguageSlip,
}

// runLanguageSlip reports the matches of the pack's phrases of every kind
// but chatbot, v3, older and unsettled, which have rules of their own.
func runLanguageSlip(pass *rule.Pass) {
	m := matchedOf(pass)
	if m == nil {
		return
	}
	speech, looked := -1, false
	for _, k := range m.wrong {
		mt := &m.matches[k]
		f, e, ph := m.phraseOf(mt)
		if ph == nil || ph.Kind != "slip" && ph.Kind != "style" || m.inWholeSentence(int(mt.from)) {
			continue
		}
		if !looked {
			// Looked for once a note has a slip: few have.
			speech, looked = speechStart(pass.Note), true
		}
		if verbatimAt(pass.Note.Text, speech, int(m.toks[mt.from].start)) {
			continue // a speaker's own words (verbatim.go)
		}
		written := m.written(int(mt.from), int(mt.to))
		repl := m.phraseRepl(mt, f, ph, written)
		var msg string
		if repl != "" {
			msg = m.msgf("write %q, not %q%s", repl, written, m.why(e))
		} else {
			msg = m.msgf("avoid %q%s", written, m.why(e))
		}
		m.reportPhrase(pass, e.severity, mt, msg, repl)
	}
}
