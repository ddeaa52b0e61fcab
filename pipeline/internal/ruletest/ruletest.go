// Package ruletest is the per-rule testdata harness shared by the rule
// packages' tests: each rule runs alone on its own notes,
// testdata/<rule-id>/*.md, and its findings and fixed notes are compared
// with golden files. It lives apart so that the check rules and the
// formatting rules are held to the same test, not to two copies of it.
package ruletest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/lint"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

// Options says where a package keeps its rules' notes and how to run them.
type Options struct {
	// Pack returns the pack a rule runs with.
	Pack func(t *testing.T, r *rule.Rule) *pack.Pack
	// Update rewrites the golden files instead of comparing them.
	Update bool
}

// Run runs each rule alone on its own notes, testdata/<rule-id>/NAME.md
// (for a course-level rule, the folder's notes are one course, in path
// order). For each note:
//
//   - NAME.findings holds the rule's findings, one a line: where, the
//     message and what the fix writes;
//   - NAME.golden holds the note with the findings' fixes applied;
//   - the rule run again on NAME.golden must leave it as it is: its fixes
//     are idempotent.
//
// Every rule must have a folder, and a finding in it.
func Run(t *testing.T, rules []*rule.Rule, o Options) {
	for _, r := range rules {
		t.Run(r.ID, func(t *testing.T) {
			paths, err := filepath.Glob(filepath.Join("testdata", r.ID, "*.md"))
			if err != nil || len(paths) == 0 {
				t.Fatalf("no notes in testdata/%s (%v)", r.ID, err)
			}
			p := o.Pack(t, r)
			notes := make([]*note.Note, len(paths))
			for i, path := range paths {
				text, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				notes[i] = note.New(path, text)
			}
			found := 0
			fixed := make([]*note.Note, len(notes))
			for i, fs := range runRule(r, p, notes) {
				n, base := notes[i], strings.TrimSuffix(paths[i], ".md")
				found += len(fs)
				goldenFile(t, o.Update, base+".findings", describeFindings(n, fs))
				fixed[i] = note.New(base+".golden", applyFixes(t, n, fs))
				goldenFile(t, o.Update, base+".golden", string(fixed[i].Text))
			}
			if found == 0 {
				t.Errorf("no %s finding in testdata/%s", r.ID, r.ID)
			}
			for i, fs := range runRule(r, p, fixed) {
				if again := applyFixes(t, fixed[i], fs); string(again) != string(fixed[i].Text) {
					t.Errorf("%s: fixing the golden again changes it:\n%s", fixed[i].Path, describeFindings(fixed[i], fs))
				}
			}
		})
	}
}

// runRule runs r alone on notes, one course in the given order, and
// returns the findings of each note.
func runRule(r *rule.Rule, p *pack.Pack, notes []*note.Note) [][]rule.Finding {
	opts := lint.Options{Pack: p, Only: map[string]bool{r.ID: true}}
	out := make([][]rule.Finding, len(notes))
	if r.Course != nil {
		byPath := lint.CheckCourse(notes, opts)
		for i, n := range notes {
			out[i] = byPath[n.Path]
		}
		return out
	}
	for i, n := range notes {
		out[i] = lint.Check(n, opts)
	}
	return out
}

// describeFindings writes findings one a line: line:column of start and
// end, the message, and the fix's message with what it writes.
func describeFindings(n *note.Note, fs []rule.Finding) string {
	var sb strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&sb, "%s-%s %s: %s\n", n.Position(f.Start), n.Position(f.End), f.Rule, f.Message)
		if f.Fix != nil {
			for _, e := range f.Fix.Edits {
				fmt.Fprintf(&sb, "\t%s: %q at %s-%s\n", f.Fix.Message, e.New, n.Position(e.Start), n.Position(e.End))
			}
		}
	}
	return sb.String()
}

// applyFixes applies the first fix of each finding, in order, leaving out
// one that overlaps a fix already taken, as `fix` does in one round.
func applyFixes(t *testing.T, n *note.Note, fs []rule.Finding) []byte {
	var taken []edit.Edit
	for _, f := range fs {
		if f.Fix != nil && !edit.Overlaps(taken, f.Fix.Edits) {
			taken = append(taken, f.Fix.Edits...)
		}
	}
	out, err := edit.Apply(n.Text, taken)
	if err != nil {
		t.Fatalf("%s: %v", n.Path, err)
	}
	return out
}

// goldenFile compares got with the file at path, or writes it when
// update is set.
func goldenFile(t *testing.T, update bool, path, got string) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -run TestRuleTestdata -update writes it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs (go test -run TestRuleTestdata -update rewrites it):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}
