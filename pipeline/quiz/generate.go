package quiz

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
)

// Options control generation.
type Options struct {
	Count  int      // 0 = every question that follows the guidelines
	Seed   int64    // shuffles options; same seed, same bytes
	Types  []string // empty = all
	Topics []string // topic IDs; empty = all
	// Variants keeps the questions that test a fact the bank already
	// tests, or reuse an option set, after the others; by default they
	// are left out (Bank.Variants holds them).
	Variants bool
	// Exam draws a mock exam: the syllabus's number of questions (40 when
	// the pack has no syllabus), in the proportions of its areas, each key
	// used once.
	Exam bool
}

// A Generator turns the notes into candidate questions of one type. Like a
// lint rule it is a value in one explicit list (Generators), validated at
// start-up; it never decides whether a question is good enough: the
// item-writing guidelines do (Guidelines).
type Generator struct {
	Type  string // as --types names it
	Doc   string // first line: summary; the rest: how it works
	Bloom int    // 1 remember, 2 understand
	Run   func(*genPass)
}

// Generators is the one list of question generators, in the order their
// questions appear for the same source sentence.
var Generators = []*Generator{Definition, MissingWord, Identify, Scenario, Example, Sequence, Statement}

// Types returns the generator types in list order.
func Types() []string {
	var out []string
	for _, g := range Generators {
		out = append(out, g.Type)
	}
	return out
}

// ValidateGenerators checks the list: unique known types, a doc and a run
// function each.
func ValidateGenerators(gs []*Generator) error {
	seen := map[string]bool{}
	for _, g := range gs {
		switch {
		case g.Type == "":
			return fmt.Errorf("generator without a type")
		case seen[g.Type]:
			return fmt.Errorf("generator %q listed twice", g.Type)
		case strings.TrimSpace(g.Doc) == "":
			return fmt.Errorf("generator %q has no doc", g.Type)
		case g.Run == nil:
			return fmt.Errorf("generator %q has no run function", g.Type)
		case g.Bloom < 1 || g.Bloom > 2:
			return fmt.Errorf("generator %q: Bloom level %d is not 1 or 2", g.Type, g.Bloom)
		}
		seen[g.Type] = true
	}
	return nil
}

func init() {
	if err := ValidateGenerators(Generators); err != nil {
		panic("quiz: " + err.Error()) // a programming error, caught by tests
	}
}

// A candidate is a question with what the bank needs to know about it.
type candidate struct {
	Question
	tests []*concept // the concepts whose knowledge it checks
	seq   int        // source sentence position in the course
	gen   int        // generator index
	// fact names the statement of the notes (or the pack) the key rests
	// on: a bank tests each fact once.
	fact string
	// purpose: the question asks a list member's purpose (the syllabus may
	// file it apart from the member's other questions).
	purpose bool
	area    int // rank of the syllabus area (or topic)
	// alt numbers the distractor sets of one question (0 = the best); an
	// alternative set is no variant of its own.
	alt int
}

// genPass is what a generator works with.
type genPass struct {
	// keyShort is a shorter wording of the next question's key, from the
	// pack; emit takes and clears it.
	keyShort string
	*corpus
	gen  *Generator
	seed int64
	out  []*candidate
}

// rng returns a generator seeded by the run's seed and the question's own
// content, so an edit elsewhere in the notes does not reshuffle it.
func (p *genPass) rng(parts ...string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(p.gen.Type))
	for _, s := range parts {
		h.Write([]byte{0})
		h.Write([]byte(s))
	}
	return rand.New(rand.NewPCG(uint64(p.seed), h.Sum64()))
}

