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
		{"Tools, e.g. The Portal, help.", []string{"Tools, e.g. The Portal, help."}},
		{"B offers services to organization C. So a consumer is a provider.", []string{"B offers services to organization C.", "So a consumer is a provider."}},
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
	got := splitSentences(text, []int{len("The groups include:")})
	if len(got) != 2 || text[got[0][0]:got[0][1]] != "The groups include:" {
		t.Errorf("lead-in: %v", got)
	}
}

func FuzzSplitSentences(f *testing.F) {
	f.Add("A b. C d? e.g. F! G: H")
	f.Add("...")
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, r := range splitSentences(text, []int{1}) {
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

func TestIsFact(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{"A major incident is an incident with significant business impact.", true},
		{"Customer engagement needs skills: listening, relationship management and business analysis.", true},
		{"Okay, that is it for incident management.", false},
		{"Last topic for this part: workarounds.", false},
		{"So that is how incidents are prioritized today.", false},
	}
	for _, tt := range tests {
		if got := isFact(tt.sentence); got != tt.want {
			t.Errorf("isFact(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
}

// wordsBeforeReference is wordsBefore as words reads it: every word of
// prefix from its start (quadratic over the matches of a long line).
func wordsBeforeReference(prefix string) string {
	ws := words(prefix)
	if len(ws) == 0 || strings.TrimRight(prefix, " ") != prefix[:ws[len(ws)-1].End] {
		return ""
	}
	if w := ws[len(ws)-1]; w.End-w.Start <= maxWordBefore {
		return w.Text
	}
	return ""
}

func TestWordsBeforeMatchesWords(t *testing.T) {
	cases := []string{"", " ", "the ", "the", "The  ", "see the", "a-b ", "a--b", "-b", "b-", "x ’b", "rock'n'roll  ",
		"co-op", "a, the", "É ", "ÉTÉ", "1st", "a'-b", "well-known ", strings.Repeat("ab-", 40) + "cd",
		strings.Repeat("x", maxWordBefore) + " ", strings.Repeat("x", maxWordBefore+1), strings.Repeat("é", 40)}
	// And every string of up to four of these pieces.
	pieces := []string{"a", "É", "-", "'", "’", " ", ",", "the", "7"}
	var build func(s string, k int)
	build = func(s string, k int) {
		cases = append(cases, s)
		if k == 0 {
			return
		}
		for _, p := range pieces {
			build(s+p, k-1)
		}
	}
	build("", 4)
	for _, c := range cases {
		if got, want := wordsBefore(c), wordsBeforeReference(c); got != want {
			t.Errorf("wordsBefore(%q) = %q, want %q", c, got, want)
		}
	}
}

func FuzzWordsBefore(f *testing.F) {
	f.Add("see the ")
	f.Add("a well-known")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := wordsBefore(s), wordsBeforeReference(s); got != want {
			t.Errorf("wordsBefore(%q) = %q, want %q", s, got, want)
		}
	})
}
