package check

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/internal/bytescan"
	"github.com/itilint/itilint/pipeline/note"
)

// A token is a word of running text: a maximal run of letters and digits,
// or a lone "&". Matching works on tokens, never on raw bytes, so word
// boundaries, case and the spacing between words are handled once here.
//
// A token holds no pointer: a note has many, and the garbage collector
// then neither scans them nor slows down writing them.
//
// A note of megabytes has a token every few bytes, so a token is kept to
// 16 bytes: its offsets in 32 bits (load reads no note over 1 GiB), and
// its word and marks in one 32-bit field (see the methods).
type token struct {
	// start and end are the byte range in the note's text.
	start, end int32
	// low is where the lower-case text of a word not written in lower
	// case is kept (see tokenized.norm): 0 for the others; k+1 for
	// lower[k:], as long as the word, as nearly every copy is; -(k+1)
	// for a copy of another length (a few letters change their length in
	// lower case: "İ", the Kelvin sign), whose length is lower[k:k+4]
	// and bytes follow.
	low int32
	// wordMarks holds the word (its low wordBits bits) and the marks of
	// the gap before the token (the bits above): see word, gap, brk,
	// sent and clause.
	wordMarks uint32
}

// The bits of token.wordMarks.
const (
	wordBits   = 24 // more than a pack has words: it is at most 4 MiB (pack.MaxYAMLSize)
	wordMask   = 1<<wordBits - 1
	gapShift   = wordBits // 3 bits: the gap's class, an index of gapBytes
	brkMark    = 1 << (wordBits + 3)
	sentMark   = 1 << (wordBits + 4)
	clauseMark = 1 << (wordBits + 5)
)

// word is the norm's number in the pack's vocabulary, 0 for a word no
// form uses: found while lower-casing, so matching compares numbers.
func (t *token) word() int32 { return int32(t.wordMarks & wordMask) }

// gap classifies what separates the token from the previous one: ' '
// whitespace, '-' hyphen, '/' slash, an apostrophe, '.' a dot inside a
// word ("4.0", "I.T.I.L"), 0 nothing ("&" glued to a word).
func (t *token) gap() byte { return gapBytes[t.wordMarks>>gapShift&7] }

// brk: no match may span the gap before this token (punctuation, an
// excluded code span or link, the start of a block).
func (t *token) brk() bool { return t.wordMarks&brkMark != 0 }

// sent: the token starts a sentence (block start or after . ! ?).
func (t *token) sent() bool { return t.wordMarks&sentMark != 0 }

// clause: the token starts a clause (a sentence start, or after , ; :
// parentheses, dashes).
func (t *token) clause() bool { return t.wordMarks&clauseMark != 0 }

// setMarks sets the marks of the gap before t, as classifyGap gives them.
func (t *token) setMarks(gap byte, brk, sent, clause bool) {
	t.wordMarks = t.wordMarks&wordMask | marks(gap, brk, sent, clause)
}

// marks packs the marks of a gap into token.wordMarks's bits.
func marks(gap byte, brk, sent, clause bool) uint32 {
	m := uint32(gapCodes[gap]) << gapShift
	if brk {
		m |= brkMark
	}
	if sent {
		m |= sentMark
	}
	if clause {
		m |= clauseMark
	}
	return m
}

// The marks of the gaps span reads without classifyGap.
var (
	blockStartMarks = marks(' ', true, true, true)  // the block's first token
	cutOutMarks     = marks(' ', true, false, true) // after what was cut out
	spaceMarks      = marks(' ', false, false, false)
)

// gapBytes are the gaps classifyGap gives, by their code in a token;
// gapCodes the codes of those bytes.
var (
	gapBytes = [8]byte{0, ' ', '-', '/', '\'', '.'}
	gapCodes = func() (c [256]uint8) {
		for i, b := range gapBytes[1:6] {
			c[b] = uint8(i + 1)
		}
		return c
	}()
)

