package clean

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/clean/words"
	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/internal/bytescan"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

// breakKind says what happened to a word at a line end.
type breakKind int

const (
	splitWord     breakKind = iota // "I" / "n short": one word over two lines
	hyphenBreak                    // "manage-" / "ment"
	truncatedWord                  // "valu-" and nothing to continue it
	undecided                      // looked broken, no lexicon settles it
)

// A wordBreak is a word damaged at a line end and, when the lexicon decides
// it, its repair.
type wordBreak struct {
	kind       breakKind
	start, end int
	message    string
	fix        *rule.Fix
}

// lexicon decides whether a string is a word: the embedded English list,
// the pack's terms and names, and the note's own vocabulary.
type lexicon struct {
	d        *doc
	pack     map[string]bool
	rulePack *pack.Pack
}

// prose returns the words of the pack's definitions. Few notes need them
// (two single letters at a line break), so they are gathered on first use,
// not at the start of every process.
func (x lexicon) prose() map[string]bool { return proseWordsOfPack(x.rulePack) }

// known reports whether w is a word; self is how many of the note's
// occurrences of w are the damaged one being decided (they do not count).
func (x lexicon) known(w string, self int) bool {
	w = strings.ToLower(w)
	if len(w) == 1 {
		return w == "a" || w == "i"
	}
	return words.Known(w) || x.pack[w] || x.d.count(w) > self
}

// hasDigit reports whether w holds a digit: numbers and codes are never
// joined.
func hasDigit(w string) bool { return strings.ContainsAny(w, "0123456789") }

// lastWord returns the bounds of the letters (with inner hyphens) that end
// line[:end], or ok=false when the line does not end in a word.
func lastWord(s []byte, lo, end int) (start int, ok bool) {
	i := end
	for i > lo && (isAlnum(s[i-1]) || (s[i-1] == '-' && i < end && i-1 > lo && isAlnum(s[i-2]))) {
		i--
	}
	if i == end {
		return 0, false
	}
	if i > lo && !isSpace(s[i-1]) && s[i-1] != '(' && s[i-1] != '"' {
		return 0, false
	}
	return i, true
}

// firstWord returns the end of the lower-case word starting s[i:hi], or -1.
func firstWord(s []byte, i, hi int) int {
	if i >= hi || !isLower(s[i]) {
		return -1
	}
	j := i
	for j < hi && (isAlnum(s[j]) || (s[j] == '-' && j+1 < hi && isAlnum(s[j+1]))) {
		j++
	}
	return j
}

// breaks finds the damaged words of a note: at the end of every line of a
// paragraph or heading.
func breaks(p *rule.Pass) []wordBreak {
	d := docOf(p.Note)
	// Four rules read the same analysis; a pass with another pack (rare:
	// tests) recomputes it.
	rp := pack.Of(p.Pack)
	d.breaksOnce.Do(func() { d.breaks, d.breaksPack = appendBreaks(d.breaks, d, p), rp })
	if d.breaksPack != rp {
		return appendBreaks(nil, d, p)
	}
	return d.breaks
}

// appendBreaks appends the damaged words of the note to out.
func appendBreaks(out []wordBreak, d *doc, p *rule.Pass) []wordBreak {
	rp := pack.Of(p.Pack)
	x := lexicon{d: d, pack: wordsOfPack(rp), rulePack: rp}
	for bi, b := range d.blocks {
		if b.Kind != note.Paragraph && b.Kind != note.Heading || len(b.Lines) == 0 {
			continue
		}
		out = x.blockBreaks(out, p.Note.Text, bi, b)
	}
	return out
}

