package quiz

import (
	"reflect"
	"strings"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"A service is useful. A user uses it.", []string{"A service is useful.", "A user uses it."}},
		{"Tools, e.g. Jira, help. I.e. not much.", []string{"Tools, e.g. Jira, help.", "I.e. not much."}},
		{"Use tools (e.g. a portal), i.e. self-help. Then escalate.", []string{"Use tools (e.g. a portal), i.e. self-help.", "Then escalate."}},
		{"Version 4.1 is new. It works.", []string{"Version 4.1 is new.", "It works."}},
		{"J. Smith wrote it. Was it good? Yes!", []string{"J. Smith wrote it.", "Was it good?", "Yes!"}},
		{`He said "stop." Then left.`, []string{`He said "stop."`, "Then left."}},
		{"no period at the end", []string{"no period at the end"}},
		{"The groups include : Users do things.", []string{"The groups include : Users do things."}},
	}
	for _, tt := range tests {
		var got []string
		for _, r := range splitSentences(tt.text, nil) {
			got = append(got, tt.text[r[0]:r[1]])
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitSentences(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	// A colon at a line break ends a lead-in.
	text := "The groups include: A first group."
	got := splitSentences(text, map[int]bool{len("The groups include:"): true})
	if len(got) != 2 || text[got[0][0]:got[0][1]] != "The groups include:" {
		t.Errorf("lead-in: %v", got)
	}
}

func FuzzSplitSentences(f *testing.F) {
	f.Add("A b. C d? e.g. F! G: H")
	f.Add("...")
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, r := range splitSentences(text, map[int]bool{1: true}) {
			if r[0] < prev || r[1] <= r[0] || r[1] > len(text) {
				t.Fatalf("bad range %v after %d in %q", r, prev, text)
			}
			if strings.TrimSpace(text[r[0]:r[1]]) != text[r[0]:r[1]] {
				t.Errorf("untrimmed sentence %q", text[r[0]:r[1]])
			}
			prev = r[1]
		}
	})
}

func TestArticle(t *testing.T) {
	for phrase, want := range map[string]string{
		"user": "a", "incident": "an", "outcome": "an", "unplanned change": "an", "hour": "an",
		"SLA": "an", "IT asset": "an", "KPI": "a", "service": "a", "one-off": "a", "European": "a",
		"unit": "a", "urgent fix": "an", "event": "an",
	} {
		if got := article(phrase); got != want {
			t.Errorf("article(%q) = %q, want %q", phrase, got, want)
		}
	}
}

func TestPlural(t *testing.T) {
	for in, want := range map[string]string{
		"user": "users", "service desk": "service desks", "policy": "policies", "day": "days",
		"process": "processes", "patch": "patches", "": "",
	} {
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStem(t *testing.T) {
	for in, want := range map[string]string{
		"incidents": "incident", "policies": "policy", "process": "process", "status": "status",
		"organization's": "organization", "analysis": "analysis",
	} {
		if got := stem(in); got != want {
			t.Errorf("stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLooksPlural(t *testing.T) {
	for name, want := range map[string]bool{
		"Practices": true, "Partners and suppliers": true, "Service value chain": false,
		"process": false, "Business analysis": false, "status": false, "Plan": false,
	} {
		if got := looksPlural(name); got != want {
			t.Errorf("looksPlural(%q) = %v, want %v", name, got, want)
		}
	}
}
