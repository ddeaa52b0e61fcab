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

// allRules is Rules, made once: active runs for every note.
var allRules = Rules()

func (o Options) active() []*rule.Rule {
	if o.Only == nil && (o.Config == nil || len(o.Config.Rules) == 0) {
		return allRules // every rule on: the shared list, not a copy
	}
	var out []*rule.Rule
	for _, r := range allRules {
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
	// Room for the usual handful of findings, so the slice is not regrown
	// from one element for every note.
	out := make([]rule.Finding, 0, 16)
	// One pass for every rule: thousands of notes times dozens of rules
	// made the passes a visible share of the allocations.
	pass := rule.NewPass(n, opts.Pack, nil, func(f rule.Finding) { out = append(out, f) })
	for _, r := range opts.active() {
		if r.Run == nil {
			continue
		}
		pass.Rule = r
		r.Run(pass)
	}
	return finish(n, out, opts)
}

// A Course runs the course-level rules over the notes of one run, handed to
// it one at a time in course order (see rule.CourseCheck): it keeps what
// the rules need between notes, not the notes.
type Course struct {
	opts   Options
	checks []courseCheck
}

type courseCheck struct {
	rule    *rule.Rule
	check   rule.CourseCheck
	revisit map[string]bool
}

// NewCourse starts the active course-level rules for one run.
func NewCourse(opts Options) *Course {
	c := &Course{opts: opts}
	for _, r := range opts.active() {
		if r.Course != nil {
			c.checks = append(c.checks, courseCheck{rule: r, check: r.Course(opts.Pack)})
		}
	}
	return c
}

// Note checks the next note in course order and returns the findings in
// it that are decided now, sorted, with severity overrides and inline
// disable comments applied.
func (c *Course) Note(n *note.Note) []rule.Finding {
	var out []rule.Finding
	// One pass for every check, as in Check.
	pass := rule.NewCoursePass(n, c.opts.Pack, nil, func(f rule.Finding) { out = append(out, f) })
	for _, cc := range c.checks {
		pass.Rule = cc.rule
		cc.check.Note(pass)
	}
	return finish(n, out, c.opts)
}

// Revisit returns, once every note has been seen, the paths of the notes
// with findings only the whole course could decide, in course order. Each
// must be read again and handed to Again.
func (c *Course) Revisit() []string {
	all := map[string]bool{}
	for i := range c.checks {
		cc := &c.checks[i]
		cc.revisit = map[string]bool{}
		for _, p := range cc.check.Revisit() {
			cc.revisit[p] = true
			all[p] = true
		}
	}
	paths := make([]string, 0, len(all))
	for p := range all {
		paths = append(paths, p)
	}
	sort.Strings(paths) // course order is path order (load.Find)
	return paths
}

// Notices are what the course-level rules say of the run as a whole, once
// Revisit is done: "the inputs are not one course for ...".
func (c *Course) Notices() []string {
	var out []string
	for _, cc := range c.checks {
		if n, ok := cc.check.(interface{ Notices() []string }); ok {
			out = append(out, n.Notices()...)
		}
	}
	return out
}

// Again returns the findings of a note named by Revisit, read anew.
func (c *Course) Again(n *note.Note) []rule.Finding {
	var out []rule.Finding
	for _, cc := range c.checks {
		if cc.revisit[n.Path] {
			cc.check.Again(rule.NewCoursePass(n, c.opts.Pack, cc.rule, func(f rule.Finding) { out = append(out, f) }))
		}
	}
	return finish(n, out, c.opts)
}

// CheckCourse runs the course-level rules over notes held in memory (in
// course order) and returns their findings per note path.
func CheckCourse(notes []*note.Note, opts Options) map[string][]rule.Finding {
	c := NewCourse(opts)
	out := map[string][]rule.Finding{}
	byPath := map[string]*note.Note{}
	for _, n := range notes {
		byPath[n.Path] = n
		if fs := c.Note(n); len(fs) > 0 {
			out[n.Path] = fs
		}
	}
	for _, p := range c.Revisit() {
		if fs := c.Again(byPath[p]); len(fs) > 0 {
			out[p] = append(out[p], fs...)
			rule.SortFindings(out[p])
		}
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
	rule.SortFindings(fs)
	return fs
}
