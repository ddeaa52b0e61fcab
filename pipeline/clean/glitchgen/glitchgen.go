// Package glitchgen damages clean notes the way transcripts, PDF copies and
// hurried typing damage them (a first letter split off on an indented line,
// a word hyphenated at a line break, a heading indented, a paragraph broken
// mid-sentence, a word doubled...), several kinds in one paragraph, so that
// what the cleaner repairs can be measured on damage nobody chose by hand.
//
// Every glitch is one a reader could undo from the damaged text alone: a
// word is truncated only where the note's other words complete it one way,
// a sentence loses its capital only when its first word is plain English,
// and the reduplications English allows ("had had") are never made. The
// damage is drawn from a seeded source, so a seed always gives the same
// damaged note.
package glitchgen

import (
	"math/rand"
	"sort"
	"strings"
	"unicode"

	"github.com/itilint/itilint/pipeline/clean/words"
)

// A Kind is a kind of damage.
type Kind int

// The kinds of damage, named after what a reader sees.
const (
	SplitFirstLetter       Kind = iota // "     T" / "     he value..."
	HyphenBreak                        // "dimen-" / "sions"
	TruncatedWord                      // "valu-" at the end of a heading
	IndentedHeading                    // "   ##   Value"
	BlankLines                         // three blank lines where one was
	TrailingSpace                      // spaces after the last word of a line
	SpaceBeforePunctuation             // "ITIL 4 :"
	BrokenParagraph                    // "to define" / blank / "  what will be"
	DoubledWord                        // "is is", "technologies technologies"
	LowerSentenceStart                 // "value is co-created. it is..."
	LowerI                             // "then i buy"
	MultipleSpaces                     // "the  value"
	IndentedProse                      // a paragraph indented four spaces: a code block
	IndentedLine                       // a line of a paragraph indented two spaces
	BulletGlyph                        // "•\tUsers" for "- Users"
	NoBreakSpace                       // U+00A0 for a space
	TrailingBlankLines                 // blank lines, some with spaces, after the last line
	numKinds
)

var kindNames = [...]string{
	"split-first-letter", "hyphen-break", "truncated-word", "indented-heading", "blank-lines",
	"trailing-space", "space-before-punctuation", "broken-paragraph", "doubled-word",
	"lower-sentence-start", "lower-i", "multiple-spaces", "indented-prose", "indented-line",
	"bullet-glyph", "no-break-space", "trailing-blank-lines",
}

func (k Kind) String() string { return kindNames[k] }

// Kinds returns every kind of damage.
func Kinds() []Kind {
	ks := make([]Kind, numKinds)
	for i := range ks {
		ks[i] = Kind(i)
	}
	return ks
}

// A Glitch is one piece of damage done: its kind and the text before and
// after (a few words around it).
type Glitch struct {
	Kind          Kind
	Before, After string
}

// Options say how much damage to do.
type Options struct {
	// Kinds are the kinds to choose from; all when empty.
	Kinds []Kind
	// PerParagraph is the most glitches put in one paragraph (at least
	// one is put in a paragraph chosen for damage); 3 when zero.
	PerParagraph int
	// Rate is the share of paragraphs, headings and blank lines damaged;
	// 0.5 when zero.
	Rate float64
}

// reduplications are the words English doubles on purpose ("had had",
// "that that", "win win", "bye bye"), and the particles a doubled word can
// legitimately be ("step in in time", "what it is is"): doubling them is
// no damage a reader could undo.
var reduplications = map[string]bool{
	"had": true, "that": true, "win": true, "bye": true, "very": true, "many": true, "no": true,
	"yes": true, "so": true, "ha": true, "oh": true, "right": true, "really": true, "unknown": true,
	"is": true, "in": true, "on": true, "to": true, "up": true, "out": true, "off": true, "by": true,
	"do": true, "i": true, "it": true, "well": true, "now": true, "there": true, "much": true,
}

// A block is a run of lines of the clean note: a paragraph, a heading, a
// list item, a blank line or anything left alone (code, tables, HTML).
type block struct {
	kind  blockKind
	lines []string
}

type blockKind int

const (
	other blockKind = iota
	blank
	heading
	paragraph
	listItem
)

