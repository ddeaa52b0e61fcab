package clean

import (
	"github.com/itilint/itilint/pipeline/note"
)

// atx returns the parts of an ATX heading line: the indentation end, the
// end of the hash run, the content start. ok is false for a setext
// heading or a heading inside a list or quote.
func atx(n *note.Note, b note.Block) (line, hashes, content int, ok bool) {
	if b.Kind != note.Heading || b.InList || b.InQuote {
		return 0, 0, 0, false
	}
	src := n.Text
	s, e := b.Start, lineEndAt(src, b.Start)
	i := skipSpace(src, s, e)
	if i >= e || src[i] != '#' {
		return 0, 0, 0, false
	}
	j := i
	for j < e && src[j] == '#' {
		j++
	}
	return i, j, skipSpace(src, j, e), true
}
