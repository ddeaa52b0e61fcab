package clean

import (
	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

func runTrailingSpace(p *rule.Pass) {
	n, src := p.Note, p.Note.Text
	d := docOf(n)
	for l := 0; l < n.NumLines(); l++ {
		s, e := n.LineStart(l), n.LineEnd(l)
		t := trimRightSpace(src, s, e)
		if t == e || d.verbatim(l) {
			continue
		}
		kind := rule.Safe
		if b := d.block(l); b != nil && b.Kind == note.Paragraph && l < n.LineOf(b.End) && !d.inProse(t) {
			continue // inside a code span that goes on to the next line
		}
		if b := d.block(l); b != nil && b.Kind == note.Paragraph && l < n.LineOf(b.End) && e-t >= 2 && t > s {
			// Two spaces or more before a line break inside a paragraph
			// are a hard line break: deliberate in Markdown, an accident
			// in a text note.
			hard := true
			for _, c := range src[t:e] {
				hard = hard && c == ' '
			}
			if hard {
				if n.Format == note.Markdown {
					continue
				}
				kind = rule.Structural
			}
		}
		msg := "trailing spaces"
		if t == s {
			msg = "a line of only spaces"
		}
		p.Report(rule.Finding{Start: t, End: e, Message: msg,
			Fix: rule.NewFix("remove them", kind, edit.Edit{Start: t, End: e})})
	}
}

// TrailingSpace removes blanks at the end of lines.
var TrailingSpace = &rule.Rule{
	ID:       "trailing-space",
	Severity: rule.Suggestion,
	Doc: `A line ends with spaces or tabs, or holds nothing else.
In a .md file two spaces before the end of a paragraph's line are a
deliberate hard break and stay; in a text note they are an accident.`,
	Good: []string{"Clean line.\n", "Hard  \nbreak.\n"},
	Bad:  []string{"Trailing. \n", "A\n   \nB\n"},
	Run:  runTrailingSpace,
}
