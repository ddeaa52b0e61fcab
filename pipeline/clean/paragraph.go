package clean

import (
	"bytes"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/note"
)

// topParagraph reports whether b is a paragraph outside lists and quotes,
// where joining and de-indenting cannot change a container.
func topParagraph(b note.Block) bool {
	return b.Kind == note.Paragraph && !b.InList && !b.InQuote && len(b.Lines) > 0
}

// contentEnd is the end of a block's last content line, without blanks.
func contentEnd(src []byte, b note.Block) int {
	last := b.Lines[len(b.Lines)-1]
	return trimRightSpace(src, last.Start, last.End)
}

// brokenBefore reports whether blocks[i] is the second half of a paragraph
// broken mid-sentence: the previous block is a paragraph without terminal
// punctuation, only blank lines lie between, and blocks[i] starts with a
// lower-case word.
func brokenBefore(src []byte, blocks []note.Block, i int) bool {
	if i == 0 || !topParagraph(blocks[i]) || !topParagraph(blocks[i-1]) {
		return false
	}
	prev, cur := blocks[i-1], blocks[i]
	if src[prev.Lines[0].Start] == '#' {
		// "##Heading" is a heading with its space missing (heading-space
		// repairs it), not a sentence the next paragraph continues.
		return false
	}
	end := contentEnd(src, prev)
	if end == 0 {
		return false
	}
	if !quotedQuestion(src[:end]) && (terminal(src[:end]) || !(isAlnum(src[end-1]) || src[end-1] == ',' || src[end-1] >= 0x80)) {
		return false
	}
	if len(bytes.TrimSpace(src[end:cur.Lines[0].Start])) > 0 {
		return false
	}
	if itemLine(src, cur.Lines[0].Start) {
		// A list item pasted from a word processor ("o Supplier
		// management"): the next item, not the sentence going on.
		return false
	}
	return lowerStart(src[cur.Lines[0].Start:cur.Lines[0].End])
}

// quotedQuestion reports whether s ends with a quoted question or
// exclamation ("how does it help you?"): the quote ends, but the sentence
// that quotes it may go on ("... give a better understanding").
func quotedQuestion(s []byte) bool {
	r, size := utf8.DecodeLastRune(s)
	switch r {
	case '"', '\'', '”', '’', '»':
	default:
		return false
	}
	s = s[:len(s)-size]
	return len(s) > 0 && (s[len(s)-1] == '?' || s[len(s)-1] == '!')
}
