package clean

import (
	"github.com/itilint/itilint/pipeline/rule"
)

func runParenNumbering(p *rule.Pass) {
	src := p.Note.Text
	listLines(docOf(p.Note), func(ls, i int, first, _ bool) {
		num, end, form := numberAt(src, i)
		if form != ')' {
			return
		}
		markdownItem(p, ls, i, end, num+". ", num == "1", first,
			rule.Messagef("%q numbering is not a Markdown list here", string(src[i:end])))
	})
}

// ParenNumbering turns "1)"-style numbering into a Markdown list.
var ParenNumbering = &rule.Rule{
	ID:       "paren-numbering",
	Severity: rule.Warning,
	Doc: `Lines are numbered "(1)" or "2)" where Markdown sees no list.
"(1)" is never a list marker, and "2)" inside a paragraph only continues it;
they become "1." items.`,
	Good: []string{"1. Plan\n2. Improve\n"},
	Bad:  []string{"(1) Plan\n(2) Improve\n", "Steps:\n2) Improve\n"},
	Run:  runParenNumbering,
}
