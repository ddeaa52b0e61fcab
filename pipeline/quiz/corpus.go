package quiz

import (
	"bytes"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
)

// A concept is what a question can ask about: a pack term or a member of a
// pack list. Concepts of the same category are siblings: they supply the
// distractors and the swaps that make a true sentence false.
type concept struct {
	ID       string // term ID, or list ID + "/" + member name
	Name     string // the canonical spelling from the pack
	Category string // term category, or "list:" + list ID (+ "/" + group)
	Family   string // the term's family of categories, "" for none
	Topic    string
	PackDef  string   // the pack's own-words definition
	Elements []string // the key elements of a definition ("a|b" = either)
	Inflect  bool
	Case     bool // case sensitive
	List     *pack.List
	Group    string
	order    int // pack order, for deterministic choices
}

// form is one surface spelling of a concept.
type form struct {
	words  []string // lower case
	text   string   // as the pack writes it
	plural bool
	c      *concept
}

// A match is a concept found in a sentence.
type match struct {
	Start, End int // byte range in the sentence text
	Text       string
	Plural     bool
	Concepts   []*concept
	afterThe   bool // written "the X"
	afterA     bool // written "a X" or "an X"
}

// has reports whether the match names c.
func (m match) has(c *concept) bool {
	for _, x := range m.Concepts {
		if x == c {
			return true
		}
	}
	return false
}

// A sentence is one sentence of the notes with what the generators need.
// It keeps nothing of its note but where it is (Source): a course is read
// note by note and the notes are let go (see Builder).
type sentence struct {
	Text    string
	Section string
	Matches []match
	Fact    bool // a declarative sentence that can stand alone as an option
	Seq     int  // position in the course
	NoteSeq int  // its note's position in the course

	source string      // path:line
	def    *definition // what findDefinition makes of it, found when read
	key    string      // norm(Text)
}

// Source is the sentence's path:line, as the explanation cites it and the
// sheet's Source column shows it. A bank is handed to learners: an absolute
// path (the trainer's home folder) gives way to the path within the
// input folder.
func (s *sentence) Source() string { return s.source }

// sourcePath is the path a note's sentences cite.
func sourcePath(n *note.Note) string {
	p := n.Path
	if filepath.IsAbs(p) && n.Rel != "" {
		p = n.Rel
	}
	return filepath.ToSlash(p)
}

// A definition is a sentence of the notes that defines a concept: "X is a
// ...", "X means ...", or states its purpose: "The purpose of X is to ...".
type definition struct {
	C       *concept
	S       *sentence
	Subject string // the defined phrase as the sentence writes it ("a service")
	Pred    string // what follows the verb, as option text
	Purpose bool
}

// A corpus is the notes read once for all generators.
type corpus struct {
	pack      *pack.Pack
	concepts  []*concept
	byCat     map[string][]*concept
	forms     map[string][]*form // by first word
	sentences []*sentence
	defs      map[*concept][]*definition
	purposes  map[*concept][]*definition
	taught    map[*concept]bool // mentioned or defined in the notes
	mentions  map[*concept][]*sentence
	withThe   map[*concept]int // mentions written "the X"
	counted   map[*concept]int // mentions written "a X", "an X" or in the plural
	uses      map[*concept]int // all mentions
	texts     map[string]bool  // normalised sentence texts, to tell a swap from a truth
	notes     int              // notes added

	// seen is what read made of each sentence text so far: a course
	// that repeats a sentence has it matched once.
	seenMu sync.Mutex
	seen   map[string]textFacts
}

// textFacts is what read makes of a sentence's text alone.
type textFacts struct {
	text    string // the text, one copy for every sentence that has it
	key     string // norm(text), how add tells a repeated sentence
	matches []match
	fact    bool
	// def is what findDefinition makes of the text when the sentence is a
	// fact (S is nil: each sentence takes a copy that points to it).
	def *definition
}

