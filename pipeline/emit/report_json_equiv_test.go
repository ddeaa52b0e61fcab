package emit

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestReportJSONFileMatchesEncoder holds appendReportJSONFile to what
// encoding/json writes for the same record at the same depth, on random
// records with tricky strings, absent and empty members and fixes with
// and without edits.
func TestReportJSONFileMatchesEncoder(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 4))
	maybe := func() string {
		if r.IntN(3) == 0 {
			return ""
		}
		return randomString(r)
	}
	for i := range 500 {
		jf := jsonReportFile{Path: randomString(r), Out: maybe(), Error: maybe()}
		switch r.IntN(3) {
		case 0:
		case 1:
			jf.Findings = []JSONFinding{}
		default:
			for range r.IntN(3) + 1 {
				f := JSONFinding{Path: randomString(r), Line: r.IntN(100), Column: r.IntN(100), EndLine: r.IntN(100), EndColumn: r.IntN(100),
					Rule: randomString(r), DocURL: maybe(), Severity: randomString(r), Message: randomString(r)}
				if r.IntN(2) == 0 {
					f.Fix = &JSONFix{Replacement: randomString(r), Kind: randomString(r), Message: randomString(r),
						Line: r.IntN(9), Column: r.IntN(9), EndLine: r.IntN(9), EndColumn: r.IntN(9)}
					switch r.IntN(3) {
					case 0:
					case 1:
						f.Fix.Edits = []JSONEdit{}
					default:
						for range r.IntN(3) + 1 {
							f.Fix.Edits = append(f.Fix.Edits, JSONEdit{Line: r.IntN(9), Column: r.IntN(9), EndLine: r.IntN(9), EndColumn: r.IntN(9), New: randomString(r)})
						}
					}
				}
				jf.Findings = append(jf.Findings, f)
			}
		}
		switch r.IntN(3) {
		case 0:
		case 1:
			jf.Changes = []jsonChange{}
		default:
			for range r.IntN(3) + 1 {
				jf.Changes = append(jf.Changes, jsonChange{Rule: randomString(r), Kind: randomString(r), Message: randomString(r),
					Line: r.IntN(50), Column: r.IntN(50), Before: randomString(r), After: randomString(r)})
			}
		}
		var want bytes.Buffer
		if err := encodeJSONIndented(&want, "    ", jf); err != nil {
			t.Fatal(err)
		}
		if got := appendReportJSONFile(nil, &jf, nil); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("record %d:\ngot  %s\nwant %s", i, got, want.Bytes())
		}
	}
}

// TestReportJSONFileSpills: a file with findings and changes by the
// thousand is handed out in pieces of about spillAt bytes, which put
// together are the whole object.
func TestReportJSONFileSpills(t *testing.T) {
	jf := jsonReportFile{Path: "n.md", Findings: []JSONFinding{}, Changes: []jsonChange{}}
	for i := range 3000 {
		jf.Findings = append(jf.Findings, JSONFinding{Path: "n.md", Line: 1, Column: 9 * i, Rule: "doubled-word", Severity: "warning", Message: `"the" twice`,
			Fix: &JSONFix{Replacement: "the", Kind: "safe", Edits: []JSONEdit{{Line: 1, Column: 9 * i, New: ""}}}})
		jf.Changes = append(jf.Changes, jsonChange{Rule: "doubled-word", Kind: "safe", Line: 1, Column: 5 * i, Before: "the the", After: "the"})
	}
	whole := appendReportJSONFile(nil, &jf, nil)
	var pieces [][]byte
	spill := func(b []byte) []byte {
		pieces = append(pieces, bytes.Clone(b))
		return b[:0]
	}
	last := appendReportJSONFile(nil, &jf, spill)
	if len(pieces) < len(whole)/spillAt-1 {
		t.Errorf("%d bytes handed out in %d pieces, want about one every %d bytes", len(whole), len(pieces), spillAt)
	}
	for _, p := range pieces {
		if len(p) > 2*spillAt {
			t.Errorf("a piece of %d bytes, more than twice spillAt", len(p))
		}
	}
	if got := append(bytes.Join(pieces, nil), last...); !bytes.Equal(got, whole) {
		t.Errorf("the pieces put together differ from the whole object (%d bytes against %d)", len(got), len(whole))
	}
}
