package emit

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/quiz"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
)

// FuzzQuestionExports writes a question of arbitrary text in every text
// format and reads it back.
func FuzzQuestionExports(f *testing.F) {
	f.Add("What is {value}?", "=1+1", "a ~ b = c # d", "line\nbreak\r\n: \\ end")
	f.Add("", "", "", "")
	f.Add("@x\t", "-", "<b>&amp;</b>", "«ü» \u00a0nbsp")
	f.Fuzz(func(t *testing.T, stem, key, wrong, explanation string) {
		// Questions are cut from decoded notes, which are valid UTF-8, so
		// other text is outside the exporters' domain. The corpus keeps one
		// such input (halves of a two-byte letter in two fields) to show the
		// target passes it by; it returns rather than skips, so that a
		// skipped test in go test -v always means a test that did not run.
		for _, s := range []string{stem, key, wrong, explanation} {
			if !utf8.ValidString(s) {
				return
			}
		}
		q := quiz.Question{ID: "Q1", Type: quiz.TypeDefinition, Stem: stem, Options: [4]string{wrong, key, wrong + "2", wrong + "3"},
			Answer: 1, Explanation: explanation, Topic: "t", TopicName: "T", Bloom: 1, Source: "a.md:1"}
		bank := &quiz.Bank{Questions: []quiz.Question{q}}
		csvRoundTrip(t, bank, q)
		giftRoundTrip(t, bank, stem, key, wrong)
		moodleRoundTrip(t, bank, stem, key, explanation)
		if flat(stem) != "" && flat(key) != "" && flat(wrong) != "" {
			aikenRoundTrip(t, bank, stem, key)
		}
		var buf bytes.Buffer
		if err := writeWorksheet(&buf, bank, QuizOptions{}); err != nil {
			t.Fatal(err)
		}
		if strings.Count(buf.String(), "\n## Answer key\n") != 1 {
			t.Errorf("worksheet has not one answer key:\n%s", buf.String())
		}
	})
}

// csvRoundTrip writes bank, the one question q, as CSV and reads it back.
func csvRoundTrip(t *testing.T, bank *quiz.Bank, q quiz.Question) {
	t.Helper()
	var buf bytes.Buffer
	if err := writeCSV(&buf, bank, QuizOptions{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("csv: %v, %d rows", err, len(rows))
	}
	// With CRLF record ends, encoding/csv writes a line feed in a field
	// as CRLF and drops a lone carriage return; reading turns CRLF
	// back into a line feed.
	crlf := strings.NewReplacer("\r", "")
	for j, want := range questionRow(q) {
		got := rows[1][j]
		if neutralise(want) != want {
			got = strings.TrimPrefix(got, "'")
		}
		if got != crlf.Replace(want) {
			t.Errorf("csv column %s = %q, want %q", questionColumns[j], got, want)
		}
	}
}

// giftRoundTrip writes bank as GIFT and reads it back.
func giftRoundTrip(t *testing.T, bank *quiz.Bank, stem, key, wrong string) {
	t.Helper()
	var buf bytes.Buffer
	if err := writeGIFT(&buf, bank, QuizOptions{}); err != nil {
		t.Fatal(err)
	}
	_, gq := readGIFT(t, buf.String())
	if len(gq) != 1 || gq[0].Stem != giftText(stem) || gq[0].Key() != giftText(key) || gq[0].Options[0] != giftText(wrong) {
		t.Errorf("gift read back %+v", gq)
	}
}

// moodleRoundTrip writes bank as Moodle XML and reads it back.
func moodleRoundTrip(t *testing.T, bank *quiz.Bank, stem, key, explanation string) {
	t.Helper()
	var buf bytes.Buffer
	if err := writeMoodleXML(&buf, bank, QuizOptions{}); err != nil {
		t.Fatal(err)
	}
	var doc moodleQuiz
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("moodle xml does not parse: %v", err)
	}
	if xmlSafe(stem+key+explanation) && (doc.Questions[1].QuestionText.Text != stem || doc.Questions[1].Answers[1].Text != key ||
		doc.Questions[1].GeneralFeedback.Text != explanation) {
		t.Errorf("moodle read back %+v", doc.Questions[1])
	}
}

// aikenRoundTrip writes bank as Aiken and reads it back.
func aikenRoundTrip(t *testing.T, bank *quiz.Bank, stem, key string) {
	t.Helper()
	var buf bytes.Buffer
	if err := writeAiken(&buf, bank, QuizOptions{}); err != nil {
		t.Fatal(err)
	}
	aq := readAiken(t, buf.String())
	if aq[0].Stem != flat(stem) || aq[0].Answer != 1 || aq[0].Key() != flat(key) {
		t.Errorf("aiken read back %+v", aq[0])
	}
}

// xmlSafe reports whether XML can carry s as it is: XML 1.0 has no place
// for most control characters, which encoding/xml replaces.
func xmlSafe(s string) bool {
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF || r == utf8.RuneError {
			return false
		}
	}
	return true
}

// FuzzFindings writes a finding at arbitrary offsets of arbitrary text, with
// an arbitrary message, in every format, and checks the structured ones
// parse.
func FuzzFindings(f *testing.F) {
	f.Add("Service  value\r\nline two «x»\n", 7, 9, "two spaces, 100%\nsure", " ")
	f.Add("", 0, 0, "", "")
	f.Add("abc", -4, 99, "::error::", "x")
	f.Fuzz(func(t *testing.T, text string, start, end int, msg, replacement string) {
		// Rules write messages and replacements in valid UTF-8; a note that
		// does not decode never reaches a writer. Such inputs are mended or
		// end the case as passed, not skipped: a clean `go test -v` shows
		// no skip.
		msg = strings.ToValidUTF8(msg, "\uFFFD")
		replacement = strings.ToValidUTF8(replacement, "\uFFFD")
		n, err := note.Decode("notes/a, b:c.md", []byte(text))
		if err != nil {
			return
		}
		fix := &rule.Fix{Kind: rule.Safe, Message: msg, Edits: []edit.Edit{{Start: start, End: end, New: replacement}}}
		files := []result.File{{Path: n.Path, Note: n, Findings: []rule.Finding{{Rule: "r", Severity: rule.Warning, Message: msg, Start: start, End: end, Fix: fix}}}}
		for _, format := range FindingFormats {
			var buf bytes.Buffer
			if err := writeFindings(&buf, format, files, nil); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			switch format {
			case "json", "sarif":
				if !json.Valid(buf.Bytes()) {
					t.Fatalf("%s: invalid JSON", format)
				}
			case "junit", "checkstyle":
				if err := xml.Unmarshal(buf.Bytes(), new(struct{ XMLName xml.Name })); err != nil {
					t.Fatalf("%s: %v", format, err)
				}
			case "text", "github":
				if lines := strings.Count(buf.String(), "\n"); lines != 1+btoi(format == "text") {
					t.Fatalf("%s: %d lines:\n%s", format, lines, buf.String())
				}
			}
		}
	})
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
