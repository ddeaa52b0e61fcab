package quiz

import (
	"fmt"
	"strings"
)

// Sequence asks which step of an ordered list follows another.
var Sequence = &Generator{
	Type:  TypeSequence,
	Bloom: 1,
	Doc: `After the step "X", which step of the continual improvement model comes next?
For a list the pack marks ordered (its members are steps in order) whose
steps the notes name (at least four): the key is the step after X, as the
pack orders them; the distractors are other steps of the same form (the
steps before X and further on first). The order is one fact: the bank
keeps one such question, the others are variants. Checks: the anchor and
the key are both named in the notes, and no option is the anchor.`,
	Run: runSequence,
}

func runSequence(p *genPass) {
	for i := range p.pack.Lists {
		l := &p.pack.Lists[i]
		if !l.Ordered || len(l.Nouns) == 0 {
			continue
		}
		steps := p.byCat["list:"+l.ID]
		var taught []*concept
		for _, x := range steps {
			if p.taught[x] {
				taught = append(taught, x)
			}
		}
		if len(taught) < 4 {
			continue
		}
		src := p.listSentence(scope{list: l.ID, nouns: l.Nouns, topic: l.Topic, name: l.Name}, taught)
		if src == nil {
			src = p.mentions[taught[0]][0] // where the notes first name a step
		}
		var order []string
		for k, x := range steps {
			order = append(order, fmt.Sprintf("%d %s", k+1, x.Name))
		}
		for k := 0; k+1 < len(steps); k++ {
			anchor, key := steps[k], steps[k+1]
			if !p.taught[anchor] || !p.taught[key] {
				continue
			}
			var pool []option
			// Nearest steps first: the one before the anchor, then the
			// ones after the key.
			for _, d := range []int{k - 1, k + 2, k + 3, k - 2, k + 4, k - 3, k + 5} {
				if d < 0 || d >= len(steps) {
					continue
				}
				y := steps[d]
				if p.taught[y] && endMark(y.Name) == endMark(key.Name) {
					pool = append(pool, option{text: y.Name, c: y})
				}
			}
			if len(pool) < 3 {
				continue
			}
			stem := fmt.Sprintf("After the step %q, which %s comes next?", anchor.Name, l.Nouns[0])
			r := p.rng(l.ID, anchor.Name)
			expl := fmt.Sprintf("The steps, in order: %s The notes name them from %s.",
				sentenceEnd(strings.Join(order, "; ")), src.Source())
			if cand := p.emit(r, stem, key.Name, pool[:3], src, l.Topic, expl, key); cand != nil {
				cand.fact = "order:" + l.ID
			}
		}
	}
}

// Scenario turns a practice's purpose into a situation.
var Scenario = &Generator{
	Type:  TypeScenario,
	Bloom: 2,
	Doc: `An organization wants to ... Which practice is designed for this?
From a purpose statement of the notes, "The purpose of the X practice is to
<aim>", the stem states the aim as an organization's need; the key is X and
the distractors are other practices the notes name (of the same group
first). It tests the same fact as the purpose questions: the bank keeps
one of them. Checks: the aim is one clause of at most 30 words, with no
word of the key's name (or its root) and no other practice named.`,
	Run: runScenario,
}

func runScenario(p *genPass) {
	for _, x := range p.concepts {
		if x.List == nil || len(x.List.Nouns) == 0 || x.List.ID != "practices" && !strings.Contains(x.Category, "practice") {
			continue
		}
		for _, d := range p.purposes[x] {
			aim, ok := strings.CutPrefix(d.Pred, "to ")
			if !ok {
				aim, ok = strings.CutPrefix(d.Pred, "To ")
			}
			aim = strings.TrimRight(aim, ".")
			if !ok || wordCount(aim) < 4 || wordCount(aim) > 30 || strings.ContainsAny(aim, ";:()") {
				continue
			}
			noun := x.List.Nouns[0]
			stem := fmt.Sprintf("An organization wants to %s. Which %s is designed for this?", aim, noun)
			if p.identifyScenario(x, d, stem) {
				break
			}
		}
	}
}

// identifyScenario emits a scenario question with the identify
// distractors; it reports whether it did.
func (p *genPass) identifyScenario(x *concept, d *definition, stem string) bool {
	before := len(p.out)
	if !p.identify(x, d.S, stem, true) {
		return false
	}
	for _, cand := range p.out[before:] {
		cand.Explanation = fmt.Sprintf("The notes give the purpose of %s: %s (%s).", x.Name, quote(d.S.Text), d.S.Source()) +
			cand.Explanation[strings.Index(cand.Explanation, ", about ")+len(", about ")+len(x.Name)+1:]
	}
	return true
}

