package main

import "sync"

// check and fix keep a few megabytes live on a course of small notes, and
// main's GOGC 200 suits them best. A note of megabytes keeps its analysis
// live while it is checked (tens of bytes a byte of the note), and at GOGC
// 200 the heap grew to three times that before each collection. Past
// bigHeapBytes live, gcBigHeaps lowers GOGC so that the heap grows by
// about bigHeapBytes past what is live, down to gcPercentBigMin; below it,
// GOGC stays main's.
const (
	bigHeapBytes    = 128 << 20
	gcPercentBigMin = 50
	gcPercentMain   = 200 // as main sets it
)

// gcPercentForBigHeap is the GOGC for a heap of live bytes: main's, or less
// once bigHeapBytes would be less room than main's gives.
func gcPercentForBigHeap(live uint64) int {
	p := bigHeapBytes * 100 / max(live, 1)
	return int(min(max(p, gcPercentBigMin), gcPercentMain))
}

// gcBigHeaps retunes the collector after every collection to
// gcPercentForBigHeap the heap left live (see retuneGC).
func gcBigHeaps() { gcBigHeapsOnce.Do(func() { retuneGC(gcPercentForBigHeap) }) }

var gcBigHeapsOnce sync.Once
