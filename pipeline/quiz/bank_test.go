package quiz

import (
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/pack"
)

func defaultPack(t testing.TB) *pack.Pack {
	t.Helper()
	p, err := pack.Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBankTestsEachFactOnce: on the sample course, no two questions of the
// default bank rest on the same sentence of the notes, and no two have the
// same option set; every question has a syllabus area.
func TestBankTestsEachFactOnce(t *testing.T) {
	b := generate(readSource(t), defaultPack(t), Options{Seed: 1})
	if len(b.Questions) < 30 {
		t.Fatalf("only %d questions", len(b.Questions))
	}
	sources := map[string]string{}
	sets := map[string]string{}
	for _, q := range b.Questions {
		fact := q.Source
		if _, quoted, ok := strings.Cut(q.Explanation, `"`); ok {
			fact, _, _ = strings.Cut(quoted, `"`)
		}
		if q.Type == TypeStatement {
			fact = q.Key() // the pack's wording, not a sentence of the notes
		}
		if prev, ok := sources[fact]; ok && q.Type != TypeSequence {
			t.Errorf("%q and %q rest on the same sentence %s", prev, q.Stem, q.Source)
		}
		sources[fact] = q.Stem
		if prev, ok := sets[optionSet(q)]; ok {
			t.Errorf("%q and %q have the same options", prev, q.Stem)
		}
		sets[optionSet(q)] = q.Stem
		if q.Area == "" {
			t.Errorf("%q has no syllabus area", q.Stem)
		}
		if strings.Contains(q.Stem, "NOT") || strings.Contains(q.Stem, "general management") {
			t.Errorf("off-form stem %q", q.Stem)
		}
	}
	if len(b.Variants) == 0 || b.Dropped[DropSameFact] == 0 {
		t.Errorf("no variants: %v", b.Dropped)
	}
	// Every area the notes cover has a question.
	for _, c := range b.Coverage {
		if c.Questions == 0 && len(c.Untested) > 0 {
			t.Errorf("area %s is taught (%v) but has no question", c.Area, c.Untested)
		}
		if c.Weight == 0 || !c.Approximate {
			t.Errorf("area %s: weight %g approximate %v", c.Area, c.Weight, c.Approximate)
		}
	}
	with := generate(readSource(t), defaultPack(t), Options{Seed: 1, Variants: true})
	if len(with.Questions) != len(b.Questions)+len(b.Variants) {
		t.Errorf("--variants: %d questions, want %d + %d", len(with.Questions), len(b.Questions), len(b.Variants))
	}
}

// TestExam draws a mock exam: 40 questions, each key once, the letters
// spread over A to D, and the areas in the syllabus order of proportions
// where the notes allow.
func TestExam(t *testing.T) {
	b := generate(readSource(t), defaultPack(t), Options{Seed: 1, Exam: true})
	if len(b.Questions) != 40 {
		t.Fatalf("%d questions, want 40; notes %v", len(b.Questions), b.Notes)
	}
	keys := map[string]bool{}
	letters := map[int]int{}
	for _, q := range b.Questions {
		k := wordsOnly(q.Key())
		if keys[k] {
			t.Errorf("key %q used twice", q.Key())
		}
		keys[k] = true
		letters[q.Answer]++
	}
	for l := range 4 {
		if letters[l] != 10 {
			t.Errorf("letter %c is the key of %d questions, want 10", 'A'+l, letters[l])
		}
	}
	if got := examQuotas([]area{{weight: 12.5}, {weight: 15}, {weight: 5}, {weight: 2.5}, {weight: 5}, {weight: 17.5}, {weight: 42.5}}, 40); strings.Trim(strings.Join(strings.Fields(strings.Trim(fmtInts(got), "[]")), ","), ",") != "5,6,2,1,2,7,17" {
		t.Errorf("quotas %v", got)
	}
}

func fmtInts(xs []int) string {
	var b strings.Builder
	for _, x := range xs {
		b.WriteString(" " + itoa(x))
	}
	return b.String()
}

func itoa(x int) string {
	if x < 10 {
		return string(rune('0' + x))
	}
	return itoa(x/10) + string(rune('0'+x%10))
}

const ciCourse = `# Continual improvement

The continual improvement model has seven steps.
The first step asks What is the vision? and links the improvement to the goals.
Then Where are we now? sets a baseline, and Where do we want to be? sets the targets.
How do we get there? plans the route, and then the team must Take action.
Did we get there? checks the result, and How do we keep the momentum going? embeds it.
`

func TestSequence(t *testing.T) {
	b := generate(notesOf(ciCourse), defaultPack(t), Options{Types: []string{TypeSequence}, Variants: true})
	if len(b.Questions) == 0 {
		t.Fatalf("no sequence question; dropped %v", b.Dropped)
	}
	next := map[string]string{"What is the vision?": "Where are we now?", "Where are we now?": "Where do we want to be?",
		"Where do we want to be?": "How do we get there?", "Take action": "Did we get there?", "Did we get there?": "How do we keep the momentum going?"}
	for _, q := range b.Questions {
		anchor := q.Stem[strings.Index(q.Stem, `"`)+1 : strings.LastIndex(q.Stem, `"`)]
		if next[anchor] != q.Key() {
			t.Errorf("%s: key %q, want %q", q.Stem, q.Key(), next[anchor])
		}
		for _, o := range q.Options {
			if o == anchor || o == "Take action" {
				t.Errorf("%s: option %q", q.Stem, o)
			}
		}
		if !strings.Contains(q.Explanation, "1 What is the vision?") {
			t.Errorf("explanation %q", q.Explanation)
		}
	}
	// By default the order is one fact: one question.
	// (A bank of one question whose key is the longest option drops it.)
	if one := generate(notesOf(ciCourse), defaultPack(t), Options{Types: []string{TypeSequence}}); len(one.Questions)+one.Dropped[GuidelineKeyLongest] != 1 {
		t.Errorf("default bank has %d sequence questions, want 1", len(one.Questions))
	}
}

const practiceCourse = `# Practices

The purpose of the incident management practice is to minimize the negative impact of incidents by restoring normal service operation as quickly as possible.
The purpose of the problem management practice is to reduce the likelihood and impact of incidents by identifying actual and potential causes of incidents.
The purpose of the service desk practice is to capture demand for incident resolution and service requests.
The purpose of the change enablement practice is to maximize the number of successful service and product changes by ensuring that risks have been properly assessed.
The purpose of the service level management practice is to set clear business-based targets for service levels.
The purpose of the architecture management practice is to provide an understanding of all the different elements that make up an organization.
`

func TestScenarioAndSyllabus(t *testing.T) {
	b := generate(notesOf(practiceCourse), defaultPack(t), Options{Types: []string{TypeScenario}, Variants: true})
	if len(b.Questions) == 0 {
		t.Fatalf("no scenario; dropped %v", b.Dropped)
	}
	for _, q := range b.Questions {
		if !strings.HasPrefix(q.Stem, "An organization wants to ") || !strings.HasSuffix(q.Stem, "Which practice is designed for this?") {
			t.Errorf("stem %q", q.Stem)
		}
		for _, o := range q.Options {
			if o == "Architecture management" {
				t.Errorf("%s: off-syllabus practice %q", q.Stem, o)
			}
		}
		if q.Area != "lo6-practice-purposes" {
			t.Errorf("%s: area %q", q.Stem, q.Area)
		}
	}
	if b.Dropped[DropOffSyllabus] == 0 {
		t.Errorf("architecture management's purpose was not dropped as off the syllabus: %v", b.Dropped)
	}
}

const exampleCourse = `# Value

An output, such as a report or a new laptop, is a deliverable of an activity.
An outcome, such as faster claim handling, is a result for a stakeholder.
Costs imposed on the consumer include licences; a cost, such as staff training, can also be removed.
A risk, such as a data breach, is a possible event that could cause harm.
`

func TestExample(t *testing.T) {
	b := generate(notesOf(exampleCourse), defaultPack(t), Options{Types: []string{TypeExample}, Variants: true})
	if len(b.Questions) == 0 {
		t.Fatalf("no example question; generated %v dropped %v", b.Generated, b.Dropped)
	}
	for _, q := range b.Questions {
		if !strings.HasPrefix(q.Stem, "Which is an example of ") {
			t.Errorf("stem %q", q.Stem)
		}
		if q.Stem == "Which is an example of an output?" && q.Key() != "Report" {
			t.Errorf("output key %q", q.Key())
		}
		for i, o := range q.Options {
			if i != q.Answer && (o == "Report" || o == "New laptop") && strings.Contains(q.Stem, "output") {
				t.Errorf("%s: distractor %q is an output", q.Stem, o)
			}
		}
	}
}

// TestIDIgnoresDistractorWording: rewording a definition that a question
// uses only as a distractor leaves that question's ID.
func TestIDIgnoresDistractorWording(t *testing.T) {
	id := func(notes string) map[string]string {
		out := map[string]string{}
		for _, q := range generate(notesOf(notes), testPack(t), Options{Types: []string{TypeDefinition}, Variants: true}).Questions {
			out[q.Stem] = q.ID
		}
		return out
	}
	a := id(concepts)
	b := id(strings.Replace(concepts, "An output is a tangible or intangible deliverable of an activity.", "An output is a tangible or intangible deliverable by an activity.", 1))
	for stem, ida := range a {
		if stem == "Which is the definition of an output?" {
			if b[stem] == ida {
				t.Errorf("%s: the ID did not change with its key", stem)
			}
			continue
		}
		if b[stem] != ida {
			t.Errorf("%s: ID %s became %s when another definition was reworded", stem, ida, b[stem])
		}
	}
}
