package clean

import (
	"bytes"

	"github.com/itilint/itilint/pipeline/rule"
)

func runEscapedNumbering(p *rule.Pass) {
	src := p.Note.Text
	if bytes.IndexByte(src, '\\') < 0 {
		return // nothing escaped: one search, not a look at every line
	}
	listLines(docOf(p.Note), func(ls, i int, first, _ bool) {
		if num, end, form := numberAt(src, i); form == '\\' {
			markdownItem(p, ls, i, end, num+". ", num == "1", first,
				rule.Messagef("%q is an escaped list number (left by a converter)", string(src[i:end])))
			return
		}
		if i+1 < len(src) && src[i] == '\\' && (src[i+1] == '-' || src[i+1] == '*' || src[i+1] == '+') {
			markdownItem(p, ls, i, i+2, "- ", true, first,
				rule.Messagef("%q is an escaped list bullet (left by a converter)", string(src[i:i+2])))
		}
	})
}

// EscapedNumbering unescapes list markers escaped by converters.
var EscapedNumbering = &rule.Rule{
	ID:       "escaped-numbering",
	Severity: rule.Warning,
	Doc: `A list number or bullet is escaped ("1\.", "\-") by a converter.
Document converters escape what they did not mean as a list; in notes it
was one. The escape goes, and the line becomes a list item.`,
	Good: []string{"1. Introduction\n"},
	Bad:  []string{"1\\.\tIntroduction to ITIL 4\n", "\\* Priority = Impact + Urgency\n"},
	Run:  runEscapedNumbering,
}
