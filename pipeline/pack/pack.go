// Package pack owns the rule pack: the ITIL facts and wording rules that the
// checker, the cleaner and the question generator read as data. Nothing
// ITIL-specific is written in Go; it lives in YAML files such as those of
// rules/itil4, decoded strictly (unknown keys are errors with file:line:col).
package pack

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode"
)

// A Pack is one or more YAML files merged.
type Pack struct {
	Name        string   `yaml:"name"`
	Edition     string   `yaml:"edition"`
	Description string   `yaml:"description"`
	Topics      []Topic  `yaml:"topics"`
	Terms       []Term   `yaml:"terms"`
	Lists       []List   `yaml:"lists"`
	Phrases     []Phrase `yaml:"phrases"`
	// Markers are phrases, written as they must appear (case counts), that
	// show a note teaches this edition ("ITIL (Version 5)"): when notes
	// carry another edition's markers and none of the one in force, check
	// names the edition to use.
	Markers []string `yaml:"markers"`
	// Reviews are for `itilint migrate` to this edition: lists of the
	// edition before it that this one reshaped or no longer examines, as
	// such. A section of a course whose heading names such a list, or a
	// member of it that this pack does not name, is listed to review.
	Reviews []Review `yaml:"reviews"`
	// History are words and phrases ("ITIL v3", "previous versions") that
	// mark a passage about earlier editions on purpose: a "v3" phrase is
	// not reported in a sentence that holds one, nor under a heading, a
	// list's introduction or a label line ("ITIL v3:") that does.
	History []string `yaml:"history"`
	// Syllabus, optional, is the exam syllabus of the edition: its areas,
	// the weight of each in the exam and which terms and list members each
	// covers. The question bank's coverage and the mock exam follow it.
	Syllabus *Syllabus `yaml:"syllabus"`

	Files []string `yaml:"-"` // where the pack was read from
}

// A Syllabus is the exam syllabus of an edition, as data: a quiz aims at
// its areas, in their exam proportions.
type Syllabus struct {
	Name string `yaml:"name"`
	// Questions is how many questions the exam has (40 for Foundation).
	Questions int `yaml:"questions"`
	// Note says where the weights come from and how sure they are; it is
	// shown with the coverage.
	Note  string `yaml:"note"`
	Areas []Area `yaml:"areas"`
	Pos   Pos    `yaml:"-"`
}

// An Area is one part of a syllabus (a learning outcome, a category).
// A question belongs to the first area that names what it tests: its
// purpose (for a list member's purpose), then its term or list member,
// then its topic. A question in no area is off the syllabus.
type Area struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
	// Weight is the area's share of the exam, in percent.
	Weight float64 `yaml:"weight"`
	// Approximate marks a weight not taken from the official syllabus;
	// reports show it as approximate.
	Approximate bool `yaml:"approximate"`
	// Topics are pack topic IDs whose questions fall in this area.
	Topics []string `yaml:"topics"`
	// Terms are term IDs, and Members list members written "list-id/Name"
	// or a whole list as "list-id", whose questions fall here even when
	// their topic belongs to another area.
	Terms   []string `yaml:"terms"`
	Members []string `yaml:"members"`
	// Purposes are list members ("list-id/Name") whose purpose questions
	// fall here (ITIL 4 asks the purpose of 15 practices in one outcome
	// and 7 of them in detail in another).
	Purposes []string `yaml:"purposes"`
	Pos      Pos      `yaml:"-"`
}

// WeightText is the area's exam weight as reports show it: "20%", or
// "20% (approximate)".
func (a Area) WeightText() string {
	s := strconv.FormatFloat(a.Weight, 'f', -1, 64) + "%"
	if a.Approximate {
		s += " (approximate)"
	}
	return s
}

