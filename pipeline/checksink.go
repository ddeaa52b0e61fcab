package pipeline

import (
	"io"

	"github.com/itilint/itilint/pipeline/baseline"
	"github.com/itilint/itilint/pipeline/emit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
	"github.com/itilint/itilint/pipeline/safefile"
)

// A CheckSink takes the files of a check run one at a time, as Config.Each
// hands them (the run streams: each file is checked, filtered by the
// baseline and written out while the next ones are read, and none is
// kept). It drops the findings a baseline accepts, or records every
// finding for a new baseline, notes whether a finding reaches the fail
// threshold, and hands the file to the report.
type CheckSink struct {
	Baseline *baseline.Baseline  // the findings it accepts are dropped; nil for none
	Record   bool                // record the findings in Entries instead of reporting them
	FailOn   rule.Severity       // a finding at or above it sets Failed; 0 for none
	Report   *emit.FindingWriter // receives each file (not when recording)
	Observe  func(*result.File)  // sees every file first; may be nil

	Entries []baseline.Entry // the findings recorded (Record)
	Failed  bool             // a finding reported reached FailOn
}

// Each takes one file.
func (s *CheckSink) Each(f *result.File, _ *note.Note) {
	if s.Observe != nil {
		s.Observe(f)
	}
	if s.Record {
		if f.Note != nil {
			s.Entries = append(s.Entries, baseline.Entries(f.Path, f.Note.Text, f.Findings)...)
		}
		return
	}
	if f.Note != nil {
		f.Findings = s.Baseline.New(f.Path, f.Note.Text, f.Findings)
	}
	for _, x := range f.Findings {
		s.Failed = s.Failed || (s.FailOn != 0 && x.Severity >= s.FailOn)
	}
	s.Report.File(f) // an error sticks and is returned by Close
}

// ReadBaseline reads the baseline file at path, whose findings the sink
// then drops.
func (s *CheckSink) ReadBaseline(path string) error {
	b, err := baseline.Read(path)
	if err != nil {
		return err
	}
	s.Baseline = b
	return nil
}

// WriteBaseline writes the recorded entries to a baseline file at path.
func (s *CheckSink) WriteBaseline(path string) error {
	_, err := safefile.WriteFile(path, func(w io.Writer) error { return baseline.WriteEntries(w, s.Entries) })
	return err
}
