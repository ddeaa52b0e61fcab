package clean

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

// A strongRun is a "**" of a block's text, and what CommonMark
// lets it do: open strong emphasis (it is left-flanking: text follows it)
// or close it (right-flanking: text comes before it).
type strongRun struct {
	at              int
	open, close     bool
	matched         bool
	marker          byte
	spaceAfter      bool // a blank follows: "to** provide"
	spaceBeforeOpen bool // a blank comes before: "services **now"
}

// flanking returns whether the delimiter run src[i:j] is left- and
// right-flanking, as CommonMark defines them.
func flanking(src []byte, lo, hi, i, j int) (left, right bool) {
	before, after := ' ', ' ' // the line's start and end count as blanks
	if i > lo {
		before, _ = utf8.DecodeLastRune(src[lo:i])
	}
	if j < hi {
		after, _ = utf8.DecodeRune(src[j:hi])
	}
	blankBefore, blankAfter := unicode.IsSpace(before), unicode.IsSpace(after)
	punctBefore, punctAfter := unicode.IsPunct(before) || unicode.IsSymbol(before), unicode.IsPunct(after) || unicode.IsSymbol(after)
	left = !blankAfter && (!punctAfter || blankBefore || punctBefore)
	right = !blankBefore && (!punctBefore || blankAfter || punctAfter)
	return left, right
}

func runLiteralEmphasis(p *rule.Pass) {
	src := p.Note.Text
	if bytes.IndexByte(src, '*') < 0 {
		return // no asterisk, no bold: one search, not one a line
	}
	d := docOf(p.Note)
	var runs []strongRun
	for bi, b := range d.blocks {
		if b.Kind != note.Paragraph && b.Kind != note.Heading {
			continue
		}
		var tangled bool
		runs, tangled = strongRuns(src, d.proseOf(bi), runs[:0])
		if tangled {
			continue
		}
		pairRuns(runs)
		reportUnpaired(p, runs)
	}
}

// strongRuns appends the runs of exactly two asterisks in the prose
// spans to runs. tangled says a run of three or more was met: nesting
// this simple pairing cannot follow.
func strongRuns(src []byte, spans []note.Span, runs []strongRun) (_ []strongRun, tangled bool) {
	for _, s := range spans {
		for i := s.Start; i+1 < s.End; i++ {
			// Only a '*' can start a run: skip to the next one.
			j := bytes.IndexByte(src[i:s.End-1], '*')
			if j < 0 {
				break
			}
			i += j
			c := src[i]
			if c == '*' && src[i+1] == '*' && i+2 < s.End && src[i+2] == '*' {
				tangled = true
			}
			if c != '*' || src[i+1] != c || i > s.Start && (src[i-1] == c || src[i-1] == '\\') || i+2 < s.End && src[i+2] == c {
				continue // only runs of exactly two, not escaped
			}
			left, right := flanking(src, s.Start, s.End, i, i+2)
			runs = append(runs, strongRun{at: i, open: left, close: right, marker: c,
				spaceAfter: i+2 < s.End && isSpace(src[i+2]), spaceBeforeOpen: i > s.Start && isSpace(src[i-1])})
			i++
		}
	}
	return runs, tangled
}

// pairRuns pairs the runs as a renderer does: a run that can close takes
// the nearest open one of its marker. Both are then matched.
func pairRuns(runs []strongRun) {
	var open []int
	for k := range runs {
		r := &runs[k]
		if r.close {
			found := -1
			for o := len(open) - 1; o >= 0; o-- {
				if runs[open[o]].marker == r.marker {
					found = o
					break
				}
			}
			if found >= 0 {
				runs[open[found]].matched, r.matched = true, true
				open = open[:found]
				continue
			}
		}
		if r.open {
			open = append(open, k)
		}
	}
}

// reportUnpaired reports two unpaired runs in a row with a blank on the
// wrong side of the first ("to** provide the services**") or of the
// second ("**provide the services **now"): the author meant them as a
// pair, and Markdown shows the asterisks.
func reportUnpaired(p *rule.Pass, runs []strongRun) {
	for k := 0; k+1 < len(runs); k++ {
		a, b := runs[k], runs[k+1]
		if a.matched || b.matched || a.marker != b.marker {
			continue
		}
		marks := string([]byte{a.marker, a.marker})
		switch {
		case a.close && !a.open && a.spaceAfter && b.close && !b.open:
			p.Report(rule.Finding{Start: a.at, End: b.at + 2,
				Message: rule.Messagef("%q renders as text: the blank after the first stands inside the emphasis", marks),
				Fix:     rule.NewFix("move the blank before the first "+marks, rule.Structural, edit.Edit{Start: a.at, End: a.at + 3, New: " " + marks})})
			k++
		case a.open && !a.close && b.open && !b.close && b.spaceBeforeOpen:
			p.Report(rule.Finding{Start: a.at, End: b.at + 2,
				Message: rule.Messagef("%q renders as text: the blank before the second stands inside the emphasis", marks),
				Fix:     rule.NewFix("move the blank after the second "+marks, rule.Structural, edit.Edit{Start: b.at - 1, End: b.at + 2, New: marks + " "})})
			k++
		}
	}
}

// LiteralEmphasis repairs bold markers that Markdown shows as asterisks.
var LiteralEmphasis = &rule.Rule{
	ID:       "literal-emphasis",
	Severity: rule.Warning,
	Doc: `Bold markers render as asterisks: "to** provide the services**".
A "**" with a blank on its inner side can neither open nor close
bold text, so the reader sees the asterisks. When two such markers follow
each other, the blank is moved outside them.`,
	Good: []string{"The activities an organisation performs to **provide the services**.\n", "Two ** three is eight.\n"},
	Bad:  []string{"The activities an organisation performs to** provide the services**.\n", "We **provide the services **now.\n"},
	Run:  runLiteralEmphasis,
}
