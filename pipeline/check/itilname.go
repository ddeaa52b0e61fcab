package check

import "github.com/itilint/itilint/pipeline/rule"

// productCategory marks pack terms that name the product ("ITIL 4"); their
// miswritten forms are reported by itil-name rather than term-spelling.
const productCategory = "product"

// ITILName reports the product's name written wrongly.
var ITILName = &rule.Rule{
	ID:       "itil-name",
	Severity: rule.Warning,
	Doc: `The product is written "ITIL 4": capitals, one space, no version letter or dots.
Course notes and transcripts write it ITIL4, Itil 4, ITIL v4, I.T.I.L. 4 or
ITIL-4; the pack lists the product terms (category "product") with their
wrong forms, and any other spacing or case of them is reported too.`,
	Good: []string{"The ITIL 4 framework is the current edition.\n"},
	Bad:  []string{"The ITIL4 framework is the current edition.\n", "We study Itil 4 this week.\n"},
	Run:  func(pass *rule.Pass) { reportTerms(pass, true) },
}
