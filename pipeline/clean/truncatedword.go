package clean

import (
	"github.com/itilint/itilint/pipeline/rule"
)

// TruncatedWord completes a word cut off with a trailing hyphen.
var TruncatedWord = &rule.Rule{
	ID:       "truncated-word",
	Severity: rule.Warning,
	Doc: `A word is cut off with a trailing hyphen ("valu-").
It is completed only when the note's own words (or the pack's) leave one
completion; otherwise it is reported and left alone.`,
	Good: []string{"Short- and long-term value.\n"},
	Bad:  []string{"## Definition of valu-\nValue is the perceived benefit.\n", "Write it as a zq-\n"},
	Run:  runBreaks(truncatedWord),
}
