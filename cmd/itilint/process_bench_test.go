//go:build unix

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/itilint/itilint/pipeline/emit"
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

// BenchmarkCheckFormats is the cost of each report format against the
// text one, where writing the report is most of the work: the seed note
// (pipeline/clean/testdata) four times over in each of 2,000 files, some
// 206,000 findings, each format's whole process written to a file.
// <format>-cpu-s is the user plus system time of one run, <format>/text
// its ratio to the text format's.
//
//	go test -run XXX -bench CheckFormats -benchtime 3x ./cmd/itilint/
func BenchmarkCheckFormats(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "itilint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	seed, err := os.ReadFile("../../pipeline/clean/testdata/seed.txt")
	if err != nil {
		b.Fatal(err)
	}
	note := bytes.Repeat(seed, 4)
	dir := b.TempDir()
	for i := range 2000 {
		sub := filepath.Join(dir, fmt.Sprintf("d%02d", i/100))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("n%04d.txt", i)), note, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	report := filepath.Join(b.TempDir(), "report")
	check := func(format string) time.Duration {
		out, err := os.Create(report)
		if err != nil {
			b.Fatal(err)
		}
		defer out.Close()
		cmd := exec.Command(bin, "check", "-q", "--fail-on", "none", "--format", format, dir)
		var stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = out, &stderr
		if err := cmd.Run(); err != nil {
			b.Fatalf("itilint check --format %s: %v\n%s", format, err, stderr.Bytes())
		}
		return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	syscall.Sync()
	check("text")
	cpu := map[string]time.Duration{}
	for b.Loop() {
		for _, format := range emit.FindingFormats {
			cpu[format] += check(format)
		}
	}
	for _, format := range emit.FindingFormats {
		b.ReportMetric(cpu[format].Seconds()/float64(b.N), format+"-cpu-s")
		if format != "text" {
			b.ReportMetric(float64(cpu[format])/float64(cpu["text"]), format+"/text")
		}
	}
}

// BenchmarkRunProcess is the time and memory of the commands that clean
// and build the question bank, against check's, over the sample course
// copied to about 20 MB and to about 40 MB (memory must not grow with the
// course): <command>-cpu-s is the user plus system time of one whole
// process, <command>-wall-s its time on the clock,
// <command>-peak-RSS-MB its largest resident set, <command>/check its CPU
// against check's.
//
// run writes a new output folder each time, as a first run does (5,542
// cleaned copies at 20 MB, each through a temporary file and a rename);
// rerun runs again over the folder run just wrote, as every later run
// does (the copies are compared and left as they are). The folders are
// removed only when the benchmark is over: on ext4 (Linux), creating
// files for some minutes after thousands were deleted makes the kernel
// look through the recently freed inodes for each new one
// (recently_deleted in its inode allocator), and removing the last
// folder before each run made run's system time grow to 8 to 12 times
// check's whole time. That removal is no part of what a user waits
// for; a host where other jobs delete many files still shows some of it.
// On a shared machine the clock and the system time move with the
// neighbours: compare instruction counts (README, Speed and memory) to
// tell builds apart.
//
//	go test -run XXX -bench RunProcess -benchtime 2x ./cmd/itilint/
//	go test -run XXX -bench RunProcess/20MB -benchtime 2x ./cmd/itilint/
func BenchmarkRunProcess(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "itilint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	// Every folder is made here, and removed once both sizes are done:
	// a sub-benchmark's own temporary folders would be removed before the
	// next one starts (see above).
	for _, mb := range []int64{20, 40} {
		dir, size := testcourse.Copies(b, "../../source", mb<<20)
		work := b.TempDir()
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) { benchmarkRunProcess(b, bin, dir, work, size) })
	}
}

