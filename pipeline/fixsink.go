package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/itilint/itilint/pipeline/emit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/safefile"
)

// FixMode says what a fix run does with each cleaned note.
type FixMode int

const (
	FixToOut   FixMode = iota // write a cleaned copy to the file's Out (see Config.OutDir)
	FixInPlace                // rewrite the inputs that change (atomically; others untouched)
	FixDiff                   // print a unified diff of the notes that change
	FixCheck                  // print which notes would change, write nothing
)

// A FixSink takes the files of a fix run one at a time, as Config.Each
// hands them (the run streams: each note is written or diffed as soon as
// it is cleaned, and none is kept), and writes, diffs or checks them.
type FixSink struct {
	Mode FixMode
	W    io.Writer // diffs, check lines, and a cleaned note of standard input
	// StdinPath names a note read from standard input; in FixToOut and
	// FixInPlace it goes back to W, cleaned, as Prettier and ESLint --fix
	// do.
	StdinPath string
	// OutDir is the output folder of FixToOut, marked as itilint's output
	// by Finish once a cleaned copy went there.
	OutDir string

	// ForceReadOnly rewrites read-only inputs too (FixInPlace), keeping
	// their mode; without it they are refused.
	ForceReadOnly bool

	Changed  []string // the notes the fixes change, in course order
	Written  int      // the files written
	WroteOut bool     // a cleaned copy went to an output folder
	Errs     []error  // files that could not be written
	// Notices say which inputs were written in place rather than
	// replaced, and why (FixInPlace).
	Notices []string
}

// Each takes one file and its cleaned note.
func (s *FixSink) Each(f *result.File, n *note.Note) {
	if f.Note == nil || n == nil {
		return
	}
	differs := !bytes.Equal(n.Text, f.Note.Text)
	if differs {
		s.Changed = append(s.Changed, f.Path)
	}
	switch {
	case f.Path == s.StdinPath && (s.Mode == FixToOut || s.Mode == FixInPlace):
		if _, err := s.W.Write(f.Note.Encode(n.Text)); err != nil {
			s.Errs = append(s.Errs, err)
		}
	case s.Mode == FixToOut:
		s.writeOut(f, n)
	case !differs:
	case s.Mode == FixDiff:
		fmt.Fprint(s.W, emit.Diff(f.Path, f.Note.Text, n.Text))
	case s.Mode == FixCheck:
		fixes := "fixes"
		if len(f.Changes) == 1 {
			fixes = "fix"
		}
		fmt.Fprintf(s.W, "%s: would change (%d %s)\n", f.Path, len(f.Changes), fixes)
	case s.Mode == FixInPlace:
		s.rewrite(f, n)
	}
}

// Finish marks the output folder as itilint's output when a cleaned copy
// went there (see MarkOutput), and returns the files that could not be
// written.
func (s *FixSink) Finish() []error {
	errs := s.Errs
	if s.WroteOut {
		if err := MarkOutput(s.OutDir); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// writeOut writes the cleaned copy of f to its place in the output folder
// (none when the layout refused it: see Result.Refused).
func (s *FixSink) writeOut(f *result.File, n *note.Note) {
	if f.Out == "" {
		return
	}
	wrote, err := safefile.WriteBytes(f.Out, n.Text)
	if err != nil {
		s.Errs = append(s.Errs, err)
	} else if wrote {
		s.Written++
	}
	s.WroteOut = true
}

// rewrite writes the cleaned note over its input, in the input's encoding.
func (s *FixSink) rewrite(f *result.File, n *note.Note) {
	if f.Note.DiskLines != nil {
		s.Errs = append(s.Errs, fmt.Errorf("%s: a transcript is converted to Markdown, not rewritten in place; use --out", f.Path))
		return
	}
	done, err := safefile.Rewrite(f.Path, f.Note.Encode(n.Text), safefile.RewriteOptions{ReadOnly: s.ForceReadOnly})
	var ro *safefile.ReadOnlyError
	switch {
	case errors.As(err, &ro):
		s.Errs = append(s.Errs, fmt.Errorf("%w (--force-readonly rewrites it, keeping its mode)", err))
		return
	case err != nil:
		s.Errs = append(s.Errs, err)
		return
	case done.InPlace:
		s.Notices = append(s.Notices, fmt.Sprintf("%s: written in place: %s", f.Path, done.Why))
	}
	if done.Changed {
		s.Written++
	}
}
