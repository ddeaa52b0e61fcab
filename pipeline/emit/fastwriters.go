package emit

import (
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
)

// The per-file writers of the machine formats, appending to a buffer (see
// appendenc.go). Each writes what the reflection-based writer it replaced
// wrote; TestFindingWritersMatchReference compares them.

// appendJSONFindings appends the findings of f as elements of the json
// format's indented array; count is the number of elements written before.
func appendJSONFindings(b []byte, f *result.File, count *int, spill func([]byte) []byte) []byte {
	for _, x := range locate(*f) {
		if len(b) >= spillAt && spill != nil {
			b = spill(b)
		}
		if *count == 0 {
			b = append(b, "[\n  "...)
		} else {
			b = append(b, ",\n  "...)
		}
		*count++
		b = append(b, "{\n    \"path\": "...)
		b = appendJSONString(b, x.Path, false)
		b = appendJSONSpan(b, "\n    ", x.Start, x.End)
		b = append(b, ",\n    \"rule\": "...)
		b = appendJSONString(b, x.Rule, false)
		b = append(b, ",\n    \"doc_url\": "...)
		b = appendJSONDocURL(b, x.Rule)
		b = append(b, ",\n    \"severity\": "...)
		b = appendJSONString(b, x.Severity.String(), false)
		b = append(b, ",\n    \"message\": "...)
		b = appendJSONString(b, x.Message, false)
		b = append(b, ",\n    \"fix\": "...)
		if x.Fix == nil {
			b = append(b, "null\n  }"...)
			continue
		}
		b = append(b, "{\n      \"replacement\": "...)
		b = appendJSONString(b, x.Fix.Replacement, false)
		b = append(b, ",\n      \"kind\": "...)
		b = appendJSONString(b, x.Fix.Kind.String(), false)
		b = append(b, ",\n      \"message\": "...)
		b = appendJSONString(b, x.Fix.Message, false)
		b = appendJSONSpan(b, "\n      ", x.Fix.Start, x.Fix.End)
		b = append(b, ",\n      \"edits\": "...)
		if len(x.Fix.Edits) == 0 {
			b = append(b, "null"...)
		} else {
			b = append(b, '[')
			for i, e := range x.Fix.Edits {
				if i > 0 {
					b = append(b, ',')
				}
				b = append(b, "\n        {\n          \"line\": "...)
				b = appendInt(b, e.Start.Line)
				b = append(b, ",\n          \"column\": "...)
				b = appendInt(b, e.Start.Col)
				b = append(b, ",\n          \"end_line\": "...)
				b = appendInt(b, e.End.Line)
				b = append(b, ",\n          \"end_column\": "...)
				b = appendInt(b, e.End.Col)
				b = append(b, ",\n          \"new\": "...)
				b = appendJSONString(b, e.New, false)
				b = append(b, "\n        }"...)
			}
			b = append(b, "\n      ]"...)
		}
		b = append(b, "\n    }\n  }"...)
	}
	return b
}

// appendJSONDocURL appends rule.DocURL(id) as a JSON string, the constant
// parts as they are (they need no escaping): nothing is built per finding.
func appendJSONDocURL(b []byte, id string) []byte {
	b = append(b, "\""+rule.DocsBaseURL...)
	b = appendJSONStringBody(b, id, false)
	return append(b, rule.DocsExt+"\""...)
}

// appendJSONSpan appends the line, column, end_line and end_column members,
// each after a comma, a line break and indent.
func appendJSONSpan(b []byte, indent string, start, end note.Position) []byte {
	b = append(b, ',')
	b = append(b, indent...)
	b = append(b, "\"line\": "...)
	b = appendInt(b, start.Line)
	b = append(b, ',')
	b = append(b, indent...)
	b = append(b, "\"column\": "...)
	b = appendInt(b, start.Col)
	b = append(b, ',')
	b = append(b, indent...)
	b = append(b, "\"end_line\": "...)
	b = appendInt(b, end.Line)
	b = append(b, ',')
	b = append(b, indent...)
	b = append(b, "\"end_column\": "...)
	return appendInt(b, end.Col)
}