// facts returns the matches of text and whether it reads as a fact,
// worked out once per different text.
func (c *corpus) facts(text string) textFacts {
	c.seenMu.Lock()
	tf, ok := c.seen[text]
	c.seenMu.Unlock()
	if ok {
		return tf
	}
	// text may be a slice of its paragraph: the copy kept holds only the
	// sentence.
	text = strings.Clone(text)
	tf = textFacts{text: text, key: norm(text), matches: c.match(text), fact: isFact(text)}
	for i := range tf.matches {
		before := wordsBefore(text[:tf.matches[i].Start])
		tf.matches[i].afterThe = before == "the"
		tf.matches[i].afterA = before == "a" || before == "an"
	}
	if tf.fact {
		tf.def = findDefinition(&sentence{Text: text, Matches: tf.matches, Fact: true})
	}
	c.seenMu.Lock()
	c.seen[text] = tf
	c.seenMu.Unlock()
	return tf
}

// emptyCorpus is a corpus of the pack's concepts and no notes yet.
func emptyCorpus(p *pack.Pack) *corpus {
	c := &corpus{
		pack:     p,
		byCat:    map[string][]*concept{},
		forms:    map[string][]*form{},
		defs:     map[*concept][]*definition{},
		purposes: map[*concept][]*definition{},
		taught:   map[*concept]bool{},
		mentions: map[*concept][]*sentence{},
		withThe:  map[*concept]int{},
		counted:  map[*concept]int{},
		uses:     map[*concept]int{},
		texts:    map[string]bool{},
		seen:     map[string]textFacts{},
	}
	c.addConcepts(p)
	return c
}

// add takes the sentences of the next note in course order. A sentence
// met before, word for word, is counted (how often a concept is used, and
// with "the") but not kept: a course that repeats itself (a recap, the
// same handout in two modules, a course copied for a bigger benchmark)
// holds each candidate once, and the bank's memory is that of the
// different sentences, not of the course.
func (c *corpus) add(ss []*sentence) {
	noteSeq := c.notes
	c.notes++
	for _, s := range ss {
		key := s.key
		dup := c.texts[key]
		c.texts[key] = true
		for _, m := range s.Matches {
			for _, x := range m.Concepts {
				c.uses[x]++
				if m.afterThe {
					c.withThe[x]++
				}
				if m.afterA || m.Plural {
					c.counted[x]++
				}
			}
		}
		if dup {
			continue
		}
		s.Seq, s.NoteSeq = len(c.sentences), noteSeq
		c.sentences = append(c.sentences, s)
		for _, m := range s.Matches {
			for _, x := range m.Concepts {
				c.taught[x] = true
				if l := len(c.mentions[x]); l == 0 || c.mentions[x][l-1] != s {
					c.mentions[x] = append(c.mentions[x], s)
				}
			}
		}
		if d := s.def; d != nil {
			if d.Purpose {
				c.purposes[d.C] = append(c.purposes[d.C], d)
			} else {
				c.defs[d.C] = append(c.defs[d.C], d)
			}
		}
	}
}

func (c *corpus) addConcepts(p *pack.Pack) {
	add := func(x *concept, spellings []string) {
		x.order = len(c.concepts)
		c.concepts = append(c.concepts, x)
		c.byCat[x.Category] = append(c.byCat[x.Category], x)
		for _, s := range spellings {
			c.addForm(x, s, false)
			if x.Inflect {
				c.addForm(x, plural(s), true)
			}
		}
	}
	for _, t := range p.Terms {
		cat := t.Category
		if cat == "" {
			cat = "term:" + t.ID // no siblings
		}
		add(&concept{ID: t.ID, Name: t.Term, Category: cat, Family: t.Family, Topic: t.Topic, PackDef: t.Definition, Elements: t.Elements,
			Inflect: t.Inflect, Case: t.CaseSensitive}, append([]string{t.Term}, t.Accepted...))
	}
	for i := range p.Lists {
		l := &p.Lists[i]
		for _, m := range l.Members {
			cat := "list:" + l.ID
			add(&concept{ID: l.ID + "/" + m.Name, Name: m.Name, Category: cat, Topic: l.Topic,
				PackDef: m.Definition, List: l, Group: m.Group}, append([]string{m.Name}, m.Accepted...))
		}
	}
	// The names of the lists themselves ("value chain activities",
	// "guiding principles") are no concept, but they must be read whole:
	// otherwise "value" inside "value chain activities" passes for the term
	// value, and a statement about a practice is filed under value.
	for _, l := range p.Lists {
		for _, noun := range append(append([]string(nil), l.Nouns...), l.Context...) {
			c.addForm(nil, noun, false)
		}
	}
	for _, fs := range c.forms {
		sort.SliceStable(fs, func(i, j int) bool { return len(fs[i].words) > len(fs[j].words) })
	}
}