// A tokenized text is a text's tokens and the lower-case copies of the
// words not written in lower case (most words are, and need no copy).
type tokenized struct {
	text  []byte
	lower []byte
	toks  []token
}

// norm returns the lower-case text of toks[k]. It is a part of text or
// lower, valid while neither is written: a question about a word (a map
// lookup, a comparison) converts it to a string in place, which Go does
// without copying; what keeps it copies it.
func (tt *tokenized) norm(k int) []byte {
	t := &tt.toks[k]
	switch {
	case t.low > 0:
		from := t.low - 1
		return tt.lower[from : from+t.end-t.start]
	case t.low < 0:
		from := -t.low - 1
		n := int32(binary.LittleEndian.Uint32(tt.lower[from:]))
		return tt.lower[from+4 : from+4+n]
	}
	return tt.text[t.start:t.end]
}

// norms returns the norms of all tokens, as strings of their own.
func (tt *tokenized) norms() []string {
	out := make([]string, len(tt.toks))
	for k := range out {
		out[k] = string(tt.norm(k))
	}
	return out
}

// tokenizeBlock appends the tokens of one block's prose spans to dst, and
// the lower-case copies of words not written in lower case to lower. When
// v is given, each token's word is looked up in it.
//
// tokenizer.span reads the usual tokens; what it leaves, it leaves here.
func tokenizeBlock(dst []token, text []byte, spans []note.Span, lower []byte, v *vocabulary) ([]token, []byte) {
	tz := tokenizer{text: text, lower: lower, v: v}
	if v == nil {
		tz.v = &emptyVocabulary
	}
	prevEnd := blockStart // end of the previous token of this block
	for si, sp := range spans {
		// A gap between spans is joinable only when it is the line break
		// (and indentation) of a paragraph that goes on; anything else was
		// cut out (code, HTML, a link target) and breaks matches.
		if si > 0 && prevEnd >= 0 && !onlySpace(text[spans[si-1].End:sp.Start]) {
			prevEnd = cutOut
		}
		for i, end := sp.Start, sp.End; i < end; {
			var left leftOver
			dst, i, prevEnd, left = tz.span(dst, i, end, prevEnd)
			switch left {
			case spanDone:
			case noRoom:
				// As append grows them.
				dst = slices.Grow(dst, 1)
				tz.lower = slices.Grow(tz.lower, 16)
				continue
			case oddGap:
				// The gap before the last token, which is not the first
				// of the block nor after a cut.
				t := &dst[len(dst)-1]
				t.setMarks(classifyGap(text[dst[len(dst)-2].end:t.start]))
				continue
			case otherWord:
				tend, word, low, lower, ok := readWord(text, i, end, tz.lower, tz.v)
				tz.lower = lower
				if ok {
					var m uint32
					switch {
					case prevEnd == blockStart:
						m = blockStartMarks
					case prevEnd == cutOut:
						m = cutOutMarks
					default:
						m = marks(classifyGap(text[prevEnd:i]))
					}
					dst = append(dst, token{start: int32(i), end: int32(tend), low: low, wordMarks: uint32(word) | m})
					prevEnd = tend
				}
				i = tend // past the word, or a rune that is no letter or digit
				continue
			}
			break
		}
	}
	return dst, tz.lower
}

// What tokenizer.span's prevEnd holds when there is no previous token to
// classify the gap from.
const (
	blockStart = -1 // none: the block starts here
	cutOut     = -2 // something was cut out since the previous token
)

// A tokenizer is what tokenizer.span's loop reads but never changes, kept
// apart from the loop's own variables (where it is, the previous token's
// end) so that the hot loop carries few of its own (BenchmarkTokenize).
type tokenizer struct {
	text  []byte
	lower []byte
	v     *vocabulary
}

// emptyVocabulary holds no word: looking up in it gives 0, as not
// looking up at all does.
var emptyVocabulary = func() vocabulary {
	v := newVocabulary()
	v.seal()
	return *v
}()

