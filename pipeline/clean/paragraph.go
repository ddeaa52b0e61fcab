package clean

import (
	"bytes"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

// topParagraph reports whether b is a paragraph outside lists and quotes,
// where joining and de-indenting cannot change a container.
func topParagraph(b note.Block) bool {
	return b.Kind == note.Paragraph && !b.InList && !b.InQuote && len(b.Lines) > 0
}

// contentEnd is the end of a block's last content line, without blanks.
func contentEnd(src []byte, b note.Block) int {
	last := b.Lines[len(b.Lines)-1]
	return trimRightSpace(src, last.Start, last.End)
}

// brokenBefore reports whether blocks[i] is the second half of a paragraph
// broken mid-sentence: the previous block is a paragraph without terminal
// punctuation, only blank lines lie between, and blocks[i] starts with a
// lower-case word.
func brokenBefore(src []byte, blocks []note.Block, i int) bool {
	if i == 0 || !topParagraph(blocks[i]) || !topParagraph(blocks[i-1]) {
		return false
	}
	prev, cur := blocks[i-1], blocks[i]
	if src[prev.Lines[0].Start] == '#' {
		// "##Heading" is a heading with its space missing (heading-space
		// repairs it), not a sentence the next paragraph continues.
		return false
	}
	end := contentEnd(src, prev)
	if end == 0 {
		return false
	}
	if !quotedQuestion(src[:end]) && (terminal(src[:end]) || !(isAlnum(src[end-1]) || src[end-1] == ',' || src[end-1] >= 0x80)) {
		return false
	}
	if len(bytes.TrimSpace(src[end:cur.Lines[0].Start])) > 0 {
		return false
	}
	if itemLine(src, cur.Lines[0].Start) {
		// A list item pasted from a word processor ("o Supplier
		// management"): the next item, not the sentence going on.
		return false
	}
	return lowerStart(src[cur.Lines[0].Start:cur.Lines[0].End])
}

// quotedQuestion reports whether s ends with a quoted question or
// exclamation ("how does it help you?"): the quote ends, but the sentence
// that quotes it may go on ("... give a better understanding").
func quotedQuestion(s []byte) bool {
	r, size := utf8.DecodeLastRune(s)
	switch r {
	case '"', '\'', '”', '’', '»':
	default:
		return false
	}
	s = s[:len(s)-size]
	return len(s) > 0 && (s[len(s)-1] == '?' || s[len(s)-1] == '!')
}

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
	letters, other, words := 0, 0, 0
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
	if letters < 5*other {
		return false
	}
	if words < 6 {
		// A short block is prose only as one plain sentence: a capital,
		// words of letters, and its end ("How can we do that?").
		t := bytes.TrimSpace(text)
		if last := t[len(t)-1]; words < 3 || other > 1 || !isUpper(t[0]) || last != '.' && last != '?' && last != '!' || bytes.IndexByte(t, '\n') >= 0 {
			return false
		}
	}
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
	t := bytes.TrimSpace(text)
	return terminal(t) || bytes.Contains(t, []byte(". ")) || bytes.Contains(t, []byte(", "))
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

func runLineIndent(p *rule.Pass) {
	n, src := p.Note, p.Note.Text
	for _, b := range docOf(n).blocks {
		if !topParagraph(b) {
			continue
		}
		for i, seg := range b.Lines {
			ls := lineStartAt(src, seg.Start)
			if ls == seg.Start || skipSpace(src, ls, seg.Start) != seg.Start {
				continue
			}
			// Only lines that stay plain text once de-indented: a line
			// starting with "-", "#", ">", a digit or "<" would start a
			// list, heading, quote or HTML block.
			c := src[seg.Start]
			if !(isLower(c) || isUpper(c) || c >= 0x80 || c == '"' || c == '(') {
				continue
			}
			if i == 0 && seg.Start-ls > 3 {
				continue
			}
			p.Report(rule.Finding{Start: ls, End: seg.Start, Message: "a line of a paragraph is indented",
				Fix: rule.NewFix("remove the indentation", rule.Safe, edit.Edit{Start: ls, End: seg.Start})})
		}
	}
}

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

// LineIndent removes the indentation of paragraph lines.
var LineIndent = &rule.Rule{
	ID:       "line-indent",
	Severity: rule.Suggestion,
	Doc: `A line of a paragraph is indented.
Markdown ignores the indentation of a paragraph's lines, so it only makes
the source ragged (and a first line indented four spaces would be code).`,
	Good: []string{"Value is\nco-created.\n"},
	Bad:  []string{"Value is\n     co-created.\n"},
	Run:  runLineIndent,
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