// blockBreaks appends the damaged words at the line ends of block bi.
func (x lexicon) blockBreaks(out []wordBreak, src []byte, bi int, b note.Block) []wordBreak {
	prose := x.d.proseOf(bi)
	// The spans are in order, about one a line: search, so a long
	// paragraph (a transcript) costs no more per line than a short one.
	inProse := func(off int) bool {
		k := sort.Search(len(prose), func(k int) bool { return prose[k].End > off })
		return k < len(prose) && prose[k].Start <= off
	}
	for li, seg := range b.Lines {
		end := trimRightSpace(src, seg.Start, seg.End)
		if end > seg.Start && src[end-1] == '\n' {
			end = trimRightSpace(src, seg.Start, end-1)
		}
		if end == seg.Start || !inProse(end-1) {
			continue
		}
		// The next line of the same paragraph, if it starts with a
		// lower-case word.
		nextStart, nextEnd := -1, -1
		if li+1 < len(b.Lines) {
			ns := skipSpace(src, b.Lines[li+1].Start, b.Lines[li+1].End)
			if ne := firstWord(src, ns, b.Lines[li+1].End); ne > 0 && inProse(ns) {
				nextStart, nextEnd = ns, ne
			}
		} else if b.Kind == note.Heading && src[end-1] == '-' {
			nextStart, nextEnd = headingContinuation(x.d, bi, end)
		}
		var wb wordBreak
		ok := false
		switch {
		case src[end-1] == '-':
			wb, ok = x.hyphenBreak(src, seg.Start, end, nextStart, nextEnd)
		case nextStart < 0:
		// A fragment alone on its line ("r" between "easier to" and
		// "esolve") belongs to the line after it, not the one before.
		case li+2 < len(b.Lines) && trimRightSpace(src, nextEnd, lineEndAt(src, nextEnd)) == nextEnd:
		default:
			wb, ok = x.splitBreak(src, seg.Start, end, nextStart, nextEnd)
		}
		if ok {
			out = append(out, wb)
		}
	}
	return out
}

// hyphenBreak decides on a line of src from lineStart that ends in a
// hyphen at end-1: a word hyphenated over the line break (the next line's
// first word is src[nextStart:nextEnd], nextStart -1 for none) or a word
// cut off.
func (x lexicon) hyphenBreak(src []byte, lineStart, end, nextStart, nextEnd int) (wordBreak, bool) {
	ws, ok := lastWord(src, lineStart, end-1)
	if !ok || end-1-ws < 1 {
		return wordBreak{}, false
	}
	a := string(src[ws : end-1])
	if hasDigit(a) {
		return wordBreak{}, false
	}
	if nextStart >= 0 {
		return hyphenated(x, a, ws, end, nextStart, nextEnd, src)
	}
	return truncated(x, a, ws, end, src)
}

// splitBreak decides whether the last word of a line of src from
// lineStart (ending at end) and the next line's first word,
// src[nextStart:nextEnd], are one word split over the line break.
func (x lexicon) splitBreak(src []byte, lineStart, end, nextStart, nextEnd int) (wordBreak, bool) {
	ws, ok := lastWord(src, lineStart, end)
	if !ok {
		return wordBreak{}, false
	}
	a, bw := string(src[ws:end]), string(src[nextStart:nextEnd])
	if hasDigit(a) || hasDigit(bw) || strings.Contains(a, "-") || strings.Contains(bw, "-") {
		return wordBreak{}, false
	}
	ka, kb := x.known(a, 1), x.known(bw, 1)
	if ka && kb {
		return wordBreak{}, false // two words: an ordinary line break
	}
	kj := x.known(a+bw, 0)
	if kj && len(a) == 1 && ka && len(bw) == 1 {
		// "a" and "I" are words, and so is a letter in a list: "a"
		// / "b" is an article before a letter, not "ab". Join two
		// single letters only into a word this note or the pack
		// uses ("I" / "n" → "In"), not one the dictionary merely
		// knows. A longer fragment ("a" / "lso") is no word itself.
		j := strings.ToLower(a + bw)
		kj = x.pack[j] || x.prose()[j] || x.d.count(j) > 0
	}
	switch {
	case kj && (!ka || !kb):
		joined := a + bw
		return wordBreak{
			kind: splitWord, start: ws, end: nextEnd,
			message: rule.Messagef("%q and %q are one word split over two lines: %q", a, bw, joined),
			fix:     rule.NewFix(rule.Messagef("join into %q", joined), rule.Structural, edit.Edit{Start: end, End: nextStart}),
		}, true
	case !ka && !kb && !kj && len(a) > 1 && isLower(a[0]):
		return wordBreak{
			kind: undecided, start: ws, end: nextEnd,
			message: rule.Messagef("%q / %q at a line break: neither the parts nor %q are known words; check the spelling", a, bw, a+bw),
		}, true
	}
	return wordBreak{}, false
}

