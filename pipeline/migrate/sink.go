package migrate

import (
	"bufio"
	"io"

	"github.com/itilint/itilint/pipeline/emit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
)

// A Sink takes the files of a migration run one at a time, as the
// pipeline's Config.Each hands them: it adds the section findings, notes
// whether any reaches FailOn, then renames (Fix), shows the renames
// (Diff), hands the file to Report, or keeps its findings for the Markdown
// report.
type Sink struct {
	M      *Migration
	FailOn rule.Severity       // a finding at or above it sets Failed; 0 for none
	Fix    bool                // apply the renames to the inputs, in place
	Diff   bool                // print the renames as a unified diff to W instead
	W      io.Writer           // the diffs
	Report *emit.FindingWriter // receives each file when not fixing; nil for md

	Errs []error // files that could not be renamed
	// Notices say which files were written in place rather than
	// replaced, and why (see safefile.Rewrite).
	Notices          []string
	Renames, Renamed int  // renames applied, and in how many files
	Failed           bool // a finding reached FailOn
}

// Each takes one analysed file.
func (s *Sink) Each(f *result.File, _ *note.Note) {
	if f.Note == nil || f.Late {
		if s.Report != nil {
			s.Report.File(f)
		}
		return
	}
	m := s.M
	m.notes++
	m.cover(f.Note.Text)
	f.Findings = m.sectionFindings(f.Note, f.Findings)
	rule.SortFindings(f.Findings)
	for _, x := range f.Findings {
		s.Failed = s.Failed || (s.FailOn != 0 && x.Severity >= s.FailOn)
	}
	switch {
	case s.Fix || s.Diff:
		n, err := s.rename(f)
		if err != nil {
			s.Errs = append(s.Errs, err)
		}
		if n > 0 {
			s.Renames += n
			s.Renamed++
		}
	case s.Report != nil:
		s.Report.File(f)
	default:
		m.collect(f)
	}
}

// WriteReport writes the migration's report in format to w: findings is
// what the sink's Report wrote (text, json and sarif), to which the text
// and json reports add the syllabus areas not covered yet; md is written
// from the findings the sink kept.
func (m *Migration) WriteReport(w io.Writer, format string, findings []byte) error {
	bw := bufio.NewWriter(w)
	switch format {
	case "text":
		bw.Write(findings)
		m.writeUncoveredText(bw)
	case "json":
		m.writeJSON(bw, findings)
	case "sarif":
		bw.Write(findings)
	case "md":
		m.writeMarkdown(bw)
	}
	return bw.Flush()
}

// Target is the pack of the edition migrated to, as the run checks with
// it (its history phrases dropped: see New).
func (m *Migration) Target() *pack.Pack { return m.to }
