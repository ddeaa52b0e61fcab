package clean

import (
	"github.com/itilint/itilint/pipeline/rule"
)

// HyphenBreak joins a word hyphenated at a line end.
var HyphenBreak = &rule.Rule{
	ID:       "hyphen-break",
	Severity: rule.Warning,
	Doc: `A word is hyphenated at a line break ("manage-" / "ment").
The hyphen is dropped when the joined word is known ("management") and kept
when the note or the pack writes the compound with it ("co-creation").`,
	Good: []string{"Value co-creation is a\nshared effort.\n"},
	Bad: []string{"Service manage-\nment is a set of capabilities.\n", "Value co-\ncreation needs both parties.\n",
		"## General manage-\nment practices\n\nThere are fourteen of them.\n"},
	Run: runBreaks(hyphenBreak),
}
