package emit

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

// Findings writes the findings of files in one of FindingFormats. rules
// supplies the metadata formats such as SARIF describe (summary, doc,
// default severity); findings of rules missing from it are still written.
// Files keep the order given, findings the order they have.
func Findings(w io.Writer, format string, files []File, rules []*rule.Rule) error {
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

// A located finding carries what every writer prints: the positions on disk
// and the fix spelled out.
type located struct {
	rule.Finding
	Path       string
	Start, End note.Position
	Fix        *resolvedFix
}

// A resolvedFix is a fix with its result computed, so writers that can only
// show one replacement (json, github suggestions) need not apply edits.
type resolvedFix struct {
	Kind    rule.FixKind
	Message string
	// Start and End span the fixed range: the finding's range widened to
	// cover every edit. Replacement is that range after the fix.
	Start, End  note.Position
	Replacement string
	Edits       []locatedEdit
}

type locatedEdit struct {
	Start, End note.Position
	New        string
}

// locate resolves the findings of f. A finding without a note (the file
// could not be read) has no position and is left out; a fix whose edits do
// not apply to the note is shown as no fix rather than failing the report.
func locate(f File) []located { return locateFixes(f, true) }

// locatePlain is locate without spelling out the fixes, for the formats
// that do not show them (text, github, junit, checkstyle).
func locatePlain(f File) []located { return locateFixes(f, false) }

func locateFixes(f File, fixes bool) []located {
	if f.Note == nil {
		return nil
	}
	n := f.Note
	out := make([]located, 0, len(f.Findings))
	// Findings come sorted, so starts (and mostly ends) increase: cursors
	// count columns on from the previous finding, not from the line start.
	starts, ends := n.PositionCursor(), n.PositionCursor()
	for _, x := range f.Findings {
		start, end := clamp(x.Start, len(n.Text)), clamp(x.End, len(n.Text))
		if end < start {
			end = start
		}
		l := located{Finding: x, Path: f.Path, Start: starts.Position(start), End: ends.Position(end)}
		if fixes {
			l.Fix = resolveFix(n, x, start, end)
		}
		out = append(out, l)
	}
	return out
}

func clamp(off, size int) int { return max(0, min(off, size)) }

func resolveFix(n *note.Note, x rule.Finding, start, end int) *resolvedFix {
	if x.Fix == nil || len(x.Fix.Edits) == 0 {
		return nil
	}
	sorted, err := edit.Sort(x.Fix.Edits, len(n.Text))
	if err != nil {
		return nil
	}
	for _, e := range sorted {
		start, end = min(start, e.Start), max(end, e.End)
	}
	shifted := make([]edit.Edit, len(sorted))
	for i, e := range sorted {
		shifted[i] = edit.Edit{Start: e.Start - start, End: e.End - start, New: e.New}
	}
	after, err := edit.Apply(n.Text[start:end], shifted)
	if err != nil {
		return nil
	}
	rf := &resolvedFix{
		Kind: x.Fix.Kind, Message: x.Fix.Message,
		Start: n.Position(start), End: n.Position(end),
		Replacement: string(after),
	}
	for _, e := range sorted {
		rf.Edits = append(rf.Edits, locatedEdit{Start: n.Position(e.Start), End: n.Position(e.End), New: e.New})
	}
	return rf
}

// readError splits the error of a file that could not be read into the
// position it names, if any (errors carry "path:line:col: what"), and the
// message without the path, since every format names the file separately.
func readError(path string, err error) (pos note.Position, msg string) {
	msg = err.Error()
	rest, ok := strings.CutPrefix(msg, path+":")
	if !ok {
		return pos, msg
	}
	if m := errorPos.FindStringSubmatch(rest); m != nil {
		pos.Line, _ = strconv.Atoi(m[1])
		if m[2] != "" {
			pos.Col, _ = strconv.Atoi(m[2])
		}
		rest = rest[len(m[0]):]
	}
	return pos, strings.TrimSpace(rest)
}

var errorPos = regexp.MustCompile(`^(\d+)(?::(\d+))?: `)

// errorLoc is path, path:line or path:line:col, as far as pos is known.
func errorLoc(path string, pos note.Position) string {
	if pos.Line > 0 {
		path += ":" + strconv.Itoa(pos.Line)
		if pos.Col > 0 {
			path += ":" + strconv.Itoa(pos.Col)
		}
	}
	return path
}

// oneLine flattens line breaks so a message stays one line of output.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)), " ")
}

