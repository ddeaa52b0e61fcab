package main

import "sync"

// check and fix keep a few megabytes live on a course of small notes (the
// pack, its matcher and the notes in flight) while they allocate several
// times the size of the notes, so at main's GOGC 200 the collector marks
// those few megabytes again every few megabytes allocated. While less than
// smallHeapRoom*100/gcPercentMain is live, gcCheckHeaps lets the heap grow
// by about smallHeapRoom past it, up to gcPercentSmallMax: fewer
// collections for a few megabytes more of memory.
//
// A note of megabytes keeps its analysis live while it is checked (tens of
// bytes a byte of the note), and at GOGC 200 the heap grew to three times
// that before each collection. Past bigHeapBytes live, gcCheckHeaps lowers
// GOGC so that the heap grows by about bigHeapBytes past what is live,
// down to gcPercentBigMin. In between, GOGC stays main's.
const (
	smallHeapRoom     = 16 << 20
	gcPercentSmallMax = 400
	bigHeapBytes      = 128 << 20
	gcPercentBigMin   = 50
	gcPercentMain     = 200 // as main sets it
)

// gcPercentForHeap is the GOGC for a heap of live bytes: more than main's
// for a small heap, less for a big one (see above).
func gcPercentForHeap(live uint64) int {
	live = max(live, 1)
	small := min(max(smallHeapRoom*100/live, gcPercentMain), gcPercentSmallMax)
	big := max(bigHeapBytes*100/live, gcPercentBigMin)
	return int(min(small, big))
}

// gcCheckHeaps retunes the collector after every collection to
// gcPercentForHeap the heap left live (see retuneGC).
func gcCheckHeaps() { gcCheckHeapsOnce.Do(func() { retuneGC(gcPercentForHeap) }) }

var gcCheckHeapsOnce sync.Once
