package emit

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
)

var (
	ruleSpace = &rule.Rule{ID: "double-space", Severity: rule.Suggestion,
		Doc: "Two spaces between words.\nTranscripts often leave a doubled space where a word was cut; it renders the same but trips search."}
	ruleTerm = &rule.Rule{ID: "term-wrong-form", Severity: rule.Warning,
		Doc: "A term is written in a form the pack marks as wrong.\nThe exam uses the official wording."}
	ruleList = &rule.Rule{ID: "list-count", Severity: rule.Error,
		Doc: "A named list has the wrong number of members."}
	testRules = []*rule.Rule{ruleSpace, ruleTerm, ruleList}
)

// at returns the offsets of the first occurrence of s in text.
func at(t testing.TB, text, s string) (int, int) {
	i := strings.Index(text, s)
	if i < 0 {
		t.Fatalf("%q not in test note", s)
	}
	return i, i + len(s)
}

// testFiles is a small run: a note with findings of every severity (one
// with a multi-edit fix, one past non-ASCII text, one spanning lines), a
// CRLF note whose path needs escaping, a clean note and an unreadable file.
func testFiles(t testing.TB) []result.File {
	text := "# Value co-creation\n\nService  providers and «consumers» co-create value.\nThe Service Value Chain has 5 activities,\nnot six.\n"
	a := note.New("source/01-key-concepts/value.md", []byte(text))
	s1, e1 := at(t, text, "  ")
	s2, e2 := at(t, text, "Service Value Chain")
	s3, _ := at(t, text, "5 activities")
	_, e3 := at(t, text, "not six.")
	c1, _ := at(t, text, "«consumers»")
	fa := result.File{Path: a.Path, Note: a, Findings: []rule.Finding{
		{Rule: "double-space", Severity: rule.Suggestion, Message: "two spaces between words", Start: s1, End: e1,
			Fix: &rule.Fix{Message: "use one space", Kind: rule.Safe, Edits: []edit.Edit{{Start: s1, End: e1, New: " "}}}},
		{Rule: "term-wrong-form", Severity: rule.Warning, Message: `"consumers" is fine, but watch the quotes: « » & <tags>, 100% sure`, Start: c1, End: c1 + len("«consumers»")},
		{Rule: "term-wrong-form", Severity: rule.Warning, Message: `write "service value chain" in lower case`, Start: s2, End: e2,
			Fix: &rule.Fix{Message: "lower-case the term", Kind: rule.Wording, Edits: []edit.Edit{
				{Start: s2, End: s2 + 1, New: "s"}, {Start: s2 + 8, End: s2 + 9, New: "v"}, {Start: s2 + 14, End: s2 + 15, New: "c"}}}},
		{Rule: "list-count", Severity: rule.Error, Message: "the service value chain has 6 activities,\nnot 5", Start: s3, End: e3},
	}}
	crlf, err := note.Decode("source/my notes/crlf, v2.md", []byte("Hello  world\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	fb := result.File{Path: crlf.Path, Note: crlf, Findings: []rule.Finding{
		{Rule: "double-space", Severity: rule.Suggestion, Message: "two spaces between words", Start: 5, End: 7,
			Fix: &rule.Fix{Message: "use one space", Kind: rule.Safe, Edits: []edit.Edit{{Start: 5, End: 7, New: " "}}}},
	}}
	clean := note.New("source/clean.md", []byte("All good.\n"))
	return []result.File{
		fa, fb,
		{Path: clean.Path, Note: clean},
		{Path: "source/broken.txt", Err: errors.New("source/broken.txt:3:7: not valid UTF-8 (byte 0xff); convert the file to UTF-8")},
	}
}

func TestFindingsGolden(t *testing.T) {
	files := testFiles(t)
	for _, format := range FindingFormats {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := writeFindings(&buf, format, files, testRules); err != nil {
				t.Fatal(err)
			}
			golden(t, "findings."+format+".golden", buf.Bytes())
			var again bytes.Buffer
			if err := writeFindings(&again, format, files, testRules); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), again.Bytes()) {
				t.Error("two runs wrote different bytes")
			}
		})
	}
}

