// Package edit owns the one way a note's bytes change: an Edit replaces a
// byte range of the text, and Apply applies a set of edits at once.
//
// Every cleaner repair and every terminology fix is expressed as edits, so a
// change can always be traced to the finding that asked for it.
package edit

import (
	"fmt"
	"sort"
)

// An Edit replaces the bytes src[Start:End] with New. An insertion has
// Start == End; a deletion has New == "".
type Edit struct {
	Start, End int
	New        string
}

// Apply returns a copy of src with edits applied. Edits are sorted stably by
// position; two edits that overlap, or an edit outside src, are an error and
// nothing is applied. Two insertions at the same offset are applied in the
// order given.
func Apply(src []byte, edits []Edit) ([]byte, error) {
	if len(edits) == 0 {
		return append([]byte(nil), src...), nil
	}
	sorted, err := Sort(edits, len(src))
	if err != nil {
		return nil, err
	}
	size := len(src)
	for _, e := range sorted {
		size += len(e.New) - (e.End - e.Start)
	}
	out := make([]byte, 0, size)
	last := 0
	for _, e := range sorted {
		out = append(out, src[last:e.Start]...)
		out = append(out, e.New...)
		last = e.End
	}
	return append(out, src[last:]...), nil
}

// Sort returns the edits ordered by position and checks that they lie within
// a text of length size and do not overlap.
func Sort(edits []Edit, size int) ([]Edit, error) {
	sorted := append([]Edit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Start != sorted[j].Start {
			return sorted[i].Start < sorted[j].Start
		}
		return sorted[i].End < sorted[j].End
	})
	prevEnd := 0
	for i, e := range sorted {
		if e.Start < 0 || e.End < e.Start || e.End > size {
			return nil, fmt.Errorf("edit [%d,%d) out of range for text of %d bytes", e.Start, e.End, size)
		}
		if i > 0 && e.Start < prevEnd {
			p := sorted[i-1]
			return nil, fmt.Errorf("edits [%d,%d) and [%d,%d) overlap", p.Start, p.End, e.Start, e.End)
		}
		prevEnd = e.End
	}
	return sorted, nil
}

// Overlaps reports whether two sets of edits touch a common byte, insert at
// the same place, or one inserts inside a range the other replaces; such
// sets cannot be applied in one round.
func Overlaps(a, b []Edit) bool {
	for _, x := range a {
		for _, y := range b {
			if conflict(x, y) {
				return true
			}
		}
	}
	return false
}

// conflict: the ranges share a byte (which also catches an insertion
// strictly inside the other's range), or both insert at one place, where
// their order would be a guess.
func conflict(x, y Edit) bool {
	if x.Start < y.End && y.Start < x.End {
		return true
	}
	return x.Start == x.End && y.Start == y.End && x.Start == y.Start
}
