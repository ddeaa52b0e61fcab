package quiz

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
)

// Statement asks which one of four statements about a concept is true.
var Statement = &Generator{
	Type:  TypeStatement,
	Bloom: 2,
	Doc: `Which statement about X is CORRECT?
One option is a sentence of the notes about X (X is named near its start);
the three others are other sentences about X, each made false by swapping
one term for a sibling that the notes never relate to X.`,
	Run: runStatement,
}

// List asks which two of four numbered statements are true.
var List = &Generator{
	Type:  TypeList,
	Bloom: 2,
	Doc: `Which TWO statements about X are CORRECT?
Four numbered statements about X: two sentences of the notes and two made
false by a sibling swap, as for the statement type. The options are pairs
("1 and 2"); the question is never negative.`,
	Run: runList,
}

// subjectWords is how near the start of a sentence a concept must be named
// for the sentence to count as being about it.
const subjectWords = 6

// A swap is a sentence of the notes made false by replacing one term with a
// sibling.
type swap struct {
	s         *sentence
	from, to  string
	text      string
	toConcept *concept
}

// about returns the fact sentences whose subject is x (named near the
// start, as the head of the subject, not as a modifier in a compound), in
// course order.
func (c *corpus) about(x *concept) []*sentence {
	var out []*sentence
	for _, s := range c.mentions[x] {
		if !s.Fact {
			continue
		}
		for _, m := range s.Matches {
			if m.has(x) {
				if wordCount(s.Text[:m.Start]) < subjectWords && isSubject(s.Text, m.Start, m.End) {
					out = append(out, s)
				}
				break
			}
		}
	}
	return out
}

// related returns the concepts the notes name in a sentence with x.
func (c *corpus) related(x *concept) map[*concept]bool {
	out := map[*concept]bool{}
	for _, s := range c.mentions[x] {
		for _, m := range s.Matches {
			for _, y := range m.Concepts {
				out[y] = true
			}
		}
	}
	return out
}

// swaps returns the ways to make s false while keeping it about x: a term
// other than x is replaced by a sibling that the notes never name with x,
// keeping number and article, and the result is not itself a sentence of
// the notes. A term in an enumeration ("the outcomes, the costs and the
// risks", "linked to A and to B") is never swapped: an enumeration is rarely
// complete, so the swapped one is often still true, or repeats a neighbour.
func (c *corpus) swaps(x *concept, s *sentence, related map[*concept]bool) []swap {
	var out []swap
	lower := strings.ToLower(s.Text)
	for mi, m := range s.Matches {
		if m.has(x) || coordinated(s, mi) {
			// Never swap a term in an enumeration or a compound.
			continue
		}
		for _, y := range m.Concepts {
			for _, sib := range c.siblings(y) {
				if related[sib] || sib == x {
					continue
				}
				many := m.Plural || strings.EqualFold(m.Text, plural(y.Name)) && !strings.EqualFold(m.Text, y.Name)
				if !many && sib.Inflect != y.Inflect {
					continue // "is value" cannot become "is product"
				}
				if !many && looksPlural(m.Text) != looksPlural(sib.Name) {
					// Names that are plural in themselves ("Practices",
					// "Partners and suppliers"): "Practices have been"
					// cannot become "Service value chain have been".
					continue
				}
				if !sib.Inflect && afterArticle(s.Text[:m.Start]) {
					continue // "the service desk" cannot become "the risk management"
				}
				name := sib.Name
				if !isUpperStart(m.Text) {
					name = lowerFirst(name)
				}
				if many {
					if !sib.Inflect {
						continue
					}
					name = plural(name)
				}
				if strings.Contains(lower, strings.ToLower(name)) {
					continue
				}
				if isUpperStart(m.Text) || m.Start == 0 {
					name = capitalize(name)
				}
				start := m.Start
				prefix := s.Text[:start]
				// Keep "a"/"an" right for the new word.
				if ws := words(prefix); len(ws) > 0 {
					last := ws[len(ws)-1]
					if (last.Text == "a" || last.Text == "an") && strings.TrimRight(prefix, " ") == prefix[:last.End] {
						art := article(name)
						if isUpperStart(prefix[last.Start:last.End]) {
							art = capitalize(art)
						}
						prefix = prefix[:last.Start] + art + prefix[last.End:]
					}
				}
				text := prefix + name + s.Text[m.End:]
				if c.texts[norm(text)] {
					continue
				}
				out = append(out, swap{s: s, from: m.Text, to: name, text: text, toConcept: sib})
			}
		}
	}
	return out
}

