package emit

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

// writeReportTextFileByFmt is writeReportTextFile as it was first written,
// with fmt: the reference the appending writer is held to.
func writeReportTextFileByFmt(b *strings.Builder, f *reportRecord) {
	b.WriteString("\n")
	b.WriteString(f.Path)
	if f.Out != "" {
		b.WriteString(" -> " + f.Out)
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
	if len(found) > 0 {
		fmt.Fprintf(b, "  findings (%d):\n", len(found))
		for _, x := range found {
			fmt.Fprintf(b, "    %d:%d: %s %s: %s\n", x.Start.Line, x.Start.Col, x.Severity, x.Rule, oneLine(x.Message))
			if x.Fix != nil {
				fmt.Fprintf(b, "      fix (%s): replace with %s%s\n", x.Fix.Kind, quote(x.Fix.Replacement), fixLabel(x.Fix.Message))
			}
		}
	}
	if len(f.Changes) > 0 {
		fmt.Fprintf(b, "  changes (%d):\n", len(f.Changes))
		for _, c := range f.Changes {
			pos := strconv.Itoa(c.Line)
			if c.Pos.Line > 0 {
				pos = c.Pos.String()
			}
			fmt.Fprintf(b, "    %s:%s: %s (%s): %s\n      %s → %s\n", f.Path, pos, c.Rule, c.Kind, oneLine(c.Message), quote(c.Before), quote(c.After))
		}
	}
}

// TestReportTextFileMatchesFmt holds writeReportTextFile to the fmt
// version on random records: tricky strings, line breaks in messages,
// negative and large numbers, severities and kinds outside their names,
// fixes with and without a message, changes with and without a column.
func TestReportTextFileMatchesFmt(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 23))
	num := func() int { return r.IntN(2000) - 10 }
	maybe := func() string {
		if r.IntN(3) == 0 {
			return ""
		}
		return randomString(r)
	}
	for i := range 600 {
		rec := reportRecord{Path: randomString(r), Out: maybe()}
		if r.IntN(8) == 0 {
			rec.Unreadable, rec.Err = true, maybe()
		}
		for range r.IntN(4) {
			l := located{Finding: rule.Finding{Rule: maybe(), Severity: rule.Severity(r.IntN(5) - 1), Message: maybe()},
				Start: note.Position{Line: num(), Col: num()}}
			if r.IntN(2) == 0 {
				l.Fix = &resolvedFix{Kind: rule.FixKind(r.IntN(5) - 1), Message: maybe(), Replacement: maybe()}
			}
			rec.Found = append(rec.Found, l)
		}
		for range r.IntN(3) {
			c := rule.Change{Rule: maybe(), Kind: rule.FixKind(r.IntN(4)), Message: maybe(), Line: num(), Before: maybe(), After: maybe()}
			if r.IntN(2) == 0 {
				c.Pos = note.Position{Line: num(), Col: num()}
			}
			rec.Changes = append(rec.Changes, c)
		}
		var got, want strings.Builder
		writeReportTextFile(&got, &rec)
		writeReportTextFileByFmt(&want, &rec)
		if got.String() != want.String() {
			t.Fatalf("record %d:\ngot  %q\nwant %q", i, got.String(), want.String())
		}
	}
}

// quote shows a snippet with its whitespace visible: tabs, line breaks and
// non-breaking or zero-width spaces appear as escapes.
func quote(s string) string { return strconv.Quote(s) }
