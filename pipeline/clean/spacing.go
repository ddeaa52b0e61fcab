package clean

import (
	"bytes"
	"strconv"

	"github.com/itilint/itilint/pipeline/note"
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

// A blankRun is a run of blanks that wideBlankRuns finds.
type blankRun struct {
	start, end int
	tab        bool
}

// wideBlanks returns the runs wideBlankRuns finds in the note's prose,
// found once: multiple-spaces and tab-in-prose both read them, and the
// search for "  " goes over the whole text.
func (d *doc) wideBlanks() []blankRun {
	d.blankRunsOnce.Do(func() {
		wideBlankRuns(d.n.Text, d.proseSpans(), func(start, end int, tab bool) {
			d.blankRuns = append(d.blankRuns, blankRun{start, end, tab})
		})
	})
	return d.blankRuns
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

// spacedPunct marks the punctuation that takes no space before it.
var spacedPunct = [256]bool{':': true, ';': true, ',': true, '.': true, '?': true, '!': true}

// blank reports whether src[s:e] holds only blanks.
func blank(src []byte, s, e int) bool { return trimRightSpace(src, s, e) == s }
