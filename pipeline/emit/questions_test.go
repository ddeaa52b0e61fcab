package emit

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/itilint/itilint/pipeline/quiz"
)

// testBank is a small bank whose text exercises every format's escaping:
// formula-like starts, GIFT's special characters, XML and Markdown
// characters, a line break, non-ASCII text, a topic with a slash, a question
// without topic, and questions too long for Kahoot!.
func testBank() *quiz.Bank {
	qs := []quiz.Question{
		{Type: quiz.TypeDefinition, Stem: "Which term means: the perceived benefits, usefulness and importance of something?",
			Options: [4]string{"Value", "Outcome", "Output", "Utility"}, Answer: 0,
			Explanation: "Value is about perceived benefits; an outcome is a result for a stakeholder.",
			Source:      "source/01-key-concepts/value.md:12", Section: "Value", Topic: "key-concepts",
			TopicName: "Key concepts of service management", Bloom: 1},
		{Type: quiz.TypeMissingWord, Stem: "Complete: a service ____ is a formal description of one or more services.",
			Options: [4]string{"catalogue", "=HYPERLINK(\"http://x\")", "+offering", "@relationship"}, Answer: 2,
			Explanation: "-- formula-like text stays text; so do ~ = # { } : \\ and <b>&amp;</b>",
			Source:      "source/01-key-concepts/offering.md:3", Topic: "key-concepts",
			TopicName: "Key concepts of service management", Bloom: 1},
		{Type: quiz.TypeIdentify, Stem: "Which is NOT one of the four dimensions?\nPick one.",
			Options: [4]string{"Organizations and people", "Value streams and processes", "Partners and suppliers", "Governance «and» risk"}, Answer: 3,
			Explanation: "The four dimensions are: organizations and people; information and technology; partners and suppliers; value streams and processes.",
			Source:      "source/02-four-dimensions/overview.md:7", Topic: "four-dimensions",
			TopicName: "Dimensions/perspectives", Bloom: 2},
		{Type: quiz.TypeScenario, Stem: "Which statement about the service value chain is correct? " + strings.Repeat("It is long. ", 10),
			Options: [4]string{"It has six activities", "It has five activities", "It has seven activities", strings.Repeat("x", 80)}, Answer: 0,
			Explanation: "", Source: "", Topic: "", Bloom: 2},
		{Type: quiz.TypeSequence, Stem: "Which is NOT a guiding principle?",
			Options: [4]string{"Focus on value", "Start where you are", "Keep it simple and practical", "Automate everything first"}, Answer: 3,
			Explanation: "Optimize and automate is a principle; automating everything first is not.",
			Source:      "source/04-guiding-principles/list.md:20", Topic: "guiding-principles",
			TopicName: "The ITIL guiding principles", Bloom: 2},
	}
	for i := range qs {
		q := &qs[i]
		q.ID = quiz.ContentID(q.Type, q.Stem, q.Key(), q.Options[:])
	}
	return &quiz.Bank{
		Questions: qs,
		Generated: map[string]int{quiz.TypeDefinition: 3, quiz.TypeMissingWord: 2, quiz.TypeIdentify: 1, quiz.TypeScenario: 4, quiz.TypeSequence: 1},
		Dropped:   map[string]int{"ambiguous-key": 3, "too-similar": 2, "answer-in-stem": 1},
		Coverage: []quiz.Coverage{
			{Area: "key-concepts", Name: "Key concepts of service management", Weight: 12.5, Approximate: true, Questions: 2, Untested: []string{"outcome", "utility"}},
			{Area: "four-dimensions", Name: "Dimensions/perspectives", Weight: 5, Questions: 1},
			{Area: "guiding-principles", Name: "The ITIL guiding principles", Questions: 0, Untested: []string{"collaborate and promote visibility"}},
		},
		Variants: []quiz.Question{{Type: quiz.TypeMissingWord, Stem: "Identify the missing word(s) in the following sentence.\nA [?] is a result.",
			Options: [4]string{"Outcome", "Output", "Cost", "Risk"}, Source: "source/01-key-concepts/value.md:13", Topic: "key-concepts", Bloom: 1, ID: "Qvariant"}},
		Syllabus:     "ITIL 4 Foundation",
		SyllabusNote: "Weights are approximate.",
	}
}

type bankWriter func(*bytes.Buffer, *quiz.Bank) error