// blocks splits a clean note into blocks. It knows enough Markdown to
// leave code, tables, quotes and HTML alone; everything it is unsure of is
// "other".
func blocks(src string) []block {
	lines := strings.SplitAfter(src, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	var out []block
	fence := ""
	for _, l := range lines {
		t := strings.TrimRight(l, "\n")
		trimmed := strings.TrimLeft(t, " ")
		switch {
		case fence != "":
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			out = append(out, block{kind: other, lines: []string{l}})
			continue
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			fence = trimmed[:3]
			out = append(out, block{kind: other, lines: []string{l}})
			continue
		}
		k := lineKind(t, trimmed)
		if k == paragraph && len(out) > 0 && out[len(out)-1].kind == paragraph {
			last := &out[len(out)-1]
			last.lines = append(last.lines, l)
			continue
		}
		if k == paragraph && len(out) > 0 && (out[len(out)-1].kind == listItem || out[len(out)-1].kind == other) {
			k = other // a list item's continuation, or lazy text: left alone
		}
		out = append(out, block{kind: k, lines: []string{l}})
	}
	// A paragraph followed by a list item without a blank line, or by
	// something left alone, is left alone too: joining or breaking it
	// would meet Markdown's rules for what interrupts a paragraph.
	for i := range out {
		if out[i].kind == paragraph && i+1 < len(out) && out[i+1].kind != blank && out[i+1].kind != heading {
			out[i].kind = other
		}
	}
	return out
}

// lineKind is the kind of block a line outside a fence starts (t is
// the line without its end, trimmed without its indent).
func lineKind(t, trimmed string) blockKind {
	switch {
	case strings.TrimSpace(t) == "":
		return blank
	case t != trimmed || strings.ContainsAny(t, "|<>\t`[]*_\\"):
		return other // indented, a table, HTML, links, emphasis: left alone
	case strings.HasPrefix(t, "#"):
		return heading
	case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") || strings.HasPrefix(t, "+ ") || orderedItem(t):
		return listItem
	case strings.HasPrefix(t, ">") || strings.HasPrefix(t, "---") || strings.HasPrefix(t, "==="):
		return other
	}
	return paragraph
}

func orderedItem(t string) bool {
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' '
}

// Damage returns src with glitches put in, and the glitches. src should be
// a clean note (one `itilint fix` leaves as it is).
func Damage(src string, rng *rand.Rand, opts Options) (string, []Glitch) {
	opts, want := opts.withDefaults()
	// A note with CRLF line ends is damaged with LF ones, which are
	// turned back at the end: the damage keeps the note's line ends.
	crlf := strings.Contains(src, "\r\n")
	if crlf {
		src = strings.ReplaceAll(src, "\r\n", "\n")
	}
	g := &damager{rng: rng, want: want, kinds: opts.Kinds, vocab: vocabulary(src)}
	out := g.blocks(blocks(src), opts)
	if want[TrailingBlankLines] && rng.Float64() < opts.Rate && strings.HasSuffix(out, "\n") {
		tail := strings.Repeat(" ", rng.Intn(3)) + "\n" + strings.Repeat("\n", rng.Intn(2))
		g.record(TrailingBlankLines, "", tail)
		out += tail
	}
	if crlf {
		out = strings.ReplaceAll(out, "\n", "\r\n")
	}
	return out, g.done
}

// withDefaults fills in the options left zero, and returns the kinds
// chosen as a set.
func (opts Options) withDefaults() (Options, map[Kind]bool) {
	if opts.PerParagraph == 0 {
		opts.PerParagraph = 3
	}
	if opts.Rate == 0 {
		opts.Rate = 0.5
	}
	if len(opts.Kinds) == 0 {
		opts.Kinds = Kinds()
	}
	want := map[Kind]bool{}
	for _, k := range opts.Kinds {
		want[k] = true
	}
	return opts, want
}

// blocks damages the blocks of a note, each with chance opts.Rate, and
// returns the note's text.
func (g *damager) blocks(bs []block, opts Options) string {
	var b strings.Builder
	glyphs := false
	for i, bl := range bs {
		if bl.kind == listItem {
			// A converter turns every bullet of a list into a glyph, not
			// one here and there.
			if i == 0 || bs[i-1].kind != listItem {
				glyphs = g.rng.Float64() < opts.Rate
			}
			if glyphs {
				b.WriteString(g.listItem(bl.lines[0]))
			} else {
				b.WriteString(bl.lines[0])
			}
			continue
		}
		if g.rng.Float64() >= opts.Rate {
			for _, l := range bl.lines {
				b.WriteString(l)
			}
			continue
		}
		prevBlank := i == 0 || bs[i-1].kind == blank
		afterList, afterEnd := follows(bs, i)
		nextBlank := i+1 == len(bs) || bs[i+1].kind == blank
		switch bl.kind {
		case paragraph:
			b.WriteString(g.paragraph(bl.lines, prevBlank && !afterList, afterEnd, nextBlank && i+1 < len(bs), opts.PerParagraph))
		case heading:
			b.WriteString(g.heading(bl.lines[0], afterList))
		case blank:
			b.WriteString(g.blank(bl.lines[0], i == len(bs)-1))
		default:
			for _, l := range bl.lines {
				b.WriteString(l)
			}
		}
	}
	return b.String()
}

// follows reads the last block before bs[i] that is not blank: whether
// it is a list item or something left alone (indented text after it,
// even after a blank line, goes on the item: no damage a reader could
// tell apart), and whether it ends a sentence (a heading, or text ending
// in . ? ! or :). With none, the block follows no list and an end.
func follows(bs []block, i int) (afterList, afterEnd bool) {
	for j := i - 1; j >= 0; j-- {
		if bs[j].kind != blank {
			last := strings.TrimSpace(bs[j].lines[len(bs[j].lines)-1])
			return bs[j].kind == listItem || bs[j].kind == other,
				bs[j].kind == heading || strings.HasSuffix(last, ".") || strings.HasSuffix(last, "?") || strings.HasSuffix(last, "!") || strings.HasSuffix(last, ":")
		}
	}
	return false, true
}

type damager struct {
	rng   *rand.Rand
	want  map[Kind]bool
	kinds []Kind
	vocab map[string]int
	done  []Glitch
}

func (g *damager) record(k Kind, before, after string) {
	g.done = append(g.done, Glitch{Kind: k, Before: before, After: after})
}

// vocabulary counts the lower-cased words of src.
func vocabulary(src string) map[string]int {
	v := map[string]int{}
	for _, w := range strings.FieldsFunc(src, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' }) {
		v[strings.ToLower(strings.Trim(w, "-'"))]++
	}
	return v
}

func (g *damager) heading(l string, afterList bool) string {
	t := strings.TrimRight(l, "\n")
	hashes := len(t) - len(strings.TrimLeft(t, "#"))
	if hashes == 0 || hashes > 6 || len(t) <= hashes || t[hashes] != ' ' {
		return l
	}
	text := strings.TrimLeft(t[hashes:], " ")
	var choices []Kind
	for _, k := range []Kind{IndentedHeading, TruncatedWord, TrailingSpace} {
		if g.want[k] {
			choices = append(choices, k)
		}
	}
	if len(choices) == 0 {
		return l
	}
	switch choices[g.rng.Intn(len(choices))] {
	case IndentedHeading:
		// After a list, a heading indented to the item's text goes on
		// the item.
		indent := 1
		if !afterList {
			indent += g.rng.Intn(3)
		}
		out := strings.Repeat(" ", indent) + t[:hashes] + strings.Repeat(" ", 2+g.rng.Intn(3)) + text + "\n"
		g.record(IndentedHeading, l, out)
		return out
	case TruncatedWord:
		i := strings.LastIndexByte(text, ' ')
		last := text[i+1:]
		cut, ok := g.truncation(last)
		if !ok {
			return l
		}
		out := t[:len(t)-len(last)] + cut + "-" + strings.Repeat(" ", g.rng.Intn(2)) + "\n"
		g.record(TruncatedWord, l, out)
		return out
	default:
		out := t + strings.Repeat(" ", 1+g.rng.Intn(3)) + "\n"
		g.record(TrailingSpace, l, out)
		return out
	}
}

// truncation returns w cut after a prefix that only w completes among the
// note's words and that is no word itself, when there is one.
func (g *damager) truncation(w string) (string, bool) {
	lw := strings.ToLower(w)
	if len(w) < 6 || !isLowerWord(lw) || g.vocab[lw] < 2 {
		return "", false
	}
	for cut := len(w) - 1; cut >= 4 && cut >= len(w)-3; cut-- {
		prefix := lw[:cut]
		if words.Known(prefix) || g.vocab[prefix] > 0 {
			continue
		}
		completions := 0
		for v := range g.vocab {
			if strings.HasPrefix(v, prefix) {
				completions++
			}
		}
		if completions == 1 {
			return w[:cut], true
		}
	}
	return "", false
}

// plainWords reports whether w is an English word, or words joined by
// hyphens ("co-created"), from the embedded list.
func plainWords(w string) bool {
	for _, part := range strings.Split(w, "-") {
		if !isLowerWord(part) || !words.Known(part) {
			return false
		}
	}
	return true
}

func isLowerWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

func (g *damager) blank(l string, last bool) string {
	var choices []Kind
	for _, k := range []Kind{BlankLines, TrailingSpace} {
		if g.want[k] && !(last && k == BlankLines) {
			choices = append(choices, k)
		}
	}
	if len(choices) == 0 {
		return l
	}
	if choices[g.rng.Intn(len(choices))] == BlankLines {
		out := l + strings.Repeat("\n", 1+g.rng.Intn(3))
		g.record(BlankLines, l, out)
		return out
	}
	out := strings.Repeat(" ", 1+g.rng.Intn(4)) + l
	g.record(TrailingSpace, l, out)
	return out
}

func (g *damager) listItem(l string) string {
	if !g.want[BulletGlyph] || !strings.HasPrefix(l, "- ") {
		return l
	}
	out := "•\t" + l[2:]
	g.record(BulletGlyph, l, out)
	return out
}

// A word of a paragraph: its text (punctuation after it included) and
// the text between it and the next word.
type word struct {
	text, gap string
}

// paragraph damages a paragraph (its lines end in "\n"); prevBlank and
// nextBlank say whether a blank line (or the note's start) is around it.
//
// afterEnd says whether the block before ends a sentence (a heading, or
// text ending in . ? ! or :): a paragraph after one that does not may
// lose its capital only if it could not then be read as going on with it.
func (g *damager) paragraph(lines []string, prevBlank, afterEnd, nextBlank bool, most int) string {
	ws, ok := splitWords(lines)
	if !ok || len(ws) < 4 {
		return strings.Join(lines, "")
	}
	before := strings.Join(lines, "")
	p := &paraDamage{g: g, ws: ws, used: map[int]bool{}, prevBlank: prevBlank, afterEnd: afterEnd}
	n := 1 + g.rng.Intn(most)
	for tries := 0; n > 0 && tries < 40; tries++ {
		k := g.kinds[g.rng.Intn(len(g.kinds))]
		i := g.rng.Intn(len(ws))
		if p.used[i] || p.used[i-1] || p.used[i+1] {
			continue
		}
		if damage := wordDamages[k]; damage != nil && damage(p, i) {
			p.used[i] = true
			n--
			g.record(k, "", "")
		}
	}
	out := p.text()
	// The glitches of a paragraph are recorded with its text before and
	// after, all of them together.
	for j := range g.done {
		if g.done[j].Before == "" && g.done[j].After == "" {
			g.done[j].Before, g.done[j].After = before, out
		}
	}
	return out
}

// splitWords splits a paragraph's lines into words; false when its
// spacing (two spaces, a leading or trailing one) could not be kept.
func splitWords(lines []string) ([]word, bool) {
	var ws []word
	for _, l := range lines {
		fs := strings.Split(strings.TrimRight(l, "\n"), " ")
		for i, f := range fs {
			if f == "" {
				return nil, false
			}
			gap := " "
			if i == len(fs)-1 {
				gap = "\n"
			}
			ws = append(ws, word{text: f, gap: gap})
		}
	}
	return ws, true
}

// paraDamage is a paragraph being damaged: its words, those already
// damaged (no glitch goes next to another), and what was done to its
// start.
type paraDamage struct {
	g                   *damager
	ws                  []word
	used                map[int]bool
	prevBlank, afterEnd bool
	// lead is what was done to the paragraph's first word ("split" or
	// "indent"), which rules out the other; indentAll is the indent put
	// before every line.
	lead, indentAll string
}

// prevGap is the text before word i: "\n" for the first.
func (p *paraDamage) prevGap(i int) string {
	if i > 0 {
		return p.ws[i-1].gap
	}
	return "\n"
}

// text is the damaged paragraph.
func (p *paraDamage) text() string {
	var b strings.Builder
	for _, w := range p.ws {
		b.WriteString(w.text)
		b.WriteString(w.gap)
	}
	out := b.String()
	if p.indentAll == "" {
		return out
	}
	var ib strings.Builder
	for _, l := range strings.SplitAfter(out, "\n") {
		if strings.TrimSpace(l) != "" {
			ib.WriteString(p.indentAll)
		}
		ib.WriteString(l)
	}
	return ib.String()
}

// wordDamages put a glitch of their kind at word i of a paragraph, and
// say whether they could: each asks for the place it needs.
var wordDamages = map[Kind]func(p *paraDamage, i int) bool{
	SplitFirstLetter:       (*paraDamage).splitFirstLetter,
	HyphenBreak:            (*paraDamage).hyphenBreak,
	BrokenParagraph:        (*paraDamage).brokenParagraph,
	DoubledWord:            (*paraDamage).doubledWord,
	LowerSentenceStart:     (*paraDamage).lowerSentenceStart,
	LowerI:                 (*paraDamage).lowerI,
	SpaceBeforePunctuation: (*paraDamage).spaceBeforePunctuation,
	MultipleSpaces:         (*paraDamage).multipleSpaces,
	TrailingSpace:          (*paraDamage).trailingSpace,
	NoBreakSpace:           (*paraDamage).noBreakSpace,
	IndentedLine:           (*paraDamage).indentedLine,
	IndentedProse:          (*paraDamage).indentedProse,
}

// splitFirstLetter puts the first letter of the paragraph's first word,
// or of a line that starts a sentence, alone on an indented line.
func (p *paraDamage) splitFirstLetter(i int) bool {
	w := &p.ws[i]
	if !(p.prevGap(i) == "\n" && len(w.text) >= 3 && isUpper(w.text[0]) && isLowerWord(strings.TrimRight(w.text[1:], ".,;:")) &&
		(i > 0 || p.prevBlank) && sentenceEnd(p.ws, i) && p.lead == "") {
		return false
	}
	indent := strings.Repeat(" ", 4+p.g.rng.Intn(2))
	w.text = indent + w.text[:1] + "\n" + indent + w.text[1:]
	if i == 0 {
		p.lead = "split"
	}
	return true
}

// hyphenBreak breaks a long lower-case word over two lines with a hyphen.
func (p *paraDamage) hyphenBreak(i int) bool {
	w := &p.ws[i]
	core := strings.TrimRight(w.text, ".,;:?!")
	if len(core) < 7 || !isLowerWord(core) {
		return false
	}
	at := 3 + p.g.rng.Intn(len(core)-5)
	w.text = core[:at] + "-\n" + core[at:] + w.text[len(core):]
	return true
}

// brokenParagraph puts a blank line between two lower-case words.
func (p *paraDamage) brokenParagraph(i int) bool {
	ws := p.ws
	if !(i+1 < len(ws) && ws[i].gap == " " && isLowerWord(ws[i].text) && isLowerWord(strings.TrimRight(ws[i+1].text, ".,;:")) && i > 2 && !p.used[i+2]) {
		return false
	}
	ws[i].gap = "\n\n" + strings.Repeat(" ", p.g.rng.Intn(3))
	p.used[i+2] = true
	return true
}

// doubledWord writes a lower-case word twice, unless English doubles it.
func (p *paraDamage) doubledWord(i int) bool {
	w := &p.ws[i]
	core := strings.TrimRight(w.text, ".,;:?!")
	if !(i > 0 && isLowerWord(core) && len(core) >= 2 && !reduplications[core] && p.prevGap(i) != "\n") {
		return false
	}
	w.text = core + " " + w.text
	return true
}

// lowerSentenceStart lowers the capital of a word that starts a sentence.
func (p *paraDamage) lowerSentenceStart(i int) bool {
	w := &p.ws[i]
	core := strings.TrimRight(w.text, ".,;:?!")
	if !(len(core) >= 2 && isUpper(core[0]) && core[1:] == strings.ToLower(core[1:]) && plainWords(strings.ToLower(core)) && sentenceEnd(p.ws, i) &&
		(i > 0 && p.prevGap(i) == " " || i == 0 && p.prevBlank && p.afterEnd && p.lead == "")) {
		return false
	}
	w.text = strings.ToLower(w.text[:1]) + w.text[1:]
	return true
}

// lowerI writes the pronoun I (or I'm, I've...) in lower case.
func (p *paraDamage) lowerI(i int) bool {
	w := &p.ws[i]
	if !(w.text == "I" || strings.HasPrefix(w.text, "I'")) || !(i > 0 && p.prevGap(i) == " ") {
		return false
	}
	w.text = "i" + w.text[1:]
	return true
}

// spaceBeforePunctuation puts a space before a comma, colon, semicolon,
// question or exclamation mark after a letter.
func (p *paraDamage) spaceBeforePunctuation(i int) bool {
	w := &p.ws[i]
	c := w.text[len(w.text)-1]
	if !((c == ',' || c == ':' || c == ';' || c == '?' || c == '!') && len(w.text) > 1 && isLetter(w.text[len(w.text)-2])) {
		return false
	}
	w.text = w.text[:len(w.text)-1] + " " + w.text[len(w.text)-1:]
	return true
}

// multipleSpaces widens the space after a word to two or three.
func (p *paraDamage) multipleSpaces(i int) bool {
	w := &p.ws[i]
	if w.gap != " " {
		return false
	}
	w.gap = strings.Repeat(" ", 2+p.g.rng.Intn(2))
	return true
}

// trailingSpace puts spaces at the end of the paragraph's last line.
func (p *paraDamage) trailingSpace(i int) bool {
	w := &p.ws[i]
	if w.gap != "\n" || i != len(p.ws)-1 {
		return false
	}
	w.gap = strings.Repeat(" ", 1+p.g.rng.Intn(3)) + "\n"
	return true
}

// noBreakSpace turns the space after a word into a no-break space.
func (p *paraDamage) noBreakSpace(i int) bool {
	w := &p.ws[i]
	if w.gap != " " {
		return false
	}
	w.gap = "\u00a0"
	return true
}

// indentedLine indents a line after the first by one to three spaces.
func (p *paraDamage) indentedLine(i int) bool {
	w := &p.ws[i]
	if !(i > 0 && p.prevGap(i) == "\n") {
		return false
	}
	w.text = strings.Repeat(" ", 1+p.g.rng.Intn(3)) + w.text
	return true
}

// indentedProse indents the whole paragraph by four or five spaces, so
// that Markdown reads it as code.
func (p *paraDamage) indentedProse(int) bool {
	if !(p.prevBlank && p.indentAll == "" && p.lead == "") {
		return false
	}
	p.indentAll = strings.Repeat(" ", 4+p.g.rng.Intn(2))
	p.lead = "indent"
	return true
}

// sentenceEnd reports whether word i starts a sentence: the first word,
// or one after a word ending in a full stop, question or exclamation mark.
func sentenceEnd(ws []word, i int) bool {
	if i == 0 {
		return true
	}
	p := ws[i-1].text
	return strings.HasSuffix(p, ".") && len(p) > 2 && !strings.Contains(p[:len(p)-1], ".") || strings.HasSuffix(p, "?") || strings.HasSuffix(p, "!")
}

func isUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || isUpper(c) }

// Sorted returns the kinds of the glitches, counted, for a log line.
func Sorted(gs []Glitch) []string {
	count := map[Kind]int{}
	for _, g := range gs {
		count[g.Kind]++
	}
	var out []string
	for k, n := range count {
		out = append(out, k.String()+"="+itoa(n))
	}
	sort.Strings(out)
	return out
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
