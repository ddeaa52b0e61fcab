package emit

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"encoding/json"
	"encoding/xml"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
)

// trickyStrings are messages and replacements every escaper must get
// right: quotes, markup, control characters, invalid UTF-8, the line and
// paragraph separators, characters XML cannot hold.
var trickyStrings = []string{
	"", "plain", `"quoted" and 'single'`, "<br> & <tags>", "tab\there", "line\nbreak\r\nand CR\r",
	"bell\x07 nul\x00 esc\x1b del\x7f", "bad \xff utf-8 \xc3", "sep\u2028para\u2029", "«non-ASCII» é ✓ 🙂",
	"\ufffd replacement", "\ufffe\uffff not XML", "back\\slash /slash", "100% sure, a:b", "\b\f",
}

func randomString(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(3) + 1 {
		b.WriteString(trickyStrings[r.IntN(len(trickyStrings))])
	}
	return b.String()
}

// randomFiles is a run of n files: notes with findings of every kind,
// fixes of one to three edits, clean notes, unreadable files and late
// findings.
func randomFiles(r *rand.Rand, n int) []result.File {
	var files []result.File
	// An ID that needs escaping holds the json writer's doc_url to the
	// reference too.
	ids := []string{"double-space", "term-wrong-form", "list-count", "not-in-rules", "odd\"<id>\\\u2028\x01"}
	for i := range n {
		path := "notes/" + string(rune('a'+i%26)) + "/n" + strings.Repeat("x", i%3) + randomPathPart(r) + ".md"
		switch r.IntN(6) {
		case 0:
			msg := randomString(r)
			if r.IntN(2) == 0 {
				msg = path + ":" + string(rune('1'+r.IntN(9))) + ":2: " + msg
			}
			files = append(files, result.File{Path: path, Err: errors.New(msg)})
			continue
		case 1:
			files = append(files, result.File{Path: path, Note: note.New(path, []byte("Fine.\n"))})
			continue
		}
		var text strings.Builder
		for range r.IntN(20) + 1 {
			text.WriteString(strings.Repeat("word é ", r.IntN(10)) + "\n")
		}
		n := note.New(path, []byte(text.String()))
		var fs []rule.Finding
		for range r.IntN(8) {
			start := r.IntN(len(n.Text) + 1)
			end := min(len(n.Text), start+r.IntN(30))
			x := rule.Finding{Rule: ids[r.IntN(len(ids))], Severity: rule.Severity(r.IntN(3) + 1), Message: randomString(r), Start: start, End: end}
			if r.IntN(3) > 0 {
				fix := &rule.Fix{Kind: rule.FixKind(r.IntN(3)), Message: randomString(r)}
				if r.IntN(4) == 0 {
					fix.Message = ""
				}
				at := start
				for range r.IntN(3) + 1 {
					e := min(len(n.Text), at+r.IntN(3))
					fix.Edits = append(fix.Edits, edit.Edit{Start: at, End: e, New: randomString(r)})
					at = min(len(n.Text), e+1+r.IntN(3))
				}
				x.Fix = fix
			}
			fs = append(fs, x)
		}
		sortFindings(fs)
		files = append(files, result.File{Path: path, Note: n, Findings: fs})
		if r.IntN(4) == 0 && len(fs) > 0 {
			files = append(files, result.File{Path: path, Note: n, Findings: fs[:1], Late: true})
		}
	}
	return files
}

func randomPathPart(r *rand.Rand) string {
	return []string{"", " space", ",comma", "&amp", "%pct", "«é»", "'q'", `"dq"`, ":colon"}[r.IntN(9)]
}

func sortFindings(fs []rule.Finding) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].Start < fs[j-1].Start; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

// TestFindingWritersMatchReference: every machine format writes, byte for
// byte, what the reflection-based writers wrote.
func TestFindingWritersMatchReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	runs := [][]result.File{nil, testFiles(t)}
	for range 40 {
		runs = append(runs, randomFiles(r, r.IntN(12)))
	}
	for _, format := range FindingFormats {
		if format == "text" {
			continue
		}
		for i, files := range runs {
			var want, got bytes.Buffer
			if err := refFindings(&want, format, files, testRules); err != nil {
				t.Fatal(err)
			}
			if err := writeFindings(&got, format, files, testRules); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				g, w := got.String(), want.String()
				k := 0
				for k < min(len(g), len(w)) && g[k] == w[k] {
					k++
				}
				t.Fatalf("%s, run %d: differs at byte %d:\ngot  %q\nwant %q", format, i, k, g[max(0, k-80):min(len(g), k+80)], w[max(0, k-80):min(len(w), k+80)])
			}
		}
	}
}

// TestAppendEncodersMatchLibraries: the escapers write what encoding/json
// and encoding/xml write, on tricky strings and on every single byte and
// rune boundary case.
func TestAppendEncodersMatchLibraries(t *testing.T) {
	inputs := append([]string{}, trickyStrings...)
	for b := 0; b < 256; b++ {
		inputs = append(inputs, string([]byte{byte(b)}), "a"+string([]byte{byte(b)})+"z")
	}
	for _, r := range []rune{0x7f, 0x80, 0xd7ff, 0xe000, 0xfffd, 0xfffe, 0xffff, 0x10000, 0x10ffff, 0x2028, 0x2029} {
		inputs = append(inputs, string(r))
	}
	inputs = append(inputs, string([]byte{0xed, 0xa0, 0x80}), string(utf8.AppendRune(nil, 0x1f600)[:2]))
	for _, s := range inputs {
		for _, html := range []bool{false, true} {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(html)
			if err := enc.Encode(s); err != nil {
				t.Fatal(err)
			}
			want := strings.TrimSuffix(buf.String(), "\n")
			if got := string(appendJSONString(nil, s, html)); got != want {
				t.Errorf("json %q (html %v): got %s, want %s", s, html, got, want)
			}
		}
		var buf bytes.Buffer
		if err := xml.EscapeText(&buf, []byte(s)); err != nil {
			t.Fatal(err)
		}
		if got := string(appendXMLEscaped(nil, s)); got != buf.String() {
			t.Errorf("xml %q: got %q, want %q", s, got, buf.String())
		}
	}
}
