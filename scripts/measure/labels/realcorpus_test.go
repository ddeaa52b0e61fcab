//go:build realcorpus

package labels

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRealPrecision measures the labelled real findings again, on the
// development corpus that ITILINT_REAL names. The notes have no licence
// and stay out of the repository, so the test is built only with the
// realcorpus tag (ITILINT_REAL=DIR go test -tags realcorpus
// ./scripts/measure/labels); TestRegressionNotes keeps the classes of
// wrong findings covered in every run.
// The bars are the issue's: 95 % overall, 90 % for each rule with ten
// findings or more.
func TestRealPrecision(t *testing.T) {
	dir := os.Getenv("ITILINT_REAL")
	if dir == "" {
		t.Fatal("ITILINT_REAL must name the folder of the development corpus (the public notes the labels were read from, fetched outside the repository)")
	}
	ls, err := ReadFile(filepath.Join(root(t), "testdata", "labels", "findings.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Measure(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	rows := m.Table(ls)
	var table strings.Builder
	WriteTable(&table, rows)
	t.Log("\n" + table.String())
	for _, r := range rows {
		switch {
		case r.Rule == "all" && r.Precision() < 0.95:
			t.Errorf("overall precision %.0f%%, want 95%% at least", 100*r.Precision())
		case r.Rule != "all" && r.Findings >= 10 && r.Precision() < 0.90:
			t.Errorf("%s: precision %.0f%% on %d findings, want 90%% at least", r.Rule, 100*r.Precision(), r.Findings)
		}
	}
	for _, g := range m.Gone(ls) {
		if g.Verdict == Right {
			t.Logf("gone, though labelled right: %s (%s)", g.Key, g.Why)
		}
	}
}
