package main

import "testing"

func TestGCPercentForBigHeap(t *testing.T) {
	tests := []struct {
		live uint64
		want int
	}{
		{0, gcPercentMain},
		{8 << 20, gcPercentMain},            // a course of small notes
		{bigHeapBytes / 2, gcPercentMain},   // as much room as main's
		{bigHeapBytes, 100},                 // as much room as is live
		{bigHeapBytes * 100 / 64, 64},       // in between
		{4 * bigHeapBytes, gcPercentBigMin}, // a note of tens of megabytes
		{1 << 40, gcPercentBigMin},          // whatever the size
	}
	for _, tt := range tests {
		if got := gcPercentForBigHeap(tt.live); got != tt.want {
			t.Errorf("gcPercentForBigHeap(%d) = %d, want %d", tt.live, got, tt.want)
		}
	}
}
