package labels

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// root is the repository's root, where testdata/labels lives.
func root(t *testing.T) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}

// TestRegressionNotes holds the tool to the classes of wrong findings met
// in real notes, reproduced in notes written for the purpose: every
// finding labelled wrong stays away, every one labelled right is there.
func TestRegressionNotes(t *testing.T) {
	dir := filepath.Join(root(t), "testdata", "labels")
	ls, err := ReadFile(filepath.Join(dir, "regression.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Measure(filepath.Join(dir, "notes"), false)
	if err != nil {
		t.Fatal(err)
	}
	present := map[string]bool{}
	for _, f := range m.Findings {
		present[f.Key()] = true
	}
	for _, l := range ls {
		switch want := l.Verdict == Right; {
		case want && !present[l.Key]:
			t.Errorf("%s: not reported, but it is right: %s", l.Key, l.Why)
		case !want && present[l.Key]:
			t.Errorf("%s: reported, but it is wrong: %s", l.Key, l.Why)
		}
	}
}

// TestLabelsFile checks the labels of real findings parse and hold the
// sample the issue asks for: 100 findings and 20 fixes at least.
func TestLabelsFile(t *testing.T) {
	ls, err := ReadFile(filepath.Join(root(t), "testdata", "labels", "findings.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	findings, fixes := 0, 0
	for _, l := range ls {
		if _, fix := l.Rule(); fix {
			fixes++
		} else {
			findings++
		}
	}
	if findings < 100 || fixes < 20 {
		t.Errorf("%d findings and %d fixes labelled, want 100 and 20 at least", findings, fixes)
	}
}

// TestLicensedNotes re-measures the labelled findings of the real notes
// whose licence lets the repository keep them (testdata/labels/licensed,
// see its ATTRIBUTION.md): a finding labelled wrong must stay away, one
// labelled right must be there. Course-level rules are left out: what they
// report depends on the whole corpus.
func TestLicensedNotes(t *testing.T) {
	dir := filepath.Join(root(t), "testdata", "labels")
	ls, err := ReadFile(filepath.Join(dir, "findings.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Measure(filepath.Join(dir, "licensed"), false)
	if err != nil {
		t.Fatal(err)
	}
	present := map[string]bool{}
	for _, f := range m.Findings {
		present[f.Key()] = true
	}
	for _, c := range m.Changes {
		present[c.Key()] = true
	}
	checked := 0
	for _, l := range ls {
		file := l.Key[:strings.IndexByte(l.Key, ':')]
		id, _ := l.Rule()
		if _, err := os.Stat(filepath.Join(dir, "licensed", filepath.FromSlash(file))); err != nil || courseRules[id] || l.Verdict == Debatable {
			continue
		}
		checked++
		switch want := l.Verdict == Right; {
		case want && !present[l.Key]:
			t.Errorf("%s: no longer reported, but it was labelled right (%s); if the change is meant, relabel it in findings.tsv", l.Key, l.Why)
		case !want && present[l.Key]:
			t.Errorf("%s: reported, but it was labelled wrong (%s)", l.Key, l.Why)
		}
	}
	t.Logf("%d labels checked on the licensed notes", checked)
	if checked < 20 {
		t.Errorf("only %d labels checked on the licensed notes", checked)
	}
}

// courseRules are the rules whose findings depend on the whole course.
var courseRules = map[string]bool{"term-consistency": true, "acronym-expansion": true}
