package emit

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/itilint/itilint/pipeline/result"
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
	index   map[string]int // rule ID → index in the driver
}

// The indentation of a result in the log: log > runs > run > results.
const sarifResultIndent = "        "

func newSARIFStream(w io.Writer, rules []*rule.Rule) (*sarifStream, error) {
	st := &sarifStream{w: w, index: map[string]int{}}
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
	for _, r := range rules {
		if _, ok := st.index[r.ID]; !ok {
			st.index[r.ID] = st.run.GetRuleIndex(r.ID)
		}
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

// file writes the results of one file, built in b, or records why it
// could not be read.
func (st *sarifStream) file(b []byte, f *result.File) ([]byte, error) {
	if f.Note == nil && f.Err != nil {
		uri := sarifURI(f.Path)
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
		return b, nil
	}
	b = appendSARIFResults(b, f, st.ruleIndex, &st.results)
	_, err := st.w.Write(b)
	return b, err
}

// ruleIndex is the index of a finding's rule in the driver, which gets a
// rule it did not have.
func (st *sarifStream) ruleIndex(x *located) int {
	if i, ok := st.index[x.Rule]; ok {
		return i
	}
	st.run.AddRule(x.Rule).WithName(x.Rule).
		WithShortDescription(sarif.NewMultiformatMessageString().WithText(x.Rule)).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(x.Severity)))
	i := st.run.GetRuleIndex(x.Rule)
	st.index[x.Rule] = i
	return i
}

// close writes the rest of the run and of the log; version, when not "",
// is the tool's version in the driver.
func (st *sarifStream) close(version string) error {
	if version != "" {
		st.run.Tool.Driver.WithVersion(version)
	}
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
