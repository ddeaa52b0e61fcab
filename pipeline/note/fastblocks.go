package note

// This file holds scanBlocks, a scanner of the block structure of the
// plain Markdown that notes are made of: paragraphs, ATX headings,
// indented and fenced code, and simple lists whose items hold paragraphs. goldmark
// stays the Markdown parser of the project and the reference: the
// scanner reads a line only when it knows exactly what goldmark's block
// parsers make of it, and hands the rest of the note to goldmark at the
// first line it does not (see bail). It exists because building goldmark's
// tree for a note and walking it into Blocks was a tenth of the time of a
// check run, with the most allocations and indirect-call mispredicts of
// any step, for notes that are mostly paragraphs and headings.
//
// Every rule below follows a goldmark parser (github.com/yuin/goldmark
// v1.8.7, parser/*.go, whose helpers it calls where it can, so spaces and
// blank lines are goldmark's); TestBlockParserMatchesFullParser and
// FuzzFastBlocks compare the blocks with goldmark's alone on the CommonMark
// spec examples, the real notes and random input.

import (
	"bytes"

	"github.com/yuin/goldmark/util"
)

// What a line is, as the scanner understands it.
type lineKind int

const (
	lineBail    lineKind = iota // something the scanner leaves to goldmark
	lineBlank                   // spaces only
	linePlain                   // opens or continues a paragraph
	lineCode                    // indented code (no paragraph open)
	lineHeading                 // an ATX heading
	lineList                    // a list item with content
	lineFence                   // the opening fence of fenced code
)

// A fastScan is the state of scanBlocks: at most a list with one item
// open, and in it, or at the top, a paragraph or an indented code block.
type fastScan struct {
	bb  *blockBuilder
	src []byte

	para    bool // a paragraph is open; its lines are spans[first:]
	code    bool // an indented code block is open, at the top
	fence   bool // fenced code is open, at the top, opened by flen fchars
	fchar   byte
	flen    int
	findent int // the opening fence's indentation
	first   int
	// The start of the open paragraph's or code block's first line: the
	// scanner knows where its blocks' lines are, so it places them itself
	// (blockBuilder.addAt) without searching the line table.
	firstLine int
	list      bool // a list is open, with an item holding a paragraph at least
	marker    byte // the list's marker ('-', '*', '+', '.' or ')')
	ordered   bool
	offset    int // the column of the open item's content
	inItem    bool
}

// scanBlocks adds the blocks of src to bb from its start, and returns
// where it stopped: len(src), or the start of a line from which goldmark
// must parse the rest (no block is open there, in goldmark's parse and in
// ours, so the rest parses alone as it would in the whole text).
func scanBlocks(bb *blockBuilder, src []byte) int {
	s := fastScan{bb: bb, src: src}
	safe, safeBlocks, safeSpans := 0, len(bb.blocks), len(bb.spans)
	// The note's line table has the lines (src is the note's text, or a
	// copy of it as long).
	starts := bb.n.lineStarts
	for k, ls := range starts {
		if ls == len(src) {
			break // a final newline starts no line
		}
		next := len(src)
		if k+1 < len(starts) {
			next = starts[k+1]
		}
		if !s.para && !s.code && !s.list && !s.fence {
			safe, safeBlocks, safeSpans = ls, len(bb.blocks), len(bb.spans)
		}
		if !s.line(ls, next) {
			// Forget what was found since the last line with nothing
			// open: goldmark parses from there.
			clear(bb.blocks[safeBlocks:])
			bb.blocks = bb.blocks[:safeBlocks]
			bb.spans = bb.spans[:safeSpans]
			return safe
		}
	}
	s.closePara()
	s.closeCode()
	s.closeFence()
	return len(src)
}

// line reads the line src[ls:next] (next is past its newline) and reports
// whether it could.
func (s *fastScan) line(ls, next int) bool {
	src := s.src
	line := src[ls:next]
	if s.list {
		return s.listLine(ls, next)
	}
	if s.fence {
		return s.fenceLine(ls, next)
	}
	kind, ind := s.classify(line, s.para)
	if s.code {
		// goldmark's codeBlockParser.Continue.
		pos, _ := util.IndentPositionPadding(line, 0, 0, 4)
		switch {
		case kind == lineBail && pos < 0:
			return false
		case util.IsBlank(line) && pos < 0:
			s.bb.spans = append(s.bb.spans, Span{next - 1, next})
			return true
		case pos >= 0:
			s.bb.spans = append(s.bb.spans, Span{ls + pos, next})
			return true
		}
		s.closeCode()
	}
	switch kind {
	case lineBlank:
		s.closePara()
	case linePlain:
		if !s.para {
			s.para, s.first, s.firstLine = true, len(s.bb.spans), ls
		}
		s.bb.spans = append(s.bb.spans, Span{ls, next})
	case lineCode:
		s.code, s.first, s.firstLine = true, len(s.bb.spans), ls
		s.bb.spans = append(s.bb.spans, Span{ls + 4, next})
	case lineHeading:
		s.closePara()
		s.heading(line, ls, ind)
	case lineList:
		s.closePara()
		return s.openItem(line, ls, next, true)
	case lineFence:
		s.closePara()
		s.fchar, s.flen, _ = fenceOpen(line, ind)
		s.fence, s.findent, s.first = true, ind, len(s.bb.spans)
	default:
		return false
	}
	return true
}

