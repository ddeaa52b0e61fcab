package quiz

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
)

// Statement asks which of four statements is correct.
var Statement = &Generator{
	Type:  TypeStatement,
	Bloom: 2,
	Doc: `Which statement about <topic> is correct?
Four statements built from the pack's own-words data, exactly one true. The
true one states what the pack says of a concept the notes teach (a term
they define with the pack's key elements; a member of a list of which they
name four members): a term's definition ("An output is a tangible or intangible deliverable ..."), a
guiding principle's description, a value chain activity's purpose, a
dimension's scope. Each false one is false for one named reason, recorded in
the explanation: the definition of another term of the same category given
to the wrong term, or another principle's description (another activity's
purpose, another dimension's scope) given to the wrong one. No statement
reuses the true one's subject or wording, no two share a subject or a
wording, and a swap is left out where it could be true after all: between
terms whose names share a word ("change" and "change schedule"), where the
borrowed wording names either term, or where it carries half the key
elements the pack gives for the term it is given to. Parties and roles are
left out (one person can be customer, user and sponsor). The statement on a
concept tests the same fact as the definition questions on it: the bank
keeps one of them. Checks: four whole sentences, and an explanation that
gives a reason for each false one.`,
	Run: runStatement,
}

// StatementsPerGroup is how many statement items one list or category
// gives: five items on the seven principles read as one item five times
// over, and each shows a learner which wording goes with which name.
const StatementsPerGroup = 2

// statementLists are the lists whose members' pack descriptions make
// statements, with how a statement says a member's description.
var statementLists = map[string]func(name, desc string) string{
	"guiding-principles": func(name, desc string) string {
		return fmt.Sprintf("The guiding principle %q says: %s.", name, desc)
	},
	"value-chain-activities": func(name, desc string) string {
		return fmt.Sprintf("The purpose of the %s value chain activity is to %s.", lowerFirst(name), desc)
	},
	"four-dimensions": func(name, desc string) string {
		return fmt.Sprintf("The %s dimension covers %s.", lowerFirst(name), desc)
	},
}

// statementReasons name, per kind of group, why a swapped statement is
// false.
const (
	ReasonWrongTerm   = "a definition given to the wrong term"
	ReasonWrongMember = "a description given to the wrong "
)

// statementSkipCategories hold terms that may all apply to one thing: a
// customer may also be the user and the sponsor.
var statementSkipCategories = map[string]bool{"party": true, "role": true}

// A claim is a statement that gives subject the pack's wording of donor.
type claim struct {
	subject, donor *concept
	text           string
}

func runStatement(p *genPass) {
	groups := map[string][]*concept{}
	var order []string
	for _, x := range p.concepts {
		if p.statementText(x, x) == "" || !p.inSyllabus(x) {
			continue
		}
		g := x.Category
		if x.List != nil {
			g = x.List.ID
		}
		if groups[g] == nil {
			order = append(order, g)
		}
		groups[g] = append(groups[g], x)
	}
	for _, g := range order {
		members := groups[g]
		var claims []claim
		for _, a := range members {
			for _, b := range members {
				if a != b && p.taught[a] && swapIsFalse(a, b) {
					claims = append(claims, claim{a, b, p.statementText(a, b)})
				}
			}
		}
		g := &statementGroup{claims: map[string]bool{}, keys: map[*concept]bool{}, donors: map[*concept]bool{}}
		items := 0
		for _, x := range members {
			if items == StatementsPerGroup {
				break
			}
			if g.donors[x] {
				continue // its wording is a false option of another item
			}
			if !p.taught[x] || len(p.mentions[x]) == 0 || echoesName(x) || !p.teaches(x, members) {
				continue
			}
			if p.statementItem(x, claims, g) {
				items++
			}
		}
	}
}

