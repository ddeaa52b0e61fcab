package main

import (
	"io"
	"slices"
	"strings"
	"testing"
)

func TestFlagsFirst(t *testing.T) {
	app := newApp(io.Discard, io.Discard)
	tests := []struct {
		args, want string
	}{
		{"check notes", "check notes"},
		{"check notes --fail-on none", "check --fail-on none notes"},
		{"check a.md --fail-on=none b.md", "check --fail-on=none a.md b.md"},
		{"check a.md -f json -q b.md", "check -f json -q a.md b.md"},
		{"check a.md -fail-on none", "check -fail-on none a.md"},
		// A flag's value is the next argument, whatever it looks like.
		{"check a.md -o -x.txt", "check -o -x.txt a.md"},
		// Repeatable flags keep their order.
		{"check a.md --rules r1 b.md --rules r2", "check --rules r1 --rules r2 a.md b.md"},
		// After "--" everything is a path.
		{"check a.md -- --fail-on -x.md", "check -- a.md --fail-on -x.md"},
		{"check -q a.md -- -x.md --quiet", "check -q -- a.md -x.md --quiet"},
		{"check a.md --", "check -- a.md"},
		// "-" is standard input, a path.
		{"check - --stdin-filename n.md", "check --stdin-filename n.md -"},
		// A value flag at the end without its value goes last, for the
		// parser to refuse: it took the path for its value, and
		// `check a.md -o` wrote the report over the note.
		{"check a.md --fail-on", "check --fail-on"},
		{"check a.md -q -o", "check -q -o"},
		// Unknown flags are taken as taking no value.
		{"check a.md --bogus x", "check --bogus a.md x"},
		{"run source --out o2 --no-progress", "run --out o2 --no-progress source"},
		{"quiz source -o q.xlsx --count 3", "quiz -o q.xlsx --count 3 source"},
		{"fix a.md -w", "fix -w a.md"},
		{"rules itil-name --edition itil5", "rules --edition itil5 itil-name"},
		// The program's own flags, an unknown command, nothing at all.
		{"--version", "--version"},
		{"--help check a.md -q", "--help check -q a.md"},
		{"nosuch a.md -q", "nosuch a.md -q"},
		{"", ""},
	}
	for _, tt := range tests {
		args := append([]string{"itilint"}, strings.Fields(tt.args)...)
		want := append([]string{"itilint"}, strings.Fields(tt.want)...)
		if got := flagsFirst(app, args); !slices.Equal(got, want) {
			t.Errorf("flagsFirst(%q) = %q, want %q", tt.args, got[1:], want[1:])
		}
	}
}
