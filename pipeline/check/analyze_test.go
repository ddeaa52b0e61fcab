package check

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
)

// BenchmarkAnalyze measures the analysis alone over the sample course:
// the notes are parsed (blocks and prose spans) before the timer starts,
// and each iteration analyses every note afresh, bypassing the memo.
func BenchmarkAnalyze(b *testing.B) {
	p, err := pack.Default()
	if err != nil {
		b.Fatal(err)
	}
	var notes []*note.Note
	size := 0
	_ = filepath.WalkDir(filepath.Join("..", "..", "source"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".txt")) {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		n, err := note.Decode(path, data)
		if err != nil {
			b.Fatal(err)
		}
		for _, bl := range n.Blocks() {
			n.BlockProse(bl)
		}
		notes = append(notes, n)
		size += len(n.Text)
		return nil
	})
	if len(notes) == 0 {
		b.Skip("no sample course in source/")
	}
	compile(p)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range notes {
			an := newAnalyzer(n, p)
			an.run()
			an.release()
		}
	}
}
