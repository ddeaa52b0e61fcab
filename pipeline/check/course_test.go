package check_test

import (
	"testing"

	"github.com/itilint/itilint/pipeline/lint"
	"github.com/itilint/itilint/pipeline/note"
)

func TestCourseRules(t *testing.T) {
	p := defaultPack(t)
	tests := []struct {
		name  string
		notes []string
		want  map[string][]string // path → covered texts reported
		rule  string
	}{
		{"acronym before expansion", []string{
			"Each SLA sets targets. Another SLA too.\n",
			"A service level agreement (SLA) is documented.\n",
		}, map[string][]string{"n0.md": {"SLA"}}, "acronym-expansion"},
		{"acronym expanded in place", []string{
			"Each SLA (service level agreement) sets targets.\n",
		}, nil, "acronym-expansion"},
		{"acronym after expansion", []string{
			"A service level agreement is documented.\n",
			"Each SLA sets targets.\n",
		}, nil, "acronym-expansion"},
		{"two spellings", []string{
			"An organization and another organization.\n",
			"One organisation here.\n",
		}, map[string][]string{"n1.md": {"organisation"}}, "term-consistency"},
		{"one spelling", []string{
			"An organisation and another organisation.\n",
		}, nil, "term-consistency"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var notes []*note.Note
			for i, s := range tt.notes {
				notes = append(notes, note.New("n"+string(rune('0'+i))+".md", []byte(s)))
			}
			got := lint.CheckCourse(notes, lint.Options{Pack: p, Only: map[string]bool{tt.rule: true}})
			for _, n := range notes {
				var texts []string
				for _, f := range got[n.Path] {
					texts = append(texts, string(n.Text[f.Start:f.End]))
					if f.Fix == nil {
						t.Errorf("%s: finding without fix", n.Path)
					}
				}
				if len(texts) != len(tt.want[n.Path]) {
					t.Fatalf("%s: got %q, want %q", n.Path, texts, tt.want[n.Path])
				}
				for i := range texts {
					if texts[i] != tt.want[n.Path][i] {
						t.Errorf("%s: got %q, want %q", n.Path, texts, tt.want[n.Path])
					}
				}
			}
		})
	}
}
