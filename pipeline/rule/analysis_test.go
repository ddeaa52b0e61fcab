package rule

import (
	"testing"

	"github.com/itilint/itilint/pipeline/note"
)

// counted is an analysis result that counts how often it was computed
// and whether it was released.
type counted struct {
	runs     int
	released bool
}

func (c *counted) Release() { c.released = true }

// A testPack stands for a rule pack, which package rule never reads.
type testPack struct{ name string }

func (*testPack) RulePack() {}

// TestAnalysisOncePerNoteAndPack checks that an analysis is computed once
// per note and pack, whichever rule asks, and released with the note's
// structure.
func TestAnalysisOncePerNoteAndPack(t *testing.T) {
	runs := 0
	a := &Analysis[*counted]{Name: "count", Run: func(*note.Note, Pack) *counted {
		runs++
		return &counted{runs: runs}
	}}
	n := note.New("a.md", []byte("Some text.\n"))
	p1, p2 := &testPack{"one"}, &testPack{"two"} // rule never reads them
	r1, r2 := &Rule{ID: "one"}, &Rule{ID: "two"}
	first := ResultOf(NewPass(n, p1, r1, nil), a)
	if again := ResultOf(NewPass(n, p1, r2, nil), a); again != first || runs != 1 {
		t.Fatalf("a second rule got result %d after %d runs, want the first after 1", again.runs, runs)
	}
	if other := a.Of(n, p2); other == first || runs != 2 {
		t.Fatalf("another pack got the first pack's result, or no new run (%d runs)", runs)
	}
	n.Compact()
	if !first.released {
		t.Error("the result was not released when the note compacted its structure")
	}
	if after := a.Of(n, p1); after == first || runs != 3 {
		t.Errorf("after Compact the old result came back (%d runs)", runs)
	}
}
