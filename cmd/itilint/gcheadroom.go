package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// The commands that build a question bank (run, quiz) keep the bank and
// little else: a few megabytes live, while they allocate many times the
// size of the notes (three checks of each, its sentences). At the GOGC
// main sets, the collector then runs every few megabytes, for a tenth of
// their work. gcHeadroom lets the heap grow by about a fixed amount past
// what is live, whatever the course size: GOGC is headroom over the live
// heap after each collection, between gcPercentMin and gcPercentMax. A
// small bank gets the most room (BenchmarkRunProcess reports the peak
// resident set); a large one gets GOGC 100, so memory is the bank's and a
// bounded overhead, never more than twice the bank.
const (
	gcHeadroomBytes = 24 << 20
	gcPercentMin    = 100
	gcPercentMax    = 400
)

// gcPercentFor is the GOGC that lets a heap of live bytes grow by about
// headroom before the next collection, within [gcPercentMin, gcPercentMax].
func gcPercentFor(live, headroom uint64) int {
	p := headroom * 100 / max(live, 1)
	return int(min(max(p, gcPercentMin), gcPercentMax))
}

// gcHeadroom retunes the collector after every collection (a finalizer on
// an object each cycle frees) to gcPercentFor the heap left live, from the
// first call on. GOGC in the environment decides instead, as in main.
func gcHeadroom() { gcHeadroomOnce.Do(startGCHeadroom) }

var gcHeadroomOnce sync.Once

func startGCHeadroom() {
	retuneGC(func(live uint64) int { return gcPercentFor(live, gcHeadroomBytes) })
}

// retuneGC sets GOGC to percentFor the live heap now and after every
// collection. GOGC in the environment decides instead, as in main.
func retuneGC(percentFor func(live uint64) int) {
	if os.Getenv("GOGC") != "" {
		return
	}
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	if live[0].Value.Kind() != metrics.KindUint64 {
		return // a runtime without the metric: main's setting stays
	}
	debug.SetGCPercent(percentFor(live[0].Value.Uint64()))
	var arm func()
	arm = func() {
		// An object with a pointer, so the allocator does not pack it
		// with others (a finalizer on such a tiny object may never run).
		runtime.SetFinalizer(&gcCycle{}, func(*gcCycle) {
			metrics.Read(live)
			debug.SetGCPercent(percentFor(live[0].Value.Uint64()))
			arm()
		})
	}
	arm()
}

// A gcCycle is freed by the collection after it is made: its finalizer
// marks the end of a cycle.
type gcCycle struct{ _ *byte }