// emit shuffles the options of a new question and adds it to the pass;
// it returns the candidate (nil when there are not three distractors) for
// the generator to set its fact. The fact defaults to the source sentence.
func (p *genPass) emit(r *rand.Rand, stem, key string, distractors []option, s *sentence, topic, explanation string, tests ...*concept) *candidate {
	if len(distractors) != 3 {
		return nil
	}
	opts := []string{key}
	shorts := []string{optionText(p.keyShort)}
	anyShort := p.keyShort != ""
	ids := make([]string, 0, 3)
	for _, d := range distractors {
		opts = append(opts, optionText(d.text))
		shorts = append(shorts, optionText(d.short))
		anyShort = anyShort || d.short != ""
		ids = append(ids, optionIdentity(d))
	}
	r.Shuffle(4, func(i, j int) {
		opts[i], opts[j] = opts[j], opts[i]
		shorts[i], shorts[j] = shorts[j], shorts[i]
	})
	q := Question{
		Type:        p.gen.Type,
		Stem:        stem,
		Answer:      slices.Index(opts, key),
		Explanation: explanation,
		Source:      s.Source(),
		Section:     s.Section,
		Topic:       topic,
		TopicName:   p.pack.Topic(topic).Name,
		Bloom:       p.gen.Bloom,
	}
	copy(q.Options[:], opts)
	if anyShort {
		q.Short = shorts
	}
	q.ID = ContentID(q.Type, q.Stem, key, ids)
	cand := &candidate{Question: q, tests: tests, seq: s.Seq, fact: fmt.Sprintf("sentence:%d", s.Seq)}
	p.out = append(p.out, cand)
	return cand
}

// optionIdentity is how a distractor counts in a question's ID: the
// concept it stands for, with the kind of text (a name, a definition, a
// purpose), or its text when it stands for none.
func optionIdentity(o option) string {
	if o.c == nil {
		return "text:" + o.text
	}
	kind := o.kind
	if kind == "" {
		kind = "name"
	}
	return kind + ":" + o.c.ID
}

// A Builder builds a bank from notes handed over one at a time, so that a
// run need not keep the notes: Read takes from a note what question
// generation needs (its sentences, with the concepts they name and the
// definitions they give), on any goroutine, while the note is still
// parsed; Add takes that in course order, keeping each sentence once;
// Bank generates the questions.
//
// Every question comes from a sentence of the notes; the item-writing
// guidelines drop flawed ones, duplicates go, each fact is tested once
// (the other forms become variants), the answer letters are balanced
// across the bank and, when Options.Count is set, the questions are
// picked round-robin across the syllabus areas (topics without a
// syllabus) and types.
type Builder struct {
	c *corpus
}

// Read is what Builder.Read takes from one note.
type Read struct {
	sentences []*sentence
}

// NewBuilder starts a bank of the concepts of p.
func NewBuilder(p *pack.Pack) *Builder {
	if p == nil {
		p = &pack.Pack{}
	}
	return &Builder{c: emptyCorpus(p)}
}

// Read reads n, whose byte ranges flagged the checker still reports (no
// stem or key comes from a sentence with one); it may be called from
// several goroutines at once.
func (b *Builder) Read(n *note.Note, flagged [][2]int) *Read { return &Read{b.c.read(n, flagged)} }

// Add adds what Read took from the next note, in course order.
func (b *Builder) Add(r *Read) { b.c.add(r.sentences) }

// Bank generates the bank from the notes added.
func (b *Builder) Bank(opts Options) *Bank {
	b.c.seen = nil // no more notes to read
	return b.c.generate(opts)
}

// An area is a syllabus area, or a topic when the pack has no syllabus.
type area struct {
	id, name    string
	weight      float64
	approximate bool
}

// areas returns the areas questions are filed under, in syllabus order.
func (c *corpus) areas() []area {
	var out []area
	if sy := c.pack.Syllabus; sy != nil {
		for _, a := range sy.Areas {
			out = append(out, area{a.ID, a.Name, a.Weight, a.Approximate})
		}
		return out
	}
	for _, t := range c.pack.Topics {
		out = append(out, area{id: t.ID, name: t.Name})
	}
	return out
}

// areaOf returns the rank of the area x falls in (its purpose, when
// purpose), or -1 when it is off the syllabus.
func (c *corpus) areaOf(x *concept, topic string, purpose bool, rank map[string]int) int {
	if c.pack.Syllabus == nil {
		if r, ok := rank[topic]; ok {
			return r
		}
		return len(rank)
	}
	id := topic
	if x != nil {
		id = x.ID
	}
	a, ok := c.pack.AreaOf(id, topic, purpose)
	if !ok {
		return -1
	}
	return rank[a.ID]
}

