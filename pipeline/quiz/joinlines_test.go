package quiz

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/testcourse"
)

// joinLinesByByte is joinLines as it was first written, with a note offset
// for every byte of the joined text and a set of line breaks: the
// reference lineOffsets is held to.
func joinLinesByByte(n *note.Note, b note.Block) (string, []int, map[int]bool) {
	var sb strings.Builder
	var offs []int
	breaks := map[int]bool{}
	for i, l := range b.Lines {
		seg := string(n.Text[l.Start:l.End])
		trimmed := strings.TrimRight(seg, " \t\n")
		lead := len(trimmed) - len(strings.TrimLeft(trimmed, " \t"))
		trimmed = trimmed[lead:]
		if i > 0 {
			breaks[sb.Len()] = true
			sb.WriteByte(' ')
			offs = append(offs, l.Start+lead)
		}
		for k := range len(trimmed) {
			offs = append(offs, l.Start+lead+k)
		}
		sb.WriteString(trimmed)
	}
	offs = append(offs, b.End)
	return sb.String(), offs, breaks
}

func TestJoinLinesMatchesByByte(t *testing.T) {
	notes := map[string]string{
		"indented.md": "A first line  \n   indented next\tline\n\tand a tab\n\nOther paragraph.\n",
		"list.md":     "- item one\n  goes on\n- item two\n",
		"quote.md":    "> quoted\n> lines: \n> here\n",
	}
	for _, dir := range []string{testcourse.Source(t, ""), testcourse.Fixture(t, "real")} {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
				data, _ := os.ReadFile(p)
				notes[p] = string(data)
			}
			return nil
		})
	}
	paragraphs := 0
	for name, text := range notes {
		n := note.New(name, []byte(text))
		for _, b := range n.Blocks() {
			if b.Kind != note.Paragraph {
				continue
			}
			paragraphs++
			got, offs := joinLines(n, b)
			want, wantOffs, wantBreaks := joinLinesByByte(n, b)
			if got != want {
				t.Fatalf("%s: joined %q, want %q", name, got, want)
			}
			for i, off := range wantOffs {
				if g := offs.at(i); g != off {
					t.Fatalf("%s: %q: offset of byte %d is %d, want %d", name, got, i, g, off)
				}
			}
			breaks := offs.breaks()
			if len(breaks) != len(wantBreaks) {
				t.Fatalf("%s: breaks %v, want %v", name, breaks, wantBreaks)
			}
			for _, i := range breaks {
				if !wantBreaks[i] {
					t.Fatalf("%s: breaks %v, want %v", name, breaks, wantBreaks)
				}
			}
		}
	}
	if paragraphs < 100 {
		t.Errorf("only %d paragraphs read", paragraphs)
	}
}

func TestSingleSpaced(t *testing.T) {
	for _, s := range []string{
		"", "a", "a b", "a  b", " a", "a ", "a\tb", "a\nb", "a\u00a0b", "a\u2003b",
		"caf\u00e9 au lait", "\u201cquoted\u201d words", "a\rb", "a\u0085b", "a b c d",
	} {
		want := strings.Join(strings.Fields(s), " ") == s
		if got := singleSpaced(s); got != want {
			t.Errorf("singleSpaced(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzSingleSpaced(f *testing.F) {
	f.Add("a b")
	f.Add("a\u00a0 b")
	f.Fuzz(func(t *testing.T, s string) {
		if singleSpaced(s) && strings.Join(strings.Fields(s), " ") != s {
			t.Errorf("singleSpaced(%q) but Fields rewrites it", s)
		}
	})
}
