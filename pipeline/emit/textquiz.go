package emit

import (
	"encoding/csv"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/quiz"
)

// neutralise defuses spreadsheet formula injection (CWE-1236, OWASP's
// "CSV injection"): a cell a spreadsheet could read as a formula is
// prefixed with a single quote, which spreadsheets take as "this is text"
// and do not show. That is a cell that starts with a formula sign (= + - @,
// or the fullwidth forms that East Asian spreadsheets read as them) or
// with a control character (a tab, a carriage return, a NUL), and one
// whose formula sign comes after leading spaces or invisible characters
// (a no-break space, a byte order mark), which spreadsheets trim on import.
func neutralise(s string) string {
	if s == "" {
		return s
	}
	if c := s[0]; c < utf8.RuneSelf && c > ' ' && c != 0x7f && !isFormulaSign(rune(c)) {
		return s // the common case: a letter, a digit, a quote
	}
	for i, r := range s {
		switch {
		case isFormulaSign(r), i == 0 && unicode.IsControl(r):
			return "'" + s
		case unicode.IsSpace(r), unicode.Is(unicode.Cf, r):
			continue // trimmed by a spreadsheet: look at what follows
		}
		return s
	}
	return s
}

// isFormulaSign reports whether r starts a formula in a spreadsheet cell.
func isFormulaSign(r rune) bool {
	switch r {
	case '=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20': // fullwidth = + - @
		return true
	}
	return false
}

