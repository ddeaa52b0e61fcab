package note

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/itilint/itilint/pipeline/testcourse"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name     string
		raw      string
		wantText string
		bom      bool
		crlf     bool
		wantErr  string
	}{
		{"plain", "a\nb\n", "a\nb\n", false, false, ""},
		{"bom crlf", "\xef\xbb\xbfa\r\nb\r\n", "a\nb\n", true, true, ""},
		{"binary", "ab\x00cd", "", false, false, "f.md:1: binary file"},
		{"bad utf8", "ok\nab\xffcd", "", false, false, "f.md:2:3: not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, err := Decode("f.md", []byte(tt.raw))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(n.Text) != tt.wantText || n.BOM != tt.bom || n.CRLF != tt.crlf {
				t.Fatalf("got %q bom=%v crlf=%v", n.Text, n.BOM, n.CRLF)
			}
			if got := string(n.Encode(n.Text)); got != tt.raw {
				t.Fatalf("Encode = %q, want %q", got, tt.raw)
			}
		})
	}
}

func TestPosition(t *testing.T) {
	n, _ := Decode("f.md", []byte("\xef\xbb\xbfé1\r\nab c\r\n"))
	tests := []struct {
		off  int
		want Position
	}{
		{0, Position{1, 1}},
		{2, Position{1, 2}}, // after the two-byte é: one character
		{4, Position{2, 1}},
		{7, Position{2, 4}},
	}
	for _, tt := range tests {
		if got := n.Position(tt.off); got != tt.want {
			t.Errorf("Position(%d) = %v, want %v", tt.off, got, tt.want)
		}
	}
	if n.NumLines() != 2 {
		t.Errorf("NumLines = %d", n.NumLines())
	}
}

// TestLineCursor asks a cursor about every offset forwards, backwards and
// in jumps, and compares each answer with LineOf's search.
func TestLineCursor(t *testing.T) {
	for _, text := range []string{"", "a", "\n", "ab\n\ncd\n", strings.Repeat("line\n\n", 40) + "end"} {
		n := New("f.md", []byte(text))
		var orders [][]int
		var fwd, back, jumps []int
		for off := -1; off <= len(text)+1; off++ {
			fwd = append(fwd, off)
			back = append([]int{off}, back...)
			jumps = append(jumps, (off*37)%(len(text)+2))
		}
		orders = append(orders, fwd, back, jumps)
		for _, order := range orders {
			c := n.Cursor()
			for _, off := range order {
				if got, want := c.LineOf(off), n.LineOf(off); got != want {
					t.Fatalf("%q: cursor.LineOf(%d) = %d, LineOf = %d", text, off, got, want)
				}
			}
		}
	}
}

func TestBlocks(t *testing.T) {
	src := "---\ntitle: x\n---\n# Title\n\nPara one\ncontinues `code` here.\n\n    indented code\n\n```\nfenced\n```\n\n- item text\n\n##\n"
	n := New("t.md", []byte(src))
	var kinds []string
	for _, b := range n.Blocks() {
		kinds = append(kinds, b.Kind.String()+":"+strings.SplitN(src[b.Start:b.End], "\n", 2)[0])
	}
	want := []string{"front matter:---", "heading:# Title", "paragraph:Para one", "code block:    indented code", "fenced code:```", "paragraph:- item text", "heading:##"}
	if strings.Join(kinds, "|") != strings.Join(want, "|") {
		t.Fatalf("blocks:\n got %q\nwant %q", kinds, want)
	}
}

func TestProse(t *testing.T) {
	src := "See `ITIL4` and <b>x</b> at [link](http://itil4.example) or https://x.y/ITIL4 now.\n"
	n := New("t.md", []byte(src))
	var got []string
	for _, s := range n.Prose() {
		got = append(got, src[s.Start:s.End])
	}
	joined := strings.Join(got, "|")
	for _, bad := range []string{"ITIL4", "<b>", "example"} {
		if strings.Contains(joined, bad) {
			t.Errorf("prose %q contains %q", joined, bad)
		}
	}
	if !strings.Contains(joined, "[link") || !strings.Contains(joined, "now.") {
		t.Errorf("prose %q lost text", joined)
	}
}