// Why tokenizer.span returns.
type leftOver uint8

const (
	spanDone  leftOver = iota // the span is read
	noRoom                    // dst or tokenizer.lower is full
	oddGap                    // the last token's gap is other than one space
	otherWord                 // a word other than the usual ones is next
)

// span appends the usual tokens of text[i:end] to dst; prevEnd is the
// end of the block's previous token, or blockStart or cutOut. It returns
// where it stopped, the prevEnd for what follows, and why it stopped.
//
// The usual token, an ASCII word under 16 bytes after one space, is
// read, lowered, hashed and looked up here with few calls: a call in the
// loop costs each word the saving and restoring of the loop's state, as
// much as the word's own work. So what the loop would need a call for, it
// leaves to tokenizeBlock: a gap other than one space (classifyGap), any
// other word (readWord), growing dst or tokenizer.lower.
//
// A word is read 8 bytes at a time (SWAR, see bytescan.ASCIIClasses): it ends
// before the first byte that is no ASCII letter or digit, and is a usual
// word if that byte is ASCII (no other letter follows) or the span ends
// there. Every byte of such a word is an ASCII letter or digit, and of
// those exactly the capitals have bit 5 (0x20) clear: setting it lowers
// the word, 8 bytes at a time. The token's fields are stored in place as
// soon as they are known, each gap case its own: a token built aside a
// field at a time and then copied into dst whole reads back, in wide
// loads, what it just wrote in narrow stores, which the processor cannot
// forward, and was slower (BenchmarkTokenize).
func (tz *tokenizer) span(dst []token, i, end, prevEnd int) ([]token, int, int, leftOver) {
	text := tz.text
	for {
		cls := uint8(gapByte) // spaces and punctuation; usually one byte
		for i < end {
			if cls = byteClass[text[i]]; cls != gapByte {
				break
			}
			i++
		}
		if i >= end {
			return dst, i, prevEnd, spanDone
		}
		start := i
		if cls != asciiWordByte || i+8 > len(text) {
			return dst, i, prevEnd, otherWord
		}
		if len(dst) == cap(dst) {
			return dst, i, prevEnd, noRoom
		}
		x := binary.LittleEndian.Uint64(text[i : i+8])
		n := min(bits.TrailingZeros64(^bytescan.LeadingAlnum(x)&bytescan.High)>>3, end-i)
		var last8, first8 uint64 // see wordKey
		if n < 8 {
			if i+n < end && x>>(8*n&63)&0x80 != 0 {
				return dst, i, prevEnd, otherWord
			}
			dst = dst[:len(dst)+1]
			t := &dst[len(dst)-1]
			t.start, t.end, t.low = int32(start), int32(start+n), 0
			shift := uint(64-8*n) & 63 // cuts a read to the word
			x &= ^uint64(0) >> shift
			low := x | 0x20*bytescan.Ones>>shift
			if low != x {
				// The copy is written with one 8-byte store, and cut to
				// the word.
				from := len(tz.lower)
				if cap(tz.lower)-from < 8 {
					return dst[:len(dst)-1], i, prevEnd, noRoom
				}
				tz.lower = tz.lower[:from+8]
				binary.LittleEndian.PutUint64(tz.lower[from:], low)
				tz.lower = tz.lower[:from+n]
				t.low = int32(from + 1)
			}
			last8 = bits.ReverseBytes64(low) >> shift
		} else {
			var left leftOver
			if dst, n, last8, first8, left = tz.longWord(dst, x, i, end); left != spanDone {
				return dst, i, prevEnd, left
			}
		}
		// The vocabulary's lookup, written out (Go would not inline it):
		// the first slot without branches, the others rarely (probe).
		v, h := tz.v, mixHash(last8, n)
		held := v.slots[h&uint32(len(v.slots)-1)]
		key, sh := &v.keys[held], slotHash(h, n)
		differ := key.last8 ^ last8 | uint64(key.hash^sh) | key.first8 ^ first8 // 0: the slot holds the word
		if nonZero(uint64(held))&nonZero(differ) != 0 {
			held = v.probe(h, sh, last8, first8)
		} else {
			held &= int32(nonZero(differ) - 1)
		}
		t := &dst[len(dst)-1]
		tend := start + n
		switch {
		case prevEnd == blockStart:
			t.wordMarks = uint32(held) | blockStartMarks
		case prevEnd == cutOut:
			t.wordMarks = uint32(held) | cutOutMarks
		case start == prevEnd+1 && text[prevEnd] == ' ':
			// One space, the usual gap: what classifyGap says of it.
			t.wordMarks = uint32(held) | spaceMarks
		default:
			t.wordMarks = uint32(held)
			return dst, tend, tend, oddGap
		}
		i, prevEnd = tend, tend
	}
}

