package emit

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

// sarifInformationURI is where code scanning UIs link the tool name.
const sarifInformationURI = "https://github.com/itilint/itilint"

func sarifLevel(s rule.Severity) string {
	switch s {
	case rule.Error:
		return sarif.LevelError
	case rule.Warning:
		return sarif.LevelWarning
	}
	return sarif.LevelNote
}

// sarifURI turns a path into a URI reference: relative paths stay relative
// (code scanning resolves them against the repository root), absolute ones
// become file URIs; spaces and other reserved characters are escaped.
func sarifURI(path string) string {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // C:/x on Windows
		}
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
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

// A sarifStream writes a SARIF 2.1.0 log with one run as findings come:
// the run's results first, written one by one, then the rest of the run
// (the driver with every rule given and any rule a finding named that was
// not among them, and the invocation, where files that could not be read
// are tool execution notifications), known only at the end. JSON does not
// order an object's keys, so results-first is as valid as any order, and
// nothing of a file is kept once its results are written.
type sarifStream struct {
	w       io.Writer
	run     *sarif.Run // without results: rules and the invocation
	inv     *sarif.Invocation
	suffix  string // the log after its runs
	results int
}

// The indentation of a result in the log: log > runs > run > results.
const sarifResultIndent = "        "

func newSARIFStream(w io.Writer, rules []*rule.Rule) (*sarifStream, error) {
	st := &sarifStream{w: w}
	st.run = sarif.NewRunWithInformationURI("itilint", sarifInformationURI)
	// Our columns count characters (code points), not UTF-16 units.
	st.run.WithColumnKind("unicodeCodePoints")
	for _, r := range rules {
		d := st.run.AddRule(r.ID).
			WithName(r.ID).
			WithShortDescription(sarif.NewMultiformatMessageString().WithText(r.Summary())).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(r.Severity)))
		d.WithFullDescription(sarif.NewMultiformatMessageString().WithText(strings.TrimSpace(r.Doc)))
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
func (st *sarifStream) file(f File) error {
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
func (st *sarifStream) close() error {
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
