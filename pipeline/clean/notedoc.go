package clean

import (
	"bytes"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/internal/bytescan"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
)

// A doc is what several rules need to know about one note, computed once:
// which block each line belongs to, and the note's own vocabulary.
type doc struct {
	n      *note.Note
	blocks []note.Block
	// lineBlock[i] is the index in blocks of the block covering line i, or
	// -1 for a line outside every leaf block (blank lines, list markers of
	// empty items, fences of empty code blocks).
	lineBlock []int32

	searches int // questions count has answered by searching the text

	vocabOnce   sync.Once
	vocab       map[string]int // lower-cased words of the note's prose, with counts
	sortedVocab []string       // the words of vocab, sorted, once completions asks

	scanOnce sync.Once
	scanned  proseScan // see scan

	breaksOnce sync.Once
	breaks     []wordBreak
	breaksPack *pack.Pack

	blankRunsOnce sync.Once
	blankRuns     []blankRun // see wideBlanks
}

// docOf returns the doc of n, computed once per parse of the note: every
// rule of a Check run asks for it. It is kept on the note with the blocks
// it is made of (note.StructureMemo), so it goes when the note compacts its
// structure or is dropped, and nothing holds notes that are done.
func docOf(n *note.Note) *doc {
	return n.StructureMemo(docKey{}, func(n *note.Note) any { return newDoc(n) }).(*doc)
}

type docKey struct{}

// newDoc returns the doc of n.
func newDoc(n *note.Note) *doc {
	d := &doc{n: n, blocks: n.Blocks(), lineBlock: make([]int32, n.NumLines()+1)}
	for i := range d.lineBlock {
		d.lineBlock[i] = -1
	}
	lines := n.Cursor() // the blocks are in order
	for bi, b := range d.blocks {
		if b.Start < 0 {
			continue
		}
		first, last := lines.LineOf(b.Start), lines.LineOf(b.End)
		for l := first; l <= last && l < len(d.lineBlock); l++ {
			d.lineBlock[l] = int32(bi)
		}
	}
	return d
}

// block returns the block covering line i, or nil.
func (d *doc) block(i int) *note.Block {
	if i < 0 || i >= len(d.lineBlock) || d.lineBlock[i] < 0 {
		return nil
	}
	return &d.blocks[d.lineBlock[i]]
}

// verbatim reports whether line i is inside code, raw HTML or front matter,
// where every byte matters and no cleaning rule may touch it.
func (d *doc) verbatim(i int) bool {
	b := d.block(i)
	return b != nil && isVerbatim(b.Kind)
}

func isVerbatim(k note.BlockKind) bool {
	return k == note.CodeBlock || k == note.FencedCode || k == note.HTMLBlock || k == note.FrontMatter
}

// count returns how often a word (lower case) occurs in the note's prose,
// as a whole word the way eachWord splits the prose.
//
// Most notes ask about a handful of words (line-end fragments the word
// list does not know), so each question searches the text case-blind
// (bytescan.FoldAll) instead of building a vocabulary of every word: no
// allocation, where the vocabulary makes one per distinct word. A long note with many damaged
// line ends would search its text again and again, so after
// maxSearches questions the vocabulary answers, built in one pass. A word
// eachWord could not return whole (a space, punctuation) goes through the
// vocabulary too. TestCountSearchMatchesVocabulary keeps both answers equal.
func (d *doc) count(w string) int {
	if w == "" {
		return 0
	}
	if !searchable(w) || d.searches >= maxSearches {
		return d.vocabCount(w)
	}
	d.searches++
	return d.searchCount(w)
}

// searchable reports whether searchCount can count w: lower-case ASCII
// letters and digits with inner hyphens, a word eachWord returns whole.
func searchable(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; !(isAlnum(c) && !isUpper(c)) && (c != '-' || i == 0 || i == len(w)-1 || !isAlnum(w[i-1])) {
			return false
		}
	}
	return true
}

// maxSearches is how many questions count answers by searching the text
// before it builds the note's vocabulary.
const maxSearches = 16

// searchCount counts w (lower case letters, digits and inner hyphens) by
// searching the text case-blind.
func (d *doc) searchCount(w string) int {
	spans := d.proseSpans()
	text := d.n.Text
	c := 0
	for start := range bytescan.FoldAll(text, w) {
		end := start + len(w)
		k := sort.Search(len(spans), func(k int) bool { return spans[k].End > start })
		if k == len(spans) || spans[k].Start > start || spans[k].End < end {
			continue
		}
		if wordStart(text[spans[k].Start:start]) && wordEnd(text[end:spans[k].End]) {
			c++
		}
	}
	return c
}

