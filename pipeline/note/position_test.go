package note

import (
	"bytes"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// referencePosition is Note.Position as plainly as it can be written: the
// line is the number of newlines before off, the column the number of
// characters from the line's start to off, counted from the start of the
// line for every offset (quadratic over the findings of a long line, which
// Position is not).
func referencePosition(n *Note, off int) Position {
	off = max(0, min(off, len(n.Text)))
	line := bytes.Count(n.Text[:off], []byte("\n"))
	ls := bytes.LastIndexByte(n.Text[:off], '\n') + 1
	return n.onDisk(line, utf8.RuneCount(n.Text[ls:off])+1)
}

// checkPositions holds Position, and a PositionCursor asked in increasing,
// decreasing and random order, to referencePosition at offs.
func checkPositions(t *testing.T, n *Note, offs []int, rng *rand.Rand) {
	t.Helper()
	want := make(map[int]Position, len(offs))
	for _, off := range offs {
		want[off] = referencePosition(n, off)
		if got := n.Position(off); got != want[off] {
			t.Fatalf("step %d, text %q: Position(%d) = %v, want %v", n.colStep, abbrev(n.Text), off, got, want[off])
		}
	}
	orders := [][]int{slices.Clone(offs), slices.Clone(offs), slices.Clone(offs)}
	slices.Sort(orders[0])
	slices.Sort(orders[1])
	slices.Reverse(orders[1])
	rng.Shuffle(len(orders[2]), func(i, j int) { orders[2][i], orders[2][j] = orders[2][j], orders[2][i] })
	for _, order := range orders {
		c := n.PositionCursor()
		for _, off := range order {
			if got := c.Position(off); got != want[off] {
				t.Fatalf("step %d, text %q: cursor Position(%d) = %v, want %v", n.colStep, abbrev(n.Text), off, got, want[off])
			}
		}
	}
}

func abbrev(b []byte) string {
	if len(b) > 60 {
		return string(b[:60]) + "…"
	}
	return string(b)
}

// TestPositionMatchesReference: the column index gives the positions
// counting from each line's start gives, at every offset (mid-character
// and out-of-range ones included), for checkpoints every few bytes and at
// the default distance, on long lines of ASCII, multi-byte characters and
// invalid UTF-8 (a stray run of continuation bytes has no place for a
// checkpoint).
func TestPositionMatchesReference(t *testing.T) {
	texts := []string{
		"",
		"\n",
		"abc",
		"one\ntwo\n\nthree\n",
		"héllo wörld — ünïcödé\nsecond é\n",
		strings.Repeat("é word ", 300) + "\n" + strings.Repeat("x", 50),
		strings.Repeat("a€𝄞", 500),
		"ab\x80\x80\x80\x80\x80\x80\x80\x80\x80cd\xe2\x82 \xf0\x9d\x84 end\nx\xff\xfe",
		strings.Repeat("\x80", 40) + "a" + strings.Repeat("\xbf", 40),
		strings.Repeat("line ü\n", 100) + strings.Repeat("long 𝄞 line ", 400) + "\n\n" + strings.Repeat("z", 10000),
	}
	rng := rand.New(rand.NewSource(1))
	for _, text := range texts {
		for _, step := range []int{1, 3, 16, 0} {
			for _, disk := range []bool{false, true} {
				if disk && step != 3 {
					continue // the transcript mapping once is enough
				}
				n := New("x.md", []byte(text))
				n.colStep = step
				if disk {
					for i := 0; i < n.NumLines()+1; i++ {
						n.DiskLines = append(n.DiskLines, 10+3*i)
					}
				}
				var offs []int
				if len(text) <= 1000 {
					for off := -2; off <= len(text)+2; off++ {
						offs = append(offs, off)
					}
				} else {
					for k := 0; k < 1000; k++ {
						offs = append(offs, rng.Intn(len(text)+3)-1)
					}
				}
				checkPositions(t, n, offs, rng)
			}
		}
	}
}

// FuzzPositions holds the position mapping of long lines (the column
// index, the cursor) to referencePosition: text is the note, step the
// distance between checkpoints (small, so that short inputs have many),
// and every offset of the text is asked.
func FuzzPositions(f *testing.F) {
	f.Add([]byte("abc\ndef"), uint8(1))
	f.Add([]byte("é word é word é word é word\nx"), uint8(3))
	f.Add([]byte("ab\x80\x80\x80\x80\x80\x80cd\xe2\x82 \xf0\x9d\x84 end"), uint8(2))
	f.Fuzz(func(t *testing.T, text []byte, step uint8) {
		if len(text) > 4096 {
			return
		}
		n := New("x.md", text)
		n.colStep = int(step%32) + 1
		offs := make([]int, 0, len(text)+3)
		for off := -1; off <= len(text)+1; off++ {
			offs = append(offs, off)
		}
		checkPositions(t, n, offs, rand.New(rand.NewSource(int64(len(text)))))
	})
}
