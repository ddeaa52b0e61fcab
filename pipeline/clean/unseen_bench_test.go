package clean

import (
	"bytes"
	"testing"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/testcourse"
)

// BenchmarkProseScanUnseen runs the prose scan (lowercase-i, doubled-word,
// space-before-punctuation) line by line (a prose span is about a line)
// over text the branch predictor has not learnt (testcourse.Shuffled): over
// the sample course repeated, the predictor learns the text and the byte
// loops look faster than they are on new notes.
func BenchmarkProseScanUnseen(b *testing.B) {
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
	var sc proseScan
	for b.Loop() {
		for i, t := range notes {
			sc.pronouns, sc.doubled, sc.marks = sc.pronouns[:0], sc.doubled[:0], sc.marks[:0]
			for _, s := range spans[i] {
				sc.span(t, s)
			}
		}
	}
}
