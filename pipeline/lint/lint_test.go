package lint

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

func TestRulesValid(t *testing.T) {
	if err := rule.Validate(Rules()); err != nil {
		t.Fatal(err)
	}
	for _, r := range Rules() {
		// The summary is the first line of Doc: `itilint rules` and the
		// README show it alone, so it must be a whole sentence.
		if s := r.Summary(); !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ".)") {
			t.Errorf("rule %s: summary %q is not a whole sentence on one line", r.ID, s)
		}
		if r.Run != nil && len(r.Bad) == 0 {
			t.Errorf("rule %s has no bad example", r.ID)
		}
	}
}

// TestRuleExamples runs every rule on its own examples: silent on Good,
// reporting on Bad.
func TestRuleExamples(t *testing.T) {
	p, err := pack.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range Rules() {
		if r.Run == nil {
			continue
		}
		opts := Options{Pack: p, Only: map[string]bool{r.ID: true}}
		if r.Edition != "" {
			if opts.Pack, err = pack.ForEdition(r.Edition); err != nil {
				t.Fatal(err)
			}
		}
		for _, good := range r.Good {
			if fs := Check(note.New("good.md", []byte(good)), opts); len(fs) > 0 {
				t.Errorf("%s: good example %q: unexpected finding %q", r.ID, good, fs[0].Message)
			}
		}
		for _, bad := range r.Bad {
			if fs := Check(note.New("bad.md", []byte(bad)), opts); len(fs) == 0 {
				t.Errorf("%s: bad example %q: no finding", r.ID, bad)
			}
		}
	}
}

func TestOrigin(t *testing.T) {
	// "abcdef" → round 1 deletes "b" → "acdef"; round 2 inserts "X" at 3.
	history := []roundMap{newRoundMap([]edit.Edit{{Start: 1, End: 2}})}
	tests := []struct{ off, want int }{{0, 0}, {1, 2}, {3, 4}, {4, 5}}
	for _, tt := range tests {
		if got := origin(tt.off, history); got != tt.want {
			t.Errorf("origin(%d) = %d, want %d", tt.off, got, tt.want)
		}
	}
	// Inside a replacement: maps to the replacement's start.
	h2 := []roundMap{newRoundMap([]edit.Edit{{Start: 2, End: 3, New: "XYZ"}})}
	if got := origin(3, h2); got != 2 {
		t.Errorf("origin inside replacement = %d, want 2", got)
	}
}

// beforeReference is roundMap.before read plainly: the edits from the
// first, growing the offset's shift, until one starts past it.
func beforeReference(off int, edits []edit.Edit) int {
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

// overlapsReference is takenEdits.overlaps read plainly: one of edits
// overlaps one of the taken edits.
func overlapsReference(taken []edit.Edit, edits []edit.Edit) bool {
	for _, t := range taken {
		if edit.Overlaps([]edit.Edit{t}, edits) {
			return true
		}
	}
	return false
}

// randomEdits returns a fix of one to three edits on a text of size bytes:
// short replacements, deletions and insertions (several at one place
// among them).
func randomEdits(rng *rand.Rand, size int) []edit.Edit {
	var edits []edit.Edit
	for range 1 + rng.Intn(3) {
		start := rng.Intn(size + 1)
		end := min(size, start+rng.Intn(4))
		if rng.Intn(3) == 0 {
			end = start
		}
		edits = append(edits, edit.Edit{Start: start, End: end, New: strings.Repeat("x", rng.Intn(3))})
	}
	return edits
}

// TestFixBookkeepingMatchesReference: the taken set finds the conflicts,
// and the round maps the origins, that trying every taken edit and
// reading every edit from the first find.
func TestFixBookkeepingMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for trial := 0; trial < 300; trial++ {
		size := 1 + rng.Intn(60)
		var set takenEdits
		var taken []edit.Edit
		for k := 0; k < 40; k++ {
			fix := randomEdits(rng, size)
			got, want := set.overlaps(fix), overlapsReference(taken, fix)
			if got != want {
				t.Fatalf("trial %d: overlaps(%v) with %v = %v, want %v", trial, fix, taken, got, want)
			}
			if want {
				continue
			}
			if _, err := edit.Sort(fix, size); err != nil {
				continue // Fix stops there
			}
			set.add(fix)
			taken = append(taken, fix...)
		}
		sorted, err := edit.Sort(taken, size)
		if err != nil {
			t.Fatalf("trial %d: taken edits overlap: %v", trial, err)
		}
		m := newRoundMap(sorted)
		after, _ := edit.Apply(make([]byte, size), taken)
		for off := -1; off <= len(after)+1; off++ {
			if got, want := m.before(off), beforeReference(off, sorted); got != want {
				t.Fatalf("trial %d: before(%d) over %v = %d, want %d", trial, off, sorted, got, want)
			}
		}
	}
}

func TestInlineDisable(t *testing.T) {
	src := "a\n<!-- itilint-disable-next-line r1 -->\nb\nc\n<!-- itilint-disable -->\nd\n<!-- itilint-enable r2 -->\ne\n"
	n := note.New("t.md", []byte(src))
	at := func(s string) int {
		for i := range src {
			if src[i:i+1] == s && (i == 0 || src[i-1] == '\n') {
				return i
			}
		}
		return -1
	}
	var fs []rule.Finding
	for _, line := range []string{"a", "b", "c", "d", "e"} {
		for _, id := range []string{"r1", "r2"} {
			fs = append(fs, rule.Finding{Rule: id, Start: at(line), End: at(line) + 1})
		}
	}
	got := map[string]bool{}
	for _, f := range suppress(n, fs) {
		got[f.Rule+":"+src[f.Start:f.End]] = true
	}
	want := []string{"r1:a", "r2:a", "r2:b", "r1:c", "r2:c", "r2:e"}
	if len(got) != len(want) {
		t.Fatalf("kept %v, want %v", got, want)
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("missing %s in %v", w, got)
		}
	}
}

// TestFixKindsByPackage keeps the promise fixers relies on: formatting rules
// never offer wording fixes and pack-driven rules offer only wording fixes.
func TestFixKindsByPackage(t *testing.T) {
	p, err := pack.Default()
	if err != nil {
		t.Fatal(err)
	}
	formatting := map[string]bool{}
	for _, r := range fixersFor(map[rule.FixKind]bool{rule.Safe: true, rule.Structural: true}) {
		formatting[r] = true
	}
	for _, r := range Rules() {
		rp := p
		if r.Edition != "" {
			if rp, err = pack.ForEdition(r.Edition); err != nil {
				t.Fatal(err)
			}
		}
		for _, ex := range r.Bad {
			for _, f := range Check(note.New("x.md", []byte(ex)), Options{Pack: rp}) {
				if f.Fix == nil {
					continue
				}
				if formatting[f.Rule] == (f.Fix.Kind == rule.Wording) {
					t.Errorf("%s offers a %s fix, which fixers does not expect", f.Rule, f.Fix.Kind)
				}
			}
		}
	}
}

func fixersFor(kinds map[rule.FixKind]bool) []string {
	var ids []string
	for id := range fixers(Options{}, kinds) {
		ids = append(ids, id)
	}
	return ids
}
