package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/quiz"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
	"github.com/itilint/itilint/pipeline/testcourse"
)

func TestRunProcessesEveryReadableFile(t *testing.T) {
	dir := testcourse.Tree(t, map[string]string{
		"a.txt":     "   ##   Value  \n\nValue is called as the perceived benefits, usefulness and importance of something.\n\n\n",
		"b/c.md":    "# Incidents\n\nAn incident is an unplanned interruption to a service.\n",
		"bad.md":    "bin\x00ary",
		"latin1.md": "caf\xe9\n",
	})
	// The run streams, as every command's does: Each sees each file in
	// course order with its cleaned note.
	var paths []string
	cleaned := map[string]*note.Note{}
	res, err := Run(Config{Paths: []string{dir}, Check: true, Quiz: true,
		FixKinds: map[rule.FixKind]bool{rule.Safe: true, rule.Structural: true}, Workers: 3,
		Each: func(f *result.File, n *note.Note) {
			if !f.Late {
				paths = append(paths, filepath.Base(f.Path))
			}
			cleaned[f.Path] = n
		}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 2 {
		t.Fatalf("errors = %v, want the binary and the latin-1 file", res.Errors)
	}
	s := res.Summary()
	if s.Notes != 2 || s.Unreadable != 2 || s.Fixes == 0 || s.Warnings == 0 {
		t.Errorf("summary %+v", s)
	}
	if a := cleaned[filepath.Join(dir, "a.txt")]; a == nil || !strings.HasPrefix(string(a.Text), "## Value\n") {
		t.Fatalf("a.txt cleaned wrongly: %v", a)
	}
	// Files come back in course order: sorted by path (b/c.md before bad.md).
	if strings.Join(paths, ",") != "a.txt,c.md,bad.md,latin1.md" {
		t.Errorf("order %v", paths)
	}
}

// TestRunIsDeterministic: any number of workers, the same reports.
func TestRunIsDeterministic(t *testing.T) {
	files := map[string]string{}
	for i := 0; i < 12; i++ {
		files[filepath.Join("n", string(rune('a'+i))+".md")] = "# Note\n\nA problem is a cause, or potential cause, of one or more incidents.  \nThere are six guiding principles.\n"
	}
	dir := testcourse.Tree(t, files)
	out := filepath.Join(t.TempDir(), "out")
	var reports [][]byte
	for _, workers := range []int{1, 2, 5} {
		sink, err := NewRunSink(out)
		if err != nil {
			t.Fatal(err)
		}
		cfg := Config{Paths: []string{dir}, Check: true, Quiz: true, Workers: workers,
			FixKinds: map[rule.FixKind]bool{rule.Safe: true, rule.Structural: true}}
		sink.Attach(&cfg)
		res, err := Run(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if errs := sink.Finish(res, nil); len(errs) > 0 {
			t.Fatal(errs)
		}
		sink.Close()
		report, err := os.ReadFile(filepath.Join(out, "report.json"))
		if err != nil {
			t.Fatal(err)
		}
		reports = append(reports, report)
	}
	for i := 1; i < len(reports); i++ {
		if !bytes.Equal(reports[0], reports[i]) {
			t.Fatalf("report %d differs from report 0", i)
		}
	}
}

// TestQuizSkipsFlaggedSentences: a sentence the checker still reports (a
// wrong count) gives no question, though the same sentence without the
// slip does.
func TestQuizSkipsFlaggedSentences(t *testing.T) {
	const def = "A practice is a set of organizational resources designed for performing work or accomplishing an objective"
	const rest = "\n\nAn opportunity represents options or possibilities to add value for stakeholders or otherwise improve the organization.\n\n" +
		"A value stream is a series of steps an organization undertakes to create and deliver products and services to consumers.\n\n" +
		"Demand is the need or desire for products and services among internal and external consumers.\n"
	p, err := pack.Default()
	if err != nil {
		t.Fatal(err)
	}
	keys := func(text string) string {
		dir := testcourse.Tree(t, map[string]string{"n.md": "# Terms\n\n" + text + rest})
		res, err := Run(Config{Paths: []string{dir}, Quiz: true, Pack: p, QuizOpts: quiz.Options{Variants: true}})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, q := range res.Bank.Questions {
			out = append(out, q.Key())
		}
		return strings.Join(out, "|")
	}
	if got := keys(def + "."); !strings.Contains(got, "A set of organizational resources") && !strings.Contains(got, "Practice") {
		t.Fatalf("no question on the clean definition: %s", got)
	}
	if got := keys(def + " in the service transition stage."); strings.Contains(got, "A set of organizational resources") || strings.Contains(got, "Practice") {
		t.Errorf("a question quotes a sentence the checker reports: %s", got)
	}
}

// TestQuizSkipsOlderEditionNotes: a note that keeps using ITIL v3's words
// gives no question, though the wording fixes bring its terms up to date.
func TestQuizSkipsOlderEditionNotes(t *testing.T) {
	p, err := pack.Default()
	if err != nil {
		t.Fatal(err)
	}
	v3 := "# The lifecycle\n\nThe service lifecycle has five stages, and continual service improvement spans the service lifecycle.\n\n" +
		"Each lifecycle stage has its own book.\n\n" +
		"A value stream is a series of steps an organization undertakes to create and deliver products and services to consumers.\n\n" +
		"A practice is a set of organizational resources designed for performing work or accomplishing an objective.\n\n" +
		"Demand is the need or desire for products and services among internal and external consumers.\n"
	dir := testcourse.Tree(t, map[string]string{"v3.md": v3})
	res, err := Run(Config{Paths: []string{dir}, Quiz: true, Pack: p, QuizOpts: quiz.Options{Variants: true}})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Bank.Questions); n != 0 {
		t.Errorf("%d questions from a note that teaches ITIL v3: %v", n, res.Bank.Questions[0].Stem)
	}
}

// TestStages: the first stage's bar names what is done to each note, and
// a stage with no count shows what it does until it is done.
func TestStages(t *testing.T) {
	if got := noteStage(Config{Check: true, FixKinds: map[rule.FixKind]bool{rule.Safe: true}}); got != "reading, checking and cleaning notes" {
		t.Errorf("run's first stage: %q", got)
	}
	var buf bytes.Buffer
	done := Stage(&buf, "building questions")
	time.Sleep(250 * time.Millisecond)
	done()
	if !strings.Contains(buf.String(), "building questions") {
		t.Errorf("stage wrote %q", buf.String())
	}
	Stage(nil, "nothing")() // no terminal: nothing shown, nothing to stop
}
