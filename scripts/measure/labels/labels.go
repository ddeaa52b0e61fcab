// Package labels measures the tool on a folder of real notes and compares
// what it reports with findings a person labelled right, wrong or
// debatable. Command measure prints what it finds; the package's tests keep
// the labels as a regression set.
package labels

import (
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/itilint/itilint/pipeline"
	"github.com/itilint/itilint/pipeline/emit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
)

// A Finding is one finding of `check`, keyed as a label names it.
type Finding struct {
	File    string // relative to the measured folder, slash-separated
	Line    int    // on disk
	Col     int
	Rule    string
	Message string
}

// Key is the label key of the finding: FILE:LINE:RULE.
func (f Finding) Key() string { return f.File + ":" + strconv.Itoa(f.Line) + ":" + f.Rule }

// A Change is one fix `fix` applied.
type Change struct {
	File          string
	Line          int
	Rule          string
	Before, After string
}

// Key is the label key of the change: FILE:LINE:fix:RULE.
func (c Change) Key() string { return c.File + ":" + strconv.Itoa(c.Line) + ":fix:" + c.Rule }

// A Measurement is what check and fix did on one folder.
type Measurement struct {
	Dir      string
	Findings []Finding
	Changes  []Change
	Diffs    []string // unified diffs, one per changed file, in course order
	Errors   []error
}

// Measure runs check and fix (with structural fixes unless safe) over dir,
// as `itilint check DIR` and `itilint fix DIR` would.
func Measure(dir string, safe bool) (*Measurement, error) {
	kinds := map[rule.FixKind]bool{rule.Safe: true}
	if !safe {
		kinds[rule.Structural] = true
	}
	m := &Measurement{Dir: dir}
	rel := func(path string) string {
		if r, err := filepath.Rel(dir, path); err == nil {
			return filepath.ToSlash(r)
		}
		return filepath.ToSlash(path)
	}
	res, err := pipeline.Run(pipeline.Config{
		Paths:    []string{dir},
		Check:    true,
		FixKinds: kinds,
		Each: func(f *result.File, cleaned *note.Note) {
			if f.Note == nil {
				return
			}
			file := rel(f.Path)
			pos := f.Note.PositionCursor()
			for _, x := range f.Findings {
				p := pos.Position(x.Start)
				m.Findings = append(m.Findings, Finding{File: file, Line: p.Line, Col: p.Col, Rule: x.Rule, Message: x.Message})
			}
			for _, c := range f.Changes {
				line := c.Pos.Line
				if line == 0 {
					line = c.Line
				}
				m.Changes = append(m.Changes, Change{File: file, Line: line, Rule: c.Rule, Before: c.Before, After: c.After})
			}
			if cleaned != nil && !bytes.Equal(cleaned.Text, f.Note.Text) {
				m.Diffs = append(m.Diffs, emit.Diff(f.Path, f.Note.Text, cleaned.Text))
			}
		},
	})
	if err != nil {
		return nil, err
	}
	m.Errors = res.Errors
	return m, nil
}

// Options say what Print prints.
type Options struct {
	Sample  int    // findings to sample
	PerRule int    // findings to sample of each rule
	Small   int    // rules with at most this many findings are printed whole
	Seed    int64  // sampling seed
	Rule    string // sample only this rule
	Changes bool   // print every change
	Diffs   bool   // print every diff
	Labels  string // labels file: print the precision table
	Safe    bool
}

// Print writes the counts per rule, then what the options ask for.
func (m *Measurement) Print(w io.Writer, o Options) error {
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	for _, err := range m.Errors {
		fmt.Fprintln(bw, "error:", err)
	}
	counts := m.Counts()
	rules := sortedRules(counts)
	fmt.Fprintf(bw, "%d findings, %d fixes in %s\n", len(m.Findings), len(m.Changes), m.Dir)
	for _, r := range rules {
		fmt.Fprintf(bw, "%6d  %s\n", counts[r], r)
	}
	if o.Sample > 0 || o.PerRule > 0 || o.Rule != "" {
		fmt.Fprintln(bw, "\n# sample: FILE:LINE:RULE <TAB> message, then the line on disk")
		lines := map[string][][]byte{}
		for _, f := range m.Sample(o) {
			fmt.Fprintf(bw, "%s\t%s\n", f.Key(), f.Message)
			fmt.Fprintf(bw, "    | %s\n", m.diskLine(lines, f.File, f.Line))
		}
	}
	if o.Changes {
		fmt.Fprintln(bw, "\n# fixes: FILE:LINE:fix:RULE <TAB> before -> after")
		for _, c := range m.Changes {
			fmt.Fprintf(bw, "%s\t%q -> %q\n", c.Key(), c.Before, c.After)
		}
	}
	if o.Diffs {
		for _, d := range m.Diffs {
			fmt.Fprint(bw, d)
		}
	}
	if o.Labels != "" {
		ls, err := ReadFile(o.Labels)
		if err != nil {
			return err
		}
		fmt.Fprintln(bw)
		WriteTable(bw, m.Table(ls))
		for _, g := range m.Gone(ls) {
			fmt.Fprintf(bw, "gone: %s\t%s\t%s\n", g.Key, g.Verdict, g.Why)
		}
	}
	return nil
}

// Counts is the number of findings per rule.
func (m *Measurement) Counts() map[string]int {
	counts := map[string]int{}
	for _, f := range m.Findings {
		counts[f.Rule]++
	}
	return counts
}

func sortedRules(counts map[string]int) []string {
	var rules []string
	for r := range counts {
		rules = append(rules, r)
	}
	slices.SortFunc(rules, func(a, b string) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return rules
}

// Sample picks findings to label: every finding of the small rules, and
// o.Sample findings drawn at random from the others, in course order.
func (m *Measurement) Sample(o Options) []Finding {
	counts := m.Counts()
	var pool, out []Finding
	for _, f := range m.Findings {
		switch {
		case o.Rule != "" && f.Rule != o.Rule:
		case o.Rule == "" && counts[f.Rule] <= o.Small:
			out = append(out, f)
		default:
			pool = append(pool, f)
		}
	}
	r := rand.New(rand.NewSource(o.Seed))
	r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	if o.PerRule > 0 {
		// Stratified: up to PerRule of each rule, so that a rule with
		// few findings is judged as well as one with thousands.
		taken := map[string]int{}
		for _, f := range pool {
			if taken[f.Rule] < o.PerRule {
				taken[f.Rule]++
				out = append(out, f)
			}
		}
		pool = nil
	}
	n := o.Sample
	if o.Rule != "" && n == 0 {
		n = len(pool)
	}
	out = append(out, pool[:min(n, len(pool))]...)
	slices.SortStableFunc(out, func(a, b Finding) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), strings.Compare(a.Rule, b.Rule))
	})
	return out
}

// diskLine is line i (1-based) of a file as it is on disk, cut to a
// readable length.
func (m *Measurement) diskLine(cache map[string][][]byte, file string, i int) string {
	lines, ok := cache[file]
	if !ok {
		data, _ := os.ReadFile(filepath.Join(m.Dir, filepath.FromSlash(file)))
		lines = bytes.Split(data, []byte("\n"))
		cache[file] = lines
	}
	if i < 1 || i > len(lines) {
		return ""
	}
	s := strings.TrimRight(string(lines[i-1]), "\r")
	if r := []rune(s); len(r) > 240 {
		s = string(r[:240]) + "…"
	}
	return strconv.Quote(s)
}
