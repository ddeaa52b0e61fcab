package emit

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/quiz"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
)

// reportFiles are testFiles with what a cleaning run changed.
func reportFiles(t testing.TB) []result.File {
	files := testFiles(t)
	files[0].Out = "out/clean/01-key-concepts/value.md"
	files[0].Changes = []rule.Change{
		{Rule: "double-space", Kind: rule.Safe, Message: "use one space", Pos: note.Position{Line: 3, Col: 8}, Line: 3, Before: "  ", After: " "},
		{Rule: "split-word", Kind: rule.Structural, Message: "join the word split\nacross lines", Pos: note.Position{Line: 4, Col: 1}, Line: 4, Before: "co-\ncreate", After: "co-create"},
		{Rule: "nbsp", Kind: rule.Safe, Message: "plain space", Line: 5, Before: "not\u00a0six\t", After: "not six"},
	}
	files[1].Out = "out/clean/my notes/crlf, v2.md"
	return files
}

var reportSummary = result.Summary{Notes: 3, Unreadable: 1, Errors: 1, Warnings: 2, Suggestions: 2, Fixes: 3, Questions: 5, Seconds: 1.234}

func TestReportGolden(t *testing.T) {
	for _, tc := range []struct {
		name  string
		write func(*bytes.Buffer, *quiz.Bank) error
	}{
		{"report.txt", func(b *bytes.Buffer, bank *quiz.Bank) error {
			return reportText(b, reportFiles(t), bank, reportSummary)
		}},
		{"report.json", func(b *bytes.Buffer, bank *quiz.Bank) error {
			return reportJSON(b, reportFiles(t), bank, reportSummary)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tc.write(&buf, testBank()); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name+".golden", buf.Bytes())
			if strings.Contains(buf.String(), "1.23") {
				t.Error("the report holds the run time; it must be reproducible")
			}
			var noBank bytes.Buffer
			if err := tc.write(&noBank, nil); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(noBank.String(), "definition") {
				t.Error("a run without a bank reports one")
			}
		})
	}
}

func TestReportJSONShape(t *testing.T) {
	var buf bytes.Buffer
	if err := reportJSON(&buf, reportFiles(t), testBank(), reportSummary); err != nil {
		t.Fatal(err)
	}
	var r jsonReport
	dec := json.NewDecoder(&buf)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		t.Fatal(err)
	}
	if len(r.Files) != 4 || len(r.Files[0].Findings) != 4 || len(r.Files[0].Changes) != 3 || r.Files[3].Error == "" {
		t.Fatalf("files %+v", r.Files)
	}
	if c := r.Files[0].Changes[2]; c.Line != 5 || c.Column != 0 || c.Before != "not\u00a0six\t" {
		t.Errorf("change %+v", c)
	}
	want := reportSummary
	want.Seconds = 0
	if r.Totals != want {
		t.Errorf("totals %+v, want %+v", r.Totals, want)
	}
	if r.Questions.Total != 5 || len(r.Questions.ByType) != 5 || r.Questions.ByType[0].Type != quiz.TypeDefinition || r.Questions.Dropped["too-similar"] != 2 {
		t.Errorf("questions %+v", r.Questions)
	}
}

