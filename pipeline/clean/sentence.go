package clean

import (
	"bytes"

	"github.com/itilint/itilint/pipeline/note"
)

// afterIndentedCode reports whether block i follows an indented code
// block with no blank line between: a paragraph cannot start there unless
// the code block is prose indented by damage ("    T" / "    he value" /
// "chain is..."), which prose-as-code de-indents, and then the paragraph
// goes on the sentence the block starts.
func afterIndentedCode(src []byte, blocks []note.Block, i int) bool {
	if i == 0 || blocks[i-1].Kind != note.CodeBlock || len(blocks[i-1].Lines) == 0 || len(blocks[i].Lines) == 0 {
		return false
	}
	// The block's last line with text: goldmark may keep blank lines
	// at a code block's end.
	lines := blocks[i-1].Lines
	k := len(lines) - 1
	for k > 0 && len(bytes.TrimSpace(src[lines[k].Start:lines[k].End])) == 0 {
		k--
	}
	gap := src[lineEndAt(src, lines[k].Start):blocks[i].Lines[0].Start]
	return bytes.Count(gap, []byte("\n")) <= 1 && len(bytes.TrimSpace(gap)) == 0
}

// pronounI reports whether src[k] is the pronoun "i": an "i" at the start
// of the text or after a blank, a newline or a quote, followed by a blank,
// a newline, punctuation or a contraction ("i'm", "i've").
func pronounI(src []byte, k int) bool {
	if src[k] != 'i' || k > 0 && !(src[k-1] == ' ' || src[k-1] == '\n' || src[k-1] == '"' || src[k-1] == '\t') {
		return false
	}
	next := byte(' ')
	if k+1 < len(src) {
		next = src[k+1]
	}
	switch next {
	case ' ', '\n', ',', '?', '!', ';', ':':
		return true
	case '.':
		return k+2 >= len(src) || !isAlnum(src[k+2])
	case '\'':
		rest := src[k+2 : min(k+4, len(src))]
		return bytes.HasPrefix(rest, []byte("m")) || bytes.HasPrefix(rest, []byte("ve")) ||
			bytes.HasPrefix(rest, []byte("ll")) || bytes.HasPrefix(rest, []byte("d"))
	}
	return false
}
