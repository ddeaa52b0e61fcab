package clean

import (
	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

func runHeadingSpace(p *rule.Pass) {
	src := p.Note.Text
	for _, b := range docOf(p.Note).blocks {
		if hash, end, content, ok := atx(p.Note, b); ok {
			if content > end+1 && content < lineEndAt(src, b.Start) || content == end+1 && src[end] == '\t' {
				p.Report(rule.Finding{Start: hash, End: content, Message: "more than one space after the heading's hashes",
					Fix: rule.NewFix("keep one space", rule.Safe, edit.Edit{Start: end, End: content, New: " "})})
			}
			continue
		}
		// "##Heading": a heading without its space reads as a paragraph.
		if b.Kind != note.Paragraph || b.InList || b.InQuote {
			continue
		}
		for _, seg := range b.Lines {
			i := seg.Start
			ls := lineStartAt(src, i)
			if i-ls > 3 || skipSpace(src, ls, i) != i || i >= len(src) || src[i] != '#' {
				continue
			}
			j := i
			for j < seg.End && src[j] == '#' {
				j++
			}
			if j-i > 6 || j >= seg.End || !isUpper(src[j]) {
				continue
			}
			p.Report(rule.Finding{Start: i, End: j + 1, Message: "no space after the hashes, so this is not a heading",
				Fix: rule.NewFix("add a space after the hashes", rule.Structural, edit.Edit{Start: j, End: j, New: " "})})
		}
	}
}

// HeadingSpace fixes the space between the hashes and the heading text.
var HeadingSpace = &rule.Rule{
	ID:       "heading-space",
	Severity: rule.Warning,
	Doc: `A heading has extra spaces after its hashes, or none ("##Heading").
Extra spaces are cosmetic; without a space the line is not a heading at all
but a paragraph starting with hashes.`,
	Good: []string{"## Value\n", "#hashtag and #1 stay as they are.\n"},
	Bad:  []string{"##   Value\n", "##Value\n"},
	Run:  runHeadingSpace,
}