// statementGroup is what the items of one list or category have used: a
// false claim is used in one item only (met again, it would tell a learner
// which option to strike), and no item's true wording is a false option of
// another (each item would tell which option of the other is false).
type statementGroup struct {
	claims       map[string]bool
	keys, donors map[*concept]bool
}

// statementItem emits the statement question whose true statement is
// about x, when three false claims fit.
func (p *genPass) statementItem(x *concept, claims []claim, g *statementGroup) bool {
	key := p.statementText(x, x)
	r := p.rng("statement", x.ID)
	chosen := falseClaims(x, key, claims, g, r)
	if len(chosen) < 3 {
		return false
	}
	for _, c := range chosen {
		g.claims[c.text], g.donors[c.donor] = true, true
	}
	g.keys[x] = true
	var opts []option
	for _, c := range chosen {
		opts = append(opts, option{text: c.text, c: c.subject, kind: "statement:" + c.donor.ID})
	}
	s := p.mentions[x][0]
	if defs := p.defs[x]; len(defs) > 0 {
		s = defs[0].S
	}
	if cand := p.emit(r, p.statementStem(x, chosen), key, opts, s, x.Topic, statementExplanation(x, key, chosen), x); cand != nil {
		// Whole sentences keep their period (emit trims the distractors').
		for i, o := range cand.Options {
			cand.Options[i] = sentenceEnd(o)
		}
		cand.fact = definitionFact(x, x.List != nil && x.List.ID == "value-chain-activities")
		return true
	}
	return false
}

// falseClaims picks up to three false claims for the item on x whose
// true statement is key: those closest to the key in length (ties
// shuffled by r), no subject or wording twice, none the group has used.
func falseClaims(x *concept, key string, claims []claim, g *statementGroup, r *rand.Rand) []claim {
	var pool []claim
	for _, c := range claims {
		if c.subject != x && c.donor != x && !g.claims[c.text] && !g.keys[c.donor] {
			pool = append(pool, c)
		}
	}
	klen := len([]rune(key))
	tie := map[string]int{}
	for _, c := range pool {
		tie[c.text] = r.IntN(1 << 20)
	}
	sort.SliceStable(pool, func(i, j int) bool {
		di, dj := abs(len([]rune(pool[i].text))-klen), abs(len([]rune(pool[j].text))-klen)
		if di != dj {
			return di < dj
		}
		return tie[pool[i].text] < tie[pool[j].text]
	})
	var chosen []claim
	used := map[*concept]bool{x: true}
	donors := map[*concept]bool{x: true}
	for _, c := range pool {
		if len(chosen) == 3 {
			break
		}
		// Each subject and each wording once: two statements on one
		// subject, or one wording under two names, would tell the key.
		if used[c.subject] || donors[c.donor] {
			continue
		}
		chosen = append(chosen, c)
		used[c.subject], donors[c.donor] = true, true
	}
	return chosen
}

// statementStem asks for the correct statement, about the topic when
// all the options are on x's topic.
func (p *genPass) statementStem(x *concept, chosen []claim) string {
	topic := x.Topic
	for _, c := range chosen {
		if c.subject.Topic != topic {
			topic = ""
		}
	}
	if topic == "" {
		return "Which statement is correct?"
	}
	return "Which statement about " + lowerFirst(p.pack.Topic(topic).Name) + " is correct?"
}

// statementExplanation says which statement is correct and what each
// false one mixes up.
func statementExplanation(x *concept, key string, chosen []claim) string {
	what, reason := "definition", ReasonWrongTerm
	if x.List != nil {
		what, reason = "description", ReasonWrongMember+x.List.Nouns[0]
	}
	if x.List != nil && x.List.ID == "value-chain-activities" {
		what = "purpose"
	}
	expl := fmt.Sprintf("Correct: %s It is the %s of %s.", key, what, x.Name)
	for _, c := range chosen {
		expl += fmt.Sprintf(" False (%s): %s It gives %s the %s of %s.",
			reason, c.text, c.subject.Name, what, c.donor.Name)
	}
	return expl
}

