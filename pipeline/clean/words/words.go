// Package words owns the English word list the cleaner decides with (is
// "performed" a word? is "cocreation"?): Debian's wamerican (SCOWL size 50),
// lower-cased and sorted by gen.sh, embedded in the binary so the cleaner
// never needs the network. Its licence is in LICENSE beside it.
//
// The list is searched where it lies in the binary: no map is built, so a
// process that checks one small note pays nothing to load 74,000 words.
package words

import (
	_ "embed"
	"strings"
)

//go:generate sh gen.sh

// list is the word list: lower case, sorted byte-wise, one word a line,
// every line ending in a newline.
//
//go:embed words.txt
var list string

// Known reports whether w, in lower case, is an English word of the list.
func Known(w string) bool {
	// Binary search over the lines of list: lo and hi are always line
	// starts, and each probe reads the line around the middle byte.
	lo, hi := 0, len(list)
	for lo < hi {
		mid := lo + (hi-lo)/2
		start := lo + strings.LastIndexByte(list[lo:mid], '\n') + 1
		end := mid + strings.IndexByte(list[mid:], '\n')
		// Compared with == and <, not strings.Compare: its assembly makes
		// w escape, and callers look up words converted from a note's
		// bytes, which then cost a string each.
		switch line := list[start:end]; {
		case w == line:
			return true
		case w < line:
			hi = start
		default:
			lo = end + 1
		}
	}
	return false
}
