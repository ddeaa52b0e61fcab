// Package note owns the document model: a note's text (decoded to UTF-8 with
// LF line ends), its table of line starts, the mapping of positions back to
// the file as it is on disk, and the Markdown structure found by goldmark.
//
// goldmark is the Markdown parser and the reference for the structure, but
// most of a note's blocks are found by our own scanner of plain Markdown
// (fastblocks.go), which hands goldmark whatever it does not know exactly:
// building goldmark's tree and walking it was a tenth of a check run's
// time, for notes that are mostly paragraphs, headings and lists. Tests
// and fuzzing hold the scanner's blocks equal to goldmark's.
//
// Positions are byte offsets into Text everywhere in the pipeline; lines and
// columns are derived only when a position is printed, as go/token does.
package note

import (
	"bytes"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/internal/bytescan"
)

// Format is how a note is written on disk.
type Format int

const (
	Markdown Format = iota // .md, .markdown
	Text                   // .txt: read as Markdown, written out as .md
	WebVTT                 // .vtt transcript, converted to paragraphs
	SubRip                 // .srt transcript, converted to paragraphs
)

func (f Format) String() string {
	switch f {
	case Markdown:
		return "markdown"
	case Text:
		return "text"
	case WebVTT:
		return "webvtt"
	case SubRip:
		return "subrip"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// A Note is one input file, decoded. A note is used by one goroutine at a
// time (the pipeline hands each note to one worker); only Memo is safe for
// concurrent use. Slices it returns are shared and must not be modified.
type Note struct {
	Path   string // the path as the user named it, used in every message
	Rel    string // the path relative to its input root, for the output layout
	Format Format
	Text   []byte // UTF-8, LF line ends, no BOM

	BOM  bool // the file on disk starts with a UTF-8 byte order mark
	CRLF bool // the file on disk uses CRLF line ends

	// DiskLines maps a line of Text (0-based) to its 1-based line on disk
	// when the text was converted (transcripts); nil means identity.
	DiskLines []int

	lineStarts []int
	columns    atomic.Pointer[columnIndex] // see columnOf; built on first need
	colStep    int                         // columnIndex's step; 0 is columnStep (tests set less)
	blocks     []Block
	parsed     bool

	proseFrom []uint32 // block i's prose is proseAll[proseFrom[i]:proseFrom[i+1]]
	proseAll  []Span
	proseDone bool
	structure keyed // StructureMemo's values

	memoMu sync.Mutex
	memo   keyed
}

// Position is a 1-based line and column (in characters) in the file on disk.
type Position struct {
	Line, Col int
}

func (p Position) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// New returns a note for already decoded text.
func New(path string, text []byte) *Note {
	n := &Note{Path: path, Rel: path, Text: text}
	n.index()
	return n
}

// Decode turns the bytes of a file into a note: it strips a BOM, turns CRLF
// into LF and rejects what is not text (NUL bytes, invalid UTF-8) with an
// error naming the file and the position.
//
// The caller hands raw over: when it needs no conversion, the note's Text
// is raw itself (without a BOM), not a copy, so raw must not be changed
// afterwards. Nothing in the pipeline changes a note's text in place.
func Decode(path string, raw []byte) (*Note, error) {
	n := &Note{Path: path, Rel: path}
	if bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
		n.BOM = true
		raw = raw[3:]
	}
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		line := bytes.Count(raw[:i], []byte("\n")) + 1
		return nil, fmt.Errorf("%s:%d: binary file (NUL byte at offset %d), not a text note", path, line, i)
	}
	if !utf8.Valid(raw) {
		off := 0
		for off < len(raw) {
			r, size := utf8.DecodeRune(raw[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		line := bytes.Count(raw[:off], []byte("\n")) + 1
		col := utf8.RuneCount(raw[bytes.LastIndexByte(raw[:off], '\n')+1:off]) + 1
		return nil, fmt.Errorf("%s:%d:%d: not valid UTF-8 (byte 0x%02x); convert the file to UTF-8", path, line, col, raw[off])
	}
	if bytes.Contains(raw, []byte("\r\n")) {
		n.CRLF = true
		raw = bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n"))
	}
	n.Text = raw
	n.index()
	return n, nil
}

// Encode returns text written the way this note was on disk: with its BOM
// and line-end style.
func (n *Note) Encode(text []byte) []byte {
	if n.CRLF {
		text = bytes.ReplaceAll(text, []byte("\n"), []byte("\r\n"))
	}
	if n.BOM {
		text = append([]byte("\xef\xbb\xbf"), text...)
	}
	return text
}

// WithText returns a copy of n carrying new text (after fixes); the disk
// mapping is dropped because the new text no longer matches the file.
func (n *Note) WithText(text []byte) *Note {
	c := &Note{Path: n.Path, Rel: n.Rel, Format: n.Format, Text: text, BOM: n.BOM, CRLF: n.CRLF}
	c.index()
	return c
}

func (n *Note) index() {
	// Count first, so the table is allocated once at its size; find the
	// newlines with IndexByte, which reads many bytes a step.
	lines := bytes.Count(n.Text, []byte("\n")) + 1
	if cap(n.lineStarts) < lines {
		n.lineStarts = make([]int, 0, lines)
	}
	n.lineStarts = append(n.lineStarts[:0], 0)
	for off := 0; ; {
		i := bytes.IndexByte(n.Text[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
		n.lineStarts = append(n.lineStarts, off)
	}
	n.columns.Store(nil)
	n.parsed = false
	n.blocks = nil
	n.proseFrom, n.proseAll, n.proseDone = nil, nil, false
	n.structure = keyed{}
}

// NumLines is the number of lines; a final newline does not start a line.
func (n *Note) NumLines() int {
	k := len(n.lineStarts)
	if k > 1 && n.lineStarts[k-1] == len(n.Text) {
		k--
	}
	return k
}

// LineOf returns the 0-based line holding byte offset off.
func (n *Note) LineOf(off int) int {
	i, _ := slices.BinarySearch(n.lineStarts, off+1) // no closure, unlike sort.SearchInts
	return i - 1
}

// A LineCursor maps offsets to lines for a caller that asks about them
// mostly in increasing order (the blocks of a note, the lines of a
// paragraph): it steps on from the line it found last instead of searching
// the whole table each time. An offset before that line is searched for.
type LineCursor struct {
	starts []int
	line   int
}

// Cursor returns a LineCursor at the first line of n.
func (n *Note) Cursor() LineCursor { return LineCursor{starts: n.lineStarts} }

// LineOf returns the 0-based line holding byte offset off, as
// Note.LineOf does.
func (c *LineCursor) LineOf(off int) int {
	s := c.starts
	if off < s[c.line] {
		i, _ := slices.BinarySearch(s[:c.line], off+1)
		c.line = max(i-1, 0) // off < 0 is line -1, as for Note.LineOf
		return i - 1
	}
	// The next offset is nearly always on the same line or a few lines on;
	// search only when it is further.
	for range 4 {
		if c.line+1 == len(s) || s[c.line+1] > off {
			return c.line
		}
		c.line++
	}
	i, _ := slices.BinarySearch(s[c.line:], off+1)
	c.line += i - 1
	return c.line
}

// LineStart returns the offset of the first byte of line i (0-based).
func (n *Note) LineStart(i int) int {
	if i >= len(n.lineStarts) {
		return len(n.Text)
	}
	return n.lineStarts[i]
}

// LineEnd returns the offset of line i's newline (or the end of text).
func (n *Note) LineEnd(i int) int {
	if i+1 < len(n.lineStarts) {
		return n.lineStarts[i+1] - 1
	}
	return len(n.Text)
}

// Position maps a byte offset of Text to a line and column in the file on
// disk. Columns count characters; CRLF and a BOM do not shift them.
func (n *Note) Position(off int) Position {
	if off > len(n.Text) {
		off = len(n.Text)
	}
	if off < 0 {
		off = 0
	}
	i := n.LineOf(off)
	return n.onDisk(i, n.columnOf(n.lineStarts[i], off))
}

// columnStep is the distance in bytes between the checkpoints of a
// columnIndex: a column costs at most about twice this much counting.
const columnStep = 4096

// A columnIndex holds how many characters Text has before each of its
// checkpoints, one about every columnStep bytes, so that the column of an
// offset far into a long line (a transcript's paragraph, a hostile note's
// one line of megabytes) is counted from a checkpoint rather than from the
// line's start: a position for each of a long line's many findings was
// quadratic in the line's length.
//
// A checkpoint is at the first byte of a character (utf8.RuneStart), where
// counting can start and stop: RuneCount(Text[a:c]) is RuneCount(Text[a:b])
// + RuneCount(Text[b:c]) when Text[b] starts a character, invalid UTF-8
// included (a decoder never takes such a byte into the character before).
type columnIndex struct {
	at    []int // offsets of the checkpoints, increasing; at[0] is 0
	runes []int // runes[k] is RuneCount(Text[:at[k]])
}

// columnOf returns the 1-based column of off on the line starting at ls:
// bytescan.RuneCount(n.Text[ls:off]) + 1, without reading more than about
// two steps of the line when it is long.
func (n *Note) columnOf(ls, off int) int {
	step := n.colStep
	if step == 0 {
		step = columnStep
	}
	if off-ls <= 2*step {
		return bytescan.RuneCount(n.Text[ls:off]) + 1
	}
	ci := n.columns.Load()
	if ci == nil {
		ci = n.indexColumns(step)
		n.columns.Store(ci) // two goroutines may both build it: the same index
	}
	// The first checkpoint at or after ls, and the last at or before off:
	// each is about a step from its end. (Valid UTF-8 has one between, as
	// off-ls is more than two steps; a long run of stray continuation bytes
	// may have none.)
	j, _ := slices.BinarySearch(ci.at, ls)
	k, found := slices.BinarySearch(ci.at, off)
	if !found {
		k--
	}
	if j > k {
		return bytescan.RuneCount(n.Text[ls:off]) + 1
	}
	return bytescan.RuneCount(n.Text[ls:ci.at[j]]) + ci.runes[k] - ci.runes[j] + bytescan.RuneCount(n.Text[ci.at[k]:off]) + 1
}

// indexColumns counts the characters of Text once, setting a checkpoint
// at the first character start at or after every step bytes.
func (n *Note) indexColumns(step int) *columnIndex {
	text := n.Text
	ci := &columnIndex{at: make([]int, 0, len(text)/step+2), runes: make([]int, 0, len(text)/step+2)}
	ci.at, ci.runes = append(ci.at, 0), append(ci.runes, 0)
	prev, count := 0, 0
	for next := step; next < len(text); next += step {
		for next < len(text) && !utf8.RuneStart(text[next]) {
			next++
		}
		if next >= len(text) {
			break
		}
		count += bytescan.RuneCount(text[prev:next])
		ci.at, ci.runes = append(ci.at, next), append(ci.runes, count)
		prev = next
	}
	return ci
}

// onDisk is the position of column col of line i (0-based) as the file on
// disk has it: a transcript's lines map to its cues' lines, and have no
// columns that mean anything there.
func (n *Note) onDisk(i, col int) Position {
	line := i + 1
	if n.DiskLines != nil {
		if i < len(n.DiskLines) {
			line = n.DiskLines[i]
		} else if len(n.DiskLines) > 0 {
			line = n.DiskLines[len(n.DiskLines)-1]
		}
		col = 1
	}
	return Position{Line: line, Col: col}
}

// A PositionCursor computes Positions for offsets asked mostly in
// increasing order (the findings of a note, sorted): on the same line it
// counts characters on from the offset it was asked last, so a long line
// (a transcript's paragraph) is not counted from its start again for every
// finding on it.
type PositionCursor struct {
	n           *Note
	lines       LineCursor
	line, off   int // the offset asked last, on line (0-based)
	col         int // its column
	initialised bool
}

// PositionCursor returns a cursor at the start of n.
func (n *Note) PositionCursor() *PositionCursor {
	return &PositionCursor{n: n, lines: n.Cursor()}
}

// Position is n.Position(off).
func (c *PositionCursor) Position(off int) Position {
	n := c.n
	off = max(0, min(off, len(n.Text)))
	i := c.lines.LineOf(off)
	var col int
	if c.initialised && i == c.line && off >= c.off && (c.off == len(n.Text) || utf8.RuneStart(n.Text[c.off])) {
		col = c.col + bytescan.RuneCount(n.Text[c.off:off])
	} else {
		col = n.columnOf(n.lineStarts[i], off)
	}
	c.line, c.off, c.col, c.initialised = i, off, col, true
	return n.onDisk(i, col)
}

// Memo returns the value cached on the note under key, computing it once
// with compute. Rules that share an expensive analysis of a note (every rule
// of a package asks for the same one) keep it here, so it lives exactly as
// long as the note and needs no global cache.
func (n *Note) Memo(key any, compute func() any) any {
	n.memoMu.Lock()
	if v, ok := n.memo.get(key); ok {
		n.memoMu.Unlock()
		return v
	}
	n.memoMu.Unlock()
	v := compute() // outside the lock: compute may ask for other memos
	n.memoMu.Lock()
	defer n.memoMu.Unlock()
	if old, ok := n.memo.get(key); ok {
		return old
	}
	n.memo.put(key, v)
	return v
}

// StructureMemo returns the value computed from the note's parsed
// structure under key, computing it once with compute. Unlike a Memo it
// goes with the structure: Compact drops it with the blocks, so an
// analysis of the blocks (the formatting rules share one) lives no longer
// than they do.
// A value that is a Releaser is released then. Like Blocks, it is for the
// one goroutine using the note.
func (n *Note) StructureMemo(key any, compute func(*Note) any) any {
	if v, ok := n.structure.get(key); ok {
		return v
	}
	v := compute(n)
	n.structure.put(key, v)
	return v
}

// A Releaser is a derived value that can hand what it holds on (to a pool,
// for the next note) once the note drops its structure: Compact calls
// Release, and the value is not used again. A course is thousands of
// small notes, each with the same few derived lists; reusing them saves
// allocations that were a measurable share of a check run.
type Releaser interface{ Release() }

// keyed holds a note's memos or derivations: values under keys compared
// with ==, as a map compares them. A note has one or two of each (an
// analysis per pack, the cleaner's doc), so the first few are kept in the
// note itself and searched in order: a map, or a list grown from nothing,
// took one or two allocations per note.
type keyed struct {
	few  [2]keyedValue
	nFew int
	more []keyedValue // past len(few), rare
}

type keyedValue struct{ key, value any }

func (k *keyed) get(key any) (any, bool) {
	for i := range k.nFew {
		if k.few[i].key == key {
			return k.few[i].value, true
		}
	}
	for _, e := range k.more {
		if e.key == key {
			return e.value, true
		}
	}
	return nil, false
}

func (k *keyed) put(key, value any) {
	if k.nFew < len(k.few) {
		k.few[k.nFew] = keyedValue{key, value}
		k.nFew++
		return
	}
	k.more = append(k.more, keyedValue{key, value})
}

// release calls Release on each value that is a Releaser.
func (k *keyed) release() {
	for _, e := range k.few[:k.nFew] {
		if r, ok := e.value.(Releaser); ok {
			r.Release()
		}
	}
	for _, e := range k.more {
		if r, ok := e.value.(Releaser); ok {
			r.Release()
		}
	}
}

// Compact drops what can be computed again (the parsed blocks, prose
// ranges and what is derived from them, released), keeping the text, the
// line table and the memos. The pipeline compacts each note once its
// stage is done, so a large course does not keep every note's structure
// in memory; Blocks parses again if asked.
func (n *Note) Compact() {
	n.columns.Store(nil)
	n.parsed = false
	n.blocks = nil
	n.proseFrom, n.proseAll, n.proseDone = nil, nil, false
	n.structure.release()
	n.structure = keyed{}
}
