package clean

import (
	"bytes"
	"strings"

	"github.com/itilint/itilint/pipeline/clean/words"
	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/rule"
)

// abbreviations end in a period without ending the sentence.
var abbreviations = map[string]bool{
	"etc": true, "vs": true, "cf": true, "approx": true, "incl": true, "eg": true, "ie": true,
	"no": true, "fig": true, "ch": true, "p": true, "pp": true, "vol": true, "ca": true, "al": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "e.g": true, "i.e": true,
}

// englishWord reports whether w (lower case, maybe hyphenated) is an
// English word, so capitalising it cannot break a name, a command or code.
func englishWord(w string) bool {
	if words.Known(w) {
		return true
	}
	if !strings.Contains(w, "-") {
		return false
	}
	// Cut, not Split: a slice of parts would make w escape, and callers
	// ask with words converted from the note's bytes.
	for rest := w; ; {
		part, after, more := strings.Cut(rest, "-")
		if part == "" || !words.Known(part) {
			return false
		}
		if !more {
			return true
		}
		rest = after
	}
}

// wordAt returns the word (letters, inner hyphens and apostrophes) at i.
// It views src: most words are looked up and dropped, and a lookup by a
// converted slice makes no string.
func wordAt(src []byte, i, hi int) []byte {
	j := i
	for j < hi && (isAlnum(src[j]) || (src[j] == '-' || src[j] == '\'') && j+1 < hi && isAlnum(src[j+1])) {
		j++
	}
	return src[i:j]
}

// capitalizable reports whether the word at src[at:hi] may be given a
// capital: plain English, not an enumerator ("a)", "o" used as a bullet)
// and not an abbreviation ("etc.").
func capitalizable(src []byte, at, hi int) bool {
	w := wordAt(src, at, hi)
	if len(w) == 1 && w[0] != 'a' || abbreviations[string(w)] || !englishWord(string(w)) || !bytes.ContainsAny(w, "aeiouy") {
		// A word with no vowel is a lower-case abbreviation ("www",
		// "ssh") that the word list happens to hold, not prose.
		return false
	}
	end := at + len(w)
	return end >= hi || src[end] != ')' && !(src[end] == '.' && end+1 < hi && isAlnum(src[end+1]))
}

// capitalize reports the word at src[at], which starts with a lower-case
// ASCII letter (lowerStart), and gives it its capital.
func capitalize(p *rule.Pass, at int, why string) {
	src := p.Note.Text
	w := wordAt(src, at, len(src))
	// A capital is a constant's byte, not a new string.
	capital := capitals[src[at]-'a' : src[at]-'a'+1]
	p.Report(rule.Finding{Start: at, End: at + len(w), Message: rule.Messagef("%s starts in lower case: %q", why, string(w)),
		Fix: rule.NewFix(rule.Messagef("write %q", capital+string(w[1:])), rule.Structural, edit.Edit{Start: at, End: at + 1, New: capital})})
}

const capitals = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

func runSentenceCase(p *rule.Pass) {
	src := p.Note.Text
	d := docOf(p.Note)
	ends := note.NewMarkFinder(src, ".", "?", "!")
	for i, b := range d.blocks {
		if b.Kind != note.Paragraph || len(b.Lines) == 0 {
			continue
		}
		prose := d.proseOf(i)
		if len(prose) == 0 {
			continue
		}
		// The paragraph's first word.
		if first := b.Lines[0]; !b.InList && prose[0].Start == first.Start && !brokenBefore(src, d.blocks, i) {
			if lowerStart(src[first.Start:first.End]) && capitalizable(src, first.Start, first.End) {
				capitalize(p, first.Start, "the paragraph")
			}
		}
		// Words after a sentence end inside the paragraph: jump from one
		// . ? or ! to the next (a sentence is some eighty bytes).
		for _, s := range prose {
			for k := s.Start; k < s.End; k++ {
				if k = ends.Next(k); k >= s.End {
					break
				}
				c := src[k]
				j := k + 1
				if j >= s.End || src[j] != ' ' {
					continue
				}
				for j < s.End && src[j] == ' ' {
					j++
				}
				if j >= s.End || !lowerStart(src[j:s.End]) {
					continue
				}
				if c == '.' && abbreviated(src, s.Start, k) {
					continue
				}
				if capitalizable(src, j, s.End) {
					capitalize(p, j, "a sentence")
				}
			}
		}
	}
}

// abbreviated reports whether the period at src[dot] closes an
// abbreviation, an initial, a number or an ellipsis rather than a sentence.
func abbreviated(src []byte, lo, dot int) bool {
	if dot > lo && src[dot-1] == '.' {
		return true
	}
	i := dot
	for i > lo && (isAlnum(src[i-1]) || src[i-1] == '.') {
		i--
	}
	w := strings.ToLower(string(src[i:dot]))
	if w == "" || len(w) == 1 || strings.Contains(w, ".") || abbreviations[w] {
		return true
	}
	for _, c := range []byte(w) {
		if !isDigit(c) {
			return false
		}
	}
	return true
}

