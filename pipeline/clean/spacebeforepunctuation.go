package clean

import (
	"fmt"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/rule"
)

// closesPunct reports whether c may follow a punctuation mark that ends a
// word: a blank, the end of a line, a closing quote, bracket or emphasis.
func closesPunct(c byte) bool {
	switch c {
	case ' ', '\t', '\n', ')', ']', '"', '\'', '*', '_':
		return true
	}
	return false
}

// spaceBefore holds the message of space-before-punctuation for each mark
// of spacedPunct, made once instead of for every finding.
var spaceBefore = func() (m [256]string) {
	for c, ok := range spacedPunct {
		if ok {
			m[c] = fmt.Sprintf("space before %q", byte(c))
		}
	}
	return m
}()

func runSpaceBeforePunctuation(p *rule.Pass) {
	src := p.Note.Text
	for _, m := range docOf(p.Note).scan().marks {
		j := m.at
		c := src[j]
		i := j - 1
		for i > m.span && src[i-1] == ' ' {
			i--
		}
		if i == 0 {
			continue // nothing before the spaces
		}
		if prev := src[i-1]; !(isAlnum(prev) || prev == ')' || prev == '"' || prev >= 0x80) {
			continue
		}
		after := byte('\n')
		if j+1 < len(src) {
			after = src[j+1]
		}
		if !closesPunct(after) || (c == ':' || c == ';') && after != ' ' && after != '\n' && after != '\t' {
			continue // ".NET", "...", ":)"
		}
		p.Report(rule.Finding{Start: i, End: j + 1, Message: spaceBefore[c],
			Fix: rule.NewFix("remove the space", rule.Structural, edit.Edit{Start: i, End: j})})
	}
}

// SpaceBeforePunctuation removes a space before punctuation.
var SpaceBeforePunctuation = &rule.Rule{
	ID:       "space-before-punctuation",
	Severity: rule.Warning,
	Doc: `A space stands before a punctuation mark ("ITIL 4 :").
English puts : ; , . ? ! right after the word. An ellipsis (" ...") and
marks that start a token (" .NET", " :)") are left alone.`,
	Good: []string{"Main concepts in ITIL 4:\n", "Use .NET and ... as you like :)\n"},
	Bad:  []string{"Main concepts in ITIL 4 :\n", "Value , outcomes .\n"},
	Run:  runSpaceBeforePunctuation,
}
