package clean

import (
	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/rule"
)

func runLowercaseI(p *rule.Pass) {
	for _, k := range docOf(p.Note).scan().pronouns {
		p.Report(rule.Finding{Start: k, End: k + 1, Message: `the pronoun "i" in lower case`,
			Fix: rule.NewFix(`write "I"`, rule.Structural, edit.Edit{Start: k, End: k + 1, New: "I"})})
	}
}

// LowercaseI capitalises the pronoun I.
var LowercaseI = &rule.Rule{
	ID:       "lowercase-i",
	Severity: rule.Warning,
	Doc: `The pronoun "i" is written in lower case.
Chat-style notes write "i think"; English writes "I". Roman numerals such as
"(i)" and "i.e." are left alone.`,
	Good: []string{"I think (i) and i.e. stay.\n"},
	Bad:  []string{"Then i buy a subscription.\n", "So i'm the customer.\n"},
	Run:  runLowercaseI,
}
