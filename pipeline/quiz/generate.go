package quiz

import (
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
)

// Options control generation.
type Options struct {
	Count  int      // 0 = every question that passes the checks
	Seed   int64    // shuffles options; same seed, same bytes
	Types  []string // empty = all
	Topics []string // topic IDs; empty = all
}

// Generate builds the question bank from notes (cleaned, in course order).
func Generate(notes []*note.Note, p *pack.Pack, opts Options) *Bank {
	return &Bank{Generated: map[string]int{}, Dropped: map[string]int{}}
}
