package pipeline

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/itilint/itilint/pipeline/internal/growth"
)

// nestedNotes are the notes nested far deeper than anyone writes, that
// goldmark took quadratic time over (issue 16), by the size of the note
// they make at n.
var nestedNotes = []struct {
	name string
	// The growth is measured on sizes from from up to n, n large enough to measure
	// and small enough to be quick once linear.
	from, n int
	note    func(n int) string
}{
	{"list markers on one line", 100_000 / 16, 100_000, func(n int) string { return strings.Repeat("- ", n) + "x\n" }},
	{"block quotes on one line", 200_000 / 16, 200_000, func(n int) string { return strings.Repeat(">", n) + " x\n" }},
	// One item a line, each two spaces deeper: a note of n bytes is
	// about sqrt(n) items deep (180 at 32 KB, 720 at 512 KB). goldmark
	// reads the first hundred levels of a line (maxContainerPrefix) in
	// time that grows faster than their size: the growth is measured
	// past them.
	{"indented list, by size", 32 << 10, 128 << 10, func(n int) string {
		var sb strings.Builder
		for i := 0; sb.Len() < n; i++ {
			sb.WriteString(strings.Repeat("  ", i))
			sb.WriteString("- item\n")
		}
		return sb.String()
	}},
}

// TestNestingGrowsLinearly: check, fix and quiz over a note four times as
// large take not much more than four times as long (growth.Check: linear
// work reads about 4, quadratic 16), for notes of deeply nested lists and
// quotes. Times are processor times, the best of several readings taken
// in turn (see package growth), so a busy machine does not fail the test.
//
// The sizes climb to n and 4n from a size a sixteenth of n (a quarter
// for the indented list), so that work gone quadratic fails on notes
// small enough to take seconds, not minutes; before each step's readings
// one run of the large note must end within a bound on the clock.
func TestNestingGrowsLinearly(t *testing.T) {
	for _, tc := range nestedNotes {
		t.Run(tc.name, func(t *testing.T) {
			for n := tc.from; n <= tc.n; n *= 4 {
				small, large := tc.note(n), tc.note(4*n)
				clock := time.Now()
				runNote(t, small)
				mustEndWithin(t, large, 20*time.Since(clock)+2*time.Second)
				growth.Check(t, fmt.Sprintf("%s, n=%d", tc.name, n),
					func() { runNote(t, small) }, func() { runNote(t, large) })
				if t.Failed() {
					return
				}
			}
		})
	}
}

// mustEndWithin fails t when the pipeline over src runs past limit on the
// clock, without waiting for its end: a quadratic cost at the larger
// sizes would take minutes.
func mustEndWithin(t *testing.T, src string, limit time.Duration) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		runNote(t, src)
	}()
	select {
	case <-done:
	case <-time.After(limit):
		t.Fatalf("a run of %d bytes took over %v", len(src), limit)
	}
}

// runNote checks, cleans and quizzes src, read from standard input.
func runNote(t *testing.T, src string) {
	res, err := Run(Config{Paths: []string{"-"}, Stdin: strings.NewReader(src), StdinName: "deep.md",
		Check: true, Quiz: true, FixKinds: cleaning, Workers: 1})
	if err != nil {
		t.Error(err)
		return
	}
	if len(res.Errors) > 0 || len(res.Files) != 1 {
		t.Error(fmt.Sprint("errors: ", res.Errors))
	}
}
