// Package check owns the terminology and content rules that read the rule
// pack: product and term spelling, official names, counts, ITIL v3 terms,
// definitions, language slips and course-level consistency.
package check

import "github.com/itilint/itilint/pipeline/rule"

// Rules are the pack-driven rules, in the order `itilint rules` lists them.
var Rules = []*rule.Rule{}