// AreaOf returns the syllabus area a question about the term or list
// member id (a term ID, or "list-id/Member") of topic falls in; purpose
// says the question asks the member's purpose. ok is false when the pack
// has no syllabus or no area covers it.
func (p *Pack) AreaOf(id, topic string, purpose bool) (a Area, ok bool) {
	if p.Syllabus == nil {
		return Area{}, false
	}
	areas := p.Syllabus.Areas
	listID, _, _ := strings.Cut(id, "/")
	if purpose {
		for _, a := range areas {
			for _, m := range a.Purposes {
				if strings.EqualFold(m, id) {
					return a, true
				}
			}
		}
	}
	for _, a := range areas {
		for _, t := range a.Terms {
			if t == id {
				return a, true
			}
		}
		for _, m := range a.Members {
			if strings.EqualFold(m, id) || m == listID && strings.Contains(id, "/") {
				return a, true
			}
		}
	}
	for _, a := range areas {
		for _, t := range a.Topics {
			if t == topic {
				return a, true
			}
		}
	}
	return Area{}, false
}

// Pos is where an entry was written, as file:line:col.
type Pos string

// A Topic is a syllabus topic that terms, lists and questions belong to.
type Topic struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
	Pos  Pos    `yaml:"-"`
}

// A Term is a glossary term with its correct and wrong spellings and a short
// definition in our own words.
type Term struct {
	ID   string `yaml:"id"`
	Term string `yaml:"term"` // the canonical spelling
	// Category groups sibling terms (same kind of thing): distractors and
	// "this definition fits another term" come from siblings.
	Category string `yaml:"category"`
	// Family, optional, is a wider group of categories ("key-concept" for
	// the value concepts and the service concepts): where a category has
	// too few siblings for a question's distractors, the generator takes
	// them from the family. Swaps that make a true sentence false, and the
	// checker's "this definition fits another term", stay in the category.
	Family string `yaml:"family"`
	Topic  string `yaml:"topic"`
	// Accepted are other correct forms (abbreviation, British spelling).
	Accepted []string `yaml:"accepted"`
	// Wrong are miswritten forms; a match is reported and fixed to Term.
	Wrong []string `yaml:"wrong"`
	// CaseSensitive: a form that differs from Term only in case is wrong
	// (product names such as "ITIL 4").
	CaseSensitive bool `yaml:"case_sensitive"`
	// Inflect generates plural, -ed and -ing forms of Term and Wrong.
	Inflect bool `yaml:"inflect"`
	// Definition in our own words; Elements are its key words: a sentence
	// that defines the term must contain them ("a|b" = either).
	Definition string   `yaml:"definition"`
	Elements   []string `yaml:"elements"`
	Severity   string   `yaml:"severity"`
	Good       []string `yaml:"good"`
	Bad        []string `yaml:"bad"`
	Pos        Pos      `yaml:"-"`
}

// A List is a named, counted list of official names: the guiding
// principles, the dimensions, the value chain activities, the practices...
type List struct {
	ID   string `yaml:"id"`
	Name string `yaml:"name"`
	// Nouns name the list in running text, singular and plural ("guiding
	// principle", "guiding principles"): they mark a context that names a
	// member, and a number before them is a count.
	Nouns   []string `yaml:"nouns"`
	Count   int      `yaml:"count"`
	Topic   string   `yaml:"topic"`
	Members []Member `yaml:"members"`
	// Ordered: the members are steps in this order (the continual
	// improvement model); questions may ask which comes after which.
	Ordered bool `yaml:"ordered"`
	// Groups, when set, name the groups members belong to, with their counts.
	Groups []Group `yaml:"groups"`
	// Context are further words that mark a context naming a member but
	// are not counted nouns ("service value system" for its components).
	Context []string `yaml:"context"`
	// CaseSensitive: members are proper names; in running text that names
	// the list, a member written in another case is a near miss.
	CaseSensitive bool `yaml:"case_sensitive"`
	// VerbCues are words that, just before a member written in lower case,
	// show it is used as an ordinary phrase ("you focus on value").
	VerbCues []string `yaml:"verb_cues"`
	Severity string   `yaml:"severity"`
	Good     []string `yaml:"good"`
	Bad      []string `yaml:"bad"`
	Pos      Pos      `yaml:"-"`
}

