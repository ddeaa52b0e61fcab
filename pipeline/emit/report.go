package emit

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/itilint/itilint/pipeline/quiz"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
)

// SummaryLine is the one-line summary of a run for the terminal, with
// the time taken.
func SummaryLine(s result.Summary) string {
	line := summaryCounts(s) + fmt.Sprintf(" (%.2f s)", s.Seconds)
	if s.Read != "" {
		line = ReadFrom(s.Read) + ": " + line
	}
	return line
}

// ReadFrom names the default input for a summary: "read source/" or
// "read the current folder".
func ReadFrom(path string) string {
	if path == "." {
		return "read the current folder"
	}
	return "read " + path + "/"
}

// summaryCounts is what a summary counts, as the reports write it.
func summaryCounts(s result.Summary) string {
	parts := []string{
		plural(s.Notes, "note", "notes") + ": " + plural(s.Errors, "error", "errors") + ", " +
			plural(s.Warnings, "warning", "warnings") + ", " + plural(s.Suggestions, "suggestion", "suggestions"),
		plural(s.Fixes, "fix", "fixes") + " applied",
		plural(s.Questions, "question", "questions"),
	}
	if s.Unreadable > 0 {
		parts = append(parts, plural(s.Unreadable, "file", "files")+" could not be read")
	}
	return strings.Join(parts, "; ")
}

const reportTextHead = "itilint run report\n"

// A reportRecord is what the run reports say of one file: its findings
// located, so that the note itself need not be kept.
type reportRecord struct {
	Path, Out, Err string
	Unreadable     bool // no note: Err says why
	Found          []located
	Changes        []rule.Change
}

func recordOf(f *result.File) reportRecord {
	r := reportRecord{Path: f.Path, Out: f.Out, Unreadable: f.Note == nil && f.Err != nil, Found: locate(*f), Changes: f.Changes}
	if f.Err != nil {
		r.Err = f.Err.Error()
	}
	return r
}

// textWriter is where writeReportTextFile writes: a strings.Builder, or a
// bufio.Writer that hands the text on as it fills (a note with a million
// findings has a report of tens of megabytes).
type textWriter interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

func writeReportTextFile(b textWriter, f *reportRecord) {
	b.WriteString("\n")
	b.WriteString(f.Path)
	if f.Out != "" {
		b.WriteString(" -> ")
		b.WriteString(f.Out)
	}
	b.WriteString("\n")
	if f.Unreadable {
		pos, msg := readError(f.Path, errors.New(f.Err))
		fmt.Fprintf(b, "  %s: error: %s\n", errorLoc(f.Path, pos), oneLine(msg))
		return
	}
	found := f.Found
	if len(found) == 0 && len(f.Changes) == 0 {
		b.WriteString("  no findings, nothing changed\n")
	}
	// Written piece by piece, as fmt would print them: a course with many
	// findings spent a good part of a run's report in fmt.
	var num [40]byte
	writeInt := func(n int) { b.Write(strconv.AppendInt(num[:0], int64(n), 10)) }
	writeQuoted := func(s string) { b.Write(strconv.AppendQuote(num[:0], s)) }
	if len(found) > 0 {
		b.WriteString("  findings (")
		writeInt(len(found))
		b.WriteString("):\n")
		for _, x := range found {
			b.WriteString("    ")
			writeInt(x.Start.Line)
			b.WriteByte(':')
			writeInt(x.Start.Col)
			b.WriteString(": ")
			b.WriteString(x.Severity.String())
			b.WriteByte(' ')
			b.WriteString(x.Rule)
			b.WriteString(": ")
			b.WriteString(oneLine(x.Message))
			b.WriteByte('\n')
			if x.Fix != nil {
				b.WriteString("      fix (")
				b.WriteString(x.Fix.Kind.String())
				b.WriteString("): replace with ")
				writeQuoted(x.Fix.Replacement)
				b.WriteString(fixLabel(x.Fix.Message))
				b.WriteByte('\n')
			}
		}
	}
	if len(f.Changes) > 0 {
		b.WriteString("  changes (")
		writeInt(len(f.Changes))
		b.WriteString("):\n")
		for _, c := range f.Changes {
			b.WriteString("    ")
			b.WriteString(f.Path)
			b.WriteByte(':')
			if c.Pos.Line > 0 { // where it is on disk, else its line
				writeInt(c.Pos.Line)
				b.WriteByte(':')
				writeInt(c.Pos.Col)
			} else {
				writeInt(c.Line)
			}
			b.WriteString(": ")
			b.WriteString(c.Rule)
			b.WriteString(" (")
			b.WriteString(c.Kind.String())
			b.WriteString("): ")
			b.WriteString(oneLine(c.Message))
			b.WriteString("\n      ")
			writeQuoted(c.Before)
			b.WriteString(" → ")
			writeQuoted(c.After)
			b.WriteByte('\n')
		}
	}
}

