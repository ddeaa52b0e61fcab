package note

import (
	"bytes"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// BlockKind says what a leaf block of the Markdown structure is.
type BlockKind int

const (
	Paragraph BlockKind = iota
	Heading
	CodeBlock   // indented code
	FencedCode  // ``` or ~~~
	HTMLBlock   // raw HTML, comments included
	Thematic    // ---, ***
	FrontMatter // YAML front matter at the top of the file
)

func (k BlockKind) String() string {
	return [...]string{"paragraph", "heading", "code block", "fenced code", "html", "thematic break", "front matter"}[k]
}

// A Span is a byte range of a note's Text.
type Span struct{ Start, End int }

// A Block is a leaf block in document order. Start and End cover whole lines
// (from the first line's start to the last line's newline, excluded).
type Block struct {
	Kind       BlockKind
	Start, End int
	Level      int    // heading level
	Lines      []Span // content segments as goldmark sees them
	InList     bool
	InQuote    bool
}

// Content returns the block's content lines joined by newlines.
func (b Block) Content(src []byte) string {
	var sb bytes.Buffer
	for i, l := range b.Lines {
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.Write(src[l.Start:l.End])
	}
	return sb.String()
}

// markdown is goldmark's parser with its block parsers and paragraph
// transformers (so that link reference definitions are not taken for
// paragraphs) and no inline parsers: nothing in the pipeline reads inline
// nodes (prose ranges come from our own scan, see Prose). Inline parsers
// never change the block structure; TestBlockParserMatchesFullParser keeps
// the blocks equal to goldmark's default parser. A goldmark parser serves
// every goroutine: each parse has its own context.
var markdown treeParser = parser.NewParser(
	parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
)

// A treeParser returns the block tree of a Markdown text.
type treeParser interface {
	Parse(reader text.Reader, opts ...parser.ParseOption) ast.Node
}

// Blocks returns the note's leaf blocks, parsing the text once.
//
// Most of a note is read by scanBlocks, our own scanner of the plain
// Markdown notes are made of; goldmark parses what the scanner does not
// handle exactly (see fastblocks.go), from the last line where the two
// agree on an empty block structure to the end of the note.
func (n *Note) Blocks() []Block {
	if n.parsed {
		return n.blocks
	}
	n.parsed = true
	src := n.Text
	fm := frontMatterEnd(src)
	if fm > 0 {
		// goldmark would read the front matter as a heading or a thematic
		// break; show it blank lines instead, so offsets stay the same.
		masked := append([]byte(nil), src...)
		for i := 0; i < fm; i++ {
			if masked[i] != '\n' {
				masked[i] = ' '
			}
		}
		src = masked
	}
	bb := newBlockBuilder(n)
	defer bb.release()
	if fm > 0 {
		bb.blocks = append(bb.blocks, Block{Kind: FrontMatter, Start: 0, End: fm})
	}
	rest := 0
	if useFastScan {
		rest = scanBlocks(bb, src)
	}
	if rest < len(src) {
		bb.addTree(src, rest)
	}
	// The blocks and their lines are copied out of the builder's scratch
	// at their size (a note's lines, blank ones included, were the
	// spans' capacity before); every span went to the block appended
	// with it, in order.
	blocks := make([]Block, len(bb.blocks))
	copy(blocks, bb.blocks)
	spans := make([]Span, len(bb.spans))
	copy(spans, bb.spans)
	for i, off := 0, 0; i < len(blocks); i++ {
		if k := len(blocks[i].Lines); k > 0 {
			blocks[i].Lines = spans[off : off+k : off+k]
			off += k
		}
	}
	locateEmpty(n, blocks)
	n.blocks = blocks
	return blocks
}

// useFastScan is whether Blocks runs scanBlocks before goldmark; the tests
// turn it off to get goldmark's blocks alone.
var useFastScan = true

// A blockBuilder collects the blocks of one parse, from the scanner and
// from goldmark's tree alike, in scratch space that is pooled: Blocks
// copies them out at their size.
type blockBuilder struct {
	n      *Note
	blocks []Block
	// The content lines of every block go into one slice, cut up once
	// the blocks are all there: one allocation a note instead of one a
	// block.
	spans  []Span
	cursor LineCursor // the blocks come in order
}

var pooledBuilders = sync.Pool{New: func() any { return new(blockBuilder) }}

func newBlockBuilder(n *Note) *blockBuilder {
	bb := pooledBuilders.Get().(*blockBuilder)
	bb.n, bb.cursor = n, n.Cursor()
	bb.blocks, bb.spans = bb.blocks[:0], bb.spans[:0]
	return bb
}

// release puts the builder back in the pool, without links to the note.
func (bb *blockBuilder) release() {
	if cap(bb.blocks) > 1<<14 || cap(bb.spans) > 1<<16 {
		return // one huge note does not keep a huge scratch in the pool
	}
	clear(bb.blocks)
	bb.n, bb.cursor = nil, LineCursor{}
	pooledBuilders.Put(bb)
}

// add appends a block whose content lines are spans[first:], placing it
// on the lines they cover.
func (bb *blockBuilder) add(kind BlockKind, level, first int, inList, inQuote bool) {
	n := bb.n
	b := Block{Kind: kind, Level: level, InList: inList, InQuote: inQuote}
	// For the checks below; spans may grow into a new array, so the
	// lines are cut again at the end.
	b.Lines = bb.spans[first:len(bb.spans):len(bb.spans)]
	if len(b.Lines) == 0 {
		b.Lines = nil
	}
	if len(b.Lines) > 0 {
		first := bb.cursor.LineOf(b.Lines[0].Start)
		last := bb.cursor.LineOf(max(b.Lines[len(b.Lines)-1].End-1, b.Lines[len(b.Lines)-1].Start))
		if kind == FencedCode {
			first = max(first-1, 0)
			if last+1 < n.NumLines() {
				last++
			}
		}
		b.Start, b.End = n.LineStart(first), n.LineEnd(last)
	} else if kind == FencedCode {
		// An empty fence: no content lines; leave the range to the
		// neighbouring blocks.
		return
	} else {
		b.Start, b.End = -1, -1 // located by locateEmpty
	}
	bb.blocks = append(bb.blocks, b)
}

// addAt appends a block whose content lines are spans[first:] (one at
// least) and whose range the caller knows.
func (bb *blockBuilder) addAt(kind BlockKind, level, first int, inList bool, start, end int) {
	lines := bb.spans[first:len(bb.spans):len(bb.spans)] // cut again at the end
	bb.blocks = append(bb.blocks, Block{Kind: kind, Level: level, InList: inList, Start: start, End: end, Lines: lines})
}

// addTree adds the blocks goldmark finds in src[from:], which starts with
// no block open.
func (bb *blockBuilder) addTree(src []byte, from int) {
	bounded, masked := boundNesting(src, from, bb.n.lineStarts)
	doc := markdown.Parse(text.NewReader(bounded))
	// How many list items and block quotes hold the node: counted on the
	// way in and out instead of climbing the parents of every block.
	lists, quotes := 0, 0
	_ = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		step := 1
		if !entering {
			step = -1
		}
		switch node.Kind() {
		case ast.KindListItem:
			lists += step
			return ast.WalkContinue, nil
		case ast.KindBlockquote:
			quotes += step
			return ast.WalkContinue, nil
		}
		if !entering || node.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		var kind BlockKind
		level := 0
		switch nd := node.(type) {
		case *ast.Paragraph, *ast.TextBlock:
			kind = Paragraph
		case *ast.Heading:
			kind, level = Heading, nd.Level
		case *ast.CodeBlock:
			kind = CodeBlock
		case *ast.FencedCodeBlock:
			kind = FencedCode
		case *ast.HTMLBlock:
			kind = HTMLBlock
		case *ast.ThematicBreak:
			kind = Thematic
		default:
			return ast.WalkContinue, nil
		}
		first := len(bb.spans)
		lines := node.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			bb.spans = append(bb.spans, Span{from + seg.Start, from + seg.Stop})
		}
		if masked && kind == Paragraph {
			// A line cut by boundNesting starts its text at the first
			// byte that is not a space, as goldmark trims it.
			for i := first; i < len(bb.spans); i++ {
				sp := &bb.spans[i]
				sp.Start += util.TrimLeftSpaceLength(src[sp.Start:sp.End])
			}
		}
		if hb, ok := node.(*ast.HTMLBlock); ok && hb.HasClosure() {
			seg := hb.ClosureLine
			bb.spans = append(bb.spans, Span{from + seg.Start, from + seg.Stop})
		}
		bb.add(kind, level, first, lists > 0, quotes > 0)
		return ast.WalkSkipChildren, nil
	})
}

