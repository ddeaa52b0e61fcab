package lint

import (
	"fmt"

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

// A Conflict is a fix that was skipped because it overlapped another.
type Conflict struct {
	Rule, With string
	Pos        note.Position
}

// FixResult is what Fix did to one note.
type FixResult struct {
	Note      *note.Note // the cleaned note (re-parsed)
	Changes   []rule.Change
	Conflicts []Conflict
	Rounds    int
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
	var history [][]edit.Edit
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
		var taken []edit.Edit
		var takenRules []string
		var roundChanges []rule.Change
		for _, f := range findings {
			if f.Fix == nil || len(f.Fix.Edits) == 0 || !opts.Kinds[f.Fix.Kind] {
				continue
			}
			if reported && !fixing.Only[f.Rule] {
				continue // not a finding of the fixers' check
			}
			if conflictWith := conflicting(taken, takenRules, f.Fix.Edits); conflictWith != "" {
				res.Conflicts = append(res.Conflicts, Conflict{Rule: f.Rule, With: conflictWith, Pos: n.Position(origin(f.Start, history))})
				continue
			}
			if _, err := edit.Sort(f.Fix.Edits, len(cur.Text)); err != nil {
				return nil, fmt.Errorf("%s: rule %s produced a bad fix: %w", n.Path, f.Rule, err)
			}
			taken = append(taken, f.Fix.Edits...)
			for range f.Fix.Edits {
				takenRules = append(takenRules, f.Rule)
			}
			start, end := spanOf(f.Fix.Edits)
			after, _ := edit.Apply(cur.Text[start:end], shift(f.Fix.Edits, -start))
			orig := origin(start, history)
			roundChanges = append(roundChanges, rule.Change{
				Rule: f.Rule, Kind: f.Fix.Kind, Message: f.Fix.Message,
				Pos: n.Position(orig), Line: n.Position(orig).Line,
				Before: string(cur.Text[start:end]), After: string(after),
				Edits: f.Fix.Edits,
			})
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
		res.Changes = append(res.Changes, roundChanges...)
		if string(text) == string(cur.Text) {
			if reported {
				res.Findings = findings // cur stays the note
			}
			break
		}
		sorted, _ := edit.Sort(taken, len(cur.Text))
		history = append(history, sorted)
		next := cur.WithText(text)
		next.DiskLines = nil
		cur = next
	}
	res.Note = cur
	return res, nil
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

// conflicting returns the rule of a taken edit that edits overlaps, or "".
func conflicting(taken []edit.Edit, rules []string, edits []edit.Edit) string {
	for i, t := range taken {
		if edit.Overlaps([]edit.Edit{t}, edits) {
			return rules[i]
		}
	}
	return ""
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
func origin(off int, history [][]edit.Edit) int {
	for r := len(history) - 1; r >= 0; r-- {
		off = before(off, history[r])
	}
	return off
}

// before maps an offset of the text after edits (sorted) to the text before.
func before(off int, edits []edit.Edit) int {
	delta := 0
	for _, e := range edits {
		newStart := e.Start + delta
		if off < newStart {
			break
		}
		if off < newStart+len(e.New) {
			return e.Start
		}
		delta += len(e.New) - (e.End - e.Start)
	}
	return off - delta
}
