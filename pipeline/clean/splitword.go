package clean

import (
	"github.com/itilint/itilint/pipeline/rule"
)

// SplitWord joins a word split over two lines.
var SplitWord = &rule.Rule{
	ID:       "split-word",
	Severity: rule.Warning,
	Doc: `A word is split over two lines ("I" / "n short").
Transcripts and copied text break words at arbitrary points; Markdown then
shows two fragments. The parts are joined when the joined form is a word
(of the note, the rule pack or the English word list) and one part is not.`,
	Good: []string{"The service desk is\nin short the single point of contact.\n", "Pick option a\nb or c from the menu.\n", "Pick a\nb and a c.\n"},
	Bad:  []string{"Services are\np\nerformed by the provider.\n", "First line.\n     I\n     n short, value is co-created.\n", "Value is\na\nlso co-created.\n"},
	Run:  runBreaks(splitWord),
}
