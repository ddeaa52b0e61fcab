package clean

import (
	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/rule"
)

func runMultipleSpaces(p *rule.Pass) {
	d := docOf(p.Note)
	tables := lazyTables(d)
	for _, r := range d.wideBlanks() {
		s, e := r.start, r.end
		if r.tab || e-s < 2 || inSpans(tables(), s) {
			continue
		}
		p.Report(rule.Finding{Start: s, End: e, Message: spacesInARow.of(e - s),
			Fix: rule.NewFix("keep one space", rule.Safe, edit.Edit{Start: s, End: e, New: " "})})
	}
}

// MultipleSpaces collapses runs of spaces inside text.
var MultipleSpaces = &rule.Rule{
	ID:       "multiple-spaces",
	Severity: rule.Suggestion,
	Doc: `Two or more spaces stand between words.
They render as one; the source reads better with one. Indentation, hard
breaks, code and the padding of table columns are left alone.`,
	Good: []string{"One space.\n", "Code `a  b` stays.\n", "| Practice    | Kind    |\n| ----------- | ------- |\n| Service desk | service |\n"},
	Bad:  []string{"Two  spaces.\n"},
	Run:  runMultipleSpaces,
}
