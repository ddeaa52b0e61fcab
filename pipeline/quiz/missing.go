package quiz

import (
	"fmt"
	"strings"
)

// MissingWord blanks the defined term of a definition sentence.
var MissingWord = &Generator{
	Type:  TypeMissingWord,
	Bloom: 1,
	Doc: `Identify the missing word(s) in the following sentence.
The sentence is one of the notes' definitions ("A [?] is ...") or purpose
statements ("The purpose of the [?] practice is to ..."), with the defined
term replaced by the gap. The distractors are terms of the same category
that fit the grammar of the gap: the same number, and the article before
the gap (or the article moves into the options). A sentence that names a
sibling of the key is not used: it could make a distractor true.`,
	Run: runMissingWord,
}

// MissingWordStem opens every missing-word question.
const MissingWordStem = "Identify the missing word(s) in the following sentence."

func runMissingWord(p *genPass) {
	for _, x := range p.concepts {
		var defs []*definition
		defs = append(defs, p.defs[x]...)
		defs = append(defs, p.purposes[x]...)
		used := map[*sentence]bool{}
		for _, d := range defs {
			if used[d.S] {
				continue
			}
			if !d.Purpose && !hasElements(d.S.Text, x.Elements) {
				continue // "Incidents is a kind of fuzzy concept": no definition
			}
			used[d.S] = true
			for _, cand := range p.gapQuestion(x, d.S) {
				cand.fact, cand.purpose = definitionFact(x, d.Purpose), d.Purpose
			}
		}
	}
}

// gapQuestion makes a missing-word question of s with x's first mention as
// the gap.
func (p *genPass) gapQuestion(x *concept, s *sentence) []*candidate {
	gap := gapOf(x, s)
	if gap == nil {
		return nil
	}
	names := p.gapFillers(x, s, gap)
	key := gap.Text
	if len(gap.Concepts) > 0 && strings.EqualFold(key, x.Name) {
		key = x.Name // the pack's spelling, not the sentence start's case
	}
	if isAcronym(key) && !isAcronym(x.Name) {
		return nil // "A [?] is ..." with "KPI" among names written out: the odd form is the key
	}
	start, end := gap.Start, gap.End
	art, artStart := articleBefore(s.Text[:start])
	r := p.rng(s.Text, x.ID)
	pool, keyOpt := names, key
	if art != "" {
		// Keep the article in the sentence when three siblings fit it,
		// otherwise move it into the options.
		names = p.countNouns(names)
		if fit := withArticle(names, art); len(fit) >= 3 {
			pool = fit
		} else {
			start = artStart
			keyOpt = article(key) + " " + key
			pool = nil
			for _, o := range names {
				pool = append(pool, option{text: article(o.text) + " " + o.text, c: o.c})
			}
		}
	}
	sentenceText := s.Text[:start] + Gap + s.Text[end:]
	stem := MissingWordStem + "\n" + sentenceText
	explain := func(chosen []option) string {
		var others []string
		for _, o := range chosen {
			others = append(others, o.c.Name)
		}
		return fmt.Sprintf("The notes say: %s (%s). %s do not fit: this sentence is about %s.",
			quote(s.Text), s.Source(), capitalize(joinAnd(others)), x.Name)
	}
	return p.emitAlternatives(r, stem, optionText(keyOpt), pool, s, x.Topic, explain, x)
}

// gapOf is x's first mention in s, the gap of a missing-word question;
// nil when s does not mention x or also mentions one of its siblings
// (the question would be ambiguous).
func gapOf(x *concept, s *sentence) *match {
	var gap *match
	for i := range s.Matches {
		m := &s.Matches[i]
		if m.has(x) {
			if gap == nil {
				gap = m
			}
			continue
		}
		for _, y := range m.Concepts {
			if y.Category == x.Category {
				return nil
			}
		}
	}
	return gap
}

// gapFillers are the wrong answers for the gap: x's relatives (in the
// plural where the gap is), except those the sentence names and those
// with which the notes say the same.
func (p *genPass) gapFillers(x *concept, s *sentence, gap *match) []option {
	lowerText := strings.ToLower(s.Text)
	var names []option
	for _, sib := range p.relatives(x, 3) {
		name := sib.Name
		if gap.Plural {
			if !sib.Inflect {
				continue
			}
			name = plural(name)
		}
		if strings.Contains(lowerText, strings.ToLower(name)) {
			continue
		}
		filled := s.Text[:gap.Start] + name + s.Text[gap.End:]
		if p.texts[norm(filled)] {
			continue // the notes say this too: not a wrong answer
		}
		names = append(names, option{text: name, c: sib})
	}
	return names
}

// articleBefore is the article "a" or "an" that ends before (blanks
// aside), and where it starts; "" when there is none.
func articleBefore(before string) (string, int) {
	before = strings.TrimRight(before, " ")
	if ws := words(before); len(ws) > 0 {
		last := ws[len(ws)-1]
		if (last.Text == "a" || last.Text == "an") && last.End == len(before) {
			return last.Text, last.Start
		}
	}
	return "", 0
}

// countNouns keeps the options that fit "A [?] is ...": only count nouns
// do ("a governance" does not): the terms the pack inflects that the
// notes write with "a" or in the plural, or do not name but the pack
// defines as "a ..." or "the ..." (not co-creation: "providers ...
// working together").
func (p *genPass) countNouns(names []option) []option {
	var count []option
	for _, o := range names {
		if o.c.Inflect && (p.counted[o.c] > 0 || !p.taught[o.c] && startClass(o.c.PackDef) != "other") {
			count = append(count, o)
		}
	}
	return count
}

// withArticle keeps the options that take the article art.
func withArticle(names []option, art string) []option {
	var fit []option
	for _, o := range names {
		if article(o.text) == art {
			fit = append(fit, o)
		}
	}
	return fit
}
