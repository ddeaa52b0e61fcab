// Package emit owns every writer: findings (text, json, sarif, github,
// junit, checkstyle), the run report, cleaned notes and question banks
// (xlsx, csv, gift, moodle xml, aiken, kahoot, markdown worksheet). Writers
// are deterministic: the same input gives the same bytes.
package emit

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
	// Late marks findings of course-level rules that needed the whole
	// course, sent after every file by a streamed run: the file itself was
	// sent before.
	Late bool
}

// Formats of findings, as --format names them.
var FindingFormats = []string{"text", "json", "sarif", "github", "junit", "checkstyle"}
