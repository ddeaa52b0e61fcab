package clean

import (
	"bytes"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/rule"
)

// bulletGlyphs are characters pasted from word processors as list bullets.
var bulletGlyphs = []string{"•", "●", "▪", "◦", "‣", "∙", "·", "○", "■", "♦", "➢", "→"}

// listLines calls f for every line of a top-level paragraph that is not a
// list item yet, with the line's start, the offset after its indentation
// (at most three spaces) and whether it is the paragraph's first line.
func listLines(d *doc, f func(ls, i int, first bool, prevPlain bool)) {
	src := d.n.Text
	for _, b := range d.blocks {
		if !topParagraph(b) {
			continue
		}
		for k, seg := range b.Lines {
			ls := lineStartAt(src, seg.Start)
			if seg.Start-ls > 3 || skipSpace(src, ls, seg.Start) != seg.Start {
				continue
			}
			f(ls, seg.Start, k == 0, k > 0)
		}
	}
}

// numberAt reads "N)", "(N)" or "N\." at src[i:]: the number, the end of
// the marker and which form it was.
func numberAt(src []byte, i int) (num string, end int, form byte) {
	j := i
	paren := j < len(src) && src[j] == '('
	if paren {
		j++
	}
	k := j
	for k < len(src) && isDigit(src[k]) && k-j < 3 {
		k++
	}
	if k == j || k >= len(src) {
		return "", 0, 0
	}
	num = string(src[j:k])
	switch {
	case src[k] == ')':
		return num, k + 1, ')'
	case !paren && src[k] == '\\' && k+1 < len(src) && src[k+1] == '.':
		return num, k + 2, '\\'
	}
	return "", 0, 0
}

// markdownItem reports a line turned into a list item: the marker is
// replaced by want, and a blank line is put before an item that cannot
// interrupt the paragraph it sits in (an ordered item not numbered 1).
func markdownItem(p *rule.Pass, ls, i, end int, want string, interrupts bool, first bool, msg string) {
	src := p.Note.Text
	k := skipSpace(src, end, len(src))
	if k == end || k >= len(src) || src[k] == '\n' {
		return
	}
	edits := []edit.Edit{{Start: i, End: k, New: want}}
	if !first && !interrupts && !itemLine(src, p.Note.LineStart(p.Note.LineOf(ls)-1)) {
		edits = append([]edit.Edit{{Start: ls, End: ls, New: "\n"}}, edits...)
	}
	p.Report(rule.Finding{Start: i, End: k, Message: msg,
		Fix: &rule.Fix{Message: "make it a Markdown list item", Kind: rule.Structural, Edits: edits}})
}

// itemLine reports whether the line at ls starts with a list marker, or
// with one of the markers this package turns into one.
func itemLine(src []byte, ls int) bool {
	i := skipSpace(src, ls, len(src))
	if i-ls > 3 || i >= len(src) {
		return false
	}
	if _, _, form := numberAt(src, i); form != 0 {
		return true
	}
	j := i
	for j < len(src) && isDigit(src[j]) {
		j++
	}
	if j > i && j < len(src) && src[j] == '.' {
		return true
	}
	switch src[i] {
	case '-', '*', '+', '\\':
		return true
	}
	if _, ok := wordBullet(src, i); ok {
		return true
	}
	for _, g := range bulletGlyphs {
		if bytes.HasPrefix(src[i:], []byte(g)) {
			return true
		}
	}
	return false
}