// headingContinuation finds the rest of a heading hyphenated at its end
// ("## General manage-" / "ment practices"): Markdown ends a heading at the
// line break, so the rest became the first line of the next paragraph. It
// returns the bounds of that line's first word when the paragraph starts on
// the very next line and its first line is short enough to be the rest of
// a heading (a few words, no sentence end); otherwise -1, -1.
func headingContinuation(d *doc, bi, end int) (int, int) {
	if bi+1 >= len(d.blocks) {
		return -1, -1
	}
	next := d.blocks[bi+1]
	n := d.n
	if next.Kind != note.Paragraph || len(next.Lines) == 0 || n.LineOf(next.Lines[0].Start) != n.LineOf(end)+1 {
		return -1, -1
	}
	src := n.Text
	line := next.Lines[0]
	lineEnd := trimRightSpace(src, line.Start, line.End)
	if lineEnd > line.Start && src[lineEnd-1] == '\n' {
		lineEnd = trimRightSpace(src, line.Start, lineEnd-1)
	}
	rest := src[line.Start:lineEnd]
	if moreFields(rest, 6) || terminal(rest) {
		return -1, -1
	}
	ns := skipSpace(src, line.Start, line.End)
	ne := firstWord(src, ns, line.End)
	if ne <= 0 || !isLower(src[ns]) {
		return -1, -1
	}
	return ns, ne
}

// moreFields reports whether s has more than n fields as bytes.Fields
// splits it (runs of anything but Unicode white space), without making
// the fields.
func moreFields(s []byte, n int) bool {
	fields, inField := 0, false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(s[i:])
		}
		i += size
		if unicode.IsSpace(r) {
			inField = false
			continue
		}
		if !inField {
			inField = true
			if fields++; fields > n {
				return true
			}
		}
	}
	return false
}

// hyphenated decides a word hyphenated at a line end: "manage-" / "ment"
// becomes "management", "co-" / "creation" stays "co-creation".
func hyphenated(x lexicon, a string, ws, end, ns, ne int, src []byte) (wordBreak, bool) {
	bw := string(src[ns:ne])
	switch bw {
	case "and", "or", "to", "nor":
		return wordBreak{}, false // a suspended hyphen: "short- and long-term"
	}
	hyph, solid := a+"-"+bw, a+bw
	keep := func(msg string) (wordBreak, bool) {
		return wordBreak{kind: hyphenBreak, start: ws, end: ne, message: msg,
			fix: rule.NewFix(rule.Messagef("join into %q", hyph), rule.Structural, edit.Edit{Start: end, End: ns})}, true
	}
	lower := strings.ToLower(hyph)
	switch {
	case x.d.count(lower) > 0 || x.pack[lower]:
		return keep(rule.Messagef("%q is hyphenated over a line break; the note writes %q", a+"-", hyph))
	case !hasDigit(bw) && x.known(solid, 0):
		return wordBreak{kind: hyphenBreak, start: ws, end: ne,
			message: rule.Messagef("%q / %q is the word %q hyphenated at a line break", a+"-", bw, solid),
			fix:     rule.NewFix(rule.Messagef("join into %q", solid), rule.Structural, edit.Edit{Start: end - 1, End: ns})}, true
	case x.known(a, 1) && x.known(bw, 1):
		return keep(rule.Messagef("%q / %q is the compound %q broken at a line end", a+"-", bw, hyph))
	}
	return wordBreak{kind: undecided, start: ws, end: ne,
		message: rule.Messagef("%q / %q at a line break: neither %q nor %q is a known word; check the spelling", a+"-", bw, solid, hyph)}, true
}

// truncated decides a word cut off with a trailing hyphen ("valu-"): the
// completion is the note's (or the pack's) word that starts with it, when
// there is one, or one whose other candidates are all its inflections.
func truncated(x lexicon, a string, ws, end int, src []byte) (wordBreak, bool) {
	lower := strings.ToLower(a)
	if len(a) < 2 {
		return wordBreak{}, false
	}
	var candBuf [8]string // a fragment has a few completions at most, nearly always
	cands := candBuf[:0]
	seen := map[string]bool{}
	consider := func(w string) {
		if len(w) > len(lower) && strings.HasPrefix(w, lower) && !seen[w] && w[len(lower)] != '-' {
			seen[w] = true
			cands = append(cands, w)
		}
	}
	for _, w := range x.d.completions(lower) {
		consider(w)
	}
	for _, w := range withPrefix(sortedWordsOfPack(x.rulePack), lower) {
		consider(w)
	}
	// Shortest first, then in order; the candidates are distinct, so the
	// order is total. slices.SortFunc, unlike sort.Slice, allocates nothing.
	slices.SortFunc(cands, func(a, b string) int {
		if len(a) != len(b) {
			return len(a) - len(b)
		}
		return strings.Compare(a, b)
	})
	wb := wordBreak{kind: truncatedWord, start: ws, end: end}
	if len(cands) == 0 || len(lower) < 3 {
		wb.message = rule.Messagef("%q looks cut off and nothing in the note completes it; write the whole word", a+"-")
		return wb, true
	}
	best := cands[0]
	for _, c := range cands[1:] {
		if !strings.HasPrefix(c, best) {
			wb.message = rule.Messagef("%q looks cut off; it could be %s: write the whole word", a+"-", orList(cands, 4))
			return wb, true
		}
	}
	completion := a + best[len(lower):]
	if isUpper(a[len(a)-1]) && len(a) > 1 && isUpper(a[0]) {
		completion = strings.ToUpper(completion)
	}
	wb.message = rule.Messagef("%q is cut off; the note writes %q", a+"-", completion)
	wb.fix = rule.NewFix(rule.Messagef("complete to %q", completion), rule.Structural, edit.Edit{Start: ws, End: end, New: completion})
	return wb, true
}