// appendGitHub appends the workflow commands of one file.
func appendGitHub(b []byte, f *result.File) []byte {
	path := slashPath(f.Path)
	if f.Note == nil && f.Err != nil {
		pos, msg := readError(f.Path, f.Err)
		b = append(b, "::error file="...)
		b = appendGitHubEscaped(b, path, true)
		if pos.Line > 0 {
			b = append(b, ",line="...)
			b = appendInt(b, pos.Line)
			if pos.Col > 0 {
				b = append(b, ",col="...)
				b = appendInt(b, pos.Col)
			}
		}
		b = append(b, ",title=itilint::"...)
		b = appendGitHubEscaped(b, msg, false)
		return append(b, '\n')
	}
	for _, x := range locatePlain(*f) {
		b = append(b, "::"...)
		b = append(b, githubLevel(x.Severity)...)
		b = append(b, " file="...)
		b = appendGitHubEscaped(b, path, true)
		b = append(b, ",line="...)
		b = appendInt(b, x.Start.Line)
		b = append(b, ",col="...)
		b = appendInt(b, x.Start.Col)
		b = append(b, ",endLine="...)
		b = appendInt(b, x.End.Line)
		b = append(b, ",endColumn="...)
		b = appendInt(b, x.End.Col)
		b = append(b, ",title="...)
		b = appendGitHubEscaped(b, x.Rule, true)
		b = append(b, "::"...)
		b = appendGitHubEscaped(b, x.Message, false)
		b = append(b, '\n')
	}
	return b
}

// appendGitHubEscaped escapes workflow command data, or with property a
// property value, which also escapes the separators ':' and ','.
func appendGitHubEscaped(b []byte, s string, property bool) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '%':
			esc = "%25"
		case '\r':
			esc = "%0D"
		case '\n':
			esc = "%0A"
		case ':':
			if property {
				esc = "%3A"
			}
		case ',':
			if property {
				esc = "%2C"
			}
		}
		if esc != "" {
			b = append(b, s[start:i]...)
			b = append(b, esc...)
			start = i + 1
		}
	}
	return append(b, s[start:]...)
}

// appendCheckstyleFile appends the file element of one file.
func appendCheckstyleFile(b []byte, f *result.File) []byte {
	b = append(b, "\n  <file name=\""...)
	b = appendXMLEscaped(b, f.Path)
	b = append(b, "\">"...)
	errs := 0
	if f.Note == nil && f.Err != nil {
		pos, msg := readError(f.Path, f.Err)
		b = appendCheckstyleError(b, pos, "error", oneLine(msg), "read")
		errs++
	}
	for _, x := range locatePlain(*f) {
		b = appendCheckstyleError(b, x.Start, checkstyleSeverity(x.Severity), oneLine(x.Message), x.Rule)
		errs++
	}
	if errs > 0 {
		b = append(b, "\n  "...)
	}
	return append(b, "</file>"...)
}

func appendCheckstyleError(b []byte, pos note.Position, severity, msg, source string) []byte {
	b = append(b, "\n    <error"...)
	if pos.Line != 0 {
		b = append(b, " line=\""...)
		b = appendInt(b, pos.Line)
		b = append(b, '"')
	}
	if pos.Col != 0 {
		b = append(b, " column=\""...)
		b = appendInt(b, pos.Col)
		b = append(b, '"')
	}
	b = append(b, " severity=\""...)
	b = append(b, severity...)
	b = append(b, "\" message=\""...)
	b = appendXMLEscaped(b, msg)
	b = append(b, "\" source=\"itilint."...)
	b = appendXMLEscaped(b, source)
	return append(b, "\"></error>"...)
}

// junitCounts are the totals a test suite opens with.
type junitCounts struct{ tests, failures, errors int }

// appendJUnitSuite appends the test suite of one file: a failing case per
// finding at or above failOn, a passing case for a file with none, an
// erroring one for a file that could not be read. Findings below failOn
// do not fail the build, so they are no failures either (a dashboard
// would show a green build red): the suite lists them in its
// <system-out>, one a line.
func appendJUnitSuite(b []byte, f *result.File, failOn rule.Severity) ([]byte, junitCounts) {
	name := slashPath(f.Path)
	var c junitCounts
	var fails, below []located
	switch {
	case f.Note == nil && f.Err != nil:
		c = junitCounts{tests: 1, errors: 1}
	default:
		for _, x := range locatePlain(*f) {
			if x.Severity >= failOn {
				fails = append(fails, x)
			} else {
				below = append(below, x)
			}
		}
		c = junitCounts{tests: max(1, len(fails)), failures: len(fails)}
	}
	b = append(b, "\n  <testsuite name=\""...)
	b = appendXMLEscaped(b, name)
	b = append(b, "\" tests=\""...)
	b = appendInt(b, c.tests)
	b = append(b, "\" failures=\""...)
	b = appendInt(b, c.failures)
	b = append(b, "\" errors=\""...)
	b = appendInt(b, c.errors)
	b = append(b, "\">"...)
	openCase := func(b []byte, caseName string) []byte {
		b = append(b, "\n    <testcase name=\""...)
		b = appendXMLEscaped(b, caseName)
		b = append(b, "\" classname=\""...)
		b = appendXMLEscaped(b, name)
		return append(b, "\">"...)
	}
	switch {
	case c.errors > 0:
		pos, msg := readError(f.Path, f.Err)
		b = openCase(b, "read")
		b = append(b, "\n      <error message=\""...)
		b = appendXMLEscaped(b, oneLine(msg))
		b = append(b, "\" type=\"read\">"...)
		b = appendXMLEscaped(b, errorLoc(f.Path, pos)+": "+msg)
		b = append(b, "</error>\n    </testcase>"...)
	case len(fails) == 0:
		b = openCase(b, "itilint")
		b = append(b, "</testcase>"...)
	}
	var text []byte
	for _, x := range fails {
		text = append(text[:0], x.Rule...)
		text = append(text, ' ')
		text = appendInt(text, x.Start.Line)
		text = append(text, ':')
		text = appendInt(text, x.Start.Col)
		b = openCase(b, string(text))
		b = append(b, "\n      <failure message=\""...)
		b = appendXMLEscaped(b, oneLine(x.Message))
		b = append(b, "\" type=\""...)
		b = appendXMLEscaped(b, x.Severity.String())
		b = append(b, "\">"...)
		b = appendXMLEscaped(b, string(junitLine(text[:0], &x, x.Message)))
		b = append(b, "</failure>\n    </testcase>"...)
	}
	if len(below) > 0 {
		b = append(b, "\n    <system-out>"...)
		for i, x := range below {
			if i > 0 {
				b = append(b, '\n')
			}
			b = appendXMLEscaped(b, string(junitLine(text[:0], &x, oneLine(x.Message))))
		}
		b = append(b, "</system-out>"...)
	}
	return append(b, "\n  </testsuite>"...), c
}