var textWriters = map[string]bankWriter{
	"questions.csv":       func(b *bytes.Buffer, bank *quiz.Bank) error { return writeCSV(b, bank, QuizOptions{}) },
	"questions.gift":      func(b *bytes.Buffer, bank *quiz.Bank) error { return writeGIFT(b, bank, QuizOptions{}) },
	"questions.xml":       func(b *bytes.Buffer, bank *quiz.Bank) error { return writeMoodleXML(b, bank, QuizOptions{}) },
	"questions.aiken.txt": func(b *bytes.Buffer, bank *quiz.Bank) error { return writeAiken(b, bank, QuizOptions{}) },
	"questions.md":        func(b *bytes.Buffer, bank *quiz.Bank) error { return writeWorksheet(b, bank, QuizOptions{}) },
	"questions.anki.txt":  func(b *bytes.Buffer, bank *quiz.Bank) error { return writeAnki(b, bank, QuizOptions{}) },
}

func TestQuestionTextFormatsGolden(t *testing.T) {
	for _, name := range sortedKeys(textWriters) {
		t.Run(name, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := textWriters[name](&a, testBank()); err != nil {
				t.Fatal(err)
			}
			if err := textWriters[name](&b, testBank()); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatal("two writes differ")
			}
			golden(t, name+".golden", a.Bytes())
		})
	}
}

func TestQuestionsEmptyBank(t *testing.T) {
	for _, f := range questionFormats {
		var buf bytes.Buffer
		if _, err := Questions(&buf, f.format, &quiz.Bank{}, QuizOptions{}); err != nil {
			t.Errorf("%s: %v", f.format, err)
		}
	}
}

func TestQuestionFormat(t *testing.T) {
	for path, want := range map[string]string{
		"out/questions.xlsx": "xlsx", "Q.XLSX": "xlsx", "q.kahoot.xlsx": "kahoot", "q.csv": "csv", "q.gift": "gift",
		"q.xml": "moodle", "q.aiken.txt": "aiken", "q.md": "worksheet",
	} {
		if got, err := QuestionFormat(path); got != want || err != nil {
			t.Errorf("QuestionFormat(%q) = %q, %v, want %q", path, got, err, want)
		}
	}
	for _, path := range []string{"q.txt", "q", "q.json", "xlsx"} {
		if _, err := QuestionFormat(path); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("QuestionFormat(%q): err = %v", path, err)
		}
	}
}

