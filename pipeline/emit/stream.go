package emit

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/itilint/itilint/pipeline/rule"
)

// A FindingWriter writes the findings of a run file by file, as a streamed
// run hands them over (pipeline.Config.Each), in one of FindingFormats.
//
// Text, github, json, sarif and checkstyle are written as the files come,
// so nothing of a file is kept once it is written. A JUnit document opens
// with totals, so JUnit keeps each file's located findings (positions and
// messages, never the note) until Close.
//
// Findings of course-level rules that arrive after every file (File.Late)
// follow the files in the streamed formats and join their file's findings
// in JUnit.
type FindingWriter struct {
	w      io.Writer
	format string
	rules  []*rule.Rule
	tally  tally
	buf    []byte
	err    error

	jsonCount int
	xml       *xml.Encoder
	sarif     *sarifStream
	kept      []File         // sarif, junit: files with their findings located
	keptAt    map[string]int // path → index in kept
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
	fw := &FindingWriter{w: w, format: format, rules: rules, keptAt: map[string]int{}}
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
	default: // junit
		kept := File{Path: f.Path, Err: f.Err, pre: locatePlain(*f)}
		if kept.pre == nil {
			kept.pre = []located{}
		}
		if i, ok := fw.keptAt[f.Path]; ok && f.Late {
			all := append(fw.kept[i].pre, kept.pre...)
			sort.SliceStable(all, func(a, b int) bool { return before(all[a], all[b]) })
			fw.kept[i].pre = all
			return nil
		}
		fw.keptAt[f.Path] = len(fw.kept)
		fw.kept = append(fw.kept, kept)
	}
	return fw.err
}

// before orders located findings by position, then rule and message, as
// lint.Sort orders them by offset.
func before(a, b located) bool {
	if a.Start.Line != b.Start.Line {
		return a.Start.Line < b.Start.Line
	}
	if a.Start.Col != b.Start.Col {
		return a.Start.Col < b.Start.Col
	}
	if a.End.Line != b.End.Line {
		return a.End.Line < b.End.Line
	}
	if a.End.Col != b.End.Col {
		return a.End.Col < b.End.Col
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	return a.Message < b.Message
}

// Close writes the end of the report: the summary line, closing brackets,
// or the whole document of the kept formats.
func (fw *FindingWriter) Close() error {
	if fw.err != nil {
		return fw.err
	}
	switch fw.format {
	case "text":
		_, fw.err = io.WriteString(fw.w, fw.tally.String()+"\n")
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
		fw.err = writeJUnit(fw.w, fw.kept)
	}
	fw.kept = nil
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
	for _, x := range locatePlain(*f) {
		b = append(b, x.Path...)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(x.Start.Line), 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(x.Start.Col), 10)
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
