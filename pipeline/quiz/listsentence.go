package quiz

import (
	"strings"
)

// A scope is a list whose introducing sentence is looked for.
type scope struct {
	list  string
	nouns []string
	topic string
	name  string // the list's name ("The four dimensions of service management")
}

// listSentence finds the sentence that introduces the scope in the notes:
// one naming one of its nouns in a note that mentions at least three of its
// members; a lead-in to a list ("The seven X are:") is best, then a sentence
// that also names members, then the first.
func (c *corpus) listSentence(sc scope, taught []*concept) *sentence {
	var best *sentence
	bestScore := -1
	// How many of the taught members each note mentions, counted once per
	// call: asking it per sentence made a large course quadratic.
	perNote := map[int]int{}
	for _, x := range taught {
		seen := map[int]bool{}
		for _, m := range c.mentions[x] {
			if !seen[m.NoteSeq] {
				seen[m.NoteSeq] = true
				perNote[m.NoteSeq]++
			}
		}
	}
	for _, s := range c.sentences {
		if perNote[s.NoteSeq] < 3 {
			continue
		}
		text := " " + wordsOnly(s.Text) + " "
		named := false
		for _, n := range sc.nouns {
			named = named || strings.Contains(text, " "+wordsOnly(n)+" ")
		}
		if !named {
			continue
		}
		score := 0
		if strings.HasSuffix(s.Text, ":") {
			score = 2
		} else {
			members := 0
			for _, m := range s.Matches {
				for _, x := range taught {
					if m.has(x) {
						members++
					}
				}
			}
			if members >= 2 {
				score = 1
			}
		}
		if score > bestScore {
			best, bestScore = s, score
		}
	}
	return best
}

// endMark is the final ? or ! of a name: "Where are we now?" is no
// alternative to "Partners and suppliers".
func endMark(s string) string {
	if strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s[len(s)-1:]
	}
	return ""
}