// longWord is span's reading of a word of 8 to 15 bytes at text[i], as a
// quarter of the words are ("management", "organization"), whose first 8
// bytes are x: as span reads a shorter one, with a second read. Its first
// and last 8 bytes hold it all. It appends the token to dst and returns
// its length and its first and last 8 bytes lowered (see wordKey), or
// why it did not.
func (tz *tokenizer) longWord(dst []token, x uint64, i, end int) (_ []token, n int, last8, first8 uint64, left leftOver) {
	text := tz.text
	if i+16 > len(text) {
		return dst, 0, 0, 0, otherWord
	}
	x2 := binary.LittleEndian.Uint64(text[i+8 : i+16])
	n2 := min(bits.TrailingZeros64(^bytescan.LeadingAlnum(x2)&bytescan.High)>>3, end-i-8)
	if n2 == 8 || i+8+n2 < end && x2>>(8*n2&63)&0x80 != 0 {
		return dst, 0, 0, 0, otherWord
	}
	n = 8 + n2
	dst = dst[:len(dst)+1]
	t := &dst[len(dst)-1]
	t.start, t.end, t.low = int32(i), int32(i+n), 0
	cut := uint64(1)<<(8*n2&63) - 1 // the word's bytes of x2
	x2 &= cut
	low, low2 := x|0x20*bytescan.Ones, x2|0x20*bytescan.Ones&cut
	if low != x || low2 != x2 {
		from := len(tz.lower)
		if cap(tz.lower)-from < 16 {
			return dst[:len(dst)-1], 0, 0, 0, noRoom
		}
		tz.lower = tz.lower[:from+16]
		binary.LittleEndian.PutUint64(tz.lower[from:], low)
		binary.LittleEndian.PutUint64(tz.lower[from+8:], low2)
		tz.lower = tz.lower[:from+n]
		t.low = int32(from + 1)
	}
	// The last 8 bytes, in text order (low2 is 0 for a word of 8 bytes).
	last8 = bits.ReverseBytes64(low>>(8*n2&63) | low2<<(64-8*n2&63))
	return dst, n, last8, low, spanDone
}

