package emit

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

// The run report spills each file's record to a temporary file as it is
// done and reads the records back to write the reports (RunReport). The
// records are written in a small binary form of their own: encoding/gob
// reflects over every field of every record, twice, a large share of a
// run's time on a course with many findings. A record is its length, then
// its fields in order: integers as varints, strings as their length and
// bytes, slices as their length and items, a fix as a flag and its fields.
// What comes back is what gob gave back (TestSpillMatchesGob): an empty
// slice comes back nil.

// appendRecord appends r, length first, to b.
func appendRecord(b []byte, r *reportRecord) []byte {
	at := len(b)
	b = append(b, make([]byte, binary.MaxVarintLen64)...)
	body := len(b)
	b = appendString(b, r.Path)
	b = appendString(b, r.Out)
	b = appendString(b, r.Err)
	b = appendBool(b, r.Unreadable)
	b = binary.AppendUvarint(b, uint64(len(r.Found)))
	for i := range r.Found {
		b = appendLocated(b, &r.Found[i])
	}
	b = binary.AppendUvarint(b, uint64(len(r.Changes)))
	for i := range r.Changes {
		b = appendChange(b, &r.Changes[i])
	}
	// The length goes in front, in as many bytes as it needs: the body
	// moves up over the room left for it.
	var size [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(size[:], uint64(len(b)-body))
	copy(b[at:], size[:n])
	copy(b[at+n:], b[body:])
	return b[:len(b)-(body-at-n)]
}

func appendLocated(b []byte, l *located) []byte {
	// The raw fix (Finding.Fix) is never spilled: the reports show the
	// resolved one (slim drops it).
	b = appendString(b, l.Rule)
	b = binary.AppendVarint(b, int64(l.Severity))
	b = appendString(b, l.Message)
	b = binary.AppendVarint(b, int64(l.Finding.Start))
	b = binary.AppendVarint(b, int64(l.Finding.End))
	b = appendString(b, l.Path)
	b = appendPosition(b, l.Start)
	b = appendPosition(b, l.End)
	fix := l.Fix
	b = appendBool(b, fix != nil)
	if fix == nil {
		return b
	}
	b = binary.AppendVarint(b, int64(fix.Kind))
	b = appendString(b, fix.Message)
	b = appendPosition(b, fix.Start)
	b = appendPosition(b, fix.End)
	b = appendString(b, fix.Replacement)
	b = binary.AppendUvarint(b, uint64(len(fix.Edits)))
	for _, e := range fix.Edits {
		b = appendPosition(b, e.Start)
		b = appendPosition(b, e.End)
		b = appendString(b, e.New)
	}
	return b
}

func appendChange(b []byte, c *rule.Change) []byte {
	// Edits are never spilled: the reports show before and after.
	b = appendString(b, c.Rule)
	b = binary.AppendVarint(b, int64(c.Kind))
	b = appendString(b, c.Message)
	b = appendPosition(b, c.Pos)
	b = binary.AppendVarint(b, int64(c.Line))
	b = appendString(b, c.Before)
	return appendString(b, c.After)
}

func appendPosition(b []byte, p note.Position) []byte {
	b = binary.AppendVarint(b, int64(p.Line))
	return binary.AppendVarint(b, int64(p.Col))
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

// errSpill is a spilled record that does not read back: the temporary
// file changed under the run.
var errSpill = errors.New("the spilled records do not read back")

// A spillReader reads back the records appendRecord wrote.
type spillReader struct {
	r   *bufio.Reader
	buf []byte
}

// next reads the next record into r.
func (s *spillReader) next(r *reportRecord) error {
	size, err := binary.ReadUvarint(s.r)
	if err != nil {
		return err
	}
	if size > 1<<40 {
		return errSpill
	}
	if uint64(cap(s.buf)) < size {
		s.buf = make([]byte, size)
	}
	s.buf = s.buf[:size]
	if _, err := io.ReadFull(s.r, s.buf); err != nil {
		return err
	}
	d := decoder{b: s.buf}
	*r = reportRecord{Path: d.string(), Out: d.string(), Err: d.string(), Unreadable: d.bool()}
	if n := d.count(); n > 0 {
		r.Found = make([]located, n)
		for i := range r.Found {
			d.located(&r.Found[i])
		}
	}
	if n := d.count(); n > 0 {
		r.Changes = make([]rule.Change, n)
		for i := range r.Changes {
			d.change(&r.Changes[i])
		}
	}
	if d.bad || len(d.b) != 0 {
		return errSpill
	}
	return nil
}

// A decoder reads the fields of one record; bad is set, and zero values
// given, once the bytes run out or make no sense.
type decoder struct {
	b   []byte
	bad bool
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) int() int {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

// count is a slice's length, no more than the bytes left could hold.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.bad, d.b = true, nil
		return 0
	}
	return int(n)
}

func (d *decoder) string() string {
	n := d.count()
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) bool() bool {
	if len(d.b) == 0 {
		d.bad = true
		return false
	}
	v := d.b[0] != 0
	d.b = d.b[1:]
	return v
}

func (d *decoder) position() note.Position {
	return note.Position{Line: d.int(), Col: d.int()}
}

func (d *decoder) located(l *located) {
	l.Rule = d.string()
	l.Severity = rule.Severity(d.int())
	l.Message = d.string()
	l.Finding.Start = d.int()
	l.Finding.End = d.int()
	l.Path = d.string()
	l.Start = d.position()
	l.End = d.position()
	if !d.bool() {
		return
	}
	fix := &resolvedFix{Kind: rule.FixKind(d.int()), Message: d.string(), Start: d.position(), End: d.position(), Replacement: d.string()}
	if n := d.count(); n > 0 {
		fix.Edits = make([]locatedEdit, n)
		for i := range fix.Edits {
			fix.Edits[i] = locatedEdit{Start: d.position(), End: d.position(), New: d.string()}
		}
	}
	l.Fix = fix
}

func (d *decoder) change(c *rule.Change) {
	c.Rule = d.string()
	c.Kind = rule.FixKind(d.int())
	c.Message = d.string()
	c.Pos = d.position()
	c.Line = d.int()
	c.Before = d.string()
	c.After = d.string()
}
