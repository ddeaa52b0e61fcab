// Package quiz owns question generation: generators (registered like rules)
// turn the notes' own sentences into exam-style questions, the item-writing
// checks drop flawed ones, and the bank is balanced and made deterministic
// by a seed.
package quiz

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Question types, as --types names them.
const (
	TypeDefinition  = "definition"
	TypeMissingWord = "missing-word"
	TypeList        = "list"
	TypeNegative    = "negative"
	TypeStatement   = "statement"
	TypeIdentify    = "identify"
)

// A Question is one four-option, single-answer item.
type Question struct {
	ID          string    `json:"id"`   // stable: a hash of the question's own content
	Type        string    `json:"type"` // one of the Type constants
	Stem        string    `json:"stem"`
	Options     [4]string `json:"options"`
	Answer      int       `json:"answer"` // index into Options (0 = A)
	Explanation string    `json:"explanation"`
	Source      string    `json:"source"`  // path:line of the sentence it came from
	Section     string    `json:"section"` // heading above that sentence
	Topic       string    `json:"topic"`   // syllabus topic ID from the pack
	TopicName   string    `json:"topic_name"`
	Bloom       int       `json:"bloom"` // 1 remember, 2 understand
}

// AnswerLetter is "A".."D".
func (q Question) AnswerLetter() string { return string(rune('A' + q.Answer)) }

// Key returns the text of the correct option.
func (q Question) Key() string { return q.Options[q.Answer] }

// ContentID hashes what makes the question itself: type, stem and the set of
// options with the key marked, independent of option order, source line and
// anything else in the notes. A re-import then updates rather than
// duplicates.
func ContentID(typ, stem string, options []string, key string) string {
	sorted := append([]string(nil), options...)
	sortStrings(sorted)
	h := sha256.New()
	h.Write([]byte(typ + "\x00" + norm(stem) + "\x00" + norm(key)))
	for _, o := range sorted {
		h.Write([]byte("\x00" + norm(o)))
	}
	return "Q" + hex.EncodeToString(h.Sum(nil))[:10]
}

func norm(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// A Bank is the generated question set with what the report needs.
type Bank struct {
	Questions []Question `json:"questions"`
	// Generated counts candidate questions by type, before the checks.
	Generated map[string]int `json:"generated"`
	// Dropped counts questions removed, by check (reason).
	Dropped map[string]int `json:"dropped"`
	// Coverage lists, per topic of the pack, how many questions the bank
	// has and which terms the notes teach that got none.
	Coverage []TopicCoverage `json:"coverage"`
}

// TopicCoverage is one row of the Coverage sheet.
type TopicCoverage struct {
	Topic     string   `json:"topic"`
	Name      string   `json:"name"`
	Questions int      `json:"questions"`
	Untested  []string `json:"untested"`
}
