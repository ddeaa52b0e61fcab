package check

import (
	"cmp"
	"slices"
)

// A wholeSentence is a sentence that one finding covers whole: a line left
// over from a chatbot, which its fix deletes, or a definition that does
// not fit its term, which is wrong as a whole. The pack rules give one
// finding per stretch of text, so the others report nothing inside such a
// sentence: a fix inside a deleted sentence would be lost with it, and a
// word fixed in a wrong definition leaves it wrong. A chatbot leftover
// takes its sentence before a definition does.
type wholeSentence struct {
	sent    int32 // the index of the sentence
	chatbot int32 // index+1 of the chatbot phrase match in it, 0 for none
	definition
}

// wholeSentences returns the note's whole sentences, in order, found on
// the first question (the chatbot and definition rules read them, every
// rule asks inWholeSentence).
func (m *matched) wholeSentences() []wholeSentence {
	if m.wDone {
		return m.whole
	}
	m.wDone = true
	out := m.whole[:0]
	k := 0 // the next of the matches of wrong forms to look at
	for si, s := range m.sents {
		w := wholeSentence{sent: int32(si), definition: definition{defined: -1}}
		// The first chatbot line of the sentence: matches are in order.
		for ; k < len(m.wrong) && int(m.matches[m.wrong[k]].from) < s.to; k++ {
			if w.chatbot == 0 && m.isChatbotLine(&m.matches[m.wrong[k]]) {
				w.chatbot = m.wrong[k] + 1
			}
		}
		if w.chatbot == 0 {
			d, ok := m.definitionIn(si)
			if !ok {
				continue
			}
			w.definition = d
		}
		out = append(out, w)
	}
	m.whole = out
	return out
}

// inWholeSentence reports whether toks[i] is in a whole sentence.
func (m *matched) inWholeSentence(i int) bool {
	whole := m.wholeSentences()
	k, _ := slices.BinarySearchFunc(whole, i, func(w wholeSentence, i int) int { return cmp.Compare(m.sents[w.sent].to-1, i) })
	return k < len(whole) && m.sents[whole[k].sent].from <= i
}
