package pipeline

import (
	"io"
	"os"
	"path/filepath"

	"github.com/itilint/itilint/pipeline/emit"
	"github.com/itilint/itilint/pipeline/load"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/quiz"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/safefile"
)

// A RunSink writes what a whole run (itilint run) makes under its output
// folder Dir: each cleaned copy (under Dir/clean) as its note is cleaned
// (Config.Write); as Config.Each hands it each file, its findings and
// changes to the run report; with the run over (Finish), the question
// bank and the reports. The run streams: no note is kept, and the
// question bank takes what it needs as they pass.
type RunSink struct {
	Dir    string
	report *emit.RunReport
	errs   []error // cleaned copies that could not be written, in course order
}

// NewRunSink starts a sink writing under dir; Close releases it.
func NewRunSink(dir string) (*RunSink, error) {
	rep, err := emit.NewRunReport()
	if err != nil {
		return nil, err
	}
	return &RunSink{Dir: dir, report: rep}, nil
}

// Attach points a run's config at the sink: the cleaned copies laid out
// under Dir/clean and written by Write, the names of the bank and the
// reports kept from them, and every file handed to Each.
func (s *RunSink) Attach(cfg *Config) {
	cfg.OutDir = filepath.Join(s.Dir, "clean")
	cfg.Reserved = []string{s.bankPath(), s.textPath(), s.jsonPath()}
	cfg.Write = WriteCopy
	cfg.Each = s.Each
}

// WriteCopy writes a cleaned copy to out, atomically (safefile.WriteBytes).
func WriteCopy(out string, cleaned *note.Note) error {
	_, err := safefile.WriteBytes(out, cleaned.Text)
	return err
}

func (s *RunSink) bankPath() string { return filepath.Join(s.Dir, "questions.xlsx") }
func (s *RunSink) textPath() string { return filepath.Join(s.Dir, "report.txt") }
func (s *RunSink) jsonPath() string { return filepath.Join(s.Dir, "report.json") }

// Each hands one file to the run report (a cleaned copy that could not be
// written is reported as written nowhere) and keeps its copy's error.
func (s *RunSink) Each(f *result.File, _ *note.Note) {
	if f.OutErr != nil {
		s.errs = append(s.errs, f.OutErr)
	}
	s.report.File(f)
}

// Finish writes the question bank and the reports of the finished run
// res and marks Dir as itilint's output (progress, when set, shows each
// step on a terminal). It returns the files that could not be written,
// the cleaned copies first.
func (s *RunSink) Finish(res *Result, progress io.Writer) []error {
	errs := s.errs
	if _, err := WriteBank(s.bankPath(), res.Bank, progress, "writing the workbook"); err != nil {
		errs = append(errs, err)
	}
	done := Stage(progress, "writing the reports")
	errs = append(errs, s.writeReports(res)...)
	done()
	if err := MarkOutput(s.Dir); err != nil {
		errs = append(errs, err)
	}
	return errs
}

// writeReports writes report.txt and report.json, each atomically: both
// complete, or neither changed. Each error names its file.
func (s *RunSink) writeReports(res *Result) []error {
	text, err := safefile.CreateAtomic(s.textPath())
	if err != nil {
		return []error{err}
	}
	js, err := safefile.CreateAtomic(s.jsonPath())
	if err != nil {
		text.Abort()
		return []error{err}
	}
	if err := s.report.Write(text, js, res.Bank, res.Summary()); err != nil {
		text.Abort()
		js.Abort()
		return []error{err}
	}
	var errs []error
	for _, f := range []*safefile.AtomicFile{text, js} {
		if _, err := f.Commit(); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// Close removes what the run report spilled to disk.
func (s *RunSink) Close() error { return s.report.Close() }

// MarkOutput marks dir as itilint's output (load.OutputMarker), so that a
// later walk of a folder holding it does not read the cleaned copies and
// reports in it as more notes. A folder never written is left alone.
func MarkOutput(dir string) error {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil
	}
	return load.MarkOutput(dir) // its errors name the marker's path
}

// WriteBank writes a run's question bank to path, atomically, in the
// format its extension names (see emit.QuestionFormat), with progress
// showing the step as what on a terminal. The warnings name the questions
// the format left out or shortened; an error names the file.
func WriteBank(path string, bank *quiz.Bank, progress io.Writer, what string) (warnings []emit.BankWarning, err error) {
	done := Stage(progress, what)
	defer done()
	format, err := emit.QuestionFormat(path)
	if err != nil {
		return nil, err
	}
	_, err = safefile.WriteFile(path, func(w io.Writer) error {
		warnings, err = emit.Questions(w, format, bank, emit.QuizOptions{})
		return err
	})
	return warnings, err
}
