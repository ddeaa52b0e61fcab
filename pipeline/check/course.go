package check

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/itilint/itilint/pipeline/rule"
)

// runAcronyms reports the first use in the course of each acronym that
// comes before its expansion.
func runAcronyms(cp *rule.CoursePass) {
	p := packOf(cp.Pack)
	if p == nil {
		return
	}
	m := compile(p)
	done := map[int32]bool{} // entries expanded or already reported
	for _, n := range cp.Notes {
		uses := analyze(n, p).uses
		for i, u := range uses {
			e := &m.entries[u.entry]
			if done[u.entry] || !hasExpansion(e) {
				continue
			}
			if !u.acronym {
				done[u.entry] = true
				continue
			}
			// "SLA (service level agreement)" expands it in place.
			if i+1 < len(uses) && uses[i+1].entry == u.entry && !uses[i+1].acronym &&
				uses[i+1].start-u.end <= 3 && bytes.Contains(n.Text[u.end:uses[i+1].start], []byte("(")) {
				done[u.entry] = true
				continue
			}
			done[u.entry] = true
			long := e.written[0][0]
			if u.infl > 0 && int(u.infl) < len(e.written[0]) {
				long = e.written[0][u.infl]
			}
			acr := string(n.Text[u.start:u.end])
			repl := long + " (" + acr + ")"
			cp.Report(n, rule.Finding{
				Start: u.start, End: u.end,
				Message: fmt.Sprintf("%q is used before it is expanded in the course; write %q at its first use", acr, repl),
				Fix:     wordingFix(fmt.Sprintf("Write %q", repl), u.start, u.end, repl),
			})
		}
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

// runConsistency reports the less used spellings of terms written in more
// than one accepted way across the course.
func runConsistency(cp *rule.CoursePass) {
	p := packOf(cp.Pack)
	if p == nil {
		return
	}
	m := compile(p)
	type key struct{ entry, base int32 }
	counts := map[key]int{}
	bases := map[int32][]int32{}
	for _, n := range cp.Notes {
		for _, u := range analyze(n, p).uses {
			if u.acronym {
				continue
			}
			k := key{u.entry, u.base}
			if counts[k] == 0 {
				bases[u.entry] = append(bases[u.entry], u.base)
			}
			counts[k]++
		}
	}
	major := map[int32]int32{} // entry → the spelling to keep
	for ent, bs := range bases {
		if len(bs) < 2 {
			continue
		}
		slices.Sort(bs)
		best := bs[0]
		for _, b := range bs[1:] {
			if counts[key{ent, b}] > counts[key{ent, best}] {
				best = b
			}
		}
		major[ent] = best
	}
	if len(major) == 0 {
		return
	}
	for _, n := range cp.Notes {
		for _, u := range analyze(n, p).uses {
			keep, ok := major[u.entry]
			if !ok || u.acronym || u.base == keep {
				continue
			}
			e := &m.entries[u.entry]
			forms := e.written[keep]
			repl := forms[min(int(u.infl), len(forms)-1)]
			written := string(n.Text[u.start:u.end])
			repl = matchCase(written, repl)
			cp.Report(n, rule.Finding{
				Start: u.start, End: u.end,
				Message: fmt.Sprintf("the course writes %q %d times and %q %d times: use one spelling", e.written[keep][0], counts[key{u.entry, keep}], e.written[u.base][0], counts[key{u.entry, u.base}]),
				Fix:     wordingFix(fmt.Sprintf("Write %q", repl), u.start, u.end, repl),
			})
		}
	}
}
