package clean

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
	"github.com/itilint/itilint/pipeline/testcourse"
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

// FuzzWideBlankRuns compares wideBlankRuns with the plain search it
// replaced, span by span.
func FuzzWideBlankRuns(f *testing.F) {
	f.Add("a  b\tc \t d   \n  e\t\tf  ", 1, 5)
	f.Add("x \t y", 0, 3)
	f.Fuzz(func(t *testing.T, text string, cut1, cut2 int) {
		// Spans: the text cut in up to three pieces, the middle one left out.
		src, cut := fuzzSpan(text, cut1, cut2)
		c1, c2 := cut.Start, cut.End
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

// TestCountSearchMatchesVocabulary: count answers by searching the text
// for a note's first questions and from the note's vocabulary after that;
// both must give the same number for every word, and for the fragments
// (prefixes and suffixes) a damaged line end leaves, in the sample course
// and the real notes. The same holds for completions (the words a
// truncated fragment may be cut from): the search and the sorted
// vocabulary must give the same words.
func TestCountSearchMatchesVocabulary(t *testing.T) {
	var notes []*note.Note
	for _, root := range []string{"../../source", testcourse.Fixture(t, "real")} {
		err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() || !strings.HasSuffix(path, ".md") && !strings.HasSuffix(path, ".txt") {
				return err
			}
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if n, err := note.Decode(path, raw); err == nil {
				notes = append(notes, n)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(notes) == 0 {
		t.Fatal("no notes found")
	}
	for _, n := range notes {
		checkCountMatchesVocabulary(t, n)
	}
}

func checkCountMatchesVocabulary(t *testing.T, n *note.Note) {
	d := newDoc(n)
	asked := map[string]bool{}
	for _, s := range d.proseSpans() {
		eachWord(n.Text[s.Start:s.End], func(w []byte, _ int) {
			lw := string(appendLower(nil, w))
			for i := 0; i < len(lw); i++ {
				asked[lw[:i+1]], asked[lw[i:]] = true, true
			}
		})
	}
	for w := range asked {
		if !searchable(w) {
			continue
		}
		if s, v := d.searchCount(w), d.vocabCount(w); s != v {
			t.Errorf("%s: %q counted %d times by search, %d by vocabulary", n.Path, w, s, v)
		}
		s, i := d.searchCompletions(w), d.indexCompletions(w)
		slices.Sort(s)
		slices.Sort(i)
		if s, i = slices.Compact(s), slices.Compact(i); !slices.Equal(s, i) {
			t.Errorf("%s: %q completed to %q by search, %q by the sorted vocabulary", n.Path, w, s, i)
		}
	}
}

// FuzzCountSearchMatchesVocabulary is TestCountSearchMatchesVocabulary on
// any text.
func FuzzCountSearchMatchesVocabulary(f *testing.F) {
	f.Add("Value co-creation and value's VALUE x-value value-x--value 'value' valu\u00e9 Value\u2019s")
	f.Add("- I\n  n short, `code value` and [value](http://value.example) value")
	f.Add("\u212aelvin kelvin KELVIN \u0130stanbul istanbul CAF\u00c9 caf\u00e9 Caf\u00c9s")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		checkCountMatchesVocabulary(t, note.New("f.md", []byte(text)))
	})
}

// FuzzMoreFields compares moreFields with counting bytes.Fields.
func FuzzMoreFields(f *testing.F) {
	f.Add("a b\tc\u00a0d\u2003e  f\x85g \xff h", 3)
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = min(max(n, 0), 20)
		if got, want := moreFields([]byte(s), n), len(bytes.Fields([]byte(s))) > n; got != want {
			t.Fatalf("moreFields(%q, %d) = %v, want %v", s, n, got, want)
		}
	})
}

// doubledWordsByTokens is the doubled-word scan as first written: every
// word of the span split out and compared with the one before.
// FuzzDoubledWords holds proseScan to it.
func doubledWordsByTokens(src []byte, s note.Span, f func(prevStart, prevEnd, start, end int)) {
	span := src[s.Start:s.End]
	ps, pe := -1, -1
	for i := 0; ; {
		ws, we := nextWord(span, i)
		if ws < 0 {
			return
		}
		i = we
		start, end := s.Start+ws, s.Start+we
		prevStart, prevEnd := ps, pe
		ps, pe = start, end
		if prevStart < 0 || !isLower(src[start]) || end-start != prevEnd-prevStart {
			continue
		}
		w := src[start:end]
		if !bytes.EqualFold(src[prevStart:prevEnd], w) || !blankGap(src[prevEnd:start]) || hasDigit(string(w)) {
			continue
		}
		f(prevStart, prevEnd, start, end)
	}
}

// fuzzSpan is the fuzzed text and a span of it cut from the fuzzed bounds,
// clamped to the text and put in order.
func fuzzSpan(text string, lo, hi int) ([]byte, note.Span) {
	src := []byte(text)
	lo, hi = min(max(lo, 0), len(src)), min(max(hi, 0), len(src))
	if lo > hi {
		lo, hi = hi, lo
	}
	return src, note.Span{Start: lo, End: hi}
}

// scanSpan is the proseScan of span s of src alone.
func scanSpan(src []byte, s note.Span) *proseScan {
	sc := new(proseScan)
	sc.span(src, s)
	return sc
}

// FuzzDoubledWords compares the doubled words of proseScan with
// doubledWordsByTokens on a span cut from the text.
func FuzzDoubledWords(f *testing.F) {
	f.Add("The the value value, of of\nof the-the the\n\nthe co-op co-op Café café l’a l’a \u212a k ſ s I i 1a 1a x.x x", 0, 1000)
	f.Add("a a  a\ta\n a", 1, 9)
	f.Fuzz(func(t *testing.T, text string, lo, hi int) {
		src, s := fuzzSpan(text, lo, hi)
		var got, want [][4]int
		for _, d := range scanSpan(src, s).doubled {
			got = append(got, [4]int{d.prevStart, d.prevEnd, d.start, d.end})
		}
		doubledWordsByTokens(src, s, func(a, b, c, d int) { want = append(want, [4]int{a, b, c, d}) })
		if !slices.Equal(got, want) {
			t.Fatalf("doubled words of (%q, %d, %d) = %v, want %v", text, lo, hi, got, want)
		}
	})
}

// FuzzLowercaseI compares the lowercase-i rule, which tests only the "i"s
// that eight-byte masks find after a byte that is no letter or digit, with
// testing every byte of the prose.
func FuzzLowercaseI(f *testing.F) {
	f.Add("i think i'm\ni.\n\"i\" said\ti; x i.e. (i) ii i\n\n- i\n")
	f.Fuzz(func(t *testing.T, text string) {
		n := note.New("f.md", []byte(text))
		var got, want []int
		LowercaseI.Run(rule.NewPass(n, nil, LowercaseI, func(f rule.Finding) { got = append(got, f.Start) }))
		for _, s := range n.Prose() {
			for k := s.Start; k < s.End; k++ {
				if pronounI(n.Text, k) {
					want = append(want, k)
				}
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%q: lowercase-i at %v, want %v", text, got, want)
		}
	})
}

// FuzzSpacedMarks compares the marks and pronouns of proseScan, which
// tests only the bytes that eight-byte masks find, with testing every byte
// of a span cut from the text.
func FuzzSpacedMarks(f *testing.F) {
	f.Add("Value , outcomes . ITIL 4 :\n x ;y ?! a  . .NET :) ... ,", 0, 1000)
	f.Add(" ,a ,", 1, 5)
	f.Add("i ,i. \"i\" x\ti (i) i'm ii i", 0, 40)
	f.Fuzz(func(t *testing.T, text string, lo, hi int) {
		src, s := fuzzSpan(text, lo, hi)
		lo, hi = s.Start, s.End
		sc := scanSpan(src, s)
		var got, want []int
		for _, m := range sc.marks {
			if m.span != lo {
				t.Fatalf("mark %d of (%q, %d, %d) has span %d", m.at, text, lo, hi, m.span)
			}
			got = append(got, m.at)
		}
		for j := lo + 1; j < hi; j++ {
			if spacedPunct[src[j]] && src[j-1] == ' ' {
				want = append(want, j)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("spaced marks of (%q, %d, %d) = %v, want %v", text, lo, hi, got, want)
		}
		want = nil
		for k := lo; k < hi; k++ {
			if pronounI(src, k) {
				want = append(want, k)
			}
		}
		if !slices.Equal(sc.pronouns, want) {
			t.Fatalf("pronouns of (%q, %d, %d) = %v, want %v", text, lo, hi, sc.pronouns, want)
		}
	})
}
