package bytescan

import (
	"bytes"
	"testing"
)

// foldIndexRef is FoldIndex's definition: bytes.Index over the text lowered.
func foldIndexRef(text []byte, from int, w string) int {
	low := bytes.Clone(text)
	LowerASCII(low)
	if i := bytes.Index(low[from:], []byte(w)); i >= 0 {
		return from + i
	}
	return -1
}

func TestFoldIndex(t *testing.T) {
	for _, c := range []struct {
		text, w string
		from    int
	}{
		{"Resolve, resolve and RESOLVE", "esolve", 0},
		{"Resolve, resolve and RESOLVE", "esolve", 2},
		{"Resolve, resolve and RESOLVE", "esolve", 11},
		{"Resolve, resolve and RESOLVE", "esolve", 23},
		{"vvvv", "vv", 1},
		{"manage-ment MANAGE-MENT", "manage-ment", 1},
		{"Kelvin \u212a is no K", "k", 0},
		{"", "a", 0},
		{"abc", "", 2},
		{"abc", "abcd", 0},
		{"xyz", "z", 3},
	} {
		got, want := FoldIndex([]byte(c.text), c.from, c.w), foldIndexRef([]byte(c.text), c.from, c.w)
		if got != want {
			t.Errorf("FoldIndex(%q, %d, %q) = %d, want %d", c.text, c.from, c.w, got, want)
		}
	}
}

// FuzzFoldIndex holds FoldIndex to its definition on any text, from every
// offset, for a lower-cased part of the text and for the fuzzed word.
func FuzzFoldIndex(f *testing.F) {
	f.Add([]byte("The Service desk RESOLVES; it resolves what it can."), "esolve")
	f.Add([]byte("manage-\nment and Manage-ment"), "ment")
	f.Fuzz(func(t *testing.T, text []byte, w string) {
		low := bytes.Clone(text)
		LowerASCII(low)
		words := []string{string(bytes.ToLower([]byte(w)))}
		if len(low) >= 3 {
			words = append(words, string(low[len(low)/3:len(low)/3+min(5, len(low)-len(low)/3)]))
		}
		for _, w := range words {
			for from := 0; from <= len(text); from++ {
				if got, want := FoldIndex(text, from, w), foldIndexRef(text, from, w); got != want {
					t.Fatalf("FoldIndex(%q, %d, %q) = %d, want %d", text, from, w, got, want)
				}
			}
		}
	})
}
