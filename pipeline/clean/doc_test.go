package clean

import (
	"bytes"
	"slices"
	"testing"

	"github.com/itilint/itilint/pipeline/note"
)

// TestLowerASCII compares the eight-bytes-at-a-time lowering with the
// byte-wise definition on every byte value at every position of a word.
func TestLowerASCII(t *testing.T) {
	for c := 0; c < 256; c++ {
		for pos := 0; pos < 11; pos++ {
			b := []byte("Ab\xc3\x89Zz@[`{x")
			b[pos] = byte(c)
			want := make([]byte, len(b))
			for i, c := range b {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				want[i] = c
			}
			if got := appendLower([]byte("X"), b); string(got) != "X"+string(want) {
				t.Fatalf("appendLower(%q) = %q, want %q", b, got[1:], want)
			}
		}
	}
}

// FuzzFoldFinder: the matches of a foldFinder are those of the word in the
// text with its ASCII capitals lowered.
func FuzzFoldFinder(f *testing.F) {
	f.Add("Value and VALUE and vAlUe, valued: value", "value")
	f.Add("aAaA", "aa")
	f.Add("12 12x 1", "12")
	f.Add("Éa éa ea", "ea")
	f.Fuzz(func(t *testing.T, text, w string) {
		w = string(appendLower(nil, []byte(w)))
		if w == "" {
			return
		}
		lower := appendLower(nil, []byte(text))
		var want, got []int
		for at := 0; ; {
			i := bytes.Index(lower[at:], []byte(w))
			if i < 0 {
				break
			}
			want = append(want, at+i)
			at += i + 1
		}
		for ff := newFoldFinder([]byte(text), w); ; {
			i := ff.next()
			if i < 0 {
				break
			}
			got = append(got, i)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("matches of %q in %q: got %v, want %v", w, text, got, want)
		}
	})
}

// FuzzWideBlankRuns compares wideBlankRuns with the plain search it
// replaced, span by span.
func FuzzWideBlankRuns(f *testing.F) {
	f.Add("a  b\tc \t d   \n  e\t\tf  ", 1, 5)
	f.Add("x \t y", 0, 3)
	f.Fuzz(func(t *testing.T, text string, cut1, cut2 int) {
		src := []byte(text)
		// Spans: the text cut in up to three pieces, the middle one left out.
		c1, c2 := min(max(cut1, 0), len(src)), min(max(cut2, 0), len(src))
		if c1 > c2 {
			c1, c2 = c2, c1
		}
		spans := []note.Span{{Start: 0, End: c1}, {Start: c2, End: len(src)}}
		type run struct {
			s, e int
			tab  bool
		}
		var got, want []run
		wideBlankRuns(src, spans, func(s, e int, tab bool) { got = append(got, run{s, e, tab}) })
		for _, s := range spans {
			seg := src[s.Start:s.End]
			for at := 0; at < len(seg); {
				k := -1
				for x := at; x < len(seg); x++ {
					if seg[x] == '\t' || seg[x] == ' ' && x+1 < len(seg) && seg[x+1] == ' ' {
						k = x
						break
					}
				}
				if k < 0 {
					break
				}
				i := k
				for i > 0 && (seg[i-1] == ' ' || seg[i-1] == '\t') {
					i--
				}
				j, tab := i, false
				for j < len(seg) && (seg[j] == ' ' || seg[j] == '\t') {
					tab = tab || seg[j] == '\t'
					j++
				}
				start, end := s.Start+i, s.Start+j
				if start > 0 && src[start-1] != '\n' && src[start-1] != ' ' && src[start-1] != '\t' && end < len(src) && src[end] != '\n' && src[end] != ' ' && src[end] != '\t' {
					want = append(want, run{start, end, tab})
				}
				at = j
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("runs in %q %v: got %v, want %v", text, spans, got, want)
		}
	})
}

// runBulletGlyph skips lines that start with ASCII: every glyph must be a
// multi-byte character.
func TestBulletGlyphsMultiByte(t *testing.T) {
	for _, g := range bulletGlyphs {
		if g == "" || g[0] < 0x80 {
			t.Errorf("bullet glyph %q starts with an ASCII byte", g)
		}
	}
}
