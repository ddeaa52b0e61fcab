package pack

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestSyllabusValidate(t *testing.T) {
	base := "name: t\ntopics:\n  - {id: a, name: A}\nterms:\n  - {id: x, term: X, topic: a}\n" +
		"lists:\n  - {id: l, name: L, nouns: [thing], count: 1, members: [{name: M}]}\n"
	tests := []struct{ name, syllabus, want string }{
		{"ok", "syllabus:\n  areas:\n    - {id: s1, name: S1, weight: 60, topics: [a]}\n    - {id: s2, name: S2, weight: 40, members: [l/M], terms: [x]}\n", ""},
		{"sum", "syllabus:\n  areas:\n    - {id: s1, name: S1, weight: 60}\n", "add up to 60%"},
		{"unknown topic", "syllabus:\n  areas:\n    - {id: s1, name: S1, weight: 100, topics: [b]}\n", `unknown topic "b"`},
		{"unknown member", "syllabus:\n  areas:\n    - {id: s1, name: S1, weight: 100, purposes: [l/N]}\n", `"l/N" names no list`},
		{"unknown term", "syllabus:\n  areas:\n    - {id: s1, name: S1, weight: 100, terms: [y]}\n", `unknown term "y"`},
		{"no weight", "syllabus:\n  areas:\n    - {id: s1, name: S1}\n", "weight 0"},
		{"unknown key", "syllabus:\n  areas:\n    - {id: s1, name: S1, wieght: 100}\n", `did you mean "weight"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(fstest.MapFS{"p.yaml": {Data: []byte(base + tt.syllabus)}}, "p")
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestAreaOf(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id, topic string
		purpose   bool
		want      string
	}{
		{"value", "key-concepts", false, "lo1-key-concepts"},
		{"guiding-principles/Focus on value", "guiding-principles", false, "lo2-guiding-principles"},
		{"practices/Incident management", "practices", true, "lo6-practice-purposes"},
		{"practices/Incident management", "practices", false, "lo7-seven-practices"},
		{"practices/Supplier management", "practices", false, "lo6-practice-purposes"},
		{"ci-model-steps/What is the vision?", "continual-improvement", false, "lo7-seven-practices"},
		{"practices/Architecture management", "practices", true, ""}, // not a Foundation practice
	}
	for _, tt := range tests {
		a, ok := p.AreaOf(tt.id, tt.topic, tt.purpose)
		if a.ID != tt.want || ok != (tt.want != "") {
			t.Errorf("AreaOf(%q, %q, %v) = %q, %v; want %q", tt.id, tt.topic, tt.purpose, a.ID, ok, tt.want)
		}
	}
	// The weights of the default syllabus add up to its questions.
	total := 0.0
	for _, a := range p.Syllabus.Areas {
		total += a.Weight * float64(p.Syllabus.Questions) / 100
	}
	if total != 40 {
		t.Errorf("areas hold %g of 40 questions", total)
	}
}
