package glitchgen_test

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/clean/glitchgen"
	"github.com/itilint/itilint/pipeline/lint"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

// seeds are the fixed seeds the repair figure is measured over.
var seeds = []int64{1, 2, 3, 4, 5}

// minRepaired is the share of the injected damage fix must repair.
const minRepaired = 0.97

// fixNote runs `itilint fix` (safe and structural fixes, every rule) on
// text, read as the loader reads a file (CRLF line ends, a BOM), and
// returns the result written back the same way.
func fixNote(t testing.TB, p *pack.Pack, path, text string) string {
	t.Helper()
	n, err := note.Decode(path, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Fix(n, lint.FixOptions{Options: lint.Options{Pack: p}, Kinds: map[rule.FixKind]bool{rule.Safe: true, rule.Structural: true}})
	if err != nil {
		t.Fatal(err)
	}
	return string(n.Encode(res.Note.Text))
}

// cleanNotes returns the clean notes damage is put in: the notes of
// testdata/, written clean, and the sample course's notes as fix leaves
// them.
func cleanNotes(t testing.TB, p *pack.Pack) (own, course map[string]string) {
	t.Helper()
	own, course = map[string]string{}, map[string]string{}
	paths, _ := filepath.Glob("testdata/*.md")
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		own[path] = string(b)
	}
	for _, glob := range []string{"../../../source/*/*.md", "../../../source/*/*.txt", "../../../source/*.txt"} {
		paths, _ := filepath.Glob(glob)
		for _, path := range paths {
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			course[path] = fixNote(t, p, path+".md", string(b))
		}
	}
	if len(own) == 0 || len(course) == 0 {
		t.Fatalf("no clean notes: %d of our own, %d of the course", len(own), len(course))
	}
	return own, course
}

// TestCleanNotesStayClean: fix changes no byte of a clean note, and is a
// fixed point on the course's cleaned notes.
func TestCleanNotesStayClean(t *testing.T) {
	p := defaultPack(t)
	own, course := cleanNotes(t, p)
	for path, text := range own {
		if got := fixNote(t, p, path, text); got != text {
			t.Errorf("%s: fix changed a clean note:\n%s", path, diffLines(text, got))
		}
	}
	for path, text := range course {
		if got := fixNote(t, p, path+".md", text); got != text {
			t.Errorf("%s: fix is not idempotent on the course note:\n%s", path, diffLines(text, got))
		}
	}
}

// TestRepair damages the clean notes with every kind of glitch, several in
// one paragraph, for each seed; fix must repair at least minRepaired of
// the damage (measured as the edit distance to the clean note: how much
// of it fix took away), and fixing the result again must change nothing.
func TestRepair(t *testing.T) {
	p := defaultPack(t)
	own, course := cleanNotes(t, p)
	all := map[string]string{}
	for k, v := range own {
		all[k] = v
	}
	for k, v := range course {
		all[k] = v
	}
	paths := sortedKeys(all)
	for _, seed := range seeds {
		rng := rand.New(rand.NewSource(seed))
		damage, left, glitches := 0, 0, 0
		for _, path := range paths {
			clean := all[path]
			damaged, gs := glitchgen.Damage(clean, rng, glitchgen.Options{})
			glitches += len(gs)
			fixed := fixNote(t, p, path+".md", damaged)
			if again := fixNote(t, p, path+".md", fixed); again != fixed {
				t.Errorf("seed %d, %s: fix is not idempotent:\n%s", seed, path, diffLines(fixed, again))
			}
			d, l := distance(clean, damaged), distance(clean, fixed)
			damage += d
			left += l
			if testing.Verbose() && l > 0 {
				t.Logf("seed %d, %s: %d of %d left (%s)\n%s", seed, path, l, d, strings.Join(glitchgen.Sorted(gs), " "), diffLines(clean, fixed))
			}
		}
		repaired := 1 - float64(left)/float64(damage)
		t.Logf("seed %d: %d glitches, damage %d, left %d: %.1f%% repaired", seed, glitches, damage, left, 100*repaired)
		if repaired < minRepaired {
			t.Errorf("seed %d: %.1f%% of the damage repaired, want at least %.0f%%", seed, 100*repaired, 100*minRepaired)
		}
	}
}