// TestQuestionsPicksTheWriter: Questions writes what the format's own
// writer writes.
func TestQuestionsPicksTheWriter(t *testing.T) {
	var got, want bytes.Buffer
	if _, err := Questions(&got, "gift", testBank(), QuizOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := writeGIFT(&want, testBank(), QuizOptions{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatal("Questions in gift differs from writeGIFT")
	}
	if _, err := Questions(&got, "pdf", testBank(), QuizOptions{}); err == nil {
		t.Error("Questions wrote a format it has no writer for")
	}
}

func TestCSVRoundTrip(t *testing.T) {
	bank := testBank()
	var buf bytes.Buffer
	if err := writeCSV(&buf, bank, QuizOptions{}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(bank.Questions)+1 || strings.Join(rows[0], ",") != strings.Join(questionColumns, ",") {
		t.Fatalf("%d rows, header %v", len(rows), rows[0])
	}
	for i, q := range bank.Questions {
		want := questionRow(q)
		for j, cell := range rows[i+1] {
			if neutralise(want[j]) != want[j] {
				if cell != "'"+want[j] {
					t.Errorf("row %d col %s: %q not neutralised", i, questionColumns[j], cell)
				}
				continue
			}
			if cell != want[j] {
				t.Errorf("row %d col %s = %q, want %q", i, questionColumns[j], cell, want[j])
			}
		}
	}
}

// A topic's name makes one GIFT category line whatever it holds.
func TestCategoryOneLine(t *testing.T) {
	q := quiz.Question{TopicName: "Value\nstreams\x00 and/or  practices\r"}
	if got, want := category("$course$/ITIL", q), "$course$/ITIL/Value streams and-or practices"; got != want {
		t.Errorf("category = %q, want %q", got, want)
	}
}

// TestNeutralise: the cells a spreadsheet could read as a formula get a
// single quote, after OWASP's CSV injection guidance (= + - @, tab, carriage
// return, NUL first) and the forms that slipped past it: fullwidth signs,
// and signs after spaces a spreadsheet trims on import.
func TestNeutralise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=1+1", "'=1+1"}, {"+44", "'+44"}, {"-x", "'-x"}, {"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"}, {"\rx", "'\rx"}, {"\nx", "'\nx"}, {"\x00x", "'\x00x"}, {"\x7fx", "'\x7fx"},
		{"\u0085x", "'\u0085x"}, // a C1 control
		{"\uFF1D1+1", "'\uFF1D1+1"}, {"\uFF0B1", "'\uFF0B1"}, {"\uFF0D1", "'\uFF0D1"}, {"\uFF20SUM", "'\uFF20SUM"},
		{" =x", "' =x"}, {"   +x", "'   +x"}, {"\u00a0=x", "'\u00a0=x"}, {"\u3000\uFF1Dx", "'\u3000\uFF1Dx"},
		{"\ufeff=x", "'\ufeff=x"}, {"\u200b@x", "'\u200b@x"}, {" \t-x", "' \t-x"},
		// Text stays as it is.
		{"", ""}, {"a=b", "a=b"}, {"'quoted", "'quoted"}, {" x", " x"}, {"\u00a0x", "\u00a0x"}, {" ", " "},
		{"1-2", "1-2"}, {"x\t", "x\t"}, {"Élan", "Élan"}, {"\u201c=\u201d", "\u201c=\u201d"}, {"\u2212x", "\u2212x"},
	}
	for _, tt := range tests {
		if got := neutralise(tt.in); got != tt.want {
			t.Errorf("neutralise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// readGIFT is a small GIFT reader for the subset writeGIFT writes.
func readGIFT(t *testing.T, src string) (cats []string, qs []quiz.Question) {
	t.Helper()
	unescape := func(s string) string {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			if s[i] == '\\' && i+1 < len(s) {
				i++
				if s[i] == 'n' {
					b.WriteByte('\n')
					continue
				}
			}
			b.WriteByte(s[i])
		}
		return b.String()
	}
	// split cuts s at the first unescaped sep.
	split := func(s, sep string) (string, string, bool) {
		for i := 0; i+len(sep) <= len(s); i++ {
			if s[i] == '\\' {
				i++
				continue
			}
			if strings.HasPrefix(s[i:], sep) {
				return s[:i], s[i+len(sep):], true
			}
		}
		return s, "", false
	}
	var cur *quiz.Question
	options := 0
	sc := bufio.NewScanner(strings.NewReader(src))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "$CATEGORY: "):
			cats = append(cats, strings.TrimPrefix(line, "$CATEGORY: "))
		case strings.HasPrefix(line, "//"), line == "":
		case strings.HasPrefix(line, "::"):
			id, rest, ok := split(line[2:], "::")
			stem, open, ok2 := split(rest, "{")
			if !ok || !ok2 || open != "" {
				t.Fatalf("bad question line %q", line)
			}
			qs = append(qs, quiz.Question{ID: unescape(id), Stem: unescape(strings.TrimSuffix(stem, " ")), Answer: -1})
			cur, options = &qs[len(qs)-1], 0
		case line == "}":
			cur = nil
		case cur != nil && strings.HasPrefix(line, "\t####"):
			cur.Explanation = unescape(strings.TrimPrefix(line, "\t####"))
		case cur != nil && (strings.HasPrefix(line, "\t=") || strings.HasPrefix(line, "\t~")):
			if options == 4 {
				t.Fatalf("more than four options at %q", line)
			}
			for _, sep := range []string{"~", "=", "{", "}", "#"} {
				if _, _, cut := split(line[2:], sep); cut {
					t.Fatalf("unescaped %s in %q", sep, line)
				}
			}
			cur.Options[options] = unescape(line[2:])
			if line[1] == '=' {
				cur.Answer = options
			}
			options++
		default:
			t.Fatalf("unexpected GIFT line %q", line)
		}
	}
	return cats, qs
}

func TestGIFTRoundTrip(t *testing.T) {
	bank := testBank()
	var buf bytes.Buffer
	if err := writeGIFT(&buf, bank, QuizOptions{}); err != nil {
		t.Fatal(err)
	}
	cats, got := readGIFT(t, buf.String())
	wantCats := []string{"itilint/Key concepts of service management", "itilint/Dimensions-perspectives", "itilint", "itilint/The ITIL guiding principles"}
	if strings.Join(cats, "|") != strings.Join(wantCats, "|") {
		t.Errorf("categories %q, want %q", cats, wantCats)
	}
	byID := map[string]quiz.Question{}
	for _, q := range got {
		byID[q.ID] = q
	}
	for _, q := range bank.Questions {
		g, ok := byID[q.ID]
		if !ok {
			t.Fatalf("question %s missing", q.ID)
		}
		if g.Stem != giftText(q.Stem) || g.Answer != q.Answer || g.Explanation != giftText(q.Explanation) {
			t.Errorf("%s: got %+v", q.ID, g)
		}
		for i := range q.Options {
			if g.Options[i] != giftText(q.Options[i]) {
				t.Errorf("%s option %d = %q, want %q", q.ID, i, g.Options[i], q.Options[i])
			}
		}
	}
}

// giftText is what GIFT keeps of a text: its non-blank lines, spaces
// collapsed.
func giftText(s string) string { return strings.Join(textLines(s), "\n") }

// readAiken is a small Aiken reader, strict about the layout.
func readAiken(t *testing.T, src string) []quiz.Question {
	t.Helper()
	var qs []quiz.Question
	blocks := strings.Split(strings.TrimSuffix(src, "\n"), "\n\n")
	for _, b := range blocks {
		lines := strings.Split(b, "\n")
		if len(lines) != 6 {
			t.Fatalf("question of %d lines: %q", len(lines), b)
		}
		q := quiz.Question{Stem: lines[0]}
		for i := 0; i < 4; i++ {
			opt, ok := strings.CutPrefix(lines[1+i], letters[i]+". ")
			if !ok {
				t.Fatalf("bad option line %q", lines[1+i])
			}
			q.Options[i] = opt
		}
		ans, ok := strings.CutPrefix(lines[5], "ANSWER: ")
		if !ok || len(ans) != 1 || ans[0] < 'A' || ans[0] > 'D' {
			t.Fatalf("bad answer line %q", lines[5])
		}
		q.Answer = int(ans[0] - 'A')
		qs = append(qs, q)
	}
	return qs
}

func TestAikenRoundTrip(t *testing.T) {
	bank := testBank()
	var buf bytes.Buffer
	if err := writeAiken(&buf, bank, QuizOptions{}); err != nil {
		t.Fatal(err)
	}
	got := readAiken(t, buf.String())
	if len(got) != len(bank.Questions) {
		t.Fatalf("%d questions, want %d", len(got), len(bank.Questions))
	}
	for i, q := range bank.Questions {
		if got[i].Stem != flat(q.Stem) || got[i].Answer != q.Answer || got[i].Key() != flat(q.Key()) {
			t.Errorf("question %d = %+v", i, got[i])
		}
	}
}

func TestMoodleXMLRoundTrip(t *testing.T) {
	bank := testBank()
	var buf bytes.Buffer
	if err := writeMoodleXML(&buf, bank, QuizOptions{}); err != nil {
		t.Fatal(err)
	}
	var doc moodleQuiz
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	var got []moodleQuestion
	cats := 0
	for _, q := range doc.Questions {
		switch q.Type {
		case "category":
			cats++
			if !strings.HasPrefix(q.Category.Text, "$course$/top/itilint") {
				t.Errorf("category %q", q.Category.Text)
			}
		case "multichoice":
			got = append(got, q)
		default:
			t.Errorf("question type %q", q.Type)
		}
	}
	if cats != 4 || len(got) != len(bank.Questions) {
		t.Fatalf("%d categories, %d questions", cats, len(got))
	}
	byID := map[string]moodleQuestion{}
	for _, q := range got {
		byID[q.IDNumber] = q
	}
	for _, q := range bank.Questions {
		m := byID[q.ID]
		if m.Name.Text != q.ID || m.QuestionText.Text != q.Stem || m.GeneralFeedback.Text != q.Explanation ||
			m.Single != "true" || m.ShuffleAnswers != "0" || len(m.Answers) != 4 {
			t.Errorf("%s: got %+v", q.ID, m)
			continue
		}
		for i, a := range m.Answers {
			wantFraction := "0"
			if i == q.Answer {
				wantFraction = "100"
			}
			if a.Text != q.Options[i] || a.Fraction != wantFraction {
				t.Errorf("%s answer %d = %+v", q.ID, i, a)
			}
		}
		var tags []string
		for _, tag := range m.Tags.Tags {
			tags = append(tags, tag.Text)
		}
		if want := strings.TrimPrefix(fmt.Sprintf("%s,%s,bloom-%d", q.Topic, q.Type, q.Bloom), ","); strings.Join(tags, ",") != want {
			t.Errorf("%s tags %v, want %s", q.ID, tags, want)
		}
	}
}

func TestWorksheetHasAnswerKey(t *testing.T) {
	bank := testBank()
	var buf bytes.Buffer
	if err := writeWorksheet(&buf, bank, QuizOptions{Title: "Mock *exam*"}); err != nil {
		t.Fatal(err)
	}
	qs, key, ok := strings.Cut(buf.String(), "\n## Answer key\n")
	if !ok || !strings.HasPrefix(qs, `# Mock \*exam\*`) {
		t.Fatalf("no title or answer key:\n%s", buf.String())
	}
	for i, q := range bank.Questions {
		if !strings.Contains(qs, fmt.Sprintf("\n%d. ", i+1)) {
			t.Errorf("question %d missing", i+1)
		}
		if strings.Contains(qs, q.ID) {
			t.Errorf("question %d shows its ID before the key", i+1)
		}
		if !strings.Contains(key, fmt.Sprintf("\n%d. **%s**", i+1, q.AnswerLetter())) || !strings.Contains(key, q.ID) {
			t.Errorf("answer %d missing from the key", i+1)
		}
	}
}

// readSheet returns the rows of a sheet of an xlsx.
func readSheet(t *testing.T, data []byte, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestXLSXRoundTrip(t *testing.T) {
	bank := testBank()
	var a, b bytes.Buffer
	if err := writeXLSX(&a, bank, QuizOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := writeXLSX(&b, testBank(), QuizOptions{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two writes of the same bank differ")
	}
	f, err := excelize.OpenReader(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), "|"); got != "Questions|Answer key|Coverage|Summary|Variants" {
		t.Errorf("sheets %s", got)
	}
	checkXLSXQuestions(t, f, bank)
	checkXLSXQuestionsSheet(t, f, bank)
	checkXLSXAnswerKey(t, f, bank)
	checkXLSXReports(t, f, bank)
}

// checkXLSXQuestions checks the learners' sheet: a row per question with
// its stem and options, and no answer, explanation or source.
func checkXLSXQuestions(t *testing.T, f *excelize.File, bank *quiz.Bank) {
	t.Helper()
	rows, _ := f.GetRows("Questions")
	if len(rows) != len(bank.Questions)+1 || strings.Join(rows[0], "|") != strings.Join(learnerColumns, "|") {
		t.Fatalf("%d rows, header %v", len(rows), rows[0])
	}
	for i, q := range bank.Questions {
		want := []string{fmt.Sprint(i + 1), q.Stem, q.Options[0], q.Options[1], q.Options[2], q.Options[3]}
		got := append(rows[i+1], make([]string, len(want))...)[:len(want)]
		for j := range want {
			if got[j] != want[j] {
				t.Errorf("Questions row %d %s = %q, want %q", i+2, learnerColumns[j], got[j], want[j])
			}
		}
		for _, cell := range rows[i+1] {
			if q.Explanation != "" && cell == q.Explanation || q.Source != "" && cell == q.Source || cell == q.ID {
				t.Errorf("Questions row %d gives away %q", i+2, cell)
			}
		}
	}
}

// checkXLSXQuestionsSheet checks how the learners' sheet is set up:
// formula-like text stored as text, the header frozen, the answer column
// validated, and the document's properties.
func checkXLSXQuestionsSheet(t *testing.T, f *excelize.File, bank *quiz.Bank) {
	t.Helper()
	for r := 2; r <= len(bank.Questions)+1; r++ {
		for c := 1; c <= len(questionColumns); c++ {
			cell, _ := excelize.CoordinatesToCellName(c, r)
			if formula, _ := f.GetCellFormula("Questions", cell); formula != "" {
				t.Errorf("%s holds formula %q", cell, formula)
			}
		}
	}
	if v, _ := f.GetCellValue("Questions", "D3"); v != `=HYPERLINK("http://x")` {
		t.Errorf("D3 = %q", v)
	}
	if typ, _ := f.GetCellType("Questions", "D3"); typ != excelize.CellTypeInlineString {
		t.Errorf("D3 type %v, want inline string", typ)
	}
	panes, err := f.GetPanes("Questions")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v %v", panes, err)
	}
	dvs, err := f.GetDataValidations("Questions")
	if err != nil || len(dvs) != 1 || dvs[0].Sqref != fmt.Sprintf("G2:G%d", len(bank.Questions)+1) || dvs[0].Formula1 != `"A,B,C,D"` {
		t.Errorf("data validation %+v %v", dvs, err)
	}
	props, err := f.GetDocProps()
	if err != nil || props.Creator != "itilint" || props.Created != "2024-01-01T00:00:00Z" || props.Title != defaultQuizTitle {
		t.Errorf("doc props %+v %v", props, err)
	}
}

// checkXLSXAnswerKey checks the answer key: a row per question with its
// ID, answer, explanation and source.
func checkXLSXAnswerKey(t *testing.T, f *excelize.File, bank *quiz.Bank) {
	t.Helper()
	key, _ := f.GetRows("Answer key")
	for i, q := range bank.Questions {
		if key[i+1][0] != fmt.Sprint(i+1) || key[i+1][1] != q.ID || key[i+1][2] != q.AnswerLetter() || key[i+1][3] != q.Key() ||
			key[i+1][4] != q.Explanation || key[i+1][5] != q.Source {
			t.Errorf("answer key row %d = %v", i+2, key[i+1])
		}
	}
}

// checkXLSXReports checks the coverage, variants and summary sheets.
func checkXLSXReports(t *testing.T, f *excelize.File, bank *quiz.Bank) {
	t.Helper()
	cov, _ := f.GetRows("Coverage")
	if len(cov) < len(bank.Coverage)+1 || cov[1][0] != "key-concepts" || cov[1][2] != "≈ 12.5" || cov[1][3] != "2" || cov[1][5] != "outcome, utility" ||
		cov[3][5] != "GAP: collaborate and promote visibility" || !strings.Contains(fmt.Sprint(cov), "Weights are approximate.") {
		t.Errorf("coverage %v", cov)
	}
	variants, _ := f.GetRows("Variants")
	if len(variants) != 2 || variants[1][0] != "Qvariant" {
		t.Errorf("variants %v", variants)
	}
	sum, _ := f.GetRows("Summary")
	flatSum := fmt.Sprint(sum)
	for _, want := range []string{"[definition 3 1]", "[scenario 4 1]", "[Total 11 5]", "This bank holds 5 questions; 1 variant is on", "[ambiguous-key 3]", "[Dropped by Questions]"} {
		if !strings.Contains(flatSum, want) {
			t.Errorf("summary %v lacks %s", sum, want)
		}
	}
}

func TestXLSXZipIsSorted(t *testing.T) {
	var buf bytes.Buffer
	if err := writeXLSX(&buf, testBank(), QuizOptions{}); err != nil {
		t.Fatal(err)
	}
	names := zipNames(t, buf.Bytes())
	if !sortedStrings(names) || names[0] != "[Content_Types].xml" {
		t.Errorf("zip entries not sorted: %v", names)
	}
}

func TestKahoot(t *testing.T) {
	bank := testBank()
	var a, b bytes.Buffer
	skipped, err := writeKahoot(&a, bank, QuizOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := writeKahoot(&b, bank, QuizOptions{}); err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatalf("two writes differ (%v)", err)
	}
	if len(skipped) != 1 || !skipped[0].LeftOut || !strings.Contains(skipped[0].String(), bank.Questions[3].ID) || !strings.Contains(skipped[0].Why, "question is 177 characters") {
		t.Fatalf("skipped %q", skipped)
	}
	rows := readSheet(t, a.Bytes(), "Sheet1")
	header := rows[kahootHeaderRow-1]
	if strings.Join(header[1:], "|") != strings.Join(kahootColumns, "|") {
		t.Fatalf("header %q", header)
	}
	data := rows[kahootHeaderRow:]
	if len(data) != len(bank.Questions)-1 {
		t.Fatalf("%d questions, want %d", len(data), len(bank.Questions)-1)
	}
	kept := append(append([]quiz.Question(nil), bank.Questions[:3]...), bank.Questions[4:]...)
	for i, q := range kept {
		want := []string{fmt.Sprint(i + 1), flat(q.Stem), flat(q.Options[0]), flat(q.Options[1]), flat(q.Options[2]), flat(q.Options[3]), "20", fmt.Sprint(q.Answer + 1)}
		if strings.Join(data[i], "|") != strings.Join(want, "|") {
			t.Errorf("row %d = %q, want %q", i, data[i], want)
		}
	}
}

func TestQuestionsReturnsKahootWarnings(t *testing.T) {
	warnings, err := Questions(&bytes.Buffer{}, "kahoot", testBank(), QuizOptions{})
	if err != nil || len(warnings) != 1 {
		t.Fatalf("warnings %q, err %v", warnings, err)
	}
}

func BenchmarkWriteXLSX(b *testing.B) {
	bank := bigBank(10000)
	var buf bytes.Buffer
	if err := writeXLSX(&buf, bank, QuizOptions{}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		buf.Reset()
		if err := writeXLSX(&buf, bank, QuizOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// bigBank repeats the test bank's questions with numbered stems.
func bigBank(n int) *quiz.Bank {
	base := testBank()
	bank := &quiz.Bank{Generated: base.Generated, Dropped: base.Dropped, Coverage: base.Coverage}
	for i := 0; i < n; i++ {
		q := base.Questions[i%len(base.Questions)]
		q.Stem = fmt.Sprintf("%d. %s", i+1, q.Stem)
		q.ID = quiz.ContentID(q.Type, q.Stem, q.Key(), q.Options[:])
		bank.Questions = append(bank.Questions, q)
	}
	return bank
}

func zipNames(t *testing.T, data []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(fixedTime) && f.ModifiedDate != 22561 {
			t.Errorf("%s modified %v", f.Name, f.Modified)
		}
	}
	return names
}

func sortedStrings(s []string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] < s[i-1] {
			return false
		}
	}
	return true
}

func TestMarkdownLineEscapes(t *testing.T) {
	for in, want := range map[string]string{
		"1. ITIL 4 is a framework": `1\. ITIL 4 is a framework`,
		"12) twelve":               `12\) twelve`,
		"- bullet":                 `\- bullet`,
		"+ plus":                   `\+ plus`,
		"-5 degrees":               "-5 degrees",
		"2024 was a year":          "2024 was a year",
		"a *b* <c>":                `a \*b\* \<c\>`,
	} {
		if got := mdLine(in); got != want {
			t.Errorf("mdLine(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWorksheetRenders renders the worksheet with goldmark: one ordered
// list of questions, each item holding its four options as a list of its
// own (from question 10 on too, whose marker is a character wider), and
// one ordered list of answers, whatever the question text holds.
func TestWorksheetRenders(t *testing.T) {
	bank := testBank()
	bank.Questions = append(bank.Questions, quiz.Question{ID: "Q2", Type: quiz.TypeIdentify,
		Stem:    "Which TWO statements are CORRECT?\n1. The SVS has *five* components.\n2. - not a bullet\n3) <b>bold</b>\n+ 4",
		Options: [4]string{"1 and 2", "2 and 3", "1 and 4", "3 and 4"}, Answer: 2, Explanation: "See [the SVS](x) & more."})
	for len(bank.Questions) < 105 {
		q := bank.Questions[len(bank.Questions)%5]
		q.Stem += fmt.Sprintf(" (%d)", len(bank.Questions))
		bank.Questions = append(bank.Questions, q)
	}
	var buf bytes.Buffer
	if err := writeWorksheet(&buf, bank, QuizOptions{}); err != nil {
		t.Fatal(err)
	}
	src := buf.Bytes()
	doc := goldmark.DefaultParser().Parse(text.NewReader(src))
	var lists []*ast.List
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if l, ok := n.(*ast.List); ok {
			lists = append(lists, l)
		}
	}
	if len(lists) != 2 || !lists[0].IsOrdered() || !lists[1].IsOrdered() {
		t.Fatalf("%d top-level lists, want the questions and the answers", len(lists))
	}
	if n := lists[0].ChildCount(); n != len(bank.Questions) {
		t.Errorf("question list has %d items, want %d", n, len(bank.Questions))
	}
	if n := lists[1].ChildCount(); n != len(bank.Questions) {
		t.Errorf("answer list has %d items, want %d", n, len(bank.Questions))
	}
	i := 0
	for item := lists[0].FirstChild(); item != nil; item = item.NextSibling() {
		i++
		var opts *ast.List
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			if l, ok := c.(*ast.List); ok {
				opts = l
			}
		}
		if opts == nil || opts.IsOrdered() || opts.ChildCount() != 4 {
			t.Errorf("question %d: options are not a list of four in the item", i)
		}
	}
	var html bytes.Buffer
	if err := goldmark.Convert(src, &html); err != nil {
		t.Fatal(err)
	}
	h := html.String()
	for _, bad := range []string{"<em>", "<b>", "<a href"} {
		if strings.Contains(h, bad) {
			t.Errorf("question text became markup %s:\n%s", bad, h)
		}
	}
	if !strings.Contains(h, "Which TWO statements are CORRECT?<br>\n1. The SVS has *five* components.<br>") {
		t.Errorf("statements not on their own lines:\n%s", h)
	}
}

// TestAnkiParsesBack reads the Anki export as Anki's importer does: the
// header lines, then tab-separated notes with quoted fields.
func TestAnkiParsesBack(t *testing.T) {
	bank := testBank()
	var buf bytes.Buffer
	if err := writeAnki(&buf, bank, QuizOptions{Title: "My deck"}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, h := range []string{"#separator:tab\n", "#html:false\n", "#deck:My deck\n", "#tags column:3\n"} {
		if !strings.Contains(out, h) {
			t.Errorf("no header %q in\n%s", h, out)
		}
	}
	r := csv.NewReader(strings.NewReader(out))
	r.Comma, r.Comment = '\t', '#'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(bank.Questions) {
		t.Fatalf("%d notes, want %d", len(recs), len(bank.Questions))
	}
	for i, q := range bank.Questions {
		front, back, tags := recs[i][0], recs[i][1], recs[i][2]
		if !strings.HasPrefix(front, flat(strings.Split(q.Stem, "\n")[0])) || !strings.Contains(front, "\nD. "+flat(q.Options[3])) {
			t.Errorf("front %q", front)
		}
		if !strings.HasPrefix(back, q.AnswerLetter()+". "+flat(q.Key())) || !strings.Contains(back, q.ID) {
			t.Errorf("back %q", back)
		}
		if !strings.Contains(tags, q.Type) || strings.Contains(tags, "  ") {
			t.Errorf("tags %q", tags)
		}
	}
}

// TestXLSXColumnsAscending checks the <col> elements of every sheet come in
// ascending order, which Excel requires.
func TestXLSXColumnsAscending(t *testing.T) {
	for name, write := range map[string]func(*bytes.Buffer) error{
		"xlsx":   func(b *bytes.Buffer) error { return writeXLSX(b, testBank(), QuizOptions{}) },
		"kahoot": func(b *bytes.Buffer) error { _, err := writeKahoot(b, testBank(), QuizOptions{}); return err },
	} {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if !strings.HasPrefix(f.Name, "xl/worksheets/") {
				continue
			}
			r, _ := f.Open()
			var ws struct {
				Cols []struct {
					Min int `xml:"min,attr"`
				} `xml:"cols>col"`
			}
			if err := xml.NewDecoder(r).Decode(&ws); err != nil {
				t.Fatal(err)
			}
			r.Close()
			for i, c := range ws.Cols {
				if c.Min != i+1 {
					t.Errorf("%s %s: column %d is <col min=%d>", name, f.Name, i+1, c.Min)
				}
			}
			if len(ws.Cols) == 0 {
				t.Errorf("%s %s: no column widths", name, f.Name)
			}
		}
	}
}

// TestKahootShortensFromThePack: a question whose answers are too long
// for Kahoot! goes in with the shorter wordings the bank gives for them,
// and says so; without them it stays out.
func TestKahootShortensFromThePack(t *testing.T) {
	long := strings.Repeat("a long definition ", 5)
	q := quiz.Question{ID: "Qshort", Type: quiz.TypeDefinition, Stem: "Which is the definition of an output?",
		Options: [4]string{long + "1", long + "2", long + "3", long + "4"}, Answer: 2,
		Short: []string{"A deliverable of an activity", "A result for a stakeholder", "Money spent on an activity", "A possible event that harms"}}
	bank := &quiz.Bank{Questions: []quiz.Question{q}}
	var buf bytes.Buffer
	warnings, err := writeKahoot(&buf, bank, QuizOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || warnings[0].LeftOut || !strings.Contains(warnings[0].String(), "answers shortened for Kahoot!") {
		t.Errorf("warnings %v", warnings)
	}
	if rows := readSheet(t, buf.Bytes(), "Sheet1"); !strings.Contains(fmt.Sprint(rows), "Money spent on an activity") {
		t.Errorf("the shortened answers are not in the file: %v", rows)
	}
	q.Short[1] = ""
	bank.Questions[0] = q
	warnings, err = writeKahoot(&bytes.Buffer{}, bank, QuizOptions{})
	if err != nil || len(warnings) != 1 || !warnings[0].LeftOut || !strings.Contains(warnings[0].String(), ": left out of Kahoot!: answer A is 91 characters") {
		t.Errorf("a question with one answer too long and no short form: %v %v", warnings, err)
	}
}
