package check

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

// acronyms reports the first use in the course of each acronym that comes
// before its expansion. It decides as it goes: whatever comes later, a use
// before any expansion is a finding.
type acronyms struct {
	p    *pack.Pack
	m    *matcher
	done map[int32]bool // entries expanded or already reported
}

func newAcronyms(p *pack.Pack) rule.CourseCheck {
	p = packOf(p)
	// The matcher is compiled on the first note, by then in a worker: a run
	// starts its workers without waiting for it.
	return &acronyms{p: p, done: map[int32]bool{}}
}

func (a *acronyms) Revisit() []string      { return nil }
func (a *acronyms) Again(*rule.CoursePass) {}

func (a *acronyms) Note(cp *rule.CoursePass) {
	n := cp.Note
	uses := analyze(n, a.p).uses
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
			Fix:     rule.NewFix(fmt.Sprintf("Write %q", repl), rule.Wording, edit.Edit{Start: u.start, End: u.end, New: repl}),
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

// consistency reports the less used spellings of terms written in more
// than one accepted way across the course. Which spelling is the less used
// one is known only at the end, so the first look counts the spellings and
// remembers which notes use each; the notes using a less used spelling are
// then looked at again.
type consistency struct {
	p      *pack.Pack
	m      *matcher
	counts map[spelling]int
	bases  map[int32][]int32     // entry → its spellings seen, in order of appearance
	where  map[spelling][]string // spelling → paths of the notes using it
	keep   map[int32]int32       // entry → the spelling to keep, once decided
	// several[entry]: the entry has two or more accepted spellings that
	// are not acronyms, so a course could mix them.
	several []bool
}

// A spelling is one accepted way (base form) of writing a pack entry.
type spelling struct{ entry, base int32 }

func newConsistency(p *pack.Pack) rule.CourseCheck {
	p = packOf(p)
	c := &consistency{p: p, counts: map[spelling]int{}, bases: map[int32][]int32{},
		where: map[spelling][]string{}}
	return c
}

// prepare compiles the matcher on the first note (see newAcronyms) and
// finds the entries with several accepted spellings.
func (c *consistency) prepare() {
	if c.m != nil {
		return
	}
	c.m = compile(c.p)
	c.several = make([]bool, len(c.m.entries))
	for i, e := range c.m.entries {
		words := 0
		for _, acr := range e.acronym {
			if !acr {
				words++
			}
		}
		c.several[i] = words >= 2
	}
}

func (c *consistency) Note(cp *rule.CoursePass) {
	c.prepare()
	path := cp.Note.Path
	for _, u := range analyze(cp.Note, c.p).uses {
		// Most terms have one accepted spelling: nothing to count. (This
		// runs on the one goroutine that takes the notes in course order.)
		if u.acronym || !c.several[u.entry] {
			continue
		}
		k := spelling{u.entry, u.base}
		if c.counts[k] == 0 {
			c.bases[u.entry] = append(c.bases[u.entry], u.base)
		}
		c.counts[k]++
		if w := c.where[k]; len(w) == 0 || w[len(w)-1] != path {
			c.where[k] = append(w, path)
		}
	}
}

func (c *consistency) Revisit() []string {
	c.prepare()
	c.keep = map[int32]int32{}
	for ent, bs := range c.bases {
		if len(bs) < 2 {
			continue
		}
		bs = slices.Clone(bs)
		slices.Sort(bs)
		best := bs[0]
		for _, b := range bs[1:] {
			if c.counts[spelling{ent, b}] > c.counts[spelling{ent, best}] {
				best = b
			}
		}
		c.keep[ent] = best
	}
	seen := map[string]bool{}
	var paths []string
	for ent, keep := range c.keep {
		for _, b := range c.bases[ent] {
			if b == keep {
				continue
			}
			for _, path := range c.where[spelling{ent, b}] {
				if !seen[path] {
					seen[path] = true
					paths = append(paths, path)
				}
			}
		}
	}
	slices.Sort(paths) // course order is path order
	return paths
}

func (c *consistency) Again(cp *rule.CoursePass) {
	n := cp.Note
	for _, u := range analyze(n, c.p).uses {
		keep, ok := c.keep[u.entry]
		if !ok || u.acronym || u.base == keep {
			continue
		}
		e := &c.m.entries[u.entry]
		forms := e.written[keep]
		repl := forms[min(int(u.infl), len(forms)-1)]
		written := string(n.Text[u.start:u.end])
		repl = matchCase(written, repl)
		cp.Report(rule.Finding{
			Start: u.start, End: u.end,
			Message: fmt.Sprintf("the course writes %q %s and %q %s: use one spelling",
				e.written[keep][0], times(c.counts[spelling{u.entry, keep}]), e.written[u.base][0], times(c.counts[spelling{u.entry, u.base}])),
			Fix: rule.NewFix(fmt.Sprintf("Write %q", repl), rule.Wording, edit.Edit{Start: u.start, End: u.end, New: repl}),
		})
	}
}

// times is "once", "twice" or "N times".
func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}
