package check

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/itilint/itilint/pipeline/note"
)

// BenchmarkTokenizeShuffled measures the tokenizer on text the processor
// has not seen. BenchmarkTokenize reads the sample course again and again,
// and the branch predictor learns its 60 KB by heart: a byte loop runs
// there at twice or more the speed it has on new notes, as every note of
// a real run is. Here the course's words are shuffled, with a fixed seed,
// into about 300 notes of about 4 KB (1.2 MB, too much to learn), a line
// break every 12 words or so and a blank line every 6 lines, and the
// notes go through tokenize as in a real run.
func BenchmarkTokenizeShuffled(b *testing.B) {
	p, notes, _ := parsedCourse(b)
	var words [][]byte
	for _, n := range notes {
		words = append(words, bytes.Fields(n.Text)...)
	}
	rng := rand.New(rand.NewPCG(7, 11))
	var shuffled []*note.Note
	size := 0
	for range 300 {
		var buf []byte
		for line := 0; len(buf) < 4096; line++ {
			for k := 8 + rng.IntN(9); k > 0; k-- {
				buf = append(buf, words[rng.IntN(len(words))]...)
				buf = append(buf, ' ')
			}
			buf[len(buf)-1] = '\n'
			if line%6 == 5 {
				buf = append(buf, '\n')
			}
		}
		n, err := note.Decode("shuffled.md", buf)
		if err != nil {
			b.Fatal(err)
		}
		for _, bl := range n.Blocks() {
			n.BlockProse(bl)
		}
		shuffled = append(shuffled, n)
		size += len(n.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range shuffled {
			an := newAnalyzer(n, p)
			an.tokenize()
			an.release()
		}
	}
}
