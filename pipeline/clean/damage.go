package clean

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/rule"
)

// mojibakeAt decodes a double-encoded UTF-8 sequence at src[i:]: UTF-8
// bytes that were read as Windows-1252 and written out again as UTF-8
// ("â€™" for "’"). It returns the sequence's end and the character meant.
func mojibakeAt(src []byte, i int) (end int, meant string, ok bool) {
	lead, size := utf8.DecodeRune(src[i:])
	if lead < 0xC2 || lead > 0xF4 {
		return 0, "", false
	}
	follow := 1
	switch {
	case lead >= 0xF0:
		follow = 3
	case lead >= 0xE0:
		follow = 2
	}
	raw := []byte{byte(lead)}
	j := i + size
	for k := 0; k < follow; k++ {
		if j >= len(src) {
			return 0, "", false
		}
		r, sz := utf8.DecodeRune(src[j:])
		b, ok := charmap.Windows1252.EncodeRune(r)
		if !ok || b < 0x80 || b > 0xBF {
			return 0, "", false
		}
		raw = append(raw, b)
		j += sz
	}
	r, sz := utf8.DecodeRune(raw)
	if r == utf8.RuneError || sz != len(raw) {
		return 0, "", false
	}
	return j, string(raw), true
}

func runMojibake(p *rule.Pass) {
	src := p.Note.Text
	d := docOf(p.Note)
	for i := 0; i < len(src); i++ {
		// Â..ô, U+00C2..U+00F4, are C3 82..C3 B4 in UTF-8; most notes
		// have none, and the search skips the ASCII text fast.
		k := bytes.IndexByte(src[i:], 0xC3)
		if k < 0 {
			break
		}
		i += k
		end, meant, ok := mojibakeAt(src, i)
		if !ok || !d.inProse(i) {
			continue
		}
		p.Report(rule.Finding{Start: i, End: end, Message: rule.Messagef("%q is %q encoded twice (mojibake)", string(src[i:end]), meant),
			Fix: rule.NewFix(rule.Messagef("write %q", meant), rule.Structural, edit.Edit{Start: i, End: end, New: meant})})
		i = end - 1
	}
}

// invisible maps characters that look like a space, or like nothing, to
// what the note should hold instead.
var invisible = map[rune]string{
	'\u00a0': " ", // no-break space
	'\u2007': " ", // figure space
	'\u202f': " ", // narrow no-break space
	'\u200b': "",  // zero-width space
	'\u2060': "",  // word joiner
	'\ufeff': "",  // a byte order mark inside the text
}

var invisibleName = map[rune]string{
	'\u00a0': "a no-break space", '\u2007': "a figure space", '\u202f': "a narrow no-break space",
	'\u200b': "a zero-width space", '\u2060': "a word joiner", '\ufeff': "a byte order mark",
}

func runInvisibleSpace(p *rule.Pass) {
	src := p.Note.Text
	d := docOf(p.Note)
	// The invisible characters start with C2, E2 or EF in UTF-8: jump from
	// one such byte to the next (each searched fast over the ASCII text).
	next := [3]int{-1, -1, -1}
	for i := 0; i < len(src); i++ {
		k := len(src)
		for j, lead := range [3]byte{0xC2, 0xE2, 0xEF} {
			if next[j] < i && next[j] != len(src) {
				next[j] = len(src)
				if at := bytes.IndexByte(src[i:], lead); at >= 0 {
					next[j] = i + at
				}
			}
			k = min(k, next[j])
		}
		if k == len(src) {
			break
		}
		i = k
		r, size := utf8.DecodeRune(src[i:])
		repl, ok := invisible[r]
		if !ok || !d.inProse(i) {
			continue
		}
		p.Report(rule.Finding{Start: i, End: i + size, Message: invisibleName[r] + " in the text",
			Fix: rule.NewFix("replace with a plain space or remove", rule.Structural, edit.Edit{Start: i, End: i + size, New: repl})})
		i += size - 1
	}
}

// bulletGlyphs are characters pasted from word processors as list bullets.
var bulletGlyphs = []string{"•", "●", "▪", "◦", "‣", "∙", "·", "○", "■", "♦", "➢", "→"}

