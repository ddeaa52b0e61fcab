package pipeline

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
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
// large take at most five times as long, for notes of deeply nested lists
// and quotes. Linear work makes the ratio about 4 and quadratic work 16,
// so the margin holds. Times are processor times (other processes on the
// machine do not count), medians of a few runs taken in turns.
//
// The sizes climb to n and 4n from a size a sixteenth of n (a quarter
// for the indented list), so that work gone quadratic fails on notes
// small enough to take seconds, not minutes: on those small sizes, runs
// of a few milliseconds, a ratio of 10 fails. A step fails as soon as its
// fastest large run took the limit times its slowest small one (after
// three runs), or a large run took twenty times as long on the clock.
func TestNestingGrowsLinearly(t *testing.T) {
	for _, tc := range nestedNotes {
		t.Run(tc.name, func(t *testing.T) {
			for n := tc.from; n <= tc.n; n *= 4 {
				limit := 5.0
				if n < tc.n {
					limit = 10 // a few milliseconds: only quadratic fails
				}
				growth(t, tc.note(n), tc.note(4*n), n, limit)
			}
		})
	}
}

// growth fails t when the pipeline over large (four times small, made
// at n) takes more than limit times as long as over small.
func growth(t *testing.T, small, large string, n int, limit float64) {
	t.Helper()
	var ts, tl []time.Duration
	for round := range 6 {
		clock := time.Now()
		ts = append(ts, timed(t, small, 0))
		tl = append(tl, timed(t, large, 20*time.Since(clock)+2*time.Second))
		if round == 0 {
			// A warm-up: the heap grows to the large note's size.
			ts, tl = ts[:0], tl[:0]
		} else if round >= 3 && float64(slices.Min(tl)) > limit*float64(slices.Max(ts)) {
			break
		}
	}
	ms, ml := median(ts), median(tl)
	ratio := float64(ml) / float64(ms)
	t.Logf("n=%d: %v, 4n: %v, ratio %.1f", n, ms, ml, ratio)
	if ratio > limit {
		t.Fatalf("4n takes %.1f times as long as n=%d (%v, %v): not linear", ratio, n, ml, ms)
	}
}

// timed runs the pipeline over src and returns the processor time it
// took; past limit on the clock (when not 0) the test fails without
// waiting for the end.
func timed(t *testing.T, src string, limit time.Duration) time.Duration {
	t.Helper()
	runtime.GC() // the garbage of the run before is not this one's
	start := cpuTime()
	if limit == 0 {
		runNote(t, src)
		return cpuTime() - start
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		runNote(t, src)
	}()
	select {
	case <-done:
		return cpuTime() - start
	case <-time.After(limit):
		t.Fatalf("a run of %d bytes took over %v", len(src), limit)
		return 0
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

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