func FuzzBlocks(f *testing.F) {
	f.Add("# h\n\ntext `x` <a>\n\n    code\n")
	f.Add("---\na: b\n---\n##\n")
	// Nested deeper than goldmark is let read (boundNesting).
	f.Add(strings.Repeat("- ", 300) + "x\n" + strings.Repeat(">", 300) + " y\n")
	f.Add(deepList(120) + strings.Repeat(" ", 300) + "z\n")
	f.Fuzz(func(t *testing.T, s string) {
		n := New("f.md", []byte(s))
		for _, b := range n.Blocks() {
			if b.Start < 0 || b.End > len(s) || b.Start > b.End {
				t.Fatalf("block %+v out of range", b)
			}
		}
		for _, p := range n.Prose() {
			if p.Start < 0 || p.End > len(s) || p.Start > p.End {
				t.Fatalf("prose %+v out of range", p)
			}
		}
	})
}

// blocksWith returns the blocks of src as parser p finds them, after
// scanBlocks when fast.
func blocksWith(p treeParser, fast bool, src string) []Block {
	saved, savedFast := markdown, useFastScan
	defer func() { markdown, useFastScan = saved, savedFast }()
	markdown, useFastScan = p, fast
	return New("x.md", []byte(src)).Blocks()
}

// compareParsers reports where the blocks of src differ from goldmark's
// default parser (inline parsers included): with the block-only goldmark
// parser Blocks uses, and with scanBlocks before it.
func compareParsers(t *testing.T, name, src string) {
	t.Helper()
	full := blocksWith(goldmark.DefaultParser(), false, src)
	if blockOnly := blocksWith(markdown, false, src); !reflect.DeepEqual(blockOnly, full) {
		t.Errorf("%s: blocks differ on %q\nblock-only: %+v\nfull:       %+v", name, src, blockOnly, full)
	}
	if fast := blocksWith(markdown, true, src); !reflect.DeepEqual(fast, full) {
		t.Errorf("%s: blocks differ on %q\nscanned: %+v\nfull:    %+v", name, src, fast, full)
	}
}

// specExamples returns the Markdown of the CommonMark spec examples.
func specExamples(tb testing.TB) []string {
	data, err := os.ReadFile(testcourse.Fixture(tb, "commonmark/spec.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var examples []struct {
		Markdown string `json:"markdown"`
	}
	if err := json.Unmarshal(data, &examples); err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, ex := range examples {
		out = append(out, ex.Markdown)
	}
	return out
}

// realNotes returns the text of the real notes of the repository's
// testdata and of the sample course, by path.
func realNotes(tb testing.TB) map[string]string {
	out := map[string]string{}
	for _, root := range []string{testcourse.Fixture(tb, "real"), "../../source"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".txt") {
				return err
			}
			raw, err := os.ReadFile(p)
			if err != nil {
				tb.Fatal(err)
			}
			if n, err := Decode(p, raw); err == nil {
				out[p] = string(n.Text)
			}
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	if len(out) == 0 {
		tb.Fatal("no real notes found")
	}
	return out
}

// TestBlockParserMatchesFullParser: Blocks, with and without scanBlocks,
// finds the same blocks as goldmark's default parser on every CommonMark spec
// example and on the real notes.
func TestBlockParserMatchesFullParser(t *testing.T) {
	for i, src := range specExamples(t) {
		compareParsers(t, fmt.Sprintf("example %d", i+1), src)
	}
	for path, src := range realNotes(t) {
		compareParsers(t, path, src)
	}
}

// FuzzBlockParser compares Blocks with goldmark's default parser on any
// input, seeded with the spec examples.
func FuzzBlockParser(f *testing.F) {
	for _, src := range specExamples(f) {
		f.Add(src)
	}
	f.Add("- a\n  > b\n  c\n\n      code\n[x]: /u\n===\n")
	f.Add(strings.Repeat("> - ", 120) + "x\n" + deepList(110))
	f.Fuzz(func(t *testing.T, src string) {
		compareParsers(t, "fuzz", src)
	})
}

// FuzzFastBlocks is FuzzBlockParser seeded with notes as they are written
// (paragraphs, headings, lists, indented code), the input scanBlocks reads
// itself rather than leave to goldmark.
func FuzzFastBlocks(f *testing.F) {
	for _, src := range []string{
		"# Title\n\nPara one\ncontinues here.\n\n- item one\n- item two\n  more\nlazy\n\n- loose\n\n  second para\n1. one\n2. two\n",
		"## H ##\ntext\n    not code\n\n    code\n\n      more\n\n\nafter\n* a\n+ b\n- c\n",
		"text\n2. not a list\n1. a list\n10.  wide\n     on\n#no heading\n####### seven\n#\n",
		"- a\n\n\n- b\n  # h\n-\n- c\n\n   d\ne \n",
		"- **bold** item\n- `code` item\n  > quote\n",
		"- a\n1. b\n\n* c\n2) d\n3. e\n  * * *\n+ f\n* * *\n",
		"text\n```go\ncode\n\n  ```\n``` \n~~~~\n  in\n~~~\n~~~~~\n``` a`b\n  ```\n   x\n    ```\n",
	} {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		compareParsers(t, "fuzz", src)
	})
}

