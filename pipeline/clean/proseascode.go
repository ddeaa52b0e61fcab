package clean

import (
	"bytes"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

// codeLike are bytes that prose almost never has and code almost always.
const codeLike = "{}[]<>=;$|\\`_~^#@"

// codeSymbol reports whether text holds a byte of codeLike. A semicolon
// between two words ("slows it down; too little control") is prose's, not
// code's: code ends a statement with it at a line end or before a symbol.
func codeSymbol(text []byte) bool {
	for i := 0; i < len(text); i++ {
		k := bytes.IndexAny(text[i:], codeLike)
		if k < 0 {
			return false
		}
		i += k
		if text[i] != ';' || i == 0 || !isAlnum(text[i-1]) || i+2 >= len(text) || text[i+1] != ' ' || !isLower(text[i+2]) && !isUpper(text[i+2]) {
			return true
		}
	}
	return false
}

// readsAsProse reports whether the text of an indented code block is
// running English: letters and sentences, no code symbols.
func readsAsProse(text []byte) bool {
	if codeSymbol(text) || bytes.Contains(text, []byte("//")) ||
		bytes.Contains(text, []byte("->")) || bytes.Contains(text, []byte("::")) || bytes.Contains(text, []byte("()")) {
		return false
	}
	letters, other, words := countText(text)
	if letters < 5*other {
		return false
	}
	if words < 6 && !oneSentence(text, words, other) {
		return false
	}
	if !linesStartAsProse(text) {
		return false
	}
	t := bytes.TrimSpace(text)
	return terminal(t) || bytes.Contains(t, []byte(". ")) || bytes.Contains(t, []byte(", "))
}

// countText counts the letters of text, the other bytes that are not
// blanks (digits count there), and its words (runs of letters and digits).
func countText(text []byte) (letters, other, words int) {
	inWord := false
	for _, c := range text {
		switch {
		case isAlnum(c) || c >= 0x80:
			if isDigit(c) {
				other++
			} else {
				letters++
			}
			if !inWord {
				words++
			}
			inWord = true
			continue
		case c == ' ' || c == '\n' || c == '\t':
		default:
			other++
		}
		inWord = false
	}
	return letters, other, words
}

// oneSentence reports whether a short block is one plain sentence: a
// capital, words of letters, and its end ("How can we do that?"). Only
// as that is a short block prose.
func oneSentence(text []byte, words, other int) bool {
	t := bytes.TrimSpace(text)
	last := t[len(t)-1]
	return !(words < 3 || other > 1 || !isUpper(t[0]) || last != '.' && last != '?' && last != '!' || bytes.IndexByte(t, '\n') >= 0)
}

// linesStartAsProse reports whether every line that is not blank starts
// as a sentence can: a letter, a quote or a parenthesis, not a digit.
func linesStartAsProse(text []byte) bool {
	for rest := text; len(rest) > 0; {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		c := line[0]
		if !(isAlnum(c) || c >= 0x80 || c == '"' || c == '\'' || c == '(') || isDigit(c) {
			return false
		}
	}
	return true
}

func runProseAsCode(p *rule.Pass) {
	n, src := p.Note, p.Note.Text
	blocks := docOf(n).blocks
	for bi, b := range blocks {
		if b.Kind != note.CodeBlock || b.InList || b.InQuote || len(b.Lines) == 0 {
			continue
		}
		// The block's content as Block.Content joins it, in a buffer on
		// the stack for most blocks: only the verdict is kept.
		var buf [1024]byte
		content := buf[:0]
		for i, l := range b.Lines {
			if i > 0 {
				content = append(content, '\n')
			}
			content = append(content, src[l.Start:l.End]...)
		}
		// A paragraph right under the block, with no blank line between,
		// goes on its sentence ("    T" / "    he value chain is the" /
		// "operating model."): the sentence is read whole.
		if bi+1 < len(blocks) && blocks[bi+1].Kind == note.Paragraph && afterIndentedCode(src, blocks, bi+1) {
			next := blocks[bi+1].Lines[0]
			content = append(append(content, '\n'), src[next.Start:next.End]...)
		}
		if !readsAsProse(content) || labelledLines(content) {
			continue
		}
		var edits []edit.Edit
		for l := n.LineOf(b.Start); l <= n.LineOf(b.End) && l < n.NumLines(); l++ {
			s := n.LineStart(l)
			if e := skipSpace(src, s, n.LineEnd(l)); e > s {
				edits = append(edits, edit.Edit{Start: s, End: e})
			}
		}
		p.Report(rule.Finding{Start: b.Start, End: b.End,
			Message: "prose indented four spaces or more renders as a code block",
			Fix:     &rule.Fix{Message: "de-indent the prose", Kind: rule.Structural, Edits: edits}})
	}
}

// ProseAsCode de-indents prose that renders as a code block.
var ProseAsCode = &rule.Rule{
	ID:       "prose-as-code",
	Severity: rule.Warning,
	Doc: `Prose is indented four spaces or more and renders as a code block.
Transcripts and pasted text often carry indentation; Markdown then shows the
sentences in a monospaced box. Only text that reads as prose (words and
sentences, no code symbols) is de-indented; real code is left alone, and so
is a sample of a line-based format ("Q: ...", "A: ..." on every line).`,
	Good: []string{"Text.\n\n    if (x) { return y; }\n", "Questions start with Q, as in:\n\n    Q: Which of the following practices are concerned with managing risks to services?\n"},
	Bad:  []string{"Text.\n\n    When you read exam questions, watch the difference between a customer and a user.\n", "Text.\n\n    How can we do that?\n"},
	Run:  runProseAsCode,
}