// Example asks which option is an example of a term.
var Example = &Generator{
	Type:  TypeExample,
	Bloom: 2,
	Doc: `Which is an example of X?
From the notes' own examples: a sentence that names term X and goes on
"such as A", "for example A" or "e.g. A" (A a short phrase, or a list of
them) gives X's examples. The key is one of them; the distractors are
examples the notes give of sibling terms (same category, or family), never
an example the notes give of X. Checks: each option is at most six words
and names no term; at least three distractors from the siblings.`,
	Run: runExample,
}

// exampleCues introduce examples after a term.
var exampleCues = []string{", such as ", " such as ", ", for example ", ", for example, ", " (for example ", " (for example, ", " (e.g. ", " (e.g., ", ", e.g. ", ", e.g., "}

// examplesOf returns, per concept, the examples the notes give of it, with
// the sentence they are in.
func (c *corpus) examplesOf() map[*concept][]exampleText {
	out := map[*concept][]exampleText{}
	for _, s := range c.sentences {
		if !s.Fact {
			continue
		}
		for _, cue := range exampleCues {
			i := strings.Index(s.Text, cue)
			if i < 0 {
				continue
			}
			// The term right before the cue.
			// The term right before the cue, in the plural ("outputs, such
			// as") or after "a"/"an" ("a stakeholder, for example"): "the
			// consumer, for example licence fees" gives examples of
			// something else than the consumer.
			var x *concept
			for _, m := range s.Matches {
				before := wordsBefore(s.Text[:m.Start])
				if m.End == i && len(m.Concepts) == 1 && m.Concepts[0].List == nil &&
					(m.Plural && !strings.EqualFold(m.Text, m.Concepts[0].Name) || before == "a" || before == "an") {
					x = m.Concepts[0]
				}
			}
			if x == nil {
				break
			}
			rest := s.Text[i+len(cue):]
			if j := strings.IndexAny(rest, ".;:)"); j >= 0 {
				rest = rest[:j]
			}
			if k := strings.Index(rest, ", "); k >= 0 && !strings.Contains(rest, " and ") && !strings.Contains(rest, " or ") {
				rest = rest[:k] // "for example A, which ...": one example
			}
			for _, e := range splitExamples(rest) {
				// Options alike: "a monthly report" is "Monthly report"
				// beside "Licence fees".
				if ws := words(e); len(ws) > 1 && isArticle(ws[0].Text) {
					e = e[ws[1].Start:]
				}
				if n := wordCount(e); n >= 1 && n <= 6 && len(c.match(e)) == 0 {
					out[x] = append(out[x], exampleText{text: e, s: s})
				}
			}
			break
		}
	}
	return out
}

type exampleText struct {
	text string
	s    *sentence
}

// splitExamples splits "A, B and C" (or "A or B") into its items.
func splitExamples(s string) []string {
	s = strings.ReplaceAll(s, ", and ", ", ")
	s = strings.ReplaceAll(s, ", or ", ", ")
	s = strings.ReplaceAll(s, " and ", ", ")
	s = strings.ReplaceAll(s, " or ", ", ")
	var out []string
	for _, e := range strings.Split(s, ", ") {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}

func runExample(p *genPass) {
	ex := p.examplesOf()
	for _, x := range p.concepts {
		own := ex[x]
		if len(own) == 0 {
			continue
		}
		mine := map[string]bool{}
		for _, e := range own {
			mine[wordsOnly(e.text)] = true
		}
		var pool []option
		for _, y := range p.relatives(x, 3) {
			for _, e := range ex[y] {
				if !mine[wordsOnly(e.text)] {
					pool = append(pool, option{text: capitalize(e.text), c: y, kind: "example:" + wordsOnly(e.text)})
				}
			}
		}
		key := own[0]
		r := p.rng(key.s.Text, x.ID)
		name := x.Name
		stem := "Which is an example of " + article(name) + " " + name + "?"
		chosen := pickDistractors(r, stem, key.text, pool, 3)
		if len(chosen) < 3 {
			continue
		}
		var names []string
		for _, o := range chosen {
			names = append(names, fmt.Sprintf("%s (%s)", lowerFirst(o.text), o.c.Name))
		}
		expl := fmt.Sprintf("The notes say: %s (%s). The other options are the notes' examples of other things: %s.",
			quote(key.s.Text), key.s.Source(), joinAnd(names))
		if cand := p.emit(r, stem, capitalize(key.text), chosen, key.s, x.Topic, expl, x); cand != nil {
			cand.fact = "example:" + x.ID
		}
	}
}

// sentenceEnd ends s with a period unless it ends with a question mark.
func sentenceEnd(s string) string {
	if strings.HasSuffix(s, "?") || strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}