func TestFindingsNoFiles(t *testing.T) {
	for _, format := range FindingFormats {
		var buf bytes.Buffer
		if err := writeFindings(&buf, format, nil, nil); err != nil {
			t.Errorf("%s: %v", format, err)
		}
		if format == "json" && strings.TrimSpace(buf.String()) != "[]" {
			t.Errorf("json of no findings = %q, want []", buf.String())
		}
		if format == "text" && buf.String() != "no findings in 0 files\n" {
			t.Errorf("text of no findings = %q", buf.String())
		}
		if format == "sarif" {
			report, err := sarif.FromBytes(buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if err := report.Validate(); err != nil {
				t.Errorf("sarif of no findings is not valid: %v", err)
			}
		}
	}
}

func TestFindingsUnknownFormat(t *testing.T) {
	err := writeFindings(&bytes.Buffer{}, "yaml", nil, nil)
	if err == nil || !strings.Contains(err.Error(), "sarif") {
		t.Fatalf("err = %v, want one listing the formats", err)
	}
}

func TestSummaryLine(t *testing.T) {
	for _, tc := range []struct {
		t    tally
		want string
	}{
		{tally{files: 1}, "no findings in 1 file"},
		{tally{errors: 1, files: 1}, "1 finding (1 error, 0 warnings, 0 suggestions) in 1 file"},
		{tally{errors: 2, warnings: 7, suggestions: 3, files: 5}, "12 findings (2 errors, 7 warnings, 3 suggestions) in 5 files"},
		{tally{warnings: 1, files: 2, unreadable: 1}, "1 finding (0 errors, 1 warning, 0 suggestions) in 2 files; 1 file could not be read"},
	} {
		if got := tc.t.String(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

// TestJSONRoundTrip reads the json format back and checks positions,
// replacements and that applying each replacement to the text on disk gives
// what applying the fix's edits gives.
func TestJSONRoundTrip(t *testing.T) {
	files := testFiles(t)
	var buf bytes.Buffer
	if err := writeFindings(&buf, "json", files, testRules); err != nil {
		t.Fatal(err)
	}
	var got []JSONFinding
	dec := json.NewDecoder(&buf)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	// A file that could not be read is an element of its own.
	unreadable := 0
	for _, f := range files {
		if f.Note == nil && f.Err != nil {
			unreadable++
		}
	}
	all := len(got)
	got = slices.DeleteFunc(got, func(j JSONFinding) bool { return j.Rule == unreadableRule })
	if unreadable == 0 || all-len(got) != unreadable {
		t.Fatalf("%d elements of rule %s, want one for each of the %d unreadable files", all-len(got), unreadableRule, unreadable)
	}
	var want []rule.Finding
	var notes []*note.Note
	for _, f := range files {
		for _, x := range f.Findings {
			want = append(want, x)
			notes = append(notes, f.Note)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("%d findings, want %d", len(got), len(want))
	}
	for i, j := range got {
		n, x := notes[i], want[i]
		if j.Rule != x.Rule || j.Message != x.Message || j.Severity != x.Severity.String() || j.Path != n.Path {
			t.Errorf("finding %d = %+v, want %+v", i, j, x)
		}
		if p := n.Position(x.Start); j.Line != p.Line || j.Column != p.Col {
			t.Errorf("finding %d at %d:%d, want %v", i, j.Line, j.Column, p)
		}
		if p := n.Position(x.End); j.EndLine != p.Line || j.EndColumn != p.Col {
			t.Errorf("finding %d ends %d:%d, want %v", i, j.EndLine, j.EndColumn, p)
		}
		if (j.Fix == nil) != (x.Fix == nil) {
			t.Fatalf("finding %d: fix %v, want %v", i, j.Fix, x.Fix)
		}
		if j.Fix == nil {
			continue
		}
		fixed, err := edit.Apply(n.Text, x.Fix.Edits)
		if err != nil {
			t.Fatal(err)
		}
		start, end := offsetOf(n, j.Fix.Line, j.Fix.Column), offsetOf(n, j.Fix.EndLine, j.Fix.EndColumn)
		viaReplacement := string(n.Text[:start]) + j.Fix.Replacement + string(n.Text[end:])
		if viaReplacement != string(fixed) {
			t.Errorf("finding %d: replacement %q at %d:%d-%d:%d gives %q, want %q", i, j.Fix.Replacement,
				j.Fix.Line, j.Fix.Column, j.Fix.EndLine, j.Fix.EndColumn, viaReplacement, fixed)
		}
		if len(j.Fix.Edits) != len(x.Fix.Edits) || j.Fix.Kind != x.Fix.Kind.String() {
			t.Errorf("finding %d: fix %+v, want %+v", i, j.Fix, x.Fix)
		}
	}
}

// offsetOf inverts note.Position for notes without a disk line map.
func offsetOf(n *note.Note, line, col int) int {
	start := n.LineStart(line - 1)
	off := start
	for c := 1; c < col; c++ {
		_, size := utf8.DecodeRune(n.Text[off:])
		off += size
	}
	return off
}

func TestSARIFValid(t *testing.T) {
	var buf bytes.Buffer
	if err := writeFindings(&buf, "sarif", testFiles(t), testRules); err != nil {
		t.Fatal(err)
	}
	report, err := sarif.FromBytes(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if err := report.Validate(); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v", err)
	}
	if report.Version != "2.1.0" || len(report.Runs) != 1 {
		t.Fatalf("version %q, %d runs", report.Version, len(report.Runs))
	}
	run := report.Runs[0]
	checkSARIFRules(t, run)
	checkSARIFResults(t, run)
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful == nil || *inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 {
		t.Errorf("the unreadable file is not reported as a failed invocation")
	}
}

// checkSARIFRules checks the driver's rules: one per test rule, with its
// summary, level and documentation address.
func checkSARIFRules(t *testing.T, run *sarif.Run) {
	t.Helper()
	if *run.Tool.Driver.Name != "itilint" || len(run.Tool.Driver.Rules) != len(testRules) {
		t.Fatalf("driver %q with %d rules", *run.Tool.Driver.Name, len(run.Tool.Driver.Rules))
	}
	for i, r := range testRules {
		d := run.Tool.Driver.Rules[i]
		if *d.ID != r.ID || *d.ShortDescription.Text != r.Summary() || d.DefaultConfiguration.Level != sarifLevel(r.Severity) {
			t.Errorf("rule %d = %s %q", i, *d.ID, *d.ShortDescription.Text)
		}
		if d.HelpURI == nil || *d.HelpURI != rule.DocURL(r.ID) {
			t.Errorf("rule %s: helpUri %v, want %s", r.ID, d.HelpURI, rule.DocURL(r.ID))
		}
	}
}

// checkSARIFResults checks the results: each with a full region, a URI
// and its rule's index, and the fixes with what they replace.
func checkSARIFResults(t *testing.T, run *sarif.Run) {
	t.Helper()
	if len(run.Results) != 5 {
		t.Fatalf("%d results, want 5", len(run.Results))
	}
	withFix := 0
	for _, r := range run.Results {
		loc := r.Locations[0].PhysicalLocation
		if loc.Region.StartLine == nil || loc.Region.StartColumn == nil || loc.Region.EndLine == nil || loc.Region.EndColumn == nil {
			t.Errorf("result %s lacks a full region", *r.RuleID)
		}
		if _, err := url.Parse(*loc.ArtifactLocation.URI); err != nil {
			t.Errorf("bad URI %q: %v", *loc.ArtifactLocation.URI, err)
		}
		if r.RuleIndex < 0 || *run.Tool.Driver.Rules[r.RuleIndex].ID != *r.RuleID {
			t.Errorf("result %s has rule index %d", *r.RuleID, r.RuleIndex)
		}
		for _, f := range r.Fixes {
			withFix++
			for _, rep := range f.ArtifactChanges[0].Replacements {
				if rep.DeletedRegion == nil || rep.InsertedContent == nil {
					t.Errorf("replacement without region or content in %s", *r.RuleID)
				}
			}
		}
	}
	if withFix != 3 {
		t.Errorf("%d fixes, want 3", withFix)
	}
}

func TestGitHubEscaping(t *testing.T) {
	var buf bytes.Buffer
	if err := writeFindings(&buf, "github", testFiles(t), nil); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 6 {
		t.Fatalf("%d lines, want 6:\n%s", len(lines), buf.String())
	}
	unescape := strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")
	for _, l := range lines {
		level, rest, ok := strings.Cut(strings.TrimPrefix(l, "::"), " ")
		if !strings.HasPrefix(l, "::") || !ok || (level != "error" && level != "warning" && level != "notice") {
			t.Fatalf("not a workflow command: %q", l)
		}
		props, msg, ok := strings.Cut(rest, "::")
		if !ok || strings.ContainsAny(msg, "\r\n") {
			t.Fatalf("bad message in %q", l)
		}
		for _, kv := range strings.Split(props, ",") {
			k, v, ok := strings.Cut(kv, "=")
			if !ok || strings.ContainsAny(v, ":,") {
				t.Fatalf("bad property %q in %q", kv, l)
			}
			if k == "file" && !strings.HasPrefix(unescape.Replace(v), "source/") {
				t.Errorf("file %q", unescape.Replace(v))
			}
		}
		_ = unescape.Replace(msg)
	}
	if !strings.Contains(buf.String(), "file=source/my notes/crlf%2C v2.md") {
		t.Error("comma in path not escaped")
	}
	if !strings.Contains(buf.String(), "6 activities,%0Anot 5") || !strings.Contains(buf.String(), "100%25 sure") {
		t.Error("message not escaped")
	}
}

func TestJUnitParses(t *testing.T) {
	var buf bytes.Buffer
	if err := writeFindings(&buf, "junit", testFiles(t), nil); err != nil {
		t.Fatal(err)
	}
	var got junitSuites
	if err := xml.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Suites) != 4 || got.Tests != 7 || got.Failures != 5 || got.Errors != 1 {
		t.Fatalf("%d suites, %d tests, %d failures, %d errors", len(got.Suites), got.Tests, got.Failures, got.Errors)
	}
	if c := got.Suites[2].Cases; len(c) != 1 || c[0].Failure != nil || c[0].Error != nil {
		t.Errorf("clean file is not one passing case: %+v", c)
	}
	if got.Suites[0].Cases[1].Failure.Message != `"consumers" is fine, but watch the quotes: « » & <tags>, 100% sure` {
		t.Errorf("message did not survive: %q", got.Suites[0].Cases[1].Failure.Message)
	}
}

func TestCheckstyleParses(t *testing.T) {
	var buf bytes.Buffer
	if err := writeFindings(&buf, "checkstyle", testFiles(t), nil); err != nil {
		t.Fatal(err)
	}
	var got checkstyleRoot
	if err := xml.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != "4.3" || len(got.Files) != 4 {
		t.Fatalf("version %q, %d files", got.Version, len(got.Files))
	}
	var sev []string
	for _, e := range got.Files[0].Errors {
		sev = append(sev, e.Severity+" "+e.Source)
	}
	want := "info itilint.double-space|warning itilint.term-wrong-form|warning itilint.term-wrong-form|error itilint.list-count"
	if strings.Join(sev, "|") != want {
		t.Errorf("got %s", strings.Join(sev, "|"))
	}
	if len(got.Files[2].Errors) != 0 || got.Files[3].Errors[0].Source != "itilint.read" {
		t.Errorf("clean or unreadable file wrong: %+v", got.Files[2:])
	}
}

func TestLocateBadFix(t *testing.T) {
	n := note.New("x.md", []byte("abc\n"))
	f := result.File{Path: "x.md", Note: n, Findings: []rule.Finding{
		{Rule: "r", Severity: rule.Error, Message: "m", Start: 1, End: 99,
			Fix: &rule.Fix{Kind: rule.Safe, Edits: []edit.Edit{{Start: 2, End: 50, New: "x"}}}},
	}}
	got := locate(f)
	if len(got) != 1 || got[0].Fix != nil || got[0].End != (note.Position{Line: 2, Col: 1}) {
		t.Fatalf("got %+v", got)
	}
}

// TestFindingWriterLate: late course-level findings follow the files
// without counting their file twice (in JUnit, as one more suite of the
// file).
func TestFindingWriterLate(t *testing.T) {
	n := note.New("a.md", []byte("One organisation.\nTwo.\n"))
	late := result.File{Path: "a.md", Note: n, Late: true, Findings: []rule.Finding{
		{Rule: "term-consistency", Severity: rule.Suggestion, Message: "one spelling", Start: 4, End: 16}}}
	first := result.File{Path: "a.md", Note: n, Findings: []rule.Finding{
		{Rule: "doubled-word", Severity: rule.Warning, Message: "later line", Start: 18, End: 21}}}
	other := result.File{Path: "b.md", Note: note.New("b.md", []byte("Fine.\n"))}
	files := []result.File{first, other, late}

	var text strings.Builder
	if err := writeFindings(&text, "text", files, nil); err != nil {
		t.Fatal(err)
	}
	want := "a.md:2:1: warning doubled-word: later line\n" +
		"a.md:1:5: suggestion term-consistency: one spelling\n" +
		"2 findings (0 errors, 1 warning, 1 suggestion) in 2 files\n"
	if text.String() != want {
		t.Errorf("text:\n%s\nwant:\n%s", text.String(), want)
	}

	var junit strings.Builder
	if err := writeFindings(&junit, "junit", files, nil); err != nil {
		t.Fatal(err)
	}
	var root junitSuites
	if err := xml.Unmarshal([]byte(junit.String()), &root); err != nil {
		t.Fatal(err)
	}
	if len(root.Suites) != 3 || root.Tests != 3 || root.Failures != 2 || root.Suites[2].Name != "a.md" ||
		!strings.HasPrefix(root.Suites[2].Cases[0].Name, "term-consistency 1:5") {
		t.Errorf("junit: want the late finding in a last suite of its file, got %+v", root)
	}

	var empty strings.Builder
	if err := writeFindings(&empty, "text", []result.File{other, {Path: "b.md", Note: other.Note, Late: true}}, nil); err != nil {
		t.Fatal(err)
	}
	if empty.String() != "no findings in 1 file\n" {
		t.Errorf("late file without findings: %q", empty.String())
	}
}

// TestJUnitFailOn: findings below the --fail-on severity are no failures
// (a green build looks green in a dashboard); their suite lists them in
// its system-out instead.
func TestJUnitFailOn(t *testing.T) {
	files := testFiles(t)
	var buf bytes.Buffer
	fw, err := NewFindingWriter(&buf, "junit", testRules)
	if err != nil {
		t.Fatal(err)
	}
	fw.FailOn = rule.Warning
	for i := range files {
		fw.File(&files[i])
	}
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	var root junitSuites
	if err := xml.Unmarshal(buf.Bytes(), &root); err != nil {
		t.Fatal(err)
	}
	// value.md: a suggestion, two warnings, an error; crlf: a suggestion.
	if root.Failures != 3 || root.Errors != 1 || root.Tests != 3+1+1+1 {
		t.Errorf("totals: tests %d failures %d errors %d", root.Tests, root.Failures, root.Errors)
	}
	value, crlf := root.Suites[0], root.Suites[1]
	if value.Failures != 3 || !strings.Contains(value.Out, "suggestion double-space: two spaces between words") {
		t.Errorf("value.md: %+v", value)
	}
	if crlf.Failures != 0 || crlf.Tests != 1 || crlf.Cases[0].Failure != nil ||
		crlf.Out != "source/my notes/crlf, v2.md:1:6: suggestion double-space: two spaces between words" {
		t.Errorf("crlf: %+v", crlf)
	}
}

// TestSARIFDriverVersion: the tool's version, when the writer is given
// one, is the driver's version.
func TestSARIFDriverVersion(t *testing.T) {
	var buf bytes.Buffer
	fw, err := NewFindingWriter(&buf, "sarif", testRules)
	if err != nil {
		t.Fatal(err)
	}
	fw.Version = "1.2.3"
	for _, f := range testFiles(t) {
		if err := fw.File(&f); err != nil {
			t.Fatal(err)
		}
	}
	if err := fw.Close(); err != nil {
		t.Fatal(err)
	}
	report, err := sarif.FromBytes(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if err := report.Validate(); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v", err)
	}
	if v := report.Runs[0].Tool.Driver.Version; v == nil || *v != "1.2.3" {
		t.Errorf("driver version %v, want 1.2.3", v)
	}
}

// TestTextColor: on a terminal the severity and the rule are coloured,
// and nothing else changes; without Color not a byte differs.
func TestTextColor(t *testing.T) {
	files := testFiles(t)
	var plain, colored bytes.Buffer
	for _, c := range []struct {
		buf   *bytes.Buffer
		color bool
	}{{&plain, false}, {&colored, true}} {
		fw, err := NewFindingWriter(c.buf, "text", testRules)
		if err != nil {
			t.Fatal(err)
		}
		fw.Color = c.color
		for i := range files {
			fw.File(&files[i])
		}
		if err := fw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if strings.Contains(plain.String(), "\x1b") {
		t.Error("escape codes without Color")
	}
	if !strings.Contains(colored.String(), "\x1b[1;31merror\x1b[0m \x1b[2mlist-count\x1b[0m: ") {
		t.Errorf("no coloured error:\n%q", colored.String())
	}
	stripped := regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAllString(colored.String(), "")
	if stripped != plain.String() {
		t.Errorf("colour changed the text:\n%s\nwant\n%s", stripped, plain.String())
	}
}

// writeFindings writes the findings of files in one of FindingFormats. rules
// supplies the metadata formats such as SARIF describe (summary, doc,
// default severity); findings of rules missing from it are still written.
// Files keep the order given, findings the order they have.
func writeFindings(w io.Writer, format string, files []result.File, rules []*rule.Rule) error {
	fw, err := NewFindingWriter(w, format, rules)
	if err != nil {
		return err
	}
	for i := range files {
		if err := fw.File(&files[i]); err != nil {
			return err
		}
	}
	return fw.Close()
}
