package lint

import (
	"fmt"
	"slices"
	"sort"

	"github.com/itilint/itilint/pipeline/check"
	"github.com/itilint/itilint/pipeline/clean"
	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

// MaxRounds bounds the fix loop: a fix may reveal another glitch (joining a
// split word can leave a double space), but rules that keep undoing each
// other must not loop forever.
const MaxRounds = 10

// FixOptions choose which fixes to apply.
type FixOptions struct {
	Options
	// Kinds are the fix kinds to apply (see rule.FixKind).
	Kinds map[rule.FixKind]bool
	// Initial, when not nil, are the findings of Check on the input note
	// with the same Options, so the first round need not check again.
	Initial []rule.Finding
	// Report, when set, are the options of the check the caller makes of
	// the fixed note (every rule, for a report or the quiz). The rounds
	// after the first check with them instead of with the fixers alone,
	// and take the fixers' findings among theirs; the last round, which
	// finds nothing left to fix, is then that check of the fixed note, and
	// its findings are FixResult.Findings. A note with fixes is checked
	// once again, not twice (fixers, then every rule).
	Report *Options
}

// FixResult is what Fix did to one note.
type FixResult struct {
	Note    *note.Note // the cleaned note (re-parsed)
	Changes []rule.Change
	Rounds  int
	// Findings, when not nil, are those of Check on Note with
	// FixOptions.Report (see there); nil when the round that saw Note was
	// given (Initial) or the rounds ran out.
	Findings []rule.Finding
}

// Fix applies the first fix of each finding whose kind is wanted, skipping
// fixes that overlap one already taken in the same round (they are
// retried in the next round, against the new text), and repeats until a
// round changes nothing or MaxRounds is reached.
func Fix(n *note.Note, opts FixOptions) (*FixResult, error) {
	res := &FixResult{Note: n}
	// backmaps translate offsets of the current text to the original one,
	// so each change is reported where it is in the file on disk.
	var history []roundMap
	cur := n
	fixing := opts.Options
	fixing.Only = fixers(opts.Options, opts.Kinds)
	checking := fixing
	if opts.Report != nil {
		checking = *opts.Report
	}
	for round := 0; round < MaxRounds; round++ {
		var findings []rule.Finding
		reported := false // findings are Check(cur, *opts.Report)
		switch {
		case round == 0 && opts.Initial != nil:
			findings = opts.Initial
		case round == 0:
			// The fixers alone: a note with nothing to fix is left as
			// it was, and its caller may have a check of it already.
			findings = Check(cur, fixing)
		default:
			findings = Check(cur, checking)
			reported = opts.Report != nil
		}
		wanted := func(f rule.Finding) bool {
			// In a check with every rule, only the fixers' findings.
			return opts.Kinds[f.Fix.Kind] && (!reported || fixing.Only[f.Rule])
		}
		taken, changes, err := takeFixes(res, cur, findings, wanted, history)
		if err != nil {
			return nil, err
		}
		if len(taken) == 0 {
			if reported {
				res.Findings = findings
			}
			break
		}
		text, err := edit.Apply(cur.Text, taken)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n.Path, err)
		}
		res.Rounds = round + 1
		res.Changes = append(res.Changes, changes...)
		if string(text) == string(cur.Text) {
			if reported {
				res.Findings = findings // cur stays the note
			}
			break
		}
		sorted, _ := edit.Sort(taken, len(cur.Text))
		history = append(history, newRoundMap(sorted))
		next := cur.WithText(text)
		next.DiskLines = nil
		// Done with this text's structure: its analyses (for a note of
		// megabytes, tens of bytes a byte) go back to their pools for the
		// next round's check, instead of living beside it.
		cur.Compact()
		cur = next
	}
	res.Note = cur
	return res, nil
}

// takeFixes takes, in order, the fixes of one round's findings on cur that
// wanted accepts, skipping those that overlap a fix already taken (the
// next round retries them against the new text). It
// returns the edits taken and the changes they make, placed in the
// original note (res.Note) through history, the maps of the rounds before.
func takeFixes(res *FixResult, cur *note.Note, findings []rule.Finding, wanted func(rule.Finding) bool, history []roundMap) ([]edit.Edit, []rule.Change, error) {
	n := res.Note
	// Sized once for every fix that may be taken: a note of megabytes can
	// have hundreds of thousands, and slices of them grown by doubling
	// were copied again and again, write barriers and all.
	fixes, edits := 0, 0
	for _, f := range findings {
		if f.Fix != nil && len(f.Fix.Edits) > 0 && wanted(f) {
			fixes, edits = fixes+1, edits+len(f.Fix.Edits)
		}
	}
	var taken []edit.Edit
	var takenSet takenEdits
	var changes []rule.Change // nil when none, as before
	if fixes > 0 {
		taken, changes = make([]edit.Edit, 0, edits), make([]rule.Change, 0, fixes)
	}
	for _, f := range findings {
		if f.Fix == nil || len(f.Fix.Edits) == 0 || !wanted(f) {
			continue
		}
		if takenSet.overlaps(f.Fix.Edits) {
			continue
		}
		if _, err := edit.Sort(f.Fix.Edits, len(cur.Text)); err != nil {
			return nil, nil, fmt.Errorf("%s: rule %s produced a bad fix: %w", n.Path, f.Rule, err)
		}
		taken = append(taken, f.Fix.Edits...)
		takenSet.add(f.Fix.Edits)
		start, end := spanOf(f.Fix.Edits)
		after, _ := edit.Apply(cur.Text[start:end], shift(f.Fix.Edits, -start))
		pos := n.Position(origin(start, history))
		changes = append(changes, rule.Change{
			Rule: f.Rule, Kind: f.Fix.Kind, Message: f.Fix.Message,
			Pos: pos, Line: pos.Line,
			Before: string(cur.Text[start:end]), After: string(after),
			Edits: f.Fix.Edits,
		})
	}
	return taken, changes, nil
}

