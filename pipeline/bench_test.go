package pipeline

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/itilint/itilint/pipeline/rule"
)

// corpus copies the sample course (source/) into a temporary folder as many
// times as it takes to reach about size bytes, and returns the folder and
// its byte count.
func corpus(b *testing.B, size int64) (string, int64) {
	b.Helper()
	var files []string
	var course int64
	filepath.WalkDir("../source", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
			info, _ := d.Info()
			course += info.Size()
		}
		return err
	})
	if course == 0 {
		b.Skip("no sample course in ../source")
	}
	dir := b.TempDir()
	var total int64
	for copyN := 0; total < size; copyN++ {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			rel, _ := filepath.Rel("../source", f)
			dst := filepath.Join(dir, "copy"+string(rune('a'+copyN%26))+string(rune('a'+copyN/26)), rel)
			os.MkdirAll(filepath.Dir(dst), 0o755)
			if err := os.WriteFile(dst, data, 0o644); err != nil {
				b.Fatal(err)
			}
			total += int64(len(data))
		}
	}
	return dir, total
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
