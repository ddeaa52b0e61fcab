package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/note"
)

// A token is a word of running text: a maximal run of letters and digits,
// or a lone "&". Matching works on tokens, never on raw bytes, so word
// boundaries, case and the spacing between words are handled once here.
type token struct {
	start, end int    // byte range in the note's text
	norm       string // lower-cased text
	// hash is wordHash(norm), computed while lower-casing so the matcher's
	// Bloom filter is asked about every word without hashing it again.
	hash uint32
	// gap classifies what separates the token from the previous one:
	// ' ' whitespace, '-' hyphen, '/' slash, '\'' apostrophe, '.' a dot
	// inside a word ("4.0", "I.T.I.L"), 0 nothing ("&" glued to a word).
	gap byte
	// brk: no match may span the gap before this token (punctuation, an
	// excluded code span or link, the start of a block).
	brk bool
	// sent: the token starts a sentence (block start or after . ! ?).
	sent bool
	// clause: the token starts a clause (a sentence start, or after , ; :
	// parentheses, dashes).
	clause bool
}

// tokenizeBlock appends the tokens of one block's prose spans to dst, and
// their lower-case text to lower with each token's offset in offs; call
// assignNorms once all blocks are read, so that the norms of a whole note
// are slices of one string.
func tokenizeBlock(dst []token, text []byte, spans []note.Span, lower []byte, offs []int) ([]token, []byte, []int) {
	prevEnd := -1   // end of the previous token of this block
	forced := false // something was cut out since the previous token
	for si, sp := range spans {
		// A gap between spans is joinable only when it is the line break
		// (and indentation) of a paragraph that goes on; anything else was
		// cut out (code, HTML, a link target) and breaks matches.
		if si > 0 && !onlySpace(text[spans[si-1].End:sp.Start]) {
			forced = true
		}
		i := sp.Start
		for i < sp.End {
			c := text[i]
			size, isWord := 1, false
			if c < utf8.RuneSelf {
				isWord = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
			} else {
				var r rune
				r, size = utf8.DecodeRune(text[i:])
				isWord = unicode.IsLetter(r) || unicode.IsDigit(r)
			}
			if !isWord && c != '&' {
				i += size
				continue
			}
			t := token{gap: ' ', brk: true, sent: true, clause: true}
			start := i
			offs = append(offs, len(lower))
			if c == '&' {
				i++
				lower = append(lower, '&')
				t.hash = wordHash("&")
			} else {
				i, lower, t.hash = lowerWord(text, i, sp.End, lower)
			}
			t.start, t.end = start, i
			switch {
			case prevEnd < 0:
			case forced:
				t.sent = false
			default:
				t.gap, t.brk, t.sent, t.clause = classifyGap(text[prevEnd:start])
			}
			dst = append(dst, t)
			prevEnd, forced = i, false
		}
	}
	return dst, lower, offs
}