// fixers returns the IDs of the active rules that can offer a fix of one
// of the wanted kinds: the formatting rules (package clean) offer safe and
// structural fixes, the pack-driven rules (package check) only wording
// fixes. Rounds after the first run only these, since the others cannot
// change the text.
func fixers(opts Options, kinds map[rule.FixKind]bool) map[string]bool {
	ids := map[string]bool{}
	add := func(rules []*rule.Rule) {
		for _, r := range rules {
			if opts.Only == nil || opts.Only[r.ID] {
				ids[r.ID] = true
			}
		}
	}
	if kinds[rule.Safe] || kinds[rule.Structural] {
		add(clean.Rules)
	}
	if kinds[rule.Wording] {
		add(check.Rules)
	}
	return ids
}

// takenEdits are the edits taken in a round, ordered by position. No two
// of them conflict
// (edit.Overlaps), except insertions at one place by the same fix, so
// their ends increase with their starts: the taken edits an edit may
// conflict with are found by a binary search, not by trying them all
// (a long line with a fix for each of its many findings was quadratic).
type takenEdits struct {
	edits []edit.Edit
}

// add takes edits, a fix already checked against the taken ones.
func (t *takenEdits) add(edits []edit.Edit) {
	for _, e := range edits {
		// After the edits at e's place: insertions at one place stay in
		// the order given.
		i := sort.Search(len(t.edits), func(i int) bool {
			x := t.edits[i]
			return x.Start > e.Start || x.Start == e.Start && x.End > e.End
		})
		t.edits = slices.Insert(t.edits, i, e)
	}
}

// overlaps reports whether one of edits overlaps a taken edit.
func (t *takenEdits) overlaps(edits []edit.Edit) bool {
	for _, e := range edits {
		// Every taken edit that e conflicts with ends at or after e's start
		// and starts at or before its end.
		i := sort.Search(len(t.edits), func(i int) bool { return t.edits[i].End >= e.Start })
		for ; i < len(t.edits) && t.edits[i].Start <= e.End; i++ {
			if edit.Overlaps(t.edits[i:i+1], []edit.Edit{e}) {
				return true
			}
		}
	}
	return false
}

func spanOf(edits []edit.Edit) (int, int) {
	start, end := edits[0].Start, edits[0].End
	for _, e := range edits[1:] {
		start, end = min(start, e.Start), max(end, e.End)
	}
	return start, end
}

func shift(edits []edit.Edit, by int) []edit.Edit {
	out := make([]edit.Edit, len(edits))
	for i, e := range edits {
		out[i] = edit.Edit{Start: e.Start + by, End: e.End + by, New: e.New}
	}
	return out
}

// origin maps an offset of the text after len(history) rounds back to the
// original text, undoing each round's edits from the last to the first. An
// offset inside a replacement maps to the replacement's start.
func origin(off int, history []roundMap) int {
	for r := len(history) - 1; r >= 0; r-- {
		off = history[r].before(off)
	}
	return off
}

// A roundMap maps offsets of the text after a round's edits back to the
// text before them, by a binary search over where each edit's new text
// starts (reading the edits from the first for each offset was quadratic
// in a round's edits).
type roundMap struct {
	edits    []edit.Edit // sorted, not overlapping
	newStart []int       // where edits[i]'s new text starts after the round
	delta    []int       // delta[i] is how much the edits before i grew the text
}

func newRoundMap(sorted []edit.Edit) roundMap {
	m := roundMap{edits: sorted, newStart: make([]int, len(sorted)), delta: make([]int, len(sorted)+1)}
	for i, e := range sorted {
		m.newStart[i] = e.Start + m.delta[i]
		m.delta[i+1] = m.delta[i] + len(e.New) - (e.End - e.Start)
	}
	return m
}

// before maps an offset of the text after the round to the text before:
// an offset in an edit's new text maps to the edit's start. The new texts
// follow each other without overlapping, so only the last edit whose new
// text starts at or before off can hold it.
func (m roundMap) before(off int) int {
	k := sort.Search(len(m.newStart), func(i int) bool { return m.newStart[i] > off })
	if k > 0 && off < m.newStart[k-1]+len(m.edits[k-1].New) {
		return m.edits[k-1].Start
	}
	return off - m.delta[k]
}
