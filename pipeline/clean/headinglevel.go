package clean

import (
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

func runHeadingLevel(p *rule.Pass) {
	prev := 0
	for _, b := range docOf(p.Note).blocks {
		if b.Kind != note.Heading || b.InList || b.InQuote {
			continue
		}
		if prev > 0 && b.Level > prev+1 {
			p.Reportf(b.Start, p.Note.LineEnd(p.Note.LineOf(b.Start)),
				"heading level %d follows level %d; a level is skipped", b.Level, prev)
		}
		prev = b.Level
	}
}

// HeadingLevel reports a skipped heading level.
var HeadingLevel = &rule.Rule{
	ID:       "heading-level",
	Severity: rule.Warning,
	Doc: `A heading skips a level (a level 4 heading under a level 2 one).
The outline of the note, and every table of contents made from it, then has
a hole; the cleaner cannot know which level was meant, so it only reports.`,
	Good: []string{"## Value\n\n### Outcomes\n"},
	Bad:  []string{"## Value\n\n#### Outcomes\n"},
	Run:  runHeadingLevel,
}
