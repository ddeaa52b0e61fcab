// Package result holds what a run makes of its inputs, as the pipeline
// hands it on: a File per input (its note, findings and changes) and the
// Summary of the run. The pipeline fills them; the writers of package
// emit format them; neither the data nor its readers depend on how a run
// is carried out.
package result

import (
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

// A File is one input with what the pipeline found and changed in it.
type File struct {
	Path     string         // as the user named it
	Out      string         // where its cleaned copy was written ("" if none)
	Note     *note.Note     // the input as read; nil when it could not be read
	Findings []rule.Finding // offsets into Note.Text
	Changes  []rule.Change  // applied fixes (run, fix)
	Err      error          // why the file could not be read or written
	// OutErr says why its cleaned copy could not be written to the Out
	// its layout gave it (Out is "" then; see pipeline.Config.Write).
	OutErr error
	// Late marks findings of course-level rules that needed the whole
	// course, sent after every file by a streamed run: the file itself was
	// sent before.
	Late bool
}

// Summary counts what a run did. The pipeline fills it; the reports write
// every count but Seconds, so report files stay byte-reproducible.
type Summary struct {
	Notes       int     `json:"notes"`
	Unreadable  int     `json:"unreadable"`
	Errors      int     `json:"errors"`
	Warnings    int     `json:"warnings"`
	Suggestions int     `json:"suggestions"`
	Fixes       int     `json:"fixes"`
	Questions   int     `json:"questions"`
	Seconds     float64 `json:"-"`
	// Read names what was read when the user named nothing: "source" or
	// "." (the current folder).
	Read string `json:"-"`
}