// A Group is a named part of a list (the three groups of practices).
type Group struct {
	ID    string   `yaml:"id"`
	Name  string   `yaml:"name"`
	Nouns []string `yaml:"nouns"`
	Count int      `yaml:"count"`
	Pos   Pos      `yaml:"-"`
}

// A Review names a list of the previous edition's pack whose sections a
// migrated course must review, and why.
type Review struct {
	List string `yaml:"list"`
	Why  string `yaml:"why"`
	Pos  Pos    `yaml:"-"`
}

// A Member is one official name of a list.
type Member struct {
	Name string `yaml:"name"`
	// Accepted are other correct forms ("Optimise and automate").
	Accepted []string `yaml:"accepted"`
	// Variants are known near misses, reported and fixed to Name; the
	// checker also finds near misses it was not told about.
	Variants   []string `yaml:"variants"`
	Group      string   `yaml:"group"`
	Definition string   `yaml:"definition"`
	Pos        Pos      `yaml:"-"`
}

// A Phrase is a wording rule: a form to avoid and what to write instead.
type Phrase struct {
	ID string `yaml:"id"`
	// Kind picks the rule that reports it: "slip" (transcript and pasted
	// language slips), "v3" (ITIL v3 terms that ITIL 4 replaced or dropped),
	// "style", "chatbot" (lines left over from a chatbot answer), "older"
	// (wording of the previous edition that this one changed) and
	// "unsettled" (a point the sources disagree on: always a suggestion,
	// whose why gives the versions).
	Kind  string   `yaml:"kind"`
	Wrong []string `yaml:"wrong"`
	// Replace is the replacement; empty means report without a fix (a
	// "chatbot" phrase with no Replace is fixed by deleting its sentence).
	// A wrong form may name a list as {list-id}: it stands for each member
	// of that list, and {list-id} in Replace for the member as written.
	Replace string `yaml:"replace"`
	// Inflect generates the -s, -ed and -ing forms of the first word of
	// Wrong and Replace (verb phrases such as "emphasize on").
	Inflect bool `yaml:"inflect"`
	// CaseSensitive matches the wrong forms only as written ("CAB", not
	// "cab").
	CaseSensitive bool `yaml:"case_sensitive"`
	// Context, when set, are words one of which must be in the same
	// sentence: an ambiguous acronym ("CSI", "CAB") is reported only where
	// the sentence is about its ITIL meaning.
	Context []string `yaml:"context"`
	// Unless are words any of which, in the same sentence, silence the
	// phrase: "utility and warranty" is older wording only where the
	// sentence does not name the qualities Version 5 added.
	Unless []string `yaml:"unless"`
	// NotAfter are words that, just before a wrong form, make it part of
	// another name ("software change management") or a menu entry
	// ("select Request Fulfilment"): it is not reported there.
	NotAfter []string `yaml:"not_after"`
	Why      string   `yaml:"why"`
	Severity string   `yaml:"severity"`
	Good     []string `yaml:"good"`
	Bad      []string `yaml:"bad"`
	Pos      Pos      `yaml:"-"`
}

// Topic returns the topic with the given ID, or a zero Topic.
func (p *Pack) Topic(id string) Topic {
	for _, t := range p.Topics {
		if t.ID == id {
			return t
		}
	}
	return Topic{ID: id, Name: id}
}

// Term returns the term with the given ID.
func (p *Pack) Term(id string) (Term, bool) {
	for _, t := range p.Terms {
		if t.ID == id {
			return t, true
		}
	}
	return Term{}, false
}

// Siblings returns the other terms of t's category, in pack order.
func (p *Pack) Siblings(t Term) []Term {
	var out []Term
	for _, s := range p.Terms {
		if s.Category == t.Category && s.ID != t.ID {
			out = append(out, s)
		}
	}
	return out
}