// teaches reports whether the notes teach x as ITIL, not merely use its
// word ("a problem", "the outcome" occur in any text): a term's definition
// in the notes carries the pack's key elements; a list member is named in
// notes that name at least four members of its list.
func (c *corpus) teaches(x *concept, members []*concept) bool {
	if x.List == nil {
		return keyDefinition(x, c.defs[x], false) != nil
	}
	n := 0
	for _, y := range members {
		if c.taught[y] {
			n++
		}
	}
	return n >= 4
}

// echoesName reports whether the pack's wording of x repeats a word (or
// root) of x's name other than the common ones: "A service request is a
// request ...", "Focus on value says: ... to value" would give the true
// statement away, as no false one repeats its subject's name.
func echoesName(x *concept) bool {
	desc := clueRoots(x.PackDef)
	for w := range contentWords(x.Name) {
		if !commonWords[w] && (desc[w] || desc["~b"+base(w)]) {
			return true
		}
	}
	return false
}

// statementText says that subject is what the pack says donor is; "" when
// the pack gives no wording that makes a statement.
func (c *corpus) statementText(subject, donor *concept) string {
	desc := strings.TrimSpace(donor.PackDef)
	if desc == "" || strings.ContainsAny(desc, ";:") {
		return ""
	}
	if subject.List != nil {
		say := statementLists[subject.List.ID]
		if say == nil {
			return ""
		}
		return say(subject.Name, desc)
	}
	if statementSkipCategories[subject.Category] {
		return ""
	}
	ws := words(desc)
	// A term defined by a plural ("options or possibilities") makes no
	// "X is ..." sentence.
	if len(ws) == 0 || strings.HasSuffix(ws[0].Text, "s") {
		return ""
	}
	name := subject.Name
	switch strings.ToLower(words(subject.PackDef)[0].Text) {
	case "a", "an", "any", "one":
		switch {
		case subject.Inflect:
			name = article(name) + " " + name
		case !strings.HasSuffix(name, "ment"):
			// One of its kind: "the service value chain"; a field of
			// work ("service management") goes bare.
			name = "the " + name
		}
	}
	return capitalize(name) + " is " + desc + "."
}

// swapIsFalse reports whether saying of a what the pack says of b is false
// beyond doubt: the names share no word, b's wording names neither term,
// and it carries fewer than half the key elements the pack gives for a (and
// a's wording fewer than half of b's).
func swapIsFalse(a, b *concept) bool {
	an, bn := contentWords(a.Name), contentWords(b.Name)
	for w := range an {
		if bn[w] {
			return false
		}
	}
	// Roots: "improvement" in the wording names the Improve activity.
	bdef := clueRoots(b.PackDef)
	for _, n := range []string{a.Name, b.Name} {
		for w := range contentWords(n) {
			if bdef[w] || bdef["~b"+base(w)] {
				return false
			}
		}
	}
	// Wordings that share a word of substance may overlap in meaning
	// ("a configuration ... to offer value", "a means of co-creating
	// value"); "service" and "organization" are in half the pack.
	bw := contentWords(b.PackDef)
	for w := range contentWords(a.PackDef) {
		if bw[w] && !commonWords[w] {
			return false
		}
	}
	return elementShare(b.PackDef, a.Elements) < 0.5 && elementShare(a.PackDef, b.Elements) < 0.5
}

// commonWords are content words (as contentWords gives them) that two
// wordings may share without saying the same thing.
var commonWords = map[string]bool{"service": true, "organization": true}

// elementShare is the share of elements ("a|b" = either) that text holds.
func elementShare(text string, elements []string) float64 {
	if len(elements) == 0 {
		return 0
	}
	n := 0
	for _, el := range elements {
		if hasElements(text, []string{el}) {
			n++
		}
	}
	return float64(n) / float64(len(elements))
}