// completions returns the words of the note's prose, in lower case, that
// start with prefix (lower-case ASCII letters and digits with inner
// hyphens, as lastWord returns) and are longer; a word may come more than
// once. Like count, it searches the text case-blind for the first questions
// of a note: a truncated word is rare, and a search allocates only for
// candidates. A note that asks often (a long transcript cut off at many
// line ends) would search its whole text once per question, so from then
// on the sorted vocabulary answers each with a binary search.
// TestCountSearchMatchesVocabulary keeps both answers equal.
func (d *doc) completions(prefix string) []string {
	if d.searches >= maxSearches {
		return d.indexCompletions(prefix)
	}
	d.searches++
	return d.searchCompletions(prefix)
}

// searchCompletions answers completions by searching the text case-blind.
func (d *doc) searchCompletions(prefix string) []string {
	text, spans := d.n.Text, d.proseSpans()
	var out []string
	var bufArr [32]byte // a word is lowered here: most are shorter
	buf := bufArr[:0]
	seen := map[string]bool{}
	for start := range bytescan.FoldAll(text, prefix) {
		k := sort.Search(len(spans), func(k int) bool { return spans[k].End > start })
		if k == len(spans) || spans[k].Start > start || !wordStart(text[spans[k].Start:start]) {
			continue
		}
		_, end := nextWord(text[start:spans[k].End], 0)
		w := text[start : start+end]
		switch {
		case len(w) <= len(prefix):
		case !isASCII(w):
			out = append(out, strings.ToLower(string(w)))
		default:
			// Lowered in a buffer: a word met before costs no string.
			buf = appendLower(buf[:0], w)
			if !seen[string(buf)] {
				s := string(buf) // one string for the set and the list
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

// indexCompletions answers completions from the note's vocabulary, sorted
// once. The vocabulary holds the words lowered as the search compares them
// (ASCII letters only); strings.ToLower makes of a word with other
// letters what searchCompletions makes of it.
func (d *doc) indexCompletions(prefix string) []string {
	if d.sortedVocab == nil {
		vocab := d.vocabulary()
		d.sortedVocab = make([]string, 0, len(vocab))
		for w := range vocab {
			d.sortedVocab = append(d.sortedVocab, w)
		}
		sort.Strings(d.sortedVocab)
	}
	var out []string
	for _, w := range withPrefix(d.sortedVocab, prefix) {
		switch {
		case len(w) <= len(prefix):
		case !isASCIIString(w):
			out = append(out, strings.ToLower(w))
		default:
			out = append(out, w)
		}
	}
	return out
}

// withPrefix returns the strings of sorted that start with prefix.
func withPrefix(sorted []string, prefix string) []string {
	i := sort.SearchStrings(sorted, prefix)
	j := i
	for j < len(sorted) && strings.HasPrefix(sorted[j], prefix) {
		j++
	}
	return sorted[i:j]
}

// isASCIIString is isASCII for a string.
func isASCIIString(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return false
		}
	}
	return true
}

// isASCII reports whether w is all ASCII, so that appendLower lowers it
// as strings.ToLower does.
func isASCII(w []byte) bool {
	for _, c := range w {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func orList(ws []string, max int) string {
	q := make([]string, 0, max)
	for i, w := range ws {
		if i == max {
			q = append(q, "...")
			break
		}
		q = append(q, strconv.Quote(w))
	}
	return strings.Join(q, " or ")
}

func runBreaks(kind breakKind) func(*rule.Pass) {
	return func(p *rule.Pass) {
		if (kind == hyphenBreak || kind == truncatedWord) && transcript(p.Note) {
			// A caption's line ends where a cue ends, never where a
			// typesetter hyphenated: a hyphen there is speech cut off
			// ("and see- wait a minute!").
			return
		}
		for _, wb := range breaks(p) {
			if wb.kind == kind {
				p.Report(rule.Finding{Start: wb.start, End: wb.end, Message: wb.message, Fix: wb.fix})
			}
		}
	}
}
