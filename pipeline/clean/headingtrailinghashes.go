package clean

import (
	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/rule"
)

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
