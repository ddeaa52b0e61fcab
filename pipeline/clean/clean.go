// Package clean owns the formatting rules: every glitch a raw note or a
// transcript carries (split words, truncated words, broken paragraphs,
// indented headings, prose indented into code, spacing, blank lines...) is a
// rule whose findings carry a fix. Cleaning a note is applying those fixes
// (package lint); nothing here changes bytes directly.
package clean

import "github.com/itilint/itilint/pipeline/rule"

// Rules are the formatting rules, in the order `itilint rules` lists them.
var Rules = []*rule.Rule{}
