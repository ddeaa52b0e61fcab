package clean

import (
	"bytes"
	"math/bits"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/internal/bytescan"
	"github.com/itilint/itilint/pipeline/note"
)

// A proseScan is what three rules that read every byte of the prose
// (lowercase-i, doubled-word, space-before-punctuation) find there, each
// list in text order. Each rule used to make its own pass; one pass that
// loads eight bytes at a time and derives the three rules' byte classes
// from the same masks (see package bytescan) costs less than half of the three,
// and the rules then only report what it found.
type proseScan struct {
	pronouns []int          // offsets of the pronoun "i" in lower case (pronounI)
	doubled  []doubledPair  // two equal words in a row (pair)
	marks    []spacedMarkAt // marks of spacedPunct right after a space
}

// A doubledPair is two words that follow each other: src[prevStart:prevEnd]
// and src[start:end].
type doubledPair struct{ prevStart, prevEnd, start, end int }

// A spacedMarkAt is a mark at offset at, after a space, in the prose span
// starting at span.
type spacedMarkAt struct{ at, span int }

// scan returns the proseScan of the note's prose, made on first use.
func (d *doc) scan() *proseScan {
	d.scanOnce.Do(func() {
		sc := &d.scanned
		for _, s := range d.proseSpans() {
			sc.span(d.n.Text, s)
		}
	})
	return &d.scanned
}

// span scans prose span s of src, appending what it finds:
//
//   - each offset k in s where pronounI(src, k) holds. The pronoun needs a
//     byte before it that is no letter, so only the "i"s after one (or at
//     the start of the span) are tested, one byte in eighty;
//   - each offset j of s after its first byte where a mark of spacedPunct
//     follows a space: only the bytes after a blank that are neither a
//     blank nor a letter are tested, one in a hundred and fifty;
//   - each two words of s that follow each other (as nextWord splits the
//     span) separated only by blanks with at most one line break, the
//     second starting with a small letter, equal but for case and holding
//     no digit.
//
// Doubled words sit on both sides of a run of blanks: the first word ends
// where the run starts, the second starts where it ends. So the span is
// read as regions, split at the bytes up to ' ' (blanks, line ends and
// the control bytes, which no word holds), and the masks give where each
// region starts, one byte in six. A region that is all ASCII letters and
// digits, nearly every one, is a word as it stands: it is a pair's first
// word only if its first letter is the one after the blanks, a test that
// passes rarely. Only then, or when a region holds anything else
// (punctuation, a hyphen, other letters, a digit: the mask of the bytes
// that are neither blank nor letter says), is the pair looked at closely
// (region). Reading the regions byte by byte branched on every byte of the
// prose and made doubled-word the costliest rule.
//
// FuzzLowercaseI, FuzzSpacedMarks and FuzzDoubledWords keep the three
// lists equal to testing every byte and splitting every word.
func (sc *proseScan) span(src []byte, s note.Span) {
	// text ends with the span: no byte past it is read but by pronounI,
	// which looks at the bytes after an "i" as it always did.
	text := src[:s.End]
	r := s.Start    // where the current region starts
	lastOther := -1 // the last byte before k that is neither blank nor letter
	// The high bit of byte 0 if the byte before k is up to ' ', if it is
	// no letter. Before the span: not a blank (the first region starts
	// with the span, and a mark at its first byte is not reported), maybe
	// no letter (pronounI looks).
	prevBlank, prevNonLetter := uint64(0), uint64(0x80)
	for k := s.Start; k < len(text); k += 8 {
		var x uint64
		valid := uint64(bytescan.High)
		if k+8 <= len(text) {
			x = bytescan.Load8(text, k)
		} else {
			x, valid = lastBytes(src, k, len(text))
		}
		blank := bytescan.UpToSpace(x) & valid
		nonLetter := ^bytescan.Letters(x) & valid
		other := nonLetter &^ blank

		// The pronouns and the marks, one byte in sixty: an "i" after a
		// byte that is no letter, or a byte neither blank nor letter
		// after a blank.
		if c := bytescan.Equal(x, 'i')&(nonLetter<<8|prevNonLetter)&valid | other&(blank<<8|prevBlank); c != 0 {
			sc.candidates(src, s.Start, k, c)
		}
		for starts := ^blank & (blank<<8 | prevBlank) & valid; starts != 0; starts &= starts - 1 {
			h := k + bits.TrailingZeros64(starts)/8
			if c := text[h]; isLower(c) {
				// The region holds a byte that is neither blank nor
				// letter: it may still end with the word after the
				// blanks.
				last := lastOther
				if m := other & (starts&-starts - 1); m != 0 {
					last = k + (63-bits.LeadingZeros64(m))/8
				}
				if mixed := last >= r; mixed || text[r]|0x20 == c {
					sc.region(src, s, r, h, mixed)
				}
			}
			r = h
		}
		prevBlank, prevNonLetter = blank>>56, nonLetter>>56
		if other != 0 {
			lastOther = k + (63-bits.LeadingZeros64(other))/8
		}
	}
}

