package clean

import (
	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/rule"
)

func runBlankLines(p *rule.Pass) {
	n, src := p.Note, p.Note.Text
	d := docOf(n)
	last := n.NumLines()
	// Lines after the last visible one belong to final-newline.
	for last > 0 && blank(src, n.LineStart(last-1), n.LineEnd(last-1)) {
		last--
	}
	for l := 0; l < last; {
		if !blank(src, n.LineStart(l), n.LineEnd(l)) || d.verbatim(l) {
			l++
			continue
		}
		k := l
		for k < last && blank(src, n.LineStart(k), n.LineEnd(k)) && !d.verbatim(k) {
			k++
		}
		// Lines l..k-1 are blank; keep one, or none at the top.
		from := l + 1
		if l == 0 {
			from = 0
		}
		if k > from {
			s, e := n.LineStart(from), n.LineStart(k)
			msg := blankLinesInARow.of(k - l)
			if l == 0 {
				msg = "blank lines at the top of the note"
			}
			p.Report(rule.Finding{Start: n.LineStart(l), End: e, Message: msg,
				Fix: rule.NewFix("keep one blank line", rule.Safe, edit.Edit{Start: s, End: e})})
		}
		l = k
	}
}

// BlankLines collapses runs of blank lines.
var BlankLines = &rule.Rule{
	ID:       "blank-lines",
	Severity: rule.Suggestion,
	Doc: `Several blank lines follow each other, or the note starts with one.
One blank line separates blocks; more change nothing in the rendering.`,
	Good: []string{"A\n\nB\n"},
	Bad:  []string{"A\n\n\n\nB\n", "\nA\n"},
	Run:  runBlankLines,
}
