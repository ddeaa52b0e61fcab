package clean

import (
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

func runEmptySection(p *rule.Pass) {
	blocks := docOf(p.Note).blocks
	// emptyAt reports whether the heading blocks[i] has nothing under it:
	// the next block is a heading of its level or above, or none.
	emptyAt := func(i int) bool {
		b := blocks[i]
		if b.Kind != note.Heading || b.InList || b.InQuote {
			return false
		}
		if i+1 == len(blocks) {
			return true
		}
		next := blocks[i+1]
		return next.Kind == note.Heading && !next.InList && !next.InQuote && next.Level <= b.Level
	}
	// sibling reports whether blocks[j] is an empty heading of level.
	sibling := func(j, level int) bool {
		return j >= 0 && j < len(blocks) && blocks[j].Level == level && emptyAt(j)
	}
	for i, b := range blocks {
		if !emptyAt(i) || i == 0 && i+1 < len(blocks) { // a first heading followed by another is the note's title
			continue
		}
		// A run of three empty headings of one level or more is an
		// outline written as headings ("##### - Plan", "##### -
		// Improve", ...), not sections left empty.
		run := 1
		for j := i - 1; sibling(j, b.Level); j-- {
			run++
		}
		for j := i + 1; sibling(j, b.Level); j++ {
			run++
		}
		if run >= 3 {
			continue
		}
		{
			p.Report(rule.Finding{Start: b.Start, End: p.Note.LineEnd(p.Note.LineOf(b.Start)),
				Message: rule.Messagef("section %q is empty", headingText(p.Note, b))})
		}
	}
}

func headingText(n *note.Note, b note.Block) string {
	if len(b.Lines) == 0 {
		return ""
	}
	s := b.Content(n.Text)
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

// EmptySection reports a heading with nothing under it.
var EmptySection = &rule.Rule{
	ID:       "empty-section",
	Severity: rule.Warning,
	Doc: `A section is empty: nothing stands between its heading and the next.

Its heading is followed by another heading of the same or a higher level,
or by the end of the note. Often the rest of a transcript or a note was
never pasted in. Three empty headings of one level or more in a row are an
outline written as headings, and are left alone.`,
	Good: []string{"## Value\n\n### Outcomes\n\nText.\n", "# Dimensions\n\n## Organizations and people\n\n## Information and technology\n\n## Partners and suppliers\n\n## Value streams and processes\n"},
	Bad:  []string{"## Part 1\n\nText.\n\n## Part 2\n"},
	Run:  runEmptySection,
}
