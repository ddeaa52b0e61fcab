package clean

import (
	"bytes"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/rule"
)

func runBulletGlyph(p *rule.Pass) {
	src := p.Note.Text
	listLines(docOf(p.Note), func(ls, i int, first, _ bool) {
		if k, ok := wordBullet(src, i); ok {
			p.Report(rule.Finding{Start: i, End: k, Message: `"o" used as a list bullet (a word processor's second-level bullet)`,
				Fix: rule.NewFix("make it a Markdown list item", rule.Structural, edit.Edit{Start: i, End: k, New: "- "})})
			return
		}
		if i >= len(src) || src[i] < utf8.RuneSelf {
			return // every glyph but "o" is a multi-byte character
		}
		for _, g := range bulletGlyphs {
			if !bytes.HasPrefix(src[i:], []byte(g)) {
				continue
			}
			j := i + len(g)
			k := skipSpace(src, j, len(src))
			if k == j || k >= len(src) || src[k] == '\n' {
				return
			}
			p.Report(rule.Finding{Start: i, End: k, Message: rule.Messagef("%q used as a list bullet", g),
				Fix: rule.NewFix("make it a Markdown list item", rule.Structural, edit.Edit{Start: i, End: k, New: "- "})})
			return
		}
	})
}

// BulletGlyph turns pasted bullet characters into Markdown list items.
var BulletGlyph = &rule.Rule{
	ID:       "bullet-glyph",
	Severity: rule.Warning,
	Doc: `A line starts with a bullet character ("•") instead of a list marker.
Markdown does not know "•": the lines run together into one paragraph. They
become "- " list items. A word processor pastes its second-level bullets as
a lower-case "o" before a capitalised item ("o Supplier management"); those
are list items too, not sentences going on in lower case.`,
	Good: []string{"- Users\n- Services\n", "Say o and then a word.\n"},
	Bad:  []string{"•\tUsers\n•\tServices\n", "Practices include:\n\no Supplier management\n\no Service desk\n"},
	Run:  runBulletGlyph,
}
