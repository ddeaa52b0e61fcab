// Package lint owns the one explicit list of rules and the engine that runs
// them: Check reports the findings of a note, Fix applies their fixes in
// bounded rounds until nothing changes.
package lint

import (
	"fmt"
	"sort"

	"github.com/itilint/itilint/pipeline/check"
	"github.com/itilint/itilint/pipeline/clean"
	"github.com/itilint/itilint/pipeline/config"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

// Rules returns every rule, formatting rules first, then the pack-driven
// ones. It is the only list; `itilint rules`, the config validation and the
// README table all read it.
func Rules() []*rule.Rule {
	all := make([]*rule.Rule, 0, len(clean.Rules)+len(check.Rules))
	all = append(all, clean.Rules...)
	return append(all, check.Rules...)
}

// IDs returns the IDs of Rules.
func IDs() []string {
	var ids []string
	for _, r := range Rules() {
		ids = append(ids, r.ID)
	}
	return ids
}

// Lookup returns the rule with the given ID.
func Lookup(id string) *rule.Rule {
	for _, r := range Rules() {
		if r.ID == id {
			return r
		}
	}
	return nil
}

func init() {
	if err := rule.Validate(Rules()); err != nil {
		panic(fmt.Sprintf("invalid rule list: %v", err)) // a programming error, caught by tests
	}
}

// Options say which pack and configuration a check uses.
type Options struct {
	Pack   *pack.Pack
	Config *config.Config
	// Only, when set, restricts the run to these rule IDs (tests, `rules
	// test`).
	Only map[string]bool
}

func (o Options) active() []*rule.Rule {
	var out []*rule.Rule
	for _, r := range Rules() {
		if o.Only != nil && !o.Only[r.ID] {
			continue
		}
		if o.Config != nil && !o.Config.Enabled(r.ID) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// Check runs the active per-note rules on n and returns the findings sorted
// by position, with severity overrides and inline disable comments applied.
func Check(n *note.Note, opts Options) []rule.Finding {
	var out []rule.Finding
	for _, r := range opts.active() {
		if r.Run == nil {
			continue
		}
		pass := rule.NewPass(n, opts.Pack, r, nil, func(f rule.Finding) { out = append(out, f) })
		r.Run(pass)
	}
	return finish(n, out, opts)
}

// CheckCourse runs the course-level rules over all notes (in course order)
// and returns their findings per note path.
func CheckCourse(notes []*note.Note, opts Options) map[string][]rule.Finding {
	byNote := map[*note.Note][]rule.Finding{}
	for _, r := range opts.active() {
		if r.RunCourse == nil {
			continue
		}
		pass := rule.NewCoursePass(notes, opts.Pack, r, func(n *note.Note, f rule.Finding) {
			byNote[n] = append(byNote[n], f)
		})
		r.RunCourse(pass)
	}
	out := map[string][]rule.Finding{}
	for n, fs := range byNote {
		out[n.Path] = finish(n, fs, opts)
	}
	return out
}

func finish(n *note.Note, fs []rule.Finding, opts Options) []rule.Finding {
	if opts.Config != nil {
		for i := range fs {
			fs[i].Severity = opts.Config.Severity(fs[i].Rule, fs[i].Severity)
		}
	}
	fs = suppress(n, fs)
	Sort(fs)
	return fs
}

// Sort orders findings by position, then rule, then message, so output is
// deterministic whatever order rules ran in.
func Sort(fs []rule.Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}
