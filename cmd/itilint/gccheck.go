package main

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"
)

// check and fix keep a few megabytes live on a course of small notes (the
// pack, its matcher and the notes in flight) while they allocate several
// times the size of the notes, so at main's GOGC 200 the collector marks
// those few megabytes again every few megabytes allocated. While less than
// smallHeapRoom*100/gcPercentMain is live, gcCheckHeaps lets the heap grow
// by about smallHeapRoom past it, up to gcPercentSmallMax: fewer
// collections for a few megabytes more of memory.
//
// A note of megabytes keeps its analysis live while it is checked (about six
// bytes a byte of the note), and at GOGC 200 the heap grew to three times
// that before each collection. Past bigHeapBytes live, gcCheckHeaps lowers
// GOGC so that the heap grows by about bigHeapBytes past what is live,
// down to gcPercentBigMin. In between, GOGC stays main's.
//
// GOGC alone still let such a note take over ten times its size: the
// heap grew by half of what was live, and the runtime gives the memory it
// frees back to the system only slowly. So past limitFromBytes live,
// gcCheckHeaps also sets a soft memory limit a little above the live heap
// (memoryLimitFor), after every collection: the collector then runs
// before the heap outgrows it, and the runtime returns what it does not
// need. The limit follows the live heap rather than the size of the
// notes, as a limit under what is live would have the collector run
// without end; it is a backstop for a note of megabytes, which a course
// of small notes never comes near.
//
// It holds only while what is live is at most limitWithin times the
// largest note read (largestNote). Past that, the heap is not the
// analysis of a big note but something that grows with what the notes
// hold (a line of megabytes with a finding every few words keeps
// hundreds of thousands of findings): no limit could keep it near the
// note's size, and a collection every few megabytes, each marking all
// that is live, would make the work grow with the square of the note.
// GOGC alone then spaces the collections in proportion to the heap.
const (
	smallHeapRoom     = 16 << 20
	gcPercentSmallMax = 400
	bigHeapBytes      = 128 << 20
	gcPercentBigMin   = 50
	gcPercentMain     = 200 // as main sets it

	limitFromBytes = 32 << 20
	limitRoomBytes = 6 << 20
	limitWithin    = 8
)

// largestNote is the size of the largest note read so far (see
// noteRead), for memoryLimitFor.
var largestNote atomic.Int64

// noteRead is pipeline.Config.Read for check and fix: it keeps the size
// of the largest note read.
func noteRead(size int) {
	for {
		cur := largestNote.Load()
		if int64(size) <= cur || largestNote.CompareAndSwap(cur, int64(size)) {
			return
		}
	}
}

// memoryLimitFor is the soft memory limit for a heap of live bytes, when
// the runtime holds overhead bytes more than the heap's objects and free
// memory (the collector's own tables, stacks, the unused ends of spans)
// and the largest note read has largest bytes: none below limitFromBytes
// or above limitWithin times largest, and in between room for a 32nd of
// what is live, at least limitRoomBytes, to be allocated before a
// collection.
func memoryLimitFor(live, overhead, largest uint64) int64 {
	if live < limitFromBytes || live > limitWithin*largest {
		return math.MaxInt64 // the runtime's default: no limit
	}
	return int64(live + overhead + max(live/32, limitRoomBytes))
}

// runtimeOverhead is the memory the runtime holds from the system beyond
// the heap's objects and its free memory, as memoryLimitFor takes it.
func runtimeOverhead(s []metrics.Sample) uint64 {
	metrics.Read(s)
	held := s[0].Value.Uint64() - s[1].Value.Uint64() // the total less what was given back
	return held - min(held, s[2].Value.Uint64()+s[3].Value.Uint64())
}

// overheadMetrics are the samples runtimeOverhead reads.
func overheadMetrics() []metrics.Sample {
	return []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
	}
}

// gcPercentForHeap is the GOGC for a heap of live bytes: more than main's
// for a small heap, less for a big one (see above).
func gcPercentForHeap(live uint64) int {
	live = max(live, 1)
	small := min(max(smallHeapRoom*100/live, gcPercentMain), gcPercentSmallMax)
	big := max(bigHeapBytes*100/live, gcPercentBigMin)
	return int(min(small, big))
}

// gcCheckHeaps retunes the collector after every collection to
// gcPercentForHeap the heap left live (see retuneGC), and sets the
// memoryLimitFor it, unless GOMEMLIMIT in the environment sets one.
func gcCheckHeaps() {
	gcCheckHeapsOnce.Do(func() {
		limit := os.Getenv("GOMEMLIMIT") == ""
		samples := overheadMetrics()
		retuneGC(func(live uint64) int {
			if limit {
				debug.SetMemoryLimit(memoryLimitFor(live, runtimeOverhead(samples), uint64(largestNote.Load())))
			}
			return gcPercentForHeap(live)
		})
	})
}

var gcCheckHeapsOnce sync.Once