func (c *corpus) addForm(x *concept, spelling string, pl bool) {
	ws := words(spelling)
	if len(ws) == 0 {
		return
	}
	f := &form{text: spelling, plural: pl, c: x}
	for _, w := range ws {
		f.words = append(f.words, w.Text)
	}
	c.forms[f.words[0]] = append(c.forms[f.words[0]], f)
}

// siblings returns the other concepts of x's category, in pack order.
func (c *corpus) siblings(x *concept) []*concept {
	var out []*concept
	for _, s := range c.byCat[x.Category] {
		if s != x && !strings.EqualFold(s.Name, x.Name) && c.inSyllabus(s) {
			out = append(out, s)
		}
	}
	return out
}

// relatives returns x's siblings and, when they are fewer than n, then the
// concepts of the other categories of x's family, in pack order: a
// category of two parties ("organization", "stakeholder") borrows
// distractors from the roles, never from the value concepts.
func (c *corpus) relatives(x *concept, n int) []*concept {
	out := c.siblings(x)
	if len(out) >= n || x.Family == "" {
		return out
	}
	for _, y := range c.concepts {
		if y.Family == x.Family && y.Category != x.Category && !strings.EqualFold(y.Name, x.Name) && c.inSyllabus(y) {
			out = append(out, y)
		}
	}
	return out
}

// read splits the paragraphs of n into sentences; headings, code, HTML
// and front matter are skipped. It only reads the corpus's concepts, so
// notes are read on several goroutines at once; add then takes their
// sentences in course order.
//
// The statements listed under a question ("Which of the following
// statements are NOT correct? 1. ... 2. ...") are options of a practice
// question, true or false: they are read (for the concepts they name) but
// are no facts. A sentence that overlaps a range of flagged (what the
// checker still reports) is read but is no fact: nothing is asked from a
// slip.
func (c *corpus) read(n *note.Note, flagged [][2]int) []*sentence {
	var out []*sentence
	section := ""
	underQuestion := false
	path := sourcePath(n)
	lines := n.PositionCursor()
	for _, b := range n.Blocks() {
		switch b.Kind {
		case note.Heading:
			section = strings.TrimSpace(strings.Trim(strings.TrimSpace(b.Content(n.Text)), "#"))
			underQuestion = false
			continue
		case note.Paragraph:
		default:
			continue
		}
		text, offs := joinLines(n, b)
		options := b.InList && underQuestion
		if !b.InList {
			underQuestion = strings.HasSuffix(strings.TrimSpace(text), "?")
		}
		for _, r := range splitSentences(text, offs.breaks()) {
			st := text[r[0]:r[1]]
			if !singleSpaced(st) {
				st = strings.Join(strings.Fields(st), " ")
			}
			start := offs.at(r[0])
			tf := c.facts(st)
			s := &sentence{Text: tf.text, Section: section, key: tf.key,
				source: path + ":" + strconv.Itoa(lines.Position(start).Line)}
			s.Matches = tf.matches
			s.Fact = tf.fact && !options && !overlaps(flagged, start, offs.at(r[1]-1)+1)
			if s.Fact && tf.def != nil {
				d := *tf.def
				d.S = s
				s.def = &d
			}
			out = append(out, s)
		}
	}
	return out
}

