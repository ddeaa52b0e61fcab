package labels

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// Verdicts a label can give.
const (
	Right     = "right"
	Wrong     = "wrong"
	Debatable = "debatable"
)

// A Label is a person's verdict on the findings of one rule on one line
// (or on the fix a rule made there).
type Label struct {
	Key     string // FILE:LINE:RULE or FILE:LINE:fix:RULE
	Verdict string // right, wrong or debatable
	Why     string
}

// Rule is the rule the label is about, and whether it labels a fix.
func (l Label) Rule() (id string, fix bool) {
	i := strings.LastIndexByte(l.Key, ':')
	id = l.Key[i+1:]
	return id, strings.HasSuffix(l.Key[:max(i, 0)], ":fix")
}

// Read parses labels: one a line, KEY <TAB> VERDICT <TAB> WHY; blank lines
// and lines starting with # are comments.
func Read(r io.Reader, name string) ([]Label, error) {
	var out []Label
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) < 3 || strings.Count(parts[0], ":") < 2 {
			return nil, fmt.Errorf("%s:%d: want FILE:LINE:RULE<TAB>VERDICT<TAB>WHY", name, n)
		}
		l := Label{Key: parts[0], Verdict: parts[1], Why: parts[2]}
		switch l.Verdict {
		case Right, Wrong, Debatable:
		default:
			return nil, fmt.Errorf("%s:%d: verdict %q is not right, wrong or debatable", name, n, l.Verdict)
		}
		if prev, ok := seen[l.Key]; ok {
			return nil, fmt.Errorf("%s:%d: %s is labelled already on line %d", name, n, l.Key, prev)
		}
		seen[l.Key] = n
		out = append(out, l)
	}
	return out, sc.Err()
}

// ReadFile reads a labels file.
func ReadFile(path string) ([]Label, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, path)
}

// A Row is one line of the precision table: what a rule reports and how
// its labelled findings were judged. Labels whose finding is no longer
// reported are not counted; Gone lists them.
type Row struct {
	Rule                       string
	Findings                   int
	Labelled                   int
	Right, Wrong, Debatable    int
	FixesLabelled, FixesWrong  int
	FixesRight, FixesDebatable int
}

// Precision is right / (right + wrong): a debatable finding is neither.
func (r Row) Precision() float64 {
	if r.Right+r.Wrong == 0 {
		return 1
	}
	return float64(r.Right) / float64(r.Right+r.Wrong)
}

// Table judges the current findings and fixes with the labels: one row a
// rule with findings or labels, then a row "all".
func (m *Measurement) Table(ls []Label) []Row {
	present := map[string]int{}
	counts := m.Counts()
	for _, f := range m.Findings {
		present[f.Key()]++
	}
	for _, c := range m.Changes {
		present[c.Key()]++
	}
	rows := map[string]*Row{}
	row := func(id string) *Row {
		if rows[id] == nil {
			rows[id] = &Row{Rule: id, Findings: counts[id]}
		}
		return rows[id]
	}
	for id := range counts {
		row(id)
	}
	for _, l := range ls {
		if present[l.Key] == 0 {
			continue
		}
		id, fix := l.Rule()
		r := row(id)
		if fix {
			r.FixesLabelled++
			switch l.Verdict {
			case Right:
				r.FixesRight++
			case Wrong:
				r.FixesWrong++
			default:
				r.FixesDebatable++
			}
			continue
		}
		r.Labelled++
		switch l.Verdict {
		case Right:
			r.Right++
		case Wrong:
			r.Wrong++
		default:
			r.Debatable++
		}
	}
	var out []Row
	all := Row{Rule: "all"}
	for _, id := range sortedRules(counts) {
		out = append(out, *rows[id])
	}
	for id, r := range rows {
		if counts[id] == 0 {
			out = append(out, *r)
		}
	}
	for _, r := range out {
		all.Findings += r.Findings
		all.Labelled += r.Labelled
		all.Right += r.Right
		all.Wrong += r.Wrong
		all.Debatable += r.Debatable
		all.FixesLabelled += r.FixesLabelled
		all.FixesRight += r.FixesRight
		all.FixesWrong += r.FixesWrong
		all.FixesDebatable += r.FixesDebatable
	}
	return append(out, all)
}

// Gone lists the labels whose finding or fix is no longer there.
func (m *Measurement) Gone(ls []Label) []Label {
	present := map[string]bool{}
	for _, f := range m.Findings {
		present[f.Key()] = true
	}
	for _, c := range m.Changes {
		present[c.Key()] = true
	}
	var out []Label
	for _, l := range ls {
		if !present[l.Key] {
			out = append(out, l)
		}
	}
	return out
}

// WriteTable prints the rows as a Markdown table.
func WriteTable(w io.Writer, rows []Row) {
	fmt.Fprintln(w, "| rule | findings | labelled | right | wrong | debatable | precision | fixes labelled | fixes right | fixes wrong |")
	fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, r := range rows {
		p := "-"
		if r.Right+r.Wrong > 0 {
			p = fmt.Sprintf("%.0f%%", 100*r.Precision())
		}
		fmt.Fprintf(w, "| %s | %d | %d | %d | %d | %d | %s | %d | %d | %d |\n",
			r.Rule, r.Findings, r.Labelled, r.Right, r.Wrong, r.Debatable, p, r.FixesLabelled, r.FixesRight, r.FixesWrong)
	}
}
