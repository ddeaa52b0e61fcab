package check_test

import (
	"testing"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/check"
	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/pack"
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
		for _, fd := range check.Text(p, s) {
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

// FuzzPack: any pack file a user may add (a valid one, once merged into
// the default pack) compiles and checks a note without a panic, with
// findings inside the note: a pack's texts reach the matcher as written.
func FuzzPack(f *testing.F) {
	f.Add("terms:\n  - {id: x, term: Change board, accepted: [CB], wrong: [change bored]}\n", "The change bored met.\n")
	f.Add("lists:\n  - {id: l, nouns: [pillars], count: 2, members: [{name: A}, {name: B}]}\nphrases:\n  - {id: p, kind: slip, wrong: ['the {l} thing', '{l}'], replace: 'x'}\n", "There are three pillars: A, B and C. The a thing.\n")
	f.Add("phrases:\n  - {id: p, kind: v3, wrong: ['{', '}{', '{}'], context: [x], unless: [y], not_after: [z]}\n", "{ }{ {}\n")
	f.Add("terms:\n  - {id: value, term: 'É', case_sensitive: true, inflect: true, elements: [a, b], definition: a b}\n", "É is the a b.\n")
	base := defaultPack(f)
	f.Fuzz(func(t *testing.T, src, note string) {
		if !utf8.ValidString(note) {
			return
		}
		var q pack.Pack
		if err := pack.DecodeStrict("f.yaml", []byte(src), &q); err != nil {
			return
		}
		p := base.Clone()
		p.Merge(&q)
		if p.Validate() != nil {
			return
		}
		for _, fd := range check.Text(p, note) {
			if fd.Start < 0 || fd.End > len(note) || fd.Start > fd.End {
				t.Fatalf("finding %+v out of range", fd)
			}
		}
	})
}
