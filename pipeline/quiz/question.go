// Package quiz owns question generation: generators (registered like
// rules) turn the notes' own sentences into exam-style questions, the
// item-writing guidelines drop flawed ones, and the bank is balanced and
// made deterministic by a seed.
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
	TypeIdentify    = "identify"
	TypeSequence    = "sequence"
	TypeExample     = "example"
	TypeScenario    = "scenario"
	TypeStatement   = "statement"
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
	Area        string    `json:"area,omitempty"` // syllabus area ID, when the pack has a syllabus
	AreaName    string    `json:"area_name,omitempty"`
	Bloom       int       `json:"bloom"` // 1 remember, 2 understand
	// Short, when set, holds for each option a shorter wording of the
	// same thing from the pack ("" where there is none), for formats that
	// limit an answer's length (Kahoot!).
	Short []string `json:"short,omitempty"`
}

// AnswerLetter is "A".."D".
func (q Question) AnswerLetter() string { return string(rune('A' + q.Answer)) }

// Key returns the text of the correct option.
func (q Question) Key() string { return q.Options[q.Answer] }

// IDRule explains how a question's ID is made, for --help.
const IDRule = `A question's ID is a hash of what the question is: its type, its stem,
its key, and its distractors, each named by the term or list member it
stands for (its text only when it stands for none). Option order, source
line and the rest of the notes do not count, so a re-import updates rather
than duplicates; and rewording a definition that another question uses only
as a distractor does not change that question's ID.`

// ContentID makes an ID by IDRule: distractors are identities, the term
// or member ID each stands for, or its text.
func ContentID(typ, stem, key string, distractors []string) string {
	sorted := make([]string, len(distractors))
	for i, d := range distractors {
		sorted[i] = norm(d)
	}
	sortStrings(sorted)
	h := sha256.New()
	h.Write([]byte(typ + "\x00" + norm(stem) + "\x00" + norm(key)))
	for _, o := range sorted {
		h.Write([]byte("\x00" + o))
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
	// Variants are good questions left out because the bank already tests
	// their fact or uses their option set; Options.Variants puts them in.
	Variants []Question `json:"variants,omitempty"`
	// Generated counts candidate questions by type, before the guidelines.
	Generated map[string]int `json:"generated"`
	// Dropped counts questions removed, by the ID of the guideline they broke.
	Dropped map[string]int `json:"dropped"`
	// Coverage lists, per syllabus area of the pack (per topic when the
	// pack has no syllabus), its exam weight, how many questions the bank
	// has and which terms the notes teach that got none.
	Coverage []Coverage `json:"coverage"`
	// Syllabus names the syllabus the coverage follows and says how sure
	// its weights are; empty without one.
	Syllabus     string `json:"syllabus,omitempty"`
	SyllabusNote string `json:"syllabus_note,omitempty"`
	// Notes are what a reader of the bank must know: a mock exam short of
	// questions in an area, for example.
	Notes []string `json:"notes,omitempty"`
}

// Coverage is one row of the Coverage sheet: a syllabus area (or a topic).
type Coverage struct {
	Area        string   `json:"area"`
	Name        string   `json:"name"`
	Weight      float64  `json:"weight,omitempty"` // percent of the exam; 0 = unknown
	Approximate bool     `json:"approximate,omitempty"`
	Questions   int      `json:"questions"`
	Untested    []string `json:"untested"`
}
