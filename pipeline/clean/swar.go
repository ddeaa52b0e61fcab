package clean

import "encoding/binary"

// Byte classes eight bytes at a time ("SIMD within a register"): the rules
// that read every byte of the prose load eight bytes into a uint64 and
// compute, for each byte, whether it is of a class, as the high bit of
// that byte. A loop over the bytes would branch on each; these masks
// branch once per eight bytes, and a rule then visits only the bytes that
// are set. No sum below carries from one byte into the next, so each byte
// of a mask depends on that byte of x alone. TestSWARClasses compares
// every class with its byte-wise definition.

const (
	lsb8 = 0x0101010101010101 // the low bit of every byte
	msb8 = 0x8080808080808080 // the high bit of every byte
	low7 = 0x7f7f7f7f7f7f7f7f // all but the high bit of every byte
)

// load8 returns the eight bytes of b from i as a little-endian word: byte
// i+k of b is byte k of the word (bits 8k to 8k+7).
func load8(b []byte, i int) uint64 { return binary.LittleEndian.Uint64(b[i:]) }

// zeroBytes has the high bit of each byte of x that is zero: (x&0x7f)+0x7f
// reaches the high bit when the low seven bits are not all zero, and x's
// own high bit covers the rest.
func zeroBytes(x uint64) uint64 { return ^((x & low7) + low7 | x | low7) }

// equalBytes has the high bit of each byte of x that equals c.
func equalBytes(x uint64, c byte) uint64 { return zeroBytes(x ^ lsb8*uint64(c)) }

// upToSpaceBytes has the high bit of each byte of x up to ' ': the blanks,
// line ends and control bytes. With h the low seven bits, h+0x5f reaches
// the high bit when h > ' '.
func upToSpaceBytes(x uint64) uint64 { return ^(x&low7 + lsb8*0x5f | x) & msb8 }

// letterBytes has the high bit of each byte of x that is an ASCII letter:
// or-ing 0x20 turns capitals into small letters and takes no other byte
// into 'a' to 'z'.
func letterBytes(x uint64) uint64 { return inRange(x|lsb8*0x20, 'a', 'z') }

// inRange has the high bit of each ASCII byte of x from lo to hi
// (lo <= hi < 0x80): with h the low seven bits, h+0x80-lo reaches the high
// bit when h >= lo, and h+0x7f-hi when h > hi.
func inRange(x uint64, lo, hi byte) uint64 {
	h := x & low7
	return (h + lsb8*uint64(0x80-lo)) &^ (h + lsb8*uint64(0x7f-hi)) &^ x & msb8
}

// belowByte is the mask of the bytes of a word before byte n (0 <= n < 8).
func belowByte(n int) uint64 { return 1<<(8*uint(n)) - 1 }