// Reasons for leaving a good question out of the default bank.
const (
	DropOffSyllabus = "off-syllabus"  // what it tests is not in the syllabus
	DropSameFact    = "same-fact"     // another question tests its fact
	DropSameOptions = "same-options"  // another question has its option set
	DropSameKey     = "exam-same-key" // a mock exam uses each key once
)

// generate makes the bank: the questions of every generator asked for,
// checked, one per fact, chosen (and for a mock exam, spread over the
// areas by their weight), with the coverage of each area.
func (c *corpus) generate(opts Options) *Bank {
	b := c.newBankBuild(opts)
	bank := b.bank
	passed := b.checked(b.candidates())
	sortBankOrder(passed)

	first, variants := onePerFact(passed, bank.Dropped)
	pool := b.pool(first, variants)
	count, quotas := b.size()
	chosen := selectQuestions(pool, count, quotas, len(b.areas), opts.Exam, bank.Dropped)
	if opts.Exam {
		bank.Notes = examNotes(chosen, b.areas, quotas, count)
	}
	// Back in bank order.
	order := map[*candidate]int{}
	for i, cand := range pool {
		order[cand] = i
	}
	sort.SliceStable(chosen, func(i, j int) bool { return order[chosen[i]] < order[chosen[j]] })
	if !opts.Variants {
		for _, v := range variants {
			bank.Variants = append(bank.Variants, v.Question)
		}
	}

	balanceAnswers(chosen, opts.Seed)
	for _, cand := range chosen {
		bank.Questions = append(bank.Questions, cand.Question)
	}
	b.coverage(chosen)
	return bank
}

// bankBuild is a bank being made: the options, the areas in syllabus
// order (rank maps an area's id to its place) and the topics and types
// asked for (empty: all).
type bankBuild struct {
	c                   *corpus
	opts                Options
	bank                *Bank
	wantTopic, wantType map[string]bool
	areas               []area
	rank                map[string]int
}

func (c *corpus) newBankBuild(opts Options) *bankBuild {
	b := &bankBuild{
		c:         c,
		opts:      opts,
		bank:      &Bank{Generated: map[string]int{}, Dropped: map[string]int{}},
		wantTopic: toSet(strings.Join(opts.Topics, " ")),
		wantType:  toSet(strings.Join(opts.Types, " ")),
		areas:     c.areas(),
		rank:      map[string]int{},
	}
	for i, a := range b.areas {
		b.rank[a.id] = i
	}
	if sy := c.pack.Syllabus; sy != nil {
		b.bank.Syllabus, b.bank.SyllabusNote = sy.Name, strings.TrimSpace(sy.Note)
	}
	return b
}

// definitionFacts maps the sentence of each definition to its fact: a
// definition sentence is one fact whichever form asks it.
func (c *corpus) definitionFacts() map[int]string {
	defFact := map[int]string{}
	for _, ds := range []map[*concept][]*definition{c.defs, c.purposes} {
		for x, list := range ds {
			for _, d := range list {
				defFact[d.S.Seq] = definitionFact(x, d.Purpose)
			}
		}
	}
	return defFact
}

// candidates runs the generators of the types asked for and keeps the
// questions on the topics asked for, filed under their syllabus area;
// those on no area of the syllabus are dropped.
func (b *bankBuild) candidates() []*candidate {
	c, bank := b.c, b.bank
	defFact := c.definitionFacts()
	var all []*candidate
	for gi, g := range Generators {
		if len(b.wantType) > 0 && !b.wantType[g.Type] {
			continue
		}
		pass := &genPass{corpus: c, gen: g, seed: b.opts.Seed}
		g.Run(pass)
		for _, cand := range pass.out {
			if len(b.wantTopic) > 0 && !b.wantTopic[cand.Topic] {
				continue
			}
			cand.gen = gi
			if d := defFact[cand.seq]; d != "" && strings.HasPrefix(cand.fact, "sentence:") {
				cand.fact = d // another form of the same definition
			}
			if cand.alt == 0 {
				bank.Generated[g.Type]++
			}
			var x *concept
			if len(cand.tests) > 0 {
				x = cand.tests[0]
			}
			cand.area = c.areaOf(x, cand.Topic, cand.purpose, b.rank)
			if cand.area < 0 {
				bank.Dropped[DropOffSyllabus]++
				continue
			}
			if cand.area < len(b.areas) {
				cand.Area, cand.AreaName = b.areas[cand.area].id, b.areas[cand.area].name
			}
			all = append(all, cand)
		}
	}
	return all
}