// locateEmpty places blocks that goldmark gave no lines (an empty heading
// "##", a thematic break) on the first unclaimed line between their
// neighbours that is not blank.
func locateEmpty(n *Note, blocks []Block) {
	prevEnd := 0
	for i := range blocks {
		if blocks[i].Start >= 0 {
			prevEnd = blocks[i].End
			continue
		}
		nextStart := len(n.Text)
		for j := i + 1; j < len(blocks); j++ {
			if blocks[j].Start >= 0 {
				nextStart = blocks[j].Start
				break
			}
		}
		pos := prevEnd
		for l := n.LineOf(prevEnd); l < n.NumLines(); l++ {
			s, e := n.LineStart(l), n.LineEnd(l)
			if s < prevEnd || (i > 0 && s == prevEnd && prevEnd != 0 && blocks[i-1].Start >= 0) {
				continue
			}
			if s >= nextStart {
				break
			}
			if len(bytes.TrimSpace(n.Text[s:e])) > 0 {
				pos = s
				break
			}
		}
		l := n.LineOf(pos)
		blocks[i].Start, blocks[i].End = n.LineStart(l), n.LineEnd(l)
		prevEnd = blocks[i].End
	}
}

// frontMatterEnd returns the end (just past the newline of the closing ---)
// of YAML front matter at the very top of src, or 0.
func frontMatterEnd(src []byte) int {
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return 0
	}
	rest := src[4:]
	for off := 0; off < len(rest); {
		nl := bytes.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if nl >= 0 {
			line = rest[off : off+nl]
		}
		if t := bytes.TrimRight(line, " \t"); string(t) == "---" || string(t) == "..." {
			if nl < 0 {
				return len(src)
			}
			return 4 + off + nl + 1
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	return 0
}
