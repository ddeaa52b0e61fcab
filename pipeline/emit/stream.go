package emit

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
)

// A FindingWriter writes the findings of a run file by file, as a streamed
// run hands them over (pipeline.Config.Each), in one of FindingFormats.
//
// Every format is written as the files come, so nothing of a file is kept
// once it is written. A JUnit document opens with totals, so its test
// suites go to a temporary file until Close writes the totals and copies
// them after.
//
// Findings of course-level rules that arrive after every file (result.File.Late)
// follow the files: in JUnit and checkstyle as one more element for the
// same file.
type FindingWriter struct {
	// Read, when set, is the input read by default (the user named no
	// path): the text format's summary names it.
	Read string
	// Version, when set, is the tool's version, which SARIF's driver
	// carries.
	Version string
	// Quiet leaves out the text format's summary line: only findings.
	Quiet bool
	// Color marks the text format's severities and rule IDs with ANSI
	// colours, for a terminal (the CLI sets it only when standard output
	// is one and NO_COLOR is not set).
	Color bool
	// FailOn, when set, is the least severity that fails the build
	// (check --fail-on); JUnit reports the findings below it as output
	// of their suite, not as failures. Zero makes every finding a
	// failure.
	FailOn rule.Severity

	w      io.Writer
	format string
	rules  []*rule.Rule
	tally  tally
	buf    []byte
	err    error

	jsonCount  int
	checkstyle int // file elements written
	sarif      *sarifStream
	junit      *junitStream
}

// NewFindingWriter starts writing findings in format to w; rules supplies
// the metadata SARIF describes.
func NewFindingWriter(w io.Writer, format string, rules []*rule.Rule) (*FindingWriter, error) {
	if format == "" {
		format = "text"
	}
	if !slices.Contains(FindingFormats, format) {
		return nil, fmt.Errorf("unknown findings format %q (want %s)", format, strings.Join(FindingFormats, ", "))
	}
	fw := &FindingWriter{w: w, format: format, rules: rules}
	if format == "junit" {
		fw.junit, fw.err = newJUnitStream()
	}
	if format == "sarif" {
		fw.sarif, fw.err = newSARIFStream(w, rules)
	}
	if format == "checkstyle" {
		_, fw.err = io.WriteString(w, xml.Header+`<checkstyle version="4.3">`)
	}
	return fw, fw.err
}

// File writes (or keeps) the findings of one file. Its note is not used
// after File returns.
func (fw *FindingWriter) File(f *result.File) error {
	if fw.err != nil {
		return fw.err
	}
	if f.Late && len(f.Findings) == 0 {
		return nil
	}
	fw.tally.add(f)
	switch fw.format {
	case "text":
		fw.err = fw.text(f)
	case "github":
		fw.buf = appendGitHub(fw.buf[:0], f)
		_, fw.err = fw.w.Write(fw.buf)
	case "json":
		fw.buf = appendJSONReadError(fw.buf[:0], f, &fw.jsonCount)
		fw.buf = appendJSONFindings(fw.buf, f, &fw.jsonCount, fw.spill)
		if fw.err == nil {
			_, fw.err = fw.w.Write(fw.buf)
		}
	case "checkstyle":
		fw.checkstyle++
		fw.buf = appendCheckstyleFile(fw.buf[:0], f)
		_, fw.err = fw.w.Write(fw.buf)
	case "sarif":
		fw.buf, fw.err = fw.sarif.file(fw.buf[:0], f)
	case "junit":
		fw.buf, fw.err = fw.junit.file(fw.buf[:0], f, fw.FailOn)
	}
	return fw.err
}

// Close writes the end of the report: the summary line, closing brackets,
// or the whole document of the kept formats.
func (fw *FindingWriter) Close() error {
	if fw.err != nil {
		return fw.err
	}
	switch fw.format {
	case "text":
		if fw.Quiet {
			break
		}
		line := fw.tally.String()
		if fw.Read != "" {
			line += " (" + ReadFrom(fw.Read) + ")"
		}
		_, fw.err = io.WriteString(fw.w, line+"\n")
	case "json":
		end := "\n]\n"
		if fw.jsonCount == 0 {
			end = "[]\n"
		}
		_, fw.err = io.WriteString(fw.w, end)
	case "checkstyle":
		end := "\n</checkstyle>\n"
		if fw.checkstyle == 0 {
			end = "</checkstyle>\n"
		}
		_, fw.err = io.WriteString(fw.w, end)
	case "sarif":
		fw.err = fw.sarif.close(fw.Version)
	case "junit":
		fw.err = fw.junit.close(fw.w)
	}
	return fw.err
}