// checked keeps the candidates that follow the item-writing guidelines,
// use no wording of the other edition and are no duplicate of an earlier
// one.
func (b *bankBuild) checked(all []*candidate) []*candidate {
	var passed []*candidate
	seen := map[string]bool{}
	nearDup := nearDuplicates{}
	otherWording := editionWording(b.c.pack)
	for _, cand := range all {
		if reason := BrokenGuideline(cand.Question); reason != "" {
			b.bank.Dropped[reason]++
			continue
		}
		if usesWording(cand.Question, otherWording) {
			b.bank.Dropped[GuidelineOtherEdition]++
			continue
		}
		k := dupKey(cand.Question)
		if seen[k] || nearDup.seen(cand.Question) {
			b.bank.Dropped[GuidelineDuplicate]++
			continue
		}
		seen[k] = true
		passed = append(passed, cand)
	}
	return passed
}

// sortBankOrder sorts candidates in bank order: by area, then by the
// place of their sentence, generator and ID.
func sortBankOrder(passed []*candidate) {
	sort.SliceStable(passed, func(i, j int) bool {
		a, b := passed[i], passed[j]
		if a.area != b.area {
			return a.area < b.area
		}
		if a.seq != b.seq {
			return a.seq < b.seq
		}
		if a.gen != b.gen {
			return a.gen < b.gen
		}
		return a.ID < b.ID
	})
}

// pool is what the questions are chosen from: one per fact, with the
// variants too when asked for.
func (b *bankBuild) pool(first, variants []*candidate) []*candidate {
	pool := first
	if b.opts.Exam && !b.opts.Variants {
		// A mock exam draws fewer questions than the bank holds, so a
		// question left out only for its option set may stand in for one
		// of another area; the selection keeps facts and option sets
		// unique within the exam.
		facts := map[string]bool{}
		for _, cand := range first {
			facts[cand.fact] = true
		}
		pool = append([]*candidate(nil), first...)
		for _, v := range variants {
			if !facts[v.fact] {
				facts[v.fact] = true
				pool = append(pool, v)
			}
		}
	}
	if b.opts.Variants {
		pool = append(append([]*candidate(nil), first...), variants...)
	}
	return pool
}

// size is how many questions to choose (none: all) and, for an exam, how
// many of each area: the syllabus's count unless --count says otherwise.
func (b *bankBuild) size() (count int, quotas []int) {
	count = b.opts.Count
	if !b.opts.Exam {
		return count, nil
	}
	count = 40
	if sy := b.c.pack.Syllabus; sy != nil && sy.Questions > 0 {
		count = sy.Questions
	}
	if b.opts.Count > 0 {
		count = b.opts.Count
	}
	return count, examQuotas(b.areas, count)
}

