package note

import (
	"bytes"
	"sync"
)

// Prose returns the ranges of running text in the note: the content of
// paragraphs and headings minus code spans, raw HTML and autolinks, link
// destinations and bare URLs. Term rules match only inside these ranges, so
// they never fire in code, URLs, HTML or front matter.
func (n *Note) Prose() []Span {
	n.findProse()
	return n.proseAll
}

// ProseAt returns the prose ranges of block i of n.Blocks(), none for a
// block that is neither a paragraph nor a heading. They are computed once
// per note, for every block at once: the formatting rules and the
// pack-driven rules both ask for them, in every round of a fix.
func (n *Note) ProseAt(i int) []Span {
	n.findProse()
	from, to := n.proseFrom[i], n.proseFrom[i+1]
	if from == to {
		return nil
	}
	return n.proseAll[from:to:to]
}

// proseScratch is findProse's space to find the prose in; the prose is
// then copied out at its size. Pooled.
type proseScratch struct{ all, excluded []Span }

var pooledProse = sync.Pool{New: func() any { return new(proseScratch) }}

// findProse fills n.proseAll with the prose of every paragraph and heading
// in order, and n.proseFrom with where each block's part of it starts: two
// allocations a note, not one a block.
func (n *Note) findProse() {
	if n.proseDone {
		return
	}
	blocks := n.Blocks()
	scratch := pooledProse.Get().(*proseScratch)
	all, excluded := scratch.all[:0], scratch.excluded[:0]
	from := make([]uint32, len(blocks)+1)
	marks := NewMarkFinder(n.Text, nonProseMarks[:]...) // one for all blocks: they are in order
	for i, b := range blocks {
		from[i] = uint32(len(all))
		if b.Kind == Paragraph || b.Kind == Heading {
			all, excluded = blockProse(all, n.Text, b, excluded[:0], &marks)
		}
	}
	from[len(blocks)] = uint32(len(all))
	n.proseFrom = from
	n.proseAll = make([]Span, len(all))
	copy(n.proseAll, all)
	n.proseDone = true
	if cap(all) <= 1<<16 && cap(excluded) <= 1<<16 {
		scratch.all, scratch.excluded = all[:0], excluded[:0]
		pooledProse.Put(scratch)
	}
}

// blockProse appends the prose ranges of block b to out; excluded is
// scratch space for the non-prose ranges, returned for reuse.
func blockProse(out []Span, src []byte, b Block, excluded []Span, marks *MarkFinder) ([]Span, []Span) {
	if len(b.Lines) == 0 {
		return out, excluded
	}
	lo, hi := b.Lines[0].Start, b.Lines[len(b.Lines)-1].End
	excluded = nonProse(excluded, src, lo, hi, marks)
	// Lines and excluded ranges are both in order: an excluded range that
	// ends before a line ends before every later line too, so a long
	// paragraph (a transcript) is not scanned once per line.
	first := 0
	for _, seg := range b.Lines {
		s := seg.Start
		for first < len(excluded) && excluded[first].End <= s {
			first++
		}
		for _, x := range excluded[first:] {
			if x.Start >= seg.End {
				break
			}
			if x.End <= s {
				continue
			}
			if x.Start > s {
				out = append(out, Span{s, x.Start})
			}
			s = max(s, x.End)
		}
		if s < seg.End {
			out = append(out, Span{s, seg.End})
		}
	}
	return out, excluded
}

// nonProse finds code spans, HTML, autolinks, link destinations and bare
// URLs in src[lo:hi], in order, appending them to out. It looks only at
// the places marks finds (every byte that may start such a range is one),
// so the plain prose between them is passed over by fast searches.
func nonProse(out []Span, src []byte, lo, hi int, marks *MarkFinder) []Span {
	for i := lo; i < hi; {
		from := i
		if i = marks.Next(i); i >= hi {
			break
		}
		c := src[i]
		if c == '/' {
			// The "//" of a bare URL: its start, "http:" or "https:"
			// before it, is where the byte-by-byte scan would find it.
			start := urlBefore(src, i, from)
			if start < 0 {
				i++
				continue
			}
			i, c = start, 'h'
		}
		span, found, next := nonProseAt(src, lo, hi, i, c)
		if found {
			out = append(out, span)
		}
		i = next
	}
	return out
}

