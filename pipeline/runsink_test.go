package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/emit"
	"github.com/itilint/itilint/pipeline/load"
	"github.com/itilint/itilint/pipeline/quiz"
	"github.com/itilint/itilint/pipeline/rule"
	"github.com/itilint/itilint/pipeline/testcourse"
)

// TestRunSink: a streamed run through a RunSink leaves under its folder
// the cleaned copy of every readable note, the question bank, both
// reports naming the notes, and the output mark; and nothing else.
func TestRunSink(t *testing.T) {
	src := testcourse.Tree(t, map[string]string{
		"a.md":   "#   Value\n\nValue is the perceived benefits, usefulness and importance of something.\n",
		"b.txt":  "An incident is an unplanned interruption to a service.  \n",
		"bad.md": "bin\x00ary",
	})
	out := filepath.Join(t.TempDir(), "out")
	sink, err := NewRunSink(out)
	if err != nil {
		t.Fatal(err)
	}
	defer sink.Close()
	cfg := Config{Paths: []string{src}, Check: true, Quiz: true,
		FixKinds: map[rule.FixKind]bool{rule.Safe: true, rule.Structural: true}}
	sink.Attach(&cfg)
	res, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if errs := sink.Finish(res, nil); len(errs) > 0 {
		t.Fatalf("write errors: %v", errs)
	}
	if len(res.Files) != 0 || len(res.Errors) != 1 {
		t.Errorf("the run kept %d files (want none: it streams) and met %d errors (want the binary file)", len(res.Files), len(res.Errors))
	}
	var got []string
	filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(out, path)
			got = append(got, filepath.ToSlash(rel))
		}
		return nil
	})
	want := []string{load.OutputMarker, "clean/a.md", "clean/b.md", "questions.xlsx", "report.json", "report.txt"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("wrote %q, want %q", got, want)
	}
	if copy, _ := os.ReadFile(filepath.Join(out, "clean", "a.md")); !strings.HasPrefix(string(copy), "# Value\n") {
		t.Errorf("a.md's copy starts %q, want the heading cleaned", copy)
	}
	for _, report := range []string{"report.txt", "report.json"} {
		text, _ := os.ReadFile(filepath.Join(out, report))
		if !strings.Contains(string(text), "a.md") || !strings.Contains(string(text), "b.txt") {
			t.Errorf("%s does not name both notes:\n%s", report, text)
		}
	}
}

// TestWriteBank: the bank goes to its file whole, in the format its name
// picks, with no temporary file left beside it; an error names the file.
func TestWriteBank(t *testing.T) {
	bank := &quiz.Bank{Questions: []quiz.Question{{ID: "Q1", Type: quiz.TypeDefinition, Stem: "Which is the definition of value?",
		Options: [4]string{"Benefit", "Cost", "Risk", "Output"}, Answer: 0}}}
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "bank.gift")
	if _, err := WriteBank(path, bank, nil, ""); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if _, err := emit.Questions(&want, "gift", bank, emit.QuizOptions{}); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("file differs from what Questions formats (err %v)", err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if _, err := WriteBank(filepath.Join(dir, "bank.pdf"), bank, nil, ""); err == nil || !strings.Contains(err.Error(), "bank.pdf") {
		t.Errorf("an unknown format: err = %v, want it to name the file", err)
	}
	folder := filepath.Join(dir, "folder.gift")
	os.Mkdir(folder, 0o755)
	if _, err := WriteBank(folder, bank, nil, ""); err == nil || !strings.Contains(err.Error(), folder) {
		t.Errorf("a folder named as a bank: err = %v, want it to name the folder", err)
	}
}

// TestRunSinkCopyNotWritten: a cleaned copy that cannot be written (a
// folder stands at its place) is an error of the run, in course order,
// and the report says it was written nowhere; the other copies are
// written.
func TestRunSinkCopyNotWritten(t *testing.T) {
	src := testcourse.Tree(t, map[string]string{
		"a.md": "An incident is an unplanned interruption to a service.\n",
		"b.md": "A problem is a cause, or potential cause, of one or more incidents.\n",
		"c.md": "A change is the addition, modification or removal of anything.\n",
	})
	out := filepath.Join(t.TempDir(), "out")
	for _, blocked := range []string{"a.md", "c.md"} {
		if err := os.MkdirAll(filepath.Join(out, "clean", blocked), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	sink, err := NewRunSink(out)
	if err != nil {
		t.Fatal(err)
	}
	defer sink.Close()
	cfg := Config{Paths: []string{src}, Check: true, Quiz: true, Workers: 3,
		FixKinds: map[rule.FixKind]bool{rule.Safe: true, rule.Structural: true}}
	sink.Attach(&cfg)
	res, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	errs := sink.Finish(res, nil)
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), "a.md: is a folder") || !strings.Contains(errs[1].Error(), "c.md: is a folder") {
		t.Fatalf("errors %v, want a.md's then c.md's copy refused", errs)
	}
	if _, err := os.Stat(filepath.Join(out, "clean", "b.md")); err != nil {
		t.Errorf("b.md's copy: %v", err)
	}
	report, _ := os.ReadFile(filepath.Join(out, "report.json"))
	if n := strings.Count(string(report), `"out":`); n != 1 {
		t.Errorf("report.json names %d copies written, want 1 (b.md's):\n%s", n, report)
	}
}
