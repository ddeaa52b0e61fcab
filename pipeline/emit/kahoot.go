package emit

import (
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/quiz"
)

// Kahoot! limits, in characters, from its spreadsheet template.
const (
	kahootMaxQuestion = 120
	kahootMaxAnswer   = 75
)

// kahootColumns are the headers of Kahoot!'s quiz spreadsheet template, in
// its columns B to H; column A numbers the questions. The template puts its
// instructions above, so the headers are on row kahootHeaderRow.
var kahootColumns = []string{
	"Question - max 120 characters",
	"Answer 1 - max 75 characters",
	"Answer 2 - max 75 characters",
	"Answer 3 - max 75 characters",
	"Answer 4 - max 75 characters",
	"Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
	"Correct answer(s) - choose at least one",
}

const kahootHeaderRow = 8

// kahootFit says why a question does not fit Kahoot!'s limits, or "".
func kahootFit(q quiz.Question) string {
	if n := utf8.RuneCountInString(flat(q.Stem)); n > kahootMaxQuestion {
		return fmt.Sprintf("question is %d characters (Kahoot! allows %d)", n, kahootMaxQuestion)
	}
	for i, o := range q.Options {
		if n := utf8.RuneCountInString(flat(o)); n > kahootMaxAnswer {
			return fmt.Sprintf("answer %s is %d characters (Kahoot! allows %d)", letters[i], n, kahootMaxAnswer)
		}
	}
	return ""
}

// writeKahoot writes the questions that fit Kahoot!'s limits in the layout
// of its quiz spreadsheet template (one sheet, instructions on top, headers
// on row 8, one question per row from row 9, correct answer as 1 to 4). It
// returns a warning for each question left out or shortened. The bytes are deterministic
// like writeXLSX's.
func writeKahoot(w io.Writer, bank *quiz.Bank, opts QuizOptions) (warnings []BankWarning, err error) {
	opts = opts.withDefaults()
	b, err := newBook(opts.Title)
	if err != nil {
		return nil, err
	}
	defer b.f.Close()
	const name = "Sheet1"
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	if err := setWidths(sw, []float64{5, 60, 30, 30, 30, 30, 14, 14}); err != nil {
		return nil, err
	}
	fit := 0
	for _, q := range bank.Questions {
		if _, why, _ := kahootVersion(q); why == "" {
			fit++
		}
	}
	held := fmt.Sprintf("This file holds %d of the bank's %s.", fit, plural(len(bank.Questions), "question", "questions"))
	if left := len(bank.Questions) - fit; left > 0 {
		held += fmt.Sprintf(" LEFT OUT: %s whose question or an answer is too long for Kahoot! (itilint lists them when it writes the file).", plural(left, "question", "questions"))
	}
	intro := [][]any{
		{nil, opts.Title},
		{nil, "Written by itilint for Kahoot!: import it with Add question > Import spreadsheet."},
		{nil, fmt.Sprintf("Questions over %d characters and answers over %d are left out.", kahootMaxQuestion, kahootMaxAnswer)},
		{nil, held},
	}
	for i, r := range intro {
		if err := b.row(sw, i+2, 0, r); err != nil {
			return nil, err
		}
	}
	if err := b.row(sw, kahootHeaderRow, b.header, append([]string{""}, kahootColumns...)); err != nil {
		return nil, err
	}
	n := 0
	for _, q := range bank.Questions {
		q, why, shortened := kahootVersion(q)
		if why != "" || shortened {
			warnings = append(warnings, BankWarning{ID: q.ID, Source: q.Source, LeftOut: why != "", Why: why, Format: "Kahoot!"})
		}
		if why != "" {
			continue
		}
		n++
		cells := []any{n, flat(q.Stem), flat(q.Options[0]), flat(q.Options[1]), flat(q.Options[2]), flat(q.Options[3]),
			opts.KahootTimeLimit, q.Answer + 1}
		if err := b.row(sw, kahootHeaderRow+n, b.body, cells); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	return warnings, b.write(w)
}

// kahootVersion returns q as Kahoot! can hold it: as it is, or with the
// shorter wordings the bank gives for its options (the rule pack's own
// definitions) when those fit; why says why it cannot hold it at all.
func kahootVersion(q quiz.Question) (out quiz.Question, why string, shortened bool) {
	why = kahootFit(q)
	if why == "" || len(q.Short) != 4 {
		return q, why, false
	}
	short := q
	for i, s := range q.Short {
		if s != "" {
			short.Options[i] = s
		}
	}
	if kahootFit(short) != "" {
		return q, why, false
	}
	return short, "", true
}