// candidates tests the bytes of the eight at k that c marks: an "i" for
// the pronoun, another byte for a mark after a space (span is the start of
// the prose span). It is kept out of span's loop, which runs for every
// eight bytes, while a candidate comes about once in sixty.
func (sc *proseScan) candidates(src []byte, span, k int, c uint64) {
	for ; c != 0; c &= c - 1 {
		j := k + bits.TrailingZeros64(c)/8
		if src[j] == 'i' {
			if pronounI(src, j) {
				sc.pronouns = append(sc.pronouns, j)
			}
		} else if spacedPunct[src[j]] && src[j-1] == ' ' {
			sc.marks = append(sc.marks, spacedMarkAt{j, span})
		}
	}
}

// lastBytes returns the last bytes of a span, from k to end (less than
// eight), as bytescan.Load8 does, and the mask of the high bits of those bytes.
// The bytes past the span are loaded if the text goes on (a span is about
// a line) and masked off.
func lastBytes(src []byte, k, end int) (x, valid uint64) {
	if k+8 <= len(src) {
		x = bytescan.Load8(src, k)
	} else {
		for i, c := range src[k:end] {
			x |= uint64(c) << (8 * i)
		}
	}
	return x, bytescan.High & bytescan.Below(end-k)
}

// region tests the region that starts at r and the word at h, which
// starts with a small letter after the region and the bytes up to ' '
// that follow it. The region is mixed if it holds a byte that is not an
// ASCII letter; if not, it is a word.
func (sc *proseScan) region(src []byte, s note.Span, r, h int, mixed bool) {
	// The region ends where the bytes up to ' ' before h start.
	g := h - 1
	for g > r && src[g-1] <= ' ' {
		g--
	}
	// A word before them: the region is not empty (the span may start
	// with blanks) and does not end in ASCII punctuation.
	if g == r || src[g-1] < utf8.RuneSelf && !asciiWord[src[g-1]] {
		return
	}
	if mixed {
		// Its last word, if any ends at g (a digit makes the region
		// mixed and the word, if it is one, no pair).
		sc.pairLastWord(src, s, r, g, h)
		return
	}
	// The region is a word: equal to the next one only if they start
	// with the same letter and end with the same one (the next word is
	// ASCII too if it is as long and equal).
	if n := g - r; src[r]|0x20 == src[h] && h+n <= s.End && src[h+n-1]|0x20 == src[g-1]|0x20 {
		sc.pair(src, s, r, g, h)
	}
}

// pairLastWord tests the last word of the region src[r:g], if it ends
// there, and the word starting at h, after the blanks from g.
func (sc *proseScan) pairLastWord(src []byte, s note.Span, r, g, h int) {
	span := src[s.Start:s.End]
	last, lastEnd := -1, -1
	for i := r - s.Start; ; {
		ws, we := nextWord(span, i)
		if ws < 0 || s.Start+ws >= g {
			break
		}
		last, lastEnd, i = s.Start+ws, s.Start+we, we
	}
	if last >= 0 && lastEnd == g {
		sc.pair(src, s, last, g, h)
	}
}

// pair tests the words ending at g and starting at h, the bounds of a run
// of blanks, with prevStart the start of the first.
func (sc *proseScan) pair(src []byte, s note.Span, prevStart, g, h int) {
	ws, we := nextWord(src[s.Start:s.End], h-s.Start)
	start, end := s.Start+ws, s.Start+we
	if start != h || end-start != g-prevStart {
		return
	}
	w := src[start:end]
	if !bytes.EqualFold(src[prevStart:g], w) || !blankGap(src[g:h]) || hasDigit(string(w)) {
		return
	}
	sc.doubled = append(sc.doubled, doubledPair{prevStart, g, start, end})
}

// blankGap reports whether the text between two words is only blanks with
// at most one line break: the words are read as one after the other.
func blankGap(gap []byte) bool {
	lines := 0
	for _, c := range gap {
		switch c {
		case ' ', '\t':
		case '\n':
			lines++
		default:
			return false
		}
	}
	return lines <= 1
}
