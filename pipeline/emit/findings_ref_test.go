package emit

// The writers as they were before the appending encoders (appendenc.go):
// reflection through encoding/json and encoding/xml. They are kept here as
// the reference the fast writers must match byte for byte.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
)

// refFindings writes files in format as the writers did before.
func refFindings(w io.Writer, format string, files []result.File, rules []*rule.Rule) error {
	switch format {
	case "json":
		var jsonCount int
		for i := range files {
			if files[i].Late && len(files[i].Findings) == 0 {
				continue
			}
			if err := refJSON(w, &jsonCount, &files[i]); err != nil {
				return err
			}
		}
		end := "\n]\n"
		if jsonCount == 0 {
			end = "[]\n"
		}
		_, err := io.WriteString(w, end)
		return err
	case "github":
		var keep []result.File
		for _, f := range files {
			if !(f.Late && len(f.Findings) == 0) {
				keep = append(keep, f)
			}
		}
		return refWriteGitHub(w, keep)
	case "checkstyle":
		io.WriteString(w, xml.Header)
		enc := xml.NewEncoder(w)
		enc.Indent("", "  ")
		enc.EncodeToken(xml.StartElement{Name: xml.Name{Local: "checkstyle"},
			Attr: []xml.Attr{{Name: xml.Name{Local: "version"}, Value: "4.3"}}})
		for _, f := range files {
			if f.Late && len(f.Findings) == 0 {
				continue
			}
			if err := enc.Encode(refCheckstyleOf(f)); err != nil {
				return err
			}
		}
		enc.EncodeToken(xml.EndElement{Name: xml.Name{Local: "checkstyle"}})
		enc.Close()
		_, err := io.WriteString(w, "\n")
		return err
	case "sarif":
		st, err := refNewSARIFStream(w, rules)
		if err != nil {
			return err
		}
		for _, f := range files {
			if f.Late && len(f.Findings) == 0 {
				continue
			}
			if err := st.file(f); err != nil {
				return err
			}
		}
		return st.close()
	case "junit":
		js, err := refNewJUnitStream()
		if err != nil {
			return err
		}
		for _, f := range files {
			if f.Late && len(f.Findings) == 0 {
				continue
			}
			if err := js.file(f); err != nil {
				return err
			}
		}
		return js.close(w)
	}
	return fmt.Errorf("no reference for %s", format)
}

// refJSON writes the elements of one indented array, as encoding/json
// would write the whole array.
func refJSON(w io.Writer, jsonCount *int, f *result.File) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	js := jsonFindings(*f)
	if j, ok := jsonReadError(f); ok {
		js = append([]JSONFinding{j}, js...)
	}
	for _, j := range js {
		if *jsonCount == 0 {
			buf.WriteString("[\n  ")
		} else {
			buf.WriteString(",\n  ")
		}
		*jsonCount++
		if err := enc.Encode(j); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1) // Encode ends with a newline
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// refWriteGitHub writes GitHub Actions workflow commands, which the runner turns
// into annotations on the changed files.
func refWriteGitHub(w io.Writer, files []result.File) error {
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

// refJUnitSuiteOf is the test suite of one file.
func refJUnitSuiteOf(f result.File) junitSuite {
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

func refCheckstyleOf(f result.File) checkstyleFile {
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

// A refSARIFStream writes a SARIF 2.1.0 log with one run as findings come:
// the run's results first, written one by one, then the rest of the run
// (the driver with every rule given and any rule a finding named that was
// not among them, and the invocation, where files that could not be read
// are tool execution notifications), known only at the end. JSON does not
// order an object's keys, so results-first is as valid as any order, and
// nothing of a file is kept once its results are written.
type refSARIFStream struct {
	w       io.Writer
	run     *sarif.Run // without results: rules and the invocation
	inv     *sarif.Invocation
	suffix  string // the log after its runs
	results int
}

func refNewSARIFStream(w io.Writer, rules []*rule.Rule) (*refSARIFStream, error) {
	st := &refSARIFStream{w: w}
	st.run = sarif.NewRunWithInformationURI("itilint", sarifInformationURI)
	// Our columns count characters (code points), not UTF-16 units.
	st.run.WithColumnKind("unicodeCodePoints")
	for _, r := range rules {
		d := st.run.AddRule(r.ID).
			WithName(r.ID).
			WithShortDescription(sarif.NewMultiformatMessageString().WithText(r.Summary())).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(r.Severity)))
		d.WithFullDescription(sarif.NewMultiformatMessageString().WithText(strings.TrimSpace(r.Doc)))
		d.WithHelpURI(rule.DocURL(r.ID))
	}
	st.inv = sarif.NewInvocation().WithExecutionSuccessful(true)
	// The log around the runs, as the library writes it.
	empty, err := json.MarshalIndent(sarif.NewReport(), "", "  ")
	if err != nil {
		return nil, err
	}
	prefix, suffix, ok := strings.Cut(string(empty), `"runs": []`)
	if !ok {
		return nil, fmt.Errorf("sarif: unexpected log layout %q", empty)
	}
	st.suffix = suffix
	_, err = io.WriteString(w, prefix+"\"runs\": [\n    {\n      \"results\": [")
	return st, err
}

// file writes the results of one file, or records why it could not be read.
func (st *refSARIFStream) file(f result.File) error {
	uri := sarifURI(f.Path)
	if f.Note == nil && f.Err != nil {
		pos, msg := readError(f.Path, f.Err)
		where := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(uri))
		if pos.Line > 0 {
			region := sarif.NewRegion().WithStartLine(pos.Line)
			if pos.Col > 0 {
				region.WithStartColumn(pos.Col)
			}
			where.WithRegion(region)
		}
		st.inv.WithExecutionSuccessful(false)
		st.inv.AddToolExecutionNotification(sarif.NewNotification().
			WithLevel(sarif.LevelError).
			WithMessage(sarif.NewTextMessage(msg)).
			AddLocation(sarif.NewLocationWithPhysicalLocation(where)))
		return nil
	}
	var b strings.Builder
	for _, x := range locate(f) {
		if st.run.GetRuleIndex(x.Rule) < 0 {
			st.run.AddRule(x.Rule).WithName(x.Rule).
				WithShortDescription(sarif.NewMultiformatMessageString().WithText(x.Rule)).
				WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(x.Severity)))
		}
		res := sarifResult{
			RuleID: x.Rule, RuleIndex: st.run.GetRuleIndex(x.Rule), Level: sarifLevel(x.Severity),
			Message: sarifText{x.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifact{uri}, Region: regionOf(x.Start, x.End)}}},
		}
		if x.Fix != nil {
			change := sarifChange{ArtifactLocation: sarifArtifact{uri}}
			for _, e := range x.Fix.Edits {
				change.Replacements = append(change.Replacements, sarifReplacement{
					DeletedRegion: regionOf(e.Start, e.End), InsertedContent: sarifText{e.New}})
			}
			fix := sarifFix{ArtifactChanges: []sarifChange{change}, Properties: map[string]string{"kind": x.Fix.Kind.String()}}
			if x.Fix.Message != "" {
				fix.Description = &sarifText{x.Fix.Message}
			}
			res.Fixes = []sarifFix{fix}
		}
		// One result a line: a course has tens of thousands, and indenting
		// them made the log three times the size.
		data, err := json.Marshal(&res)
		if err != nil {
			return err
		}
		if st.results > 0 {
			b.WriteByte(',')
		}
		st.results++
		b.WriteString("\n" + sarifResultIndent)
		b.Write(data)
	}
	_, err := io.WriteString(st.w, b.String())
	return err
}

