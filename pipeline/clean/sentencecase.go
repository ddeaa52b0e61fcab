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
		// The paragraph's first word, when in lower case (seldom, so
		// asked first). A transcript's paragraph starts after a pause,
		// often in the middle of a sentence.
		if first := b.Lines[0]; lowerStart(src[first.Start:first.End]) && !b.InList && prose[0].Start == first.Start && !brokenBefore(src, d.blocks, i) && !afterIndentedCode(src, d.blocks, i) && !transcript(p.Note) {
			if capitalizable(src, first.Start, first.End) && !notASentence(src, first.Start, first.Start, first.End) {
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
				if k == s.Start || isSpace(src[k-1]) {
					// A mark set apart by a space ends no sentence: it is
					// a symbol spoken about ("? is one way to make a
					// group optional", in a caption) or a detached slip
					// that space-before-punctuation reports.
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
				if c == '!' {
					// "!" before a lower-case word is part of a name
					// ("diff!", "Yahoo!"), a slip for a quote, or
					// speech quoted without marks ("Correct! says Paula").
					continue
				}
				if capitalizable(src, j, s.End) && !notASentence(src, s.Start, j, s.End) {
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

// SentenceCase capitalises a sentence that starts in lower case.
var SentenceCase = &rule.Rule{
	ID:       "sentence-case",
	Severity: rule.Warning,
	Doc: `A sentence starts in lower case.
Transcripts and quick notes drop capitals. The first letter of a paragraph,
and of a word after . or ?, is capitalised when the word is plain English
(not a name such as iPhone, a command or an abbreviation like e.g.). Left
alone: a word after "!" ("diff! passes"), code ("set nrformats+=alpha"), a
list item cut off by a slip ("mission, vision. values, etc.") and the start
of a transcript's paragraph, which is a pause in speech.`,
	Good: []string{"Value matters. It is co-created.\n", "Use e.g. this, i.e. that, etc. and so on.\n",
		"The diff! step passes.\n", "set nrformats+=alpha\n", "Culture (style, mission, vision. values, etc.) matters.\n",
		"Questions like \"how does it help you?\"\n\n  give a better understanding.\n", "It works every time. www is gone.\n"},
	Bad: []string{"co-creating value matters.\n", "Value matters. it is co-created.\n"},
	Run: runSentenceCase,
}
