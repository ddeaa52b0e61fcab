package pack

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestDefaultPackLoads(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if p.Name == "" || p.Edition == "" {
		t.Fatalf("pack has no name or edition: %+v", p)
	}
}

func TestDecodeStrictErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown key with suggestion", "name: x\nterms:\n  - id: a\n    trem: A\n", "p.yaml:4:5: unknown key \"trem\" (did you mean \"term\"?)"},
		{"unknown top key", "nmae: x\n", "p.yaml:1:1: unknown key \"nmae\" (did you mean \"name\"?)"},
		{"syntax", "name: [x\n", "p.yaml:"},
		{"wrong shape", "terms: {a: b}\n", "p.yaml:1:8: terms: expected a list, found a mapping"},
		// The library's own type errors name the line alone, in its terms
		// (cannot unmarshal !!map into string).
		{"list for a list", "lists: 3\n", "p.yaml:1:8: lists: expected a list, found \"3\""},
		{"mapping for a value", "name:\n  a: b\n", "p.yaml:2:3: name: expected a single value, found a mapping"},
		{"list for a number", "lists:\n  - id: l\n    count: [3]\n", "p.yaml:3:12: lists: count: expected a number, found a list"},
		{"list for a flag", "terms:\n  - id: a\n    inflect: [x]\n", "p.yaml:3:14: terms: inflect: expected true or false, found a list"},
		{"scalar for a mapping", "syllabus: 3\n", "p.yaml:1:11: syllabus: expected a mapping, found \"3\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p Pack
			err := DecodeStrict("p.yaml", []byte(tt.yaml), &p)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("err = %v, want prefix %q", err, tt.want)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	fsys := fstest.MapFS{"a.yaml": {Data: []byte(`name: t
topics: [{id: t1, name: Topic}]
lists:
  - id: l
    name: L
    nouns: [thing, things]
    count: 3
    topic: t1
    members: [{name: A}, {name: B}]
terms:
  - {id: x, term: X, topic: nope}
  - {id: x, term: Y}
`)}}
	_, err := Load(fsys, "pk")
	if err == nil {
		t.Fatal("want error")
	}
	for _, want := range []string{"pk/a.yaml:4:5: list \"l\": count is 3 but it has 2 members", "unknown topic \"nope\"", "duplicate id \"x\""} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestMergeOverrides(t *testing.T) {
	p := &Pack{Terms: []Term{{ID: "a", Term: "A"}, {ID: "b", Term: "B"}}}
	p.Merge(&Pack{Terms: []Term{{ID: "b", Term: "B2"}, {ID: "c", Term: "C"}}})
	var got []string
	for _, t := range p.Terms {
		got = append(got, t.Term)
	}
	if strings.Join(got, ",") != "A,B2,C" {
		t.Fatalf("got %v", got)
	}
}

// FuzzDecodeStrict: any bytes give a pack or an error naming the file,
// never a panic.
func FuzzDecodeStrict(f *testing.F) {
	f.Add("name: x\nterms:\n  - id: a\n    term: A\n")
	f.Add("lists: [{id: l, count: 2, members: [{name: A}]}]\n")
	f.Add("terms: {a: b}\n")
	f.Add(": : :\n\t- [")
	f.Fuzz(func(t *testing.T, src string) {
		var p Pack
		err := DecodeStrict("f.yaml", []byte(src), &p)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.yaml:") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		_ = p.Validate()
	})
}

// Siblings stand in for each other in a sentence: the value concepts are
// not siblings of the parties or of the services ("Organizations play two
// main roles in an output" is no distractor), and every category of
// defined terms offers three distractors, itself or through its family.
func TestDefaultCategories(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	apart := [][2]string{{"value", "organization"}, {"output", "service-relationship"}, {"risk", "stakeholder"}, {"cost", "service"}}
	for _, pair := range apart {
		a, _ := p.Term(pair[0])
		b, _ := p.Term(pair[1])
		if a.Category == b.Category {
			t.Errorf("%s and %s share category %q", a.ID, b.ID, a.Category)
		}
		for _, r := range p.Relatives(a) {
			if r.ID == b.ID {
				t.Errorf("%s is a relative of %s", b.ID, a.ID)
			}
		}
	}
	together := [][2]string{{"utility", "warranty"}, {"outcome", "output"}, {"service", "product"}, {"organization", "stakeholder"}, {"customer", "sponsor"}}
	for _, pair := range together {
		a, _ := p.Term(pair[0])
		b, _ := p.Term(pair[1])
		if a.Category != b.Category {
			t.Errorf("%s (%q) and %s (%q) should be siblings", a.ID, a.Category, b.ID, b.Category)
		}
	}
	checked := 0
	for _, term := range p.Terms {
		if term.Category == "" || term.Definition == "" || !strings.Contains(string(term.Pos), "20-terms.yaml") {
			continue // the glossary's categories; 10-product.yaml has its own
		}
		checked++
		if n := len(p.Relatives(term)); n < 3 {
			t.Errorf("%s (category %q, family %q) has %d relatives; a definition question needs 3", term.ID, term.Category, term.Family, n)
		}
	}
	if checked < 20 {
		t.Errorf("only %d glossary terms checked", checked)
	}
}

func TestRelatives(t *testing.T) {
	p := &Pack{Terms: []Term{
		{ID: "a", Category: "x", Family: "f"}, {ID: "b", Category: "x", Family: "f"},
		{ID: "c", Category: "y", Family: "f"}, {ID: "d", Category: "z"}, {ID: "e", Category: "x", Family: "f"},
	}}
	var got []string
	for _, r := range p.Relatives(p.Terms[0]) {
		got = append(got, r.ID)
	}
	if want := "b e c"; strings.Join(got, " ") != want {
		t.Errorf("Relatives(a) = %v, want %s (siblings first, then the family)", got, want)
	}
	got = nil
	for _, r := range p.Relatives(p.Terms[3]) {
		got = append(got, r.ID)
	}
	if len(got) != 0 {
		t.Errorf("Relatives(d) = %v, want none: no family, no siblings", got)
	}
}
