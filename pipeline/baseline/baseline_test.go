package baseline

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/rule"
)

// find returns a finding of rule id covering the n-th occurrence of word.
func find(t *testing.T, text, id, word string, n int) rule.Finding {
	t.Helper()
	off := -1
	for i := 0; i <= n; i++ {
		j := strings.Index(text[off+1:], word)
		if j < 0 {
			t.Fatalf("%q has no occurrence %d of %q", text, n, word)
		}
		off += 1 + j
	}
	return rule.Finding{Rule: id, Start: off, End: off + len(word), Message: "m"}
}

func TestSurvivesEditsElsewhere(t *testing.T) {
	before := "# Notes\n\nThis is called as value. And as per ITIL, called as again.\n"
	after := "# Notes\n\nA new paragraph above.\n\nThis is called as value. And as per ITIL,\ncalled as again. A new called as here.\n"
	fs := []rule.Finding{
		find(t, before, "language-slip", "called as", 0),
		find(t, before, "language-slip", "as per", 0),
		find(t, before, "language-slip", "called as", 1),
	}
	var buf bytes.Buffer
	if err := writeFiles(&buf, []file{{Path: "notes/a.md", Text: []byte(before), Findings: fs}}); err != nil {
		t.Fatal(err)
	}
	b, err := Parse(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Entries) != 3 {
		t.Fatalf("%d entries, want 3", len(b.Entries))
	}
	now := []rule.Finding{
		find(t, after, "language-slip", "called as", 0),
		find(t, after, "language-slip", "as per", 0),
		find(t, after, "language-slip", "called as", 1),
		find(t, after, "language-slip", "called as", 2),
	}
	got := b.New("notes/a.md", []byte(after), now)
	if len(got) != 1 || got[0] != now[3] {
		t.Fatalf("new findings = %+v, want only the third 'called as'", got)
	}
	// Another file, another rule: not baselined.
	if got := b.New("notes/b.md", []byte(after), now[:1]); len(got) != 1 {
		t.Errorf("finding in another file was baselined")
	}
	other := now[0]
	other.Rule = "term-spelling"
	if got := b.New("notes/a.md", []byte(after), []rule.Finding{other}); len(got) != 1 {
		t.Errorf("finding of another rule was baselined")
	}
	// A nil baseline keeps everything.
	var none *Baseline
	if got := none.New("notes/a.md", []byte(after), now); len(got) != 4 {
		t.Errorf("nil baseline dropped findings")
	}
}

func TestWriteDeterministic(t *testing.T) {
	text := []byte("as per a. as per b.\n")
	fs := []rule.Finding{{Rule: "x", Start: 10, End: 16}, {Rule: "x", Start: 0, End: 6}}
	var a, b bytes.Buffer
	if err := writeFiles(&a, []file{{Path: "b.md", Text: text, Findings: fs}, {Path: "a.md", Text: text, Findings: fs[:1]}}); err != nil {
		t.Fatal(err)
	}
	if err := writeFiles(&b, []file{{Path: "a.md", Text: text, Findings: fs[:1]}, {Path: "b.md", Text: text, Findings: []rule.Finding{fs[1], fs[0]}}}); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Fatalf("output depends on input order:\n%s\n%s", a.String(), b.String())
	}
	if !strings.Contains(a.String(), `"version": 1`) || !strings.Contains(a.String(), `"path": "a.md"`) {
		t.Fatalf("unexpected output:\n%s", a.String())
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"", "{", `{"version": 2, "findings": []}`, `{"version": 1, "extra": 1}`} {
		if _, err := Parse([]byte(in)); err == nil {
			t.Errorf("Parse(%q) succeeded", in)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(`{"version": 1, "findings": [{"fingerprint": "ab", "rule": "r", "path": "p", "text": "t", "occurrence": 0}]}`)
	f.Add(`{"version": 1, "findings": null}`)
	f.Fuzz(func(t *testing.T, s string) {
		b, err := Parse([]byte(s))
		if err != nil {
			return
		}
		_ = b.Contains("x")
		_ = b.New("p", []byte("text"), []rule.Finding{{Rule: "r", Start: 0, End: 4}})
	})
}

// A file is one checked file: its path, its text and its findings.
type file struct {
	Path     string
	Text     []byte
	Findings []rule.Finding
}

// writeFiles writes the baseline of files, as a run gathers it.
func writeFiles(w io.Writer, files []file) error {
	var entries []Entry
	for _, f := range files {
		entries = append(entries, Entries(f.Path, f.Text, f.Findings)...)
	}
	return WriteEntries(w, entries)
}
