package quiz

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/note"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// conceptByID finds a concept of the default pack's corpus.
func conceptByID(t *testing.T, c *corpus, id string) *concept {
	t.Helper()
	for _, x := range c.concepts {
		if x.ID == id {
			return x
		}
	}
	t.Fatalf("no concept %q", id)
	return nil
}

// TestSwapIsFalse: a definition given to another term makes a false
// statement only where the two cannot overlap.
func TestSwapIsFalse(t *testing.T) {
	c := emptyCorpus(defaultPack(t))
	tests := []struct {
		subject, donor string
		false_         bool
		why            string
	}{
		{"outcome", "output", true, "distinct value concepts"},
		{"incident", "known-error", true, "distinct practice terms"},
		{"incident", "problem", false, `problem's wording names incidents`},
		{"event", "change", true, "the borrowed wording names neither term"},
		{"change", "event", false, `event's wording says "any change of state"`},
		{"service-level", "service-level-agreement", false, "names share words"},
		{"change", "change-schedule", false, "names share a word"},
		{"configuration-item", "it-asset", false, "both are components: half the key elements"},
		{"service", "product", false, "both wordings are about offering value"},
		{"value-chain-activities/Plan", "value-chain-activities/Improve", false, `"improving" names Improve`},
		{"guiding-principles/Focus on value", "guiding-principles/Keep it simple and practical", false, `"no value" names the subject`},
		{"guiding-principles/Start where you are", "guiding-principles/Think and work holistically", true, "two distinct principles"},
	}
	for _, tt := range tests {
		a, b := conceptByID(t, c, tt.subject), conceptByID(t, c, tt.donor)
		if got := swapIsFalse(a, b); got != tt.false_ {
			t.Errorf("swapIsFalse(%s, %s) = %v, want %v (%s)", tt.subject, tt.donor, got, tt.false_, tt.why)
		}
	}
}

func TestEchoesName(t *testing.T) {
	c := emptyCorpus(defaultPack(t))
	for id, want := range map[string]bool{
		"output":                            false,
		"service-request":                   true,  // "a request from a user ..."
		"change-schedule":                   true,  // "a calendar of changes"
		"service-level":                     false, // only "service", in half the pack
		"guiding-principles/Focus on value": true,
		"value-chain-activities/Improve":    true,
		"value-chain-activities/Engage":     false,
	} {
		if got := echoesName(conceptByID(t, c, id)); got != want {
			t.Errorf("echoesName(%s) = %v, want %v", id, got, want)
		}
	}
}

func TestStatementText(t *testing.T) {
	c := emptyCorpus(defaultPack(t))
	tests := []struct{ subject, donor, want string }{
		{"outcome", "output", "An outcome is a tangible or intangible deliverable produced by an activity."},
		{"cost", "cost", "Cost is the amount of money spent on a specific activity or resource."},
		{"service-value-chain", "practice", "The service value chain is a set of organizational resources designed for performing work or accomplishing an objective."},
		{"service-management", "service-management", "Service management is a set of specialized organizational capabilities for enabling value for customers in the form of services."},
		{"customer", "user", ""},           // roles may all apply to one person
		{"utility", "utility", ""},         // a wording with ";" is two statements
		{"opportunity", "opportunity", ""}, // "options or possibilities": no "X is ..."
		{"value-chain-activities/Engage", "value-chain-activities/Plan", "The purpose of the engage value chain activity is to create a shared understanding of the vision, the current status and the direction of improvement for all four dimensions and all products and services."},
		{"guiding-principles/Start where you are", "guiding-principles/Start where you are", `The guiding principle "Start where you are" says: look at what already exists and can be reused before building anything new.`},
		{"four-dimensions/Partners and suppliers", "four-dimensions/Information and technology", "The partners and suppliers dimension covers the information and knowledge needed to manage services, and the technologies that support them."},
		{"practices/Service desk", "practices/Service desk", ""}, // no statement form for practices
	}
	for _, tt := range tests {
		if got := c.statementText(conceptByID(t, c, tt.subject), conceptByID(t, c, tt.donor)); got != tt.want {
			t.Errorf("statementText(%s, %s) =\n%q, want\n%q", tt.subject, tt.donor, got, tt.want)
		}
	}
}

// readDir loads the notes of a directory, sorted by path.
func readDir(t testing.TB, dir string) []*note.Note {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no notes in %s: %v", dir, err)
	}
	sort.Strings(paths)
	var notes []*note.Note
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		n, err := note.Decode(p, raw)
		if err != nil {
			t.Fatal(err)
		}
		notes = append(notes, n)
	}
	return notes
}

// TestStatementGolden: the statement items of the held-out notes, with
// their explanations, as a trainer reads them (go test -update rewrites
// the golden file). Every item has one true statement and three false
// ones, each with its reason.
func TestStatementGolden(t *testing.T) {
	b := generate(readDir(t, "testdata/heldout"), defaultPack(t), Options{Seed: 1, Types: []string{TypeStatement}, Variants: true})
	var out strings.Builder
	for i, q := range b.Questions {
		fmt.Fprintf(&out, "%d. %s\n", i+1, q.Stem)
		for j, o := range q.Options {
			mark := " "
			if j == q.Answer {
				mark = "*"
			}
			fmt.Fprintf(&out, "   %c%s %s\n", 'A'+j, mark, o)
		}
		fmt.Fprintf(&out, "   Explanation: %s\n   Source: %s\n\n", q.Explanation, q.Source)
		if n := strings.Count(q.Explanation, "False ("); n != 3 {
			t.Errorf("%s: %d reasons in the explanation, want 3", q.ID, n)
		}
	}
	if len(b.Questions) == 0 {
		t.Fatal("no statement items on the held-out notes")
	}
	golden := filepath.Join("testdata", "statement.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(want) {
		t.Errorf("statement items differ from %s (go test -update rewrites it):\n%s", golden, out.String())
	}
}
