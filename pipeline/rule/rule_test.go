package rule

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/edit"
)

func TestValidate(t *testing.T) {
	run := func(*Pass) {}
	ok := &Rule{ID: "split-word", Doc: "A word is split.", Severity: Warning, Run: run}
	tests := []struct {
		name  string
		rules []*Rule
		want  string
	}{
		{"valid", []*Rule{ok}, ""},
		{"nil", []*Rule{nil}, "is nil"},
		{"bad id", []*Rule{{ID: "Split_Word", Doc: "x", Severity: Warning, Run: run}}, "not kebab-case"},
		{"duplicate", []*Rule{ok, ok}, "duplicate ID"},
		{"no doc", []*Rule{{ID: "a", Severity: Warning, Run: run}}, "no Doc"},
		{"no severity", []*Rule{{ID: "a", Doc: "x", Run: run}}, "no severity"},
		{"no run", []*Rule{{ID: "a", Doc: "x", Severity: Error}}, "no Run"},
	}
	for _, tt := range tests {
		err := Validate(tt.rules)
		if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestParseSeverity(t *testing.T) {
	for in, want := range map[string]Severity{"error": Error, " Warning ": Warning, "suggestion": Suggestion, "info": Suggestion} {
		if got, err := ParseSeverity(in); err != nil || got != want {
			t.Errorf("ParseSeverity(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseSeverity("loud"); err == nil {
		t.Error("want an error for an unknown severity")
	}
}

func TestPassFillsRuleAndSeverity(t *testing.T) {
	r := &Rule{ID: "r", Doc: "x", Severity: Warning}
	var got []Finding
	p := NewPass(nil, nil, r, func(f Finding) { got = append(got, f) })
	p.Reportf(1, 2, "found %d", 3)
	p.Report(Finding{Rule: "other", Severity: Error})
	if got[0].Rule != "r" || got[0].Severity != Warning || got[0].Message != "found 3" {
		t.Errorf("defaults not filled: %+v", got[0])
	}
	if got[1].Rule != "other" || got[1].Severity != Error {
		t.Errorf("explicit values overwritten: %+v", got[1])
	}
	if s := (&Rule{Doc: "One line.\nWhy it matters."}).Summary(); s != "One line." {
		t.Errorf("Summary = %q", s)
	}
}

func TestMessagefMatchesSprintf(t *testing.T) {
	long := strings.Repeat("a long word ", 40) // past Messagef's buffer
	tests := []struct {
		format string
		args   []string
	}{
		{"no verbs", nil},
		{"%q and %q are one word: %q", []string{"I", "n", "In"}},
		{"%s starts in lower case: %q", []string{"the paragraph", "value"}},
		{"quotes %q, escapes %q, runes %q", []string{`say "hi"`, "tab\there\n", "café’s \x00"}},
		{"100%% of %s", []string{"it"}},
		{"%q is cut off", []string{long}},
		// Mistakes: fmt's answer, no panic.
		{"%q and %q", []string{"one"}},
		{"%s", []string{"one", "two"}},
		{"%d words, %v", []string{"x", "y"}},
		{"%5s|%-3q", []string{"a", "b"}},
		{"ends in %", nil},
		{"ends in %", []string{"x"}},
	}
	for _, tt := range tests {
		args := make([]any, len(tt.args))
		for i, a := range tt.args {
			args[i] = a
		}
		if got, want := Messagef(tt.format, tt.args...), fmt.Sprintf(tt.format, args...); got != want {
			t.Errorf("Messagef(%q) = %q, want %q", tt.format, got, want)
		}
	}
	w := []byte("value")
	if n := testing.AllocsPerRun(100, func() { _ = Messagef("%s starts in lower case: %q", "a sentence", string(w)) }); n != 1 {
		t.Errorf("Messagef makes %v allocations, want 1", n)
	}
}

// FuzzMessagef holds Messagef to fmt.Sprintf on any format and arguments.
func FuzzMessagef(f *testing.F) {
	f.Add("%q and %q are one word: %q", "I", "n")
	f.Add("100%% of %s%", "it", "")
	f.Add("%d %x %5s %!", "a", "b")
	f.Fuzz(func(t *testing.T, format, a, b string) {
		for _, args := range [][]string{nil, {a}, {a, b}} {
			boxed := make([]any, len(args))
			for i, s := range args {
				boxed[i] = s
			}
			if got, want := Messagef(format, args...), fmt.Sprintf(format, boxed...); got != want {
				t.Fatalf("Messagef(%q, %q) = %q, want %q", format, args, got, want)
			}
		}
	})
}

// FuzzAppendQuoted holds appendQuoted, Messagef's %q, to
// strconv.AppendQuote on any string.
func FuzzAppendQuoted(f *testing.F) {
	for _, s := range []string{"service", "", "it's", `say "hi"`, `a\b`, "tab\there", "caf\u00e9", "\u2019s", "\xff", "~\x7f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendQuoted([]byte("x"), s)), string(strconv.AppendQuote([]byte("x"), s)); got != want {
			t.Fatalf("appendQuoted(%q) = %s, want %s", s, got, want)
		}
	})
}

func TestNewFix(t *testing.T) {
	f := NewFix("keep one space", Safe, edit.Edit{Start: 3, End: 5, New: " "})
	if f.Message != "keep one space" || f.Kind != Safe || len(f.Edits) != 1 || f.Edits[0] != (edit.Edit{Start: 3, End: 5, New: " "}) {
		t.Errorf("NewFix = %+v", f)
	}
	if n := testing.AllocsPerRun(100, func() { f = NewFix("m", Safe, edit.Edit{Start: 1, End: 2}) }); n != 1 {
		t.Errorf("NewFix makes %v allocations, want 1", n)
	}
}