func isUpperStart(s string) bool { return s != "" && capitalize(s) == s && strings.ToLower(s) != s }

// aboutName is how a stem names x: a countable term in the plural
// ("incidents"), a list member in quotes when it reads as a phrase.
// A name the notes mostly write with "the" ("the service desk") gets it.
func (c *corpus) aboutName(x *concept) string {
	if x.Inflect {
		return plural(lowerFirst(x.Name))
	}
	if x.List != nil && len(strings.Fields(x.Name)) > 2 {
		return `"` + x.Name + `"`
	}
	if 2*c.withThe[x] > c.uses[x] {
		return "the " + lowerFirst(x.Name)
	}
	return lowerFirst(x.Name)
}

// statementSet picks, from the sentences about x, groups of one or two true
// sentences and false ones (swaps of other sentences) of similar length;
// each sentence serves in one group only.
func statementSet(c *corpus, x *concept, r *rand.Rand, nTrue, nFalse int, each func(truths []*sentence, lies []swap)) {
	sents := distinctSentences(c.about(x))
	related := c.related(x)
	used := map[*sentence]bool{}
	swapsOf := map[*sentence][]swap{}
	for _, s := range sents {
		swapsOf[s] = c.swaps(x, s, related)
	}
	// Keys: sentences that cannot be made false first, so that those that
	// can are left for the false options.
	keys := append([]*sentence(nil), sents...)
	sort.SliceStable(keys, func(i, j int) bool { return len(swapsOf[keys[i]]) == 0 && len(swapsOf[keys[j]]) > 0 })
	for _, key := range keys {
		if used[key] {
			continue
		}
		klen := len(key.Text)
		var truths []*sentence
		truths = append(truths, key)
		// More truths: the closest in length.
		var rest []*sentence
		for _, s := range sents {
			if !used[s] && s != key {
				rest = append(rest, s)
			}
		}
		sort.SliceStable(rest, func(i, j int) bool {
			return abs(len(rest[i].Text)-klen) < abs(len(rest[j].Text)-klen)
		})
		var lies []swap
		taken := map[*sentence]bool{key: true}
		picked := []*sentence{key}
		// Lies first: only sentences with a swap can be made false.
		for _, s := range rest {
			if len(lies) == nFalse {
				break
			}
			if sw := swapsOf[s]; len(sw) > 0 && !similarToAny(s, picked) {
				lies = append(lies, sw[r.IntN(len(sw))])
				taken[s] = true
				picked = append(picked, s)
			}
		}
		for _, s := range rest {
			if len(truths) == nTrue {
				break
			}
			if !taken[s] && !similarToAny(s, picked) {
				truths = append(truths, s)
				taken[s] = true
				picked = append(picked, s)
			}
		}
		if len(truths) < nTrue || len(lies) < nFalse {
			continue
		}
		for s := range taken {
			used[s] = true
		}
		each(truths, lies)
	}
}

func runStatement(p *genPass) {
	for _, x := range p.concepts {
		r := p.rng(x.ID)
		statementSet(p.corpus, x, r, 1, 3, func(truths []*sentence, lies []swap) {
			key := truths[0]
			var texts []string
			for _, l := range lies {
				texts = append(texts, l.text)
			}
			stem := "Which statement about " + p.aboutName(x) + " is CORRECT?"
			expl := fmt.Sprintf("The notes say: %s (%s). %s", quote(key.Text), key.Source(), explainSwaps(lies))
			qr := p.rng(x.ID, key.Text)
			p.emit(qr, stem, key.Text, texts, key, x.Topic, expl, x)
		})
	}
}

// explainSwaps says what made each false statement false.
func explainSwaps(lies []swap) string {
	var parts []string
	for _, l := range lies {
		part := fmt.Sprintf("%q where the notes say %q", lowerFirst(l.to), lowerFirst(l.from))
		if !slices.Contains(parts, part) {
			parts = append(parts, part)
		}
	}
	return "The false statements say " + joinAnd(parts) + "."
}