func runLowercaseI(p *rule.Pass) {
	for _, k := range docOf(p.Note).scan().pronouns {
		p.Report(rule.Finding{Start: k, End: k + 1, Message: `the pronoun "i" in lower case`,
			Fix: rule.NewFix(`write "I"`, rule.Structural, edit.Edit{Start: k, End: k + 1, New: "I"})})
	}
}

// pronounI reports whether src[k] is the pronoun "i": an "i" at the start
// of the text or after a blank, a newline or a quote, followed by a blank,
// a newline, punctuation or a contraction ("i'm", "i've").
func pronounI(src []byte, k int) bool {
	if src[k] != 'i' || k > 0 && !(src[k-1] == ' ' || src[k-1] == '\n' || src[k-1] == '"' || src[k-1] == '\t') {
		return false
	}
	next := byte(' ')
	if k+1 < len(src) {
		next = src[k+1]
	}
	switch next {
	case ' ', '\n', ',', '?', '!', ';', ':':
		return true
	case '.':
		return k+2 >= len(src) || !isAlnum(src[k+2])
	case '\'':
		rest := src[k+2 : min(k+4, len(src))]
		return bytes.HasPrefix(rest, []byte("m")) || bytes.HasPrefix(rest, []byte("ve")) ||
			bytes.HasPrefix(rest, []byte("ll")) || bytes.HasPrefix(rest, []byte("d"))
	}
	return false
}

// Doubled words: slips worth fixing are doubled articles and
// conjunctions; some doubles are English ("that that", "had had", "what it
// is is", "talk to to know", "bake them in in a binary") and are left alone;
// other doubles ("win win") are reported for a human to decide.
var (
	slipDoubles  = map[string]bool{"the": true, "a": true, "an": true, "of": true, "and": true, "or": true, "this": true, "these": true, "their": true, "our": true, "your": true, "its": true, "with": true, "for": true, "are": true, "was": true, "were": true}
	legitDoubles = map[string]bool{"that": true, "had": true, "is": true, "in": true, "to": true, "on": true, "so": true, "very": true, "no": true, "yes": true, "bye": true, "ha": true, "i": true, "do": true, "up": true, "out": true, "by": true, "off": true}
)

func runDoubledWord(p *rule.Pass) {
	src := p.Note.Text
	for _, d := range docOf(p.Note).scan().doubled {
		w := src[d.start:d.end]
		// Lowered in a buffer for the lookups: the lists are ASCII words,
		// and only a word strings.ToLower would make ASCII of could be one.
		var buf [32]byte
		lw := appendLower(buf[:0], w)
		if !isASCII(w) {
			lw = []byte(strings.ToLower(string(w)))
		}
		if legitDoubles[string(lw)] {
			continue
		}
		f := rule.Finding{Start: d.prevStart, End: d.end}
		if slipDoubles[string(lw)] {
			f.Message = rule.Messagef("doubled word %q", string(w))
			f.Fix = rule.NewFix(rule.Messagef("remove the second %q", string(w)), rule.Structural, edit.Edit{Start: d.prevEnd, End: d.end})
		} else {
			f.Message = rule.Messagef("doubled word %q; remove one if it is a slip", string(w))
		}
		p.Report(f)
	}
}

// SentenceCase capitalises a sentence that starts in lower case.
var SentenceCase = &rule.Rule{
	ID:       "sentence-case",
	Severity: rule.Warning,
	Doc: `A sentence starts in lower case.
Transcripts and quick notes drop capitals. The first letter of a paragraph,
and of a word after . ? or !, is capitalised when the word is plain English
(not a name such as iPhone, a command or an abbreviation like e.g.).`,
	Good: []string{"Value matters. It is co-created.\n", "Use e.g. this, i.e. that, etc. and so on.\n",
		"Questions like \"how does it help you?\"\n\n  give a better understanding.\n", "It works every time. www is gone.\n"},
	Bad: []string{"co-creating value matters.\n", "Value matters. it is co-created.\n"},
	Run: runSentenceCase,
}

// LowercaseI capitalises the pronoun I.
var LowercaseI = &rule.Rule{
	ID:       "lowercase-i",
	Severity: rule.Warning,
	Doc: `The pronoun "i" is written in lower case.
Chat-style notes write "i think"; English writes "I". Roman numerals such as
"(i)" and "i.e." are left alone.`,
	Good: []string{"I think (i) and i.e. stay.\n"},
	Bad:  []string{"Then i buy a subscription.\n", "So i'm the customer.\n"},
	Run:  runLowercaseI,
}

// DoubledWord removes a word written twice.
var DoubledWord = &rule.Rule{
	ID:       "doubled-word",
	Severity: rule.Warning,
	Doc: `A word is written twice in a row ("the the").
A slip of typing or of a transcript. A doubled article or conjunction is
removed; doubles English allows ("that that", "had had", "in in") stay;
other doubles ("win win") are only reported.`,
	Good: []string{"He said that that was fine, and we bake them in in one binary.\n"},
	Bad:  []string{"Focus on the the value.\n"},
	Run:  runDoubledWord,
}
