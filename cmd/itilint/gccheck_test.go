package main

import "testing"

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