// readWord reads the token at text[i], up to end: a word of letters and
// digits, or "&". It returns the token's end, word and where its
// lower-case copy is in lower, if it needs one (token.low); the word is 0
// when v is nil. When text[i] starts a rune that is no letter or digit,
// ok is false and end is the rune's.
func readWord(text []byte, i, end int, lower []byte, v *vocabulary) (tend int, word, low int32, _ []byte, ok bool) {
	c := text[i]
	if c >= utf8.RuneSelf {
		if r, size := utf8.DecodeRune(text[i:]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return i + size, 0, 0, lower, false
		}
	}
	var norm []byte // the lower-case copy, when there is one
	start := i
	var h uint32
	var last8 uint64 // see wordHash
	if c == '&' {
		i++
		h, last8 = ampHash, '&'
	} else {
		// The ASCII letters and digits, nearly all of a word, are
		// scanned, lowered and hashed in one pass.
		var j int
		var changed bool // lowering changes the word
		j, last8, changed = asciiWord(text, i, end)
		h = mixHash(last8, j-i)
		from := len(lower)
		if j < end && text[j] >= utf8.RuneSelf {
			if k := wordEnd(text, j, end); k > j {
				// Other letters follow: lower the whole word.
				lower = appendLower(lower, text[i:k])
				j, h, last8 = k, wordHash(lower[from:]), lastBytes(lower[from:])
				changed = false
			}
		}
		if changed {
			for _, b := range text[i:j] {
				lower = append(lower, wordLower[b])
			}
		}
		if n := len(lower) - from; n == j-i {
			low, norm = int32(from+1), lower[from:]
		} else if n > 0 {
			// A copy of another length: its length goes first.
			lower = append(lower, 0, 0, 0, 0)
			copy(lower[from+4:], lower[from:from+n])
			binary.LittleEndian.PutUint32(lower[from:], uint32(n))
			low, norm = -int32(from+1), lower[from+4:]
		}
		i = j
	}
	if v != nil {
		if norm == nil {
			norm = text[start:i]
		}
		word = v.lookup(h, last8, norm)
	}
	return i, word, low, lower, true
}

// asciiWord reads the ASCII letters and digits from text[i] up to end.
// It returns where they end, lastBytes of them lowered, and whether
// lowering changes them.
//
// It reads 8 bytes at a time (see bytescan.ASCIIClasses); a word in the last 7
// bytes of the text is read a byte at a time.
func asciiWord(text []byte, i, end int) (j int, last8 uint64, changed bool) {
	j = i
	var upper uint64   // upper-case letters seen, bit 7 of their bytes
	var lowered uint64 // the last read lowered, for a word of one read
	for j+8 <= len(text) && j < end {
		x := binary.LittleEndian.Uint64(text[j:])
		alnum, up := bytescan.ASCIIClasses(x)
		n := bits.TrailingZeros64(^alnum&bytescan.High) >> 3 // 8 when all are
		n = min(n, end-j)
		if n < 8 {
			up &= 1<<(8*n) - 1
		}
		upper |= up
		lowered = x | up>>2 // 'A' | 0x20 is 'a'
		j += n
		if n < 8 {
			break
		}
	}
	if j < end && j+8 > len(text) {
		// Near the text's end, where 8 bytes cannot be read: one byte at
		// a time, from the start.
		j, upper = i, 0
		for j < end {
			lc := wordLower[text[j]]
			if lc == 0 {
				break
			}
			upper |= uint64(lc ^ text[j])
			last8 = last8<<8 | uint64(lc)
			j++
		}
		return j, last8, upper != 0
	}
	switch n := j - i; {
	case n >= 8:
		// The last 8 bytes, read again: all are the word's.
		x := binary.LittleEndian.Uint64(text[j-8:])
		_, up := bytescan.ASCIIClasses(x)
		last8 = bits.ReverseBytes64(x | up>>2)
	default:
		// One read holds the whole word, from its lowest byte.
		last8 = bits.ReverseBytes64(lowered) >> (64 - 8*n)
	}
	return j, last8, upper != 0
}

// The classes of a byte for the tokenizer.
const (
	gapByte       = iota // ASCII, neither letter, digit nor '&': no token starts here
	asciiWordByte        // an ASCII letter or digit
	otherByte            // '&', or a byte of a multi-byte rune: see readWord
)

// byteClass is the class of each byte: one table read tells the tokenizer
// where it stands.
var byteClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf || c == '&':
			t[c] = otherByte
		case wordLower[c] != 0:
			t[c] = asciiWordByte
		}
	}
	return t
}()

// wordLower maps the ASCII letters and digits to their lower case, and
// every other byte to 0.
var wordLower = func() (t [256]byte) {
	for c := 0; c < 128; c++ {
		switch {
		case c >= 'A' && c <= 'Z':
			t[c] = byte(c) + 'a' - 'A'
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			t[c] = byte(c)
		}
	}
	return t
}()

