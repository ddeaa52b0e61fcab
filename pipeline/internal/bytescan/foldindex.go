package bytescan

import (
	"bytes"
	"iter"
	"strings"
)

// FoldAll yields, in order, the offset of every occurrence of w in text,
// overlapping ones too, with the ASCII letters of text compared
// case-blind; w is in lower case. Its definition: bytes.Index over the
// text after LowerASCII, asked again from one byte past each occurrence.
//
// It needs no lowered copy of the text: it looks for the least frequent
// byte of w (in English prose) in both cases, one bytes.IndexByte per
// occurrence of either, and compares w around each one found. Searching
// for w's first byte instead, as bytes.Index does, stops at nearly every
// word when that byte is a common letter ("esolve").
func FoldAll(text []byte, w string) iter.Seq[int] {
	return func(yield func(int) bool) {
		if len(w) == 0 {
			for i := 0; i <= len(text); i++ {
				if !yield(i) {
					return
				}
			}
			return
		}
		anchor := rarest(w)
		lo, up := w[anchor], w[anchor]
		if 'a' <= lo && lo <= 'z' {
			up = lo - 'a' + 'A'
		}
		// nextLo and nextUp are the next offsets of lo and up at or
		// after the search (len(text) for none): each is searched for
		// again only once the search has passed it, so an anchor that is
		// rare in one case costs one pass over the text, not one a match.
		nextLo, nextUp := indexByteFrom(text, anchor, lo), len(text)
		if up != lo {
			nextUp = indexByteFrom(text, anchor, up)
		}
		for {
			p := min(nextLo, nextUp)
			start := p - anchor
			if start+len(w) > len(text) {
				return
			}
			if foldEqual(text[start:start+len(w)], w) && !yield(start) {
				return
			}
			if nextLo == p {
				nextLo = indexByteFrom(text, p+1, lo)
			}
			if nextUp == p {
				nextUp = indexByteFrom(text, p+1, up)
			}
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
