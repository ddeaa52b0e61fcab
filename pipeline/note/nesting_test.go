package note

import (
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
)

// TestBoundNestingLeavesNotesAlone: no line of the CommonMark spec
// examples or of the real notes reaches the container bound, so goldmark
// reads them whole.
func TestBoundNestingLeavesNotesAlone(t *testing.T) {
	for i, src := range specExamples(t) {
		if _, masked := boundNesting([]byte(src), 0, New("x.md", []byte(src)).lineStarts); masked {
			t.Errorf("spec example %d cut by boundNesting", i+1)
		}
	}
	for path, src := range realNotes(t) {
		if _, masked := boundNesting([]byte(src), 0, New("x.md", []byte(src)).lineStarts); masked {
			t.Errorf("%s cut by boundNesting", path)
		}
	}
}

// deepList is a list nested depth items deep, one item a line, each
// indented two spaces more than the one before.
func deepList(depth int) string {
	var sb strings.Builder
	for i := range depth {
		sb.WriteString(strings.Repeat("  ", i))
		sb.WriteString("- item\n")
	}
	return sb.String()
}

// TestBoundNestingKeepsIndentedText: a line whose indentation runs past
// the bound, in code, in a paragraph, in a list item, blank, or a long
// thematic break, gets the blocks goldmark finds in the whole line.
func TestBoundNestingKeepsIndentedText(t *testing.T) {
	wide := strings.Repeat(" ", 2*maxContainerPrefix)
	for _, src := range []string{
		"```\n" + wide + "code\n```\n",
		"    code\n" + wide + "more code\n",
		"text\n" + wide + "more text\n",
		"- item\n" + wide + "more\n",
		"- item\n\n" + wide + "code in the item\n",
		"> quote\n>" + wide + "more\n",
		"- item\n" + wide + "\n  more\n",
		"para\n" + wide + "\t\n",
		strings.Repeat("- ", maxContainerPrefix) + "-\n",
		strings.Repeat("* ", maxContainerPrefix) + "\n\ntext\n",
		"1. one\n" + wide + "2. two\n",
	} {
		bounded, _ := boundNesting([]byte(src), 0, New("x.md", []byte(src)).lineStarts)
		got := blocksWith(goldmark.DefaultParser(), true, src)
		boundContainers = false
		want := blocksWith(goldmark.DefaultParser(), false, src)
		boundContainers = true
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%.40q (read as %.40q):\n got %+v\nwant %+v", src, bounded, got, want)
		}
	}
}

// TestDeepNesting: past the bound, the rest of a line is the text of a
// paragraph in the innermost container opened before it, for lists,
// quotes and indented lists nested far deeper than the bound.
func TestDeepNesting(t *testing.T) {
	for _, tc := range []struct {
		name, src     string
		last          string // the last block's content
		inList, quote bool
	}{
		{"list markers", strings.Repeat("- ", 5000) + "x\n", strings.Repeat("- ", 5000-maxContainerPrefix/2) + "x", true, false},
		{"ordered markers", strings.Repeat("1. ", 5000) + "x\n", strings.Repeat("1. ", 5000-maxContainerPrefix/3) + "x", true, false},
		{"quotes", strings.Repeat(">", 5000) + " x\n", strings.Repeat(">", 5000-maxContainerPrefix) + " x", false, true},
		{"spaced quotes", strings.Repeat("> ", 5000) + "x\n", strings.Repeat("> ", 5000-maxContainerPrefix/2) + "x", false, true},
		{"mixed", strings.Repeat("> - ", 5000) + "x\n", strings.Repeat("> - ", 5000-maxContainerPrefix/4) + "x", true, true},
		{"indented list", deepList(500), "", true, false},
	} {
		n := New("deep.md", []byte(tc.src))
		blocks := n.Blocks()
		if len(blocks) == 0 || len(blocks) > maxContainerPrefix {
			t.Errorf("%s: %d blocks", tc.name, len(blocks))
			continue
		}
		for _, b := range blocks {
			if b.Start < 0 || b.End > len(tc.src) || b.Start > b.End {
				t.Fatalf("%s: block %+v out of range", tc.name, b)
			}
		}
		last := blocks[len(blocks)-1]
		if last.Kind != Paragraph || last.InList != tc.inList || last.InQuote != tc.quote {
			t.Errorf("%s: last block %v in list %v, in quote %v", tc.name, last.Kind, last.InList, last.InQuote)
		}
		if c := last.Content(n.Text); tc.last != "" && c != tc.last {
			t.Errorf("%s: last block's text %.60q..., want %.60q...", tc.name, c, tc.last)
		}
		if last.End != len(strings.TrimRight(tc.src, "\n")) {
			t.Errorf("%s: last block ends at %d of %d", tc.name, last.End, len(tc.src))
		}
	}
}