// close writes the rest of the run and of the log.
func (st *refSARIFStream) close() error {
	st.run.AddInvocation(st.inv)
	data, err := json.MarshalIndent(st.run, "    ", "  ")
	if err != nil {
		return err
	}
	// The run as the library writes it, less its empty results, follows
	// the results written already.
	body, ok := strings.CutPrefix(string(data), "{")
	if !ok {
		return fmt.Errorf("sarif: unexpected run layout")
	}
	body = strings.Replace(body, "\n      \"results\": [],", "", 1)
	end := "\n      ],"
	if st.results == 0 {
		end = "],"
	}
	_, err = io.WriteString(st.w, end+body+"\n  ]"+st.suffix+"\n")
	return err
}

// A refJUnitStream spills the test suites to a temporary file as files come,
// so that Close can write the document's totals first and memory holds no
// more than one file's suite.
type refJUnitStream struct {
	tmp                     *os.File
	buf                     *bufio.Writer
	suites                  int
	tests, failures, errors int
}

func refNewJUnitStream() (*refJUnitStream, error) {
	tmp, err := os.CreateTemp("", "itilint-junit-*.xml")
	if err != nil {
		return nil, fmt.Errorf("junit report: %w", err)
	}
	return &refJUnitStream{tmp: tmp, buf: bufio.NewWriterSize(tmp, 64<<10)}, nil
}

func (js *refJUnitStream) file(f result.File) error {
	s := refJUnitSuiteOf(f)
	data, err := xml.MarshalIndent(s, "  ", "  ")
	if err != nil {
		return err
	}
	js.suites++
	js.tests += s.Tests
	js.failures += s.Failures
	js.errors += s.Errors
	js.buf.WriteString("\n") // MarshalIndent starts with the prefix
	_, err = js.buf.Write(data)
	return err
}

// close writes the document to w and removes the temporary file.
func (js *refJUnitStream) close(w io.Writer) error {
	defer os.Remove(js.tmp.Name())
	defer js.tmp.Close()
	if err := js.buf.Flush(); err != nil {
		return fmt.Errorf("junit report: %w", err)
	}
	head := fmt.Sprintf("%s<testsuites name=\"itilint\" tests=\"%d\" failures=\"%d\" errors=\"%d\">",
		xml.Header, js.tests, js.failures, js.errors)
	if _, err := io.WriteString(w, head); err != nil {
		return err
	}
	if js.suites == 0 {
		_, err := io.WriteString(w, "</testsuites>\n")
		return err
	}
	if _, err := js.tmp.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("junit report: %w", err)
	}
	if _, err := io.Copy(w, js.tmp); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n</testsuites>\n")
	return err
}

// A result as SARIF 2.1.0 has it, with only the properties we fill: the
// library's types write every optional property as an empty array or -1,
// which made a result five times the size and the log slow to write.
type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Fixes     []sarifFix      `json:"fixes,omitempty"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact     `json:"artifactLocation"`
	Region           sarifRegionFields `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegionFields struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifFix struct {
	Description     *sarifText        `json:"description,omitempty"`
	ArtifactChanges []sarifChange     `json:"artifactChanges"`
	Properties      map[string]string `json:"properties"`
}

type sarifChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegionFields `json:"deletedRegion"`
	InsertedContent sarifText         `json:"insertedContent"`
}

func regionOf(start, end note.Position) sarifRegionFields {
	return sarifRegionFields{StartLine: start.Line, StartColumn: start.Col, EndLine: end.Line, EndColumn: end.Col}
}

// GitHub escapes workflow command data (the message) and properties
// differently: properties also escape the separators ':' and ','.
var (
	githubData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	githubProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

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
	Out      string      `xml:"system-out,omitempty"`
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

func jsonFindings(f result.File) []JSONFinding { return jsonFindingsOf(locate(f)) }
