// Package baseline owns baseline files: the findings a project accepts for
// now, so that `check --baseline FILE` fails only on new ones.
//
// A finding is identified by a fingerprint that survives edits elsewhere in
// the file: the rule, the file's path, the text the finding covers (with
// its whitespace collapsed) and which occurrence of that same rule and text
// it is in the file. Line numbers are not part of it, so adding a paragraph
// above a finding keeps it baselined; fixing it, or changing its words,
// makes it disappear from the baseline's view.
package baseline

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/itilint/itilint/pipeline/rule"
)

// Version is the format version written to and required from files.
const Version = 1

// An Entry is one baselined finding.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Path        string `json:"path"`
	Text        string `json:"text"`
	Occurrence  int    `json:"occurrence"`
	// Line is where the finding was when the baseline was written; it is
	// shown to people and ignored when matching.
	Line int `json:"line,omitempty"`
}

// A Baseline is a set of accepted findings.
type Baseline struct {
	Version int     `json:"version"`
	Entries []Entry `json:"findings"`

	count map[string]int // fingerprint → how many times it is baselined
}

// Fingerprint returns the fingerprint of a finding given its rule, path,
// covered text and occurrence index.
func Fingerprint(ruleID, path, text string, occurrence int) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%d", ruleID, normPath(path), normText(text), occurrence)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Entries returns the baseline entries of one file's findings, in the
// order of the findings.
func Entries(path string, text []byte, findings []rule.Finding) []Entry {
	seen := map[[2]string]int{}
	out := make([]Entry, 0, len(findings))
	for _, f := range sorted(findings) {
		covered := normText(string(slice(text, f.Start, f.End)))
		k := [2]string{f.Rule, covered}
		occ := seen[k]
		seen[k]++
		out = append(out, Entry{
			Fingerprint: Fingerprint(f.Rule, path, covered, occ),
			Rule:        f.Rule,
			Path:        normPath(path),
			Text:        covered,
			Occurrence:  occ,
			Line:        1 + strings.Count(string(slice(text, 0, f.Start)), "\n"),
		})
	}
	return out
}

// sorted returns the findings in file order without changing the caller's
// slice, so occurrence indices do not depend on the order rules ran in.
func sorted(fs []rule.Finding) []rule.Finding {
	out := append([]rule.Finding(nil), fs...)
	rule.SortFindings(out)
	return out
}

func slice(text []byte, start, end int) []byte {
	start = max(0, min(start, len(text)))
	end = max(start, min(end, len(text)))
	return text[start:end]
}

// normText collapses whitespace, so re-wrapping a paragraph keeps the
// fingerprint.
func normText(s string) string { return strings.Join(strings.Fields(s), " ") }

func normPath(p string) string { return filepath.ToSlash(filepath.Clean(p)) }

// WriteEntries writes a baseline of entries gathered file by file (see
// Entries) to w as indented JSON, sorted by path, line, rule, text and
// occurrence, so the file diffs well in review.
func WriteEntries(w io.Writer, entries []Entry) error {
	b := &Baseline{Version: Version, Entries: append([]Entry{}, entries...)}
	sort.SliceStable(b.Entries, func(i, j int) bool {
		x, y := b.Entries[i], b.Entries[j]
		if x.Path != y.Path {
			return x.Path < y.Path
		}
		if x.Line != y.Line {
			return x.Line < y.Line
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		if x.Text != y.Text {
			return x.Text < y.Text
		}
		return x.Occurrence < y.Occurrence
	})
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return err
	}
	return bw.Flush()
}

// Parse decodes a baseline; unknown fields and other versions are errors.
func Parse(data []byte) (*Baseline, error) {
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	var b Baseline
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("not a baseline file: %w", err)
	}
	if b.Version != Version {
		return nil, fmt.Errorf("baseline version %d, want %d", b.Version, Version)
	}
	b.index()
	return &b, nil
}

func (b *Baseline) index() {
	b.count = map[string]int{}
	for _, e := range b.Entries {
		fp := e.Fingerprint
		if fp == "" {
			fp = Fingerprint(e.Rule, e.Path, e.Text, e.Occurrence)
		}
		b.count[fp]++
	}
}

// Contains reports whether the finding with this fingerprint is baselined.
func (b *Baseline) Contains(fingerprint string) bool {
	if b == nil {
		return false
	}
	if b.count == nil {
		b.index()
	}
	return b.count[fingerprint] > 0
}

// New returns the findings of one file that are not in the baseline, in
// their original order. A nil baseline keeps every finding.
func (b *Baseline) New(path string, text []byte, findings []rule.Finding) []rule.Finding {
	if b == nil {
		return findings
	}
	known := map[rule.Finding]bool{}
	inOrder := sorted(findings)
	for i, e := range Entries(path, text, findings) {
		if b.Contains(e.Fingerprint) {
			known[inOrder[i]] = true
		}
	}
	var out []rule.Finding
	for _, f := range findings {
		if !known[f] {
			out = append(out, f)
		}
	}
	return out
}
