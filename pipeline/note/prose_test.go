package note

import (
	"bytes"
	"reflect"
	"testing"
)

// nonProseByByte is nonProse as it was written first, testing every byte:
// the reference FuzzNonProse holds the mark search to.
func nonProseByByte(out []Span, src []byte, lo, hi int) []Span {
	mayStart := [256]bool{'\\': true, '`': true, '<': true, ']': true, 'h': true, 'w': true}
	for i := lo; i < hi; {
		c := src[i]
		if !mayStart[c] {
			i++
			continue
		}
		switch {
		case c == '\\' && i+1 < hi:
			i += 2
			continue
		case c == '`':
			run := countRun(src[i:hi], '`')
			if end := closingRun(src, i+run, hi, run); end > 0 {
				out = append(out, Span{i, end})
				i = end
				continue
			}
			i += run
			continue
		case c == '<' && i+1 < hi && (isASCIILetter(src[i+1]) || src[i+1] == '/' || src[i+1] == '!' || src[i+1] == '?'):
			if j := bytes.IndexByte(src[i:hi], '>'); j > 0 {
				out = append(out, Span{i, i + j + 1})
				i += j + 1
				continue
			}
		case c == ']' && i+1 < hi && src[i+1] == '(':
			if j := closingParenByByte(src, i+1, hi); j < hi {
				out = append(out, Span{i + 1, j + 1})
				i = j + 1
				continue
			}
		case (c == 'h' || c == 'w') && (i == lo || !isWordByte(src[i-1])):
			if bytes.HasPrefix(src[i:hi], []byte("http://")) || bytes.HasPrefix(src[i:hi], []byte("https://")) || bytes.HasPrefix(src[i:hi], []byte("www.")) {
				j := urlEndByByte(src, i, hi)
				out = append(out, Span{i, j})
				i = j
				continue
			}
		}
		i++
	}
	return out
}

// closingParenByByte returns the index of the parenthesis that closes
// the one at src[open], or hi when none does before hi.
func closingParenByByte(src []byte, open, hi int) int {
	depth := 0
	for j := open; j < hi; j++ {
		if src[j] == '(' {
			depth++
		} else if src[j] == ')' {
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return hi
}

// urlEndByByte returns where the address starting at src[i] ends: at a
// blank, a closing parenthesis or angle bracket, or hi.
func urlEndByByte(src []byte, i, hi int) int {
	j := i
	for j < hi && src[j] != ' ' && src[j] != '\n' && src[j] != '\t' && src[j] != ')' && src[j] != '>' {
		j++
	}
	return j
}

// FuzzNonProse compares nonProse with the byte-by-byte scan over ranges
// cut from the text in order, one MarkFinder for all of them as findProse
// uses it, and then once more out of order.
func FuzzNonProse(f *testing.F) {
	f.Add("See `x` and <b>y</b> at [l](http://a.b) or https://c.d/e, www.f.g \\` `` a ` b", 10, 40)
	f.Add("](](http://\\\\`<a><", 2, 3)
	f.Add("ahttp://x http://y\nwww.z", 5, 9)
	f.Fuzz(func(t *testing.T, text string, cut1, cut2 int) {
		src := []byte(text)
		c1, c2 := min(max(cut1, 0), len(src)), min(max(cut2, 0), len(src))
		if c1 > c2 {
			c1, c2 = c2, c1
		}
		ranges := [][2]int{{0, c1}, {c1, c2}, {c2, len(src)}, {0, len(src)}, {c1, len(src)}}
		marks := NewMarkFinder(src, nonProseMarks[:]...)
		for _, r := range ranges {
			got := nonProse(nil, src, r[0], r[1], &marks)
			want := nonProseByByte(nil, src, r[0], r[1])
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("nonProse(%q, %d, %d) = %v, want %v", text, r[0], r[1], got, want)
			}
		}
	})
}

// TestProseAt: ProseAt gives each paragraph's and heading's own prose,
// as blockProse finds it for that block alone, and none for other blocks,
// on the real notes.
func TestProseAt(t *testing.T) {
	for path, src := range realNotes(t) {
		n := New(path, []byte(src))
		for i, b := range n.Blocks() {
			var want []Span
			if b.Kind == Paragraph || b.Kind == Heading {
				marks := NewMarkFinder(n.Text, nonProseMarks[:]...)
				want, _ = blockProse(nil, n.Text, b, nil, &marks)
			}
			if got := n.ProseAt(i); len(got)+len(want) > 0 && !reflect.DeepEqual(got, want) {
				t.Fatalf("%s block %d: ProseAt %v, want %v", path, i, got, want)
			}
		}
	}
}
