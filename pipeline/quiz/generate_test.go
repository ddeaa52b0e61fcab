package quiz

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
)

// generate builds the bank of notes held in memory (cleaned, in course
// order), as a run builds it from notes streamed through a Builder.
func generate(notes []*note.Note, p *pack.Pack, opts Options) *Bank {
	b := NewBuilder(p)
	for _, n := range notes {
		b.Add(b.Read(n, nil))
	}
	return b.Bank(opts)
}

func testPack(t testing.TB) *pack.Pack {
	t.Helper()
	p, err := pack.LoadPath("testdata/pack.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func notesOf(texts ...string) []*note.Note {
	var out []*note.Note
	for i, s := range texts {
		out = append(out, note.New("n"+string(rune('1'+i))+".md", []byte(s)))
	}
	return out
}

// A short course: definitions of sibling terms, sentences about incidents
// and a list of principles.
const concepts = `# Concepts

A service is a means of enabling value co-creation by facilitating outcomes that customers want.
A product is a configuration of an organization's resources designed to offer value for a consumer.
An output is a tangible or intangible deliverable of an activity.
An outcome is a result for a stakeholder enabled by one or more outputs.
`

const roles = `# Roles

A customer is a person who defines the requirements for a service and owns the outcomes.
A user is a person who uses services.
A sponsor is a person who authorizes the budget for service consumption.
`

const incidents = `# Incidents

An incident is an unplanned interruption to a service or a reduction in the quality of a service.
Incidents should be logged as early as possible, for example by users through the service desk.
Incidents are prioritized using an agreed classification based on impact and urgency.
Incidents with the highest impact on customers are resolved first.
Incidents may be diagnosed and resolved by people in many different groups and teams.
Incident records should be updated with the symptoms, the business impact and the resolution.
`

const principles = `# Principles

The guiding principles are:

1. Focus on value
2. Start where you are
3. Keep it simple and practical

Incident management and problem management are practices.
`

func questionsOf(b *Bank, typ string) []Question {
	var out []Question
	for _, q := range b.Questions {
		if q.Type == typ {
			out = append(out, q)
		}
	}
	return out
}

func TestGeneratorsValid(t *testing.T) {
	if err := ValidateGenerators(Generators); err != nil {
		t.Fatal(err)
	}
	if got, want := Types(), []string{TypeDefinition, TypeMissingWord, TypeIdentify, TypeScenario, TypeExample, TypeSequence, TypeStatement}; !reflect.DeepEqual(got, want) {
		t.Errorf("Types() = %v, want %v", got, want)
	}
	bad := []*Generator{
		{Type: "", Doc: "x", Bloom: 1, Run: func(*genPass) {}},
		{Type: "a", Doc: "", Bloom: 1, Run: func(*genPass) {}},
		{Type: "a", Doc: "x", Bloom: 3, Run: func(*genPass) {}},
		{Type: "a", Doc: "x", Bloom: 1},
	}
	for _, g := range bad {
		if ValidateGenerators([]*Generator{g}) == nil {
			t.Errorf("generator %+v passed validation", g)
		}
	}
	if ValidateGenerators([]*Generator{Definition, Definition}) == nil {
		t.Error("a generator listed twice passed validation")
	}
}

func TestDefinition(t *testing.T) {
	b := generate(notesOf(concepts), testPack(t), Options{Types: []string{TypeDefinition}})
	qs := questionsOf(b, TypeDefinition)
	want := map[string]string{
		"Which is the definition of a service?":  "A means of enabling value co-creation by facilitating outcomes that customers want",
		"Which is the definition of a product?":  "A configuration of an organization's resources designed to offer value for a consumer",
		"Which is the definition of an output?":  "A tangible or intangible deliverable of an activity",
		"Which is the definition of an outcome?": "A result for a stakeholder enabled by one or more outputs",
	}
	got := map[string]string{}
	for _, q := range qs {
		got[q.Stem] = q.Key()
		if q.Topic != "concepts" || q.TopicName != "Key concepts" || q.Bloom != 1 {
			t.Errorf("%s: topic %q (%q), bloom %d", q.Stem, q.Topic, q.TopicName, q.Bloom)
		}
		if !strings.HasPrefix(q.Source, "n1.md:") || !strings.Contains(q.Explanation, q.Source) {
			t.Errorf("%s: source %q, explanation %q", q.Stem, q.Source, q.Explanation)
		}
		if q.Section != "Concepts" {
			t.Errorf("%s: section %q", q.Stem, q.Section)
		}
	}
	// "value" is defined only by the pack: its definition may be a
	// distractor but never a question.
	for stem, key := range want {
		if got[stem] != key && b.Dropped["option-length"]+b.Dropped["clue-word"] == 0 {
			t.Errorf("%s: key %q, want %q (bank %v, dropped %v)", stem, got[stem], key, got, b.Dropped)
		}
	}
	if len(qs) == 0 {
		t.Fatalf("no definition questions; dropped %v", b.Dropped)
	}
	for _, q := range qs {
		if strings.Contains(q.Stem, "value?") {
			t.Errorf("question about a term the notes do not define: %s", q.Stem)
		}
	}
}

func TestPurposeDefinition(t *testing.T) {
	text := `The purpose of the incident management practice is to minimize the negative impact of incidents by restoring normal service operation quickly.
`
	b := generate(notesOf(text), testPack(t), Options{Types: []string{TypeDefinition, TypeMissingWord}})
	var stems []string
	for _, q := range b.Questions {
		stems = append(stems, q.Stem)
	}
	want := "What is the purpose of the incident management practice?"
	if !slices.Contains(stems, want) {
		t.Errorf("stems %q, want %q", stems, want)
	}
	// The gapped purpose sentence still says "incidents": the key would be
	// given away, so the clue check drops it.
	if b.Dropped["clue-word"] == 0 {
		t.Errorf("missing-word on a purpose naming the key: dropped %v, bank %q", b.Dropped, stems)
	}
}

func TestMissingWord(t *testing.T) {
	b := generate(notesOf(roles), testPack(t), Options{Types: []string{TypeMissingWord}, Variants: true})
	qs := questionsOf(b, TypeMissingWord)
	if len(qs) != 3 {
		t.Fatalf("got %d questions, want 3; dropped %v", len(qs), b.Dropped)
	}
	for _, q := range qs {
		if !strings.HasPrefix(q.Stem, MissingWordStem+"\nA [?] is a person who ") {
			t.Errorf("stem %q", q.Stem)
		}
		opts := append([]string(nil), q.Options[:]...)
		sort.Strings(opts)
		if want := []string{"Customer", "Sponsor", "Supplier", "User"}; !reflect.DeepEqual(opts, want) {
			t.Errorf("options %q, want %q", opts, want)
		}
	}
	// "an" before the gap: only siblings that take "an" would fit; there
	// are none, so the article moves into the options.
	b = generate(notesOf("An output is a tangible or intangible deliverable of an activity.\n"), testPack(t), Options{Types: []string{TypeMissingWord}})
	if len(b.Questions) != 1 {
		t.Fatalf("got %d questions; dropped %v", len(b.Questions), b.Dropped)
	}
	q := b.Questions[0]
	if !strings.Contains(q.Stem, "\n[?] is a tangible") || q.Key() != "An output" {
		t.Errorf("stem %q key %q", q.Stem, q.Key())
	}
	for _, o := range q.Options {
		if w := strings.Fields(o)[0]; w != "A" && w != "An" {
			t.Errorf("option %q has no article", o)
		}
	}
}

func TestMissingWordSkipsAmbiguous(t *testing.T) {
	// The sentence names a sibling of the key: a distractor could be true.
	text := "A customer is a person who pays for the service that a user consumes.\n"
	b := generate(notesOf(text), testPack(t), Options{Types: []string{TypeMissingWord}})
	if len(b.Questions) != 0 || b.Generated[TypeMissingWord] != 0 {
		t.Errorf("got %v", b.Questions)
	}
}

func TestNothingInvented(t *testing.T) {
	b := generate(notesOf("# Empty\n\nThis note talks about the weather.\n"), testPack(t), Options{})
	if len(b.Questions) != 0 {
		t.Errorf("questions from a note that teaches nothing: %v", b.Questions)
	}
	if len(b.Coverage) != 4 {
		t.Errorf("coverage rows %d, want one per topic", len(b.Coverage))
	}
}

func TestOptionsFilter(t *testing.T) {
	p := testPack(t)
	notes := notesOf(concepts, roles, incidents, principles)
	all := generate(notes, p, Options{})
	roleOnly := generate(notes, p, Options{Topics: []string{"roles"}})
	for _, q := range roleOnly.Questions {
		if q.Topic != "roles" {
			t.Errorf("topic filter let %s through", q.Topic)
		}
	}
	if len(roleOnly.Questions) == 0 || len(roleOnly.Questions) >= len(all.Questions) {
		t.Errorf("roles: %d of %d", len(roleOnly.Questions), len(all.Questions))
	}
	two := generate(notes, p, Options{Count: 2})
	if len(two.Questions) != 2 {
		t.Errorf("count 2: got %d", len(two.Questions))
	}
	if got := generate(notes, p, Options{Types: []string{TypeMissingWord}}); len(got.Questions) == 0 || len(got.Generated) != 1 {
		t.Errorf("type filter: %v %v", got.Generated, got.Questions)
	}
}

func TestCoverage(t *testing.T) {
	b := generate(notesOf(roles, "A supplier is mentioned here but never defined.\n"), testPack(t), Options{})
	var row Coverage
	for _, c := range b.Coverage {
		if c.Area == "roles" {
			row = c
		}
	}
	if row.Questions == 0 || !slices.Contains(row.Untested, "supplier") {
		t.Errorf("roles coverage %+v", row)
	}
	for _, c := range b.Coverage {
		if c.Area == "principles" && (c.Questions != 0 || len(c.Untested) != 0) {
			t.Errorf("principles coverage %+v for notes that do not teach them", c)
		}
	}
}

func TestDeterministic(t *testing.T) {
	p := testPack(t)
	notes := notesOf(concepts, roles, incidents, principles)
	a := generate(notes, p, Options{Seed: 7})
	b := generate(notesOf(concepts, roles, incidents, principles), p, Options{Seed: 7})
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs with the same seed differ")
	}
	// Editing another note leaves the IDs of the questions of this one.
	edited := generate(notesOf(concepts, roles, incidents+"\nA completely new paragraph about nothing in particular.\n", principles), p, Options{Seed: 7})
	ids := map[string]bool{}
	for _, q := range edited.Questions {
		ids[q.ID] = true
	}
	for _, q := range a.Questions {
		if q.Topic == "concepts" && !ids[q.ID] {
			t.Errorf("question %s (%s) changed its ID after an edit elsewhere", q.ID, q.Stem)
		}
	}
}

