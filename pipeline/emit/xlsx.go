package emit

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/itilint/itilint/pipeline/quiz"
)

// fixedTime stamps the document properties and zip entries of every xlsx
// we write, so the same bank gives the same bytes.
var fixedTime = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

// A sheet describes one streamed worksheet: its columns and their widths.
type sheet struct {
	name    string
	columns []string
	widths  []float64
}

var (
	questionsSheet = sheet{"Questions", learnerColumns,
		[]float64{6, 60, 30, 30, 30, 30, 12}}
	answerKeySheet = sheet{"Answer key", []string{"No.", "ID", "Answer", "Correct option", "Explanation", "Source", "Type", "Syllabus area"},
		[]float64{6, 13, 9, 40, 60, 30, 13, 30}}
	coverageSheet = sheet{"Coverage", []string{"Area", "Name", "Exam weight (%)", "Questions", "Share of bank (%)", "Untested terms"},
		[]float64{24, 44, 14, 11, 14, 80}}
	variantsSheet = sheet{"Variants", questionColumns,
		[]float64{13, 13, 28, 12, 60, 30, 30, 30, 30, 9, 50, 30}}
	summarySheet = sheet{"Summary", []string{"Type", "Generated", "Kept"},
		[]float64{24, 12, 12}}
)

// xlsxBook wraps an excelize file with our two styles.
type xlsxBook struct {
	f            *excelize.File
	header, body int
	// widths are the column widths of the sheet being streamed, to size
	// rows of wrapped text.
	widths []float64
}

func newBook(title string) (*xlsxBook, error) {
	f := excelize.NewFile()
	b := &xlsxBook{f: f}
	var err error
	if b.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
		Border:    []excelize.Border{{Type: "bottom", Color: "8EA9DB", Style: 1}},
	}); err != nil {
		return nil, err
	}
	if b.body, err = f.NewStyle(&excelize.Style{
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
	}); err != nil {
		return nil, err
	}
	err = f.SetDocProps(&excelize.DocProperties{
		Title:          title,
		Creator:        "itilint",
		LastModifiedBy: "itilint",
		Created:        fixedTime.Format(time.RFC3339),
		Modified:       fixedTime.Format(time.RFC3339),
		Language:       "en",
	})
	return b, err
}

// stream starts a worksheet: it names or adds the sheet, sets the column
// widths, freezes and writes the header row. Widths and panes must come
// before the first row in a stream.
func (b *xlsxBook) stream(s sheet, first bool) (*excelize.StreamWriter, error) {
	if first {
		if err := b.f.SetSheetName(b.f.GetSheetName(0), s.name); err != nil {
			return nil, err
		}
	} else if _, err := b.f.NewSheet(s.name); err != nil {
		return nil, err
	}
	sw, err := b.f.NewStreamWriter(s.name)
	if err != nil {
		return nil, err
	}
	if err := setWidths(sw, s.widths); err != nil {
		return nil, err
	}
	b.widths = s.widths
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return nil, err
	}
	if err := b.row(sw, 1, b.header, s.columns); err != nil {
		return nil, err
	}
	return sw, nil
}

// setWidths sets the width of columns 1, 2, ... Excel wants <col> elements
// in ascending order, and the stream writer puts each new column before
// the ones already set (excelize v2.11.1), so they are set last to first.
func setWidths(sw *excelize.StreamWriter, widths []float64) error {
	for i := len(widths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return err
		}
	}
	return nil
}

// row writes one row. Values are strings or ints: a string is always an
// inline string cell, never a formula, whatever it starts with.
func (b *xlsxBook) row(sw *excelize.StreamWriter, n, style int, values any) error {
	var cells []any
	switch v := values.(type) {
	case []string:
		cells = make([]any, len(v))
		for i, s := range v {
			cells[i] = s
		}
	case []any:
		cells = v
	default:
		return fmt.Errorf("row of %T", values)
	}
	cell, err := excelize.CoordinatesToCellName(1, n)
	if err != nil {
		return err
	}
	return sw.SetRow(cell, cells, excelize.RowOpts{StyleID: style, Height: rowHeight(cells, b.widths)})
}

