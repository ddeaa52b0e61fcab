package main

import (
	"math"
	"runtime"
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
		live uint64
		want int64
	}{
		{0, math.MaxInt64},                  // nothing live yet
		{4 << 20, math.MaxInt64},            // a course of small notes
		{limitFromBytes - 1, math.MaxInt64}, // just under
		{limitFromBytes, 43 << 20},          // 32 MiB live: 5 MiB overhead, 6 MiB room
		{512 << 20, 533 << 20},              // a 32nd of it for room: 16 MiB
	}
	for _, tt := range tests {
		if got := memoryLimitFor(tt.live, 5<<20); got != tt.want {
			t.Errorf("memoryLimitFor(%d, 5 MiB) = %d, want %d", tt.live, got, tt.want)
		}
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