// listLine reads a line while a list is open: goldmark's listParser and
// listItemParser Continue, then the paragraph's.
func (s *fastScan) listLine(ls, next int) bool {
	line := s.src[ls:next]
	ind := countSpaces(line)
	if ind < len(line) && line[ind] == '\t' {
		return false
	}
	if util.IsBlank(line) {
		s.closePara()
		return true
	}
	if ind >= s.offset {
		// The item goes on: what follows its indentation is a line of
		// its own inside it.
		rest := line[s.offset:]
		kind, _ := s.classify(rest, s.para)
		switch {
		case kind == linePlain && s.para:
			s.bb.spans = append(s.bb.spans, Span{ls + s.offset, next})
			return true
		case kind == linePlain && !s.para:
			if b := rest[countSpaces(rest)]; b == '[' {
				return false
			}
			s.para, s.first, s.firstLine = true, len(s.bb.spans), ls
			s.bb.spans = append(s.bb.spans, Span{ls + s.offset, next})
			return true
		}
		return false
	}
	// Less indented than the item's content: a sibling item, the end of
	// the list, or a lazy continuation of the item's paragraph.
	if ind < 4 && isListItem(line) {
		if isThematicBreak(line) {
			return false
		}
		match, typ := parseListItem(line)
		s.closePara()
		if line[match[3]-1] != s.marker || (typ == orderedList) != s.ordered {
			// An item of another kind of list ends this one and starts
			// its own, at the top: no paragraph there to interrupt.
			s.list, s.inItem = false, false
			return s.openItem(line, ls, next, true)
		}
		return s.openItem(line, ls, next, false)
	}
	if s.para {
		if kind, _ := s.classify(line, true); kind != linePlain {
			return false
		}
		s.bb.spans = append(s.bb.spans, Span{ls, next}) // lazy continuation
		return true
	}
	// The list ends; the line starts a block at the top.
	s.list, s.inItem = false, false
	return s.line(ls, next)
}

// openItem opens a list item at line (a new list when newList), with a
// paragraph of its content, as goldmark's listParser and listItemParser
// Open do; it reports false for an item it leaves to goldmark.
func (s *fastScan) openItem(line []byte, ls, next int, newList bool) bool {
	match, typ := parseListItem(line)
	if typ == notList || match[4] < 0 || util.IsBlank(line[match[4]:match[5]]) {
		return false // an empty item
	}
	// calcListOffset, for spaces: a tab after the marker, or code in the
	// item (content indented five or more), is goldmark's to parse.
	w := countSpaces(line[match[4]:])
	if w > 4 || match[4]+w < len(line) && line[match[4]+w] == '\t' {
		return false
	}
	offset := match[3] + w
	rest := line[offset:]
	kind, _ := s.classify(rest, false)
	if kind != linePlain || rest[0] == '[' {
		return false // the item starts with something else than a paragraph
	}
	if newList {
		s.list, s.marker, s.ordered = true, line[match[3]-1], typ == orderedList
	}
	s.offset, s.inItem = offset, true
	s.para, s.first, s.firstLine = true, len(s.bb.spans), ls
	s.bb.spans = append(s.bb.spans, Span{ls + offset, next})
	return true
}

// classify says what line (from the reader's position, with its newline)
// is when a paragraph is open (para) or not, following the parsers
// goldmark tries for its first byte; ind is its indentation.
func (s *fastScan) classify(line []byte, para bool) (lineKind, int) {
	ind := countSpaces(line)
	if ind < len(line) && line[ind] == '\t' {
		return lineBail, ind // tabs stop at columns: goldmark's to count
	}
	if util.IsBlank(line) {
		return lineBlank, ind
	}
	if ind >= 4 {
		if para {
			return linePlain, ind // indented code cannot interrupt a paragraph
		}
		return lineCode, ind
	}
	switch c := line[ind]; c {
	case '#':
		if _, _, ok := atxHeading(line, ind); ok {
			return lineHeading, ind
		}
	case '-', '*', '+', '_', '=', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if para && (c == '-' || c == '=') {
			if _, ok := matchesSetextHeadingBar(line); ok {
				return lineBail, ind
			}
		}
		if (c == '-' || c == '*' || c == '_') && isThematicBreak(line) {
			return lineBail, ind
		}
		if c == '_' || c == '=' {
			break
		}
		match, typ := parseListItem(line)
		if typ == notList {
			break
		}
		if para {
			// listParser.Open: only a list starting with 1 and an item
			// with content interrupt a paragraph.
			if typ == orderedList && atoi(line[match[2]:match[3]-1]) != 1 {
				break
			}
			if match[4] < 0 || util.IsBlank(line[match[4]:match[5]]) {
				break
			}
		}
		return lineList, ind
	case '>', '<':
		return lineBail, ind // block quotes, HTML
	case '`', '~':
		if _, _, ok := fenceOpen(line, ind); ok {
			return lineFence, ind
		}
	case '[':
		if !para {
			return lineBail, ind // a link reference definition, maybe
		}
	}
	return linePlain, ind
}

