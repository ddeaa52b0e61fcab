package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestGCPercentFor(t *testing.T) {
	tests := []struct {
		live uint64
		want int
	}{
		{0, gcPercentMax},
		{1 << 20, gcPercentMax},            // 24 MB over 1 MB: 2400, at most the maximum
		{8 << 20, 300},                     // 24 MB over 8 MB
		{24 << 20, 100},                    // as much room as is live
		{200 << 20, gcPercentMin},          // a large bank: no less than the minimum
		{1 << 40, gcPercentMin},            // whatever the size
		{gcHeadroomBytes * 100 / 250, 250}, // in between, the headroom
		{gcHeadroomBytes * 100 / 401, gcPercentMax},
	}
	for _, tt := range tests {
		if got := gcPercentFor(tt.live, gcHeadroomBytes); got != tt.want {
			t.Errorf("gcPercentFor(%d) = %d, want %d", tt.live, got, tt.want)
		}
	}
}

// TestGCHeadroomRetunes: after a collection, the finalizer sets GOGC from
// the live heap again (a test binary's heap is small: the maximum).
func TestGCHeadroomRetunes(t *testing.T) {
	t.Setenv("GOGC", "")
	old := debug.SetGCPercent(100)
	defer debug.SetGCPercent(old)
	gcHeadroom()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		debug.SetGCPercent(123) // a value gcHeadroom never sets
		runtime.GC()
		time.Sleep(20 * time.Millisecond) // the finalizer runs on its own goroutine
		if got := debug.SetGCPercent(123); got != 123 {
			if got < gcPercentMin || got > gcPercentMax {
				t.Fatalf("GOGC retuned to %d, outside [%d, %d]", got, gcPercentMin, gcPercentMax)
			}
			return
		}
	}
	t.Fatal("no collection retuned GOGC")
}
