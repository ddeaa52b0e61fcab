package clean

import (
	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/rule"
)

func runTabInProse(p *rule.Pass) {
	d := docOf(p.Note)
	tables := lazyTables(d)
	for _, r := range d.wideBlanks() {
		s, e := r.start, r.end
		if !r.tab || inSpans(tables(), s) {
			continue
		}
		p.Report(rule.Finding{Start: s, End: e, Message: "a tab inside running text",
			Fix: rule.NewFix("replace with a space", rule.Safe, edit.Edit{Start: s, End: e, New: " "})})
	}
}

// TabInProse replaces tabs inside running text.
var TabInProse = &rule.Rule{
	ID:       "tab-in-prose",
	Severity: rule.Suggestion,
	Doc: `A tab stands inside running text.
Tabs come from pasted tables and word processors; they render as a space
and make the source uneven.`,
	Good: []string{"A space.\n"},
	Bad:  []string{"A\ttab.\n"},
	Run:  runTabInProse,
}
