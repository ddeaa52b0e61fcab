package main

import (
	"io"

	"github.com/itilint/itilint/pipeline/baseline"
	"github.com/itilint/itilint/pipeline/emit"
)

// writeBaseline records the findings of every readable file.
func writeBaseline(path string, files []emit.File) error {
	var bf []baseline.File
	for _, f := range files {
		if f.Note != nil {
			bf = append(bf, baseline.File{Path: f.Path, Text: f.Note.Text, Findings: f.Findings})
		}
	}
	_, err := emit.WriteFile(path, func(w io.Writer) error { return baseline.Write(w, bf) })
	return err
}

// applyBaseline drops the findings the baseline file accepts.
func applyBaseline(path string, files []emit.File) error {
	b, err := baseline.Read(path)
	if err != nil {
		return err
	}
	for i := range files {
		if f := &files[i]; f.Note != nil {
			f.Findings = b.New(f.Path, f.Note.Text, f.Findings)
		}
	}
	return nil
}