// assignNorms points each token's norm into all, the lower-case text of
// the tokens.
func assignNorms(toks []token, all string, offs []int) {
	for k := range toks {
		end := len(all)
		if k+1 < len(offs) {
			end = offs[k+1]
		}
		toks[k].norm = all[offs[k]:end]
	}
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [256]bool) {
	for c := 0; c < 128; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

// lowerWord appends the lower-case text of the word at text[i] to lower
// and returns the word's end and wordHash. ASCII words, nearly all of a
// note's, are scanned, lowered and hashed in one pass.
func lowerWord(text []byte, i, end int, lower []byte) (int, []byte, uint32) {
	from := len(lower)
	h := uint32(2166136261)
	for i < end && asciiWord[text[i]] {
		c := text[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower = append(lower, c)
		h = (h ^ uint32(c)) * 16777619
		i++
	}
	if i < end && text[i] >= utf8.RuneSelf {
		if j := wordEnd(text, i, end); j > i {
			lower = appendLower(lower, text[i:j])
			return j, lower, wordHash(lower[from:])
		}
	}
	return i, lower, h & (1<<20 - 1)
}

// wordEnd returns the end of the word of letters and digits at text[i].
func wordEnd(text []byte, i, end int) int {
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiWord[c] {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRune(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
			return i
		}
		i += size
	}
	return i
}

func onlySpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// classifyGap reads the bytes between two tokens of a block.
func classifyGap(g []byte) (gap byte, brk, sent, clause bool) {
	if len(g) == 0 {
		return 0, false, false, false
	}
	gap = ' '
	hyphens, spaceBefore := 0, false
	for i := 0; i < len(g); i++ {
		c := g[i]
		switch c {
		case ' ', '\t', '\n', '\r':
			if hyphens == 0 {
				spaceBefore = true
			}
		case '-':
			hyphens++
			if hyphens > 1 || spaceBefore && i+1 < len(g) && isSpaceByte(g[i+1]) {
				// "--" or " - " is a dash between clauses, not a hyphen.
				return ' ', true, false, true
			}
			gap = '-'
		case '/':
			gap = '/'
		case '\'':
			gap = '\'' // "you'd", "customer's"
		case '.':
			if i+1 < len(g) && (isSpaceByte(g[i+1]) || g[i+1] == '"' || g[i+1] == ')' || g[i+1] == '*' || g[i+1] == '_' || g[i+1] == '\'') {
				return ' ', true, true, true
			}
			if i+1 == len(g) && gap == ' ' && !spaceBefore {
				gap = '.' // "4.0", "I.T.I.L"
				continue
			}
			return ' ', true, true, true
		case '!', '?':
			return ' ', true, true, true
		case ',', ';', ':', '(', ')', '[', ']', '"', '{', '}', '<', '>', '|':
			return ' ', true, false, true
		default:
			if c >= utf8.RuneSelf {
				r, size := utf8.DecodeRune(g[i:])
				i += size - 1
				switch {
				case r == '\u2013' || r == '\u2014' || r == '\u201c' || r == '\u201d' || r == '\u2026':
					return ' ', true, false, true
				case r == '\u2019' || r == '\u2018':
					gap = '\''
					continue
				case unicode.IsSpace(r):
					if hyphens == 0 {
						spaceBefore = true
					}
					continue
				}
			}
			// Emphasis markers and other symbols: no match spans them, but
			// they end neither sentence nor clause.
			brk = true
		}
	}
	return gap, brk, false, false
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func appendLower(dst, b []byte) []byte {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += size
	}
	return dst
}

// tokenizeString splits a pack form ("ITIL 4", "co-creation") the way note
// text is split, so a form and the text it should match agree.
func tokenizeString(s string) []token {
	b := []byte(s)
	toks, lower, offs := tokenizeBlock(nil, b, []note.Span{{Start: 0, End: len(b)}}, nil, nil)
	assignNorms(toks, string(lower), offs)
	return toks
}

// shape renders tokens[i:j] with their gaps as one comparable string:
// words joined by their gap class, in the case written (or folded).
func shape(text []byte, toks []token, fold bool) string {
	var sb strings.Builder
	for k, t := range toks {
		if k > 0 && t.gap != 0 {
			sb.WriteByte(t.gap)
		}
		if fold {
			sb.WriteString(t.norm)
		} else {
			sb.Write(text[t.start:t.end])
		}
	}
	return sb.String()
}

// shapeEq reports whether toks, rendered as shape renders them, equal
// want, without building the string.
func shapeEq(text []byte, toks []token, want string, fold bool) bool {
	w := 0
	for k, t := range toks {
		if k > 0 && t.gap != 0 {
			if w >= len(want) || want[w] != t.gap {
				return false
			}
			w++
		}
		if fold {
			if len(want)-w < len(t.norm) || want[w:w+len(t.norm)] != t.norm {
				return false
			}
			w += len(t.norm)
			continue
		}
		n := t.end - t.start
		if len(want)-w < n || want[w:w+n] != string(text[t.start:t.end]) {
			return false
		}
		w += n
	}
	return w == len(want)
}

// stem reduces an English word to a crude stem, so "holistic" and
// "holistically", "optimise" and "optimize", "step" and "steps" compare
// equal. It is deliberately simple: it only has to make near misses of a
// few hundred official names comparable, not analyse English.
func stem(w string) string {
	if len(w) <= 3 {
		return w
	}
	for _, suf := range stemSuffixesByLast[w[len(w)-1]] {
		if strings.HasSuffix(w, suf.from) && len(w)-len(suf.from)+len(suf.to) >= 3 {
			w = w[:len(w)-len(suf.from)] + suf.to
			break
		}
	}
	if n := len(w); n > 3 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	if n := len(w); n > 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
		w = w[:n-1]
	}
	return w
}

var stemSuffixes = []struct{ from, to string }{
	{"isations", ""}, {"izations", ""}, {"isation", ""}, {"ization", ""},
	{"ically", ""}, {"ations", ""}, {"ation", ""}, {"ively", ""}, {"ive", ""},
	{"ally", ""}, {"ness", ""}, {"ising", ""}, {"izing", ""}, {"ised", ""}, {"ized", ""},
	{"ises", ""}, {"izes", ""}, {"ise", ""}, {"ize", ""},
	{"ies", "y"}, {"ied", "y"}, {"ing", ""}, {"ed", ""}, {"ly", ""}, {"ic", ""},
	{"ses", "s"}, {"xes", "x"}, {"ches", "ch"}, {"shes", "sh"},
	{"ss", "ss"}, {"s", ""},
}

// stemSuffixesByLast holds stemSuffixes by their last byte, in their
// order: stem runs for many words of a note, and only the suffixes ending
// in its last letter can match.
var stemSuffixesByLast = func() (t [256][]struct{ from, to string }) {
	for _, suf := range stemSuffixes {
		c := suf.from[len(suf.from)-1]
		t[c] = append(t[c], suf)
	}
	return t
}()