// Relatives returns t's siblings, then the terms of other categories of
// its family, in pack order.
func (p *Pack) Relatives(t Term) []Term {
	out := p.Siblings(t)
	if t.Family == "" {
		return out
	}
	for _, s := range p.Terms {
		if s.Family == t.Family && s.Category != t.Category && s.ID != t.ID {
			out = append(out, s)
		}
	}
	return out
}

// List returns the list with the given ID.
func (p *Pack) List(id string) (List, bool) {
	for _, l := range p.Lists {
		if l.ID == id {
			return l, true
		}
	}
	return List{}, false
}

// Merge adds the entries of q to p; an entry of q with the ID of one of p
// replaces it, so a user's pack can override the embedded one.
func (p *Pack) Merge(q *Pack) {
	if q.Name != "" {
		p.Name = q.Name
	}
	if q.Edition != "" {
		p.Edition = q.Edition
	}
	p.Topics = mergeByID(p.Topics, q.Topics, func(t Topic) string { return t.ID })
	p.Terms = mergeByID(p.Terms, q.Terms, func(t Term) string { return t.ID })
	p.Lists = mergeByID(p.Lists, q.Lists, func(l List) string { return l.ID })
	p.Phrases = mergeByID(p.Phrases, q.Phrases, func(ph Phrase) string { return ph.ID })
	p.History = append(p.History, q.History...)
	if q.Syllabus != nil {
		p.Syllabus = q.Syllabus // a syllabus is replaced whole
	}
	p.Markers = append(p.Markers, q.Markers...)
	p.Reviews = append(p.Reviews, q.Reviews...)
	p.Files = append(p.Files, q.Files...)
}

func mergeByID[T any](base, add []T, id func(T) string) []T {
	index := map[string]int{}
	for i, b := range base {
		index[id(b)] = i
	}
	for _, a := range add {
		if i, ok := index[id(a)]; ok {
			base[i] = a
			continue
		}
		// Not indexed: a duplicate within one file stays, for Validate to
		// report rather than silently keeping the last one.
		base = append(base, a)
	}
	return base
}

// Validate checks what YAML decoding cannot: required fields, unique IDs,
// known references, counts that match the members, valid severities.
func (p *Pack) Validate() error {
	v := &validator{p: p, topics: map[string]bool{}, ids: make(map[string]Pos, len(p.Terms)+len(p.Lists)+len(p.Phrases)), lists: make(map[string]bool, len(p.Lists))}
	for _, l := range p.Lists {
		v.lists[l.ID] = true
	}
	for _, t := range p.Topics {
		if t.ID == "" || t.Name == "" {
			v.fail(t.Pos, "topic needs an id and a name")
		}
		v.topics[t.ID] = true
	}
	for i := range p.Terms {
		v.term(&p.Terms[i])
	}
	for i := range p.Lists {
		v.list(&p.Lists[i])
	}
	for i := range p.Phrases {
		v.phrase(&p.Phrases[i])
	}
	for _, r := range p.Reviews {
		if r.List == "" || strings.TrimSpace(r.Why) == "" {
			v.fail(r.Pos, "review needs a list and a why")
		}
	}
	p.validateSyllabus(v.topics, v.fail)
	v.texts(Pos(strings.Join(p.Files, ", ")), reflect.ValueOf(p).Elem())
	if len(v.errs) > 0 {
		return fmt.Errorf("%s", strings.Join(v.errs, "\n"))
	}
	return nil
}

// prose are the fields whose text may run over lines (written with YAML's
// | or >), explanations and example notes; every other text is one line:
// a name, a term, a form.
var prose = map[string]bool{"definition": true, "why": true, "description": true, "note": true, "good": true, "bad": true}

