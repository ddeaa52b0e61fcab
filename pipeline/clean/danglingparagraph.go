package clean

import (
	"bytes"

	"github.com/itilint/itilint/pipeline/rule"
)

// openWords are words a sentence does not end on: articles and
// conjunctions. A preposition or a verb may end one ("accounted for",
// "start where you are", "what it is made of").
var openWords = map[string]bool{
	"and": true, "or": true, "but": true, "the": true, "a": true, "an": true, "because": true,
}

func runDanglingParagraph(p *rule.Pass) {
	if transcript(p.Note) {
		// A transcript's paragraph ends at a pause in speech, not where
		// text went missing.
		return
	}
	src := p.Note.Text
	blocks := docOf(p.Note).blocks
	for i, b := range blocks {
		if !topParagraph(b) || i+1 < len(blocks) && brokenBefore(src, blocks, i+1) {
			continue
		}
		end := contentEnd(src, b)
		if end == 0 {
			continue
		}
		var why string
		switch c := src[end-1]; {
		case c == ',':
			why = "ends in a comma"
		case isAlnum(c):
			ws, ok := lastWord(src, b.Lines[0].Start, end)
			if ok && end-ws == 1 && isUpper(src[ws]) {
				// A capital letter alone is a label, not the article
				// ("Correct Answer: A", "Plan A").
				break
			}
			if ok && ws > b.Lines[0].Start && openWords[string(bytes.ToLower(src[ws:end]))] {
				why = rule.Messagef("ends mid-sentence on %q", string(src[ws:end]))
			}
		}
		if why == "" {
			continue
		}
		from := end - 1
		if ws, ok := lastWord(src, b.Lines[0].Start, trimRightSpace(src, 0, from)); ok && src[end-1] == ',' {
			from = ws
		} else if ok := isAlnum(src[end-1]); ok {
			from, _ = lastWord(src, b.Lines[0].Start, end)
		}
		p.Report(rule.Finding{Start: from, End: end, Message: rule.Messagef("paragraph %s; the rest of the sentence is missing", why)})
	}
}

// DanglingParagraph reports a paragraph that ends mid-sentence.
var DanglingParagraph = &rule.Rule{
	ID:       "dangling-paragraph",
	Severity: rule.Warning,
	Doc: `A paragraph ends in a comma or mid-sentence ("... and").
Nothing follows to complete it, so part of the note is missing; the cleaner
cannot invent it and only reports. A transcript's paragraphs end at pauses in
speech and are left alone.`,
	Good: []string{"That is the value of the service.\n", "Correct answer: A\n"},
	Bad:  []string{"That is the value of the service provider,\n\n## Next\n"},
	Run:  runDanglingParagraph,
}
