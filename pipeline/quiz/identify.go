package quiz

import (
	"fmt"
	"sort"
	"strings"

	"github.com/itilint/itilint/pipeline/pack"
)

// Identify asks which member of a named list a sentence of the notes is
// about.
var Identify = &Generator{
	Type:  TypeIdentify,
	Bloom: 2,
	Doc: `Which guiding principle / dimension / practice ...?
For a member of a named list of the pack (a guiding principle, a dimension,
a value chain activity, a practice...), from the notes' own sentences:
  - a purpose statement "The purpose of the X practice is to ..." gives
    "Which practice has a purpose to ...?";
  - a sentence whose subject is the member, "The X dimension covers ...",
    gives "Which dimension covers ...?";
  - a sentence in a section whose heading names the member ("## Focus on
    value") and that does not name it gives "Which guiding principle is the
    following statement about?" with the sentence below.
The key is the member; the distractors are other members of the same list
(of the same group first) that the notes mention. A sentence that names
another member of the list, or shares a word with the key, is not used: it
would be ambiguous or give the key away. At most MaxIdentifyPerMember
questions per member, the first in course order.`,
	Run: runIdentify,
}

// MaxIdentifyPerMember bounds the identify questions about one member, so
// that a long section does not fill the bank with questions on one name.
const MaxIdentifyPerMember = 1

// identifyStatementStem opens a question about a sentence under a member's
// heading; the noun of the list goes in the middle.
const identifyStatementStem = "Which %s is the following statement about?"

func runIdentify(p *genPass) {
	purposes := map[*sentence]*definition{}
	for _, x := range p.concepts {
		for _, d := range p.purposes[x] {
			purposes[d.S] = d
		}
	}
	headings := map[string]*concept{}
	done := map[*concept]int{}
	for _, s := range p.sentences {
		x, stem := p.identifyStem(s, purposes[s], headings)
		if x == nil || done[x] >= MaxIdentifyPerMember {
			continue
		}
		if p.identify(x, s, stem, purposes[s] != nil && purposes[s].C == x && strings.HasPrefix(stem, "Which "+x.List.Nouns[0]+" has a purpose")) {
			done[x]++
		}
	}
}

// identifyStem returns the member s is about and the question to ask, or
// nil.
func (p *genPass) identifyStem(s *sentence, purpose *definition, headings map[string]*concept) (*concept, string) {
	if !s.Fact && !isProhibition(s.Text) {
		return nil, ""
	}
	for _, w := range words(s.Text) {
		if pointers[w.Text] {
			return nil, "" // "Some trainers draw this as ...": this what?
		}
	}
	var named []*concept // list members the sentence names
	for _, m := range s.Matches {
		if x := onlyMember(m); x != nil {
			named = append(named, x)
		}
	}
	// A purpose statement or a sentence whose subject is a member.
	if len(s.Matches) > 0 && s.Fact {
		if x := onlyMember(s.Matches[0]); x != nil && namesOnly(named, x) {
			noun := x.List.Nouns[0]
			if purpose != nil && purpose.C == x {
				return x, "Which " + noun + " has a purpose " + lowerFirst(purpose.Pred) + "?"
			}
			if pred := subjectPredicate(s, s.Matches[0], x.List); pred != "" {
				return x, "Which " + noun + " " + pred + "?"
			}
		}
	}
	// A sentence under the member's heading that does not name it.
	x, ok := headings[s.Section]
	if !ok {
		x = p.headingMember(s.Section)
		headings[s.Section] = x
	}
	if x == nil || len(named) > 0 || findDefinition(s) != nil {
		return nil, "" // a definition is about its term, not the section
	}
	for _, m := range s.Matches {
		for _, y := range m.Concepts {
			if strings.EqualFold(y.Name, x.Name) {
				return nil, "" // the same name as a term ("Governance")
			}
		}
	}
	// "The value chain activity that ensures ...": a description of the
	// member, asked directly.
	for _, noun := range listNouns(x.List) {
		lead := "the " + noun + " that "
		if strings.HasPrefix(strings.ToLower(s.Text), lead) {
			rest := strings.TrimRight(s.Text[len(lead):], " .")
			if ws := words(rest); len(ws) >= 4 && strings.HasSuffix(ws[0].Text, "s") && !strings.ContainsAny(rest, ";:") {
				return x, "Which " + x.List.Nouns[0] + " " + rest + "?"
			}
			return nil, ""
		}
	}
	if fragment(s.Text) {
		return nil, ""
	}
	if ws := words(s.Text); imperatives[ws[0].Text] && x.List.ID != "guiding-principles" {
		return nil, ""
	}
	return x, fmt.Sprintf(identifyStatementStem, x.List.Nouns[0]) + "\n" + s.Text
}

// leaning are nouns that, after "The" at the start of a sentence, refer to
// what the heading or the sentence before said ("The focus is on ...").
var leaning = toSet("focus aim goal idea point key main same following above former latter result answer reason")

