package check

import (
	"strings"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/rule"
)

// ChatbotLeftover reports lines left over from a chatbot's answer.
var ChatbotLeftover = &rule.Rule{
	ID:       "chatbot-leftover",
	Severity: rule.Error,
	Doc: `A line left over from a chatbot answer: "Would you like me to ...", "I hope this helps".
Notes pasted from a chatbot keep its closing offers; the fix deletes the
sentence.`,
	Good: []string{"A service desk is the point of contact.\n"},
	Bad:  []string{"A service desk is the point of contact. Would you like me to expand on this?\n"},
	Run:  runChatbotLeftover,
}

// runChatbotLeftover reports the sentences holding one of the pack's
// chatbot phrases (kind chatbot), found among the whole sentences (see
// wholeSentences), with a fix that deletes each.
func runChatbotLeftover(pass *rule.Pass) {
	m := matchedOf(pass)
	if m == nil {
		return
	}
	for _, w := range m.wholeSentences() {
		if w.chatbot == 0 {
			continue
		}
		_, e, _ := m.phraseOf(&m.matches[w.chatbot-1])
		s := m.sents[w.sent]
		start, end := int(m.toks[s.from].start), m.sentenceEnd(s)
		msg := m.msgf("leftover chatbot line %q%s", shorten(string(m.text[start:end])), m.why(e))
		cut := end // the spaces after the sentence go with it
		for cut < len(m.text) && (m.text[cut] == ' ' || m.text[cut] == '\t') {
			cut++
		}
		pass.Report(rule.Finding{Severity: e.severity, Message: msg, Start: start, End: end,
			Fix: m.newFix("Delete the sentence", start, cut, "")})
	}
}

// isChatbotLine reports whether mt is a chatbot phrase that counts.
func (m *matched) isChatbotLine(mt *match) bool {
	_, _, ph := m.phraseOf(mt)
	return ph != nil && ph.Kind == "chatbot"
}

// sentenceEnd is the offset after the sentence's last token and its
// closing punctuation.
func (m *matched) sentenceEnd(s sentence) int {
	end := int(m.toks[s.to-1].end)
	for end < len(m.text) {
		switch m.text[end] {
		case '.', '!', '?', '"', ')', '*', '_':
			end++
			continue
		}
		break
	}
	return end
}

// shorten writes s on one line, cut to 60 characters.
func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 60 {
		r := []rune(s)
		return string(r[:57]) + "..."
	}
	return s
}
