package clean_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/yuin/goldmark"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
	"github.com/itilint/itilint/pipeline/testcourse"
)

type specExample struct {
	Markdown string `json:"markdown"`
	HTML     string `json:"html"`
	Example  int    `json:"example"`
	Section  string `json:"section"`
}

func specExamples(t testing.TB) []specExample {
	raw, err := os.ReadFile(testcourse.Fixture(t, "commonmark/spec.json"))
	if err != nil {
		t.Fatal(err)
	}
	var ex []specExample
	if err := json.Unmarshal(raw, &ex); err != nil {
		t.Fatal(err)
	}
	return ex
}

func render(t testing.TB, src []byte) string {
	var buf bytes.Buffer
	if err := goldmark.Convert(src, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

var (
	preRE   = regexp.MustCompile(`(?s)<pre>.*?</pre>`)
	blankRE = regexp.MustCompile(`[ \t]+`)
)

// rendered is HTML as a browser shows it: runs of spaces and tabs outside
// <pre> count as one space (what multiple-spaces and tab-in-prose rely on).
func rendered(html string) string {
	var out strings.Builder
	last := 0
	for _, m := range preRE.FindAllStringIndex(html, -1) {
		out.WriteString(blankRE.ReplaceAllString(html[last:m[0]], " "))
		out.WriteString(html[m[0]:m[1]])
		last = m[1]
	}
	out.WriteString(blankRE.ReplaceAllString(html[last:], " "))
	return out.String()
}

// TestSpecSafe applies the safe fixes to every CommonMark spec example: the
// rendering must not change, and fixing again must change nothing.
func TestSpecSafe(t *testing.T) {
	p := defaultPack(t)
	safe := map[rule.FixKind]bool{rule.Safe: true}
	changed := 0
	for _, ex := range specExamples(t) {
		n := note.New(fmt.Sprintf("example-%d.md", ex.Example), []byte(ex.Markdown))
		res := fix(t, n, p, onlyClean(), safe)
		if !bytes.Equal(res.Note.Text, n.Text) {
			changed++
		}
		before, after := render(t, n.Text), render(t, res.Note.Text)
		if rendered(before) != rendered(after) {
			t.Errorf("example %d (%s): safe fixes change the rendering\n-- markdown\n%q\n-- fixed\n%q\n-- html before\n%s-- html after\n%s",
				ex.Example, ex.Section, ex.Markdown, res.Note.Text, before, after)
		}
		if again := fix(t, res.Note, p, onlyClean(), safe); !bytes.Equal(again.Note.Text, res.Note.Text) {
			t.Errorf("example %d: safe fixing is not idempotent:\n%q\n%q", ex.Example, res.Note.Text, again.Note.Text)
		}
	}
	t.Logf("safe fixes changed the source of %d examples, the rendering of none", changed)
}

// TestSpecStructural applies all cleaning fixes to every spec example and
// lists in testdata/spec-structural.golden the examples whose rendering
// changes, with the rules that did it: each is a glitch the rule exists to
// repair (reviewed by hand; see the reasons in the golden file's header).
func TestSpecStructural(t *testing.T) {
	p := defaultPack(t)
	var out strings.Builder
	out.WriteString("# CommonMark spec examples whose rendering the structural fixes change.\n")
	out.WriteString("# (Examples quoted from the CommonMark spec 0.31.2, CC BY-SA 4.0, John MacFarlane.)\n")
	out.WriteString("# Why: the spec's examples are toy text (foo, bar), so sentence-case capitalises\n")
	out.WriteString("# paragraphs that start in lower case; broken-paragraph joins a paragraph without\n")
	out.WriteString("# terminal punctuation to a next one in lower case; escaped-numbering and\n")
	out.WriteString("# doubled-word do what they are for. Each line was read; none breaks code or HTML.\n")
	out.WriteString("# example | section | rules that fired | markdown -> fixed\n")
	for _, ex := range specExamples(t) {
		n := note.New(fmt.Sprintf("example-%d.md", ex.Example), []byte(ex.Markdown))
		res := fix(t, n, p, onlyClean(), cleanKinds)
		if again := fix(t, res.Note, p, onlyClean(), cleanKinds); !bytes.Equal(again.Note.Text, res.Note.Text) {
			t.Errorf("example %d: fixing is not idempotent:\n%q\n%q", ex.Example, res.Note.Text, again.Note.Text)
		}
		if rendered(render(t, n.Text)) == rendered(render(t, res.Note.Text)) {
			continue
		}
		rules := map[string]bool{}
		for _, c := range res.Changes {
			if c.Kind == rule.Structural {
				rules[c.Rule] = true
			}
		}
		var ids []string
		for id := range rules {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		fmt.Fprintf(&out, "%d | %s | %s | %q -> %q\n", ex.Example, ex.Section, strings.Join(ids, ","), ex.Markdown, res.Note.Text)
	}
	golden(t, "testdata/spec-structural.golden", []byte(out.String()))
}
