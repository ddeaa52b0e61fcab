package clean

import "testing"

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