// texts refuses a control character in the texts of x, a pack or one of
// its entries (whose position is pos, unless it has its own): a NUL or a
// line break in a term or a name reaches every output, where it breaks a
// line-based format (a GIFT category, a text report). Prose may hold line
// breaks and tabs, nothing else.
func (v *validator) texts(pos Pos, x reflect.Value) {
	t := x.Type()
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).Type == posType && x.Field(i).String() != "" {
			pos = Pos(x.Field(i).String())
		}
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" || name == "" || !f.IsExported() {
			continue
		}
		fv := x.Field(i)
		switch fv.Kind() {
		case reflect.String:
			v.text(pos, name, fv.String())
		case reflect.Slice:
			for j := 0; j < fv.Len(); j++ {
				switch e := fv.Index(j); e.Kind() {
				case reflect.String:
					v.text(pos, name, e.String())
				case reflect.Struct:
					v.texts(pos, e)
				}
			}
		case reflect.Pointer:
			if !fv.IsNil() && fv.Elem().Kind() == reflect.Struct {
				v.texts(pos, fv.Elem())
			}
		case reflect.Struct:
			v.texts(pos, fv)
		}
	}
}

// text refuses a control character in the text s of field name.
func (v *validator) text(pos Pos, name, s string) {
	for _, r := range s {
		if !unicode.IsControl(r) || prose[name] && (r == '\n' || r == '\t') {
			continue
		}
		if r == '\n' || r == '\r' {
			v.fail(pos, "%s %q holds a line break; it must be one line", name, s)
		} else {
			v.fail(pos, "%s %q holds a control character (U+%04X)", name, s, r)
		}
		return
	}
}

// A validator gathers Validate's errors, with the topics and the IDs seen.
type validator struct {
	p      *Pack
	errs   []string
	topics map[string]bool
	ids    map[string]Pos
	lists  map[string]bool // the IDs of the lists, for the {list} of a phrase
}

func (v *validator) fail(pos Pos, format string, args ...any) {
	v.errs = append(v.errs, fmt.Sprintf("%s: %s", pos, fmt.Sprintf(format, args...)))
}

func (v *validator) topic(pos Pos, id string) {
	if id != "" && !v.topics[id] {
		v.fail(pos, "unknown topic %q", id)
	}
}

func (v *validator) id(pos Pos, kind, id string) {
	if id == "" {
		v.fail(pos, "%s has no id", kind)
		return
	}
	if prev, ok := v.ids[id]; ok {
		v.fail(pos, "duplicate id %q (first at %s)", id, prev)
	}
	v.ids[id] = pos
}

func (v *validator) severity(pos Pos, s string) {
	switch s {
	case "", "error", "warning", "suggestion":
	default:
		v.fail(pos, "severity %q is not error, warning or suggestion", s)
	}
}

func (v *validator) term(t *Term) {
	v.id(t.Pos, "term", t.ID)
	if strings.TrimSpace(t.Term) == "" {
		v.fail(t.Pos, "term %q has no term", t.ID)
	}
	v.topic(t.Pos, t.Topic)
	v.severity(t.Pos, t.Severity)
	if len(t.Elements) > 0 && t.Definition == "" {
		v.fail(t.Pos, "term %q has elements but no definition", t.ID)
	}
}

func (v *validator) list(l *List) {
	v.id(l.Pos, "list", l.ID)
	v.topic(l.Pos, l.Topic)
	v.severity(l.Pos, l.Severity)
	if l.Count != len(l.Members) {
		v.fail(l.Pos, "list %q: count is %d but it has %d members", l.ID, l.Count, len(l.Members))
	}
	if len(l.Nouns) == 0 {
		v.fail(l.Pos, "list %q has no nouns", l.ID)
	}
	groups := map[string]int{}
	for _, g := range l.Groups {
		groups[g.ID] = 0
	}
	for _, m := range l.Members {
		if strings.TrimSpace(m.Name) == "" {
			v.fail(m.Pos, "list %q: member without a name", l.ID)
		}
		if len(l.Groups) > 0 {
			if _, ok := groups[m.Group]; !ok {
				v.fail(m.Pos, "list %q: member %q has unknown group %q", l.ID, m.Name, m.Group)
			}
			groups[m.Group]++
		}
	}
	for _, g := range l.Groups {
		if g.Count != groups[g.ID] {
			v.fail(g.Pos, "list %q: group %q has count %d but %d members", l.ID, g.ID, g.Count, groups[g.ID])
		}
	}
}