// junitLine appends `path:line:col: severity rule: message`.
func junitLine(b []byte, x *located, msg string) []byte {
	b = append(b, x.Path...)
	b = append(b, ':')
	b = appendInt(b, x.Start.Line)
	b = append(b, ':')
	b = appendInt(b, x.Start.Col)
	b = append(b, ": "...)
	b = append(b, x.Severity.String()...)
	b = append(b, ' ')
	b = append(b, x.Rule...)
	b = append(b, ": "...)
	return append(b, msg...)
}

// appendSARIFResults appends the results of one file, one a line, as
// json.Marshal wrote them (HTML characters escaped); index gives a rule's
// index in the driver, and results the number written before.
func appendSARIFResults(b []byte, f *result.File, index func(x *located) int, results *int) []byte {
	var uri []byte
	for _, x := range locate(*f) {
		if uri == nil {
			uri = appendJSONString(nil, sarifURI(f.Path), true)
		}
		if *results > 0 {
			b = append(b, ',')
		}
		*results++
		b = append(b, "\n"+sarifResultIndent+"{\"ruleId\":"...)
		b = appendJSONString(b, x.Rule, true)
		b = append(b, ",\"ruleIndex\":"...)
		b = appendInt(b, index(&x))
		b = append(b, ",\"level\":"...)
		b = appendJSONString(b, sarifLevel(x.Severity), true)
		b = append(b, ",\"message\":{\"text\":"...)
		b = appendJSONString(b, x.Message, true)
		b = append(b, "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":"...)
		b = append(b, uri...)
		b = append(b, "},\"region\":"...)
		b = appendSARIFRegion(b, x.Start, x.End)
		b = append(b, "}}]"...)
		if x.Fix != nil {
			b = append(b, ",\"fixes\":[{"...)
			if x.Fix.Message != "" {
				b = append(b, "\"description\":{\"text\":"...)
				b = appendJSONString(b, x.Fix.Message, true)
				b = append(b, "},"...)
			}
			b = append(b, "\"artifactChanges\":[{\"artifactLocation\":{\"uri\":"...)
			b = append(b, uri...)
			b = append(b, "},\"replacements\":"...)
			if len(x.Fix.Edits) == 0 {
				b = append(b, "null"...)
			} else {
				b = append(b, '[')
				for i, e := range x.Fix.Edits {
					if i > 0 {
						b = append(b, ',')
					}
					b = append(b, "{\"deletedRegion\":"...)
					b = appendSARIFRegion(b, e.Start, e.End)
					b = append(b, ",\"insertedContent\":{\"text\":"...)
					b = appendJSONString(b, e.New, true)
					b = append(b, "}}"...)
				}
				b = append(b, ']')
			}
			b = append(b, "}],\"properties\":{\"kind\":"...)
			b = appendJSONString(b, x.Fix.Kind.String(), true)
			b = append(b, "}}]"...)
		}
		b = append(b, '}')
	}
	return b
}

func appendSARIFRegion(b []byte, start, end note.Position) []byte {
	b = append(b, "{\"startLine\":"...)
	b = appendInt(b, start.Line)
	b = append(b, ",\"startColumn\":"...)
	b = appendInt(b, start.Col)
	b = append(b, ",\"endLine\":"...)
	b = appendInt(b, end.Line)
	b = append(b, ",\"endColumn\":"...)
	b = appendInt(b, end.Col)
	return append(b, '}')
}