func writeReportTextTail(b *strings.Builder, bank *quiz.Bank, s result.Summary) {
	if bank != nil {
		b.WriteString("\nquestion bank\n")
		writeBankText(b, bank)
	}
	b.WriteString("\ntotals\n  " + summaryCounts(s) + "\n")
}

func fixLabel(msg string) string {
	if msg == "" {
		return ""
	}
	return " (" + oneLine(msg) + ")"
}

// writeBankText writes the bank's tables, aligned, without trailing blanks.
func writeBankText(out *strings.Builder, bank *quiz.Bank) {
	var b strings.Builder
	defer func() {
		for _, line := range strings.SplitAfter(b.String(), "\n") {
			out.WriteString(strings.TrimRight(line, " \n"))
			if strings.HasSuffix(line, "\n") {
				out.WriteString("\n")
			}
		}
	}()
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "  type\tgenerated\tkept\n")
	kept := keptByType(bank)
	for _, typ := range bankTypes(bank) {
		fmt.Fprintf(tw, "  %s\t%d\t%d\n", typ, bank.Generated[typ], kept[typ])
	}
	fmt.Fprintf(tw, "  total\t%d\t%d\n", sum(bank.Generated), len(bank.Questions))
	tw.Flush()
	if len(bank.Dropped) > 0 {
		b.WriteString("\n")
		fmt.Fprintf(tw, "  dropped by\tquestions\n")
		for _, reason := range sortedKeys(bank.Dropped) {
			fmt.Fprintf(tw, "  %s\t%d\n", reason, bank.Dropped[reason])
		}
		tw.Flush()
	}
	if len(bank.Coverage) > 0 {
		b.WriteString("\n")
		fmt.Fprintf(tw, "  area\tweight\tquestions\tuntested terms\n")
		for _, r := range coverageRows(bank) {
			if len(r) == 6 {
				fmt.Fprintf(tw, "  %s\t%s\t%d\t%s\n", topicLabel(r[0].(string), r[1].(string)), r[2], r[3], r[5])
			}
		}
		tw.Flush()
	}
}

func topicLabel(id, name string) string {
	switch {
	case name == "":
		return id
	case id == "":
		return name
	}
	return id + " " + name
}

// typeOrder is the order types are listed in, as --types names them; types
// it does not know follow, sorted.
var typeOrder = quiz.Types()

// bankTypes lists every type the bank generated or kept.
func bankTypes(bank *quiz.Bank) []string {
	seen := map[string]bool{}
	for t := range bank.Generated {
		seen[t] = true
	}
	for _, q := range bank.Questions {
		seen[q.Type] = true
	}
	var out []string
	for _, t := range typeOrder {
		if seen[t] {
			out = append(out, t)
			delete(seen, t)
		}
	}
	return append(out, sortedKeys(seen)...)
}