// readSource loads the sample course as the lead passes it: sorted by path.
func readSource(t testing.TB) []*note.Note {
	t.Helper()
	var notes []*note.Note
	err := filepath.WalkDir("../../source", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if ext := filepath.Ext(path); ext != ".md" && ext != ".txt" {
			return nil
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n, err := note.Decode(path, raw)
		if err != nil {
			return err
		}
		notes = append(notes, n)
		return nil
	})
	if err != nil {
		t.Fatal("no sample course:", err)
	}
	sort.Slice(notes, func(i, j int) bool { return notes[i].Path < notes[j].Path })
	return notes
}

func TestSampleCourse(t *testing.T) {
	notes := readSource(t)
	b := generate(notes, testPack(t), Options{Seed: 1})
	if len(b.Questions) == 0 {
		t.Fatal("no questions from the sample course")
	}
	for _, q := range b.Questions {
		if r := BrokenGuideline(q); r != "" {
			t.Errorf("%s fails %s", q.Stem, r)
		}
		if q.Source == "" || q.Explanation == "" || q.Topic == "" {
			t.Errorf("%s: missing source, explanation or topic", q.Stem)
		}
	}
}

func BenchmarkGenerateSampleCourse(b *testing.B) {
	notes := readSource(b)
	p := testPack(b)
	size := 0
	for _, n := range notes {
		size += len(n.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		// Fresh notes each time: a note caches its parsed blocks.
		fresh := make([]*note.Note, len(notes))
		for i, n := range notes {
			fresh[i] = note.New(n.Path, n.Text)
		}
		generate(fresh, p, Options{Seed: 1})
	}
}

func FuzzGenerate(f *testing.F) {
	f.Add(concepts)
	f.Add(roles + incidents)
	f.Add(principles)
	f.Add("A [?] is. e.g. An a an. The purpose of the is to.\n\n- x\n")
	p := testPack(f)
	f.Fuzz(func(t *testing.T, text string) {
		b := generate(notesOf(text), p, Options{Seed: 3})
		for _, q := range b.Questions {
			if r := BrokenGuideline(q); r != "" {
				t.Errorf("bank holds a question failing %s: %+v", r, q)
			}
			if q.Answer < 0 || q.Answer > 3 {
				t.Errorf("answer %d", q.Answer)
			}
		}
	})
}

func TestSourceNeverAbsolute(t *testing.T) {
	// A trainer who names the notes by an absolute path hands learners a
	// sheet without their home directory in it.
	abs := filepath.Join(string(filepath.Separator), "home", "trainer", "course", "roles.md")
	n := note.New(abs, []byte(roles))
	n.Rel = "roles.md"
	b := generate([]*note.Note{n}, testPack(t), Options{})
	if len(b.Questions) == 0 {
		t.Fatal("no questions")
	}
	for _, q := range b.Questions {
		if !strings.HasPrefix(q.Source, "roles.md:") || strings.Contains(q.Explanation, "trainer") {
			t.Errorf("%s: source %q, explanation %q", q.Stem, q.Source, q.Explanation)
		}
	}
}

func TestMissingWordExplainsDistractors(t *testing.T) {
	b := generate(notesOf(roles), testPack(t), Options{Types: []string{TypeMissingWord}, Variants: true})
	for _, q := range questionsOf(b, TypeMissingWord) {
		for i, o := range q.Options {
			if i != q.Answer && !strings.Contains(strings.ToLower(q.Explanation), strings.ToLower(o)) {
				t.Errorf("%s: explanation %q does not say why %q is wrong", q.Stem, q.Explanation, o)
			}
		}
	}
}
