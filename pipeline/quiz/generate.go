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
	Count  int      // 0 = every question that passes the checks
	Seed   int64    // shuffles options; same seed, same bytes
	Types  []string // empty = all
	Topics []string // topic IDs; empty = all
}

// A Generator turns the notes into candidate questions of one type. Like a
// lint rule it is a value in one explicit list (Generators), validated at
// start-up; it never decides whether a question is good enough: the item
// checks do.
type Generator struct {
	Type  string // as --types names it
	Doc   string // first line: summary; the rest: how it works
	Bloom int    // 1 remember, 2 understand
	Run   func(*genPass)
}

// Generators is the one list of question generators, in the order their
// questions appear for the same source sentence.
var Generators = []*Generator{Definition, MissingWord, Statement, List, Negative, Identify}

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
}

// genPass is what a generator works with.
type genPass struct {
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

// emit shuffles the options of a new question and adds it to the pass.
func (p *genPass) emit(r *rand.Rand, stem, key string, distractors []string, s *sentence, topic, explanation string, tests ...*concept) {
	opts := append([]string{key}, distractors...)
	if len(opts) != 4 {
		return
	}
	r.Shuffle(4, func(i, j int) { opts[i], opts[j] = opts[j], opts[i] })
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
	q.ID = ContentID(q.Type, q.Stem, opts, key)
	p.out = append(p.out, &candidate{Question: q, tests: tests, seq: s.Seq})
}

// Generate builds the question bank from notes (cleaned, in course order).
// Every question comes from a sentence of the notes; the item checks drop
// flawed ones, duplicates go, the answer letters are balanced across the
// bank and, when opts.Count is set, the questions are picked round-robin
// across topics and types.
func Generate(notes []*note.Note, p *pack.Pack, opts Options) *Bank {
	bank := &Bank{Generated: map[string]int{}, Dropped: map[string]int{}}
	if p == nil {
		p = &pack.Pack{}
	}
	c := newCorpus(notes, p)
	wantTopic := toSet(strings.Join(opts.Topics, " "))
	wantType := toSet(strings.Join(opts.Types, " "))

	var all []*candidate
	for gi, g := range Generators {
		if len(wantType) > 0 && !wantType[g.Type] {
			continue
		}
		pass := &genPass{corpus: c, gen: g, seed: opts.Seed}
		g.Run(pass)
		for _, cand := range pass.out {
			if len(wantTopic) > 0 && !wantTopic[cand.Topic] {
				continue
			}
			cand.gen = gi
			bank.Generated[g.Type]++
			all = append(all, cand)
		}
	}

	// Item checks, then duplicates.
	var passed []*candidate
	seen := map[string]bool{}
	nearDup := nearDuplicates{}
	otherWording := editionWording(p)
	for _, cand := range all {
		if reason := CheckQuestion(cand.Question); reason != "" {
			bank.Dropped[reason]++
			continue
		}
		if usesWording(cand.Question, otherWording) {
			bank.Dropped[CheckOtherEdition]++
			continue
		}
		k := dupKey(cand.Question)
		if seen[k] || nearDup.seen(cand.Question) {
			bank.Dropped[CheckDuplicate]++
			continue
		}
		seen[k] = true
		passed = append(passed, cand)
	}

	topicRank := map[string]int{}
	for i, t := range p.Topics {
		topicRank[t.ID] = i + 1
	}
	rank := func(t string) int {
		if r, ok := topicRank[t]; ok {
			return r
		}
		return len(topicRank) + 1
	}
	sort.SliceStable(passed, func(i, j int) bool {
		a, b := passed[i], passed[j]
		if ra, rb := rank(a.Topic), rank(b.Topic); ra != rb {
			return ra < rb
		}
		if a.seq != b.seq {
			return a.seq < b.seq
		}
		if a.gen != b.gen {
			return a.gen < b.gen
		}
		return a.ID < b.ID
	})

	chosen := selectQuestions(passed, opts.Count, bank.Dropped)
	// Back in bank order.
	order := map[*candidate]int{}
	for i, cand := range passed {
		order[cand] = i
	}
	sort.SliceStable(chosen, func(i, j int) bool { return order[chosen[i]] < order[chosen[j]] })

	balanceAnswers(chosen, opts.Seed)
	tested := map[*concept]bool{}
	perTopic := map[string]int{}
	for _, cand := range chosen {
		bank.Questions = append(bank.Questions, cand.Question)
		perTopic[cand.Topic]++
		for _, x := range cand.tests {
			tested[x] = true
		}
	}
	for _, t := range p.Topics {
		if len(wantTopic) > 0 && !wantTopic[t.ID] {
			continue
		}
		row := TopicCoverage{Topic: t.ID, Name: t.Name, Questions: perTopic[t.ID]}
		seenName := map[string]bool{}
		for _, x := range c.concepts {
			if x.Topic != t.ID || !c.taught[x] || tested[x] || seenName[strings.ToLower(x.Name)] {
				continue
			}
			seenName[strings.ToLower(x.Name)] = true
			row.Untested = append(row.Untested, x.Name)
		}
		bank.Coverage = append(bank.Coverage, row)
	}
	return bank
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
	if q.Type == TypeList {
		// The pairs "1 and 2" are the same in every list question: what
		// the question tests are its true statements.
		k = q.Type + "\x00" + trueStatements(q)
	}
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

// trueStatements returns the statements of a list question that its key
// names ("1 and 3"), as sorted lower-case words.
func trueStatements(q Question) string {
	lines := strings.Split(q.Stem, "\n")
	var out []string
	for _, w := range words(q.Key()) {
		if n := int(w.Text[0] - '0'); len(w.Text) == 1 && n >= 1 && n < len(lines) {
			_, statement, _ := strings.Cut(lines[n], " ") // after "1."
			out = append(out, wordsOnly(statement))
		}
	}
	sort.Strings(out)
	return strings.Join(out, "\x00")
}

// MaxKeyLongest is the largest share of questions whose key may be the
// longest option: test-wise candidates learn to pick the longest answer.
const MaxKeyLongest = 0.35

// selectQuestions picks up to count questions (all when count is 0),
// spreading them round-robin over topics and, within a topic, over types;
// then it drops key-longest questions beyond MaxKeyLongest, refilling from
// the rest of the pool when a count was asked for.
func selectQuestions(pool []*candidate, count int, dropped map[string]int) []*candidate {
	// Interleave: per topic, per type, in bank order.
	var topics []string
	byTopic := map[string]map[int][]*candidate{}
	for _, cand := range pool {
		if byTopic[cand.Topic] == nil {
			byTopic[cand.Topic] = map[int][]*candidate{}
			topics = append(topics, cand.Topic)
		}
		byTopic[cand.Topic][cand.gen] = append(byTopic[cand.Topic][cand.gen], cand)
	}
	perTopic := map[string][]*candidate{}
	for _, t := range topics {
		var gens []int
		for g := range byTopic[t] {
			gens = append(gens, g)
		}
		sort.Ints(gens)
		for round := 0; ; round++ {
			added := false
			for _, g := range gens {
				if round < len(byTopic[t][g]) {
					perTopic[t] = append(perTopic[t], byTopic[t][g][round])
					added = true
				}
			}
			if !added {
				break
			}
		}
	}
	var order []*candidate
	for round := 0; ; round++ {
		added := false
		for _, t := range topics {
			if round < len(perTopic[t]) {
				order = append(order, perTopic[t][round])
				added = true
			}
		}
		if !added {
			break
		}
	}

	n := len(order)
	if count > 0 && count < n {
		n = count
	}
	chosen := append([]*candidate(nil), order[:n]...)
	rest := order[n:]
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
				dropped[CheckKeyLongest]++
				break
			}
		}
		if count > 0 {
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
		q.Answer = to
		if q.Type == TypeList {
			sortPairs(q)
		}
	}
}

// sortPairs keeps the "1 and 2" options of a list question in reading order
// when the key's letter allows it, so that learners read them in order; the
// key keeps its letter.
func sortPairs(q *Question) {
	key := q.Key()
	var others []string
	for i, o := range q.Options {
		if i != q.Answer {
			others = append(others, o)
		}
	}
	sort.Strings(others)
	// Place the others in order around the key, then accept only if the
	// key's neighbours stay sorted (otherwise keep the balanced order).
	opts := make([]string, 0, 4)
	k := 0
	for i := range 4 {
		if i == q.Answer {
			opts = append(opts, key)
		} else {
			opts = append(opts, others[k])
			k++
		}
	}
	copy(q.Options[:], opts)
}
