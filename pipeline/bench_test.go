package pipeline

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
	"github.com/itilint/itilint/pipeline/testcourse"
)

// corpus is the sample course (source/) copied to about size bytes.
func corpus(b *testing.B, size int64) (string, int64) {
	b.Helper()
	return testcourse.Copies(b, "../source", size)
}

// benchRun runs the pipeline with cfg over about 20 MB of notes.
func benchRun(b *testing.B, cfg Config) {
	dir, size := corpus(b, 20<<20)
	cfg.Paths = []string{dir}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Run(cfg); err != nil {
			b.Fatal(err)
		}
	}
}

var cleaning = map[rule.FixKind]bool{rule.Safe: true, rule.Structural: true}

// BenchmarkCheck is `itilint check`: find, read, decode, parse, every rule
// with the full pack, the course-level rules.
func BenchmarkCheck(b *testing.B) { benchRun(b, Config{Check: true}) }

// BenchmarkFix is `itilint fix`: the bounded fix loop with safe and
// structural fixes (writing excluded).
func BenchmarkFix(b *testing.B) { benchRun(b, Config{FixKinds: cleaning}) }

// BenchmarkRun is `itilint run` without the writing: check, fix, quiz.
func BenchmarkRun(b *testing.B) { benchRun(b, Config{Check: true, Quiz: true, FixKinds: cleaning}) }

// BenchmarkCheckStreamed is `itilint check` as the CLI runs it: streamed
// (Config.Each), nothing kept. Besides MB/s it reports the largest live
// heap seen (peak-heap-MB, sampled every millisecond): with 20 MB and with
// 80 MB of notes it should be the same, the files in flight.
func BenchmarkCheckStreamed(b *testing.B) {
	for _, size := range []int64{20 << 20, 80 << 20} {
		b.Run(fmt.Sprintf("%dMB", size>>20), func(b *testing.B) {
			dir, total := corpus(b, size)
			b.SetBytes(total)
			b.ReportAllocs()
			runtime.GC()
			b.ResetTimer()
			var peak atomic.Uint64
			stop := make(chan struct{})
			sampled := make(chan struct{})
			go func() {
				defer close(sampled)
				sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
				tick := time.NewTicker(time.Millisecond)
				defer tick.Stop()
				for {
					select {
					case <-stop:
						return
					case <-tick.C:
						metrics.Read(sample)
						if v := sample[0].Value.Uint64(); v > peak.Load() {
							peak.Store(v)
						}
					}
				}
			}()
			findings := 0
			for i := 0; i < b.N; i++ {
				_, err := Run(Config{Paths: []string{dir}, Check: true, Each: func(f *result.File, _ *note.Note) {
					findings += len(f.Findings)
				}})
				if err != nil {
					b.Fatal(err)
				}
			}
			close(stop)
			<-sampled
			b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
		})
	}
}
