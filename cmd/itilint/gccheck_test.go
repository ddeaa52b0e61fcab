package main

import (
	"math"
	"runtime"
	"sync"
	"testing"
)

func TestGCPercentForHeap(t *testing.T) {
	tests := []struct {
		live uint64
		want int
	}{
		{0, gcPercentSmallMax},
		{4 << 20, gcPercentSmallMax},        // a course of small notes
		{smallHeapRoom * 100 / 300, 300},    // room of smallHeapRoom
		{smallHeapRoom / 2, gcPercentMain},  // as much room as main's
		{8 << 20, gcPercentMain},            // a note of a few hundred kilobytes
		{bigHeapBytes / 2, gcPercentMain},   // as much room as main's
		{bigHeapBytes, 100},                 // as much room as is live
		{bigHeapBytes * 100 / 64, 64},       // in between
		{4 * bigHeapBytes, gcPercentBigMin}, // a note of tens of megabytes
		{1 << 40, gcPercentBigMin},          // whatever the size
	}
	for _, tt := range tests {
		if got := gcPercentForHeap(tt.live); got != tt.want {
			t.Errorf("gcPercentForHeap(%d) = %d, want %d", tt.live, got, tt.want)
		}
	}
}

func TestMemoryLimitFor(t *testing.T) {
	tests := []struct {
		live, largest uint64
		want          int64
	}{
		{0, 0, math.MaxInt64},                         // nothing live yet
		{4 << 20, 10 << 10, math.MaxInt64},            // a course of small notes
		{limitFromBytes - 1, 20 << 20, math.MaxInt64}, // just under
		{limitFromBytes, 20 << 20, 43 << 20},          // 32 MiB live: 5 MiB overhead, 6 MiB room
		{512 << 20, 64 << 20, 533 << 20},              // a 32nd of it for room: 16 MiB
		{160 << 20, 20 << 20, 171 << 20},              // a note's analysis, up to limitWithin times it
		{160<<20 + 1, 20 << 20, math.MaxInt64},        // more: findings by the hundred thousand
		{400 << 20, 8 << 20, math.MaxInt64},           // a line of 8 MB with a finding every few words
		{64 << 20, 0, math.MaxInt64},                  // no note read yet (a pack, a config)
	}
	for _, tt := range tests {
		if got := memoryLimitFor(tt.live, 5<<20, tt.largest); got != tt.want {
			t.Errorf("memoryLimitFor(%d, 5 MiB, %d) = %d, want %d", tt.live, tt.largest, got, tt.want)
		}
	}
}

// TestNoteRead keeps the largest size, from any number of workers.
func TestNoteRead(t *testing.T) {
	defer largestNote.Store(largestNote.Load())
	largestNote.Store(0)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 1000 {
				noteRead(w*1000 + i)
			}
		}()
	}
	wg.Wait()
	noteRead(5)
	if got := largestNote.Load(); got != 3999 {
		t.Errorf("largestNote = %d, want 3999", got)
	}
}

// TestRuntimeOverhead reads the runtime's metrics as gcCheckHeaps does:
// the overhead is there, and far less than the heap.
func TestRuntimeOverhead(t *testing.T) {
	keep := make([]byte, 8<<20)
	over := runtimeOverhead(overheadMetrics())
	if over == 0 || over > 1<<30 {
		t.Errorf("runtimeOverhead = %d", over)
	}
	runtime.KeepAlive(keep)
}
