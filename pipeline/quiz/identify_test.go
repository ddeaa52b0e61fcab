package quiz

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/pack"
)

// A course that teaches principles and practices as the exam asks about
// them: a heading naming the member and sentences about it, or a purpose
// statement.
const identifyCourse = `# Principles

The guiding principles are Focus on value, Start where you are, Keep it simple and practical and Optimize and automate.

## Start where you are

The current state should be observed directly before anything is replaced.
Do not throw away existing tools that could be reused.
Teams often draw this as a simple picture of the current state.
Keep it simple and practical is a different principle from the one in this section.

## Focus on value

Everything the organization does should link back to value for its stakeholders.

# Practices

Incident management, problem management, change enablement and the service desk are practices.
The purpose of the problem management practice is to reduce the likelihood and impact of incidents by finding their causes.
Incident management should restore normal service operation as quickly as possible after an interruption.
The guiding principles are recommendations that guide an organization in all circumstances and situations.
`

func TestIdentify(t *testing.T) {
	b := generate(notesOf(identifyCourse), testPack(t), Options{Types: []string{TypeIdentify}, Variants: true})
	type want struct{ key, source string }
	wants := map[string]want{
		"Which guiding principle is the following statement about?\nThe current state should be observed directly before anything is replaced.": {"Start where you are", "n1.md:7"},
		"Which practice has a purpose to reduce the likelihood and impact of incidents by finding their causes?":                                {"Problem management", "n1.md:19"},
		"Which practice should restore normal service operation as quickly as possible after an interruption?":                                  {"Incident management", "n1.md:20"},
	}
	got := map[string]Question{}
	for _, q := range questionsOf(b, TypeIdentify) {
		got[q.Stem] = q
	}
	for stem, w := range wants {
		q, ok := got[stem]
		if !ok {
			t.Errorf("missing question %q; bank %v, dropped %v", stem, keys(got), b.Dropped)
			continue
		}
		if q.Key() != w.key || q.Source != w.source || !strings.Contains(q.Explanation, q.Source) {
			t.Errorf("%q: key %q source %q explanation %q, want key %q source %q", stem, q.Key(), q.Source, q.Explanation, w.key, w.source)
		}
		if q.Bloom != 2 || q.Type != TypeIdentify {
			t.Errorf("%q: bloom %d type %q", stem, q.Bloom, q.Type)
		}
	}
	if len(got) != len(wants) {
		// Not asked: the sentence with "this" (it leans on another), the
		// one naming another principle (ambiguous), the one sharing
		// "value" with its key (a clue), and the plural subject ("The
		// guiding principles are ...": no member).
		t.Errorf("got %d questions, want %d: %v", len(got), len(wants), keys(got))
	}
	principles := []string{"Focus on value", "Start where you are", "Keep it simple and practical", "Optimize and automate"}
	practices := []string{"Incident management", "Problem management", "Change enablement", "Service desk"}
	for _, q := range got {
		names := principles
		if strings.HasPrefix(q.Stem, "Which practice") {
			names = practices // the service group, which the notes mention
		}
		for _, o := range q.Options {
			if !slices.Contains(names, o) {
				t.Errorf("%q: option %q is not a member the notes mention", q.Stem, o)
			}
		}
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func TestSubjectPredicate(t *testing.T) {
	l := &pack.List{ID: "dims", Nouns: []string{"dimension", "dimensions"}}
	x := &concept{ID: "dims/Partners and suppliers", Name: "Partners and suppliers", Category: "list:dims", List: l}
	tests := []struct{ text, want string }{
		{"The partners and suppliers dimension covers the contracts with other organizations.", "covers the contracts with other organizations"},
		{"Partners and suppliers is the dimension that covers contracts with other organizations.", "covers contracts with other organizations"},
		{"Partners and suppliers should be reviewed every year by the board.", "should be reviewed every year by the board"},
		{"Partners and suppliers include vendors of every kind and size.", ""},                   // plural verb: "Which dimension include"
		{"Partners and suppliers is one of the four dimensions of the model.", ""},               // names its own kind
		{"Partners and suppliers covers contracts, and the board reviews them every year.", ""},  // a second clause
		{"Often partners and suppliers covers contracts with other organizations.", ""},          // not the subject
		{"The partners and suppliers management covers contracts with other organizations.", ""}, // another noun
		{"Partners and suppliers covers it.", ""},                                                // too short
	}
	for _, tt := range tests {
		c := &corpus{forms: map[string][]*form{}}
		c.addForm(x, x.Name, false)
		s := &sentence{Text: tt.text}
		ms := c.match(tt.text)
		if len(ms) == 0 {
			t.Fatalf("%q: no match", tt.text)
		}
		if got := subjectPredicate(s, ms[0], l); got != tt.want {
			t.Errorf("%q: predicate %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestHeadingMember(t *testing.T) {
	c := emptyCorpus(testPack(t))
	tests := []struct{ heading, want string }{
		{"Start where you are", "Start where you are"},
		{"Step 2: Start where you are", "Start where you are"},
		{"The service desk", "Service desk"},
		{"Incident management practice", "Incident management"},
		{"Purpose", ""},
		{"Incident management and the value chain", ""},
		{"Focus on value and start where you are", ""},
	}
	for _, tt := range tests {
		got := ""
		if x := c.headingMember(tt.heading); x != nil {
			got = x.Name
		}
		if got != tt.want {
			t.Errorf("headingMember(%q) = %q, want %q", tt.heading, got, tt.want)
		}
	}
}

// Categories hold kinds that stand in for each other; a category with too
// few siblings for a definition question borrows from its family, never
// from an unrelated category.
func TestFamilyDistractors(t *testing.T) {
	dir := t.TempDir()
	yaml := `name: family-test
edition: test
topics: [{id: k, name: Key}]
terms:
  - {id: organization, term: organization, category: party, family: party, topic: k, inflect: true,
     definition: "A person or a group of people with its own functions and responsibilities for its objectives."}
  - {id: stakeholder, term: stakeholder, category: party, family: party, topic: k, inflect: true,
     definition: "A person or organization with an interest in an organization, product or service."}
  - {id: customer, term: customer, category: role, family: party, topic: k, inflect: true,
     definition: "A person who defines the requirements for a service and owns its outcomes."}
  - {id: user, term: user, category: role, family: party, topic: k, inflect: true,
     definition: "A person who uses services in the course of their daily work."}
  - {id: sponsor, term: sponsor, category: role, family: party, topic: k, inflect: true,
     definition: "A person who authorizes the budget for the consumption of services."}
  - {id: outcome, term: outcome, category: value-concept, family: key-concept, topic: k, inflect: true,
     definition: "A result for a stakeholder that one or more outputs make possible."}
  - {id: output, term: output, category: value-concept, family: key-concept, topic: k, inflect: true,
     definition: "A tangible or intangible deliverable of an activity carried out by someone."}
`
	path := filepath.Join(dir, "p.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := pack.LoadPath(path)
	if err != nil {
		t.Fatal(err)
	}
	org, _ := p.Term("organization")
	var rel []string
	for _, r := range p.Relatives(org) {
		rel = append(rel, r.ID)
	}
	if want := []string{"stakeholder", "customer", "user", "sponsor"}; !slices.Equal(rel, want) {
		t.Errorf("Relatives(organization) = %v, want %v", rel, want)
	}
	course := "# Parties\n\nAn organization is a person or a group of people with its own functions and objectives.\n"
	b := generate(notesOf(course), p, Options{Types: []string{TypeDefinition}})
	qs := questionsOf(b, TypeDefinition)
	if len(qs) != 1 {
		t.Fatalf("got %d definition questions, want 1; dropped %v", len(qs), b.Dropped)
	}
	for i, o := range qs[0].Options {
		if i == qs[0].Answer {
			continue
		}
		if strings.Contains(o, "deliverable") || strings.Contains(o, "result for a stakeholder") {
			t.Errorf("distractor %q comes from another family", o)
		}
	}
}
