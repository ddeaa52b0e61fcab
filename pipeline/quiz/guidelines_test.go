package quiz

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
)

func q(typ, stem string, answer int, options ...string) Question {
	var o [4]string
	copy(o[:], options)
	return Question{Type: typ, Stem: stem, Answer: answer, Options: o}
}

// guidelineCase is a question that follows a guideline and one that breaks it.
type guidelineCase struct {
	guideline string
	pass      Question
	fail      Question
}

// goodQuestion follows every guideline.
func goodQuestion() Question {
	return q(TypeDefinition, "Which is the definition of a user?", 0,
		"A person who uses services", "A person who authorizes the budget", "A person who defines the requirements", "An organization that supplies goods")
}

// questionGuidelineCases are the cases of the guidelines for any question.
func questionGuidelineCases() []guidelineCase {
	good := goodQuestion()
	return []guidelineCase{
		{"distinct-options", good,
			q(TypeDefinition, "Which is the definition of a user?", 0, "A person who uses services", "A person who uses services.", "A sponsor", "A customer")},
		{"catch-all-option", good,
			q(TypeDefinition, "Which is the definition of a user?", 0, "A person who uses services", "All of the above", "None of the above", "Both A and B")},
		{"option-contains-other",
			q(TypeMissingWord, "Identify the missing word(s) in the following sentence.\nA [?] is a person.", 0, "Service desk", "Service level", "Change", "Problem"),
			q(TypeMissingWord, "Identify the missing word(s) in the following sentence.\nA [?] is a person.", 0, "Service desk", "Service", "Change", "Problem")},
		{"complete-stem", good,
			q(TypeDefinition, "The definition of a user", 0, "A person who uses services", "A person who authorizes the budget", "A person who defines the requirements", "An organization that supplies goods")},
		{"negative-capitals", good,
			q(TypeIdentify, "Which is not a guiding principle?", 0, "Incident management", "Focus on value", "Start where you are", "Optimize and automate")},
		{"parallel-options", good,
			q(TypeDefinition, "Which is the definition of a user?", 0, "A person who uses services", "To authorize the budget", "A person who defines the requirements", "An organization that supplies goods")},
		{"parallel-options", good,
			q(TypeDefinition, "Which is the definition of a user?", 0, "A person who uses services.", "A person who authorizes the budget", "A person who defines the requirements", "An organization that supplies goods")},
		{"option-length", good,
			q(TypeDefinition, "Which is the definition of a user?", 0, "A person who uses services", "A person who authorizes the budget for consuming a service, usually from a cost centre of the business", "A person", "An organization that supplies goods")},
		{"clue-word",
			q(TypeDefinition, "Which is the definition of a service offering?", 0, "A description of one or more services", "A configuration of resources offering value to a service consumer", "A result for a stakeholder", "A deliverable of an activity"),
			q(TypeDefinition, "Which is the definition of a service offering?", 0, "A description of one or more services", "A configuration of resources", "A result for a stakeholder", "A deliverable of an activity")},
		{"odd-key-form",
			q(TypeDefinition, "Which describes the engage value chain activity?", 0, "Interact with stakeholders outside the organization", "Create a shared understanding of the vision", "Keep products and services improving", "The activity that obtains components"),
			q(TypeDefinition, "Which describes the engage value chain activity?", 0, "The activity that interacts with stakeholders outside the organization", "Create a shared understanding of the vision", "Keep products and services improving", "Make sure services are delivered")},
		{"grammar-slip", good,
			q(TypeIdentify, "Which guiding principle is the following statement about?\nOrganization A provides a the the service to organization B.", 0, "Focus on value", "Start where you are", "Keep it simple and practical", "Optimize and automate")},
		{"clue-word",
			q(TypeDefinition, "Which is the definition of a change authority?", 0, "A person or group responsible for authorizing a change", "A calendar of authorized changes", "A cause of one or more incidents", "A condition that must be met to succeed"),
			q(TypeDefinition, "Which is the definition of a change authority?", 0, "A person or group responsible for authorizing a change", "A calendar of changes", "A cause of one or more incidents", "A condition that must be met to succeed")},
		{"article-clue",
			q(TypeMissingWord, "Identify the missing word(s) in the following sentence.\nAn [?] is a deliverable of an activity.", 0, "Output", "Outcome", "Incident", "Event"),
			q(TypeMissingWord, "Identify the missing word(s) in the following sentence.\nAn [?] is a deliverable of an activity.", 0, "Output", "Product", "Service", "Outcome")},
	}
}

