package emit

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

	"github.com/itilint/itilint/pipeline/note"
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
// Findings of course-level rules that arrive after every file (File.Late)
// follow the files: in JUnit and checkstyle as one more element for the
// same file.
type FindingWriter struct {
	// Read, when set, is the input read by default (the user named no
	// path): the text format's summary names it.
	Read string

	w      io.Writer
	format string
	rules  []*rule.Rule
	tally  tally
	buf    []byte
	err    error

	jsonCount int
	xml       *xml.Encoder
	sarif     *sarifStream
	junit     *junitStream
}

// NewFindingWriter starts writing findings in format to w; rules supplies
// the metadata SARIF describes.
func NewFindingWriter(w io.Writer, format string, rules []*rule.Rule) (*FindingWriter, error) {
	if format == "" {
		format = "text"
	}
	if !contains(FindingFormats, format) {
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
		if _, fw.err = io.WriteString(w, xml.Header); fw.err == nil {
			fw.xml = xml.NewEncoder(w)
			fw.xml.Indent("", "  ")
			fw.err = fw.xml.EncodeToken(xml.StartElement{Name: xml.Name{Local: "checkstyle"},
				Attr: []xml.Attr{{Name: xml.Name{Local: "version"}, Value: "4.3"}}})
		}
	}
	return fw, fw.err
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// File writes (or keeps) the findings of one file. Its note is not used
// after File returns.
func (fw *FindingWriter) File(f *File) error {
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
		var b strings.Builder
		if err := writeGitHub(&b, []File{*f}); err != nil {
			return err
		}
		_, fw.err = io.WriteString(fw.w, b.String())
	case "json":
		fw.err = fw.json(f)
	case "checkstyle":
		fw.err = fw.xml.Encode(checkstyleOf(*f))
	case "sarif":
		fw.err = fw.sarif.file(*f)
	case "junit":
		fw.err = fw.junit.file(*f)
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
		if fw.err = fw.xml.EncodeToken(xml.EndElement{Name: xml.Name{Local: "checkstyle"}}); fw.err == nil {
			if fw.err = fw.xml.Close(); fw.err == nil {
				_, fw.err = io.WriteString(fw.w, "\n")
			}
		}
	case "sarif":
		fw.err = fw.sarif.close()
	case "junit":
		fw.err = fw.junit.close(fw.w)
	}
	return fw.err
}

// text writes `path:line:col: severity rule-id: message` lines; building
// them with appends rather than fmt matters on courses with tens of
// thousands of findings.
func (fw *FindingWriter) text(f *File) error {
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
		b = append(b, x.Severity.String()...)
		b = append(b, ' ')
		b = append(b, x.Rule...)
		b = append(b, ": "...)
		b = append(b, oneLine(x.Message)...)
		b = append(b, '\n')
	}
	fw.buf = b
	_, err := fw.w.Write(b)
	return err
}

// json writes the elements of one indented array, as encodeJSON would
// write the whole array.
func (fw *FindingWriter) json(f *File) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	for _, j := range jsonFindings(*f) {
		if fw.jsonCount == 0 {
			buf.WriteString("[\n  ")
		} else {
			buf.WriteString(",\n  ")
		}
		fw.jsonCount++
		if err := enc.Encode(j); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1) // Encode ends with a newline
	}
	_, err := fw.w.Write(buf.Bytes())
	return err
}

// add counts a file's findings for the summary line; late findings belong
// to a file counted already.
func (t *tally) add(f *File) {
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

func (js *junitStream) file(f File) error {
	s := junitSuiteOf(f)
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