// TestPositionCursor: the cursor gives Note.Position for any order of
// offsets, mid-character and past-the-end ones included, on notes with
// long lines, multi-byte characters and transcript line maps.
func TestPositionCursor(t *testing.T) {
	texts := []string{
		"",
		"abc",
		"one\ntwo\n\nthree",
		"héllo wörld — a long line with ünïcödé and more text after it\nsecond line é\n",
		strings.Repeat("é word ", 200) + "\n" + strings.Repeat("x", 50),
	}
	rng := rand.New(rand.NewSource(1))
	for _, text := range texts {
		for _, disk := range []bool{false, true} {
			n := New("x.md", []byte(text))
			if disk {
				for i := 0; i < n.NumLines()+1; i++ {
					n.DiskLines = append(n.DiskLines, 10+3*i)
				}
			}
			var offs []int
			for k := 0; k < 300; k++ {
				offs = append(offs, rng.Intn(len(text)+3)-1)
			}
			sort.Ints(offs[:200]) // mostly increasing, then at random
			c := n.PositionCursor()
			for _, off := range offs {
				if got, want := c.Position(off), n.Position(off); got != want {
					t.Fatalf("%q offset %d: cursor %+v, Position %+v", text[:min(len(text), 20)], off, got, want)
				}
			}
		}
	}
}

// BenchmarkBlocks parses the real notes and the sample course into blocks:
//
//	go test -run XXX -bench Blocks ./pipeline/note/
func BenchmarkBlocks(b *testing.B) {
	notes := realNotes(b)
	var texts [][]byte
	size := 0
	for _, src := range notes {
		texts = append(texts, []byte(src))
		size += len(src)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			New("bench.md", t).Blocks()
		}
	}
}

// TestBlockContainers: a block's InList and InQuote say whether a list item
// or a block quote holds it, as its ancestors in goldmark's full tree show,
// on the spec examples and the real notes.
func TestBlockContainers(t *testing.T) {
	check := func(name, src string) {
		var want [][2]bool
		doc := goldmark.DefaultParser().Parse(text.NewReader([]byte(src)))
		_ = ast.Walk(doc, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering || node.Type() != ast.TypeBlock {
				return ast.WalkContinue, nil
			}
			switch node.Kind() {
			case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading, ast.KindCodeBlock, ast.KindHTMLBlock, ast.KindThematicBreak:
			case ast.KindFencedCodeBlock:
				if node.Lines().Len() == 0 {
					return ast.WalkSkipChildren, nil // Blocks leaves an empty fence out
				}
			default:
				return ast.WalkContinue, nil // containers, link reference definitions
			}
			var inList, inQuote bool
			for p := node.Parent(); p != nil; p = p.Parent() {
				inList = inList || p.Kind() == ast.KindListItem
				inQuote = inQuote || p.Kind() == ast.KindBlockquote
			}
			want = append(want, [2]bool{inList, inQuote})
			return ast.WalkSkipChildren, nil
		})
		var got [][2]bool
		for _, b := range blocksWith(goldmark.DefaultParser(), true, src) {
			if b.Kind != FrontMatter {
				got = append(got, [2]bool{b.InList, b.InQuote})
			}
		}
		if frontMatterEnd([]byte(src)) == 0 && !reflect.DeepEqual(got, want) {
			t.Errorf("%s: InList/InQuote %v, want %v", name, got, want)
		}
	}
	for i, src := range specExamples(t) {
		check(fmt.Sprintf("example %d", i+1), src)
	}
	for path, src := range realNotes(t) {
		check(path, src)
	}
}