func keptByType(bank *quiz.Bank) map[string]int {
	kept := map[string]int{}
	for _, q := range bank.Questions {
		kept[q.Type]++
	}
	return kept
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// The report.json document.
type jsonReport struct {
	Files     []jsonReportFile `json:"files"`
	Questions *jsonBank        `json:"questions"`
	Totals    result.Summary   `json:"totals"`
}

type jsonReportFile struct {
	Path     string        `json:"path"`
	Out      string        `json:"out,omitempty"`
	Error    string        `json:"error,omitempty"`
	Findings []JSONFinding `json:"findings"`
	Changes  []jsonChange  `json:"changes"`
}

type jsonChange struct {
	Rule    string `json:"rule"`
	Kind    string `json:"kind"`
	Message string `json:"message"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Before  string `json:"before"`
	After   string `json:"after"`
}

type jsonBank struct {
	Total    int             `json:"total"`
	ByType   []jsonTypeCount `json:"by_type"`
	Dropped  map[string]int  `json:"dropped"`
	Coverage []quiz.Coverage `json:"coverage"`
}

type jsonTypeCount struct {
	Type      string `json:"type"`
	Generated int    `json:"generated"`
	Kept      int    `json:"kept"`
}

// report.json is written a file at a time, as encoding/json would write
// the whole jsonReport: its files first, each indented in the array.
const reportJSONHead = "{\n  \"files\": ["

// writeReportJSONFile writes f's object of report.json to w, a piece at
// a time: a note of megabytes with a finding every few words has a report
// of hundreds of megabytes, which was built whole in memory.
func writeReportJSONFile(w *bufio.Writer, f *reportRecord, first bool) error {
	jf := jsonReportFile{Path: f.Path, Out: f.Out, Error: f.Err, Findings: jsonFindingsOf(f.Found), Changes: []jsonChange{}}
	for _, c := range f.Changes {
		line, col := c.Pos.Line, c.Pos.Col
		if line == 0 {
			line = c.Line
		}
		jf.Changes = append(jf.Changes, jsonChange{Rule: c.Rule, Kind: c.Kind.String(), Message: c.Message,
			Line: line, Column: col, Before: c.Before, After: c.After})
	}
	b := w.AvailableBuffer()
	if !first {
		b = append(b, ',')
	}
	b = append(b, "\n    "...)
	spill := func(b []byte) []byte {
		w.Write(b) // an error stays in w, for its Flush
		return w.AvailableBuffer()
	}
	w.Write(appendReportJSONFile(b, &jf, spill))
	return nil
}

// appendReportJSONFile appends jf as encodeJSONIndented writes it at the
// depth of a file of report.json (prefix "    "), without reflection: the
// files are most of the report, and encoding/json was a large share of a
// run's time. TestReportJSONFileMatchesEncoder holds it to the encoder.
//
// spill, when not nil, is handed what was appended so far every spillAt
// bytes or so, and returns the buffer to go on with.
func appendReportJSONFile(b []byte, jf *jsonReportFile, spill func([]byte) []byte) []byte {
	b = append(b, '{')
	b = reportJSONStr(b, 1, "path", jf.Path)
	if jf.Out != "" {
		b = append(b, ',')
		b = reportJSONStr(b, 1, "out", jf.Out)
	}
	if jf.Error != "" {
		b = append(b, ',')
		b = reportJSONStr(b, 1, "error", jf.Error)
	}
	b = append(b, ',')
	b = appendReportJSONArray(reportJSONMember(b, 1, "findings"), 1, jf.Findings, appendReportJSONFinding, spill)
	b = append(b, ',')
	b = appendReportJSONArray(reportJSONMember(b, 1, "changes"), 1, jf.Changes, appendReportJSONChange, spill)
	return append(reportJSONLine(b, 0), '}')
}

// reportJSONLine appends a line break and the indent of depth inside a
// file of report.json.
func reportJSONLine(b []byte, depth int) []byte {
	b = append(b, "\n    "...)
	for range depth {
		b = append(b, "  "...)
	}
	return b
}

// reportJSONMember appends the name of a member on a line of its own.
func reportJSONMember(b []byte, depth int, name string) []byte {
	b = reportJSONLine(b, depth)
	b = append(b, '"')
	b = append(b, name...)
	return append(b, "\": "...)
}

func reportJSONStr(b []byte, depth int, name, v string) []byte {
	return appendJSONString(reportJSONMember(b, depth, name), v, false)
}

func reportJSONNum(b []byte, depth int, name string, v int) []byte {
	return appendInt(reportJSONMember(b, depth, name), v)
}

// appendReportJSONArray appends the array of a member at depth: null when
// nil, [] when empty, else each item on its own lines. spill, when not
// nil, is handed what was appended so far every spillAt bytes or so
// between items, and returns the buffer to go on with.
func appendReportJSONArray[T any](b []byte, depth int, items []T, item func(b []byte, depth int, x *T) []byte, spill func([]byte) []byte) []byte {
	switch {
	case items == nil:
		return append(b, "null"...)
	case len(items) == 0:
		return append(b, "[]"...)
	}
	b = append(b, '[')
	for i := range items {
		if spill != nil && len(b) >= spillAt {
			b = spill(b)
		}
		if i > 0 {
			b = append(b, ',')
		}
		b = item(reportJSONLine(b, depth+1), depth+1, &items[i])
	}
	return append(reportJSONLine(b, depth), ']')
}

// appendReportJSONFinding appends a finding, an object at depth.
func appendReportJSONFinding(b []byte, depth int, f *JSONFinding) []byte {
	d := depth + 1
	b = append(b, '{')
	b = reportJSONStr(b, d, "path", f.Path)
	b = append(b, ',')
	b = reportJSONNum(b, d, "line", f.Line)
	b = append(b, ',')
	b = reportJSONNum(b, d, "column", f.Column)
	b = append(b, ',')
	b = reportJSONNum(b, d, "end_line", f.EndLine)
	b = append(b, ',')
	b = reportJSONNum(b, d, "end_column", f.EndColumn)
	b = append(b, ',')
	b = reportJSONStr(b, d, "rule", f.Rule)
	if f.DocURL != "" {
		b = append(b, ',')
		b = reportJSONStr(b, d, "doc_url", f.DocURL)
	}
	b = append(b, ',')
	b = reportJSONStr(b, d, "severity", f.Severity)
	b = append(b, ',')
	b = reportJSONStr(b, d, "message", f.Message)
	b = append(b, ',')
	b = reportJSONMember(b, d, "fix")
	if f.Fix == nil {
		b = append(b, "null"...)
	} else {
		b = appendReportJSONFix(b, d, f.Fix)
	}
	return append(reportJSONLine(b, depth), '}')
}

// appendReportJSONFix appends a finding's fix, an object at depth.
func appendReportJSONFix(b []byte, depth int, x *JSONFix) []byte {
	d := depth + 1
	b = append(b, '{')
	b = reportJSONStr(b, d, "replacement", x.Replacement)
	b = append(b, ',')
	b = reportJSONStr(b, d, "kind", x.Kind)
	b = append(b, ',')
	b = reportJSONStr(b, d, "message", x.Message)
	b = append(b, ',')
	b = reportJSONNum(b, d, "line", x.Line)
	b = append(b, ',')
	b = reportJSONNum(b, d, "column", x.Column)
	b = append(b, ',')
	b = reportJSONNum(b, d, "end_line", x.EndLine)
	b = append(b, ',')
	b = reportJSONNum(b, d, "end_column", x.EndColumn)
	b = append(b, ',')
	b = appendReportJSONArray(reportJSONMember(b, d, "edits"), d, x.Edits, appendReportJSONEdit, nil)
	return append(reportJSONLine(b, depth), '}')
}

// appendReportJSONEdit appends an edit of a fix, an object at depth.
func appendReportJSONEdit(b []byte, depth int, e *JSONEdit) []byte {
	d := depth + 1
	b = append(b, '{')
	b = reportJSONNum(b, d, "line", e.Line)
	b = append(b, ',')
	b = reportJSONNum(b, d, "column", e.Column)
	b = append(b, ',')
	b = reportJSONNum(b, d, "end_line", e.EndLine)
	b = append(b, ',')
	b = reportJSONNum(b, d, "end_column", e.EndColumn)
	b = append(b, ',')
	b = reportJSONStr(b, d, "new", e.New)
	return append(reportJSONLine(b, depth), '}')
}

// appendReportJSONChange appends a change the fixes made, an object at
// depth.
func appendReportJSONChange(b []byte, depth int, c *jsonChange) []byte {
	d := depth + 1
	b = append(b, '{')
	b = reportJSONStr(b, d, "rule", c.Rule)
	b = append(b, ',')
	b = reportJSONStr(b, d, "kind", c.Kind)
	b = append(b, ',')
	b = reportJSONStr(b, d, "message", c.Message)
	b = append(b, ',')
	b = reportJSONNum(b, d, "line", c.Line)
	b = append(b, ',')
	b = reportJSONNum(b, d, "column", c.Column)
	b = append(b, ',')
	b = reportJSONStr(b, d, "before", c.Before)
	b = append(b, ',')
	b = reportJSONStr(b, d, "after", c.After)
	return append(reportJSONLine(b, depth), '}')
}

func writeReportJSONTail(b *bytes.Buffer, anyFiles bool, bank *quiz.Bank, s result.Summary) error {
	if anyFiles {
		b.WriteString("\n  ],\n  \"questions\": ")
	} else {
		b.WriteString("],\n  \"questions\": ")
	}
	var jb *jsonBank
	if bank != nil {
		jb = &jsonBank{Total: len(bank.Questions), ByType: []jsonTypeCount{}, Dropped: bank.Dropped}
		if jb.Dropped == nil {
			jb.Dropped = map[string]int{}
		}
		jb.Coverage = make([]quiz.Coverage, len(bank.Coverage))
		for i, c := range bank.Coverage {
			if c.Untested == nil {
				c.Untested = []string{}
			}
			jb.Coverage[i] = c
		}
		kept := keptByType(bank)
		for _, t := range bankTypes(bank) {
			jb.ByType = append(jb.ByType, jsonTypeCount{Type: t, Generated: bank.Generated[t], Kept: kept[t]})
		}
	}
	if err := encodeJSONIndented(b, "  ", jb); err != nil {
		return err
	}
	b.WriteString(",\n  \"totals\": ")
	if err := encodeJSONIndented(b, "  ", s); err != nil {
		return err
	}
	b.WriteString("\n}\n")
	return nil
}

// encodeJSONIndented appends v as encoding/json's indenting encoder
// writes it at the depth of prefix, without the final newline.
func encodeJSONIndented(b *bytes.Buffer, prefix string, v any) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1)
	return nil
}