// wordStart reports whether eachWord, splitting before+rest, starts a word
// at rest (a word rune): the rune before is no part of a word, nor a
// hyphen or apostrophe that joins a word rune before it to this one.
func wordStart(before []byte) bool {
	r, size := utf8.DecodeLastRune(before)
	if size == 0 {
		return true
	}
	if isWordRune(r) {
		return false
	}
	if r == '-' || r == '\'' || r == '’' {
		p, psize := utf8.DecodeLastRune(before[:len(before)-size])
		return psize == 0 || !isWordRune(p)
	}
	return true
}

// wordEnd reports whether eachWord ends a word (ending in a word rune)
// just before after: the next rune is no word rune, nor a hyphen or
// apostrophe followed by one.
func wordEnd(after []byte) bool {
	r, size := utf8.DecodeRune(after)
	if size == 0 {
		return true
	}
	if isWordRune(r) {
		return false
	}
	if (r == '-' || r == '\'' || r == '’') && size < len(after) {
		next, _ := utf8.DecodeRune(after[size:])
		return !isWordRune(next)
	}
	return true
}

// maxVocabHint bounds the size a note's vocabulary map is made with: a
// note of any length has a few thousand different words.
const maxVocabHint = 4096

// vocabCount counts w with a vocabulary of the note's prose, built once.
func (d *doc) vocabCount(w string) int { return d.vocabulary()[w] }

// vocabulary returns the lower-cased words of the note's prose with their
// counts, built on first use.
func (d *doc) vocabulary() map[string]int {
	d.vocabOnce.Do(func() {
		// A word in forty bytes is a fair guess for a note of a few
		// pages; a big note repeats its words, and sizing the map by its
		// length held tens of bytes for every kilobyte of text.
		d.vocab = make(map[string]int, min(len(d.n.Text)/40, maxVocabHint))
		var buf []byte
		for _, s := range d.proseSpans() {
			eachWord(d.n.Text[s.Start:s.End], func(w []byte, _ int) {
				buf = appendLower(buf[:0], w)
				d.vocab[string(buf)]++
			})
		}
	})
	return d.vocab
}

// appendLower appends w in lower case (ASCII letters only; other bytes as
// they are, which is enough for lookups in a lower-cased list).
func appendLower(dst, w []byte) []byte {
	n := len(dst)
	dst = append(dst, w...)
	bytescan.LowerASCII(dst[n:])
	return dst
}

// packWords caches wordsOfPack.
var packWords sync.Map

// wordsOfPack is the set of words (lower case) and hyphenated compounds of
// a pack's terms and official names.
func wordsOfPack(p *pack.Pack) map[string]bool {
	return pack.Derived(&packWords, p, func(p *pack.Pack) map[string]bool {
		m := map[string]bool{}
		add := func(s string) {
			eachWord([]byte(s), func(w []byte, _ int) { m[strings.ToLower(string(w))] = true })
		}
		for _, t := range p.Terms {
			add(t.Term)
			for _, a := range t.Accepted {
				add(a)
			}
		}
		for _, l := range p.Lists {
			add(l.Name)
			for _, nn := range l.Nouns {
				add(nn)
			}
			for _, mem := range l.Members {
				add(mem.Name)
				for _, a := range mem.Accepted {
					add(a)
				}
			}
		}
		for _, ph := range p.Phrases {
			add(ph.Replace)
		}
		return m
	})
}

// packSorted caches sortedWordsOfPack.
var packSorted sync.Map

// sortedWordsOfPack is the words of wordsOfPack sorted, for prefix
// searches.
func sortedWordsOfPack(p *pack.Pack) []string {
	return pack.Derived(&packSorted, p, func(p *pack.Pack) []string {
		m := wordsOfPack(p)
		s := make([]string, 0, len(m))
		for w := range m {
			s = append(s, w)
		}
		sort.Strings(s)
		return s
	})
}

// packProse caches proseWordsOfPack.
var packProse sync.Map

// proseWordsOfPack is the vocabulary of the pack's own definitions: plain,
// frequent English of the domain ("in", "also", "as"), for decisions that
// need a word to be common, not merely in the dictionary ("ab").
func proseWordsOfPack(p *pack.Pack) map[string]bool {
	return pack.Derived(&packProse, p, func(p *pack.Pack) map[string]bool {
		m := map[string]bool{}
		add := func(s string) {
			eachWord([]byte(s), func(w []byte, _ int) { m[strings.ToLower(string(w))] = true })
		}
		for _, t := range p.Terms {
			add(t.Definition)
		}
		for _, l := range p.Lists {
			for _, mem := range l.Members {
				add(mem.Definition)
			}
		}
		return m
	})
}

