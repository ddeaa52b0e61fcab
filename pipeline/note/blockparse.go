package note

// This file drives goldmark's block parsers without goldmark's parser.Parse.
// Parse always runs the inline phase after the block phase: it walks every
// paragraph and heading line by line and makes a Text node of each, even
// with no inline parsers configured. Nothing in the pipeline reads inline
// nodes (prose ranges come from our own scan, see Prose), and that phase
// was half of goldmark's time and most of its allocations. So the block
// phase is run here, by a copy of goldmark's own loop (parseBlocks,
// openBlocks, closeBlocks of github.com/yuin/goldmark v1.8.7,
// parser/parser.go, MIT licence, Copyright (c) 2019 Yusuke Inuzuka), over
// goldmark's own block parsers and paragraph transformers. The loop is
// copied without change of logic (the paragraph and heading nodes and the
// parse context are reused from parse to parse, see blockContext; a list's
// Close, which only allocated, is skipped, see listParser), so the blocks
// are goldmark's:
// TestBlockParserMatchesFullParser compares them with a full parse on every
// CommonMark spec example and on the real notes, and FuzzBlockParser on
// random input.
//
// The copied code is under goldmark's licence:
//
//	MIT License
//
//	Copyright (c) 2019 Yusuke Inuzuka
//
//	Permission is hereby granted, free of charge, to any person obtaining a copy
//	of this software and associated documentation files (the "Software"), to deal
//	in the Software without restriction, including without limitation the rights
//	to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
//	copies of the Software, and to permit persons to whom the Software is
//	furnished to do so, subject to the following conditions:
//
//	The above copyright notice and this permission notice shall be included in all
//	copies or substantial portions of the Software.
//
//	THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
//	IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
//	FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
//	AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
//	LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
//	OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
//	SOFTWARE.

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// blockParser runs goldmark's default block parsers and paragraph
// transformers (the latter so that link reference definitions are not taken
// for paragraphs). The parsers keep their state in the parse context, so
// one blockParser serves every goroutine.
type blockParser struct {
	byTrigger    [256][]parser.BlockParser // parsers that may open a block at a line starting with the byte
	free         []parser.BlockParser      // parsers with no trigger byte (paragraphs)
	transformers []parser.ParagraphTransformer
}

func newBlockParser() *blockParser {
	p := &blockParser{}
	bps := util.PrioritizedSlice(parser.DefaultBlockParsers())
	bps.Sort()
	for _, v := range bps {
		bp := v.Value.(parser.BlockParser)
		switch bp {
		case parser.NewParagraphParser():
			bp = paragraphParser{bp}
		case parser.NewListParser():
			bp = listParser{bp}
		}
		if fmt.Sprintf("%T", bp) == "*parser.atxHeadingParser" {
			// The default one, made without options: no attributes.
			bp = headingParser{bp}
		}
		tcs := bp.Trigger()
		if tcs == nil {
			p.free = append(p.free, bp)
			continue
		}
		for _, tc := range tcs {
			p.byTrigger[tc] = append(p.byTrigger[tc], bp)
		}
	}
	for i := range p.byTrigger {
		if p.byTrigger[i] != nil {
			p.byTrigger[i] = append(p.byTrigger[i], p.free...)
		}
	}
	pts := util.PrioritizedSlice(parser.DefaultParagraphTransformers())
	pts.Sort()
	for _, v := range pts {
		pt := v.Value.(parser.ParagraphTransformer)
		if pt == parser.LinkReferenceParagraphTransformer {
			pt = linkRefTransformer{pt}
		}
		p.transformers = append(p.transformers, pt)
	}
	return p
}

// linkRefTransformer skips goldmark's link reference transformer for a
// paragraph without a '[': a definition starts with one, and the
// transformer allocates a reader for every paragraph it looks at (a sixth
// of the bytes the block parse allocated). On a paragraph with no '[' the
// transformer finds no definition and leaves the paragraph as it is.
type linkRefTransformer struct{ parser.ParagraphTransformer }

