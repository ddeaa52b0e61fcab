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
				return nil // a sibling in the sentence: ambiguous
			}
		}
	}
	if gap == nil {
		return nil
	}
	sibs := p.relatives(x, 3)
	lowerText := strings.ToLower(s.Text)
	var names []option
	for _, sib := range sibs {
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
	key := gap.Text
	if len(gap.Concepts) > 0 && strings.EqualFold(key, x.Name) {
		key = x.Name // the pack's spelling, not the sentence start's case
	}
	if isAcronym(key) && !isAcronym(x.Name) {
		return nil // "A [?] is ..." with "KPI" among names written out: the odd form is the key
	}
	start, end := gap.Start, gap.End
	before := strings.TrimRight(s.Text[:start], " ")
	art := ""
	if ws := words(before); len(ws) > 0 {
		last := ws[len(ws)-1]
		if (last.Text == "a" || last.Text == "an") && last.End == len(before) {
			art = last.Text
			start = last.Start
		}
	}
	r := p.rng(s.Text, x.ID)
	var pool []option
	keyOpt := key
	if art != "" {
		// "A [?] is ...": only count nouns fit ("a governance" does not):
		// the terms the pack inflects that the notes write with "a" or in
		// the plural, or do not name but the pack defines as "a ..." or
		// "the ..." (not co-creation: "providers ... working together").
		var count []option
		for _, o := range names {
			if o.c.Inflect && (p.counted[o.c] > 0 || !p.taught[o.c] && startClass(o.c.PackDef) != "other") {
				count = append(count, o)
			}
		}
		names = count
	}
	if art != "" {
		// Keep the article in the sentence when three siblings fit it,
		// otherwise move it into the options.
		var fit []option
		for _, o := range names {
			if article(o.text) == art {
				fit = append(fit, o)
			}
		}
		if len(fit) >= 3 {
			pool = fit
			start = gap.Start
		} else {
			keyOpt = article(key) + " " + key
			for _, o := range names {
				pool = append(pool, option{text: article(o.text) + " " + o.text, c: o.c})
			}
		}
	} else {
		pool = names
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
