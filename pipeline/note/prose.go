package note

import (
	"bytes"
	"sort"
)

// Prose returns the ranges of running text in the note: the content of
// paragraphs and headings minus code spans, raw HTML and autolinks, link
// destinations and bare URLs. Term rules match only inside these ranges, so
// they never fire in code, URLs, HTML or front matter.
func (n *Note) Prose() []Span {
	var out []Span
	for _, b := range n.Blocks() {
		if b.Kind != Paragraph && b.Kind != Heading {
			continue
		}
		out = append(out, n.BlockProse(b)...)
	}
	return out
}

// BlockProse returns the prose ranges of one paragraph or heading block of
// n. They are computed once per block: the formatting rules and the
// pack-driven rules both ask for them, in every round of a fix.
func (n *Note) BlockProse(b Block) []Span {
	blocks := n.Blocks()
	i := sort.Search(len(blocks), func(i int) bool { return blocks[i].Start >= b.Start })
	for ; i < len(blocks) && blocks[i].Start == b.Start; i++ {
		if blocks[i].Kind != b.Kind || len(blocks[i].Lines) != len(b.Lines) {
			continue
		}
		if n.prose == nil {
			n.prose = make([][]Span, len(blocks))
			n.proseDone = make([]bool, len(blocks))
		}
		if !n.proseDone[i] {
			n.prose[i] = blockProse(n, b)
			n.proseDone[i] = true
		}
		return n.prose[i]
	}
	return blockProse(n, b) // a block of another parse
}

func blockProse(n *Note, b Block) []Span {
	if len(b.Lines) == 0 {
		return nil
	}
	lo, hi := b.Lines[0].Start, b.Lines[len(b.Lines)-1].End
	excluded := nonProse(n.Text, lo, hi)
	var out []Span
	for _, seg := range b.Lines {
		s := seg.Start
		for _, x := range excluded {
			if x.End <= s || x.Start >= seg.End {
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
	return out
}

// nonProse finds code spans, HTML, autolinks, link destinations and bare
// URLs in src[lo:hi], in order.
func nonProse(src []byte, lo, hi int) []Span {
	var out []Span
	for i := lo; i < hi; {
		c := src[i]
		switch {
		case c == '\\' && i+1 < hi:
			i += 2
			continue
		case c == '`':
			run := countRun(src[i:hi], '`')
			if end := closingRun(src, i+run, hi, run); end > 0 {
				out = append(out, Span{i, end})
				i = end
				continue
			}
			i += run
			continue
		case c == '<' && i+1 < hi && (isASCIILetter(src[i+1]) || src[i+1] == '/' || src[i+1] == '!' || src[i+1] == '?'):
			if j := bytes.IndexByte(src[i:hi], '>'); j > 0 {
				out = append(out, Span{i, i + j + 1})
				i += j + 1
				continue
			}
		case c == ']' && i+1 < hi && src[i+1] == '(':
			depth, j := 0, i+1
			for ; j < hi; j++ {
				if src[j] == '(' {
					depth++
				} else if src[j] == ')' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			if j < hi {
				out = append(out, Span{i + 1, j + 1})
				i = j + 1
				continue
			}
		case (c == 'h' || c == 'w') && (i == lo || !isWordByte(src[i-1])):
			if bytes.HasPrefix(src[i:hi], []byte("http://")) || bytes.HasPrefix(src[i:hi], []byte("https://")) || bytes.HasPrefix(src[i:hi], []byte("www.")) {
				j := i
				for j < hi && src[j] != ' ' && src[j] != '\n' && src[j] != '\t' && src[j] != ')' && src[j] != '>' {
					j++
				}
				out = append(out, Span{i, j})
				i = j
				continue
			}
		}
		i++
	}
	return out
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
