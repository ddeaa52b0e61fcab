package clean

import (
	"bytes"
	"strings"

	"github.com/itilint/itilint/pipeline/edit"
	"github.com/itilint/itilint/pipeline/rule"
)

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
		// The line table, not a look back for the newline: a long line
		// with many doubles would be read back to its start for each.
		if legitDouble(src, p.Note.LineStart(p.Note.LineOf(pair.prevStart)), pair.prevStart, lw) {
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