func (t linkRefTransformer) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	if lines.Len() > 0 {
		src := reader.Source()
		bracket := false
		for i := 0; i < lines.Len() && !bracket; i++ {
			seg := lines.At(i)
			bracket = bytes.IndexByte(src[seg.Start:seg.Stop], '[') >= 0
		}
		if !bracket {
			return
		}
	}
	t.ParagraphTransformer.Transform(node, reader, pc)
}

// Parse returns the block tree of the reader's text: goldmark's, without
// inline nodes. It takes no options.
func (p *blockParser) Parse(reader text.Reader, _ ...parser.ParseOption) ast.Node {
	root := ast.NewDocument()
	p.parseBlocks(root, reader, newBlockContext())
	return root
}

// parse is Parse with a context from the pool: the caller reads the tree,
// then releases the context, and with it the tree's paragraphs.
func (p *blockParser) parse(reader text.Reader) (ast.Node, *blockContext) {
	pc := pooledContexts.Get().(*blockContext)
	root := ast.NewDocument()
	p.parseBlocks(root, reader, pc)
	return root, pc
}

// A blockContext is the parse context of one block parse, standing in for
// goldmark's (parser.NewContext): it can be cleared and used again, with
// the paragraph nodes the parse made, so that a parse allocates neither
// afresh. Paragraphs are most of the nodes of a note, and the nodes most
// of what a parse allocates.
type blockContext struct {
	// goldmark's own context, for the methods only the inline phase
	// calls (delimiters, heading IDs, link labels); the block parsers
	// never change it.
	parser.Context

	store        []any
	refs         map[string]parser.Reference
	blockOffset  int
	blockIndent  int
	openedBlocks []parser.Block
	blankLines   []lineStat

	paragraphs []*ast.Paragraph // made by this parse and earlier ones
	used       int              // how many of paragraphs this parse took
	headings   []*ast.Heading   // the same for ATX headings
	usedHead   int
}

func newBlockContext() *blockContext {
	return &blockContext{
		Context:     parser.NewContext(),
		store:       make([]any, parser.ContextKeyMax+1),
		refs:        map[string]parser.Reference{},
		blockOffset: -1,
		blockIndent: -1,
	}
}

var pooledContexts = sync.Pool{New: func() any { return newBlockContext() }}

// Limits on what a released context keeps for the next parse, so that one
// huge note does not leave a huge context in the pool.
const (
	maxPooledParagraphs = 1024
	maxPooledLines      = 64 // lines of one paragraph
)

// release clears pc and puts it back in the pool. Nothing of the tree
// parsed with it may be used afterwards: its paragraphs will be another
// tree's.
func (pc *blockContext) release() {
	if pc == nil {
		return
	}
	clear(pc.store)
	clear(pc.refs)
	pc.blockOffset, pc.blockIndent = -1, -1
	pc.openedBlocks = nil
	for _, p := range pc.paragraphs[:pc.used] {
		// A paragraph keeps the array of its lines (emptied) and nothing
		// else: no links into the tree it was part of.
		lines := *p.Lines()
		lines.SetSliced(0, 0)
		*p = ast.Paragraph{}
		if cap(lines.Sliced(0, 0)) <= maxPooledLines {
			p.SetLines(&lines)
		}
	}
	if len(pc.paragraphs) > maxPooledParagraphs {
		clear(pc.paragraphs[maxPooledParagraphs:])
		pc.paragraphs = pc.paragraphs[:maxPooledParagraphs]
	}
	pc.used = 0
	for _, h := range pc.headings[:pc.usedHead] {
		// A heading has one line at most: its array is kept.
		lines := *h.Lines()
		lines.SetSliced(0, 0)
		*h = ast.Heading{}
		h.SetLines(&lines)
	}
	if len(pc.headings) > maxPooledParagraphs {
		clear(pc.headings[maxPooledParagraphs:])
		pc.headings = pc.headings[:maxPooledParagraphs]
	}
	pc.usedHead = 0
	pooledContexts.Put(pc)
}

// paragraph returns an empty paragraph node for the parse.
func (pc *blockContext) paragraph() *ast.Paragraph {
	if pc.used == len(pc.paragraphs) {
		pc.paragraphs = append(pc.paragraphs, ast.NewParagraph())
	}
	p := pc.paragraphs[pc.used]
	pc.used++
	return p
}

