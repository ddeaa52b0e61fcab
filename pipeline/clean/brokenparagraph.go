package clean

import (
	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/rule"
)

func runBrokenParagraph(p *rule.Pass) {
	src := p.Note.Text
	blocks := docOf(p.Note).blocks
	for i := range blocks {
		if !brokenBefore(src, blocks, i) {
			continue
		}
		end, start := contentEnd(src, blocks[i-1]), blocks[i].Lines[0].Start
		p.Report(rule.Finding{Start: end, End: start,
			Message: "paragraph broken mid-sentence: the next one goes on in lower case",
			Fix:     rule.NewFix("join the two paragraphs", rule.Structural, edit.Edit{Start: end, End: start, New: " "})})
	}
}

// BrokenParagraph joins a paragraph broken mid-sentence.
var BrokenParagraph = &rule.Rule{
	ID:       "broken-paragraph",
	Severity: rule.Warning,
	Doc: `A paragraph is broken mid-sentence.
The paragraph has no terminal punctuation (or ends with a quoted question
or exclamation, '... "how does it help you?"') and the next one goes on in
lower case: a stray blank line (from a transcript or a copy) cut one sentence in
two. The two are joined into one paragraph.`,
	Good: []string{"Value is co-created.\n\nwhat matters is the outcome.\n", "Main concepts:\n\nco-creation of value.\n", "##Change enablement\n\nchange enablement maximizes successful changes.\n"},
	Bad: []string{"Providers should not work in isolation to define\n\n  what will be of value to their customers.\n",
		"Questions like \"how does technology help you?\"\n\n  give the provider a better understanding.\n"},
	Run: runBrokenParagraph,
}