// subjectless: these words after a first word in -s show it is a verb without its
// subject ("Supports multiple activities", "Encourages continual ...").
var subjectless = toSet("all multiple continual many several various new different each every its their our your")

// imperatives open advice ("Consider external factors"): fine about a
// guiding principle, not about the member of another list.
var imperatives = toSet("consider use remove keep make do don't try start focus ensure avoid think work look check build create define identify involve apply get take be")

// finiteVerbs are the verbs a statement has when it has no verb in -s.
var finiteVerbs = toSet("is are was were has have had can could may might must shall should will would do does did")

// fragment reports whether s is a phrase rather than a statement: it opens
// with a participle ("Used to adopt ...") or has no finite verb ("A set of
// organised resources designed for ...").
func fragment(s string) bool {
	ws := words(s)
	if len(ws) == 0 {
		return true
	}
	if strings.HasSuffix(ws[0].Text, "ed") || strings.HasSuffix(ws[0].Text, "ing") {
		return true
	}
	if len(ws) > 2 {
		// "Encourages continual improvement ...": a verb with no subject.
		if strings.HasSuffix(ws[0].Text, "s") && (isArticle(ws[1].Text) || subjectless[ws[1].Text]) {
			return true
		}
		// "A set of organised resources ...": a noun phrase.
		if isArticle(ws[0].Text) && ws[2].Text == "of" {
			for _, w := range ws {
				if finiteVerbs[w.Text] {
					return false
				}
			}
			return true
		}
		// "The focus is on ...": a sentence that leans on its heading.
		if ws[0].Text == "the" && leaning[ws[1].Text] {
			return true
		}
	}
	for i, w := range ws {
		if finiteVerbs[w.Text] {
			return false
		}
		if i > 0 && strings.HasSuffix(w.Text, "s") && !strings.HasSuffix(w.Text, "ss") && !strings.HasSuffix(w.Text, "ities") &&
			!hasNounEnding(strings.TrimSuffix(w.Text, "s")) && !isArticle(ws[i-1].Text) {
			return false // "Effective engagement ensures ..."
		}
	}
	return true
}

// onlyMember returns the list member a match names when it names exactly
// one (a name that is also a glossary term counts once); nil otherwise.
func onlyMember(m match) *concept {
	var out *concept
	for _, x := range m.Concepts {
		if x.List == nil {
			continue
		}
		if out != nil {
			return nil // "Continual improvement": a component and a practice
		}
		out = x
	}
	if out == nil || len(out.List.Nouns) == 0 {
		return nil
	}
	return out
}

// namesOnly reports whether the members a sentence names are x alone, or
// members of other lists.
func namesOnly(named []*concept, x *concept) bool {
	for _, y := range named {
		if y != x && y.List == x.List {
			return false
		}
	}
	return true
}

// subjectPredicate returns what a sentence says of its subject m, from the
// verb on ("covers roles and responsibilities"), when m opens the sentence
// ("The organizations and people dimension covers ...", "Engage is the
// activity that interacts ..."); "" otherwise. "is the activity that" is
// cut to what follows "that": the stem names the kind already.
func subjectPredicate(s *sentence, m match, l *pack.List) string {
	ws := words(s.Text)
	i := 0
	for i < len(ws) && ws[i].Start < m.Start {
		i++
	}
	if i > 1 || i == 1 && ws[0].Text != "the" {
		return ""
	}
	for i < len(ws) && ws[i].End <= m.End {
		i++
	}
	// The list's noun after the name: "the plan value chain activity".
	nouns := listNouns(l)
	i = skipPhrase(ws, i, nouns)
	if i >= len(ws) || strings.ContainsAny(s.Text[m.End:ws[i].Start], ",;:(") || !singularVerbAt(s, ws, i) {
		return ""
	}
	rest := ws[i:]
	// "is the activity that interacts ..." → "interacts ...".
	if len(rest) > 4 && (rest[0].Text == "is") && isArticle(rest[1].Text) && rest[3].Text == "that" {
		for _, n := range nouns {
			if f := strings.Fields(n); f[len(f)-1] == rest[2].Text {
				rest = rest[4:]
				break
			}
		}
	}
	pred := strings.TrimRight(s.Text[rest[0].Start:], " .")
	if wordCount(pred) < 4 || strings.Contains(pred, ";") || strings.Contains(pred, ", but ") || strings.Contains(pred, ", and the ") {
		// A second clause ("..., and the chain as a whole converts demand
		// into value") is not about the member.
		return ""
	}
	lower := " " + wordsOnly(pred) + " "
	for _, n := range nouns {
		if strings.Contains(lower, " "+wordsOnly(n)+" ") {
			return "" // "Which component ... is one of the five components ...?"
		}
	}
	return pred
}