// listLines calls f for every line of a top-level paragraph that is not a
// list item yet, with the line's start, the offset after its indentation
// (at most three spaces) and whether it is the paragraph's first line.
func listLines(d *doc, f func(ls, i int, first bool, prevPlain bool)) {
	src := d.n.Text
	for _, b := range d.blocks {
		if !topParagraph(b) {
			continue
		}
		for k, seg := range b.Lines {
			ls := lineStartAt(src, seg.Start)
			if seg.Start-ls > 3 || skipSpace(src, ls, seg.Start) != seg.Start {
				continue
			}
			f(ls, seg.Start, k == 0, k > 0)
		}
	}
}

func runBulletGlyph(p *rule.Pass) {
	src := p.Note.Text
	listLines(docOf(p.Note), func(ls, i int, first, _ bool) {
		if k, ok := wordBullet(src, i); ok {
			p.Report(rule.Finding{Start: i, End: k, Message: `"o" used as a list bullet (a word processor's second-level bullet)`,
				Fix: rule.NewFix("make it a Markdown list item", rule.Structural, edit.Edit{Start: i, End: k, New: "- "})})
			return
		}
		if i >= len(src) || src[i] < utf8.RuneSelf {
			return // every glyph but "o" is a multi-byte character
		}
		for _, g := range bulletGlyphs {
			if !bytes.HasPrefix(src[i:], []byte(g)) {
				continue
			}
			j := i + len(g)
			k := skipSpace(src, j, len(src))
			if k == j || k >= len(src) || src[k] == '\n' {
				return
			}
			p.Report(rule.Finding{Start: i, End: k, Message: rule.Messagef("%q used as a list bullet", g),
				Fix: rule.NewFix("make it a Markdown list item", rule.Structural, edit.Edit{Start: i, End: k, New: "- "})})
			return
		}
	})
}

// numberAt reads "N)", "(N)" or "N\." at src[i:]: the number, the end of
// the marker and which form it was.
func numberAt(src []byte, i int) (num string, end int, form byte) {
	j := i
	paren := j < len(src) && src[j] == '('
	if paren {
		j++
	}
	k := j
	for k < len(src) && isDigit(src[k]) && k-j < 3 {
		k++
	}
	if k == j || k >= len(src) {
		return "", 0, 0
	}
	num = string(src[j:k])
	switch {
	case src[k] == ')':
		return num, k + 1, ')'
	case !paren && src[k] == '\\' && k+1 < len(src) && src[k+1] == '.':
		return num, k + 2, '\\'
	}
	return "", 0, 0
}

// markdownItem reports a line turned into a list item: the marker is
// replaced by want, and a blank line is put before an item that cannot
// interrupt the paragraph it sits in (an ordered item not numbered 1).
func markdownItem(p *rule.Pass, ls, i, end int, want string, interrupts bool, first bool, msg string) {
	src := p.Note.Text
	k := skipSpace(src, end, len(src))
	if k == end || k >= len(src) || src[k] == '\n' {
		return
	}
	edits := []edit.Edit{{Start: i, End: k, New: want}}
	if !first && !interrupts && !itemLine(src, p.Note.LineStart(p.Note.LineOf(ls)-1)) {
		edits = append([]edit.Edit{{Start: ls, End: ls, New: "\n"}}, edits...)
	}
	p.Report(rule.Finding{Start: i, End: k, Message: msg,
		Fix: &rule.Fix{Message: "make it a Markdown list item", Kind: rule.Structural, Edits: edits}})
}

// itemLine reports whether the line at ls starts with a list marker, or
// with one of the markers this package turns into one.
func itemLine(src []byte, ls int) bool {
	i := skipSpace(src, ls, len(src))
	if i-ls > 3 || i >= len(src) {
		return false
	}
	if _, _, form := numberAt(src, i); form != 0 {
		return true
	}
	j := i
	for j < len(src) && isDigit(src[j]) {
		j++
	}
	if j > i && j < len(src) && src[j] == '.' {
		return true
	}
	switch src[i] {
	case '-', '*', '+', '\\':
		return true
	}
	if _, ok := wordBullet(src, i); ok {
		return true
	}
	for _, g := range bulletGlyphs {
		if bytes.HasPrefix(src[i:], []byte(g)) {
			return true
		}
	}
	return false
}