// coverage adds to the bank, per area, the number of questions chosen
// and the concepts no question tests.
func (b *bankBuild) coverage(chosen []*candidate) {
	c, p := b.c, b.c.pack
	tested := map[*concept]bool{}
	testedName := map[string]bool{} // "Governance" the component is governance the term
	perArea := map[int]int{}
	for _, cand := range chosen {
		perArea[cand.area]++
		for _, x := range cand.tests {
			tested[x] = true
			testedName[strings.ToLower(x.Name)] = true
		}
	}
	for i, a := range b.areas {
		if len(b.wantTopic) > 0 && p.Syllabus == nil && !b.wantTopic[a.id] {
			continue
		}
		row := Coverage{Area: a.id, Name: a.name, Weight: a.weight, Approximate: a.approximate, Questions: perArea[i]}
		seenName := map[string]bool{}
		for _, x := range c.concepts {
			// Only what a question could ask: a term the pack defines or a
			// member of a list (not wording such as "ITIL 4").
			if !c.taught[x] || tested[x] || testedName[strings.ToLower(x.Name)] || seenName[strings.ToLower(x.Name)] ||
				x.PackDef == "" && x.List == nil || c.areaOf(x, x.Topic, false, b.rank) != i {
				continue
			}
			if len(b.wantTopic) > 0 && !b.wantTopic[x.Topic] {
				continue
			}
			seenName[strings.ToLower(x.Name)] = true
			row.Untested = append(row.Untested, x.Name)
		}
		b.bank.Coverage = append(b.bank.Coverage, row)
	}
}

// onePerFact keeps, of the questions that test the same fact, one, and of
// those with the same option set, the first; the others are variants. The
// form kept for a fact is the one of the type the bank has used least so
// far (the generators' order breaks ties), so that the bank mixes forms.
func onePerFact(pool []*candidate, dropped map[string]int) (first, variants []*candidate) {
	byFact := map[string][]*candidate{}
	var facts []string
	for _, cand := range pool {
		if byFact[cand.fact] == nil {
			facts = append(facts, cand.fact)
		}
		byFact[cand.fact] = append(byFact[cand.fact], cand)
	}
	used := map[int]int{}
	optionSets := map[string]bool{}
	for _, f := range facts {
		group := append([]*candidate(nil), byFact[f]...)
		sort.SliceStable(group, func(i, j int) bool {
			if used[group[i].gen] != used[group[j].gen] {
				return used[group[i].gen] < used[group[j].gen]
			}
			if group[i].gen != group[j].gen {
				return group[i].gen < group[j].gen
			}
			return group[i].alt < group[j].alt
		})
		var kept *candidate
		for _, cand := range group {
			if kept == nil && !optionSets[optionSet(cand.Question)] {
				kept = cand
				continue
			}
			if cand.alt > 0 {
				continue // another set of a question already counted
			}
			if kept == nil {
				dropped[DropSameOptions]++
			} else {
				dropped[DropSameFact]++
			}
			variants = append(variants, cand)
		}
		if kept != nil {
			optionSets[optionSet(kept.Question)] = true
			used[kept.gen]++
			first = append(first, kept)
		}
	}
	// Back in pool order.
	order := map[*candidate]int{}
	for i, cand := range pool {
		order[cand] = i
	}
	sort.SliceStable(first, func(i, j int) bool { return order[first[i]] < order[first[j]] })
	sort.SliceStable(variants, func(i, j int) bool { return order[variants[i]] < order[variants[j]] })
	return first, variants
}

// optionSet is a question's options as a set of words.
func optionSet(q Question) string {
	opts := make([]string, 0, 4)
	for _, o := range q.Options {
		opts = append(opts, wordsOnly(o))
	}
	sort.Strings(opts)
	return strings.Join(opts, "\x00")
}

// examQuotas shares count questions among the areas by weight, largest
// remainder first; without weights, evenly.
func examQuotas(areas []area, count int) []int {
	quotas := make([]int, len(areas))
	total := 0.0
	for _, a := range areas {
		total += a.weight
	}
	if total == 0 {
		for i := range areas {
			total++
			areas[i].weight = 1
		}
		defer func() {
			for i := range areas {
				areas[i].weight = 0
			}
		}()
	}
	type rem struct {
		i int
		r float64
	}
	var rems []rem
	given := 0
	for i, a := range areas {
		exact := a.weight / total * float64(count)
		quotas[i] = int(exact)
		given += quotas[i]
		rems = append(rems, rem{i, exact - float64(quotas[i])})
	}
	sort.SliceStable(rems, func(i, j int) bool { return rems[i].r > rems[j].r })
	for k := 0; given < count && k < len(rems); k++ {
		quotas[rems[k].i]++
		given++
	}
	return quotas
}

