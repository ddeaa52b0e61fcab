package clean

import (
	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

// atx returns the parts of an ATX heading line: the indentation end, the
// end of the hash run, the content start. ok is false for a setext
// heading or a heading inside a list or quote.
func atx(n *note.Note, b note.Block) (line, hashes, content int, ok bool) {
	if b.Kind != note.Heading || b.InList || b.InQuote {
		return 0, 0, 0, false
	}
	src := n.Text
	s, e := b.Start, lineEndAt(src, b.Start)
	i := skipSpace(src, s, e)
	if i >= e || src[i] != '#' {
		return 0, 0, 0, false
	}
	j := i
	for j < e && src[j] == '#' {
		j++
	}
	return i, j, skipSpace(src, j, e), true
}

func runHeadingIndent(p *rule.Pass) {
	for _, b := range docOf(p.Note).blocks {
		hash, _, _, ok := atx(p.Note, b)
		if !ok || hash == b.Start {
			continue
		}
		p.Report(rule.Finding{Start: b.Start, End: hash, Message: "heading is indented",
			Fix: rule.NewFix("start the heading at the margin", rule.Safe, edit.Edit{Start: b.Start, End: hash})})
	}
}

func runHeadingSpace(p *rule.Pass) {
	src := p.Note.Text
	for _, b := range docOf(p.Note).blocks {
		if hash, end, content, ok := atx(p.Note, b); ok {
			if content > end+1 && content < lineEndAt(src, b.Start) || content == end+1 && src[end] == '\t' {
				p.Report(rule.Finding{Start: hash, End: content, Message: "more than one space after the heading's hashes",
					Fix: rule.NewFix("keep one space", rule.Safe, edit.Edit{Start: end, End: content, New: " "})})
			}
			continue
		}
		// "##Heading": a heading without its space reads as a paragraph.
		if b.Kind != note.Paragraph || b.InList || b.InQuote {
			continue
		}
		for _, seg := range b.Lines {
			i := seg.Start
			ls := lineStartAt(src, i)
			if i-ls > 3 || skipSpace(src, ls, i) != i || i >= len(src) || src[i] != '#' {
				continue
			}
			j := i
			for j < seg.End && src[j] == '#' {
				j++
			}
			if j-i > 6 || j >= seg.End || !isUpper(src[j]) {
				continue
			}
			p.Report(rule.Finding{Start: i, End: j + 1, Message: "no space after the hashes, so this is not a heading",
				Fix: rule.NewFix("add a space after the hashes", rule.Structural, edit.Edit{Start: j, End: j, New: " "})})
		}
	}
}

func runHeadingTrailingHashes(p *rule.Pass) {
	src := p.Note.Text
	for _, b := range docOf(p.Note).blocks {
		_, _, content, ok := atx(p.Note, b)
		if !ok {
			continue
		}
		e := trimRightSpace(src, content, lineEndAt(src, b.Start))
		h := e
		for h > content && src[h-1] == '#' {
			h--
		}
		if h == e || h == content || !isSpace(src[h-1]) {
			continue
		}
		s := trimRightSpace(src, content, h)
		p.Report(rule.Finding{Start: s, End: e, Message: "closing hashes after the heading",
			Fix: rule.NewFix("remove the closing hashes", rule.Safe, edit.Edit{Start: s, End: e})})
	}
}

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

// HeadingIndent removes the indentation before an ATX heading.
var HeadingIndent = &rule.Rule{
	ID:       "heading-indent",
	Severity: rule.Suggestion,
	Doc: `A heading is indented.
One to three spaces before the hashes change nothing in the rendering but
hide the heading from readers of the source (and four make it code).`,
	Good: []string{"## Value\n"},
	Bad:  []string{"   ## Value\n"},
	Run:  runHeadingIndent,
}

// HeadingSpace fixes the space between the hashes and the heading text.
var HeadingSpace = &rule.Rule{
	ID:       "heading-space",
	Severity: rule.Warning,
	Doc: `A heading has extra spaces after its hashes, or none ("##Heading").
Extra spaces are cosmetic; without a space the line is not a heading at all
but a paragraph starting with hashes.`,
	Good: []string{"## Value\n", "#hashtag and #1 stay as they are.\n"},
	Bad:  []string{"##   Value\n", "##Value\n"},
	Run:  runHeadingSpace,
}

// HeadingTrailingHashes removes closing hashes.
var HeadingTrailingHashes = &rule.Rule{
	ID:       "heading-trailing-hashes",
	Severity: rule.Suggestion,
	Doc: `A heading ends with closing hashes ("## Value ##").
They are optional in Markdown and not rendered; the notes write headings
without them.`,
	Good: []string{"## C#\n"},
	Bad:  []string{"## Value ##\n"},
	Run:  runHeadingTrailingHashes,
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