// heading returns an empty heading node of the given level for the parse.
func (pc *blockContext) heading(level int) *ast.Heading {
	if pc.usedHead == len(pc.headings) {
		pc.headings = append(pc.headings, ast.NewHeading(level))
	}
	h := pc.headings[pc.usedHead]
	pc.usedHead++
	h.Level = level
	return h
}

// The methods of parser.Context the block parsers use, as goldmark's
// context (parser/parser.go) implements them.

func (pc *blockContext) Get(key parser.ContextKey) any { return pc.store[key] }

func (pc *blockContext) ComputeIfAbsent(key parser.ContextKey, f func() any) any {
	v := pc.store[key]
	if v == nil {
		v = f()
		pc.store[key] = v
	}
	return v
}

func (pc *blockContext) Set(key parser.ContextKey, value any) { pc.store[key] = value }

func (pc *blockContext) AddReference(ref parser.Reference) {
	key := util.ToLinkReference(ref.Label())
	if _, ok := pc.refs[key]; !ok {
		pc.refs[key] = ref
	}
}

func (pc *blockContext) Reference(label string) (parser.Reference, bool) {
	v, ok := pc.refs[label]
	return v, ok
}

func (pc *blockContext) References() []parser.Reference {
	ret := make([]parser.Reference, 0, len(pc.refs))
	for _, v := range pc.refs {
		ret = append(ret, v)
	}
	return ret
}

func (pc *blockContext) BlockOffset() int                 { return pc.blockOffset }
func (pc *blockContext) SetBlockOffset(v int)             { pc.blockOffset = v }
func (pc *blockContext) BlockIndent() int                 { return pc.blockIndent }
func (pc *blockContext) SetBlockIndent(v int)             { pc.blockIndent = v }
func (pc *blockContext) OpenedBlocks() []parser.Block     { return pc.openedBlocks }
func (pc *blockContext) SetOpenedBlocks(v []parser.Block) { pc.openedBlocks = v }
func (pc *blockContext) LastOpenedBlock() parser.Block {
	if l := len(pc.openedBlocks); l != 0 {
		return pc.openedBlocks[l-1]
	}
	return parser.Block{}
}

// paragraphParser is goldmark's paragraph parser with its Open copied
// (parser/paragraph.go) to take the node from the parse's blockContext.
type paragraphParser struct{ parser.BlockParser }

func (paragraphParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	if util.IsBlank(line) {
		return nil, parser.NoChildren
	}
	var node *ast.Paragraph
	if bc, ok := pc.(*blockContext); ok {
		node = bc.paragraph()
	} else {
		node = ast.NewParagraph()
	}
	node.Lines().Append(segment)
	reader.AdvanceToEOL()
	return node, parser.NoChildren
}

// listParser is goldmark's list parser without its Close, which decides
// whether the list is tight and, if it is, replaces each paragraph of its
// items with a new TextBlock node holding the same lines (parser/list.go).
// Blocks reads a TextBlock as the paragraph it was, and nothing reads a
// list's tightness, so the replacement only allocated: a node for every
// item of every tight list, a sixth of what a parse allocated.
type listParser struct{ parser.BlockParser }

func (listParser) Close(ast.Node, text.Reader, parser.Context) {}

// headingParser is goldmark's ATX heading parser with its Open copied
// (parser/atx_heading.go) to take the node from the parse's blockContext:
// headings are a tenth of a note's blocks and, with their lines, a sixth
// of what a parse allocated. It replaces only the default parser, made
// without options, so the copy leaves out the attribute syntax that is
// off there.
type headingParser struct{ parser.BlockParser }

func newHeading(pc parser.Context, level int) *ast.Heading {
	if bc, ok := pc.(*blockContext); ok {
		return bc.heading(level)
	}
	return ast.NewHeading(level)
}

