package check

import (
	"testing"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/testcourse"
)

// BenchmarkTokenizeShuffled measures the tokenizer on text the processor
// has not seen. BenchmarkTokenize reads the sample course again and again,
// and the branch predictor learns its 60 KB by heart: a byte loop runs
// there at twice or more the speed it has on new notes, as every note of
// a real run is. Here the notes are testcourse.Shuffled (the course's
// words drawn at random into 300 notes of about 4 KB: 1.2 MB, too much to
// learn), and they go through tokenize as in a real run.
func BenchmarkTokenizeShuffled(b *testing.B) {
	p, _, _ := parsedCourse(b)
	var shuffled []*note.Note
	size := 0
	for _, buf := range testcourse.Shuffled(b, "../../source", 300, 4096) {
		n, err := note.Decode("shuffled.md", buf)
		if err != nil {
			b.Fatal(err)
		}
		n.Prose()
		shuffled = append(shuffled, n)
		size += len(n.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range shuffled {
			m := newMatched(n, p)
			m.tokenize()
			m.Release()
		}
	}
}
