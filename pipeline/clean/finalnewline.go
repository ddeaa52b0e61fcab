package clean

import (
	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/rule"
)

func runFinalNewline(p *rule.Pass) {
	n, src := p.Note, p.Note.Text
	if len(src) == 0 {
		return
	}
	l := n.NumLines() - 1
	for l >= 0 && blank(src, n.LineStart(l), n.LineEnd(l)) {
		l--
	}
	if l < 0 {
		return // a note of only blanks: trailing-space and blank-lines empty it
	}
	cut := n.LineEnd(l)
	if string(src[cut:]) == "\n" {
		return
	}
	// Blank lines at the end of an unclosed fence are its content.
	if d := docOf(n); d.verbatim(l) && n.NumLines() > l+1 && d.verbatim(l+1) {
		return
	}
	msg := "no newline at the end of the note"
	if cut < len(src) {
		msg = "blank lines or spaces at the end of the note"
	}
	p.Report(rule.Finding{Start: cut, End: len(src), Message: msg,
		Fix: rule.NewFix("end the note with one newline", rule.Safe, edit.Edit{Start: cut, End: len(src), New: "\n"})})
}

// FinalNewline makes the note end with exactly one newline.
var FinalNewline = &rule.Rule{
	ID:       "final-newline",
	Severity: rule.Suggestion,
	Doc: `The note does not end with exactly one newline.
A missing final newline upsets diffs and concatenation; blank lines and
spaces at the end are noise.`,
	Good: []string{"A\n"},
	Bad:  []string{"A", "A\n\n\n", "A\n   \n"},
	Run:  runFinalNewline,
}
