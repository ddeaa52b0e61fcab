package clean

import (
	"bytes"
	"slices"
	"testing"
)

// TestLowerASCII compares the eight-bytes-at-a-time lowering with the
// byte-wise definition on every byte value at every position of a word.
func TestLowerASCII(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 11; pos++ {
			b := []byte("Ab\xc3\x89Zz@[`{x")
			b[pos] = byte(c)
			want := make([]byte, len(b))
			for i, c := range b {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				want[i] = c
			}
			if got := appendLower([]byte("X"), b); string(got) != "X"+string(want) {
				t.Fatalf("appendLower(%q) = %q, want %q", b, got[1:], want)
			}
		}
	}
}

// FuzzFoldFinder: the matches of a foldFinder are those of the word in the
// text with its ASCII capitals lowered.
func FuzzFoldFinder(f *testing.F) {
	f.Add("Value and VALUE and vAlUe, valued: value", "value")
	f.Add("aAaA", "aa")
	f.Add("12 12x 1", "12")
	f.Add("Éa éa ea", "ea")
	f.Fuzz(func(t *testing.T, text, w string) {
		w = string(appendLower(nil, []byte(w)))
		if w == "" {
			return
		}
		lower := appendLower(nil, []byte(text))
		var want, got []int
		for at := 0; ; {
			i := bytes.Index(lower[at:], []byte(w))
			if i < 0 {
				break
			}
			want = append(want, at+i)
			at += i + 1
		}
		for ff := newFoldFinder([]byte(text), w); ; {
			i := ff.next()
			if i < 0 {
				break
			}
			got = append(got, i)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("matches of %q in %q: got %v, want %v", w, text, got, want)
		}
	})
}
