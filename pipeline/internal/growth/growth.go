// Package growth measures how a cost grows with the size of its input, for
// tests that hold a parser to linear time without asserting any time: a
// cost that grows with the square of the input takes sixteen times as long
// at four times the size, a linear one four.
package growth

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// Limit is the most times as long that four times the input may take in
// a test: halfway between linear (4) and quadratic (16) on a log scale,
// so that a busy machine, whose caches and scheduler make a linear cost
// read up to 5.5 or so, does not fail a test that a quadratic cost always
// fails.
const Limit = 8

// Ratio is how many times the processor time of large, a run on an input
// four times as big, is that of small: the best of a few readings of each,
// taken in turn so that a moment when the machine is busy slows both. A
// reading runs small four times as often as large, as much work if the
// cost is linear, and often enough to take a few tens of milliseconds, so
// that the clock's granularity and the machine's hiccups weigh little and
// as much on both. The collector is off while a reading is timed (and run
// between readings): its cost depends on where the heap stood, not on how
// the work grows.
func Ratio(small, large func()) float64 {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	reps := 1
	for reps < 1<<12 && timed(large, reps) < 20*time.Millisecond {
		reps *= 2
	}
	var best [2]time.Duration
	for i := 0; i < 5; i++ {
		for j, d := range []time.Duration{timed(small, 4*reps), timed(large, reps)} {
			if i == 0 || d < best[j] {
				best[j] = d
			}
		}
	}
	return 4 * float64(best[1]) / float64(best[0])
}

// timed is the processor time of n runs of run, after a collection.
func timed(run func(), n int) time.Duration {
	runtime.GC()
	start := cpuTime()
	for range n {
		run()
	}
	return cpuTime() - start
}

// Check fails t when large takes more than Limit times as long as small
// three measurements in a row (a busy machine may spoil one or two). what names
// the sizes: "8000 keys (2000)".
func Check(t testing.TB, what string, small, large func()) {
	t.Helper()
	var ratio float64
	for try := 0; try < 3; try++ {
		ratio = Ratio(small, large)
		t.Logf("%s: %.1f times as long", what, ratio)
		if ratio <= Limit {
			return
		}
	}
	t.Errorf("%s: %.1f times as long at four times the size, more than %d", what, ratio, Limit)
}
