package clean

import (
	"bytes"
	"fmt"
	"strconv"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

// wideBlankRuns calls f for each run of blanks (spaces and tabs) strictly
// inside a line of a prose span (after a visible byte, before another)
// that holds a tab or is two blanks or more: the runs multiple-spaces and
// tab-in-prose report. Single spaces, nearly every sixth byte of prose,
// are never looked at: the search jumps from one "  " or tab to the next,
// over the whole text (a span, about a line, is too short for the fast
// search).
func wideBlankRuns(src []byte, spans []note.Span, f func(start, end int, tab bool)) {
	// The next tab and the next "  " at or after at, in the whole text;
	// at only grows, as the spans are in order.
	tab, two := indexFrom(src, "\t", 0), indexFrom(src, "  ", 0)
	for _, s := range spans {
		for at := s.Start; at < s.End; {
			if tab >= 0 && tab < at {
				tab = indexFrom(src, "\t", at)
			}
			if two >= 0 && two < at {
				two = indexFrom(src, "  ", at)
			}
			// The first tab or "  " inside the span.
			k := -1
			if tab >= 0 && tab < s.End {
				k = tab
			}
			if two >= 0 && two+1 < s.End && (k < 0 || two < k) {
				k = two
			}
			if k < 0 {
				break
			}
			i := k
			for i > s.Start && (src[i-1] == ' ' || src[i-1] == '\t') {
				i--
			}
			j, hasTab := i, false
			for j < s.End && (src[j] == ' ' || src[j] == '\t') {
				hasTab = hasTab || src[j] == '\t'
				j++
			}
			// The run is maximal within the span; the bytes around it may
			// lie outside the span (a code span next to it).
			if i > 0 && src[i-1] != '\n' && src[i-1] != ' ' && src[i-1] != '\t' && j < len(src) && src[j] != '\n' && src[j] != ' ' && src[j] != '\t' {
				f(i, j, hasTab)
			}
			at = j
		}
	}
}

// lazyTables returns a function giving the table rows of d's note
// (tableRows), found the first time it is called: the spacing rules ask
// only when they meet a run of blanks, which most notes have few of. A
// table's padding is its author's alignment of the columns, not a slip.
func lazyTables(d *doc) func() []note.Span {
	var rows []note.Span
	found := false
	return func() []note.Span {
		if !found {
			rows, found = tableRows(d.n.Text, d.blocks), true
		}
		return rows
	}
}

// indexFrom returns the offset of the first sep in src at or after from,
// or -1.
func indexFrom(src []byte, sep string, from int) int {
	if i := bytes.Index(src[from:], []byte(sep)); i >= 0 {
		return from + i
	}
	return -1
}

func runMultipleSpaces(p *rule.Pass) {
	d := docOf(p.Note)
	tables := lazyTables(d)
	wideBlankRuns(p.Note.Text, d.proseSpans(), func(s, e int, tab bool) {
		if tab || e-s < 2 || inSpans(tables(), s) {
			return
		}
		p.Report(rule.Finding{Start: s, End: e, Message: spacesInARow.of(e - s),
			Fix: rule.NewFix("keep one space", rule.Safe, edit.Edit{Start: s, End: e, New: " "})})
	})
}

func runTabInProse(p *rule.Pass) {
	d := docOf(p.Note)
	tables := lazyTables(d)
	wideBlankRuns(p.Note.Text, d.proseSpans(), func(s, e int, tab bool) {
		if !tab || inSpans(tables(), s) {
			return
		}
		p.Report(rule.Finding{Start: s, End: e, Message: "a tab inside running text",
			Fix: rule.NewFix("replace with a space", rule.Safe, edit.Edit{Start: s, End: e, New: " "})})
	})
}

// A countMessage is a message that starts with a count ("3 spaces in a
// row"). The counts are nearly always small, so those messages are made
// once, not for every finding.
type countMessage struct {
	suffix string
	small  [16]string
}

func newCountMessage(suffix string) *countMessage {
	m := &countMessage{suffix: suffix}
	for n := range m.small {
		m.small[n] = strconv.Itoa(n) + suffix
	}
	return m
}

// of returns the message for count n.
func (m *countMessage) of(n int) string {
	if 0 <= n && n < len(m.small) {
		return m.small[n]
	}
	return strconv.Itoa(n) + m.suffix
}

var (
	spacesInARow     = newCountMessage(" spaces in a row")
	blankLinesInARow = newCountMessage(" blank lines in a row")
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

// spacedPunct marks the punctuation that takes no space before it.
var spacedPunct = [256]bool{':': true, ';': true, ',': true, '.': true, '?': true, '!': true}

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

func runTrailingSpace(p *rule.Pass) {
	n, src := p.Note, p.Note.Text
	d := docOf(n)
	for l := 0; l < n.NumLines(); l++ {
		s, e := n.LineStart(l), n.LineEnd(l)
		t := trimRightSpace(src, s, e)
		if t == e || d.verbatim(l) {
			continue
		}
		kind := rule.Safe
		if b := d.block(l); b != nil && b.Kind == note.Paragraph && l < n.LineOf(b.End) && !d.inProse(t) {
			continue // inside a code span that goes on to the next line
		}
		if b := d.block(l); b != nil && b.Kind == note.Paragraph && l < n.LineOf(b.End) && e-t >= 2 && t > s {
			// Two spaces or more before a line break inside a paragraph
			// are a hard line break: deliberate in Markdown, an accident
			// in a text note.
			hard := true
			for _, c := range src[t:e] {
				hard = hard && c == ' '
			}
			if hard {
				if n.Format == note.Markdown {
					continue
				}
				kind = rule.Structural
			}
		}
		msg := "trailing spaces"
		if t == s {
			msg = "a line of only spaces"
		}
		p.Report(rule.Finding{Start: t, End: e, Message: msg,
			Fix: rule.NewFix("remove them", kind, edit.Edit{Start: t, End: e})})
	}
}

// blank reports whether src[s:e] holds only blanks.
func blank(src []byte, s, e int) bool { return trimRightSpace(src, s, e) == s }

func runBlankLines(p *rule.Pass) {
	n, src := p.Note, p.Note.Text
	d := docOf(n)
	last := n.NumLines()
	// Lines after the last visible one belong to final-newline.
	for last > 0 && blank(src, n.LineStart(last-1), n.LineEnd(last-1)) {
		last--
	}
	for l := 0; l < last; {
		if !blank(src, n.LineStart(l), n.LineEnd(l)) || d.verbatim(l) {
			l++
			continue
		}
		k := l
		for k < last && blank(src, n.LineStart(k), n.LineEnd(k)) && !d.verbatim(k) {
			k++
		}
		// Lines l..k-1 are blank; keep one, or none at the top.
		from := l + 1
		if l == 0 {
			from = 0
		}
		if k > from {
			s, e := n.LineStart(from), n.LineStart(k)
			msg := blankLinesInARow.of(k - l)
			if l == 0 {
				msg = "blank lines at the top of the note"
			}
			p.Report(rule.Finding{Start: n.LineStart(l), End: e, Message: msg,
				Fix: rule.NewFix("keep one blank line", rule.Safe, edit.Edit{Start: s, End: e})})
		}
		l = k
	}
}

func runFinalNewline(p *rule.Pass) {
	n, src := p.Note, p.Note.Text
	if len(src) == 0 {
		return
	}
	l := n.NumLines() - 1
	for l >= 0 && blank(src, n.LineStart(l), n.LineEnd(l)) {
		l--
	}
	if l < 0 {
		return // a note of only blanks: trailing-space and blank-lines empty it
	}
	cut := n.LineEnd(l)
	if string(src[cut:]) == "\n" {
		return
	}
	// Blank lines at the end of an unclosed fence are its content.
	if d := docOf(n); d.verbatim(l) && n.NumLines() > l+1 && d.verbatim(l+1) {
		return
	}
	msg := "no newline at the end of the note"
	if cut < len(src) {
		msg = "blank lines or spaces at the end of the note"
	}
	p.Report(rule.Finding{Start: cut, End: len(src), Message: msg,
		Fix: rule.NewFix("end the note with one newline", rule.Safe, edit.Edit{Start: cut, End: len(src), New: "\n"})})
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

// MultipleSpaces collapses runs of spaces inside text.
var MultipleSpaces = &rule.Rule{
	ID:       "multiple-spaces",
	Severity: rule.Suggestion,
	Doc: `Two or more spaces stand between words.
They render as one; the source reads better with one. Indentation, hard
breaks, code and the padding of table columns are left alone.`,
	Good: []string{"One space.\n", "Code `a  b` stays.\n", "| Practice    | Kind    |\n| ----------- | ------- |\n| Service desk | service |\n"},
	Bad:  []string{"Two  spaces.\n"},
	Run:  runMultipleSpaces,
}

// TrailingSpace removes blanks at the end of lines.
var TrailingSpace = &rule.Rule{
	ID:       "trailing-space",
	Severity: rule.Suggestion,
	Doc: `A line ends with spaces or tabs, or holds nothing else.
In a .md file two spaces before the end of a paragraph's line are a
deliberate hard break and stay; in a text note they are an accident.`,
	Good: []string{"Clean line.\n", "Hard  \nbreak.\n"},
	Bad:  []string{"Trailing. \n", "A\n   \nB\n"},
	Run:  runTrailingSpace,
}

// TabInProse replaces tabs inside running text.
var TabInProse = &rule.Rule{
	ID:       "tab-in-prose",
	Severity: rule.Suggestion,
	Doc: `A tab stands inside running text.
Tabs come from pasted tables and word processors; they render as a space
and make the source uneven.`,
	Good: []string{"A space.\n"},
	Bad:  []string{"A\ttab.\n"},
	Run:  runTabInProse,
}

// BlankLines collapses runs of blank lines.
var BlankLines = &rule.Rule{
	ID:       "blank-lines",
	Severity: rule.Suggestion,
	Doc: `Several blank lines follow each other, or the note starts with one.
One blank line separates blocks; more change nothing in the rendering.`,
	Good: []string{"A\n\nB\n"},
	Bad:  []string{"A\n\n\n\nB\n", "\nA\n"},
	Run:  runBlankLines,
}

// FinalNewline makes the note end with exactly one newline.
var FinalNewline = &rule.Rule{
	ID:       "final-newline",
	Severity: rule.Suggestion,
	Doc: `The note does not end with exactly one newline.
A missing final newline upsets diffs and concatenation; blank lines and
spaces at the end are noise.`,
	Good: []string{"A\n"},
	Bad:  []string{"A", "A\n\n\n", "A\n   \n"},
	Run:  runFinalNewline,
}
