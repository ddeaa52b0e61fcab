package clean

import (
	"bytes"
	"testing"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/testcourse"
)

// BenchmarkDoubledWordsUnseen runs the doubled-word scan line by line (a
// prose span is about a line) over text the branch predictor has not
// learnt (testcourse.Shuffled): about 0.3 GB/s, where over the sample course
// repeated the same loop runs at about 1 GB/s.
func BenchmarkDoubledWordsUnseen(b *testing.B) {
	notes := testcourse.Shuffled(b, "../../source", 300, 4096)
	var spans [][]note.Span
	size := 0
	for _, t := range notes {
		var ss []note.Span
		for start := 0; start < len(t); {
			end := bytes.IndexByte(t[start:], '\n')
			if end < 0 {
				end = len(t)
			} else {
				end += start
			}
			ss = append(ss, note.Span{Start: start, End: end})
			start = end + 1
		}
		spans = append(spans, ss)
		size += len(t)
	}
	b.SetBytes(int64(size))
	found := 0
	for b.Loop() {
		for i, t := range notes {
			for _, s := range spans[i] {
				doubledWords(t, s, func(int, int, int, int) { found++ })
			}
		}
	}
}
