package pipeline

import (
	"github.com/itilint/itilint/pipeline/check"
	"github.com/itilint/itilint/pipeline/lint"
	"github.com/itilint/itilint/pipeline/load"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
)

// packRules are the IDs of the pack-driven rules (package check).
var packRules = func() map[string]bool {
	ids := map[string]bool{}
	for _, r := range check.Rules {
		ids[r.ID] = true
	}
	return ids
}()

// processOne runs load → check → clean for one input.
//
// older counts the places the cleaning and the quiz's wording fixes
// replaced older-edition wording: a note that teaches ITIL v3 gives no
// questions, even with its terms brought up to date.
//
// checked, when not nil, are the findings of lint.Check with opts on the
// cleaned note, found on the way (a note the fixes left as it was keeps
// the findings of the first check), so the quiz need not check it again.
func processOne(in load.Input, cfg Config, opts lint.Options) (f result.File, cleaned *note.Note, older int, checked []rule.Finding) {
	j := noteJob{f: result.File{Path: in.Path}, opts: opts}
	err := j.read(in, cfg)
	if err == nil && len(cfg.FixKinds) > 0 {
		err = j.clean(cfg.FixKinds, cfg.Quiz)
	}
	if err == nil && cfg.Quiz && !cfg.FixKinds[rule.Wording] {
		err = j.fixWording()
	}
	if err != nil {
		j.f.Err = err
		return j.f, nil, 0, nil
	}
	return j.f, j.cleaned, j.older, j.checked
}

// A noteJob is one input on its way through a worker (processOne): read
// and checked, cleaned, and its wording fixed for the quiz.
type noteJob struct {
	opts    lint.Options
	f       result.File
	cleaned *note.Note     // the note as the fixes left it
	older   int            // places of older-edition wording replaced
	checked []rule.Finding // lint.Check's findings on cleaned; nil when not known
}

// read reads the input and, when the run checks, reports its findings.
func (j *noteJob) read(in load.Input, cfg Config) error {
	n, err := load.Read(in, cfg.Load)
	if err != nil {
		return err
	}
	j.f.Note = n
	if cfg.Read != nil {
		cfg.Read(len(n.Text))
	}
	if cfg.Check {
		j.f.Findings = lint.Check(n, j.opts)
	}
	j.cleaned, j.checked = n, j.f.Findings
	return nil
}

// clean applies the fixes of the kinds asked for. The check of read saw
// the same note with the same options: its findings are the fix loop's
// first round. The quiz checks the cleaned note with every rule: for it,
// the fix rounds do so, and the last of them is that check.
func (j *noteJob) clean(kinds map[rule.FixKind]bool, quiz bool) error {
	fixing := lint.FixOptions{Options: j.opts, Kinds: kinds, Initial: j.f.Findings}
	if quiz {
		fixing.Report = &j.opts
	}
	r, err := lint.Fix(j.f.Note, fixing)
	if err != nil {
		return err
	}
	j.f.Changes = r.Changes
	if r.Note != j.cleaned {
		j.checked = r.Findings
	}
	j.cleaned = r.Note
	j.older = olderChanges(r.Changes)
	return nil
}

// fixWording applies the wording fixes to the cleaned note for the quiz.
// Questions quote the notes to learners, so they are built from text with
// the terminology fixed too ("ITIL4" → "ITIL 4"), even when the cleaned
// copies keep the author's wording. Only the pack-driven rules offer
// wording fixes.
func (j *noteJob) fixWording() error {
	wording := j.opts
	wording.Only = packRules
	fixing := lint.FixOptions{Options: wording, Kinds: map[rule.FixKind]bool{rule.Wording: true}}
	if j.opts.Only == nil {
		// With every rule on, one check of the cleaned note serves
		// both the wording fixes (its pack-driven findings are their
		// first round) and the quiz, when no wording fix applies.
		if j.checked == nil {
			j.checked = lint.Check(j.cleaned, j.opts)
		}
		fixing.Initial = ofRules(j.checked, packRules)
		// And the rounds after a wording fix check with every rule:
		// the last is the quiz's check of its text.
		fixing.Report = &j.opts
	}
	r, err := lint.Fix(j.cleaned, fixing)
	if err != nil {
		return err
	}
	if r.Note != j.cleaned {
		j.checked = r.Findings
	}
	j.cleaned = r.Note
	j.older += olderChanges(r.Changes)
	return nil
}

// ofRules returns the findings of fs by the rules in ids, in order (never
// nil, so lint.Fix takes them as its first round).
func ofRules(fs []rule.Finding, ids map[string]bool) []rule.Finding {
	out := make([]rule.Finding, 0, len(fs))
	for _, f := range fs {
		if ids[f.Rule] {
			out = append(out, f)
		}
	}
	return out
}

// olderRules report wording of an earlier edition ("service lifecycle").
var olderRules = map[string]bool{"v3-term": true, "older-wording": true}

func olderChanges(cs []rule.Change) int {
	n := 0
	for _, c := range cs {
		if olderRules[c.Rule] {
			n++
		}
	}
	return n
}

// MaxOlderWording is how many places of older-edition wording (fixed or
// not) a note may hold and still give questions: more, and the note
// teaches the older edition ("the five stages of the service lifecycle")
// whatever its terms are brought up to.
const MaxOlderWording = 2

// stillFlagged returns the byte ranges of n that findings (lint.Check's
// on n) report as a warning or an error: a question must not quote a sentence with a slip.
// A note with more than MaxOlderWording places of older wording (older
// counts those already fixed) is flagged whole.
func stillFlagged(n *note.Note, findings []rule.Finding, older int) [][2]int {
	var out [][2]int
	for _, f := range findings {
		if f.Severity >= rule.Warning {
			out = append(out, [2]int{f.Start, f.End})
		}
		if olderRules[f.Rule] {
			older++
		}
	}
	if older > MaxOlderWording {
		return [][2]int{{0, len(n.Text)}}
	}
	return out
}
