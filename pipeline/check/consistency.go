package check

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

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
less used spelling is reported with the more used one as the fix. A course
is one input folder. A top-level folder in it whose notes keep a spelling of
their own (a folder of another author's notes) is compared within itself
only, and the run says so: no note is told to change its spelling because
of another author's.`,
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
	// Per top-level folder of the course (group): the counts of its notes,
	// the group of each note, and the spelling a group that keeps its own
	// keeps (entry → group → spelling).
	groupCounts map[groupSpelling]int
	groupOf     map[string]string
	groupKeep   map[int32]map[string]int32
	notices     []string
	// several[entry]: the entry has two or more accepted spellings that
	// are not acronyms, so a course could mix them.
	several []bool
}

// A spelling is one accepted way (base form) of writing a pack entry.
type spelling struct{ entry, base int32 }

// A groupSpelling is a spelling counted in one top-level folder.
type groupSpelling struct {
	group string
	spelling
}

// groupOf is the top-level folder of a note in its course: the input
// folder joined with the first folder of the note's relative path ("" for
// a note directly in the input folder, or named on its own).
func noteGroup(path, rel string) string {
	rel = filepath.ToSlash(rel)
	top, _, nested := strings.Cut(rel, "/")
	if !nested {
		return ""
	}
	return strings.TrimSuffix(filepath.ToSlash(path), rel) + top
}

func newConsistency(rp rule.Pack) rule.CourseCheck {
	p := packOf(pack.Of(rp))
	c := &consistency{p: p, counts: map[spelling]int{}, bases: map[int32][]int32{},
		where: map[spelling][]string{}, groupCounts: map[groupSpelling]int{}, groupOf: map[string]string{}}
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
	group := noteGroup(path, cp.Note.Rel)
	c.groupOf[path] = group
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
		c.groupCounts[groupSpelling{group, k}]++
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
	c.separateGroups()
	seen := map[string]bool{}
	var paths []string
	for ent := range c.keep {
		for _, b := range c.bases[ent] {
			for _, path := range c.where[spelling{ent, b}] {
				if b == c.keepFor(ent, c.groupOf[path]) {
					continue
				}
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

// separateGroups finds, for each term spelt several ways, the top-level
// folders whose notes use most another spelling than the course: another
// author's notes, which keep their spelling (compared within the folder).
func (c *consistency) separateGroups() {
	c.groupKeep = map[int32]map[string]int32{}
	c.notices = nil
	groups := map[string]bool{}
	for _, g := range c.groupOf {
		groups[g] = true
	}
	sorted := make([]string, 0, len(groups))
	for g := range groups {
		sorted = append(sorted, g)
	}
	slices.Sort(sorted)
	ents := make([]int32, 0, len(c.keep))
	for ent := range c.keep {
		ents = append(ents, ent)
	}
	slices.Sort(ents)
	for _, ent := range ents {
		keep := c.keep[ent]
		bs := slices.Clone(c.bases[ent])
		slices.Sort(bs)
		var own []string
		for _, g := range sorted {
			best := keep
			for _, b := range bs {
				if c.groupCounts[groupSpelling{g, spelling{ent, b}}] > c.groupCounts[groupSpelling{g, spelling{ent, best}}] {
					best = b
				}
			}
			if best != keep {
				if c.groupKeep[ent] == nil {
					c.groupKeep[ent] = map[string]int32{}
				}
				c.groupKeep[ent][g] = best
				own = append(own, fmt.Sprintf("%s (%q)", g, c.m.entries[ent].written[best][0]))
			}
		}
		if len(own) > 0 {
			keeps := "keeps a spelling of its own, compared within itself"
			if len(own) > 1 {
				keeps = "keep a spelling of their own, compared within themselves"
			}
			c.notices = append(c.notices, fmt.Sprintf("term-consistency: the inputs are not one course for %q: %s %s",
				c.m.entries[ent].written[keep][0], strings.Join(own, ", "), keeps))
		}
	}
}

// keepFor is the spelling of entry the notes of a group are held to.
func (c *consistency) keepFor(ent int32, group string) int32 {
	if b, ok := c.groupKeep[ent][group]; ok {
		return b
	}
	return c.keep[ent]
}

// Notices say which folders were compared within themselves only.
func (c *consistency) Notices() []string { return c.notices }

func (c *consistency) Again(cp *rule.CoursePass) {
	n := cp.Note
	group := c.groupOf[n.Path]
	for _, u := range usesOf(n, c.p) {
		_, ok := c.keep[u.entry]
		keep := c.keepFor(u.entry, group)
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
			Message: c.message(u.entry, keep, u.base, group),
			Fix:     rule.NewFix(fmt.Sprintf("write %q", repl), rule.Wording, edit.Edit{Start: u.start, End: u.end, New: repl}),
		})
	}
}

// message says how often the course, or the notes of a folder that keeps
// its own spelling, write the two spellings.
func (c *consistency) message(ent, keep, base int32, group string) string {
	e := &c.m.entries[ent]
	if _, own := c.groupKeep[ent][group]; own {
		return fmt.Sprintf("the notes of %s write %q %s and %q %s: use one spelling", group,
			e.written[keep][0], times(c.groupCounts[groupSpelling{group, spelling{ent, keep}}]),
			e.written[base][0], times(c.groupCounts[groupSpelling{group, spelling{ent, base}}]))
	}
	return fmt.Sprintf("the course writes %q %s and %q %s: use one spelling",
		e.written[keep][0], times(c.counts[spelling{ent, keep}]), e.written[base][0], times(c.counts[spelling{ent, base}]))
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