// fenceOpen is the test of goldmark's fencedCodeBlockParser.Open: whether
// line opens fenced code at pos, and with which character and how many.
func fenceOpen(line []byte, pos int) (byte, int, bool) {
	c := line[pos]
	i := pos
	for ; i < len(line) && line[i] == c; i++ {
	}
	if i-pos < 3 {
		return 0, 0, false
	}
	if c == '`' && i < len(line)-1 {
		// A backtick fence's info string has no backtick.
		rest := line[i:]
		left, right := util.TrimLeftSpaceLength(rest), util.TrimRightSpaceLength(rest)
		if left < len(rest)-right && bytes.IndexByte(rest[left:len(rest)-right], '`') >= 0 {
			return 0, 0, false
		}
	}
	return c, i - pos, true
}

// fenceLine reads a line of open fenced code: goldmark's
// fencedCodeBlockParser.Continue.
func (s *fastScan) fenceLine(ls, next int) bool {
	line := s.src[ls:next]
	if w, pos := util.IndentWidth(line, 0); w < 4 {
		i := pos
		for ; i < len(line) && line[i] == s.fchar; i++ {
		}
		if i-pos >= s.flen && util.IsBlank(line[i:]) {
			s.closeFence()
			return true
		}
	}
	pos, padding := util.IndentPositionPadding(line, 0, 0, s.findent)
	if pos < 0 {
		pos, padding = max(0, util.FirstNonSpacePosition(line)), 0
	}
	if padding != 0 {
		return false // a tab cut by the fence's indentation
	}
	s.bb.spans = append(s.bb.spans, Span{ls + pos, next})
	return true
}

func (s *fastScan) closeFence() {
	if !s.fence {
		return
	}
	s.fence = false
	s.bb.add(FencedCode, 0, s.first, false, false)
}

// isListItem reports whether line is a list item, empty or not.
func isListItem(line []byte) bool {
	_, typ := parseListItem(line)
	return typ != notList
}

// closePara closes the open paragraph as goldmark's paragraphParser.Close
// does: each line trimmed of its leading spaces, the last of its trailing
// ones.
func (s *fastScan) closePara() {
	if !s.para {
		return
	}
	s.para = false
	lines := s.bb.spans[s.first:]
	end := s.lineEnd(lines[len(lines)-1].End)
	for i := range lines {
		lines[i].Start += util.TrimLeftSpaceLength(s.src[lines[i].Start:lines[i].End])
	}
	last := &lines[len(lines)-1]
	last.End -= util.TrimRightSpaceLength(s.src[last.Start:last.End])
	s.bb.addAt(Paragraph, 0, s.first, s.inItem, s.firstLine, end)
}

// closeCode closes the open code block as goldmark's codeBlockParser.Close
// does: without its trailing blank lines.
func (s *fastScan) closeCode() {
	if !s.code {
		return
	}
	s.code = false
	k := len(s.bb.spans)
	for k > s.first && util.IsBlank(s.src[s.bb.spans[k-1].Start:s.bb.spans[k-1].End]) {
		k--
	}
	s.bb.spans = s.bb.spans[:k]
	s.bb.addAt(CodeBlock, 0, s.first, false, s.firstLine, s.lineEnd(s.bb.spans[k-1].End))
}

// lineEnd returns the end of the line that next follows, as LineEnd:
// the offset of its newline, or the end of the text.
func (s *fastScan) lineEnd(next int) int {
	if next > 0 && s.src[next-1] == '\n' {
		return next - 1
	}
	return next
}

// heading adds the ATX heading of line (at offset ls).
func (s *fastScan) heading(line []byte, ls, ind int) {
	level, seg, _ := atxHeading(line, ind)
	first := len(s.bb.spans)
	if seg.Start < seg.End {
		s.bb.spans = append(s.bb.spans, Span{ls + seg.Start, ls + seg.End})
		s.bb.addAt(Heading, level, first, false, ls, s.lineEnd(ls+len(line)))
		return
	}
	s.bb.add(Heading, level, first, false, false) // placed by locateEmpty
}

