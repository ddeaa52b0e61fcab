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
		// The paragraph's first word. A transcript's paragraph starts
		// after a pause, often in the middle of a sentence.
		if first := b.Lines[0]; !b.InList && prose[0].Start == first.Start && !brokenBefore(src, d.blocks, i) && !afterIndentedCode(src, d.blocks, i) && !transcript(p.Note) {
			if lowerStart(src[first.Start:first.End]) && capitalizable(src, first.Start, first.End) && !notASentence(src, first.Start, first.Start, first.End) {
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

// afterIndentedCode reports whether block i follows an indented code
// block with no blank line between: a paragraph cannot start there unless
// the code block is prose indented by damage ("    T" / "    he value" /
// "chain is..."), which prose-as-code de-indents, and then the paragraph
// goes on the sentence the block starts.
func afterIndentedCode(src []byte, blocks []note.Block, i int) bool {
	if i == 0 || blocks[i-1].Kind != note.CodeBlock || len(blocks[i-1].Lines) == 0 || len(blocks[i].Lines) == 0 {
		return false
	}
	// The block's last line with text: goldmark may keep blank lines
	// at a code block's end.
	lines := blocks[i-1].Lines
	k := len(lines) - 1
	for k > 0 && len(bytes.TrimSpace(src[lines[k].Start:lines[k].End])) == 0 {
		k--
	}
	gap := src[lineEndAt(src, lines[k].Start):blocks[i].Lines[0].Start]
	return bytes.Count(gap, []byte("\n")) <= 1 && len(bytes.TrimSpace(gap)) == 0
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

// Doubled words are slips of typing and of transcripts ("the the", "is
// is", "technologies technologies") and are repaired, except the doubles
// English makes on purpose. Some words are doubled on purpose wherever
// they stand ("had had", "that that", "win win", "bye bye", "unknown
// unknown"); a few only after certain words: a particle after its verb
// or object ("step in in time", "bake them in in"), "to" after a verb
// that takes it ("people we can talk to to know"), "is" after a clause
// that ends in it ("what it is is"), "do" for emphasis ("they do do").
var (
	legitDoubles = map[string]bool{
		"that": true, "had": true, "win": true, "bye": true, "very": true, "really": true, "many": true,
		"much": true, "so": true, "no": true, "yes": true, "ha": true, "oh": true, "right": true,
		"well": true, "now": true, "there": true, "unknown": true, "dash": true, "blah": true,
		"knock": true, "chop": true, "tut": true, "hip": true, "hey": true, "yeah": true, "far": true,
		"long": true, "again": true, "more": true, "bla": true, "wow": true, "ho": true, "boo": true,
	}
	// particles are doubled on purpose after a verb they complete or its
	// object (particleVerbs).
	particles = map[string]bool{"in": true, "on": true, "up": true, "out": true, "off": true, "by": true, "over": true, "down": true, "through": true, "about": true, "around": true}
	// particleVerbs are words a particle can follow as part of a phrasal
	// verb, and the object pronouns that stand between.
	particleVerbs = map[string]bool{
		"them": true, "it": true, "him": true, "her": true, "us": true, "me": true, "you": true, "this": true, "everything": true, "something": true, "things": true,
		"step": true, "steps": true, "stepped": true, "come": true, "comes": true, "came": true, "coming": true, "go": true, "goes": true, "went": true, "going": true,
		"log": true, "logged": true, "check": true, "checked": true, "sign": true, "signed": true, "plug": true, "plugged": true, "bake": true, "baked": true,
		"build": true, "built": true, "fill": true, "filled": true, "put": true, "fit": true, "fits": true, "join": true, "joined": true, "opt": true, "opted": true,
		"break": true, "broke": true, "get": true, "gets": true, "got": true, "set": true, "turn": true, "turned": true, "carry": true, "carried": true,
		"hold": true, "held": true, "move": true, "moved": true, "look": true, "looked": true, "pass": true, "passed": true, "phase": true, "phased": true,
		"roll": true, "rolled": true, "sort": true, "sorted": true, "find": true, "found": true, "work": true, "worked": true, "drop": true, "dropped": true,
		"give": true, "gave": true, "take": true, "took": true, "make": true, "made": true, "show": true, "showed": true, "call": true, "called": true,
		"pick": true, "picked": true, "stand": true, "stood": true, "stay": true, "stayed": true, "keep": true, "kept": true, "run": true, "ran": true,
		"bring": true, "brought": true, "point": true, "pointed": true, "end": true, "ended": true, "lock": true, "locked": true, "factor": true, "kick": true,
		"kicked": true, "read": true, "write": true, "wrote": true, "hand": true, "handed": true, "sit": true, "sat": true, "hang": true, "back": true,
		"zoom": true, "zoomed": true, "chip": true, "chipped": true, "weigh": true, "weighed": true, "think": true, "thought": true, "talk": true, "talked": true,
	}
	// toVerbs are words "to" follows as a preposition, so that an
	// infinitive's "to" can come right after it.
	toVerbs = map[string]bool{
		"talk": true, "talked": true, "talking": true, "speak": true, "spoke": true, "speaking": true, "listen": true, "listened": true, "listening": true,
		"refer": true, "referred": true, "reply": true, "replied": true, "respond": true, "responded": true, "belong": true, "belongs": true,
		"turn": true, "turned": true, "look": true, "looked": true, "go": true, "went": true, "come": true, "came": true, "get": true, "got": true,
		"point": true, "pointed": true, "relate": true, "related": true, "apply": true, "applied": true, "agree": true, "agreed": true, "explain": true,
		"explained": true, "report": true, "reported": true, "write": true, "wrote": true, "say": true, "said": true, "send": true, "sent": true,
		"give": true, "gave": true, "show": true, "showed": true, "add": true, "added": true, "switch": true, "switched": true, "move": true, "moved": true,
		"up": true, "due": true, "next": true, "according": true, "close": true, "similar": true, "back": true, "attend": true, "react": true, "adapt": true,
		"stick": true, "stuck": true, "lead": true, "led": true, "happen": true, "happened": true, "happens": true, "contribute": true, "contributed": true,
		"return": true, "returned": true, "object": true, "admit": true, "commit": true, "committed": true, "used": true, "open": true, "known": true, "thanks": true,
	}
	// clauseWords start a clause a sentence can use as its subject, so
	// that its "is" is followed by the sentence's own ("what it is is").
	clauseWords = map[string]bool{"what": true, "where": true, "how": true, "why": true, "who": true, "whatever": true, "whoever": true, "all": true,
		"thing": true, "problem": true, "point": true, "question": true, "issue": true, "reason": true, "truth": true, "fact": true, "idea": true}
	// subjects are the words "do" for emphasis follows ("they do do").
	subjects = map[string]bool{"i": true, "you": true, "we": true, "they": true, "people": true, "he": true, "she": true, "it": true, "does": false}
)

// legitDouble reports whether the word lw (lower case), doubled at
// src[start:], is doubled on purpose; lo is the start of its prose span.
func legitDouble(src []byte, lo, start int, lw []byte) bool {
	w := string(lw)
	if legitDoubles[w] {
		return true
	}
	switch {
	case particles[w]:
		return particleVerbs[wordBefore(src, lo, start)]
	case w == "to":
		return toVerbs[wordBefore(src, lo, start)]
	case w == "do":
		return subjects[wordBefore(src, lo, start)]
	case w == "is":
		// A clause word among the sentence's last few words.
		at := start
		for k := 0; k < 8; k++ {
			prev := wordBefore(src, lo, at)
			if prev == "" {
				return false
			}
			if clauseWords[prev] {
				return true
			}
			at = bytes.LastIndex(src[lo:at], []byte(prev)) + lo
		}
	}
	return false
}

// wordBefore returns the word (lower case) right before src[at], with only
// blanks between, or "" when punctuation or the span's start lo comes
// first.
func wordBefore(src []byte, lo, at int) string {
	j := at
	for j > lo && (src[j-1] == ' ' || src[j-1] == '\t' || src[j-1] == '\n') {
		j--
	}
	i := j
	for i > lo && (isAlnum(src[i-1]) || src[i-1] == '\'') {
		i--
	}
	if i == j {
		return ""
	}
	return strings.ToLower(string(src[i:j]))
}

func runDoubledWord(p *rule.Pass) {
	src := p.Note.Text
	d := docOf(p.Note)
	doubled := d.scan().doubled
	for k := 0; k < len(doubled); k++ {
		pair := doubled[k]
		// A run of the same word ("on on on on") is one finding, and
		// its fix keeps the first.
		last := k
		for last+1 < len(doubled) && doubled[last+1].prevStart == doubled[last].start {
			last++
		}
		end, k0 := doubled[last].end, k
		k = last
		w := src[pair.start:pair.end]
		// Lowered in a buffer for the lookups: the lists are ASCII words,
		// and only a word strings.ToLower would make ASCII of could be one.
		var buf [32]byte
		lw := appendLower(buf[:0], w)
		if !isASCII(w) {
			lw = []byte(strings.ToLower(string(w)))
		}
		if legitDouble(src, lineStartAt(src, pair.prevStart), pair.prevStart, lw) {
			continue
		}
		msg, fix := "doubled word %q", "remove the second %q"
		if last > k0 {
			msg, fix = "repeated word %q", "keep one %q"
		}
		p.Report(rule.Finding{Start: pair.prevStart, End: end, Message: rule.Messagef(msg, string(w)),
			Fix: rule.NewFix(rule.Messagef(fix, string(w)), rule.Structural, edit.Edit{Start: pair.prevEnd, End: end})})
	}
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
A slip of typing or of a transcript; the second word is removed (a run,
"on on on on", is one finding and keeps one word). The
doubles English makes on purpose stay: "had had", "that that", "win win",
"bye bye", a particle after its verb ("step in in time", "bake them in in"),
"to" after a verb that takes it ("people we can talk to to know"), "what
it is is".`,
	Good: []string{"He said that that was fine, and we bake them in in one binary.\n", "What it is is a win win deal; bye bye.\n",
		"We have people we can talk to to know for sure.\n", "Really what the problem is is both.\n", "We can step in in most cases.\n",
		"You just turned an unknown unknown into a known one.\n"},
	Bad: []string{"Focus on the the value.\n", "It is is a lens.\n", "New technologies technologies help.\n", "You need to to recall them.\n", "A nice idea on on on on the whole.\n"},
	Run: runDoubledWord,
}
