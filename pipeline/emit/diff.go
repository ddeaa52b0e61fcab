package emit

import (
	udiff "github.com/aymanbagabas/go-udiff"
)

// Diff returns a unified diff of a note before and after cleaning, with
// a/path and b/path headers as git prints them, or "" when nothing changed.
// Text that does not end in a newline is marked the way diff(1) marks it.
func Diff(path string, before, after []byte) string {
	if string(before) == string(after) {
		return ""
	}
	return udiff.Unified("a/"+slashPath(path), "b/"+slashPath(path), string(before), string(after))
}