// examNotes says where a mock exam differs from the syllabus proportions.
func examNotes(chosen []*candidate, areas []area, quotas []int, count int) []string {
	got := make([]int, len(areas))
	for _, cand := range chosen {
		if cand.area < len(got) {
			got[cand.area]++
		}
	}
	var out []string
	if len(chosen) < count {
		out = append(out, fmt.Sprintf("mock exam: %d of %d questions; the notes do not give more that pass the checks", len(chosen), count))
	}
	for i, a := range areas {
		if got[i] != quotas[i] {
			out = append(out, fmt.Sprintf("mock exam: %s has %d questions where the syllabus proportion asks %d", a.name, got[i], quotas[i]))
		}
	}
	return out
}

// dupKey identifies a question by its stem and the set of its options.
func dupKey(q Question) string {
	opts := make([]string, 0, 4)
	for _, o := range q.Options {
		opts = append(opts, wordsOnly(o))
	}
	sort.Strings(opts)
	// Words only: a comma more in one copy of a sentence is the same
	// question.
	return q.Type + "\x00" + wordsOnly(q.Stem) + "\x00" + strings.Join(opts, "\x00")
}

// MaxStemOverlap is the share of content words two stems with the same
// key and options may have in common before the second question only
// repeats the first: two copies of a definition that differ by a word
// ("to consumers", "to service consumers") make one question, not two.
const MaxStemOverlap = 0.75

// nearDuplicates remembers, by type, key and option set, the content words
// of the stems already in the bank.
type nearDuplicates map[string][]map[string]bool

// seen reports whether a question with q's type, key and options and a
// stem that says nearly the same is in the bank, and remembers q otherwise.
func (n nearDuplicates) seen(q Question) bool {
	opts := make([]string, 0, 4)
	for _, o := range q.Options {
		opts = append(opts, wordsOnly(o))
	}
	sort.Strings(opts)
	k := q.Type + "\x00" + wordsOnly(q.Key()) + "\x00" + strings.Join(opts, "\x00")
	stem := contentWords(q.Stem)
	for _, other := range n[k] {
		common := 0
		for w := range stem {
			if other[w] {
				common++
			}
		}
		if union := len(stem) + len(other) - common; union > 0 && float64(common)/float64(union) >= MaxStemOverlap {
			return true
		}
	}
	n[k] = append(n[k], stem)
	return false
}

// MaxKeyLongest is the largest share of questions whose key may be the
// longest option: test-wise candidates learn to pick the longest answer.
const MaxKeyLongest = 0.35

// selectQuestions picks up to count questions (all when count is 0),
// spreading them round-robin over areas and, within an area, over types,
// so that every area has a question before any has two; with quotas (a
// mock exam), each area gets its quota first and unique keys only. Then
// it drops key-longest questions beyond MaxKeyLongest, refilling from the
// rest of the pool when a count was asked for.
func selectQuestions(pool []*candidate, count int, quotas []int, nAreas int, uniqueKeys bool, dropped map[string]int) []*candidate {
	order := spreadOverAreas(pool, quotas, nAreas, uniqueKeys, dropped)
	n := len(order)
	if count > 0 && count < n {
		n = count
	}
	chosen := append([]*candidate(nil), order[:n]...)
	return capKeyLongest(chosen, order[n:], count > 0, dropped)
}