var ampHash = wordHash("&")

// wordEnd returns the end of the word of letters and digits at text[i].
func wordEnd(text []byte, i, end int) int {
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			if wordLower[c] != 0 {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRune(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
			return i
		}
		i += size
	}
	return i
}

func onlySpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// classifyGap reads the bytes between two tokens of a block.
func classifyGap(g []byte) (gap byte, brk, sent, clause bool) {
	if len(g) == 0 {
		return 0, false, false, false
	}
	gap = ' '
	hyphens, spaceBefore, clause := 0, false, false
	for i := 0; i < len(g); i++ {
		c := g[i]
		switch c {
		case ' ', '\t', '\n', '\r':
			if hyphens == 0 {
				spaceBefore = true
			}
		case '-':
			hyphens++
			if hyphens > 1 || spaceBefore && i+1 < len(g) && isSpaceByte(g[i+1]) {
				// "--" or " - " is a dash between clauses, not a hyphen.
				return ' ', true, false, true
			}
			gap = '-'
		case '/':
			gap = '/'
		case '\'':
			gap = '\'' // "you'd", "customer's"
		case '.':
			if i+1 < len(g) && closesSentence(g[i+1]) {
				return ' ', true, true, true
			}
			if i+1 == len(g) && !spaceBefore {
				if clause {
					break // '"x".y': no sentence ends without a space
				}
				if gap == ' ' {
					gap = '.' // "4.0", "I.T.I.L"
					continue
				}
			}
			return ' ', true, true, true
		case '!', '?':
			return ' ', true, true, true
		case ',', ';', ':', '(', ')', '[', ']', '"', '{', '}', '<', '>', '|':
			// A clause ends, and a sentence too if a stop follows the
			// closing mark ('"fit for purpose". For example').
			if clause = true; !stopAfter(g[i+1:]) {
				return ' ', true, false, true
			}
		default:
			if c >= utf8.RuneSelf {
				r, size := utf8.DecodeRune(g[i:])
				i += size - 1
				switch gapRune(r) {
				case clauseRune:
					if clause = true; !stopAfter(g[i+1:]) {
						return ' ', true, false, true
					}
					continue
				case apostropheRune:
					gap = '\''
					continue
				case spaceRune:
					if hyphens == 0 {
						spaceBefore = true
					}
					continue
				}
			}
			// Emphasis markers and other symbols: no match spans them, but
			// they end neither sentence nor clause.
			brk = true
		}
	}
	if clause {
		return ' ', true, false, true
	}
	return gap, brk, false, false
}

// stopAfter reports whether g, the rest of a gap after a closing mark,
// holds a full stop, a question or an exclamation mark: only then is
// the rest read.
func stopAfter(g []byte) bool {
	return bytes.ContainsAny(g, ".!?")
}

// closesSentence reports whether c, after a dot, shows the dot ends a
// sentence: a space, or a closing quote, parenthesis or emphasis.
func closesSentence(c byte) bool {
	return isSpaceByte(c) || c == '"' || c == ')' || c == '*' || c == '_' || c == '\''
}

// What a rune other than ASCII is in a gap between tokens.
const (
	symbolRune     = iota // breaks matches, ends nothing
	clauseRune            // a dash, a curly double quote or an ellipsis: ends a clause
	apostropheRune        // a curly apostrophe: "customer’s"
	spaceRune             // a space
)

// gapRune classifies a rune other than ASCII in a gap.
func gapRune(r rune) int {
	switch {
	case r == '\u2013' || r == '\u2014' || r == '\u201c' || r == '\u201d' || r == '\u2026':
		return clauseRune
	case r == '\u2019' || r == '\u2018':
		return apostropheRune
	case unicode.IsSpace(r):
		return spaceRune
	}
	return symbolRune
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func appendLower(dst, b []byte) []byte {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += size
	}
	return dst
}

