package pipeline

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/load"
)

func TestLayoutGivesEveryInputItsOwnCopy(t *testing.T) {
	tests := []struct {
		name string
		rels []string // inputs, in course order
		want []string // their copies, in the same order
	}{
		{"usual", []string{"a.md", "b.txt", "c.vtt"}, []string{"a.md", "b.md", "c.md"}},
		{"text and Markdown", []string{"X.md", "X.txt"}, []string{"X.md", "X.txt.md"}},
		{"transcripts", []string{"t.srt", "t.vtt"}, []string{"t.srt.md", "t.vtt.md"}},
		{"markdown extensions", []string{"m.markdown", "m.md"}, []string{"m.markdown.md", "m.md"}},
		{"case", []string{"Intro.md", "intro.md"}, []string{"Intro.md", "intro-2.md"}},
		{"case and extension", []string{"Value.txt", "value.md"}, []string{"Value.txt.md", "value.md"}},
		{"numbered name taken", []string{"x-2.md", "x.md", "X.md"}, []string{"x-2.md", "x.md", "X-3.md"}},
		{"folders differing in case", []string{"A/n.md", "a/n.md"}, []string{"A/n.md", "a/n-2.md"}},
		{"a file where a folder is needed", []string{"a.md/b.md", "a.txt"}, []string{"a.md/b.md", "a.txt.md"}},
		{"a Markdown file where a folder is needed", []string{"n.md", "n.md/x.md"}, []string{"n-2.md", "n.md/x.md"}},
		{"composed and decomposed accents", []string{"caf\u00e9.md", "cafe\u0301.md"}, []string{"caf\u00e9.md", "cafe\u0301-2.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var inputs []load.Input
			for _, rel := range tt.rels {
				rel = filepath.FromSlash(rel)
				inputs = append(inputs, load.Input{Path: filepath.Join("in", rel), Rel: rel})
			}
			l, err := NewLayout("out", inputs)
			if err != nil {
				t.Fatal(err)
			}
			for i, in := range inputs {
				if got, want := l.Out(in.Path), filepath.Join("out", filepath.FromSlash(tt.want[i])); got != want {
					t.Errorf("%s -> %s, want %s", in.Path, got, want)
				}
			}
			if len(l.Refused) > 0 {
				t.Errorf("refused %v", l.Refused)
			}
			renamed := 0
			for i, rel := range tt.rels {
				if tt.want[i] != (load.Input{Rel: rel}).OutRel() {
					renamed++
				}
			}
			if len(l.Notices) != renamed {
				t.Errorf("notices %q, want one per renamed input (%d)", l.Notices, renamed)
			}
		})
	}
}

func TestLayoutWritesNoCopyOverAnInput(t *testing.T) {
	inputs := []load.Input{{Path: filepath.Join("n", "a.md"), Rel: "a.md"}, {Path: filepath.Join("n", "b.txt"), Rel: "b.txt"}}
	l, err := NewLayout("n", inputs)
	if err != nil {
		t.Fatal(err)
	}
	if l.Out(inputs[0].Path) != "" || len(l.Refused) != 1 || !strings.Contains(l.Refused[0].Error(), "would be written over input") {
		t.Errorf("a.md's copy over itself: out %q, refused %v", l.Out(inputs[0].Path), l.Refused)
	}
	if got := l.Out(inputs[1].Path); got != filepath.Join("n", "b.md") {
		t.Errorf("b.txt -> %q", got)
	}
	if _, err := NewLayout("out", inputs, filepath.Join("n", "a.md")); err == nil {
		t.Error("a report over an input: no error")
	}
}
