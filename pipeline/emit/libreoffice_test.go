//go:build libreoffice

package emit

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestXLSXOpensInLibreOffice converts the workbook to CSV with LibreOffice
// (headless), every sheet, and reads the sheets back: the Questions sheet
// carries no answer, the Answer key sheet every key. It needs LibreOffice
// (soffice), so it is built only with the libreoffice tag:
// go test -tags libreoffice -run LibreOffice ./pipeline/emit (.ci/run
// installs LibreOffice and runs it).
func TestXLSXOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice not found: install LibreOffice (Debian: libreoffice-calc-nogui)")
	}
	dir := t.TempDir()
	bank := testBank()
	var buf bytes.Buffer
	if err := writeXLSX(&buf, bank, QuizOptions{}); err != nil {
		t.Fatal(err)
	}
	xlsx := filepath.Join(dir, "bank.xlsx")
	if err := os.WriteFile(xlsx, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// Filter options: comma, double quote, UTF-8, from row 1, ..., -1 = all
	// sheets, each to bank-SHEET.csv.
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
		"--outdir", dir, xlsx)
	done := make(chan error, 1)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("soffice: %v\n%s", err, out.String())
		}
	case <-time.After(2 * time.Minute):
		_ = cmd.Process.Kill()
		t.Fatal("soffice took over two minutes")
	}
	read := func(sheet string) [][]string {
		data, err := os.ReadFile(filepath.Join(dir, "bank-"+sheet+".csv"))
		if err != nil {
			t.Fatalf("LibreOffice wrote no %s sheet: %v\n%s", sheet, err, out.String())
		}
		rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		return rows
	}
	qs := read("Questions")
	if len(qs) != len(bank.Questions)+1 || strings.Join(qs[0], "|") != strings.Join(learnerColumns, "|") {
		t.Fatalf("Questions sheet: %d rows, header %v", len(qs), qs[0])
	}
	for i, q := range bank.Questions {
		row := strings.Join(qs[i+1], "|")
		if q.Explanation != "" && strings.Contains(row, q.Explanation) || q.Source != "" && strings.Contains(row, q.Source) || strings.Contains(row, q.ID) {
			t.Errorf("Questions row %d gives the answer away: %s", i+1, row)
		}
		if qs[i+1][len(learnerColumns)-1] != "" {
			t.Errorf("Questions row %d has an answer filled in", i+1)
		}
	}
	key := read("Answer key")
	for i, q := range bank.Questions {
		if key[i+1][2] != q.AnswerLetter() || key[i+1][3] != q.Key() {
			t.Errorf("Answer key row %d = %v", i+1, key[i+1])
		}
	}
}