// joinLines joins a paragraph's lines with single spaces and returns the
// joined text and where each of its bytes is in the note.
func joinLines(n *note.Note, b note.Block) (string, lineOffsets) {
	var sb strings.Builder
	offs := lineOffsets{lines: make([]lineSegment, 0, len(b.Lines)), end: b.End}
	for i, l := range b.Lines {
		line := bytes.TrimRight(n.Text[l.Start:l.End], " \t\n")
		lead := len(line) - len(bytes.TrimLeft(line, " \t"))
		line = line[lead:]
		seg := lineSegment{off: l.Start + lead}
		if i > 0 {
			seg.from = sb.Len()
			sb.WriteByte(' ')
		}
		seg.start = sb.Len()
		offs.lines = append(offs.lines, seg)
		sb.Write(line)
	}
	offs.len = sb.Len()
	return sb.String(), offs
}

// lineOffsets maps the bytes of a paragraph's joined text (joinLines) to
// the note: each line's text, and the space joining it to the line before,
// which stands for the line's first byte.
type lineOffsets struct {
	lines []lineSegment
	len   int // of the joined text
	end   int // the note offset of the text's end: the block's
}

// A lineSegment is one line in the joined text: from its joining space
// (from; the text's start for the first line), its text from start on,
// which is at off in the note.
type lineSegment struct{ from, start, off int }

// at returns the note offset of byte i of the joined text (the block's end
// for the text's length).
func (o lineOffsets) at(i int) int {
	if i >= o.len {
		return o.end
	}
	k := sort.Search(len(o.lines), func(k int) bool { return o.lines[k].from > i }) - 1
	seg := o.lines[k]
	if i < seg.start {
		return seg.off // the joining space
	}
	return seg.off + i - seg.start
}

// breaks returns the offsets of the joined text where a line break was:
// the joining spaces, in order.
func (o lineOffsets) breaks() []int {
	if len(o.lines) < 2 {
		return nil
	}
	out := make([]int, len(o.lines)-1)
	for k, seg := range o.lines[1:] {
		out[k] = seg.from
	}
	return out
}

// singleSpaced reports whether s is its words joined by single spaces, as
// strings.Join(strings.Fields(s), " ") would write it: no space (of any
// kind Fields knows) but single ASCII spaces between words.
func singleSpaced(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !spaceOrWide[c] {
			continue // most bytes: a letter, a digit, punctuation
		}
		switch {
		case c == ' ':
			if i == 0 || i == len(s)-1 || s[i+1] == ' ' {
				return false
			}
		case c < utf8.RuneSelf:
			return false // \t, \n, \v, \f, \r
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += size - 1
		}
	}
	return true
}

