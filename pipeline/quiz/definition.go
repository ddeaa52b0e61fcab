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
			d := keyDefinition(x, defs, purpose)
			if d == nil {
				continue
			}
			var pool []option
			for _, sib := range p.relatives(x, 3) {
				if t := p.definitionOf(sib, purpose); t != "" && !strings.EqualFold(t, d.Pred) {
					pool = append(pool, option{text: t, short: shorter(t, packDefinition(sib)), c: sib, kind: kindOf(purpose)})
				}
			}
			r := p.rng(d.S.Text, fmt.Sprint(purpose))
			stem := "Which is the definition of " + d.Subject + "?"
			if x.List != nil && len(x.List.Nouns) > 0 && !purpose {
				// A member of a list is described, not defined: "Which
				// describes the engage value chain activity?"
				stem = "Which describes the " + memberName(x, strings.TrimPrefix(strings.TrimPrefix(d.Subject, "the "), "The ")) + " " + x.List.Nouns[0] + "?"
			}
			if purpose {
				stem = "What is the purpose of " + d.Subject + "?"
			}
			what := "definitions"
			if purpose {
				what = "purposes"
			}
			explain := func(chosen []option) string {
				var names []string
				for _, o := range chosen {
					names = append(names, o.c.Name)
				}
				return fmt.Sprintf("The notes say: %s (%s). The other options are the %s of %s.",
					quote(d.S.Text), d.S.Source(), what, joinAnd(names))
			}
			if british(d.Pred) {
				// The key spells "organisation": so do the options, or
				// the spelling tells the key from the pack's wording.
				for i := range pool {
					pool[i].text = britishSpelling.Replace(pool[i].text)
				}
			}
			p.keyShort = shorter(d.Pred, packDefinition(x))
			for _, cand := range p.emitAlternatives(r, stem, d.Pred, pool, d.S, x.Topic, explain, x) {
				cand.fact, cand.purpose = definitionFact(x, purpose), purpose
			}
			p.keyShort = ""
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
	text  string
	short string // a shorter wording of the same thing, from the pack
	c     *concept
	// kind is what the text is of c: "" (its name), "definition",
	// "purpose"; the question ID names a distractor by c and kind.
	kind string
}

func kindOf(purpose bool) string {
	if purpose {
		return "purpose"
	}
	return "definition"
}

// definitionFact names the fact a definition (or purpose) of x is: the
// definition, missing-word and identify questions on it test one fact.
func definitionFact(x *concept, purpose bool) string {
	return "definition:" + kindOf(purpose) + ":" + x.ID
}

// keyDefinition returns the first of the notes' definitions of x that can
// be a key: one that carries every key element the pack gives for the
// term (a definition of a purpose, or of a term without elements, needs
// none). nil when none does.
func keyDefinition(x *concept, defs []*definition, purpose bool) *definition {
	for _, d := range defs {
		if purpose || hasElements(d.S.Text, x.Elements) {
			return d
		}
	}
	return nil
}

// hasElements reports whether text holds each element ("a|b" = either),
// as whole words.
func hasElements(text string, elements []string) bool {
	ws := map[string]bool{}
	for _, w := range words(text) {
		ws[w.Text] = true
	}
	for _, el := range elements {
		ok := false
		for _, alt := range strings.Split(el, "|") {
			all := true
			for _, w := range words(alt) {
				all = all && ws[w.Text]
			}
			ok = ok || all
		}
		if !ok {
			return false
		}
	}
	return true
}

// memberName is how a stem writes list member x that a sentence wrote as
// written: the pack's spelling when the list's names are proper names
// ("the Collaborate and promote visibility guiding principle").
func memberName(x *concept, written string) string {
	if x.List != nil && x.List.CaseSensitive && strings.EqualFold(written, x.Name) {
		return x.Name
	}
	return written
}

// pickDistractors chooses n options from pool for a question with this
// stem and key, best first: options that share the stem words the key
// shares (so the key carries no clue), then options close to the key in
// length, with at least one longer than the key when there is one (so the
// key is not the longest). Ties are broken by the seeded r.
func pickDistractors(r *rand.Rand, stem, key string, pool []option, n int) []option {
	return pickDistractorsAt(r, stem, key, pool, n, 0)
}

// Alternatives is how many distractor sets a generator offers for one
// question: the best, then the sets that skip the best one or two. The
// bank keeps the first whose option set no other question has.
const Alternatives = 3

// pickDistractorsAt is pickDistractors for the alt-th set: it starts at
// the alt-th best option; nil when the pool has too few.
func pickDistractorsAt(r *rand.Rand, stem, key string, pool []option, n, alt int) []option {
	if len(pool) < n+alt {
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
	for _, s := range ss[alt : alt+n] {
		out = append(out, s.option)
	}
	// Make one distractor at least as long as the key when the pool allows.
	longer := false
	for _, o := range out {
		longer = longer || len([]rune(o.text)) >= klen
	}
	if !longer {
		for _, s := range ss[alt+n:] {
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

// emitAlternatives emits the question with each of the Alternatives
// distractor sets the pool allows; explain writes the explanation for a
// set. The candidates share one fact; it returns them, best set first.
func (p *genPass) emitAlternatives(r *rand.Rand, stem, key string, pool []option, s *sentence, topic string,
	explain func(chosen []option) string, tests ...*concept) []*candidate {
	var out []*candidate
	for alt := range Alternatives {
		chosen := pickDistractorsAt(r, stem, key, pool, 3, alt)
		if len(chosen) < 3 {
			break
		}
		if cand := p.emit(r, stem, key, chosen, s, topic, explain(chosen), tests...); cand != nil {
			cand.alt = alt
			out = append(out, cand)
		}
	}
	return out
}

// izStems are the -ize/-ization stems British English writes with -is.
var izStems = []string{"organiz", "authoriz", "optimiz", "prioritiz", "minimiz", "maximiz", "standardiz", "specializ", "utiliz", "realiz", "recogniz", "categoriz", "analyz"}

// britishSpelling rewrites izStems with -is, in both cases.
var britishSpelling = func() *strings.Replacer {
	var pairs []string
	for _, st := range izStems {
		is := strings.Replace(st, "iz", "is", 1)
		if st == "analyz" {
			is = "analys"
		}
		pairs = append(pairs, st, is, capitalize(st), capitalize(is))
	}
	return strings.NewReplacer(pairs...)
}()

// british reports whether s spells one of izStems the British way.
func british(s string) bool {
	lower := strings.ToLower(s)
	for _, st := range izStems {
		is := strings.Replace(st, "iz", "is", 1)
		if st == "analyz" {
			is = "analys"
		}
		if strings.Contains(lower, is) {
			return true
		}
	}
	return false
}

// shorter returns alt when it is shorter than text and of the same kind
// (a purpose for a purpose), else "".
func shorter(text, alt string) string {
	if alt == "" || len(alt) >= len(text) || (startClass(alt) == "to") != (startClass(text) == "to") {
		return ""
	}
	return alt
}