// spreadOverAreas orders the pool: each area's quota first, then round
// by round one question of each area. With uniqueKeys a question whose
// key or option set an earlier one has is dropped.
func spreadOverAreas(pool []*candidate, quotas []int, nAreas int, uniqueKeys bool, dropped map[string]int) []*candidate {
	byArea := make([][]*candidate, nAreas+1)
	for _, a := range interleave(pool) {
		i := min(a.area, nAreas)
		byArea[i] = append(byArea[i], a)
	}
	var order []*candidate
	keys := map[string]bool{}
	taken := map[*candidate]bool{}
	sets := map[string]bool{}
	take := func(cand *candidate) bool {
		if taken[cand] {
			return false
		}
		if uniqueKeys {
			k := wordsOnly(cand.Key())
			if keys[k] || sets[optionSet(cand.Question)] {
				return false
			}
			keys[k] = true
			sets[optionSet(cand.Question)] = true
		}
		taken[cand] = true
		order = append(order, cand)
		return true
	}
	for i, q := range quotas {
		n := 0
		for _, cand := range byArea[i] {
			if n >= q {
				break
			}
			if take(cand) {
				n++
			}
		}
	}
	for round := 0; ; round++ {
		added := false
		for _, list := range byArea {
			if round < len(list) {
				added = true
				take(list[round])
			}
		}
		if !added {
			break
		}
	}
	if uniqueKeys {
		for _, cand := range pool {
			if !taken[cand] {
				dropped[DropSameKey]++
			}
		}
	}
	return order
}

// capKeyLongest drops the last key-longest questions chosen while more
// than MaxKeyLongest of them are, and with refill takes the next
// question of rest that is not key-longest in the place of each.
func capKeyLongest(chosen, rest []*candidate, refill bool, dropped map[string]int) []*candidate {
	longest := 0
	for _, cand := range chosen {
		if keyLongest(cand.Question) {
			longest++
		}
	}
	for float64(longest) > MaxKeyLongest*float64(len(chosen)) && longest > 0 {
		// Drop the last key-longest question picked.
		for i := len(chosen) - 1; i >= 0; i-- {
			if keyLongest(chosen[i].Question) {
				chosen = append(chosen[:i], chosen[i+1:]...)
				longest--
				dropped[GuidelineKeyLongest]++
				break
			}
		}
		if refill {
			for len(rest) > 0 {
				next := rest[0]
				rest = rest[1:]
				if !keyLongest(next.Question) {
					chosen = append(chosen, next)
					break
				}
			}
		}
	}
	return chosen
}

// interleave orders each area's questions round-robin over types, in bank
// order within a type.
func interleave(pool []*candidate) []*candidate {
	type key struct{ area, gen int }
	lists := map[key][]*candidate{}
	var areaOrder []int
	gens := map[int][]int{}
	for _, cand := range pool {
		k := key{cand.area, cand.gen}
		if _, ok := gens[cand.area]; !ok {
			areaOrder = append(areaOrder, cand.area)
		}
		if lists[k] == nil {
			gens[cand.area] = append(gens[cand.area], cand.gen)
		}
		lists[k] = append(lists[k], cand)
	}
	var out []*candidate
	for _, a := range areaOrder {
		gs := gens[a]
		sort.Ints(gs)
		for round := 0; ; round++ {
			added := false
			for _, g := range gs {
				if l := lists[key{a, g}]; round < len(l) {
					out = append(out, l[round])
					added = true
				}
			}
			if !added {
				break
			}
		}
	}
	return out
}

// keyLongest reports whether the key is strictly longer than every
// distractor.
func keyLongest(q Question) bool {
	k := len([]rune(q.Key()))
	for i, o := range q.Options {
		if i != q.Answer && len([]rune(o)) >= k {
			return false
		}
	}
	return true
}

// balanceAnswers moves each key to a letter so that the letters are used
// equally often (±1) across the bank, in an order shuffled by the seed.
func balanceAnswers(qs []*candidate, seed int64) {
	letters := make([]int, len(qs))
	for i := range letters {
		letters[i] = i % 4
	}
	r := rand.New(rand.NewPCG(uint64(seed), 0x5eed))
	r.Shuffle(len(letters), func(i, j int) { letters[i], letters[j] = letters[j], letters[i] })
	for i, cand := range qs {
		q := &cand.Question
		to := letters[i]
		q.Options[q.Answer], q.Options[to] = q.Options[to], q.Options[q.Answer]
		if q.Short != nil {
			q.Short = append([]string(nil), q.Short...)
			q.Short[q.Answer], q.Short[to] = q.Short[to], q.Short[q.Answer]
		}
		q.Answer = to
	}
}
