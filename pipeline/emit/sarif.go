package emit

import (
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

func sarifRegion(start, end note.Position) *sarif.Region {
	return sarif.NewRegion().
		WithStartLine(start.Line).WithStartColumn(start.Col).
		WithEndLine(end.Line).WithEndColumn(end.Col)
}

// buildSARIF makes a SARIF 2.1.0 log with one run: the driver lists every
// rule given (and any rule a finding names that is not among them), results
// carry their region and fixes as artifact changes, and files that could
// not be read become tool execution notifications.
func buildSARIF(files []File, rules []*rule.Rule) *sarif.Report {
	report := sarif.NewReport()
	run := sarif.NewRunWithInformationURI("itilint", sarifInformationURI)
	// Our columns count characters (code points), not UTF-16 units.
	run.WithColumnKind("unicodeCodePoints")
	for _, r := range rules {
		d := run.AddRule(r.ID).
			WithName(r.ID).
			WithShortDescription(sarif.NewMultiformatMessageString().WithText(r.Summary())).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(r.Severity)))
		d.WithFullDescription(sarif.NewMultiformatMessageString().WithText(strings.TrimSpace(r.Doc)))
	}
	inv := sarif.NewInvocation().WithExecutionSuccessful(true)
	for _, f := range files {
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
			inv.WithExecutionSuccessful(false)
			inv.AddToolExecutionNotification(sarif.NewNotification().
				WithLevel(sarif.LevelError).
				WithMessage(sarif.NewTextMessage(msg)).
				AddLocation(sarif.NewLocationWithPhysicalLocation(where)))
			continue
		}
		for _, x := range locate(f) {
			if run.GetRuleIndex(x.Rule) < 0 {
				run.AddRule(x.Rule).WithName(x.Rule).
					WithShortDescription(sarif.NewMultiformatMessageString().WithText(x.Rule)).
					WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(x.Severity)))
			}
			res := run.CreateResultForRule(x.Rule).
				WithLevel(sarifLevel(x.Severity)).
				WithMessage(sarif.NewTextMessage(x.Message)).
				AddLocation(sarif.NewLocationWithPhysicalLocation(sarif.NewPhysicalLocation().
					WithArtifactLocation(sarif.NewSimpleArtifactLocation(uri)).
					WithRegion(sarifRegion(x.Start, x.End))))
			if x.Fix != nil {
				change := sarif.NewArtifactChange().WithArtifactLocation(sarif.NewSimpleArtifactLocation(uri))
				for _, e := range x.Fix.Edits {
					change.AddReplacement(sarif.NewReplacement().
						WithDeletedRegion(sarifRegion(e.Start, e.End)).
						WithInsertedContent(sarif.NewArtifactContent().WithText(e.New)))
				}
				fix := sarif.NewFix().AddArtifactChange(change)
				if x.Fix.Message != "" {
					fix.WithDescription(sarif.NewTextMessage(x.Fix.Message))
				}
				fix.WithProperties(sarif.NewPropertyBag().Add("kind", x.Fix.Kind.String()))
				res.AddFixe(fix)
			}
		}
	}
	run.AddInvocation(inv)
	report.AddRun(run)
	return report
}

// writeSARIF writes the SARIF log indented, ending with a newline.
func writeSARIF(w io.Writer, files []File, rules []*rule.Rule) error {
	if err := buildSARIF(files, rules).PrettyWrite(w); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