// tally counts findings by severity.
type tally struct{ errors, warnings, suggestions, files, unreadable int }

func (t tally) total() int { return t.errors + t.warnings + t.suggestions }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// String is the summary line of the text format.
func (t tally) String() string {
	var b strings.Builder
	if t.total() == 0 {
		b.WriteString("no findings")
	} else {
		fmt.Fprintf(&b, "%s (%s, %s, %s)", plural(t.total(), "finding", "findings"),
			plural(t.errors, "error", "errors"), plural(t.warnings, "warning", "warnings"),
			plural(t.suggestions, "suggestion", "suggestions"))
	}
	b.WriteString(" in " + plural(t.files, "file", "files"))
	if t.unreadable > 0 {
		b.WriteString("; " + plural(t.unreadable, "file", "files") + " could not be read")
	}
	return b.String()
}

// JSONFinding is one element of the json format (and of report.json).
type JSONFinding struct {
	Path      string   `json:"path"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	EndLine   int      `json:"end_line"`
	EndColumn int      `json:"end_column"`
	Rule      string   `json:"rule"`
	Severity  string   `json:"severity"`
	Message   string   `json:"message"`
	Fix       *JSONFix `json:"fix"`
}

// JSONFix is a finding's fix: Replacement replaces the range from
// Line:Column to EndLine:EndColumn; Edits are the same change as separate
// edits.
type JSONFix struct {
	Replacement string     `json:"replacement"`
	Kind        string     `json:"kind"`
	Message     string     `json:"message"`
	Line        int        `json:"line"`
	Column      int        `json:"column"`
	EndLine     int        `json:"end_line"`
	EndColumn   int        `json:"end_column"`
	Edits       []JSONEdit `json:"edits"`
}

// JSONEdit is one edit of a fix, in positions on disk.
type JSONEdit struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	New       string `json:"new"`
}

func jsonFindings(f File) []JSONFinding {
	out := []JSONFinding{}
	for _, x := range locate(f) {
		j := JSONFinding{
			Path: x.Path, Line: x.Start.Line, Column: x.Start.Col, EndLine: x.End.Line, EndColumn: x.End.Col,
			Rule: x.Rule, Severity: x.Severity.String(), Message: x.Message,
		}
		if x.Fix != nil {
			j.Fix = &JSONFix{
				Replacement: x.Fix.Replacement, Kind: x.Fix.Kind.String(), Message: x.Fix.Message,
				Line: x.Fix.Start.Line, Column: x.Fix.Start.Col, EndLine: x.Fix.End.Line, EndColumn: x.Fix.End.Col,
			}
			for _, e := range x.Fix.Edits {
				j.Fix.Edits = append(j.Fix.Edits, JSONEdit{Line: e.Start.Line, Column: e.Start.Col, EndLine: e.End.Line, EndColumn: e.End.Col, New: e.New})
			}
		}
		out = append(out, j)
	}
	return out
}

// encodeJSON writes v indented, without HTML escaping (messages quote
// Markdown such as <br> and & verbatim), ending with a newline.
func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// slashPath is the path with forward slashes, as CI systems expect.
func slashPath(p string) string { return filepath.ToSlash(p) }

// githubLevel maps a severity to a workflow command.
func githubLevel(s rule.Severity) string {
	switch s {
	case rule.Error:
		return "error"
	case rule.Warning:
		return "warning"
	}
	return "notice"
}

// GitHub escapes workflow command data (the message) and properties
// differently: properties also escape the separators ':' and ','.
var (
	githubData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// writeGitHub writes GitHub Actions workflow commands, which the runner turns
// into annotations on the changed files.
func writeGitHub(w io.Writer, files []File) error {
	var b strings.Builder
	for _, f := range files {
		path := githubProperty.Replace(slashPath(f.Path))
		if f.Note == nil && f.Err != nil {
			pos, msg := readError(f.Path, f.Err)
			props := "file=" + path
			if pos.Line > 0 {
				props += ",line=" + strconv.Itoa(pos.Line)
				if pos.Col > 0 {
					props += ",col=" + strconv.Itoa(pos.Col)
				}
			}
			fmt.Fprintf(&b, "::error %s,title=itilint::%s\n", props, githubData.Replace(msg))
			continue
		}
		for _, x := range locatePlain(f) {
			fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
				githubLevel(x.Severity), path, x.Start.Line, x.Start.Col, x.End.Line, x.End.Col,
				githubProperty.Replace(x.Rule), githubData.Replace(x.Message))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// JUnit XML, as Jenkins, GitLab and most CI dashboards read it: one suite
// per file, one failing test case per finding, one passing case for a clean
// file and an erroring case for a file that could not be read.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	XMLName  xml.Name    `xml:"testsuite"`
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// junitSuiteOf is the test suite of one file.
func junitSuiteOf(f File) junitSuite {
	s := junitSuite{Name: slashPath(f.Path)}
	switch {
	case f.Note == nil && f.Err != nil:
		pos, msg := readError(f.Path, f.Err)
		s.Cases = append(s.Cases, junitCase{Name: "read", Classname: s.Name,
			Error: &junitProblem{Message: oneLine(msg), Type: "read", Text: errorLoc(f.Path, pos) + ": " + msg}})
		s.Errors++
	default:
		for _, x := range locatePlain(f) {
			s.Cases = append(s.Cases, junitCase{
				Name:      fmt.Sprintf("%s %d:%d", x.Rule, x.Start.Line, x.Start.Col),
				Classname: s.Name,
				Failure: &junitProblem{Message: oneLine(x.Message), Type: x.Severity.String(),
					Text: fmt.Sprintf("%s:%d:%d: %s %s: %s", x.Path, x.Start.Line, x.Start.Col, x.Severity, x.Rule, x.Message)},
			})
			s.Failures++
		}
		if len(s.Cases) == 0 {
			s.Cases = append(s.Cases, junitCase{Name: "itilint", Classname: s.Name})
		}
	}
	s.Tests = len(s.Cases)
	return s
}

// Checkstyle XML, which many code review tools (reviewdog, Jenkins warnings)
// import.
type checkstyleRoot struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	XMLName xml.Name          `xml:"file"`
	Name    string            `xml:"name,attr"`
	Errors  []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr,omitempty"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

func checkstyleSeverity(s rule.Severity) string {
	switch s {
	case rule.Error:
		return "error"
	case rule.Warning:
		return "warning"
	}
	return "info"
}

func checkstyleOf(f File) checkstyleFile {
	cf := checkstyleFile{Name: f.Path}
	if f.Note == nil && f.Err != nil {
		pos, msg := readError(f.Path, f.Err)
		cf.Errors = append(cf.Errors, checkstyleError{Line: pos.Line, Column: pos.Col, Severity: "error", Message: oneLine(msg), Source: "itilint.read"})
	}
	for _, x := range locatePlain(f) {
		cf.Errors = append(cf.Errors, checkstyleError{
			Line: x.Start.Line, Column: x.Start.Col, Severity: checkstyleSeverity(x.Severity),
			Message: oneLine(x.Message), Source: "itilint." + x.Rule,
		})
	}
	return cf
}

// writeXML writes an XML declaration and v indented, ending with a newline.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
