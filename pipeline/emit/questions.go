package emit

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/itilint/itilint/pipeline/quiz"
)

// QuizOptions tune the question bank writers; the zero value is fine.
type QuizOptions struct {
	// Title heads the worksheet and names the xlsx document; default
	// "ITIL 4 Foundation practice questions".
	Title string
	// Category is the root of the GIFT and Moodle XML categories; each
	// topic becomes a sub-category. Default "itilint".
	Category string
	// KahootTimeLimit is the seconds per Kahoot! question (5, 10, 20, 30,
	// 60, 90, 120 or 240); default 20.
	KahootTimeLimit int
}

// defaultQuizTitle is the title of a bank when QuizOptions.Title is empty.
const defaultQuizTitle = "ITIL 4 Foundation practice questions"

func (o QuizOptions) withDefaults() QuizOptions {
	if o.Title == "" {
		o.Title = defaultQuizTitle
	}
	if o.Category == "" {
		o.Category = "itilint"
	}
	if o.KahootTimeLimit == 0 {
		o.KahootTimeLimit = 20
	}
	return o
}

// Question bank formats, by the file name ending that selects them. Longer
// endings come first: "x.kahoot.xlsx" is Kahoot!, not plain xlsx.
var questionFormats = []struct{ suffix, format string }{
	{".kahoot.xlsx", "kahoot"},
	{".aiken.txt", "aiken"},
	{".anki.txt", "anki"},
	{".xlsx", "xlsx"},
	{".csv", "csv"},
	{".gift", "gift"},
	{".xml", "moodle"},
	{".md", "worksheet"},
}

// QuestionFormat returns the format a question bank path asks for by its
// ending: xlsx, kahoot, csv, gift, moodle, aiken, anki or worksheet.
func QuestionFormat(path string) (string, error) {
	base := strings.ToLower(filepath.Base(path))
	for _, f := range questionFormats {
		if strings.HasSuffix(base, f.suffix) {
			return f.format, nil
		}
	}
	var want []string
	for _, f := range questionFormats {
		want = append(want, f.suffix)
	}
	return "", fmt.Errorf("%s: unknown question bank format (name it %s)", path, strings.Join(want, ", "))
}

// Questions writes bank to w in format (one of QuestionFormat's answers).
// It returns warnings about questions the format cannot hold as they are
// (Kahoot! limits the length of questions and answers): those it left
// out, and those it shortened; the rest is written.
func Questions(w io.Writer, format string, bank *quiz.Bank, opts QuizOptions) (warnings []BankWarning, err error) {
	switch format {
	case "xlsx":
		return nil, writeXLSX(w, bank, opts)
	case "kahoot":
		return writeKahoot(w, bank, opts)
	case "csv":
		return nil, writeCSV(w, bank, opts)
	case "gift":
		return nil, writeGIFT(w, bank, opts)
	case "moodle":
		return nil, writeMoodleXML(w, bank, opts)
	case "aiken":
		return nil, writeAiken(w, bank, opts)
	case "worksheet":
		return nil, writeWorksheet(w, bank, opts)
	case "anki":
		return nil, writeAnki(w, bank, opts)
	}
	return nil, fmt.Errorf("no writer for format %s", format)
}

// A BankWarning is about one question a format could not hold as the bank
// has it: left out of the file, or written with shorter answers.
type BankWarning struct {
	ID, Source string // the question's, as in quiz.Question
	// LeftOut is true for a question the file does not hold, false for
	// one whose answers were shortened to the rule pack's own wording.
	LeftOut bool
	Why     string // why a question was left out
	Format  string // the format's name as a reader knows it ("Kahoot!")
}

// String is the warning as itilint prints it, the question named by its
// ID and source note.
func (w BankWarning) String() string {
	where := w.ID
	if w.Source != "" {
		where += " (" + w.Source + ")"
	}
	if w.LeftOut {
		return where + ": left out of " + w.Format + ": " + w.Why
	}
	return where + ": answers shortened for " + w.Format + " to the rule pack's own wording of the same definitions"
}

// Bloom level names, as the spreadsheets show them.
var bloomNames = []string{1: "remember", 2: "understand", 3: "apply", 4: "analyse", 5: "evaluate", 6: "create"}

// bloomName is the name of a level of Bloom's taxonomy ("remember" for 1),
// or the number for a level it does not know.
func bloomName(level int) string {
	if level > 0 && level < len(bloomNames) {
		return bloomNames[level]
	}
	return strconv.Itoa(level)
}

// topicName is how a question's topic is shown: its name, or its ID when the
// pack gave none.
func topicName(q quiz.Question) string {
	if q.TopicName != "" {
		return q.TopicName
	}
	return q.Topic
}

// flat puts text on one line: formats such as Aiken and GIFT end a question
// at a line break.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

// textLines splits text at line breaks into lines with their spaces
// collapsed, dropping blank ones: statement questions list their
// statements on lines of their own, which formats that can keep line
// breaks keep.
func textLines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if line = flat(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

var letters = [4]string{"A", "B", "C", "D"}

// questionColumns are the columns of the CSV, and of the Variants sheet:
// everything about a question, for a trainer or a program.
var questionColumns = []string{"ID", "Type", "Topic", "Bloom", "Question", "A", "B", "C", "D", "Answer", "Explanation", "Source"}

// questionRow is a question as the CSV shows it.
func questionRow(q quiz.Question) []string {
	return []string{q.ID, q.Type, topicName(q), bloomName(q.Bloom), q.Stem,
		q.Options[0], q.Options[1], q.Options[2], q.Options[3], q.AnswerLetter(), q.Explanation, q.Source}
}

// learnerColumns are the columns of the Questions sheet, which a trainer
// shares with learners: no answer, no explanation, no source; a column for
// the learner's answer.
var learnerColumns = []string{"No.", "Question", "A", "B", "C", "D", "Your answer"}

// learnerRow is question n as the Questions sheet shows it.
func learnerRow(n int, q quiz.Question) []any {
	return []any{n, q.Stem, q.Options[0], q.Options[1], q.Options[2], q.Options[3], ""}
}

// areaName is the syllabus area a question is filed under, else its topic.
func areaName(q quiz.Question) string {
	if q.AreaName != "" {
		return q.AreaName
	}
	return topicName(q)
}

// byTopic groups questions by topic, topics in order of first appearance and
// questions in bank order within each, for formats that file questions in
// categories.
func byTopic(qs []quiz.Question) [][]quiz.Question {
	index := map[string]int{}
	var groups [][]quiz.Question
	for _, q := range qs {
		i, ok := index[q.Topic]
		if !ok {
			i = len(groups)
			index[q.Topic] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], q)
	}
	return groups
}