// text writes `path:line:col: severity rule-id: message` lines; building
// them with appends rather than fmt matters on courses with tens of
// thousands of findings.
func (fw *FindingWriter) text(f *result.File) error {
	b := fw.buf[:0]
	if f.Note == nil && f.Err != nil {
		pos, msg := readError(f.Path, f.Err)
		b = append(b, errorLoc(f.Path, pos)...)
		b = append(b, ": error: "...)
		b = append(b, oneLine(msg)...)
		b = append(b, '\n')
	}
	// Only where each finding starts is shown: one cursor over the sorted
	// findings, without locating their ends and fixes as locate does.
	var starts *note.PositionCursor
	if f.Note != nil {
		starts = f.Note.PositionCursor()
	}
	for _, x := range f.Findings {
		if f.Note == nil {
			break // as locate: a finding without its note has no position
		}
		start := starts.Position(clamp(x.Start, len(f.Note.Text)))
		b = append(b, f.Path...)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(start.Line), 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(start.Col), 10)
		b = append(b, ": "...)
		if fw.Color {
			b = append(b, severityColor(x.Severity)...)
			b = append(b, x.Severity.String()...)
			b = append(b, colorReset+" "+colorRule...)
			b = append(b, x.Rule...)
			b = append(b, colorReset+": "...)
		} else {
			b = append(b, x.Severity.String()...)
			b = append(b, ' ')
			b = append(b, x.Rule...)
			b = append(b, ": "...)
		}
		b = append(b, oneLine(x.Message)...)
		b = append(b, '\n')
		if len(b) >= spillAt {
			if b = fw.spill(b); fw.err != nil {
				return fw.err
			}
		}
	}
	fw.buf = b
	_, err := fw.w.Write(b)
	return err
}

// spillAt is the size past which a file's report is written out before
// the rest is built: a note of megabytes has a report of as many, which
// was built whole in memory.
const spillAt = 64 << 10

// spill writes b, the report built so far, and returns it emptied; a
// write error is kept in fw.err.
func (fw *FindingWriter) spill(b []byte) []byte {
	if fw.err == nil {
		_, fw.err = fw.w.Write(b)
	}
	return b[:0]
}

// add counts a file's findings for the summary line; late findings belong
// to a file counted already.
func (t *tally) add(f *result.File) {
	if f.Note == nil && f.Err != nil {
		t.unreadable++
		return
	}
	if !f.Late {
		t.files++
	}
	for _, x := range f.Findings {
		switch x.Severity {
		case rule.Error:
			t.errors++
		case rule.Warning:
			t.warnings++
		default:
			t.suggestions++
		}
	}
}

// A junitStream spills the test suites to a temporary file as files come,
// so that Close can write the document's totals first and memory holds no
// more than one file's suite.
type junitStream struct {
	tmp                     *os.File
	buf                     *bufio.Writer
	suites                  int
	tests, failures, errors int
}

func newJUnitStream() (*junitStream, error) {
	tmp, err := os.CreateTemp("", "itilint-junit-*.xml")
	if err != nil {
		return nil, fmt.Errorf("junit report: %w", err)
	}
	return &junitStream{tmp: tmp, buf: bufio.NewWriterSize(tmp, 64<<10)}, nil
}

// file spills the test suite of one file, built in b.
func (js *junitStream) file(b []byte, f *result.File, failOn rule.Severity) ([]byte, error) {
	b, c := appendJUnitSuite(b, f, failOn)
	js.suites++
	js.tests += c.tests
	js.failures += c.failures
	js.errors += c.errors
	_, err := js.buf.Write(b)
	return b, err
}

// close writes the document to w and removes the temporary file.
func (js *junitStream) close(w io.Writer) error {
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

// ANSI colours of the text format on a terminal: errors red, warnings
// yellow, suggestions cyan, as compilers and linters colour them; rule IDs
// dim, so the message stands out.
const (
	colorReset = "\x1b[0m"
	colorRule  = "\x1b[2m"
)

func severityColor(s rule.Severity) string {
	switch s {
	case rule.Error:
		return "\x1b[1;31m"
	case rule.Warning:
		return "\x1b[33m"
	}
	return "\x1b[36m"
}
