package bytescan

import (
	"bytes"
	"math/bits"
	"testing"
	"unicode/utf8"
)

// The references: each mask function's definition, a byte at a time.

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool  { return '0' <= c && c <= '9' }

// refMask is the mask of the bytes of b (eight) for which class holds.
func refMask(b []byte, class func(byte) bool) uint64 {
	var m uint64
	for k, c := range b[:8] {
		if class(c) {
			m |= 0x80 << (8 * k)
		}
	}
	return m
}

// masks are the class masks with their references.
var masks = []struct {
	name string
	got  func(uint64) uint64
	want func(byte) bool
}{
	{"Zero", Zero, func(c byte) bool { return c == 0 }},
	{"Equal 'i'", func(x uint64) uint64 { return Equal(x, 'i') }, func(c byte) bool { return c == 'i' }},
	{"Equal 0x80", func(x uint64) uint64 { return Equal(x, 0x80) }, func(c byte) bool { return c == 0x80 }},
	{"UpToSpace", UpToSpace, func(c byte) bool { return c <= ' ' }},
	{"Letters", Letters, isLetter},
	{"InRange '!' '.'", func(x uint64) uint64 { return InRange(x, '!', '.') }, func(c byte) bool { return '!' <= c && c <= '.' }},
	{"InRange ':' '?'", func(x uint64) uint64 { return InRange(x, ':', '?') }, func(c byte) bool { return ':' <= c && c <= '?' }},
	{"InRange 0 0x7f", func(x uint64) uint64 { return InRange(x, 0, 0x7f) }, func(c byte) bool { return c < 0x80 }},
	{"ASCIIClasses alnum", func(x uint64) uint64 { a, _ := ASCIIClasses(x); return a }, func(c byte) bool { return isLetter(c) || isDigit(c) }},
	{"ASCIIClasses upper", func(x uint64) uint64 { _, u := ASCIIClasses(x); return u }, func(c byte) bool { return 'A' <= c && c <= 'Z' }},
}

// checkWord holds every function of the package to its reference on the
// eight bytes b.
func checkWord(t *testing.T, b []byte) {
	t.Helper()
	x := Load8(b, 0)
	for _, m := range masks {
		if got, want := m.got(x), refMask(b, m.want); got != want {
			t.Fatalf("%s(% x) = %016x, want %016x", m.name, b, got, want)
		}
	}
	alnum := refMask(b, func(c byte) bool { return isLetter(c) || isDigit(c) })
	lead := bits.TrailingZeros64(^alnum&High) >> 3
	if got := bits.TrailingZeros64(^LeadingAlnum(x)&High) >> 3; got != lead {
		t.Fatalf("LeadingAlnum(% x) counts %d letters and digits, want %d", b, got, lead)
	}
	if got, want := LeadingAlnum(x)&Below(lead), alnum&Below(lead); got != want {
		t.Fatalf("LeadingAlnum(% x) = %016x before byte %d, want %016x", b, got, lead, want)
	}
	var stored [8]byte
	Store8(stored[:], 0, x)
	if !bytes.Equal(stored[:], b[:8]) {
		t.Fatalf("Store8(Load8(% x)) = % x", b, stored)
	}
}

// TestMasks: every mask, on every byte value at every position of a word,
// next to bytes that might carry into it.
func TestMasks(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 8; pos++ {
			for _, fill := range []byte{0x00, 0x7f, 0x80, 0xff, ' ', '\t', 'i', 'Z', '9', '@', '['} {
				b := bytes.Repeat([]byte{fill}, 8)
				b[pos] = byte(c)
				checkWord(t, b)
			}
		}
	}
}

func TestBelow(t *testing.T) {
	for n := 0; n < 8; n++ {
		b := make([]byte, 8)
		for k := range n {
			b[k] = 0xff
		}
		if got, want := Below(n), Load8(b, 0); got != want {
			t.Errorf("Below(%d) = %016x, want %016x", n, got, want)
		}
	}
}

func FuzzMasks(f *testing.F) {
	f.Add([]byte("ITIL 4: value\x80\xff\x00"))
	f.Add([]byte("héllo wörld, 123"))
	f.Fuzz(func(t *testing.T, p []byte) {
		for i := 0; i+8 <= len(p); i++ {
			checkWord(t, p[i:i+8])
		}
	})
}

// FuzzLowerASCII holds LowerASCII to lowering A-Z a byte at a time.
func FuzzLowerASCII(f *testing.F) {
	f.Add([]byte("ITIL 4 Value Co-Creation ÀÉ @[`{ XYZ"))
	f.Fuzz(func(t *testing.T, p []byte) {
		want := bytes.Clone(p)
		for i, c := range want {
			if 'A' <= c && c <= 'Z' {
				want[i] = c + 'a' - 'A'
			}
		}
		got := bytes.Clone(p)
		LowerASCII(got)
		if !bytes.Equal(got, want) {
			t.Fatalf("LowerASCII(%q) = %q, want %q", p, got, want)
		}
	})
}

// FuzzRuneCount holds RuneCount to utf8.RuneCount, on any bytes.
func FuzzRuneCount(f *testing.F) {
	f.Add([]byte("plain ASCII text, more than eight bytes"))
	f.Add([]byte("twelve bytes é then \xff\xfe broken \xe2\x82 and more"))
	f.Fuzz(func(t *testing.T, p []byte) {
		for from := 0; from <= min(len(p), 9); from++ {
			if got, want := RuneCount(p[from:]), utf8.RuneCount(p[from:]); got != want {
				t.Fatalf("RuneCount(%q) = %d, want %d", p[from:], got, want)
			}
		}
	})
}
