package clean_test

import (
	"bytes"
	"testing"

	"github.com/itilint/itilint/pipeline/clean"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

// FuzzClean: cleaning never panics, always converges, and cleaning the
// result again changes nothing (with and without structural fixes).
func FuzzClean(f *testing.F) {
	for _, r := range clean.Rules {
		for _, b := range r.Bad {
			f.Add(b, false)
		}
	}
	f.Add("## Definition of valu- \nValue.\n     I\n     n short, value.\n\n  what\n", true)
	f.Add("A  b\t c .\n\n\n   ##   H ##  \n    code {x}\n\n• one\n2) two\n1\\.\tthree\nâ€™\u00a0", true)
	p, err := defaultPackErr()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string, safeOnly bool) {
		kinds := cleanKinds
		if safeOnly {
			kinds = map[rule.FixKind]bool{rule.Safe: true}
		}
		n := note.New("fuzz.md", []byte(src))
		once := fix(t, n, p, onlyClean(), kinds)
		twice := fix(t, once.Note, p, onlyClean(), kinds)
		if !bytes.Equal(once.Note.Text, twice.Note.Text) {
			t.Fatalf("not idempotent:\n in: %q\n 1st: %q\n 2nd: %q\n changes: %+v", src, once.Note.Text, twice.Note.Text, twice.Changes)
		}
	})
}