// rowHeight estimates the height (points) a row of wrapped text needs.
// Spreadsheet programs do not grow rows to fit wrapped text in a file they
// open (LibreOffice draws the lines over the next row; Excel keeps the
// default height), so without it a trainer sees one clipped line per
// question. A column of width w holds about 1.15*w characters of prose.
func rowHeight(cells []any, widths []float64) float64 {
	if len(widths) == 0 {
		return 0
	}
	lines := 1
	for i, c := range cells {
		s, ok := c.(string)
		if !ok || i >= len(widths) {
			continue
		}
		perLine := max(int(widths[i]*1.15), 1)
		n := 0
		for _, part := range strings.Split(s, "\n") {
			n += max((utf8.RuneCountInString(part)+perLine-1)/perLine, 1)
		}
		lines = max(lines, n)
	}
	if lines == 1 {
		return 0 // the default height
	}
	return min(float64(lines)*15+3, 409) // 409 pt: the largest row Excel allows
}

// filter adds an autofilter over the header and rows of a sheet; it must
// be called before the stream is flushed.
func (b *xlsxBook) filter(s sheet, rows int) error {
	last, err := excelize.CoordinatesToCellName(len(s.columns), max(rows, 1))
	if err != nil {
		return err
	}
	return b.f.AutoFilter(s.name, "A1:"+last, nil)
}

// writeXLSX writes the bank as an Excel workbook: sheets Questions (for
// learners: number, question, options and a drop-down of A to D for their
// answer; no key), Answer key (number, ID, key, explanation, source),
// Coverage (per syllabus area: exam weight, questions, untested terms),
// Summary and, when the bank has any, Variants (the questions left out
// because the bank tests their fact already), each with a styled, frozen
// header. The output is byte-identical for the same
// bank: fixed document properties, zip entries sorted by name with fixed
// times.
func writeXLSX(w io.Writer, bank *quiz.Bank, opts QuizOptions) error {
	opts = opts.withDefaults()
	b, err := newBook(opts.Title)
	if err != nil {
		return err
	}
	defer b.f.Close()
	for _, step := range []func(*quiz.Bank) error{b.questions, b.answerKey, b.coverage, b.summary, b.variants} {
		if err := step(bank); err != nil {
			return err
		}
	}
	return b.write(w)
}

func (b *xlsxBook) questions(bank *quiz.Bank) error {
	sw, err := b.stream(questionsSheet, true)
	if err != nil {
		return err
	}
	for i, q := range bank.Questions {
		if err := b.row(sw, i+2, b.body, learnerRow(i+1, q)); err != nil {
			return err
		}
	}
	n := len(bank.Questions)
	if err := b.filter(questionsSheet, n+1); err != nil {
		return err
	}
	if n > 0 {
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("G2:G%d", n+1))
		if err := dv.SetDropList(letters[:]); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "Answer", "The answer is one of A, B, C or D.")
		if err := b.f.AddDataValidation(questionsSheet.name, dv); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func (b *xlsxBook) answerKey(bank *quiz.Bank) error {
	sw, err := b.stream(answerKeySheet, false)
	if err != nil {
		return err
	}
	for i, q := range bank.Questions {
		if err := b.row(sw, i+2, b.body, []any{i + 1, q.ID, q.AnswerLetter(), q.Key(), q.Explanation, q.Source, q.Type, areaName(q)}); err != nil {
			return err
		}
	}
	if err := b.filter(answerKeySheet, len(bank.Questions)+1); err != nil {
		return err
	}
	return sw.Flush()
}

func (b *xlsxBook) coverage(bank *quiz.Bank) error {
	sw, err := b.stream(coverageSheet, false)
	if err != nil {
		return err
	}
	rows := coverageRows(bank)
	for i, r := range rows {
		if err := b.row(sw, i+2, b.body, r); err != nil {
			return err
		}
	}
	if err := b.filter(coverageSheet, len(bank.Coverage)+1); err != nil {
		return err
	}
	return sw.Flush()
}

