package note

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// index returns the offset of the first sep (two bytes or more) in s, or
// -1, as bytes.Index does. bytes.Index jumps from one occurrence of sep's
// first byte to the next: when that byte is frequent ("h" of "http", "w"
// of "www."), a jump is a call for a few bytes. Here eight positions at a
// time are tested for sep's first two bytes (a pair rarer than either
// byte), and only those positions are compared with sep.
// TestIndex and FuzzIndex compare it with bytes.Index.
func index(s []byte, sep string) int {
	a, b := sep[0], sep[1]
	i := 0
	for ; i+9 <= len(s); i += 8 {
		// x holds bytes i..i+7, y bytes i+1..i+8: byte k of both is the
		// pair at i+k.
		x, y := binary.LittleEndian.Uint64(s[i:]), binary.LittleEndian.Uint64(s[i+1:])
		for pairs := equalBytes(x, a) & equalBytes(y, b); pairs != 0; pairs &= pairs - 1 {
			if k := i + bits.TrailingZeros64(pairs)/8; bytes.HasPrefix(s[k:], []byte(sep)) {
				return k
			}
		}
	}
	if j := bytes.Index(s[i:], []byte(sep)); j >= 0 {
		return i + j
	}
	return -1
}

// equalBytes has the high bit of each byte of x that equals c: with v the
// byte xor c, (v&0x7f)+0x7f reaches the high bit when the low seven bits
// are not all zero, v's own high bit covers the rest, and no sum carries
// into the next byte.
func equalBytes(x uint64, c byte) uint64 {
	const lsb, low7 = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f
	v := x ^ lsb*uint64(c)
	return ^((v & low7) + low7 | v | low7)
}
