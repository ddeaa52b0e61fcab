package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBashCompletion loads the bash script into bash and asks it what it
// completes, as bash does when the user presses Tab.
func TestBashCompletion(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Fatal("bash is needed to test the bash completion:", err)
	}
	var script bytes.Buffer
	if code := run([]string{"itilint", "completion", "bash"}, &script, os.Stderr); code != 0 {
		t.Fatalf("exit %d", code)
	}
	path := filepath.Join(t.TempDir(), "itilint.bash")
	if err := os.WriteFile(path, script.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words []string // the command line; the last word is being completed
		want  string   // COMPREPLY, space-separated
	}{
		{[]string{"itilint", "ch"}, "check"},
		{[]string{"itilint", "--ver"}, "--version"},
		{[]string{"itilint", "check", "--fail-on", "s"}, "suggestion"},
		{[]string{"itilint", "check", "-f", "j"}, "json junit"},
		{[]string{"itilint", "check", "--write-b"}, "--write-baseline"},
		{[]string{"itilint", "fix", "--w"}, "--wording --write"},
		{[]string{"itilint", "completion", "z"}, "zsh"},
		{[]string{"itilint", "rules", "split-w"}, "split-word"},
		{[]string{"itilint", "--no-progress", "quiz", "--types", "mi"}, "missing-word"},
		{[]string{"itilint", "check", "--count"}, ""}, // a flag of quiz, not check
	}
	for _, tt := range tests {
		var quoted []string
		for _, w := range tt.words {
			quoted = append(quoted, "'"+w+"'")
		}
		prog := "source " + path + "\nCOMP_WORDS=(" + strings.Join(quoted, " ") + ")\nCOMP_CWORD=" +
			strings.TrimSpace(string(rune('0'+len(tt.words)-1))) + "\n_itilint\necho \"${COMPREPLY[*]}\"\n"
		out, err := exec.Command(bash, "--norc", "--noprofile", "-c", prog).CombinedOutput()
		if err != nil {
			t.Fatalf("%q: %v\n%s", tt.words, err, out)
		}
		if got := strings.TrimSpace(string(out)); got != tt.want {
			t.Errorf("%q completes to %q, want %q", tt.words, got, tt.want)
		}
	}
}