// spaceOrWide marks the bytes singleSpaced looks at: ASCII white space and
// the bytes of multi-byte characters (some of which are spaces).
var spaceOrWide = func() (t [256]bool) {
	for _, c := range []byte(" \t\n\v\f\r") {
		t[c] = true
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	return t
}()

// personal words mark trainer talk ("you", "we", "I"), not facts.
var personal = toSet("i i'm i'll we we're us our you you're your yours let's me my")

// contextual first words refer back to an earlier sentence: the sentence
// does not stand alone.
var contextual = toSet(`it its this these that those they them their he she his her both such here there
another others so and but or also however then thus therefore hence instead otherwise yet still even
for in on at as if when while because although though after before once since what why how do don't read
remember note think look okay ok well right alright now last next first finally`)

// isFact reports whether s reads as a self-contained statement: it starts
// with a capital, ends with a period, is of exam length, and is neither
// trainer talk nor a sentence that leans on the one before it.
func isFact(s string) bool {
	if !strings.HasSuffix(s, ".") || strings.ContainsAny(s, "`[]<>*_|#\"") || strings.Contains(s, "http") {
		return false
	}
	// A word broken at a hyphen ("under- specific") is a transcript or
	// copy glitch.
	for i := strings.Index(s, "- "); i > 0; {
		if r := s[i-1]; r >= 'a' && r <= 'z' {
			return false
		}
		j := strings.Index(s[i+1:], "- ")
		if j < 0 {
			break
		}
		i += 1 + j
	}
	r := []rune(s)
	if !unicode.IsUpper(r[0]) {
		return false
	}
	ws := words(s)
	if len(ws) < 6 || len(ws) > 40 {
		return false
	}
	if contextual[ws[0].Text] {
		return false
	}
	// A lead-in with a fragment after its colon ("Last topic for this
	// part: workarounds.") announces rather than states.
	if i := strings.LastIndexByte(s, ':'); i >= 0 && wordCount(s[i:]) < 3 {
		return false
	}
	for _, w := range ws {
		if personal[w.Text] {
			return false
		}
	}
	return true
}

// onlyNames reports whether every form found is a list's name (no concept).
func onlyNames(found []*form) bool {
	for _, f := range found {
		if f.c != nil {
			return false
		}
	}
	return true
}

// match finds the pack's concepts in s, leftmost longest, without overlaps.
func (c *corpus) match(s string) []match {
	ws := words(s)
	var out []match
	for i := 0; i < len(ws); {
		best := 0
		var found []*form
		for _, f := range c.forms[ws[i].Text] {
			k := len(f.words)
			if k < best || i+k > len(ws) {
				continue
			}
			ok := true
			for j, w := range f.words {
				if ws[i+j].Text != w {
					ok = false
					break
				}
			}
			if ok && f.c != nil && f.c.Case && s[ws[i].Start:ws[i+k-1].End] != f.text {
				ok = false
			}
			if !ok {
				continue
			}
			if k > best {
				best, found = k, nil
			}
			found = append(found, f)
		}
		if best == 0 {
			i++
			continue
		}
		if onlyNames(found) {
			i += best // a list's own name: read past it, no concept
			continue
		}
		m := match{Start: ws[i].Start, End: ws[i+best-1].End, Plural: true}
		m.Text = s[m.Start:m.End]
		for _, f := range found {
			if f.c == nil {
				continue
			}
			if !f.plural {
				m.Plural = false
			}
			dup := false
			for _, x := range m.Concepts {
				dup = dup || x == f.c
			}
			if !dup {
				m.Concepts = append(m.Concepts, f.c)
			}
		}
		out = append(out, m)
		i += best
	}
	return out
}

// definitionVerbs introduce a definition after the subject.
var definitionVerbs = [][]string{
	{"is", "defined", "as"}, {"are", "defined", "as"}, {"can", "be", "defined", "as"},
	{"refers", "to"}, {"refer", "to"}, {"means"}, {"mean"}, {"is"}, {"are"},
}

// findDefinition recognises "X is a ...", "An X is the ...", "X means ...",
// "X refers to ...", "X is defined as ..." and "The purpose of X is to ...".
func findDefinition(s *sentence) *definition {
	if !s.Fact || len(s.Matches) == 0 {
		return nil
	}
	ws := words(s.Text)
	m := s.Matches[0]
	last, purpose, ok := definitionSubject(ws, m)
	if !ok {
		return nil
	}
	v := definitionVerb(ws, last)
	if v == nil {
		return nil
	}
	rest := ws[last+len(v):]
	if !definitionPredicate(v, rest, purpose) {
		return nil
	}
	subjStart := ws[0].Start
	if purpose {
		subjStart = ws[3].Start // after "The purpose of"
	}
	return &definition{C: definedConcept(m), S: s, Purpose: purpose,
		Subject: lowerFirst(s.Text[subjStart:ws[last-1].End]),
		Pred:    optionText(s.Text[rest[0].Start:])}
}

// definitionSubject reads the subject a definition starts with, the first
// match m: alone, after "a" or "an" ("A user is ..." defines; "The user
// is ..." speaks of one), or after "the purpose of". last is the index of
// the word after it; ok is false when the sentence starts otherwise.
func definitionSubject(ws []word, m match) (last int, purpose, ok bool) {
	first := 0
	for first < len(ws) && ws[first].Start < m.Start {
		first++
	}
	switch {
	case first == 0:
	case first == 1 && (ws[0].Text == "a" || ws[0].Text == "an"):
	case (first == 3 || first == 4 && isArticle(ws[3].Text)) && ws[0].Text == "the" && ws[1].Text == "purpose" && ws[2].Text == "of":
		purpose = true
	default:
		return 0, false, false
	}
	last = first
	for last < len(ws) && ws[last].End <= m.End {
		last++
	}
	// A purpose subject may name the kind of thing after the name ("the
	// incident management practice"); allow one trailing word.
	if purpose && last < len(ws) && ws[last].Text != "is" {
		last++
	}
	return last, purpose, true
}

// definitionVerb is the first of definitionVerbs that stands at ws[at:]
// with a word after it; nil when none does.
func definitionVerb(ws []word, at int) []string {
	for _, v := range definitionVerbs {
		if at+len(v) >= len(ws) {
			continue
		}
		ok := true
		for j, w := range v {
			ok = ok && ws[at+j].Text == w
		}
		if ok {
			return v
		}
	}
	return nil
}

// definitionPredicate reports whether rest, the words after verb v, read
// as a definition: "to ..." after "The purpose of X is", an article after
// a plain "is" or "are" ("X is about/not/most ..." does not define), and
// four words at least.
func definitionPredicate(v []string, rest []word, purpose bool) bool {
	if purpose {
		if v[0] != "is" || len(v) != 1 || rest[0].Text != "to" {
			return false
		}
	} else if len(v) == 1 && (v[0] == "is" || v[0] == "are") {
		if a := rest[0].Text; a != "a" && a != "an" && a != "the" {
			return false
		}
	}
	return len(rest) >= 4
}

// definedConcept is the concept a definition's subject names: of a name
// that is both a term and a list member, the member, which has siblings
// to contrast it with.
func definedConcept(m match) *concept {
	if len(m.Concepts) > 1 {
		for _, x := range m.Concepts {
			if !strings.HasPrefix(x.Category, "term:") {
				return x
			}
		}
	}
	return m.Concepts[0]
}

func isArticle(w string) bool { return w == "a" || w == "an" || w == "the" }

// maxWordBefore bounds the word wordsBefore looks back over: its callers
// ask for an article, and a hostile note's one "word" of megabytes (joined
// with hyphens) must not be read again for every match on it.
const maxWordBefore = 64

// wordsBefore returns the last word of prefix (lower case, as words has
// it) when it ends right there, with only spaces after it; "" when there is
// none or it is longer than maxWordBefore bytes. It reads prefix from the
// end, so that asking about every match of a long line is not quadratic:
// a word ends with a letter or digit, and reaches back over letters and
// digits, and over a joiner (- ' ’) with a letter or digit on each side.
func wordsBefore(prefix string) string {
	t := strings.TrimRight(prefix, " ")
	i := len(t)
	for i > 0 && len(t)-i <= maxWordBefore {
		r, size := utf8.DecodeLastRuneInString(t[:i])
		if isWordRune(r) {
			i -= size
			continue
		}
		if (r == '-' || r == '\'' || r == '’') && i < len(t) {
			if prev, _ := utf8.DecodeLastRuneInString(t[:i-size]); i-size > 0 && isWordRune(prev) {
				i -= size
				continue
			}
		}
		break
	}
	if i == len(t) || len(t)-i > maxWordBefore {
		return ""
	}
	return strings.ToLower(t[i:])
}

// inSyllabus reports whether the syllabus of the pack covers x, in any
// area (its purpose counts): a distractor off the syllabus ("Architecture
// management" at Foundation) is no plausible option. True without a
// syllabus.
func (c *corpus) inSyllabus(x *concept) bool {
	if c.pack.Syllabus == nil {
		return true
	}
	if _, ok := c.pack.AreaOf(x.ID, x.Topic, false); ok {
		return true
	}
	_, ok := c.pack.AreaOf(x.ID, x.Topic, true)
	return ok
}

// overlaps reports whether [start, end) meets one of the ranges.
func overlaps(ranges [][2]int, start, end int) bool {
	for _, r := range ranges {
		if r[0] < end && start < r[1] {
			return true
		}
	}
	return false
}