// coverageRows are the Coverage sheet's rows: one per area, then the
// syllabus and how sure its weights are.
func coverageRows(bank *quiz.Bank) [][]any {
	var rows [][]any
	for _, c := range bank.Coverage {
		weight := "–"
		if c.Weight > 0 {
			weight = strconv.FormatFloat(c.Weight, 'f', -1, 64)
			if c.Approximate {
				weight = "≈ " + weight
			}
		}
		share := "0"
		if n := len(bank.Questions); n > 0 {
			share = strconv.FormatFloat(float64(100*c.Questions)/float64(n), 'f', 1, 64)
		}
		untested := strings.Join(c.Untested, ", ")
		if c.Questions == 0 && untested != "" {
			untested = "GAP: " + untested
		}
		rows = append(rows, []any{c.Area, c.Name, weight, c.Questions, share, untested})
	}
	if bank.Syllabus != "" {
		rows = append(rows, []any{}, []any{"Syllabus", bank.Syllabus}, []any{"Weights", bank.SyllabusNote})
	}
	return rows
}

// variants lists the questions left out of the bank because another
// question tests the same fact or has the same options.
func (b *xlsxBook) variants(bank *quiz.Bank) error {
	if len(bank.Variants) == 0 {
		return nil
	}
	sw, err := b.stream(variantsSheet, false)
	if err != nil {
		return err
	}
	for i, q := range bank.Variants {
		if err := b.row(sw, i+2, b.body, questionRow(q)); err != nil {
			return err
		}
	}
	if err := b.filter(variantsSheet, len(bank.Variants)+1); err != nil {
		return err
	}
	return sw.Flush()
}

// summary lists questions generated and kept by type, then the questions
// dropped by each check.
func (b *xlsxBook) summary(bank *quiz.Bank) error {
	sw, err := b.stream(summarySheet, false)
	if err != nil {
		return err
	}
	n := 2
	kept := keptByType(bank)
	for _, t := range bankTypes(bank) {
		if err := b.row(sw, n, b.body, []any{t, bank.Generated[t], kept[t]}); err != nil {
			return err
		}
		n++
	}
	if err := b.row(sw, n, b.header, []any{"Total", sum(bank.Generated), len(bank.Questions)}); err != nil {
		return err
	}
	n++
	if err := b.row(sw, n, b.body, []any{fmt.Sprintf("This bank holds %s; %s on the Variants sheet.", plural(len(bank.Questions), "question", "questions"), plural(len(bank.Variants), "variant is", "variants are"))}); err != nil {
		return err
	}
	for _, note := range bank.Notes {
		n++
		if err := b.row(sw, n, b.body, []any{note}); err != nil {
			return err
		}
	}
	n += 2
	if err := b.row(sw, n, b.header, []string{"Dropped by", "Questions"}); err != nil {
		return err
	}
	for _, reason := range sortedKeys(bank.Dropped) {
		n++
		if err := b.row(sw, n, b.body, []any{reason, bank.Dropped[reason]}); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// write saves the workbook and rewrites its zip deterministically.
func (b *xlsxBook) write(w io.Writer) error {
	var raw bytes.Buffer
	if err := b.f.Write(&raw); err != nil {
		return err
	}
	return normaliseZip(w, raw.Bytes())
}

// normaliseZip copies a zip archive with its entries sorted by name and
// stamped with fixedTime. excelize writes streamed sheets in map order, so
// without this two writes of the same workbook differ. The compressed data
// is copied as it is, not recompressed.
func normaliseZip(w io.Writer, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	zw := zip.NewWriter(w)
	for _, f := range files {
		h := f.FileHeader
		// CreateRaw writes the MS-DOS time fields as they are (it converts
		// Modified only in CreateHeader).
		h.Modified = time.Time{}
		//lint:ignore SA1019 the deprecated DOS fields are the only way to a fixed time without an extra field
		h.ModifiedDate, h.ModifiedTime = msDosTime(fixedTime)
		h.Extra = nil
		h.Comment = ""
		dst, err := zw.CreateRaw(&h)
		if err != nil {
			return err
		}
		src, err := f.OpenRaw()
		if err != nil {
			return err
		}
		if _, err := io.Copy(dst, src); err != nil {
			return err
		}
	}
	return zw.Close()
}

// msDosTime encodes t (to the even second) as zip's MS-DOS date and time.
func msDosTime(t time.Time) (date, tm uint16) {
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	tm = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, tm
}
