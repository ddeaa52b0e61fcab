package check

import (
	"bytes"
	"fmt"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

// AcronymExpansion reports acronyms used before they are expanded.
var AcronymExpansion = &rule.Rule{
	ID:       "acronym-expansion",
	Severity: rule.Suggestion,
	Doc: `An acronym is used before it is expanded, in course order.
The first use of "SLA" in the course must come after "service level
agreement" or read "SLA (service level agreement)"; the pack gives each
acronym as an accepted form of its term.`,
	Course: newAcronyms,
}

// acronyms reports the first use in the course of each acronym that comes
// before its expansion. It decides as it goes: whatever comes later, a use
// before any expansion is a finding.
type acronyms struct {
	p    *pack.Pack
	m    *matcher
	done map[int32]bool // entries expanded or already reported
}

func newAcronyms(rp rule.Pack) rule.CourseCheck {
	p := packOf(pack.Of(rp))
	// The matcher is compiled on the first note, by then in a worker: a run
	// starts its workers without waiting for it.
	return &acronyms{p: p, done: map[int32]bool{}}
}

func (a *acronyms) Revisit() []string      { return nil }
func (a *acronyms) Again(*rule.CoursePass) {}

func (a *acronyms) Note(cp *rule.CoursePass) {
	n := cp.Note
	uses := usesOf(n, a.p)
	if a.m == nil {
		a.m = compile(a.p)
	}
	for i, u := range uses {
		e := &a.m.entries[u.entry]
		if a.done[u.entry] || !hasExpansion(e) {
			continue
		}
		if !u.acronym {
			a.done[u.entry] = true
			continue
		}
		// "SLA (service level agreement)" expands it in place.
		if i+1 < len(uses) && uses[i+1].entry == u.entry && !uses[i+1].acronym &&
			uses[i+1].start-u.end <= 3 && bytes.Contains(n.Text[u.end:uses[i+1].start], []byte("(")) {
			a.done[u.entry] = true
			continue
		}
		a.done[u.entry] = true
		long := e.written[0][0]
		if u.infl > 0 && int(u.infl) < len(e.written[0]) {
			long = e.written[0][u.infl]
		}
		acr := string(n.Text[u.start:u.end])
		repl := long + " (" + acr + ")"
		cp.Report(rule.Finding{
			Start: u.start, End: u.end,
			Message: fmt.Sprintf("%q is used before it is expanded in the course; write %q at its first use", acr, repl),
			Fix:     rule.NewFix(fmt.Sprintf("write %q", repl), rule.Wording, edit.Edit{Start: u.start, End: u.end, New: repl}),
		})
	}
}

func hasExpansion(e *entry) bool {
	acr, long := false, false
	for _, a := range e.acronym {
		if a {
			acr = true
		} else {
			long = true
		}
	}
	return acr && long
}
