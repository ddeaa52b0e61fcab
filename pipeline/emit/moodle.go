package emit

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/itilint/itilint/pipeline/quiz"
)

// Moodle XML, the richest import format of Moodle's question bank: it keeps
// the ID (idnumber), tags and feedback that GIFT and Aiken lose.
type moodleQuiz struct {
	XMLName   xml.Name         `xml:"quiz"`
	Comment   string           `xml:",comment"`
	Questions []moodleQuestion `xml:"question"`
}

type moodleText struct {
	Format string `xml:"format,attr,omitempty"`
	Text   string `xml:"text"`
}

type moodleAnswer struct {
	Fraction string     `xml:"fraction,attr"`
	Format   string     `xml:"format,attr"`
	Text     string     `xml:"text"`
	Feedback moodleText `xml:"feedback"`
}

type moodleTag struct {
	Text string `xml:"text"`
}

type moodleQuestion struct {
	Type     string      `xml:"type,attr"`
	Category *moodleText `xml:"category,omitempty"`

	Name            *moodleText    `xml:"name,omitempty"`
	QuestionText    *moodleText    `xml:"questiontext,omitempty"`
	GeneralFeedback *moodleText    `xml:"generalfeedback,omitempty"`
	DefaultGrade    string         `xml:"defaultgrade,omitempty"`
	Penalty         string         `xml:"penalty,omitempty"`
	Hidden          string         `xml:"hidden,omitempty"`
	IDNumber        string         `xml:"idnumber,omitempty"`
	Single          string         `xml:"single,omitempty"`
	ShuffleAnswers  string         `xml:"shuffleanswers,omitempty"`
	AnswerNumbering string         `xml:"answernumbering,omitempty"`
	Answers         []moodleAnswer `xml:"answer"`
	Tags            *struct {
		Tags []moodleTag `xml:"tag"`
	} `xml:"tags,omitempty"`
}

// writeMoodleXML writes the bank as Moodle XML: a category question per
// topic, then single-answer multichoice questions with the bank's ID as
// idnumber, tags for topic, type and Bloom level, the explanation as
// general feedback, and options in the bank's order (shuffleanswers 0, so
// the answer letters of the other exports stay true).
func writeMoodleXML(w io.Writer, bank *quiz.Bank, opts QuizOptions) error {
	opts = opts.withDefaults()
	doc := moodleQuiz{Comment: fmt.Sprintf(" %s: %s, written by itilint ", strings.ReplaceAll(flat(opts.Title), "--", "- -"), plural(len(bank.Questions), "question", "questions"))}
	for _, group := range byTopic(bank.Questions) {
		doc.Questions = append(doc.Questions, moodleQuestion{Type: "category",
			Category: &moodleText{Text: "$course$/top/" + category(opts.Category, group[0])}})
		for _, q := range group {
			mq := moodleQuestion{
				Type:            "multichoice",
				Name:            &moodleText{Text: q.ID},
				QuestionText:    &moodleText{Format: "plain_text", Text: q.Stem},
				GeneralFeedback: &moodleText{Format: "plain_text", Text: q.Explanation},
				DefaultGrade:    "1",
				Penalty:         "0",
				Hidden:          "0",
				IDNumber:        q.ID,
				Single:          "true",
				ShuffleAnswers:  "0",
				AnswerNumbering: "ABCD",
			}
			for i, o := range q.Options {
				fraction := "0"
				if i == q.Answer {
					fraction = "100"
				}
				mq.Answers = append(mq.Answers, moodleAnswer{Fraction: fraction, Format: "plain_text", Text: o,
					Feedback: moodleText{Format: "plain_text"}})
			}
			mq.Tags = &struct {
				Tags []moodleTag `xml:"tag"`
			}{}
			for _, tag := range []string{q.Topic, q.Type, "bloom-" + strconv.Itoa(q.Bloom)} {
				if tag != "" {
					mq.Tags.Tags = append(mq.Tags.Tags, moodleTag{Text: tag})
				}
			}
			doc.Questions = append(doc.Questions, mq)
		}
	}
	return writeXML(w, doc)
}
