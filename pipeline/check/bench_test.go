package check_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/check"
	"github.com/itilint/itilint/pipeline/lint"
	"github.com/itilint/itilint/pipeline/note"
)

// courseText reads the Markdown and text notes of the sample course.
func courseText(b *testing.B) [][]byte {
	b.Helper()
	var out [][]byte
	root := filepath.Join("..", "..", "source")
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".txt")) {
			return nil
		}
		if data, err := os.ReadFile(p); err == nil {
			out = append(out, data)
		}
		return nil
	})
	if len(out) == 0 {
		b.Fatal("no sample course in source/")
	}
	return out
}

// benchCheck checks the sample course repeated to about 20 MB. Every
// iteration decodes fresh notes, so parsing and analysis are measured,
// not cached results.
func benchCheck(b *testing.B, only map[string]bool) {
	texts := courseText(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	reps := max(1, 20<<20/size)
	p := defaultPack(b)
	b.SetBytes(int64(size * reps))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for r := 0; r < reps; r++ {
			for _, t := range texts {
				n, err := note.Decode("bench.md", t)
				if err != nil {
					b.Fatal(err)
				}
				lint.Check(n, lint.Options{Pack: p, Only: only})
			}
		}
	}
}

// BenchmarkCheckAllRules runs lint.Check with every rule (formatting and
// pack-driven) and the full pack.
func BenchmarkCheckAllRules(b *testing.B) { benchCheck(b, nil) }

// BenchmarkCheckPackRules runs only the rules of this package.
func BenchmarkCheckPackRules(b *testing.B) { benchCheck(b, only()) }

// BenchmarkCheckText measures the analysis alone on one parsed note.
func BenchmarkCheckText(b *testing.B) {
	texts := courseText(b)
	p := defaultPack(b)
	joined := string(texts[0])
	b.SetBytes(int64(len(joined)))
	b.ReportAllocs()
	for b.Loop() {
		check.Text(p, joined)
	}
}