func TestSummaryLineForTerminal(t *testing.T) {
	got := SummaryLine(reportSummary)
	want := "3 notes: 1 error, 2 warnings, 2 suggestions; 3 fixes applied; 5 questions; 1 file could not be read (1.23 s)"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestDiff(t *testing.T) {
	before := []byte("# Title\n\nService  value.\nSame.\n")
	after := []byte("# Title\n\nService value.\nSame.\n")
	got := Diff("source/a b.md", before, after)
	golden(t, "diff.golden", []byte(got))
	if !strings.HasPrefix(got, "--- a/source/a b.md\n+++ b/source/a b.md\n") {
		t.Errorf("headers: %q", got)
	}
	if Diff("x.md", before, before) != "" {
		t.Error("diff of equal texts is not empty")
	}
	// Hunks after one that removes lines are numbered on both sides as
	// diff -u numbers them (go-udiff got the new side wrong).
	var old, cur strings.Builder
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&old, "line %d\n", i)
		if i == 2 || i == 3 {
			continue // removed
		}
		if i == 20 {
			cur.WriteString("changed\n")
			continue
		}
		fmt.Fprintf(&cur, "line %d\n", i)
	}
	hunks := Diff("x.md", []byte(old.String()), []byte(cur.String()))
	if !strings.Contains(hunks, "@@ -1,6 +1,4 @@") || !strings.Contains(hunks, "@@ -17,7 +15,7 @@") {
		t.Errorf("hunk headers:\n%s", hunks)
	}
	noEOL := Diff("x.md", []byte("a\nb"), []byte("a\nc"))
	if !strings.Contains(noEOL, "\\ No newline at end of file") {
		t.Errorf("missing end-of-file marker:\n%s", noEOL)
	}
}

// TestRunReportStreamed: the reports written from files handed over one
// at a time, with a course-level finding arriving after every file, are
// the bytes reportText and reportJSON write from the files kept, the late
// finding with its file's others.
func TestRunReportStreamed(t *testing.T) {
	kept := reportFiles(t)
	streamed := reportFiles(t)
	first := kept[0]
	s, e := at(t, string(first.Note.Text), "co-create")
	lateFinding := rule.Finding{Rule: "term-consistency", Severity: rule.Suggestion, Message: "one spelling", Start: s, End: e}
	kept[0].Findings = append(append([]rule.Finding(nil), first.Findings...), lateFinding)
	rule.SortFindings(kept[0].Findings)
	streamed = append(streamed, result.File{Path: first.Path, Note: first.Note, Late: true, Findings: []rule.Finding{lateFinding}})

	rep, err := NewRunReport()
	if err != nil {
		t.Fatal(err)
	}
	defer rep.Close()
	for i := range streamed {
		rep.File(&streamed[i])
	}
	var txt, js bytes.Buffer
	if err := rep.Write(&txt, &js, testBank(), reportSummary); err != nil {
		t.Fatal(err)
	}
	var wantText, wantJSON bytes.Buffer
	if err := reportText(&wantText, kept, testBank(), reportSummary); err != nil {
		t.Fatal(err)
	}
	if err := reportJSON(&wantJSON, kept, testBank(), reportSummary); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct{ got, want []byte }{"report.txt": {txt.Bytes(), wantText.Bytes()}, "report.json": {js.Bytes(), wantJSON.Bytes()}} {
		if !bytes.Equal(c.got, c.want) {
			t.Errorf("%s:\n%s\nwant:\n%s", name, c.got, c.want)
		}
		if !strings.Contains(string(c.got), "term-consistency") {
			t.Errorf("%s: the late finding is missing", name)
		}
	}
}

// reportText writes the run report for people (out/report.txt): per file its
// findings and the changes the cleaner made, then the question bank, then
// the totals, from files kept in memory, as RunReport writes it from
// files handed over one at a time. bank may be nil.
func reportText(w io.Writer, files []result.File, bank *quiz.Bank, s result.Summary) error {
	var b strings.Builder
	b.WriteString(reportTextHead)
	for i := range files {
		r := recordOf(&files[i])
		writeReportTextFile(&b, &r)
	}
	writeReportTextTail(&b, bank, s)
	_, err := io.WriteString(w, b.String())
	return err
}

// reportJSON writes the run report for programs (out/report.json): the
// same content as reportText, findings in the json findings format.
func reportJSON(w io.Writer, files []result.File, bank *quiz.Bank, s result.Summary) error {
	var b bytes.Buffer
	b.WriteString(reportJSONHead)
	bw := bufio.NewWriter(&b)
	for i := range files {
		r := recordOf(&files[i])
		if err := writeReportJSONFile(bw, &r, i == 0); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := writeReportJSONTail(&b, len(files) > 0, bank, s); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}