// atxHeading is goldmark's atxHeadingParser.Open on a
// line at the top, its first non-space byte at pos: the level and the
// content (relative to the line; empty for none), and whether line is a
// heading.
func atxHeading(line []byte, pos int) (int, Span, bool) {
	i := pos
	for ; i < len(line) && line[i] == '#'; i++ {
	}
	level := i - pos
	if i == pos || level > 6 {
		return 0, Span{}, false
	}
	if i == len(line) { // alone '#' (without a new line character)
		return level, Span{}, true
	}
	l := util.TrimLeftSpaceLength(line[i:])
	if l == 0 {
		return 0, Span{}, false
	}
	start := min(i+l, len(line)-1)
	stop := len(line)
	stop -= util.TrimRightSpaceLength(line[start:stop])
	if stop <= start {
		return level, Span{}, true
	}
	// handle closing sequence of '#' characters
	text := line[start:stop]
	end := len(text)
	j := end - 1
	for ; text[j] == '#' && j > 0; j-- {
	}
	if j == 0 && text[0] == '#' { // empty headings like '### ###'
		return level, Span{}, true
	}
	if j != end-1 && util.IsSpace(text[j]) {
		end = j
		end -= util.TrimRightSpaceLength(text[0:end])
	}
	return level, Span{start, start + end}, true
}

func countSpaces(b []byte) int {
	i := 0
	for i < len(b) && b[i] == ' ' {
		i++
	}
	return i
}

func atoi(digits []byte) int {
	v := 0
	for _, d := range digits {
		v = v*10 + int(d-'0')
	}
	return v
}

// The helpers below are goldmark's (parser/list.go, thematic_break.go,
// setext_headings.go), which it does not export.

type listItemType int

const (
	notList listItemType = iota
	bulletList
	orderedList
)

// parseListItem is goldmark's: the same as
// `^(([ ]*)([\-\*\+]))(\s+.*)?\n?$`.FindSubmatchIndex or
// `^(([ ]*)(\d{1,9}[\.\)]))(\s+.*)?\n?$`.FindSubmatchIndex.
func parseListItem(line []byte) ([6]int, listItemType) {
	i := 0
	l := len(line)
	ret := [6]int{}
	for ; i < l && line[i] == ' '; i++ {
	}
	if i > 3 {
		return ret, notList
	}
	ret[0] = 0
	ret[1] = i
	ret[2] = i
	var typ listItemType
	if i < l && (line[i] == '-' || line[i] == '*' || line[i] == '+') {
		i++
		ret[3] = i
		typ = bulletList
	} else if i < l {
		for ; i < l && util.IsNumeric(line[i]); i++ {
		}
		ret[3] = i
		if ret[3] == ret[2] || ret[3]-ret[2] > 9 {
			return ret, notList
		}
		if i < l && (line[i] == '.' || line[i] == ')') {
			i++
			ret[3] = i
		} else {
			return ret, notList
		}
		typ = orderedList
	} else {
		return ret, notList
	}
	if i < l && line[i] != '\n' {
		w, _ := util.IndentWidth(line[i:], 0)
		if w == 0 {
			return ret, notList
		}
	}
	if i >= l {
		ret[4] = -1
		ret[5] = -1
		return ret, typ
	}
	ret[4] = i
	ret[5] = len(line)
	if line[ret[5]-1] == '\n' && line[i] != '\n' {
		ret[5]--
	}
	return ret, typ
}

func isThematicBreak(line []byte) bool {
	w, pos := util.IndentWidth(line, 0)
	if w > 3 {
		return false
	}
	mark := byte(0)
	count := 0
	for i := pos; i < len(line); i++ {
		c := line[i]
		if util.IsSpace(c) {
			continue
		}
		if mark == 0 {
			mark = c
			count = 1
			if mark == '*' || mark == '-' || mark == '_' {
				continue
			}
			return false
		}
		if c != mark {
			return false
		}
		count++
	}
	return count > 2
}

func matchesSetextHeadingBar(line []byte) (byte, bool) {
	start := 0
	end := len(line)
	space := util.TrimLeftLength(line, []byte{' '})
	if space > 3 {
		return 0, false
	}
	start += space
	level1 := util.TrimLeftLength(line[start:end], []byte{'='})
	c := byte('=')
	var level2 int
	if level1 == 0 {
		level2 = util.TrimLeftLength(line[start:end], []byte{'-'})
		c = '-'
	}
	if util.IsSpace(line[end-1]) {
		end -= util.TrimRightSpaceLength(line[start:end])
	}
	if !((level1 > 0 && start+level1 == end) || (level2 > 0 && start+level2 == end)) {
		return 0, false
	}
	return c, true
}
