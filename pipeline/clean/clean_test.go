package clean_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/clean"
	"github.com/itilint/itilint/pipeline/lint"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// cleanKinds are the fixes `itilint fix` applies without --safe.
var cleanKinds = map[rule.FixKind]bool{rule.Safe: true, rule.Structural: true}

// defaultPackErr returns the embedded pack. The cleaner reads only its
// words; when the pack does not load (its own tests report why), the
// cleaner's tests go on with an empty one rather than fail for it.
func defaultPackErr() (*pack.Pack, error) {
	p, err := pack.Default()
	if err != nil {
		return &pack.Pack{}, nil
	}
	return p, nil
}

func defaultPack(t testing.TB) *pack.Pack {
	t.Helper()
	p, err := pack.Default()
	if err != nil {
		t.Logf("embedded pack does not load, using an empty one: %v", err)
		return &pack.Pack{}
	}
	return p
}

// onlyClean restricts a run to the formatting rules.
func onlyClean() map[string]bool {
	m := map[string]bool{}
	for _, r := range clean.Rules {
		m[r.ID] = true
	}
	return m
}

func fix(t testing.TB, n *note.Note, p *pack.Pack, only map[string]bool, kinds map[rule.FixKind]bool) *lint.FixResult {
	t.Helper()
	res, err := lint.Fix(n, lint.FixOptions{Options: lint.Options{Pack: p, Only: only}, Kinds: kinds})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run go test -update and review the diff):\n--- got\n%s", path, got)
	}
}

func readNote(t testing.TB, path string) *note.Note {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n, err := note.Decode(path, raw)
	if err != nil {
		t.Fatal(err)
	}
	switch filepath.Ext(path) {
	case ".txt":
		n.Format = note.Text
	}
	return n
}

// TestSeed cleans the seed note with the whole fix loop and checks what
// `check` still reports on the result.
func TestSeed(t *testing.T) {
	p := defaultPack(t)
	n := readNote(t, "testdata/seed.txt")
	res := fix(t, n, p, nil, cleanKinds)
	golden(t, "testdata/seed.golden", res.Note.Text)

	again := fix(t, res.Note, p, nil, cleanKinds)
	if !bytes.Equal(again.Note.Text, res.Note.Text) {
		t.Errorf("fixing the cleaned seed changes it again:\n%s", again.Note.Text)
	}
	var report strings.Builder
	for _, f := range lint.Check(res.Note, lint.Options{Pack: p, Only: onlyClean()}) {
		fmt.Fprintf(&report, "%s %s %s: %s\n", res.Note.Position(f.Start), f.Severity, f.Rule, f.Message)
	}
	golden(t, "testdata/seed.check.golden", []byte(report.String()))
	for _, want := range []string{"dangling-paragraph", "empty-section"} {
		if !strings.Contains(report.String(), want) {
			t.Errorf("check on the cleaned seed does not report %s", want)
		}
	}
}

// TestRuleExamples runs every rule's Good and Bad examples alone: silent on
// Good ones, reporting on Bad ones; the fixed Bad ones, before and after,
// are in testdata/examples.golden for review.
func TestRuleExamples(t *testing.T) {
	p := defaultPack(t)
	var out strings.Builder
	for _, r := range clean.Rules {
		only := map[string]bool{r.ID: true}
		if len(r.Good) == 0 || len(r.Bad) == 0 {
			t.Errorf("%s: needs Good and Bad examples", r.ID)
		}
		for _, g := range r.Good {
			if fs := lint.Check(note.New("good.md", []byte(g)), lint.Options{Pack: p, Only: only}); len(fs) > 0 {
				t.Errorf("%s: reports on its Good example %q: %s", r.ID, g, fs[0].Message)
			}
		}
		for _, b := range r.Bad {
			n := note.New("bad.md", []byte(b))
			fs := lint.Check(n, lint.Options{Pack: p, Only: only})
			if len(fs) == 0 {
				t.Errorf("%s: silent on its Bad example %q", r.ID, b)
				continue
			}
			res := fix(t, n, p, only, map[rule.FixKind]bool{rule.Safe: true, rule.Structural: true})
			fmt.Fprintf(&out, "== %s\n-- before\n%s\n-- findings\n", r.ID, visible(b))
			for _, f := range fs {
				kind := "report only"
				if f.Fix != nil {
					kind = f.Fix.Kind.String() + " fix: " + f.Fix.Message
				}
				fmt.Fprintf(&out, "%s: %s (%s)\n", n.Position(f.Start), f.Message, kind)
			}
			fmt.Fprintf(&out, "-- after\n%s\n", visible(string(res.Note.Text)))
		}
	}
	golden(t, "testdata/examples.golden", []byte(out.String()))
}

// visible shows blanks at line ends and a missing final newline.
func visible(s string) string {
	s = strings.ReplaceAll(s, "\t", "→")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.TrimRight(l, " ") != l {
			lines[i] = l + "¶"
		}
	}
	out := strings.Join(lines, "\n")
	if !strings.HasSuffix(s, "\n") {
		out += "⏎(no final newline)"
	}
	return out
}

// TestAfterCompactedNotes checks each note of a test course after notes
// that were checked and compacted, and compares the findings with those of a note nothing came
// before.
func TestAfterCompactedNotes(t *testing.T) {
	p := defaultPack(t)
	opts := lint.Options{Pack: p, Only: onlyClean()}
	report := func(n *note.Note) string {
		var b strings.Builder
		for _, f := range lint.Check(n, opts) {
			fmt.Fprintf(&b, "%d-%d %s %s", f.Start, f.End, f.Rule, f.Message)
			if f.Fix != nil {
				fmt.Fprintf(&b, " fix %v", f.Fix.Edits)
			}
			b.WriteByte('\n')
		}
		return b.String()
	}
	course := corpus(t, "../../source")
	var fresh []string
	for _, n := range course {
		fresh = append(fresh, report(n.WithText(n.Text)))
	}
	// Twice over, so each note follows both larger and smaller ones.
	for range 2 {
		for i, c := range course {
			n := c.WithText(c.Text)
			if got := report(n); got != fresh[i] {
				t.Errorf("%s after compacted notes:\n%s\nwant:\n%s", n.Path, got, fresh[i])
			}
			n.Compact()
		}
	}
}
