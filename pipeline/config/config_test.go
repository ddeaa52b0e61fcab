package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/rule"
)

func write(t *testing.T, dir, body string) string {
	t.Helper()
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadAndFind(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "rules:\n  language-slip: off\n  list-count: warning\nignore: [drafts/*, '*.srt']\n")
	sub := filepath.Join(dir, "a", "b")
	os.MkdirAll(sub, 0o755)
	if got := Find(sub); got != p {
		t.Fatalf("Find = %q, want %q", got, p)
	}
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Validate([]string{"language-slip", "list-count"}); err != nil {
		t.Fatal(err)
	}
	if c.Enabled("language-slip") || !c.Enabled("list-count") {
		t.Error("Enabled wrong")
	}
	if c.Severity("list-count", rule.Error) != rule.Warning || c.Severity("other", rule.Error) != rule.Error {
		t.Error("Severity wrong")
	}
	if !c.Ignored("drafts/x.md") || !c.Ignored("t/a.srt") || c.Ignored("notes/x.md") {
		t.Error("Ignored wrong")
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ body, want string }{
		{"rulez: {}\n", ":1:1: unknown key \"rulez\" (did you mean \"rules\"?)"},
		{"rules:\n  languag-slip: off\n", ":2:3: rules: unknown rule \"languag-slip\" (did you mean \"language-slip\"?)"},
		// A bad value is placed as a bad key is: file:line:col.
		{"rules:\n  language-slip: loud\n", ":2:18: rules: language-slip: \"loud\" is not off, on, error, warning or suggestion"},
		{"edition: itil3\n", ":1:10: edition: "},
		{"ignore:\n  - drafts/**\n  - \"[x\"\n", ":3:5: ignore: bad pattern \"[x\""},
		{"terms:\n  - id: x\n    trm: y\n", ":3:5: unknown key \"trm\" (did you mean \"term\"?)"},
	}
	for _, tt := range tests {
		p := write(t, t.TempDir(), tt.body)
		c, err := Load(p)
		if err == nil {
			err = c.Validate([]string{"language-slip"})
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: err = %v, want %q", tt.body, err, tt.want)
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "nope.yaml")); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("missing file: %v", err)
	}
}
