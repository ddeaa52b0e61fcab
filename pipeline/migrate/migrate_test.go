package migrate

import (
	"slices"
	"testing"

	"github.com/itilint/itilint/pipeline/pack"
)

func TestContainsWord(t *testing.T) {
	tests := []struct {
		s, w string
		want bool
	}{
		{"the value stream of a service", "value stream", true},
		{"value streams are core or enabling", "value stream", true},
		{"valuestream", "value stream", false},
		{"a value streamline", "value stream", false},
		{"ai is here", "ai", true},
		{"maintain", "ai", false},
		{"AI, GenAI and more", "GenAI", true},
	}
	for _, tt := range tests {
		if got := containsWord(tt.s, tt.w); got != tt.want {
			t.Errorf("containsWord(%q, %q) = %v, want %v", tt.s, tt.w, got, tt.want)
		}
	}
}

// TestSyllabusCues: an area's cues come from its topics' terms and
// multi-word list names, and leave out the old edition's wording to
// replace.
func TestSyllabusCues(t *testing.T) {
	from, err := pack.ForEdition("itil4")
	if err != nil {
		t.Fatal(err)
	}
	to, err := pack.ForEdition("itil5")
	if err != nil {
		t.Fatal(err)
	}
	cues := map[string]areaCues{}
	for _, ac := range syllabusCues(to, from) {
		cues[ac.area.ID] = ac
	}
	if lc := cues["lifecycle"]; !slices.Contains(lc.phrases, "product and service lifecycle") || slices.Contains(lc.phrases, "lifecycle stages") {
		t.Errorf("lifecycle cues = %q", lc.phrases)
	}
	if ai := cues["ai"]; !slices.Contains(ai.acronyms, "AI") || !slices.Contains(ai.phrases, "agentic ai") {
		t.Errorf("ai cues = %q %q", ai.phrases, ai.acronyms)
	}
	m := New(from, to)
	m.cover([]byte("Modern tools use artificial intelligence."))
	for _, a := range m.uncovered() {
		if a.ID == "ai" {
			return
		}
	}
	t.Error("one passing mention of artificial intelligence covers ITIL and AI")
}
