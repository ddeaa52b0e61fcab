package check

import (
	"fmt"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

// An ExampleError is a pack example that does not behave as written.
type ExampleError struct {
	Pos      pack.Pos // where the entry is written
	Entry    string   // "term co-creation", "list guiding-principles"...
	Good     bool     // a good example that gives findings, or a bad one that gives none
	Example  string
	Findings []rule.Finding
}

func (e *ExampleError) Error() string {
	if e.Good {
		f := e.Findings[0]
		return fmt.Sprintf("%s: %s: good example %q gives %s: %s", e.Pos, e.Entry, e.Example, f.Rule, f.Message)
	}
	return fmt.Sprintf("%s: %s: bad example %q gives no finding", e.Pos, e.Entry, e.Example)
}

// RunExamples runs the good and bad examples of every entry of p through
// the pack-driven rules: a good example must give no finding, a bad one at
// least one. It is what `go test` does for the embedded pack and `itilint
// rules test DIR` for a user's pack.
func RunExamples(p *pack.Pack) []error {
	var errs []error
	try := func(pos pack.Pos, entry string, good, bad []string) {
		for _, ex := range good {
			if fs := Text(p, ex); len(fs) > 0 {
				errs = append(errs, &ExampleError{Pos: pos, Entry: entry, Good: true, Example: ex, Findings: fs})
			}
		}
		for _, ex := range bad {
			if fs := Text(p, ex); len(fs) == 0 {
				errs = append(errs, &ExampleError{Pos: pos, Entry: entry, Example: ex})
			}
		}
	}
	for _, t := range p.Terms {
		try(t.Pos, "term "+t.ID, t.Good, t.Bad)
	}
	for _, l := range p.Lists {
		try(l.Pos, "list "+l.ID, l.Good, l.Bad)
	}
	for _, ph := range p.Phrases {
		try(ph.Pos, "phrase "+ph.ID, ph.Good, ph.Bad)
	}
	return errs
}

// Text runs the per-note pack-driven rules on one text and returns
// their findings in order.
func Text(p *pack.Pack, text string) []rule.Finding {
	n := note.New("example.md", []byte(text))
	var out []rule.Finding
	for _, r := range Rules {
		if r.Run == nil {
			continue
		}
		r.Run(rule.NewPass(n, p, r, func(f rule.Finding) { out = append(out, f) }))
	}
	return out
}