// TestRepairByKind logs the share repaired of each kind alone, to find
// which kind the cleaner misses; it asserts nothing TestRepair does not.
func TestRepairByKind(t *testing.T) {
	if !testing.Verbose() {
		t.Skip("a diagnostic: go test -v -run TestRepairByKind")
	}
	p := defaultPack(t)
	own, course := cleanNotes(t, p)
	for k, v := range course {
		own[k] = v
	}
	paths := sortedKeys(own)
	for _, kind := range glitchgen.Kinds() {
		rng := rand.New(rand.NewSource(1))
		damage, left, n := 0, 0, 0
		for _, path := range paths {
			damaged, gs := glitchgen.Damage(own[path], rng, glitchgen.Options{Kinds: []glitchgen.Kind{kind}})
			n += len(gs)
			fixed := fixNote(t, p, path+".md", damaged)
			damage += distance(own[path], damaged)
			left += distance(own[path], fixed)
		}
		if damage > 0 {
			t.Logf("%-26s %3d glitches, damage %5d, left %4d: %5.1f%% repaired", kind, n, damage, left, 100*(1-float64(left)/float64(damage)))
		}
	}
}

// TestDamageDeterministic: a seed always gives the same damage.
func TestDamageDeterministic(t *testing.T) {
	src := "# Value\n\nValue is what the consumer perceives. It is co-created by providers and consumers together.\n"
	a, _ := glitchgen.Damage(src, rand.New(rand.NewSource(7)), glitchgen.Options{Rate: 1})
	b, _ := glitchgen.Damage(src, rand.New(rand.NewSource(7)), glitchgen.Options{Rate: 1})
	if a != b {
		t.Fatalf("same seed, different damage:\n%q\n%q", a, b)
	}
	if a == src {
		t.Fatalf("rate 1 did no damage")
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "abc", 0}, {"abc", "", 3}, {"", "ab", 2},
		{"the value", "the the value", 4}, {"kitten", "sitting", 5},
	} {
		if got := distance(c.a, c.b); got != c.want {
			t.Errorf("distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// distance is the number of bytes to delete and insert to turn a into b
// (Myers' O(ND) difference algorithm: the damage is small next to a note).
func distance(a, b string) int {
	n, m := len(a), len(b)
	max := n + m
	v := make([]int, 2*max+2)
	for d := 0; d <= max; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[max+k-1] < v[max+k+1] {
				x = v[max+k+1]
			} else {
				x = v[max+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[max+k] = x
			if x >= n && y >= m {
				return d
			}
		}
	}
	return max
}

// diffLines shows the lines of b that a does not have, and the reverse,
// for a failure message.
func diffLines(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	in := func(l string, ls []string) bool {
		for _, x := range ls {
			if x == l {
				return true
			}
		}
		return false
	}
	var out strings.Builder
	for _, l := range al {
		if !in(l, bl) {
			fmt.Fprintf(&out, "-%q\n", l)
		}
	}
	for _, l := range bl {
		if !in(l, al) {
			fmt.Fprintf(&out, "+%q\n", l)
		}
	}
	return out.String()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func defaultPack(t testing.TB) *pack.Pack {
	t.Helper()
	p, err := pack.Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestKindDetail logs, for each kind of damage put in alone, the lines fix
// leaves different from the clean note; GLITCH_KIND=hyphen-break go test
// -v -run TestKindDetail shows one kind. (It runs every kind rather than
// skip without GLITCH_KIND: a skipped test would read as one that could
// not run.)
func TestKindDetail(t *testing.T) {
	kind := os.Getenv("GLITCH_KIND")
	p := defaultPack(t)
	own, course := cleanNotes(t, p)
	for k, v := range course {
		own[k] = v
	}
	found := false
	for _, k := range glitchgen.Kinds() {
		if kind != "" && k.String() != kind {
			continue
		}
		found = true
		rng := rand.New(rand.NewSource(1))
		for _, path := range sortedKeys(own) {
			damaged, _ := glitchgen.Damage(own[path], rng, glitchgen.Options{Kinds: []glitchgen.Kind{k}})
			fixed := fixNote(t, p, path+".md", damaged)
			if fixed != own[path] {
				t.Logf("%s, %s:\n%s", k, path, diffLines(own[path], fixed))
			}
		}
	}
	if !found {
		t.Fatalf("GLITCH_KIND=%s is no kind of damage", kind)
	}
}