func runList(p *genPass) {
	for _, x := range p.concepts {
		r := p.rng("list", x.ID)
		statementSet(p.corpus, x, r, 2, 2, func(truths []*sentence, lies []swap) {
			qr := p.rng(x.ID, truths[0].Text)
			type item struct {
				text string
				true bool
			}
			items := []item{{truths[0].Text, true}, {truths[1].Text, true}, {lies[0].text, false}, {lies[1].text, false}}
			qr.Shuffle(4, func(i, j int) { items[i], items[j] = items[j], items[i] })
			var sb strings.Builder
			sb.WriteString("Which TWO statements about " + p.aboutName(x) + " are CORRECT?")
			var right []int
			for i, it := range items {
				fmt.Fprintf(&sb, "\n%d. %s", i+1, it.text)
				if it.true {
					right = append(right, i+1)
				}
			}
			var wrong []int
			for i := 1; i <= 4; i++ {
				if i != right[0] && i != right[1] {
					wrong = append(wrong, i)
				}
			}
			pair := func(a, b int) string { return fmt.Sprintf("%d and %d", min(a, b), max(a, b)) }
			key := pair(right[0], right[1])
			// The two false ones together, and two pairs of one true, one
			// false.
			distractors := []string{
				pair(wrong[0], wrong[1]),
				pair(right[0], wrong[qr.IntN(2)]),
				pair(right[1], wrong[qr.IntN(2)]),
			}
			expl := fmt.Sprintf("Statements %s are from the notes: %s (%s) and %s (%s). %s",
				key, quote(truths[0].Text), truths[0].Source(), quote(truths[1].Text), truths[1].Source(), explainSwaps(lies))
			first := truths[0]
			if truths[1].Seq < first.Seq {
				first = truths[1]
			}
			p.emit(qr, sb.String(), key, distractors, first, x.Topic, expl, x)
		})
	}
}

// afterArticle reports whether prefix ends with an article.
func afterArticle(prefix string) bool {
	ws := words(prefix)
	return len(ws) > 0 && isArticle(ws[len(ws)-1].Text) && strings.TrimRight(prefix, " ") == prefix[:ws[len(ws)-1].End]
}

// MaxOverlap is the share of content words two sentences may have in common
// and still both be options: above it, one restates the other (a lecture
// transcript repeating the notes), and a swap of one beside the other gives
// the answer away.
const MaxOverlap = 0.6

// distinctSentences drops sentences that restate an earlier one.
func distinctSentences(ss []*sentence) []*sentence {
	var out []*sentence
	for _, s := range ss {
		if !similarToAny(s, out) {
			out = append(out, s)
		}
	}
	return out
}

func similarToAny(s *sentence, others []*sentence) bool {
	a := s.contentWords()
	for _, o := range others {
		b := o.contentWords()
		common := 0
		for w := range a {
			if b[w] {
				common++
			}
		}
		union := len(a) + len(b) - common
		if union > 0 && float64(common)/float64(union) > MaxOverlap {
			return true
		}
	}
	return false
}

// looksPlural guesses the number of a name from its last word: "practices"
// and "suppliers" are plural; "process", "status" and "analysis" are not.
func looksPlural(name string) bool {
	ws := words(name)
	if len(ws) == 0 {
		return false
	}
	w := ws[len(ws)-1].Text
	if len(w) < 3 || !strings.HasSuffix(w, "s") {
		return false
	}
	for _, end := range []string{"ss", "us", "is"} {
		if strings.HasSuffix(w, end) {
			return false
		}
	}
	return true
}

// coordinated reports whether the i-th match of s stands in an enumeration
// with a neighbouring term (only commas, "and", "or", determiners or "to"
// separate them), or in a compound with it ("the information security
// management practice", "the guiding principles Focus on value"), where a
// swap reads as nonsense and gives itself away.
func coordinated(s *sentence, i int) bool {
	joined := func(gap string) bool {
		if strings.TrimSpace(gap) == "" {
			return true
		}
		link := false
		for _, f := range strings.FieldsFunc(gap, func(r rune) bool { return r == ' ' || r == ',' }) {
			switch strings.ToLower(f) {
			case "and", "or":
				link = true
			case "to", "as", "well":
			default:
				if determiners[strings.ToLower(f)] {
					continue // "every product and every service"
				}
				return false
			}
		}
		return link || strings.Contains(gap, ",")
	}
	m := s.Matches[i]
	if i > 0 && joined(s.Text[s.Matches[i-1].End:m.Start]) {
		return true
	}
	return i+1 < len(s.Matches) && joined(s.Text[m.End:s.Matches[i+1].Start])
}