func runParenNumbering(p *rule.Pass) {
	src := p.Note.Text
	listLines(docOf(p.Note), func(ls, i int, first, _ bool) {
		num, end, form := numberAt(src, i)
		if form != ')' {
			return
		}
		markdownItem(p, ls, i, end, num+". ", num == "1", first,
			rule.Messagef("%q numbering is not a Markdown list here", string(src[i:end])))
	})
}

func runEscapedNumbering(p *rule.Pass) {
	src := p.Note.Text
	listLines(docOf(p.Note), func(ls, i int, first, _ bool) {
		if num, end, form := numberAt(src, i); form == '\\' {
			markdownItem(p, ls, i, end, num+". ", num == "1", first,
				rule.Messagef("%q is an escaped list number (left by a converter)", string(src[i:end])))
			return
		}
		if i+1 < len(src) && src[i] == '\\' && (src[i+1] == '-' || src[i+1] == '*' || src[i+1] == '+') {
			markdownItem(p, ls, i, i+2, "- ", true, first,
				rule.Messagef("%q is an escaped list bullet (left by a converter)", string(src[i:i+2])))
		}
	})
}

// Mojibake repairs double-encoded UTF-8.
var Mojibake = &rule.Rule{
	ID:       "mojibake",
	Severity: rule.Warning,
	Doc: `Text was encoded twice ("â€™" for "’", "Ã©" for "é").
Copying between programs that disagree on the encoding turns each accented
letter or typographic quote into two or three odd characters; they are
decoded back.`,
	Good: []string{"Value’s owner is the café.\n"},
	Bad:  []string{"Valueâ€™s owner is the cafÃ©.\n"},
	Run:  runMojibake,
}

// InvisibleSpace replaces no-break and zero-width spaces.
var InvisibleSpace = &rule.Rule{
	ID:       "invisible-space",
	Severity: rule.Warning,
	Doc: `A no-break or zero-width space hides in the text.
They come from web pages and word processors, look like a space (or like
nothing) and break searches, term checks and word splitting.`,
	Good: []string{"A plain space.\n"},
	Bad:  []string{"ITIL\u00a04 value.\n", "co\u200bcreation\n"},
	Run:  runInvisibleSpace,
}

// BulletGlyph turns pasted bullet characters into Markdown list items.
var BulletGlyph = &rule.Rule{
	ID:       "bullet-glyph",
	Severity: rule.Warning,
	Doc: `A line starts with a bullet character ("•") instead of a list marker.
Markdown does not know "•": the lines run together into one paragraph. They
become "- " list items. A word processor pastes its second-level bullets as
a lower-case "o" before a capitalised item ("o Supplier management"); those
are list items too, not sentences going on in lower case.`,
	Good: []string{"- Users\n- Services\n", "Say o and then a word.\n"},
	Bad:  []string{"•\tUsers\n•\tServices\n", "Practices include:\n\no Supplier management\n\no Service desk\n"},
	Run:  runBulletGlyph,
}

// ParenNumbering turns "1)"-style numbering into a Markdown list.
var ParenNumbering = &rule.Rule{
	ID:       "paren-numbering",
	Severity: rule.Warning,
	Doc: `Lines are numbered "(1)" or "2)" where Markdown sees no list.
"(1)" is never a list marker, and "2)" inside a paragraph only continues it;
they become "1." items.`,
	Good: []string{"1. Plan\n2. Improve\n"},
	Bad:  []string{"(1) Plan\n(2) Improve\n", "Steps:\n2) Improve\n"},
	Run:  runParenNumbering,
}

// EscapedNumbering unescapes list markers escaped by converters.
var EscapedNumbering = &rule.Rule{
	ID:       "escaped-numbering",
	Severity: rule.Warning,
	Doc: `A list number or bullet is escaped ("1\.", "\-") by a converter.
Document converters escape what they did not mean as a list; in notes it
was one. The escape goes, and the line becomes a list item.`,
	Good: []string{"1. Introduction\n"},
	Bad:  []string{"1\\.\tIntroduction to ITIL 4\n", "\\* Priority = Impact + Urgency\n"},
	Run:  runEscapedNumbering,
}
