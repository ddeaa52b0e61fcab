package quiz

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
)

// Definition asks for the definition (or the purpose) of a term the notes
// define.
var Definition = &Generator{
	Type:  TypeDefinition,
	Bloom: 1,
	Doc: `Which is the definition of X?
The key is the definition the notes give ("X is a ...", "X means ...", or
"The purpose of X is to ..."); the distractors are the definitions of
sibling terms (same category in the pack; the category's family when it has
fewer than three), taken from the notes where they define them, else from
the pack's own-words definitions.`,
	Run: runDefinition,
}

func runDefinition(p *genPass) {
	for _, x := range p.concepts {
		for _, purpose := range []bool{false, true} {
			defs := p.defs[x]
			if purpose {
				defs = p.purposes[x]
			}
			if len(defs) == 0 {
				continue
			}
			d := defs[0]
			var pool []option
			for _, sib := range p.relatives(x, 3) {
				if t := p.definitionOf(sib, purpose); t != "" && !strings.EqualFold(t, d.Pred) {
					pool = append(pool, option{text: t, c: sib})
				}
			}
			r := p.rng(d.S.Text, fmt.Sprint(purpose))
			stem := "Which is the definition of " + d.Subject + "?"
			if x.List != nil && len(x.List.Nouns) > 0 && !purpose {
				// A member of a list is described, not defined: "Which
				// describes the engage value chain activity?"
				stem = "Which describes the " + strings.TrimPrefix(strings.TrimPrefix(d.Subject, "the "), "The ") + " " + x.List.Nouns[0] + "?"
			}
			if purpose {
				stem = "What is the purpose of " + d.Subject + "?"
			}
			chosen := pickDistractors(r, stem, d.Pred, pool, 3)
			if len(chosen) < 3 {
				continue
			}
			var texts, names []string
			tests := []*concept{x}
			for _, o := range chosen {
				texts = append(texts, o.text)
				names = append(names, o.c.Name)
			}
			what := "definitions"
			if purpose {
				what = "purposes"
			}
			expl := fmt.Sprintf("The notes say: %s (%s). The other options are the %s of %s.",
				quote(d.S.Text), d.S.Source(), what, joinAnd(names))
			p.emit(r, stem, d.Pred, texts, d.S, x.Topic, expl, tests...)
		}
	}
}

// definitionOf returns the notes' definition (or purpose) of c, else the
// pack's, as option text; "" when there is none.
func (c *corpus) definitionOf(x *concept, purpose bool) string {
	defs := c.defs[x]
	if purpose {
		defs = c.purposes[x]
	}
	if len(defs) > 0 {
		return defs[0].Pred
	}
	t := packDefinition(x)
	if t == "" {
		return ""
	}
	if isPurpose := startClass(t) == "to"; isPurpose != purpose {
		return ""
	}
	return t
}

// packDefinition returns the pack's definition of x as option text: a
// leading "X is" or "The purpose of X is" is cut, as the notes' predicates
// are.
func packDefinition(x *concept) string {
	t := strings.TrimSpace(x.PackDef)
	if t == "" {
		return ""
	}
	ws := words(t)
	for i, w := range ws {
		if i > 8 {
			break
		}
		if (w.Text == "is" || w.Text == "are" || w.Text == "means") && i > 0 && i+1 < len(ws) {
			subject := strings.ToLower(t[:w.Start])
			if strings.Contains(subject, strings.ToLower(x.Name)) {
				t = t[ws[i+1].Start:]
			}
			break
		}
	}
	return optionText(t)
}

// An option is a candidate distractor with the concept it belongs to.
type option struct {
	text string
	c    *concept
}

// pickDistractors chooses n options from pool for a question with this
// stem and key, best first: options that share the stem words the key
// shares (so the key carries no clue), then options close to the key in
// length, with at least one longer than the key when there is one (so the
// key is not the longest). Ties are broken by the seeded r.
func pickDistractors(r *rand.Rand, stem, key string, pool []option, n int) []option {
	if len(pool) < n {
		return nil
	}
	stemWords := contentWords(stem)
	var clues []string
	for w := range contentWords(key) {
		if stemWords[w] {
			clues = append(clues, w)
		}
	}
	sort.Strings(clues)
	type scored struct {
		option
		clue, dist int
		tie        int
	}
	klen := len([]rune(key))
	var ss []scored
	for _, o := range pool {
		ow := contentWords(o.text)
		s := scored{option: o, tie: r.IntN(1 << 20)}
		for _, w := range clues {
			if ow[w] {
				s.clue++
			}
		}
		s.dist = abs(len([]rune(o.text)) - klen)
		ss = append(ss, s)
	}
	sort.SliceStable(ss, func(i, j int) bool {
		if ss[i].clue != ss[j].clue {
			return ss[i].clue > ss[j].clue
		}
		if ss[i].dist != ss[j].dist {
			return ss[i].dist < ss[j].dist
		}
		return ss[i].tie < ss[j].tie
	})
	out := make([]option, 0, n)
	for _, s := range ss[:n] {
		out = append(out, s.option)
	}
	// Make one distractor at least as long as the key when the pool allows.
	longer := false
	for _, o := range out {
		longer = longer || len([]rune(o.text)) >= klen
	}
	if !longer {
		for _, s := range ss[n:] {
			if len([]rune(s.text)) >= klen && float64(len([]rune(s.text))) <= MaxLengthRatio*float64(klen) {
				out[n-1] = s.option
				break
			}
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// quote puts s in double quotes for an explanation.
func quote(s string) string { return `"` + s + `"` }

// joinAnd writes "a, b and c".
func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
