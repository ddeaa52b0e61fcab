package bytescan

import (
	"bytes"
	"slices"
	"testing"
)

// foldAllRef is FoldAll's definition: bytes.Index over the text lowered,
// from one byte past each occurrence.
func foldAllRef(text []byte, w string) []int {
	low := bytes.Clone(text)
	LowerASCII(low)
	var out []int
	for at := 0; at <= len(low); {
		i := bytes.Index(low[at:], []byte(w))
		if i < 0 {
			break
		}
		out = append(out, at+i)
		at += i + 1
	}
	return out
}

func TestFoldAll(t *testing.T) {
	for _, c := range []struct{ text, w string }{
		{"Resolve, resolve and RESOLVE", "esolve"},
		{"Resolve, resolve and RESOLVE", "resolve"},
		{"vvvv", "vv"},
		{"manage-ment MANAGE-MENT", "manage-ment"},
		{"Kelvin \u212a is no K", "k"},
		{"", "a"},
		{"abc", ""},
		{"abc", "abcd"},
		{"xyz", "z"},
		{"Hat hat HAT", "h"},
	} {
		got, want := slices.Collect(FoldAll([]byte(c.text), c.w)), foldAllRef([]byte(c.text), c.w)
		if !slices.Equal(got, want) {
			t.Errorf("FoldAll(%q, %q) = %v, want %v", c.text, c.w, got, want)
		}
	}
}

// TestFoldAllStops checks that FoldAll stops when its caller does.
func TestFoldAllStops(t *testing.T) {
	n := 0
	for range FoldAll([]byte("a a a a"), "a") {
		if n++; n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("the loop ran %d times, want 2", n)
	}
}

// FuzzFoldAll holds FoldAll to its definition on any text, for a
// lower-cased part of the text and for the fuzzed word.
func FuzzFoldAll(f *testing.F) {
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
			if got, want := slices.Collect(FoldAll(text, w)), foldAllRef(text, w); !slices.Equal(got, want) {
				t.Fatalf("FoldAll(%q, %q) = %v, want %v", text, w, got, want)
			}
		}
	})
}