func (headingParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	i := pos
	for ; i < len(line) && line[i] == '#'; i++ {
	}
	level := i - pos
	if i == pos || level > 6 {
		return nil, parser.NoChildren
	}
	if i == len(line) { // alone '#' (without a new line character)
		return newHeading(pc, level), parser.NoChildren
	}
	l := util.TrimLeftSpaceLength(line[i:])
	if l == 0 {
		return nil, parser.NoChildren
	}

	start := min(i+l, len(line)-1)
	node := newHeading(pc, level)
	hl := text.NewSegment(
		segment.Start+start-segment.Padding,
		segment.Start+len(line)-segment.Padding)
	hl = hl.TrimRightSpace(reader.Source())
	if hl.Len() == 0 {
		reader.AdvanceToEOL()
		return node, parser.NoChildren
	}

	// handle closing sequence of '#' characters
	line = hl.Value(reader.Source())
	stop := len(line)
	if stop == 0 { // empty headings like '##[space]'
		stop = 0
	} else {
		i = stop - 1
		for ; line[i] == '#' && i > 0; i-- {
		}
		if i == 0 && line[0] == '#' { // empty headings like '### ###'
			reader.AdvanceToEOL()
			return node, parser.NoChildren
		}
		if i != stop-1 && util.IsSpace(line[i]) {
			stop = i
			stop -= util.TrimRightSpaceLength(line[0:stop])
		}
	}
	hl.Stop = hl.Start + stop
	node.Lines().Append(hl)
	reader.AdvanceToEOL()

	return node, parser.NoChildren
}

func (p *blockParser) transformParagraph(node *ast.Paragraph, reader text.Reader, pc parser.Context) bool {
	for _, pt := range p.transformers {
		pt.Transform(node, reader, pc)
		if node.Parent() == nil {
			return true
		}
	}
	return false
}

func (p *blockParser) closeBlocks(from, to int, reader text.Reader, pc parser.Context) {
	blocks := pc.OpenedBlocks()
	for i := from; i >= to; i-- {
		node := blocks[i].Node
		paragraph, ok := node.(*ast.Paragraph)
		if ok && node.Parent() != nil {
			p.transformParagraph(paragraph, reader, pc)
		}
		if node.Parent() != nil { // closes only if node has not been transformed
			blocks[i].Parser.Close(blocks[i].Node, reader, pc)
		}
	}
	if from == len(blocks)-1 {
		blocks = blocks[0:to]
	} else {
		blocks = append(blocks[0:to], blocks[from+1:]...)
	}
	pc.SetOpenedBlocks(blocks)
}

type blockOpenResult int

const (
	paragraphContinuation blockOpenResult = iota + 1
	newBlocksOpened
	noBlocksOpened
)

func (p *blockParser) openBlocks(parent ast.Node, blankLine bool, reader text.Reader, pc parser.Context) blockOpenResult {
	result := blockOpenResult(noBlocksOpened)
	continuable := false
	lastBlock := pc.LastOpenedBlock()
	if lastBlock.Node != nil {
		continuable = ast.IsParagraph(lastBlock.Node)
	}
retry:
	var bps []parser.BlockParser
	line, _ := reader.PeekLine()
	w, pos := util.IndentWidth(line, reader.LineOffset())
	if w >= len(line) {
		pc.SetBlockOffset(-1)
		pc.SetBlockIndent(-1)
	} else {
		pc.SetBlockOffset(pos)
		pc.SetBlockIndent(w)
	}
	if line == nil || line[0] == '\n' {
		goto continuable
	}
	bps = p.free
	if pos < len(line) {
		bps = p.byTrigger[line[pos]]
		if bps == nil {
			bps = p.free
		}
	}
	if bps == nil {
		goto continuable
	}

	for _, bp := range bps {
		if continuable && result == noBlocksOpened && !bp.CanInterruptParagraph() {
			continue
		}

		if w > 3 && !bp.CanAcceptIndentedLine() {
			continue
		}
		lastBlock = pc.LastOpenedBlock()
		last := lastBlock.Node
		_, blockPos := reader.Position()
		node, state := bp.Open(parent, reader, pc)
		if node != nil {
			node.SetPos(blockPos.Start + max(pc.BlockOffset(), 0))

			// A setext heading underline needs the paragraph before it,
			// which a paragraph transformer may turn into something else.
			if state&parser.RequireParagraph != 0 {
				if last == parent.LastChild() {
					lastBlock.Parser.Close(last, reader, pc)
					blocks := pc.OpenedBlocks()
					pc.SetOpenedBlocks(blocks[0 : len(blocks)-1])
					if p.transformParagraph(last.(*ast.Paragraph), reader, pc) {
						// The paragraph has been transformed, so this
						// parser is considered as failing.
						continuable = false
						goto retry
					}
				}
			}
			node.SetBlankPreviousLines(blankLine)
			if last != nil && last.Parent() == nil {
				lastPos := len(pc.OpenedBlocks()) - 1
				p.closeBlocks(lastPos, lastPos, reader, pc)
			}
			parent.AppendChild(parent, node)
			result = newBlocksOpened
			be := parser.Block{Node: node, Parser: bp}
			pc.SetOpenedBlocks(append(pc.OpenedBlocks(), be))
			if state&parser.HasChildren != 0 {
				parent = node
				goto retry // try child block
			}
			break // no children, can not open more blocks on this line
		}
	}

continuable:
	if result == noBlocksOpened && continuable {
		state := lastBlock.Parser.Continue(lastBlock.Node, reader, pc)
		if state&parser.Continue != 0 {
			result = paragraphContinuation
		}
	}
	return result
}