// skipPhrase returns the index after the first of phrases that stands at
// ws[i:], or i when none does.
func skipPhrase(ws []word, i int, phrases []string) int {
	for _, n := range phrases {
		nw := strings.Fields(n)
		if i+len(nw) > len(ws) {
			continue
		}
		ok := true
		for j, w := range nw {
			ok = ok && ws[i+j].Text == w
		}
		if ok {
			return i + len(nw)
		}
	}
	return i
}

// singularVerbAt reports whether ws[i] (an adverb aside) is a verb that
// agrees with a singular subject: "Which X" takes "covers", "is", "has",
// "should"; "The guiding principles are ..." does not fit it.
func singularVerbAt(s *sentence, ws []word, i int) bool {
	v := ws[i].Text
	if adverbs[v] && i+1 < len(ws) {
		v = ws[i+1].Text
	}
	// "Plan changes to ..." or "Obtain/build incidents can ...": a label
	// before a sentence, whose next word is a term, not a verb; nor is a
	// plural such as "activities".
	for _, m := range s.Matches {
		if m.Start == ws[i].Start {
			return false
		}
	}
	if strings.HasSuffix(v, "ities") {
		return false
	}
	return modals[v] || strings.HasSuffix(v, "s") && !strings.HasSuffix(v, "ss") && !hasNounEnding(strings.TrimSuffix(v, "s"))
}

// modals are the verbs that agree with a singular subject without an -s.
var modals = toSet("can could may might must shall should will would")

// pointers refer to something outside the sentence; a sentence with one
// cannot stand alone under a question.
var pointers = toSet("this these those")

// isProhibition reports whether s is a self-contained "Do not ..."
// sentence: advice, which a guiding principle's section often gives.
func isProhibition(s string) bool {
	rest, ok := strings.CutPrefix(s, "Do not ")
	return ok && isFact(capitalize(rest))
}

// headingMember returns the list member a section heading names, alone or
// with a step number or the list's noun ("Step 2: Where are we now?", "The
// service desk"); nil when the heading is about something else.
func (c *corpus) headingMember(heading string) *concept {
	ms := c.match(heading)
	if len(ms) != 1 {
		return nil
	}
	x := onlyMember(ms[0])
	if x == nil {
		return nil
	}
	allowed := toSet("the step " + strings.Join(listNouns(x.List), " "))
	for _, w := range words(heading[:ms[0].Start] + " " + heading[ms[0].End:]) {
		if !allowed[w.Text] && !isDigits(w.Text) {
			return nil
		}
	}
	return x
}

// identify emits the question about x from s, with distractors from x's
// list; it reports whether it did.
func (p *genPass) identify(x *concept, s *sentence, stem string, purpose bool) bool {
	keyRoots := clueRoots(x.Name)
	for w := range clueRoots(stem) {
		if keyRoots[w] {
			return false // "Which guiding principle is about value?": a clue
		}
	}
	lowerText := strings.ToLower(s.Text)
	var same, others []option
	for _, y := range p.byCat[x.Category] {
		if y == x || !p.taught[y] || !p.inSyllabus(y) || strings.EqualFold(y.Name, x.Name) || endMark(y.Name) != endMark(x.Name) ||
			strings.Contains(lowerText, strings.ToLower(y.Name)) {
			continue
		}
		o := option{text: optionText(y.Name), c: y}
		if y.Group == x.Group {
			same = append(same, o)
		} else {
			others = append(others, o)
		}
	}
	pool := same
	if len(pool) < 3 {
		pool = append(pool, others...)
	}
	if len(pool) < 3 {
		// Too few other members named in the notes (they may name them
		// only in headings): the pack's other members of the list are
		// what a learner of the syllabus knows anyway.
		for _, y := range p.byCat[x.Category] {
			if y != x && !p.taught[y] && p.inSyllabus(y) && !strings.EqualFold(y.Name, x.Name) && endMark(y.Name) == endMark(x.Name) &&
				!strings.Contains(lowerText, strings.ToLower(y.Name)) {
				pool = append(pool, option{text: optionText(y.Name), c: y})
			}
		}
	}
	r := p.rng(s.Text, x.ID)
	plural := x.List.Nouns[0]
	if len(x.List.Nouns) > 1 {
		plural = x.List.Nouns[1]
	}
	explain := func(chosen []option) string {
		var names []string
		for _, o := range chosen {
			names = append(names, o.c.Name)
		}
		return fmt.Sprintf("The notes say: %s (%s), about %s. %s are other %s.",
			quote(s.Text), s.Source(), x.Name, joinAnd(names), plural)
	}
	cands := p.emitAlternatives(r, stem, optionText(x.Name), pool, s, x.Topic, explain, x)
	for _, cand := range cands {
		if purpose {
			cand.fact, cand.purpose = definitionFact(x, true), true
		}
	}
	return len(cands) > 0
}

// listNouns returns the nouns of l in lower case, longest first, so that
// "value chain activity" is read before "activity".
func listNouns(l *pack.List) []string {
	var out []string
	for _, n := range l.Nouns {
		out = append(out, strings.ToLower(n))
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}