// nonProseAt returns the range that is not prose starting at src[i] (whose
// byte is c, or 'h' for a bare URL found by its "//"), whether there is
// one, and where the scan goes on.
func nonProseAt(src []byte, lo, hi, i int, c byte) (Span, bool, int) {
	switch {
	case c == '\\' && i+1 < hi:
		return Span{}, false, i + 2
	case c == '`':
		run := countRun(src[i:hi], '`')
		if end := closingRun(src, i+run, hi, run); end > 0 {
			return Span{i, end}, true, end
		}
		return Span{}, false, i + run
	case c == '<' && i+1 < hi && (isASCIILetter(src[i+1]) || src[i+1] == '/' || src[i+1] == '!' || src[i+1] == '?'):
		if j := bytes.IndexByte(src[i:hi], '>'); j > 0 {
			return Span{i, i + j + 1}, true, i + j + 1
		}
	case c == ']' && i+1 < hi && src[i+1] == '(':
		if j := closingParen(src, i+1, hi); j < hi {
			return Span{i + 1, j + 1}, true, j + 1
		}
	case (c == 'h' || c == 'w') && (i == lo || !isWordByte(src[i-1])):
		if bytes.HasPrefix(src[i:hi], []byte("http://")) || bytes.HasPrefix(src[i:hi], []byte("https://")) || bytes.HasPrefix(src[i:hi], []byte("www.")) {
			j := i
			for j < hi && src[j] != ' ' && src[j] != '\n' && src[j] != '\t' && src[j] != ')' && src[j] != '>' {
				j++
			}
			return Span{i, j}, true, j
		}
	}
	return Span{}, false, i + 1
}

// closingParen returns the index of the ')' that closes the '(' at
// src[open], or hi when there is none before hi.
func closingParen(src []byte, open, hi int) int {
	depth := 0
	for j := open; j < hi; j++ {
		if src[j] == '(' {
			depth++
		} else if src[j] == ')' {
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return hi
}

// nonProseMarks are where nonProse has something to decide: an escape, a
// code span, HTML or an autolink, a link destination, a bare URL. Each
// case of nonProse needs its mark at i; the marks are rare in prose, so
// searching for them is much faster than testing every byte.
//
// A bare URL with a scheme is found by its "//", not by "http": an "h"
// is in every other English word, and bytes.Index stops at each one, so
// that one search took half the time of all six.
var nonProseMarks = [...]string{"\\", "`", "<", "](", "//", "www."}

// urlBefore returns where "http:" or "https:" ends right before the "//"
// at j, if that is at or after from; -1 otherwise.
func urlBefore(src []byte, j, from int) int {
	switch {
	case j-5 >= from && string(src[j-5:j]) == "http:":
		return j - 5
	case j-6 >= from && string(src[j-6:j]) == "https:":
		return j - 6
	}
	return -1
}

// A MarkFinder finds the next of a few marks (short strings) in a text,
// for a caller asking at growing offsets (the blocks of a note, in order):
// each mark is searched for with bytes.Index (many bytes a step) and its
// next place kept, so a mark that is rare, or absent, costs one search of
// the text and not one per question.
type MarkFinder struct {
	src   []byte
	marks []string
	from  [maxMarks]int // where the last search for each mark started
	at    [maxMarks]int // the mark found from there, or len(src)
	// The last answer, first, and the offset asked, asked: every mark's
	// search started at or before asked and found nothing before first,
	// so first is the answer for any offset between the two (a block
	// with no mark in it asks once and is answered from here).
	asked, first int
}

// maxMarks is how many marks a MarkFinder looks for at most.
const maxMarks = len(nonProseMarks)

// NewMarkFinder returns a finder of marks (at most six) in src.
func NewMarkFinder(src []byte, marks ...string) MarkFinder {
	if len(marks) > maxMarks {
		panic("note: too many marks for a MarkFinder") // a programming error
	}
	f := MarkFinder{src: src, marks: marks, asked: len(src) + 1, first: -1}
	for k := range f.at {
		f.at[k] = -1 // nothing searched yet
	}
	return f
}

// Next returns the offset of the first mark at or after i, or len(src).
func (f *MarkFinder) Next(i int) int {
	if f.asked <= i && i <= f.first {
		return f.first
	}
	first := len(f.src)
	for k, mark := range f.marks {
		if f.at[k] < i || f.from[k] > i {
			// The mark found last is behind i, or i is before where that
			// search started: search again from i.
			f.from[k], f.at[k] = i, len(f.src)
			if j := bytes.Index(f.src[i:], []byte(mark)); j >= 0 {
				f.at[k] = i + j
			}
		}
		first = min(first, f.at[k])
	}
	f.asked, f.first = i, first
	return first
}

func countRun(b []byte, c byte) int {
	n := 0
	for n < len(b) && b[n] == c {
		n++
	}
	return n
}

// closingRun finds a run of exactly n backticks in src[from:hi] and returns
// the offset just past it, or -1.
func closingRun(src []byte, from, hi, n int) int {
	for j := from; j < hi; {
		if src[j] != '`' {
			j++
			continue
		}
		r := countRun(src[j:hi], '`')
		if r == n {
			return j + r
		}
		j += r
	}
	return -1
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isWordByte(c byte) bool {
	return isASCIILetter(c) || c >= '0' && c <= '9' || c == '_' || c >= 0x80
}
