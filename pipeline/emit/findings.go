package emit

import (
	"encoding/xml"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
)

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
func locate(f result.File) []located { return locateFixes(f, true) }

// locatePlain is locate without spelling out the fixes, for the formats
// that do not show them (text, github, junit, checkstyle).
func locatePlain(f result.File) []located { return locateFixes(f, false) }

func locateFixes(f result.File, fixes bool) []located {
	if f.Note == nil {
		return nil
	}
	n := f.Note
	out := make([]located, 0, len(f.Findings))
	// Findings come sorted, so starts (and mostly ends) increase: cursors
	// count columns on from the previous finding, not from the line start.
	starts, ends := n.PositionCursor(), n.PositionCursor()
	var fixPos *note.PositionCursor
	for _, x := range f.Findings {
		start, end := clamp(x.Start, len(n.Text)), clamp(x.End, len(n.Text))
		if end < start {
			end = start
		}
		l := located{Finding: x, Path: f.Path, Start: starts.Position(start), End: ends.Position(end)}
		if fixes && x.Fix != nil && len(x.Fix.Edits) > 0 {
			if fixPos == nil {
				fixPos = n.PositionCursor()
			}
			l.Fix = resolveFix(n, x, start, end, fixPos)
		}
		out = append(out, l)
	}
	return out
}

func clamp(off, size int) int { return max(0, min(off, size)) }

// resolveFix spells out the fix of x, whose range is start to end. Its
// positions are asked of cur in increasing order (the fix's start, each
// edit's start and end, the fix's end), as a cursor counts fastest.
func resolveFix(n *note.Note, x rule.Finding, start, end int, cur *note.PositionCursor) *resolvedFix {
	if x.Fix == nil || len(x.Fix.Edits) == 0 {
		return nil
	}
	sorted := x.Fix.Edits
	if len(sorted) > 1 {
		var err error
		if sorted, err = edit.Sort(sorted, len(n.Text)); err != nil {
			return nil
		}
	} else if e := sorted[0]; e.Start < 0 || e.End < e.Start || e.End > len(n.Text) {
		return nil // as edit.Sort would have it
	}
	for _, e := range sorted {
		start, end = min(start, e.Start), max(end, e.End)
	}
	// The range after the fix: the text between the edits, and each
	// edit's new text.
	size := end - start
	for _, e := range sorted {
		size += len(e.New) - (e.End - e.Start)
	}
	after := make([]byte, 0, size)
	last := start
	for _, e := range sorted {
		after = append(after, n.Text[last:e.Start]...)
		after = append(after, e.New...)
		last = e.End
	}
	after = append(after, n.Text[last:end]...)
	rf := &resolvedFix{
		Kind: x.Fix.Kind, Message: x.Fix.Message,
		Start:       cur.Position(start),
		Replacement: string(after),
		Edits:       make([]locatedEdit, len(sorted)),
	}
	for i, e := range sorted {
		rf.Edits[i] = locatedEdit{Start: cur.Position(e.Start), End: cur.Position(e.End), New: e.New}
	}
	rf.End = cur.Position(end)
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
	// Two IndexByte calls, not ContainsAny: this runs for every finding,
	// and ContainsAny builds its byte set on each call.
	if strings.IndexByte(s, '\n') < 0 && strings.IndexByte(s, '\r') < 0 {
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
	Path      string `json:"path"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Rule      string `json:"rule"`
	// DocURL is the address of the rule's documentation page
	// (rule.DocURL); a file that could not be read has none.
	DocURL   string   `json:"doc_url,omitempty"`
	Severity string   `json:"severity"`
	Message  string   `json:"message"`
	Fix      *JSONFix `json:"fix"`
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

func jsonFindingsOf(found []located) []JSONFinding {
	out := []JSONFinding{}
	for _, x := range found {
		j := JSONFinding{
			Path: x.Path, Line: x.Start.Line, Column: x.Start.Col, EndLine: x.End.Line, EndColumn: x.End.Col,
			Rule: x.Rule, DocURL: rule.DocURL(x.Rule), Severity: x.Severity.String(), Message: x.Message,
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

func checkstyleSeverity(s rule.Severity) string {
	switch s {
	case rule.Error:
		return "error"
	case rule.Warning:
		return "warning"
	}
	return "info"
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
