package clean

import (
	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/rule"
)

func runHeadingIndent(p *rule.Pass) {
	for _, b := range docOf(p.Note).blocks {
		hash, _, _, ok := atx(p.Note, b)
		if !ok || hash == b.Start {
			continue
		}
		p.Report(rule.Finding{Start: b.Start, End: hash, Message: "heading is indented",
			Fix: rule.NewFix("start the heading at the margin", rule.Safe, edit.Edit{Start: b.Start, End: hash})})
	}
}

// HeadingIndent removes the indentation before an ATX heading.
var HeadingIndent = &rule.Rule{
	ID:       "heading-indent",
	Severity: rule.Suggestion,
	Doc: `A heading is indented.
One to three spaces before the hashes change nothing in the rendering but
hide the heading from readers of the source (and four make it code).`,
	Good: []string{"## Value\n"},
	Bad:  []string{"   ## Value\n"},
	Run:  runHeadingIndent,
}