// eachWord calls f for every word of s with its offset: a run of letters
// and digits, with inner hyphens and apostrophes ("co-creation", "let's").
func eachWord(s []byte, f func(w []byte, off int)) {
	for i := 0; ; {
		start, end := nextWord(s, i)
		if start < 0 {
			return
		}
		f(s[start:end], start)
		i = end
	}
}

// nextWord returns the bounds of the first word of s at or after i (see
// eachWord), or -1, -1. Rules that walk every word of the prose call it in
// a loop rather than through eachWord's callback.
func nextWord(s []byte, i int) (start, end int) {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiWord[c] {
				i++
				continue
			}
			break
		}
		r, size := utf8.DecodeRune(s[i:])
		if isWordRune(r) {
			break
		}
		i += size
	}
	if i >= len(s) {
		return -1, -1
	}
	// The word goes on over word runes, and over a hyphen or apostrophe
	// with a word rune after it. ASCII, nearly every byte of a note, is
	// decided without decoding.
	j := i
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if asciiWord[c] {
				j++
				continue
			}
			if (c == '-' || c == '\'') && j+1 < len(s) {
				if next, _ := utf8.DecodeRune(s[j+1:]); isWordRune(next) {
					j++
					continue
				}
			}
			break
		}
		r, sz := utf8.DecodeRune(s[j:])
		if isWordRune(r) {
			j += sz
			continue
		}
		if r == '’' && j+sz < len(s) {
			if next, _ := utf8.DecodeRune(s[j+sz:]); isWordRune(next) {
				j += sz
				continue
			}
		}
		break
	}
	return i, j
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isSpace(c byte) bool { return c == ' ' || c == '\t' }
func isAlnum(c byte) bool { return isLower(c) || isUpper(c) || isDigit(c) }

// lineStartAt returns the start of the line holding src[off], as
// Note.LineStart(Note.LineOf(off)) does: the rules ask about offsets a few
// bytes into a line (a heading's hashes, a paragraph line's indentation),
// so looking back for the newline is cheaper than searching the line table.
func lineStartAt(src []byte, off int) int { return bytes.LastIndexByte(src[:off], '\n') + 1 }

// lineEndAt returns the end (the newline, or the end of the text) of the
// line holding src[off], as Note.LineEnd(Note.LineOf(off)) does.
func lineEndAt(src []byte, off int) int {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(src)
}

// trimRightSpace returns the end of s[start:end] without trailing blanks.
func trimRightSpace(s []byte, start, end int) int {
	for end > start && (s[end-1] == ' ' || s[end-1] == '\t') {
		end--
	}
	return end
}

// skipSpace returns the first offset at or after i in s[:end] that is not a
// blank.
func skipSpace(s []byte, i, end int) int {
	for i < end && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// terminal reports whether text that ends with s ends a sentence or leads
// into what follows: . ! ? : ; … possibly followed by closing quotes,
// brackets or emphasis markers.
func terminal(s []byte) bool {
	s = bytes.TrimRight(s, " \t\n")
	for len(s) > 0 {
		r, size := utf8.DecodeLastRune(s)
		switch r {
		case '"', '\'', ')', ']', '*', '_', '’', '”', '»', '`':
			s = s[:len(s)-size]
			continue
		case '.', '!', '?', ':', ';', '…':
			return true
		}
		return false
	}
	return false
}

// lowerStart reports whether s starts with a lower-case ASCII letter that
// begins an ordinary word (not "iPhone", not "e.g.", not a file name).
func lowerStart(s []byte) bool {
	if len(s) == 0 || !isLower(s[0]) {
		return false
	}
	j := 0
	for j < len(s) && (isAlnum(s[j]) || s[j] == '-' || s[j] == '\'') {
		if isUpper(s[j]) || isDigit(s[j]) {
			return false
		}
		j++
	}
	if j < len(s) && (s[j] == '.' || s[j] == '_' || s[j] == '/' || s[j] == '@') && j+1 < len(s) && isAlnum(s[j+1]) {
		return false
	}
	return true
}

// proseSpans returns the note's running text (see note.Prose).
func (d *doc) proseSpans() []note.Span { return d.n.Prose() }

// proseOf returns the prose spans of block i.
func (d *doc) proseOf(i int) []note.Span { return d.n.ProseAt(i) }

// inProse reports whether offset off is in the note's running text.
func (d *doc) inProse(off int) bool {
	spans := d.proseSpans()
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > off })
	return i < len(spans) && spans[i].Start <= off
}
