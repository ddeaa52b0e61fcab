package check

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
)

// BenchmarkAnalyze measures the shared analysis alone over the sample
// course (matchedNote, and the whole sentences every rule asks about):
// the notes are parsed (blocks and prose spans) before the timer starts,
// and each iteration analyses every note afresh, bypassing the note's
// cache.
func BenchmarkAnalyze(b *testing.B) {
	benchAnalyzer(b, func(m *matched) { m.analyze(); m.wholeSentences() })
}

// BenchmarkTokenize measures the tokenizer alone, the analysis's one pass
// over every byte of prose, on the notes BenchmarkAnalyze reads.
func BenchmarkTokenize(b *testing.B) { benchAnalyzer(b, (*matched).tokenize) }

// benchAnalyzer times step on a fresh matched note of every parsed note.
func benchAnalyzer(b *testing.B, step func(*matched)) {
	p, notes, size := parsedCourse(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, n := range notes {
			m := newMatched(n, p)
			step(m)
			m.Release()
		}
	}
}

// parsedCourse reads and parses the notes of the sample course, and
// compiles the default pack, so a benchmark times the analysis alone.
func parsedCourse(b *testing.B) (p *pack.Pack, notes []*note.Note, size int) {
	p, err := pack.Default()
	if err != nil {
		b.Fatal(err)
	}
	_ = filepath.WalkDir(filepath.Join("..", "..", "source"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".txt")) {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		n, err := note.Decode(path, data)
		if err != nil {
			b.Fatal(err)
		}
		n.Prose()
		notes = append(notes, n)
		size += len(n.Text)
		return nil
	})
	if len(notes) == 0 {
		b.Fatal("no sample course in source/")
	}
	compile(p)
	return p, notes, size
}

// TestTokenWords checks that the tokenizer finds each word's number in the
// vocabulary: it hashes words as it reads them, and must hash them as
// wordHash does, or words of the pack would go unmatched.
func TestTokenWords(t *testing.T) {
	p, err := pack.Default()
	if err != nil {
		t.Fatal(err)
	}
	v := compile(p).vocab
	texts := []string{
		"The Service Value System and ITIL 4: co-creation of value, IT & digital services.",
		"SERVICE MANAGEMENT Practices; Incident management, problem-management & change enablement",
		"Ünïcode wörds, İstanbul, straße, Organisation, ORGANIZATION, x\u0301y, ４ and 42 and seven",
		"continual improvement\ncontinual   improvement — guiding principles (seven) “quoted”",
	}
	for _, w := range v.words[1:] {
		texts = append(texts, w, strings.ToUpper(w), "x "+w+" y")
	}
	for _, text := range texts {
		b := []byte(text)
		toks, lower := tokenizeBlock(nil, b, []note.Span{{Start: 0, End: len(b)}}, nil, v)
		tt := tokenized{text: b, lower: lower, toks: toks}
		for k, tok := range toks {
			norm := string(tt.norm(k))
			if want := v.ids[norm]; tok.word() != want {
				t.Errorf("%q: word %q has number %d, want %d", text, norm, tok.word(), want)
			}
			if norm != strings.ToLower(text[tok.start:tok.end]) && norm != string(appendLower(nil, b[tok.start:tok.end])) {
				t.Errorf("%q: norm %q of %q", text, norm, text[tok.start:tok.end])
			}
		}
	}
}

// TestMsgf checks msgf against fmt.Sprintf for the verbs it knows.
func TestMsgf(t *testing.T) {
	a := &matched{strs: new(stringArena)}
	for _, c := range []struct {
		format string
		args   []string
	}{
		{"write %q, not %q", []string{"ITIL 4", "ITIL4"}},
		{"the official name of this %s is %q, not %q", []string{"guiding principle", "Focus on value", "focus on value"}},
		{"leftover chatbot line %q%s", []string{"Would you like me to \"expand\"?\t…", ": a reason"}},
		{"avoid %q%s", []string{"as per", ""}},
		{"100%% %s", []string{"sure"}},
		{"%q", []string{"\x00\xff é \\"}},
	} {
		args := make([]any, len(c.args))
		for i, s := range c.args {
			args[i] = s
		}
		if got, want := a.msgf(c.format, c.args...), fmt.Sprintf(c.format, args...); got != want {
			t.Errorf("msgf(%q) = %q, want %q", c.format, got, want)
		}
	}
}