// statementGuidelineCases are the cases of the guidelines for statement questions.
func statementGuidelineCases() []guidelineCase {
	stmt := func(expl string, options ...string) Question {
		x := q(TypeStatement, "Which statement is correct?", 0, options...)
		x.Explanation = expl
		return x
	}
	okStmts := []string{"An output is a deliverable produced by an activity.", "Cost is a result for a stakeholder that outputs make possible.",
		"A risk is how useful and important something is judged to be.", "An outcome is the amount of money spent on an activity."}
	okExpl := "Correct: " + okStmts[0] + " It is the definition of output." +
		" False (a definition given to the wrong term): " + okStmts[1] + " It gives cost the definition of outcome." +
		" False (a definition given to the wrong term): " + okStmts[2] + " It gives risk the definition of value." +
		" False (a definition given to the wrong term): " + okStmts[3] + " It gives outcome the definition of cost."
	return []guidelineCase{
		{"statement-sentences", stmt(okExpl, okStmts...),
			stmt(okExpl, okStmts[0], okStmts[1], okStmts[2], "An outcome is money")},
		{"statement-sentences", stmt(okExpl, okStmts...),
			stmt(okExpl, okStmts[0], okStmts[1], okStmts[2], "An output is the amount of money spent on an activity.")},
		{"statement-reasons", stmt(okExpl, okStmts...),
			stmt(strings.Replace(okExpl, "False (a definition given to the wrong term): "+okStmts[2], okStmts[2], 1), okStmts...)},
		{"statement-reasons", stmt(okExpl, okStmts...),
			stmt(strings.Replace(okExpl, "Correct: ", "", 1), okStmts...)},
	}
}

func TestGuidelines(t *testing.T) {
	good := goodQuestion()
	tests := append(questionGuidelineCases(), statementGuidelineCases()...)
	byID := map[string]*Guideline{}
	for _, c := range Guidelines {
		byID[c.ID] = c
	}
	for _, tt := range tests {
		c := byID[tt.guideline]
		if c == nil {
			t.Fatalf("no guideline %q", tt.guideline)
		}
		if !c.Follows(tt.pass) {
			t.Errorf("%s: rejects %q %q", tt.guideline, tt.pass.Stem, tt.pass.Options)
		}
		if c.Follows(tt.fail) {
			t.Errorf("%s: accepts %q %q", tt.guideline, tt.fail.Stem, tt.fail.Options)
		}
		if got := BrokenGuideline(tt.fail); got == "" {
			t.Errorf("BrokenGuideline passes the failing example of %s", tt.guideline)
		}
	}
	if r := BrokenGuideline(good); r != "" {
		t.Errorf("the good question breaks %s", r)
	}
}

