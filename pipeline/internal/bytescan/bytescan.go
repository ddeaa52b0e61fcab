// Package bytescan holds the byte tricks of the pipeline's hot loops in one
// place: byte classes computed eight bytes at a time ("SIMD within a
// register", SWAR), ASCII lowering and rune counting that skip over ASCII
// eight bytes a step.
//
// A word is eight bytes of text loaded little-endian (Load8): byte i+k of
// the text is byte k of the word, bits 8k to 8k+7. A class mask has, for
// each byte of the word, the high bit of that byte set when the byte is of
// the class, and no other bit. A loop over bytes branches on each; a mask
// branches once per eight bytes, and its user then visits only the bytes
// that are set (bits.TrailingZeros64(mask)>>3 is the first).
//
// Every function here has a plain byte-by-byte definition in its doc
// comment; bytescan_test.go states it as code and holds each function to
// it on every byte value at every position and under fuzzing. Change one
// only together with its reference.
package bytescan

import (
	"encoding/binary"
	"unicode/utf8"
)

const (
	Ones = 0x0101010101010101 // the low bit of every byte; Ones*c repeats byte c
	High = 0x8080808080808080 // the high bit of every byte
	low7 = 0x7f7f7f7f7f7f7f7f // all but the high bit of every byte
)

// Load8 returns the eight bytes of b from i as a little-endian word.
func Load8(b []byte, i int) uint64 { return binary.LittleEndian.Uint64(b[i:]) }

// Store8 writes the word x over the eight bytes of b from i, as Load8 reads
// them.
func Store8(b []byte, i int, x uint64) { binary.LittleEndian.PutUint64(b[i:], x) }

// Zero marks the bytes of x that are 0. (x&0x7f)+0x7f reaches the high bit
// when the low seven bits are not all zero, and x's own high bit covers
// the rest; no sum carries from one byte into the next.
func Zero(x uint64) uint64 { return ^((x & low7) + low7 | x | low7) }

// Equal marks the bytes of x that equal c.
func Equal(x uint64, c byte) uint64 { return Zero(x ^ Ones*uint64(c)) }

// UpToSpace marks the bytes of x that are ' ' or below: blanks, line ends
// and control bytes. With h the low seven bits, h+0x5f reaches the high
// bit when h > ' '.
func UpToSpace(x uint64) uint64 { return ^(x&low7 + Ones*0x5f | x) & High }

// Letters marks the bytes of x that are ASCII letters: or-ing 0x20 turns
// capitals into small letters and takes no other byte into 'a' to 'z'.
func Letters(x uint64) uint64 { return InRange(x|Ones*0x20, 'a', 'z') }

// InRange marks the bytes of x from lo to hi, for lo <= hi < 0x80 (bytes of
// 0x80 and above are never marked). With h the low seven bits, h+0x80-lo
// reaches the high bit when h >= lo, and h+0x7f-hi when h > hi.
func InRange(x uint64, lo, hi byte) uint64 {
	h := x & low7
	return (h + Ones*uint64(0x80-lo)) &^ (h + Ones*uint64(0x7f-hi)) &^ x & High
}

// Below is the mask of all bits of the bytes of a word before byte n
// (0 <= n < 8).
func Below(n int) uint64 { return 1<<(8*uint(n)) - 1 }

// ASCIIClasses marks the bytes of x that are ASCII letters or digits
// (alnum) and the capital letters among them (upper).
func ASCIIClasses(x uint64) (alnum, upper uint64) {
	hi := x & High
	x &^= High
	// b + (0x80-lo) has bit 7 set in each byte b that is lo or more; no
	// byte carries into the next, as every byte of x is now below 0x80. A
	// letter with bit 5 set (0x20) is a small letter, and every byte is
	// one when it is a letter in either case.
	folded := x | 0x20*Ones
	letter := (folded + (0x80-'a')*Ones) &^ (folded + (0x80-'z'-1)*Ones)
	digit := (x + (0x80-'0')*Ones) &^ (x + (0x80-'9'-1)*Ones)
	alnum = (letter | digit) & High &^ hi
	return alnum, letter &^ (x << 2) & High &^ hi // x<<2: bit 5 to bit 7
}

// LeadingAlnum marks the bytes of x that are ASCII letters or digits, as
// ASCIIClasses' alnum does, but only up to and with the first byte that is
// neither; the bytes after it may be marked or not. That is all the end of
// a word needs: bits.TrailingZeros64(^LeadingAlnum(x)&High)>>3 is the
// number of letters and digits x starts with.
//
// It spares ASCIIClasses' clearing of the high bits: the sums of a byte of
// 0x80 or more can carry into the next byte, but every byte before the
// first that is no letter or digit is below 0x80, whose sums carry
// nothing, and a byte of 0x80 or more is not marked whether its own sums
// wrap or not.
func LeadingAlnum(x uint64) uint64 {
	folded := x | 0x20*Ones
	letter := (folded + (0x80-'a')*Ones) &^ (folded + (0x80-'z'-1)*Ones)
	digit := (x + (0x80-'0')*Ones) &^ (x + (0x80-'9'-1)*Ones)
	return (letter | digit) & High
}

// LowerASCII turns the ASCII capitals of b into small letters in place,
// eight bytes at a time, and leaves every other byte (UTF-8 sequences
// included) as it is.
func LowerASCII(b []byte) {
	for len(b) >= 8 {
		x := Load8(b, 0)
		h := x &^ High
		atLeastA := h + Ones*(0x80-'A')
		pastZ := h + Ones*(0x80-'Z'-1)
		capitals := atLeastA &^ pastZ &^ x & High
		Store8(b, 0, x|capitals>>2) // 0x80>>2 is the case bit 0x20
		b = b[8:]
	}
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
}

// RuneCount is utf8.RuneCount, reading the ASCII text p starts with eight
// bytes a step (utf8.RuneCount reads it a byte a step).
func RuneCount(p []byte) int {
	n := 0
	for len(p)-n >= 8 && Load8(p, n)&High == 0 {
		n += 8
	}
	return n + utf8.RuneCount(p[n:])
}
