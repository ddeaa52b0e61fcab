//go:build unix

package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/itilint/itilint/pipeline/testcourse"
)

// BenchmarkCheckProcess is the speed figure CI users see: the whole
// `itilint check` process (start-up, walk, read, every rule with the full
// pack, the report written to /dev/null) over the sample course copied to
// about 20 MB. MB/s is the wall-clock rate; cpu-s/op is user plus system
// time and peak-RSS-MB the largest resident set of the process (a child,
// so -benchmem cannot see its allocations; BenchmarkCheck in ./pipeline
// reports those).
//
//	go test -run XXX -bench CheckProcess -benchtime 10x ./cmd/itilint/
func BenchmarkCheckProcess(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "itilint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	dir, size := testcourse.Copies(b, "../../source", 20<<20)
	check := func() *exec.Cmd {
		cmd := exec.Command(bin, "check", "-q", "--fail-on", "none", dir)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr // the report goes to /dev/null (Stdout nil)
		if err := cmd.Run(); err != nil {
			b.Fatalf("itilint check: %v\n%s", err, stderr.Bytes())
		}
		return cmd
	}
	// The corpus was just written: the kernel would write its 20 MB back
	// to disk during the first runs, on the same two cores, and the
	// figure would be the writeback's. A course in CI sits in a checkout
	// made before the check, so it is flushed first, and one run reads
	// the binary and the folders in before the timing starts.
	syscall.Sync()
	check()
	b.SetBytes(size)
	var cpu time.Duration
	var peakKB int64
	for b.Loop() {
		cmd := check()
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peakKB = max(peakKB, int64(ru.Maxrss)) // kilobytes on Linux
		}
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(peakKB)/1024, "peak-RSS-MB")
}
