package emit

import (
	"strings"

	"github.com/pmezard/go-difflib/difflib"
)

// Diff returns a unified diff of a note before and after cleaning, with
// a/path and b/path headers as git prints them, or "" when nothing changed.
// Text that does not end in a newline is marked the way diff(1) marks it.
//
// It uses go-difflib: go-udiff (v0.2–v0.4) numbers the new side of hunks
// wrongly after a hunk that removes lines, which misleads a reviewer even
// though git apply accepts it.
func Diff(path string, before, after []byte) string {
	if string(before) == string(after) {
		return ""
	}
	out, err := difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A:        diffLines(string(before)),
		B:        diffLines(string(after)),
		FromFile: "a/" + strings.TrimPrefix(slashPath(path), "/"),
		ToFile:   "b/" + strings.TrimPrefix(slashPath(path), "/"),
		Context:  3,
	})
	if err != nil { // writes to a strings.Builder cannot fail
		return ""
	}
	return out
}

// diffLines splits text into lines that keep their newline; a last line
// without one carries diff(1)'s marker, so adding or removing the final
// newline shows as a change.
func diffLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		return lines[:len(lines)-1]
	}
	lines[len(lines)-1] += "\n\\ No newline at end of file\n"
	return lines
}
