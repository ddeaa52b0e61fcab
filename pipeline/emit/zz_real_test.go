package emit_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/itilint/itilint/pipeline"
	"github.com/itilint/itilint/pipeline/emit"
	"github.com/itilint/itilint/pipeline/lint"
	"github.com/itilint/itilint/pipeline/rule"
)

func TestRealSource(t *testing.T) {
	res, err := pipeline.Run(pipeline.Config{Paths: []string{"../../source"}, Check: true, Quiz: true,
		FixKinds: map[rule.FixKind]bool{rule.Safe: true, rule.Structural: true}})
	if err != nil {
		t.Fatal(err)
	}
	dir := "/tmp/emitreal"
	os.MkdirAll(dir, 0o755)
	for _, f := range emit.FindingFormats {
		out, _ := os.Create(filepath.Join(dir, "findings."+f))
		if err := emit.Findings(out, f, res.Files, lint.Rules()); err != nil {
			t.Error(f, err)
		}
		out.Close()
	}
	s := res.Summary()
	t.Log(s.Line())
	emit.WriteFile(filepath.Join(dir, "report.txt"), func(w io.Writer) error { return emit.ReportText(w, res.Files, res.Bank, s) })
	emit.WriteFile(filepath.Join(dir, "report.json"), func(w io.Writer) error { return emit.ReportJSON(w, res.Files, res.Bank, s) })
	for _, ext := range []string{".xlsx", ".kahoot.xlsx", ".csv", ".gift", ".xml", ".aiken.txt", ".md"} {
		w, err := emit.Questions(filepath.Join(dir, "questions"+ext), res.Bank, emit.QuizOptions{})
		if err != nil {
			t.Error(ext, err)
		}
		t.Log(ext, len(w), "warnings")
	}
}
