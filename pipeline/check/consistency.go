package check

import (
	"fmt"
	"slices"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

// TermConsistency reports a term spelt two accepted ways in one course.
var TermConsistency = &rule.Rule{
	ID:       "term-consistency",
	Severity: rule.Suggestion,
	Doc: `A term is spelt two ways in the course: "service catalogue" and "service catalog".
Both spellings are accepted by the pack, but a course should use one; the
less used spelling is reported with the more used one as the fix.`,
	Course: newConsistency,
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
	for _, u := range usesOf(cp.Note, c.p) {
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
	for _, u := range usesOf(n, c.p) {
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