type lineStat struct {
	lineNum int
	level   int
	isBlank bool
}

func isBlankLine(lineNum, level int, stats []lineStat) bool {
	l := len(stats)
	if l == 0 {
		return true
	}
	for i := l - 1 - level; i >= 0; i-- {
		s := stats[i]
		if s.lineNum == lineNum && s.level <= level {
			return s.isBlank
		} else if s.lineNum < lineNum {
			break
		}
	}
	return false
}

func (p *blockParser) parseBlocks(parent ast.Node, reader text.Reader, pc parser.Context) {
	pc.SetOpenedBlocks(nil)
	var blankLines []lineStat
	if bc, ok := pc.(*blockContext); ok {
		// Kept for the next parse (a change from goldmark's loop, which
		// makes the slice every time; it is used only here).
		defer func() { bc.blankLines = blankLines[:0] }()
		blankLines = bc.blankLines[:0]
	}
	if blankLines == nil {
		blankLines = make([]lineStat, 0, 128)
	}
	for { // process blocks separated by blank lines
		_, _, ok := reader.SkipBlankLines()
		if !ok {
			return
		}
		// first, we try to open blocks
		if p.openBlocks(parent, true, reader, pc) != newBlocksOpened {
			return
		}
		reader.AdvanceLine()
		blankLines = blankLines[0:0]
		for { // process opened blocks line by line
			openedBlocks := pc.OpenedBlocks()
			l := len(openedBlocks)
			if l == 0 {
				break
			}
			lastIndex := l - 1
			for i := range l {
				be := openedBlocks[i]
				line, _ := reader.PeekLine()
				if line == nil {
					p.closeBlocks(lastIndex, 0, reader, pc)
					reader.AdvanceLine()
					return
				}
				lineNum, _ := reader.Position()
				blankLines = append(blankLines, lineStat{lineNum, i, util.IsBlank(line)})
				// If node is a paragraph, p.openBlocks determines whether it is continuable.
				// So we do not process paragraphs here.
				if !ast.IsParagraph(be.Node) {
					state := be.Parser.Continue(be.Node, reader, pc)
					if state&parser.Continue != 0 {
						// When current node is a container block and has no children,
						// we try to open new child nodes
						if state&parser.HasChildren != 0 && i == lastIndex {
							isBlank := isBlankLine(lineNum-1, i+1, blankLines)
							p.openBlocks(be.Node, isBlank, reader, pc)
							break
						}
						continue
					}
				}
				// current node may be closed or lazy continuation
				isBlank := isBlankLine(lineNum-1, i, blankLines)
				thisParent := parent
				if i != 0 {
					thisParent = openedBlocks[i-1].Node
				}
				lastNode := openedBlocks[lastIndex].Node
				result := p.openBlocks(thisParent, isBlank, reader, pc)
				if result != paragraphContinuation {
					// lastNode is a paragraph and was transformed by the paragraph
					// transformers.
					if openedBlocks[lastIndex].Node != lastNode {
						lastIndex--
					}
					p.closeBlocks(lastIndex, i, reader, pc)
				}
				break
			}

			reader.AdvanceLine()
		}
	}
}
