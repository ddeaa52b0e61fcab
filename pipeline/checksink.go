package pipeline

import (
	"fmt"
	"io"
	"os"

	"github.com/itilint/itilint/pipeline/baseline"
	"github.com/itilint/itilint/pipeline/emit"
	"github.com/itilint/itilint/pipeline/load"
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
	// Only a regular file: a named pipe would block the read, and a link
	// to a device (/dev/zero) would never end it.
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		return fmt.Errorf("baseline: %s: %s, not a regular file", path, load.KindOf(info.Mode()))
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("baseline: %s: %w", path, load.Cause(err))
	}
	b, err := baseline.Parse(data)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	s.Baseline = b
	return nil
}

// WriteBaseline writes the recorded entries to a baseline file at path.
func (s *CheckSink) WriteBaseline(path string) error {
	_, err := safefile.WriteFile(path, func(w io.Writer) error { return baseline.WriteEntries(w, s.Entries) })
	return err
}
