package bytescan

import (
	"bytes"
	"strings"
)

// FoldIndex returns the offset of the first occurrence of w in text at or
// after from, with the ASCII letters of text compared case-blind, or -1. w
// is in lower case. Its definition: bytes.Index over text[from:] after
// LowerASCII, plus from.
//
// It needs no lowered copy of the text: it looks for the least frequent
// byte of w (in English prose) in both cases, one bytes.IndexByte per
// occurrence, and compares w around each one found. Searching for w's
// first byte instead, as bytes.Index does, stops at nearly every word
// when that byte is a common letter ("esolve").
func FoldIndex(text []byte, from int, w string) int {
	if len(w) == 0 {
		return min(from, len(text))
	}
	anchor := rarest(w)
	lo, up := w[anchor], w[anchor]
	if 'a' <= lo && lo <= 'z' {
		up = lo - 'a' + 'A'
	}
	// nextLo and nextUp are the next offsets of lo and up at or after at
	// (len(text) for none): a byte that is rare in one case is searched
	// again only once the search has passed it.
	at := from + anchor
	nextLo, nextUp := indexByteFrom(text, at, lo), len(text)
	if up != lo {
		nextUp = indexByteFrom(text, at, up)
	}
	for {
		p := min(nextLo, nextUp)
		start := p - anchor
		if start+len(w) > len(text) {
			return -1
		}
		if foldEqual(text[start:start+len(w)], w) {
			return start
		}
		at = p + 1
		if nextLo == p {
			nextLo = indexByteFrom(text, at, lo)
		}
		if nextUp == p {
			nextUp = indexByteFrom(text, at, up)
		}
	}
}

// indexByteFrom returns the offset of the first c in text at or after at,
// or len(text).
func indexByteFrom(text []byte, at int, c byte) int {
	if at >= len(text) {
		return len(text)
	}
	if i := bytes.IndexByte(text[at:], c); i >= 0 {
		return at + i
	}
	return len(text)
}

// foldEqual reports whether s, its ASCII letters lowered, is w.
func foldEqual(s []byte, w string) bool {
	for i := range len(w) {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

// byFrequency is the letters of English from the most frequent to the
// least; any other byte (a digit, a hyphen) is rarer than all of them.
const byFrequency = "etaoinshrdlcumwfgypbvkjxqz"

// rarest returns the offset in w of its least frequent byte (the first
// of equals).
func rarest(w string) int {
	best, bestRank := 0, -1
	for i := range len(w) {
		rank := len(byFrequency)
		if k := strings.IndexByte(byFrequency, w[i]); k >= 0 {
			rank = k
		}
		if rank > bestRank {
			best, bestRank = i, rank
		}
	}
	return best
}