func (v *validator) phrase(ph *Phrase) {
	v.id(ph.Pos, "phrase", ph.ID)
	v.severity(ph.Pos, ph.Severity)
	if len(ph.Wrong) == 0 {
		v.fail(ph.Pos, "phrase %q has no wrong forms", ph.ID)
	}
	switch ph.Kind {
	case "slip", "v3", "style", "chatbot", "older", "unsettled":
	default:
		v.fail(ph.Pos, "phrase %q: kind %q is not slip, v3, style, chatbot, older or unsettled", ph.ID, ph.Kind)
	}
	if ph.Kind == "unsettled" && ph.Severity != "" && ph.Severity != "suggestion" {
		v.fail(ph.Pos, "phrase %q: an unsettled point is a suggestion, not a %s", ph.ID, ph.Severity)
	}
	for _, w := range ph.Wrong {
		for _, ref := range listRefs(w) {
			if !v.lists[ref] {
				v.fail(ph.Pos, "phrase %q: {%s} names no list", ph.ID, ref)
			}
		}
	}
}

// listRefs returns the list IDs a phrase form names as {list-id}.
func listRefs(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return out
		}
		out = append(out, s[i+1:i+j])
		s = s[i+j+1:]
	}
}

// validateSyllabus checks that areas have an id, a name and a weight, that
// the weights add up to 100 %, and that what they name exists.
func (p *Pack) validateSyllabus(topics map[string]bool, fail func(Pos, string, ...any)) {
	sy := p.Syllabus
	if sy == nil {
		return
	}
	if len(sy.Areas) == 0 {
		fail(sy.Pos, "syllabus has no areas")
		return
	}
	if sy.Questions < 0 {
		fail(sy.Pos, "syllabus: questions %d is negative", sy.Questions)
	}
	terms := map[string]bool{}
	for _, t := range p.Terms {
		terms[t.ID] = true
	}
	members := map[string]bool{}
	for _, l := range p.Lists {
		members[strings.ToLower(l.ID)] = true
		for _, m := range l.Members {
			members[strings.ToLower(l.ID+"/"+m.Name)] = true
		}
	}
	seen := map[string]bool{}
	total := 0.0
	for _, a := range sy.Areas {
		if a.ID == "" || a.Name == "" {
			fail(a.Pos, "syllabus area needs an id and a name")
		}
		if seen[a.ID] {
			fail(a.Pos, "syllabus: duplicate area %q", a.ID)
		}
		seen[a.ID] = true
		if a.Weight <= 0 || a.Weight > 100 {
			fail(a.Pos, "syllabus area %q: weight %g is not a percentage above 0", a.ID, a.Weight)
		}
		total += a.Weight
		for _, t := range a.Topics {
			if !topics[t] {
				fail(a.Pos, "syllabus area %q: unknown topic %q", a.ID, t)
			}
		}
		for _, t := range a.Terms {
			if !terms[t] {
				fail(a.Pos, "syllabus area %q: unknown term %q", a.ID, t)
			}
		}
		for _, m := range append(append([]string(nil), a.Members...), a.Purposes...) {
			if !members[strings.ToLower(m)] {
				fail(a.Pos, "syllabus area %q: %q names no list or list member", a.ID, m)
			}
		}
	}
	if total < 99.5 || total > 100.5 {
		fail(sy.Pos, "syllabus: area weights add up to %g%%, not 100%%", total)
	}
}
