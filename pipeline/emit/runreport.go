package emit

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/itilint/itilint/pipeline/quiz"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
)

// A RunReport writes the run's report.txt and report.json from files
// handed over one at a time (pipeline.Config.Each), the same bytes a
// report of every file kept in memory would be.
//
// Both reports list the files before the question bank and the totals,
// which are known only at the end, and a course-level finding that needs
// the whole course (result.File.Late) belongs with its file's others. So each
// file's findings are located (positions on disk, fixes spelled out, so
// its note can go) and spilled to a temporary file; late findings are
// kept aside by path; Write reads the spill back once and writes both
// reports, each straight to its writer (the run's sink gives it files). Memory holds one file's findings
// and the late ones, whatever the size of the course.
type RunReport struct {
	spill *os.File
	buf   *bufio.Writer
	rec   []byte // the record being spilled (appendRecord)
	late  map[string][]located
	files int
	err   error
}

// NewRunReport starts a report.
func NewRunReport() (*RunReport, error) {
	spill, err := os.CreateTemp("", "itilint-report-*.gob")
	if err != nil {
		return nil, fmt.Errorf("run report: %w", err)
	}
	return &RunReport{spill: spill, buf: bufio.NewWriterSize(spill, 64<<10), late: map[string][]located{}}, nil
}

// File adds one file; its note is not used after File returns.
func (r *RunReport) File(f *result.File) {
	if r.err != nil {
		return
	}
	if f.Late {
		r.late[f.Path] = append(r.late[f.Path], slim(locate(*f))...)
		return
	}
	rec := recordOf(f)
	rec.Found = slim(rec.Found)
	rec.Changes = slices.Clone(rec.Changes)
	for i := range rec.Changes {
		rec.Changes[i].Edits = nil // the reports show before and after
	}
	r.files++
	r.rec = appendRecord(r.rec[:0], &rec)
	_, r.err = r.buf.Write(r.rec)
}

// slim drops what the reports do not show of located findings: the raw
// fix, spelled out already.
func slim(found []located) []located {
	for i := range found {
		found[i].Finding.Fix = nil
	}
	return found
}

// Write writes report.txt to text and report.json to js, reading the
// spill back once. Its errors start "run report:"; those of a writer
// that names its file (safefile.AtomicFile) keep the name.
func (r *RunReport) Write(text, js io.Writer, bank *quiz.Bank, s result.Summary) error {
	if r.err != nil {
		return fmt.Errorf("run report: %w", r.err)
	}
	if err := r.buf.Flush(); err != nil {
		return fmt.Errorf("run report: %w", err)
	}
	if _, err := r.spill.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("run report: %w", err)
	}
	if err := r.write(text, js, bank, s); err != nil {
		return fmt.Errorf("run report: %w", err)
	}
	return nil
}

func (r *RunReport) write(text, js io.Writer, bank *quiz.Bank, s result.Summary) error {
	dec := spillReader{r: bufio.NewReaderSize(r.spill, 64<<10)}
	tb, jb := bufio.NewWriterSize(text, 64<<10), bufio.NewWriterSize(js, 64<<10)
	tb.WriteString(reportTextHead)
	jb.WriteString(reportJSONHead)
	for i := range r.files {
		var rec reportRecord
		if err := dec.next(&rec); err != nil {
			return err
		}
		if late := r.late[rec.Path]; len(late) > 0 && !rec.Unreadable {
			// As the run that keeps its files adds them: after the
			// file's own, sorted with them.
			rec.Found = append(rec.Found, late...)
			slices.SortStableFunc(rec.Found, func(a, b located) int { return rule.CompareFindings(a.Finding, b.Finding) })
			delete(r.late, rec.Path)
		}
		writeReportTextFile(tb, &rec)
		if err := writeReportJSONFile(jb, &rec, i == 0); err != nil {
			return err
		}
	}
	var tail strings.Builder
	writeReportTextTail(&tail, bank, s)
	tb.WriteString(tail.String())
	var jtail bytes.Buffer
	if err := writeReportJSONTail(&jtail, r.files > 0, bank, s); err != nil {
		return err
	}
	jb.Write(jtail.Bytes())
	// A writer that failed kept its first error for Flush.
	return errors.Join(tb.Flush(), jb.Flush())
}

// Close removes the spill.
func (r *RunReport) Close() error {
	name := r.spill.Name()
	err := r.spill.Close()
	return errors.Join(err, os.Remove(name))
}
