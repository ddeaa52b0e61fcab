package clean

import (
	"github.com/itilint/itilint/pipeline/rule"
)

// UndecidedWord reports line-end breaks no lexicon settles.
var UndecidedWord = &rule.Rule{
	ID:       "undecided-word",
	Severity: rule.Suggestion,
	Doc: `A line break splits something the cleaner could not decide on.
Neither the parts nor the joined form are known words, so the cleaner does
not guess; check the spelling and join or fix it by hand.`,
	Good: []string{"The service\ndesk answers.\n"},
	Bad:  []string{"The zorbl\nquux answers.\n"},
	Run:  runBreaks(undecided),
}
