package clean

import (
	"bytes"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/rule"
)

// invisible maps characters that look like a space, or like nothing, to
// what the note should hold instead.
var invisible = map[rune]string{
	'\u00a0': " ", // no-break space
	'\u2007': " ", // figure space
	'\u202f': " ", // narrow no-break space
	'\u200b': "",  // zero-width space
	'\u2060': "",  // word joiner
	'\ufeff': "",  // a byte order mark inside the text
}

var invisibleName = map[rune]string{
	'\u00a0': "a no-break space", '\u2007': "a figure space", '\u202f': "a narrow no-break space",
	'\u200b': "a zero-width space", '\u2060': "a word joiner", '\ufeff': "a byte order mark",
}

func runInvisibleSpace(p *rule.Pass) {
	src := p.Note.Text
	d := docOf(p.Note)
	// The invisible characters start with C2, E2 or EF in UTF-8: jump from
	// one such byte to the next (each searched fast over the ASCII text).
	next := [3]int{-1, -1, -1}
	for i := 0; i < len(src); i++ {
		k := len(src)
		for j, lead := range [3]byte{0xC2, 0xE2, 0xEF} {
			if next[j] < i && next[j] != len(src) {
				next[j] = len(src)
				if at := bytes.IndexByte(src[i:], lead); at >= 0 {
					next[j] = i + at
				}
			}
			k = min(k, next[j])
		}
		if k == len(src) {
			break
		}
		i = k
		r, size := utf8.DecodeRune(src[i:])
		repl, ok := invisible[r]
		if !ok || !d.inProse(i) {
			continue
		}
		p.Report(rule.Finding{Start: i, End: i + size, Message: invisibleName[r] + " in the text",
			Fix: rule.NewFix("replace with a plain space or remove", rule.Structural, edit.Edit{Start: i, End: i + size, New: repl})})
		i += size - 1
	}
}

// InvisibleSpace replaces no-break and zero-width spaces.
var InvisibleSpace = &rule.Rule{
	ID:       "invisible-space",
	Severity: rule.Warning,
	Doc: `A no-break or zero-width space hides in the text.
They come from web pages and word processors, look like a space (or like
nothing) and break searches, term checks and word splitting.`,
	Good: []string{"A plain space.\n"},
	Bad:  []string{"ITIL\u00a04 value.\n", "co\u200bcreation\n"},
	Run:  runInvisibleSpace,
}
