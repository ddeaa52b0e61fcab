package check_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/check"
	"github.com/itilint/itilint/pipeline/lint"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

func defaultPack(t testing.TB) *pack.Pack {
	t.Helper()
	p, err := pack.Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// only restricts lint to the pack-driven rules.
func only() map[string]bool {
	m := map[string]bool{}
	for _, r := range check.Rules {
		m[r.ID] = true
	}
	return m
}

func checkText(t testing.TB, p *pack.Pack, text string) []rule.Finding {
	n := note.New("t.md", []byte(text))
	return lint.Check(n, lint.Options{Pack: p, Only: only()})
}

func describe(text string, fs []rule.Finding) string {
	var sb strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&sb, "  %s %q: %s\n", f.Rule, text[f.Start:f.End], f.Message)
	}
	return sb.String()
}

// TestPackExamples runs every pack entry's good and bad examples.
func TestPackExamples(t *testing.T) {
	for _, err := range check.RunExamples(defaultPack(t)) {
		t.Error(err)
	}
}

// TestEditionPackExamples runs the good and bad examples of every
// embedded edition's pack, as `itilint rules test rules/EDITION` does.
func TestEditionPackExamples(t *testing.T) {
	for _, ed := range pack.Editions {
		p, err := pack.ForEdition(ed)
		if err != nil {
			t.Fatal(err)
		}
		for _, err := range check.RunExamples(p) {
			t.Errorf("%s: %v", ed, err)
		}
	}
}

// TestPackExamplesThroughLint runs the same examples through lint.Check,
// the way the CLI checks notes.
func TestPackExamplesThroughLint(t *testing.T) {
	p := defaultPack(t)
	run := func(what string, good, bad []string) {
		for _, ex := range good {
			if fs := checkText(t, p, ex); len(fs) > 0 {
				t.Errorf("%s: good %q:\n%s", what, ex, describe(ex, fs))
			}
		}
		for _, ex := range bad {
			if fs := checkText(t, p, ex); len(fs) == 0 {
				t.Errorf("%s: bad %q gives no finding", what, ex)
			}
		}
	}
	for _, e := range p.Terms {
		run("term "+e.ID, e.Good, e.Bad)
	}
	for _, e := range p.Lists {
		run("list "+e.ID, e.Good, e.Bad)
	}
	for _, e := range p.Phrases {
		run("phrase "+e.ID, e.Good, e.Bad)
	}
}

// TestRuleExamples runs each rule's own good and bad examples, expecting
// findings of that rule on the bad ones.
func TestRuleExamples(t *testing.T) {
	p := defaultPack(t)
	for _, r := range check.Rules {
		if r.Run == nil {
			continue
		}
		p := p
		if r.Edition != "" {
			var err error
			if p, err = pack.ForEdition(r.Edition); err != nil {
				t.Fatal(err)
			}
		}
		for _, ex := range r.Good {
			if fs := checkText(t, p, ex); len(fs) > 0 {
				t.Errorf("%s: good %q:\n%s", r.ID, ex, describe(ex, fs))
			}
		}
		for _, ex := range r.Bad {
			fs := checkText(t, p, ex)
			found := false
			for _, f := range fs {
				found = found || f.Rule == r.ID
			}
			if !found {
				t.Errorf("%s: bad %q gives no %s finding:\n%s", r.ID, ex, r.ID, describe(ex, fs))
			}
		}
	}
}

// TestSeed is the project's acceptance check on the seed note.
func TestSeed(t *testing.T) {
	const seed = "../../source/value-co-creation-part1.txt"
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	n, err := note.Decode(seed, data)
	if err != nil {
		t.Fatal(err)
	}
	fs := lint.Check(n, lint.Options{Pack: defaultPack(t), Only: only()})
	type want struct {
		rule string
		line int
		text string
		fix  string
	}
	wants := []want{
		{"language-slip", 5, "called as", "called"},
		{"language-slip", 14, "called as", "called"},
		{"official-name", 7, "focus on value", "Focus on value"},
		{"official-name", 12, "focus on value", "Focus on value"},
		{"language-slip", 12, "as per", "according to"},
	}
	for _, w := range wants {
		ok := false
		for _, f := range fs {
			if f.Rule == w.rule && n.Position(f.Start).Line == w.line && string(n.Text[f.Start:f.End]) == w.text &&
				f.Fix != nil && len(f.Fix.Edits) == 1 && f.Fix.Edits[0].New == w.fix {
				ok = true
			}
		}
		if !ok {
			t.Errorf("no %s finding %q → %q on line %d", w.rule, w.text, w.fix, w.line)
		}
	}
	for _, f := range fs {
		t.Logf("%d: %s %q: %s", n.Position(f.Start).Line, f.Rule, n.Text[f.Start:f.End], f.Message)
	}
}

// TestV3TermHistory: v3 terms are quiet where the passage talks about
// earlier editions on purpose (the pack's history phrases), in the
// sentence, under a heading, after a label line and its points, and where
// the word before makes them another name or a menu entry.
func TestV3TermHistory(t *testing.T) {
	p := defaultPack(t)
	for _, tc := range []struct {
		name, text string
		want       []string // the v3 phrases reported, in order
	}{
		{"sentence", "ITIL v2 introduced the concept of service lifecycle.\n", nil},
		{"heading", "## ITIL v3 history\n\nThe service lifecycle had five stages.\n\n## Today\n\nThe service lifecycle has five stages.\n", []string{"service lifecycle"}},
		{"label and escaped points", "ITIL v3:\n\n\\- Released in 2007\n\n\\- Added guidance on continual service improvement\n\nWe teach continual service improvement.\n", []string{"continual service improvement"}},
		{"label and list", "ITIL v3:\n\n- Added continual service improvement\n\nITIL 4:\n\n- Dropped continual service improvement\n", []string{"continual service improvement"}},
		{"another name", "4\\. Software Change Management: this process controls software changes.\n\nChange management approves changes.\n", []string{"Change management"}},
		{"menu entry", "> \\- Select Request Fulfilment (A Hardware Device)\n\nRequest fulfilment handles requests.\n", []string{"Request fulfilment"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, f := range checkText(t, p, tc.text) {
				if f.Rule == "v3-term" {
					got = append(got, tc.text[f.Start:f.End])
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("v3-term reports %q, want %q in:\n%s", got, tc.want, tc.text)
			}
		})
	}
}
