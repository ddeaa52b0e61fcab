package check

import "testing"

// TestClassifyGap holds what the gap between two tokens ends: a stop
// after a closing mark ends the sentence too, as in notes that quote a
// phrase at the end of one ('"fit for purpose". For example').
func TestClassifyGap(t *testing.T) {
	for _, c := range []struct {
		gap          string
		sent, clause bool
	}{
		{" ", false, false},
		{", ", false, true},
		{". ", true, true},
		{"? ", true, true},
		{"\". ", true, true},
		{"\".   \n  ", true, true},
		{"\"). ", true, true},
		{"\u201d. ", true, true},
		{"\" ", false, true},
		{" (", false, true},
		{"\".", false, true}, // no space after the stop: '"x".y'
		{".", false, false},  // "4.0"
		{" - ", false, true},
	} {
		_, _, sent, clause := classifyGap([]byte(c.gap))
		if sent != c.sent || clause != c.clause {
			t.Errorf("classifyGap(%q) = sent %v, clause %v; want %v, %v", c.gap, sent, clause, c.sent, c.clause)
		}
	}
}
