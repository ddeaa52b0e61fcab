package clean

import (
	"bytes"
	"sort"

	"github.com/itilint/itilint/pipeline/note"
)

// What the prose rules need to know of the text around a finding: whether
// a paragraph is a GFM table, whether a line starts with a word
// processor's bullet, whether the note is a transcript, and whether a
// "sentence" is code or a fragment. Rules written for prose would take
// each of these for damage.

// transcript reports whether n was converted from a caption file: its
// paragraph breaks are pauses in speech and its line breaks the ends of
// cues, not an author's layout, and speech runs on over both.
func transcript(n *note.Note) bool {
	return n.Format == note.WebVTT || n.Format == note.SubRip
}

// tableRows returns the lines (start of the first content byte to the end
// of the line) of the GFM tables among blocks, in order. goldmark's
// default parser, which the note's blocks come from, reads a table as a
// paragraph; GitHub and most editors render it as a table, whose source
// alignment (column padding) is the author's.
//
// A table starts at a paragraph line followed by a delimiter row with as
// many cells ("| --- | :-: |"), and goes on to the paragraph's end.
func tableRows(src []byte, blocks []note.Block) []note.Span {
	var rows []note.Span
	for _, b := range blocks {
		if b.Kind != note.Paragraph || len(b.Lines) < 2 {
			continue
		}
		for k := 1; k < len(b.Lines); k++ {
			delim := src[b.Lines[k].Start:lineEndAt(src, b.Lines[k].Start)]
			n := delimiterCells(delim)
			if n == 0 || n != tableCells(src[b.Lines[k-1].Start:lineEndAt(src, b.Lines[k-1].Start)]) {
				continue
			}
			for _, l := range b.Lines[k-1:] {
				rows = append(rows, note.Span{Start: l.Start, End: lineEndAt(src, l.Start)})
			}
			break
		}
	}
	return rows
}

// inSpans reports whether off lies in one of spans (sorted, disjoint).
func inSpans(spans []note.Span, off int) bool {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > off })
	return i < len(spans) && spans[i].Start <= off
}

// delimiterCells returns the number of cells of a GFM delimiter row
// ("| --- | :---: |", "--- | ---"), or 0 when line is not one.
func delimiterCells(line []byte) int {
	line = bytes.TrimSpace(line)
	if len(line) == 0 || bytes.IndexByte(line, '-') < 0 {
		return 0
	}
	piped := bytes.IndexByte(line, '|') >= 0
	line = bytes.TrimPrefix(bytes.TrimSuffix(line, []byte("|")), []byte("|"))
	cells := 0
	for _, cell := range bytes.Split(line, []byte("|")) {
		cell = bytes.TrimSpace(cell)
		cell = bytes.TrimPrefix(bytes.TrimSuffix(cell, []byte(":")), []byte(":"))
		if len(cell) == 0 || len(bytes.Trim(cell, "-")) > 0 {
			return 0
		}
		cells++
	}
	if cells == 1 && !piped {
		return 0 // "---" alone is a thematic break or a heading underline
	}
	return cells
}

// tableCells returns the number of cells of a GFM table row: the pipes
// that separate them, not escaped, without a leading and a trailing one.
func tableCells(line []byte) int {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return 0
	}
	pipes := 0
	for i := 0; i < len(line); i++ {
		if line[i] == '\\' {
			i++
			continue
		}
		if line[i] == '|' {
			pipes++
		}
	}
	if line[0] == '|' {
		pipes--
	}
	if len(line) > 1 && line[len(line)-1] == '|' && line[len(line)-2] != '\\' {
		pipes--
	}
	return pipes + 1
}

// wordBullet reports whether src[i:] starts with the bullet a word
// processor writes for a second-level list item when its text is pasted:
// a lower-case "o" and a blank before a capitalised item ("o Supplier
// management"). It returns the offset of the item's text.
func wordBullet(src []byte, i int) (int, bool) {
	if i+2 >= len(src) || src[i] != 'o' || (src[i+1] != ' ' && src[i+1] != '\t') {
		return 0, false
	}
	if i > 0 && src[i-1] != '\n' && src[i-1] != ' ' && src[i-1] != '\t' {
		return 0, false
	}
	k := skipSpace(src, i+1, len(src))
	if k >= len(src) || !isUpper(src[k]) {
		return 0, false
	}
	return k, true
}

// codeMarks are bytes a sentence of prose does not hold and a command or a
// line of code does ("set nrformats+=alpha", "x[i] = y").
const codeMarks = "{}[]<>=$|\\`~^@"

// sentenceAt returns the sentence that starts at src[at], up to its end
// (. ? ! or a closing parenthesis) or hi.
func sentenceAt(src []byte, at, hi int) []byte {
	k := at
	for k < hi && src[k] != '\n' {
		switch src[k] {
		case '.', '?', '!', ')':
			if k+1 >= hi || src[k+1] == ' ' || src[k+1] == '\n' || src[k] == ')' {
				return src[at:k]
			}
		}
		k++
	}
	return src[at:k]
}

// notASentence reports whether what starts at src[at], after a sentence end,
// is not a sentence to capitalise: code or a command ("set nrformats+=alpha"),
// or a fragment of a list cut by a slip of the keyboard ("mission, vision.
// values, etc."): one or two words followed by a comma, after a clause with
// commas of its own. lo is the start of the prose span.
func notASentence(src []byte, lo, at, hi int) bool {
	s := sentenceAt(src, at, hi)
	if bytes.ContainsAny(s, codeMarks) || bytes.Contains(s, []byte("+=")) {
		return true
	}
	// A list's item: a comma after the first or second word...
	comma := bytes.IndexByte(s, ',')
	if comma < 0 || bytes.Count(s[:comma], []byte(" ")) > 1 {
		return false
	}
	// ... and commas in the clause before the period.
	before := src[lo:at]
	if i := bytes.LastIndexAny(before[:max(len(before)-2, 0)], ".?!("); i >= 0 {
		before = before[i+1:]
	}
	return bytes.IndexByte(before, ',') >= 0
}

// labelledLines reports whether every line of text starts with a short
// label in capitals or digits and a colon ("Q: Which ...", "O: ...",
// "E: ..."): a sample of a line-based file format shown as code, not
// prose that slipped into a code block.
func labelledLines(text []byte) bool {
	lines := 0
	for rest := text; len(rest) > 0; {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		k := 0
		for k < len(line) && k < 4 && (isUpper(line[k]) || isDigit(line[k])) {
			k++
		}
		if k == 0 || k == 4 || k+1 >= len(line) || line[k] != ':' || line[k+1] != ' ' {
			return false
		}
		lines++
	}
	return lines > 0
}