// writeCSV writes the bank as CSV with the columns of the Questions sheet,
// a header row, CRLF line ends (RFC 4180) and formula-like cells
// neutralised.
func writeCSV(w io.Writer, bank *quiz.Bank, _ QuizOptions) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(questionColumns); err != nil {
		return err
	}
	row := make([]string, len(questionColumns))
	for _, q := range bank.Questions {
		for i, v := range questionRow(q) {
			row[i] = neutralise(v)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// giftEscaper escapes the characters GIFT gives a meaning to.
var giftEscaper = strings.NewReplacer(`\`, `\\`, `~`, `\~`, `=`, `\=`, `#`, `\#`, `{`, `\{`, `}`, `\}`, `:`, `\:`)

// gift escapes text for GIFT, keeping its line breaks as \n (as Moodle's
// own GIFT export does), since a real line break would end the question.
func gift(s string) string {
	lines := textLines(s)
	for i, l := range lines {
		lines[i] = giftEscaper.Replace(l)
	}
	return strings.Join(lines, `\n`)
}

// category is the category path of a topic under root, for GIFT and
// Moodle XML; a slash in a name would start a sub-category, so it is
// replaced, and a line break would end the $CATEGORY line, so the name is
// put on one line.
func category(root string, q quiz.Question) string {
	name := strings.ReplaceAll(flat(strings.Map(controlToSpace, topicName(q))), "/", "-")
	if name == "" {
		return root
	}
	return root + "/" + name
}

// controlToSpace maps a control character to a space: a category is one
// line, and the pack refuses line breaks and NULs in its names, but a
// writer does not count on it.
func controlToSpace(r rune) rune {
	if unicode.IsControl(r) {
		return ' '
	}
	return r
}

// writeGIFT writes the bank in Moodle's GIFT format: a $CATEGORY line per
// topic, then each question as ::ID::stem {=key ~wrong ... ####explanation}
// with a comment naming its source.
func writeGIFT(w io.Writer, bank *quiz.Bank, opts QuizOptions) error {
	opts = opts.withDefaults()
	var b strings.Builder
	fmt.Fprintf(&b, "// %s\n// %s, written by itilint\n", flat(opts.Title), plural(len(bank.Questions), "question", "questions"))
	for _, group := range byTopic(bank.Questions) {
		fmt.Fprintf(&b, "\n$CATEGORY: %s\n", category(opts.Category, group[0]))
		for _, q := range group {
			fmt.Fprintf(&b, "\n// %s %s", q.ID, q.Type)
			if q.Source != "" {
				b.WriteString(", from " + flat(q.Source))
			}
			b.WriteString("\n")
			fmt.Fprintf(&b, "::%s::%s {\n", gift(q.ID), gift(q.Stem))
			for i, o := range q.Options {
				mark := "~"
				if i == q.Answer {
					mark = "="
				}
				fmt.Fprintf(&b, "\t%s%s\n", mark, gift(o))
			}
			if q.Explanation != "" {
				fmt.Fprintf(&b, "\t####%s\n", gift(q.Explanation))
			}
			b.WriteString("}\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeAiken writes the bank in the Aiken format Moodle imports: the
// question on one line, options "A. ..." to "D. ...", "ANSWER: X", and a
// blank line between questions. Aiken has no place for IDs or
// explanations.
func writeAiken(w io.Writer, bank *quiz.Bank, _ QuizOptions) error {
	var b strings.Builder
	for i, q := range bank.Questions {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(flat(q.Stem) + "\n")
		for j, o := range q.Options {
			fmt.Fprintf(&b, "%s. %s\n", letters[j], flat(o))
		}
		fmt.Fprintf(&b, "ANSWER: %s\n", q.AnswerLetter())
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdEscaper keeps question text from turning into Markdown structure
// (emphasis, links, HTML) in the worksheet.
var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", `&`, `\&`, `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, `<`, `\<`, `>`, `\>`, `#`, `\#`, `|`, `\|`)

func md(s string) string { return mdEscaper.Replace(flat(s)) }

// listStart matches what would start a list at the beginning of a line:
// "1." or "1)" or a "-" or "+" bullet.
var listStart = regexp.MustCompile(`^(\d{1,9})([.)])|^([-+])( |$)`)

// mdLine escapes a line that continues a paragraph, so that a statement
// numbered "1." stays a line of the question instead of starting a list.
func mdLine(s string) string {
	return listStart.ReplaceAllString(md(s), `$1\$2$3$4`)
}

// writeWorksheet writes a printable worksheet in Markdown: the numbered
// questions with options A to D, then an answer key with the letter, the
// explanation and the source of each.
func writeWorksheet(w io.Writer, bank *quiz.Bank, opts QuizOptions) error {
	opts = opts.withDefaults()
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s. Choose one answer for each.\n", md(opts.Title), plural(len(bank.Questions), "question", "questions"))
	if len(bank.Questions) == 0 {
		b.WriteString("\nThe notes gave no question that passes the checks.\n")
	}
	for i, q := range bank.Questions {
		// Statements listed on lines of their own stay on their own lines
		// (a backslash ends a line in CommonMark).
		lines := textLines(q.Stem)
		for j, l := range lines {
			if j == 0 {
				lines[j] = md(l)
			} else {
				lines[j] = mdLine(l)
			}
		}
		// A list item's content starts after its marker: "9. " needs three
		// spaces of indent for what follows to stay in the item, "10. "
		// four.
		marker := fmt.Sprintf("%d. ", i+1)
		indent := strings.Repeat(" ", len(marker))
		fmt.Fprintf(&b, "\n%s%s\n\n", marker, strings.Join(lines, "\\\n"+indent))
		for j, o := range q.Options {
			fmt.Fprintf(&b, "%s- %s. %s\n", indent, letters[j], md(o))
		}
	}
	b.WriteString("\n## Answer key\n")
	for i, q := range bank.Questions {
		fmt.Fprintf(&b, "\n%d. **%s** (%s)", i+1, q.AnswerLetter(), md(q.Key()))
		if q.Explanation != "" {
			b.WriteString(" " + md(q.Explanation))
		}
		if q.Source != "" {
			fmt.Fprintf(&b, " Source: %s.", md(q.Source))
		}
		fmt.Fprintf(&b, " `%s`\n", q.ID)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeAnki writes the bank as a text file for Anki's importer (File >
// Import): tab-separated notes of the Basic type with headers Anki reads
// (separator, html, notetype, deck, the tags column). The front is the
// question with its options A to D on lines of their own, the back the
// answer, its explanation and source; tags name the syllabus area and the
// question type. Fields are quoted as CSV where they hold a line break, a
// tab or a quote, as Anki's importer expects.
func writeAnki(w io.Writer, bank *quiz.Bank, opts QuizOptions) error {
	opts = opts.withDefaults()
	var b strings.Builder
	b.WriteString("#separator:tab\n#html:false\n#notetype:Basic\n")
	fmt.Fprintf(&b, "#deck:%s\n#tags column:3\n", flat(opts.Title))
	cw := csv.NewWriter(&b)
	cw.Comma = '\t'
	for _, q := range bank.Questions {
		front := strings.Join(textLines(q.Stem), "\n")
		for j, o := range q.Options {
			front += fmt.Sprintf("\n%s. %s", letters[j], flat(o))
		}
		back := fmt.Sprintf("%s. %s", q.AnswerLetter(), flat(q.Key()))
		if q.Explanation != "" {
			back += "\n" + flat(q.Explanation)
		}
		if q.Source != "" {
			back += "\nSource: " + flat(q.Source)
		}
		back += "\nID: " + q.ID
		tags := []string{ankiTag("itilint"), ankiTag(q.Type)}
		if q.Area != "" {
			tags = append(tags, ankiTag(q.Area))
		} else if q.Topic != "" {
			tags = append(tags, ankiTag(q.Topic))
		}
		if err := cw.Write([]string{front, back, strings.Join(tags, " ")}); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ankiTag makes s one Anki tag: tags are separated by spaces.
func ankiTag(s string) string { return strings.Join(strings.Fields(s), "_") }
