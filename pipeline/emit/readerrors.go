package emit

import (
	"bytes"
	"encoding/json"

	"github.com/itilint/itilint/pipeline/result"
)

// unreadableRule is the rule the json format gives a file that could not
// be read: it is one more element of the array, an error at the position
// the reason names (0 when none), so that a program reading the report
// sees every input, as SARIF's toolExecutionNotifications and the other
// formats' erroring entries show them.
const unreadableRule = "unreadable"

// jsonReadError is the json element of a file that could not be read, and
// whether f is one.
func jsonReadError(f *result.File) (JSONFinding, bool) {
	if f.Note != nil || f.Err == nil {
		return JSONFinding{}, false
	}
	pos, msg := readError(f.Path, f.Err)
	return JSONFinding{
		Path: f.Path, Line: pos.Line, Column: pos.Col, EndLine: pos.Line, EndColumn: pos.Col,
		Rule: unreadableRule, Severity: "error", Message: msg,
	}, true
}

// appendJSONReadError appends the json element of a file that could not be
// read, as encoding/json writes it (the case is rare: no hand-written
// encoder); count is the number of elements written before.
func appendJSONReadError(b []byte, f *result.File, count *int) []byte {
	j, ok := jsonReadError(f)
	if !ok {
		return b
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	if enc.Encode(j) != nil {
		return b
	}
	if *count == 0 {
		b = append(b, "[\n  "...)
	} else {
		b = append(b, ",\n  "...)
	}
	*count++
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...)
}
