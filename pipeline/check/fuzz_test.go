package check_test

import (
	"testing"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/check"
	"github.com/itilint/itilint/pipeline/edit"
)

// FuzzCheckText: any note gives findings inside the text whose fixes apply.
func FuzzCheckText(f *testing.F) {
	f.Add("The guiding principle focus on value, as per ITIL4.\n")
	f.Add("# The seven guiding principles\n\n## Work and think holistically\n\n- Optimize & automate\n")
	f.Add("There are six guiding principles and 30 practices. `ITIL4` [x](http://ITIL4)\n")
	f.Add("A problem is an unplanned interruption to a service. Would you like me to go on?\n")
	f.Add("Think of utility as \"what the service does\", \u201chow the service performs\u201d. The web works - this functionality may be called warranty.\n")
	f.Add("- **What does the value chain's engage take in?**\n  - Requests from **delivery & support**\n\nThe four dimensions are:\n\n- Organizations and people\n- Keep it simple and practicable\n")
	p := defaultPack(f)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for _, fd := range check.CheckText(p, s) {
			if fd.Start < 0 || fd.End > len(s) || fd.Start > fd.End {
				t.Fatalf("finding %+v out of range", fd)
			}
			if fd.Fix != nil {
				if _, err := edit.Apply([]byte(s), fd.Fix.Edits); err != nil {
					t.Fatalf("fix of %s does not apply: %v", fd.Rule, err)
				}
			}
		}
	})
}