// TestTokenizeBlock checks the tokenizer, which reads the usual word 8
// bytes at a time, against reading the text a rune at a time: on random
// texts of letters in both cases, digits, punctuation and UTF-8 (valid or
// not), cut into spans, with words near the text's end too.
func TestTokenizeBlock(t *testing.T) {
	p, err := pack.Default()
	if err != nil {
		t.Fatal(err)
	}
	v := compile(p).vocab
	pieces := []string{
		"service", "value", "ITIL", "4", "co", "creation", "the", "and", "of", "Organisation",
		"management", "continual", "improvement", "ABCDEFGH", "abcdefgh", "x", "Z9", "é", "straße",
		"MANAGEMENT", "Stakeholders", "configuration", "responsibilities", "internationalization",
		"İstanbul", "\u212aelvin", "x\u0301y", "\xff", "\xc3", "４", "—", "’", "&", "@", "[", "`", "{", "/", ":",
		" ", " ", " ", "  ", "\n", "-", ".", ",", "'", "(", ")",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 3000; n++ {
		var sb strings.Builder
		for k := rng.IntN(30); k >= 0; k-- {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		compareTokens(t, []byte(sb.String()), rng, v)
	}
}

// FuzzTokenizeBlock checks the tokenizer against reading the text a rune
// at a time, as TestTokenizeBlock does, on any text cut into spans as
// seed says.
func FuzzTokenizeBlock(f *testing.F) {
	p, err := pack.Default()
	if err != nil {
		f.Fatal(err)
	}
	v := compile(p).vocab
	f.Add("The Service Value System and ITIL 4: co-creation of value, IT & digital services.", uint64(1))
	f.Add("SERVICE MANAGEMENT Practices; Incident management, problem-management & change enablement", uint64(2))
	f.Add("Stakeholders' responsibilities: internationalization, Configuration straße İstanbul ４", uint64(3))
	f.Fuzz(func(t *testing.T, text string, seed uint64) {
		compareTokens(t, []byte(text), rand.New(rand.NewPCG(seed, 0)), v)
	})
}

// compareTokens cuts text into random spans and compares tokenizeBlock's
// tokens with referenceTokens'.
func compareTokens(t *testing.T, text []byte, rng *rand.Rand, v *vocabulary) {
	t.Helper()
	var spans []note.Span
	for i := 0; i < len(text); {
		end := min(len(text), i+1+rng.IntN(40))
		spans = append(spans, note.Span{Start: i, End: end})
		i = end + rng.IntN(3)
	}
	toks, lower := tokenizeBlock(nil, text, spans, nil, v)
	tt := tokenized{text: text, lower: lower, toks: toks}
	want := referenceTokens(text, spans, v)
	if len(toks) != len(want) {
		t.Fatalf("%q %v: %d tokens, want %d", text, spans, len(toks), len(want))
	}
	for k, w := range want {
		got := toks[k]
		if int(got.start) != w.start || int(got.end) != w.end || string(tt.norm(k)) != w.norm || got.word() != w.word ||
			got.gap() != w.gap || got.brk() != w.brk || got.sent() != w.sent || got.clause() != w.clause {
			t.Fatalf("%q %v: token %d is %+v %q, want %+v", text, spans, k, got, tt.norm(k), w)
		}
	}
}

type refToken struct {
	start, end        int
	norm              string
	word              int32
	gap               byte
	brk, sent, clause bool
}

// referenceTokens tokenizes as tokenizeBlock does, a rune at a time.
func referenceTokens(text []byte, spans []note.Span, v *vocabulary) []refToken {
	var out []refToken
	prevEnd, forced := -1, false
	for si, sp := range spans {
		if si > 0 && !onlySpace(text[spans[si-1].End:sp.Start]) {
			forced = true
		}
		for i := sp.Start; i < sp.End; {
			r, size := utf8.DecodeRune(text[i:])
			j := i + size
			switch {
			case r == '&':
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				for j < sp.End {
					r, size := utf8.DecodeRune(text[j:])
					if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
						break
					}
					j += size
				}
			default:
				i = j
				continue
			}
			t := refToken{start: i, end: j, norm: string(appendLower(nil, text[i:j]))}
			t.word = v.ids[t.norm]
			switch {
			case prevEnd < 0:
				t.gap, t.brk, t.sent, t.clause = ' ', true, true, true
			case forced:
				t.gap, t.brk, t.sent, t.clause = ' ', true, false, true
			default:
				t.gap, t.brk, t.sent, t.clause = classifyGap(text[prevEnd:i])
			}
			out = append(out, t)
			prevEnd, forced, i = j, false, j
		}
	}
	return out
}

// FuzzMatchAt checks matchAt, which reads a pattern's breaks only where
// the text breaks, against reading them for every pattern found.
func FuzzMatchAt(f *testing.F) {
	p, err := pack.Default()
	if err != nil {
		f.Fatal(err)
	}
	m := compile(p)
	f.Add("Sure, I'll explain: the guiding principle focus on value, as per ITIL4. Would you like me to go on?")
	f.Add("Change management, the Change Advisory Board; service value system (SVS) and continual service improvement")
	f.Fuzz(func(t *testing.T, text string) {
		b := []byte(text)
		toks, _ := tokenizeBlock(nil, b, []note.Span{{Start: 0, End: len(b)}}, nil, m.vocab)
		for i := range toks {
			start := m.vocab.info[toks[i].word()].start
			if start == 0 {
				continue
			}
			id, l := m.matchAt(toks, i, m.vocab.info[toks[i].word()].node)
			wantID, wantL := referenceMatchAt(m, toks, i, start)
			if id != wantID || l != wantL {
				t.Fatalf("%q at token %d: matchAt = %d, %d; want %d, %d", text, i, id, l, wantID, wantL)
			}
		}
	})
}

// referenceMatchAt is matchAt reading every pattern's breaks.
func referenceMatchAt(m *matcher, toks []token, i int, start int32) (int, int) {
	node := m.startList[start].node
	best, bestLen := -1, 0
	for k := 1; node != 0; k++ {
		n := &m.nodes[node]
		if n.pattern >= 0 && m.breaksFit(&m.patterns[n.pattern], toks[i:i+k]) {
			best, bestLen = int(n.pattern), k
		}
		if i+k >= len(toks) {
			break
		}
		node = n.child(toks[i+k].word())
	}
	return best, bestLen
}

// TestMaxTokens holds maxTokens, the room tokenize makes for the tokens
// of a big note, to be at least the tokens of every note at hand: the
// sample course, the rules' notes and the repository's test notes.
func TestMaxTokens(t *testing.T) {
	p, err := pack.Default()
	if err != nil {
		t.Fatal(err)
	}
	notes := 0
	for _, root := range []string{filepath.Join("..", "..", "source"), "testdata", filepath.Join("..", "..", "testdata")} {
		_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".txt")) {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return nil
			}
			n, err := note.Decode(path, data)
			if err != nil {
				return nil // not a note: binary or not UTF-8, as some test inputs are
			}
			m := newMatched(n, p)
			m.tokenize()
			if max := maxTokens(n.Text); len(m.toks) > max {
				t.Errorf("%s: %d tokens, maxTokens %d", path, len(m.toks), max)
			}
			m.Release()
			notes++
			return nil
		})
	}
	if notes < 50 {
		t.Fatalf("only %d notes read", notes)
	}
}

// TestCoverage holds coverage.of to a table of the match covering each
// token, for matches laid out at random.
func TestCoverage(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		n := rng.IntN(300)
		var c coverage
		c = c.reset(n)
		want := make([]int, n)
		matches := 0
		for k := 0; k < n; {
			if rng.IntN(3) > 0 {
				k++
				continue
			}
			to := min(n, k+1+rng.IntN(5))
			c.add(k, to)
			matches++
			for j := k; j < to; j++ {
				want[j] = matches
			}
			k = to
		}
		c.count()
		for k, w := range want {
			if got := c.of(k); got != w {
				t.Fatalf("%d tokens: token %d is covered by %d, want %d", n, k, got, w)
			}
		}
	}
}