func TestGrammarSlip(t *testing.T) {
	tests := []struct{ text, want string }{
		{"An outcome is a result for a stakeholder.", ""},
		{"A output is a deliverable.", "A output"},
		{"It is an unplanned interruption to a output.", "a output"},
		{"An user is a person who uses services.", "An user"},
		{"An SLA is a documented agreement.", ""},
		{"Organization A provides a service to organization B.", ""},
		{"Governance directs the the organization.", "the the"},
		{"Version 4 4 is not a slip we look for.", ""},
		{"A [?] is a person who uses services.", ""},
	}
	for _, tt := range tests {
		if got := grammarSlip(tt.text); got != tt.want {
			t.Errorf("grammarSlip(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestNearDuplicates(t *testing.T) {
	// Two copies of a definition that differ by a word make one question.
	stem := "Identify the missing word(s) in the following sentence.\nA [?] is a series of steps an organization undertakes to create and deliver products and services to "
	a := q(TypeMissingWord, stem+"consumers.", 1, "Practice", "Value stream", "Governance", "Guiding principle")
	b := q(TypeMissingWord, stem+"service consumers.", 0, "Value stream", "Governance", "Guiding principle", "Practice")
	other := q(TypeMissingWord, "Identify the missing word(s) in the following sentence.\nA [?] is a set of organizational resources designed for performing work.", 0, "Practice", "Value stream", "Governance", "Guiding principle")
	n := nearDuplicates{}
	if n.seen(a) || !n.seen(b) || n.seen(other) {
		t.Error("near duplicates not told from a different question with the same options")
	}
}

func TestDuplicatesDropped(t *testing.T) {
	// The same sentence in two notes yields the same questions once: the
	// corpus keeps a sentence met before only for its counts (corpus.add),
	// so no question of it is made twice to be dropped.
	b := generate(notesOf(roles, roles), testPack(t), Options{Types: []string{TypeMissingWord}, Variants: true})
	if b.Dropped[GuidelineDuplicate] != 0 || len(b.Questions) != 3 {
		t.Errorf("questions %d, dropped %v", len(b.Questions), b.Dropped)
	}
	a := q(TypeMissingWord, "S?", 0, "A", "B", "C", "D")
	c := q(TypeMissingWord, "S?", 2, "C", "D", "A", "B")
	if dupKey(a) != dupKey(c) {
		t.Error("same stem and options in another order are not duplicates")
	}
}

// fakeBank makes n candidates whose key is the longest option in the
// first `longest` of them.
func fakeBank(n, longest int) []*candidate {
	var out []*candidate
	for i := range n {
		opts := []string{fmt.Sprintf("Key %03d", i), "Other one", "Other two", "Other three"}
		if i < longest {
			opts[0] = fmt.Sprintf("The key option %03d, long", i)
		}
		c := &candidate{Question: q(TypeDefinition, fmt.Sprintf("Question %d?", i), 0, opts...), seq: i}
		c.Topic = "t"
		out = append(out, c)
	}
	return out
}

func TestBalanceAnswers(t *testing.T) {
	for _, n := range []int{40, 41, 57, 100} {
		qs := fakeBank(n, 0)
		balanceAnswers(qs, 42)
		count := [4]int{}
		for _, c := range qs {
			count[c.Answer]++
			if c.Key() != c.Options[c.Answer] || c.Key()[:3] != "Key" {
				t.Fatalf("balancing lost the key: %+v", c.Question)
			}
		}
		for l, k := range count {
			if share := float64(k) / float64(n); share < 0.20 || share > 0.30 {
				t.Errorf("n=%d: letter %c holds %.0f%% of keys", n, 'A'+l, 100*share)
			}
		}
	}
	a, b := fakeBank(40, 0), fakeBank(40, 0)
	balanceAnswers(a, 1)
	balanceAnswers(b, 1)
	if !reflect.DeepEqual(a, b) {
		t.Error("balancing is not deterministic")
	}
}

func TestKeyLongestLimit(t *testing.T) {
	dropped := map[string]int{}
	got := selectQuestions(fakeBank(40, 30), 0, nil, 1, false, dropped)
	longest := 0
	for _, c := range got {
		if keyLongest(c.Question) {
			longest++
		}
	}
	if float64(longest) > MaxKeyLongest*float64(len(got)) {
		t.Errorf("%d of %d keys are the longest option", longest, len(got))
	}
	want := 30 - int(math.Floor(MaxKeyLongest*float64(len(got))))
	if dropped[GuidelineKeyLongest] != want {
		t.Errorf("dropped %d key-longest, want %d", dropped[GuidelineKeyLongest], want)
	}
	// With a count, the bank refills from questions whose key is not the
	// longest.
	dropped = map[string]int{}
	got = selectQuestions(fakeBank(80, 30), 40, nil, 1, false, dropped)
	if len(got) != 40 {
		t.Errorf("count 40: got %d", len(got))
	}
}
