package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/baseline"
	"github.com/itilint/itilint/pipeline/emit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
)

// TestCheckSink: recorded findings make a baseline that the next run's
// sink applies, so only a new finding is reported and fails; a file that
// could not be read passes through.
func TestCheckSink(t *testing.T) {
	text := []byte("one two\nthree\n")
	file := func(findings ...rule.Finding) *result.File {
		return &result.File{Path: "a.md", Note: note.New("a.md", text), Findings: findings}
	}
	old := rule.Finding{Rule: "r", Severity: rule.Warning, Message: "old", Start: 0, End: 3}
	added := rule.Finding{Rule: "r", Severity: rule.Error, Message: "new", Start: 8, End: 13}

	rec := &CheckSink{Record: true, FailOn: rule.Warning}
	rec.Each(file(old), nil)
	rec.Each(&result.File{Path: "gone.md"}, nil)
	if len(rec.Entries) != 1 || rec.Failed {
		t.Fatalf("recorded %d entries, failed %v; want 1, false", len(rec.Entries), rec.Failed)
	}
	var buf bytes.Buffer
	if err := baseline.WriteEntries(&buf, rec.Entries); err != nil {
		t.Fatal(err)
	}
	base, err := baseline.Parse(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}

	for _, tt := range []struct {
		failOn rule.Severity
		failed bool
	}{{rule.Error, true}, {0, false}} {
		var out bytes.Buffer
		fw, err := emit.NewFindingWriter(&out, "text", nil)
		if err != nil {
			t.Fatal(err)
		}
		seen := 0
		s := &CheckSink{Baseline: base, FailOn: tt.failOn, Report: fw, Observe: func(*result.File) { seen++ }}
		s.Each(file(old, added), nil)
		s.Each(&result.File{Path: "gone.md"}, nil)
		if err := fw.Close(); err != nil {
			t.Fatal(err)
		}
		if s.Failed != tt.failed || seen != 2 {
			t.Errorf("fail on %v: failed %v, observed %d files; want %v, 2", tt.failOn, s.Failed, seen, tt.failed)
		}
		if got := out.String(); !strings.Contains(got, "new") || strings.Contains(got, "old") {
			t.Errorf("fail on %v: report %q, want the new finding only", tt.failOn, got)
		}
	}
}

// TestReadBaselineErrors: a missing baseline is an error in the tool's
// words, and one that is a device (or a link to one) or a folder is
// refused at once, never read.
func TestReadBaselineErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.json")
	err := (&CheckSink{}).ReadBaseline(missing)
	if err == nil || err.Error() != "baseline: "+missing+": no such file or folder" {
		t.Errorf("missing baseline: %v", err)
	}
	for _, p := range []string{"/dev/zero", t.TempDir()} {
		if _, err := os.Stat(p); err != nil {
			continue
		}
		if err := (&CheckSink{}).ReadBaseline(p); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("%s: %v, want not a regular file", p, err)
		}
	}
}
