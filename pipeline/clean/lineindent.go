package clean

import (
	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/rule"
)

func runLineIndent(p *rule.Pass) {
	n, src := p.Note, p.Note.Text
	for _, b := range docOf(n).blocks {
		if !topParagraph(b) {
			continue
		}
		for i, seg := range b.Lines {
			ls := lineStartAt(src, seg.Start)
			if ls == seg.Start || skipSpace(src, ls, seg.Start) != seg.Start {
				continue
			}
			// Only lines that stay plain text once de-indented: a line
			// starting with "-", "#", ">", a digit or "<" would start a
			// list, heading, quote or HTML block.
			c := src[seg.Start]
			if !(isLower(c) || isUpper(c) || c >= 0x80 || c == '"' || c == '(') {
				continue
			}
			if i == 0 && seg.Start-ls > 3 {
				continue
			}
			p.Report(rule.Finding{Start: ls, End: seg.Start, Message: "a line of a paragraph is indented",
				Fix: rule.NewFix("remove the indentation", rule.Safe, edit.Edit{Start: ls, End: seg.Start})})
		}
	}
}

// LineIndent removes the indentation of paragraph lines.
var LineIndent = &rule.Rule{
	ID:       "line-indent",
	Severity: rule.Suggestion,
	Doc: `A line of a paragraph is indented.
Markdown ignores the indentation of a paragraph's lines, so it only makes
the source ragged (and a first line indented four spaces would be code).`,
	Good: []string{"Value is\nco-created.\n"},
	Bad:  []string{"Value is\n     co-created.\n"},
	Run:  runLineIndent,
}