// tokenizeString splits a pack form ("ITIL 4", "co-creation") the way note
// text is split, so a form and the text it should match agree.
func tokenizeString(s string) *tokenized {
	b := []byte(s)
	toks, lower := tokenizeBlock(nil, b, []note.Span{{Start: 0, End: len(b)}}, nil, nil)
	return &tokenized{text: b, lower: lower, toks: toks}
}

// shape renders toks[from:to] with their gaps as one comparable string:
// words joined by their gap class, in the case written (or folded).
func (tt *tokenized) shape(from, to int, fold bool) string {
	return string(tt.appendShape(nil, from, to, fold))
}

// appendShape appends to dst what shape returns.
func (tt *tokenized) appendShape(dst []byte, from, to int, fold bool) []byte {
	for k := from; k < to; k++ {
		t := &tt.toks[k]
		if k > from && t.gap() != 0 {
			dst = append(dst, t.gap())
		}
		if fold {
			dst = append(dst, tt.norm(k)...)
		} else {
			dst = append(dst, tt.text[t.start:t.end]...)
		}
	}
	return dst
}

// gapsEq reports whether the tokens from toks[from] on are separated as
// gaps says: gaps[k-1] for the gap before toks[from+k].
func (tt *tokenized) gapsEq(from int, gaps []byte) bool {
	for k, g := range gaps {
		if tt.toks[from+1+k].gap() != g {
			return false
		}
	}
	return true
}

// shapeEq reports whether toks[from:to], rendered as shape renders them,
// equal want, without building the string.
func (tt *tokenized) shapeEq(from, to int, want string, fold bool) bool {
	w := 0
	for k := from; k < to; k++ {
		t := &tt.toks[k]
		if k > from && t.gap() != 0 {
			if w >= len(want) || want[w] != t.gap() {
				return false
			}
			w++
		}
		word := tt.text[t.start:t.end]
		if fold {
			word = tt.norm(k)
		}
		if len(want)-w < len(word) || want[w:w+len(word)] != string(word) {
			return false
		}
		w += len(word)
	}
	return w == len(want)
}

// stem reduces an English word to a crude stem, so "holistic" and
// "holistically", "optimise" and "optimize", "step" and "steps" compare
// equal. It is deliberately simple: it only has to make near misses of a
// few hundred official names comparable, not analyse English.
func stem(w string) string {
	if len(w) <= 3 {
		return w
	}
	for _, suf := range stemSuffixesByLast[w[len(w)-1]] {
		if strings.HasSuffix(w, suf.from) && len(w)-len(suf.from)+len(suf.to) >= 3 {
			w = w[:len(w)-len(suf.from)] + suf.to
			break
		}
	}
	if n := len(w); n > 3 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	if n := len(w); n > 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
		w = w[:n-1]
	}
	return w
}

var stemSuffixes = []struct{ from, to string }{
	{"isations", ""}, {"izations", ""}, {"isation", ""}, {"ization", ""},
	{"ically", ""}, {"ations", ""}, {"ation", ""}, {"ively", ""}, {"ive", ""},
	{"ally", ""}, {"ness", ""}, {"ising", ""}, {"izing", ""}, {"ised", ""}, {"ized", ""},
	{"ises", ""}, {"izes", ""}, {"ise", ""}, {"ize", ""},
	{"ies", "y"}, {"ied", "y"}, {"ing", ""}, {"ed", ""}, {"ly", ""}, {"ic", ""},
	{"ses", "s"}, {"xes", "x"}, {"ches", "ch"}, {"shes", "sh"},
	{"ss", "ss"}, {"s", ""},
}

// stemSuffixesByLast holds stemSuffixes by their last byte, in their
// order: stem runs for many words of a note, and only the suffixes ending
// in its last letter can match.
var stemSuffixesByLast = func() (t [256][]struct{ from, to string }) {
	for _, suf := range stemSuffixes {
		c := suf.from[len(suf.from)-1]
		t[c] = append(t[c], suf)
	}
	return t
}()
