package main

import (
	"io"

	"github.com/itilint/itilint/pipeline/baseline"
	"github.com/itilint/itilint/pipeline/emit"
)

// writeBaseline records the baseline entries gathered from a run.
func writeBaseline(path string, entries []baseline.Entry) error {
	_, err := emit.WriteFile(path, func(w io.Writer) error { return baseline.WriteEntries(w, entries) })
	return err
}

// baselineEntries are the entries of one readable file's findings.
func baselineEntries(f *emit.File) []baseline.Entry {
	if f.Note == nil {
		return nil
	}
	return baseline.Entries(f.Path, f.Note.Text, f.Findings)
}

// applyBaseline drops from one readable file the findings b accepts.
func applyBaseline(b *baseline.Baseline, f *emit.File) {
	if f.Note != nil {
		f.Findings = b.New(f.Path, f.Note.Text, f.Findings)
	}
}
