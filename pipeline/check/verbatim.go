package check

import (
	"bytes"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/note"
)

// What a person said, as they said it, is not the note's to reword: a
// slip of language inside quotation marks, or in the speech of a named
// speaker of a published transcript, is the speaker's. A published
// transcript is a Markdown or text note whose paragraphs open with
// speaker labels ("**Name:** ..."); a caption file is not one: it is the
// raw material of notes, and its slips are the ones to repair.

// verbatimAt reports whether the byte at off of n's text is quoted speech.
// speech is the offset where a transcript's speech starts (speechStart),
// -1 when n is none.
func verbatimAt(src []byte, speech, off int) bool {
	return speech >= 0 && off >= speech || quotedAt(src, off)
}

// speechStart returns the offset of the first speaker label of a published
// transcript, -1 when n is not one. A transcript is a conversation: two
// speakers or more, each labelling two paragraphs or more; bold labels of
// notes ("**Example:**", "**Note:**") name no speaker.
func speechStart(n *note.Note) int {
	if n.Format != note.Markdown && n.Format != note.Text {
		return -1
	}
	src := n.Text
	first := -1
	turns := map[string]int{}
	for ls := 0; ls < len(src); {
		le := bytes.IndexByte(src[ls:], '\n')
		if le < 0 {
			le = len(src)
		} else {
			le += ls
		}
		if name, ok := speakerLabel(src[ls:le]); ok {
			if first < 0 {
				first = ls
			}
			turns[name]++
		}
		ls = le + 1
	}
	speakers := 0
	for _, c := range turns {
		if c >= 2 {
			speakers++
		}
	}
	if speakers < 2 {
		return -1
	}
	return first
}

// speakerLabel returns the name of a line that opens with a speaker's name
// in bold and a colon: "**Gerhard Lazu:** ...", "**Adam:** ...". The name
// is one to four words, each capitalised, and no label of notes.
func speakerLabel(line []byte) (string, bool) {
	if !bytes.HasPrefix(line, []byte("**")) {
		return "", false
	}
	end := bytes.Index(line[2:], []byte(":**"))
	if end <= 0 || end > 40 {
		return "", false
	}
	name := line[2 : 2+end]
	words := bytes.Fields(name)
	if len(words) == 0 || len(words) > 4 || noteLabels[string(bytes.ToLower(name))] {
		return "", false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRune(w)
		if !(r >= 'A' && r <= 'Z' || r > utf8.RuneSelf) {
			return "", false
		}
	}
	return string(name), true
}

// noteLabels are the bold labels notes and question sets repeat, which
// name no speaker.
var noteLabels = map[string]bool{
	"note": true, "notes": true, "example": true, "examples": true, "answer": true, "question": true,
	"tip": true, "definition": true, "explanation": true, "purpose": true, "summary": true,
	"conclusion": true, "goal": true, "key": true, "important": true, "remember": true,
	"warning": true, "hint": true, "solution": true, "problem": true, "scenario": true,
	"outcome": true, "step": true, "correct answer": true, "why": true, "follow-up": true,
}

// quotedAt reports whether off lies between quotation marks opened in
// its paragraph: straight double quotes an odd number of times before it,
// or a “ not closed by a ”.
func quotedAt(src []byte, off int) bool {
	// One pass back to the paragraph's start (the last "\n\n" before
	// off) that notes whether a quotation mark could be there at all: a
	// '"', or the lead byte of a curly one. Most paragraphs have none.
	start, marks := 0, false
	for j := off - 1; j >= 0; j-- {
		c := src[j]
		if c == '"' || c == 0xE2 {
			marks = true
		}
		if c == '\n' && j+1 < off && src[j+1] == '\n' {
			start = j
			break
		}
	}
	if !marks {
		return false
	}
	straight, curly := 0, 0
	for i := start; i < off; {
		r, size := utf8.DecodeRune(src[i:])
		switch r {
		case '"':
			straight++
		case '“':
			curly++
		case '”':
			if curly > 0 {
				curly--
			}
		}
		i += size
	}
	return straight%2 == 1 || curly > 0
}
