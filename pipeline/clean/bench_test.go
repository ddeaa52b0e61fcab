package clean_test

import (
	"testing"

	"github.com/itilint/itilint/pipeline/clean"
	"github.com/itilint/itilint/pipeline/lint"
	"github.com/itilint/itilint/pipeline/note"
)

// BenchmarkClean runs the whole fix loop with the formatting rules (safe and
// structural fixes) over the sample course, repeated to about 20 MB:
//
//	go test -run XXX -bench Clean -benchtime 3x ./pipeline/clean/
func BenchmarkClean(b *testing.B) {
	p := defaultPack(b)
	course := corpus(b, "../../source")
	const target = 20 << 20
	var texts [][]byte
	size := 0
	for size < target {
		for _, n := range course {
			texts = append(texts, n.Text)
			size += len(n.Text)
		}
	}
	opts := lint.FixOptions{Options: lint.Options{Pack: p, Only: onlyClean()}, Kinds: cleanKinds}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			n := note.New("bench.md", append([]byte(nil), t...))
			if _, err := lint.Fix(n, opts); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkCheck runs the formatting rules once over the same course, to
// separate finding from fixing.
func BenchmarkCheck(b *testing.B) {
	p := defaultPack(b)
	course, size := sampleCourse(b)
	opts := lint.Options{Pack: p, Only: onlyClean()}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, n := range course {
			lint.Check(note.New("bench.md", n.Text), opts)
		}
	}
}

// BenchmarkRule runs each formatting rule alone over the sample course,
// the notes parsed and their shared analysis done before the timer starts
// (so the word-break rules, which share one cached analysis, show only
// their reporting):
//
//	go test -run XXX -bench 'Rule/' ./pipeline/clean/
func BenchmarkRule(b *testing.B) {
	p := defaultPack(b)
	course, size := sampleCourse(b)
	for _, n := range course {
		lint.Check(n, lint.Options{Pack: p, Only: onlyClean()}) // parse and analyse once
	}
	for _, r := range clean.Rules {
		b.Run(r.ID, func(b *testing.B) {
			opts := lint.Options{Pack: p, Only: map[string]bool{r.ID: true}}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, n := range course {
					lint.Check(n, opts)
				}
			}
		})
	}
}

// sampleCourse is the sample course (source/) and its size in bytes.
func sampleCourse(b *testing.B) ([]*note.Note, int) {
	course := corpus(b, "../../source")
	size := 0
	for _, n := range course {
		size += len(n.Text)
	}
	return course, size
}
