package check_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/lint"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

// TestFindingTextSurvivesLaterNotes checks that what a finding says (its
// message, its fix's message and edits) stays as it was once its note is
// done and later notes are checked: the pack rules work in buffers reused
// from note to note, and a finding must share none of them.
func TestFindingTextSurvivesLaterNotes(t *testing.T) {
	p := defaultPack(t)
	opts := lint.Options{Pack: p, Only: only()}
	first := note.New("first.md", []byte("# The seven guiding principles\n\n"+
		"ITIL4 has six guiding principles. Focus On Valu is one, as per the book.\n\n"+
		"Change management authorizes changes. Log every incdent.\n\n"+
		"A problem is an unplanned interruption to a service or a reduction in the quality of a service.\n\n"+
		"Would you like me to expand on this?\n"))
	fs := lint.Check(first, opts)
	rules := map[string]bool{}
	for _, f := range fs {
		rules[f.Rule] = true
	}
	if len(rules) < 6 {
		t.Fatalf("the first note gives findings of %d rules, want 6 or more:\n%s", len(rules), texts(fs))
	}
	want := texts(fs)
	first.Compact() // the note is done: its buffers go back for the next

	// Later notes, with findings of other lengths and texts, written into
	// the same buffers.
	later := []string{
		"Itil 4 is the edition. There are 30 practices and four dimensions.\n",
		"We study I.T.I.L. 4 and continual service improvement here; the service lifecycle is gone.\n",
		"This is called as value co-creation. Availabilty matters. I hope this helps!\n",
		"## Guiding principles\n\n- Progress iteratively with feedbacks\n- Think and work holistically\n",
	}
	for i := range 200 {
		n := note.New(fmt.Sprintf("later%d.md", i), []byte(strings.Repeat(later[i%len(later)], 1+i%7)))
		lint.Check(n, opts)
		n.Compact()
	}
	if got := texts(fs); got != want {
		t.Errorf("the first note's findings changed after later notes:\nnow:\n%s\nwas:\n%s", got, want)
	}
}

// texts writes what findings say into a new string.
func texts(fs []rule.Finding) string {
	var sb strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&sb, "%s %d-%d %q", f.Rule, f.Start, f.End, f.Message)
		if f.Fix != nil {
			fmt.Fprintf(&sb, " fix %q %s", f.Fix.Message, f.Fix.Kind)
			for _, e := range f.Fix.Edits {
				fmt.Fprintf(&sb, " %d-%d %q", e.Start, e.End, e.New)
			}
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}