// benchmarkRunProcess times the commands over the course in dir, of size
// bytes, writing into work.
func benchmarkRunProcess(b *testing.B, bin, dir, work string, size int64) {
	runs := 0
	args := func(name string) []string {
		switch name {
		case "check":
			return []string{"check", "-q", "--fail-on", "none", dir}
		case "quiz":
			return []string{"quiz", "-q", "--no-progress", "-o", filepath.Join(work, "questions.xlsx"), dir}
		case "run":
			runs++
		}
		// run and rerun: the same new folder
		return []string{"run", "-q", "--no-progress", "--out", filepath.Join(work, fmt.Sprintf("out%d", runs)), dir}
	}
	names := []string{"check", "quiz", "run", "rerun"}
	exec1 := func(name string) (cpu, wall time.Duration, peakKB int64) {
		cmd := exec.Command(bin, args(name)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatalf("itilint %s: %v\n%s", name, err, stderr.Bytes())
		}
		wall = time.Since(start)
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peakKB = int64(ru.Maxrss)
		}
		return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), wall, peakKB
	}
	syscall.Sync()
	exec1("check")
	b.SetBytes(size)
	cpu := map[string]time.Duration{}
	wall := map[string]time.Duration{}
	peak := map[string]int64{}
	for b.Loop() {
		for _, name := range names {
			t, w, kb := exec1(name)
			cpu[name] += t
			wall[name] += w
			peak[name] = max(peak[name], kb)
		}
	}
	for _, name := range names {
		b.ReportMetric(cpu[name].Seconds()/float64(b.N), name+"-cpu-s")
		b.ReportMetric(wall[name].Seconds()/float64(b.N), name+"-wall-s")
		b.ReportMetric(float64(peak[name])/1024, name+"-peak-RSS-MB")
		if name != "check" {
			b.ReportMetric(float64(cpu[name])/float64(cpu["check"]), name+"/check")
			b.ReportMetric(float64(wall[name])/float64(wall["check"]), name+"/check-wall")
		}
	}
}

// BenchmarkBigNotePeakMemory is the memory one big note takes: the sample
// course's notes joined into a single note of about 20 MB, and the peak
// resident set of each command's whole process on it (check, fix, quiz,
// run), as <command>-RSS/byte (bytes of peak RSS per byte of the note)
// and <command>-peak-RSS-MB. Memory, like time, is reported, not asserted.
//
//	go test -run XXX -bench BigNotePeakMemory -benchtime 1x ./cmd/itilint/
func BenchmarkBigNotePeakMemory(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "itilint")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	var course []byte
	for _, pattern := range []string{"../../source/*/*.md", "../../source/*/*.txt", "../../source/*.txt"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			course = append(append(course, data...), "\n\n"...)
		}
	}
	if len(course) == 0 {
		b.Fatal("no notes in ../../source")
	}
	in := filepath.Join(b.TempDir(), "big")
	if err := os.MkdirAll(in, 0o755); err != nil {
		b.Fatal(err)
	}
	note := filepath.Join(in, "big.md")
	big := bytes.Repeat(course, (20<<20)/len(course)+1)[:20<<20]
	big = big[:bytes.LastIndexByte(big, '\n')+1]
	if err := os.WriteFile(note, big, 0o644); err != nil {
		b.Fatal(err)
	}
	work := b.TempDir()
	commands := []struct {
		name string
		args []string
	}{
		{"check", []string{"check", "-q", "--fail-on", "none", "-f", "json", "-o", filepath.Join(work, "check.json"), note}},
		{"fix", []string{"fix", "-q", "--no-progress", "--out", filepath.Join(work, "clean"), note}},
		{"quiz", []string{"quiz", "-q", "--no-progress", "-o", filepath.Join(work, "questions.csv"), note}},
		{"run", []string{"run", "-q", "--no-progress", "--out", filepath.Join(work, "out"), in}},
	}
	syscall.Sync()
	peak := map[string]int64{}
	for b.Loop() {
		for _, c := range commands {
			cmd := exec.Command(bin, c.args...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				b.Fatalf("itilint %s: %v\n%s", c.name, err, stderr.Bytes())
			}
			if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
				peak[c.name] = max(peak[c.name], int64(ru.Maxrss)) // kilobytes on Linux
			}
		}
	}
	for _, c := range commands {
		b.ReportMetric(float64(peak[c.name]*1024)/float64(len(big)), c.name+"-RSS/byte")
		b.ReportMetric(float64(peak[c.name])/1024, c.name+"-peak-RSS-MB")
	}
}
