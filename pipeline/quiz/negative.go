package quiz

import (
	"fmt"
	"sort"
	"strings"

	"github.com/itilint/itilint/pipeline/note"
)

// Negative asks which option is not a member of a named list.
var Negative = &Generator{
	Type:  TypeNegative,
	Bloom: 2,
	Doc: `Which is NOT a X? (rare; the NOT in capitals)
For a named list of the pack (or a group of it) whose members the notes
name: three members the notes mention, and as the key a name the notes
mention that belongs to another list (or another group of the same list).
At most one question per list and per group.`,
	Run: runNegative,
}

// A scope is a list or one group of a list.
type scope struct {
	list    string
	group   string // "" = the whole list
	nouns   []string
	members []*concept
	topic   string
	name    string // the list's name ("The four dimensions of service management"); "" for a group
}

func runNegative(p *genPass) {
	var scopes []scope
	for i := range p.pack.Lists {
		l := &p.pack.Lists[i]
		sc := scope{list: l.ID, nouns: l.Nouns, topic: l.Topic, name: l.Name}
		byGroup := map[string][]*concept{}
		for _, x := range p.byCat["list:"+l.ID] {
			sc.members = append(sc.members, x)
			byGroup[x.Group] = append(byGroup[x.Group], x)
		}
		scopes = append(scopes, sc)
		for _, g := range l.Groups {
			scopes = append(scopes, scope{list: l.ID, group: g.ID, nouns: g.Nouns, members: byGroup[g.ID], topic: l.Topic})
		}
	}
	for _, sc := range scopes {
		p.negative(sc, scopes)
	}
}

func (p *genPass) negative(sc scope, scopes []scope) {
	if len(sc.nouns) == 0 {
		return
	}
	noun := sc.nouns[0]
	names := map[string]bool{}
	var taught []*concept
	for _, x := range sc.members {
		names[strings.ToLower(x.Name)] = true
		if p.taught[x] {
			taught = append(taught, x)
		}
	}
	if len(taught) < 3 {
		return
	}
	// Keys: names the notes mention from another list, or from another
	// group of the same list, that no member of this scope carries.
	var pool []option
	for _, other := range scopes {
		if other.list == sc.list && (sc.group == "" || other.group == "" || other.group == sc.group) {
			continue
		}
		if other.list != sc.list && other.group != "" {
			continue // the whole other list is already in
		}
		for _, x := range other.members {
			if p.taught[x] && !names[strings.ToLower(x.Name)] && !strings.EqualFold(x.Name, noun) &&
				endMark(x.Name) == endMark(taught[0].Name) {
				pool = append(pool, option{text: x.Name, c: x})
			}
		}
	}
	if len(pool) == 0 {
		return
	}
	src := p.listSentence(sc, taught)
	if src == nil {
		return
	}
	r := p.rng(sc.list, sc.group)
	stem := "Which is NOT " + article(noun) + " " + noun + "?"
	if strings.HasPrefix(sc.name, "The ") {
		// The list's own name says which list: "Which is NOT one of the
		// four dimensions of service management?" rather than "... a
		// dimension?", which could mean any dimension of anything.
		stem = "Which is NOT one of " + lowerFirst(sc.name) + "?"
	}
	// The key: a name from elsewhere, of a length like the members'.
	avg := 0
	for _, x := range taught {
		avg += len(x.Name)
	}
	avg /= len(taught)
	// Names from the same list (another group) are the most plausible.
	same := func(o option) bool { return o.c.List != nil && o.c.List.ID == sc.list }
	sort.SliceStable(pool, func(i, j int) bool {
		if si, sj := same(pool[i]), same(pool[j]); si != sj {
			return si
		}
		return abs(len(pool[i].text)-avg) < abs(len(pool[j].text)-avg)
	})
	near := pool[:min(3, len(pool))]
	key := near[r.IntN(len(near))]
	var mem []option
	for _, x := range taught {
		mem = append(mem, option{text: x.Name, c: x})
	}
	chosen := pickDistractors(r, stem, key.text, mem, 3)
	var texts, memberNames []string
	for _, o := range chosen {
		texts = append(texts, optionText(o.text))
		memberNames = append(memberNames, o.text)
	}
	keyKind := "named elsewhere in the notes"
	if k := key.c; k.List != nil {
		nouns := k.List.Nouns
		for _, g := range k.List.Groups {
			if g.ID == k.Group && len(g.Nouns) > 0 && sc.list == k.List.ID {
				nouns = g.Nouns
			}
		}
		if len(nouns) > 0 {
			keyKind = article(nouns[0]) + " " + nouns[0]
		}
	}
	expl := fmt.Sprintf("The notes say: %s (%s). %s are each %s %s; %s is %s.",
		quote(src.Text), src.Source(), joinAnd(memberNames), article(noun), noun, key.text, keyKind)
	tests := []*concept{key.c}
	for _, o := range chosen {
		tests = append(tests, o.c)
	}
	p.emit(r, stem, optionText(key.text), texts, src, sc.topic, expl, tests...)
}

// listSentence finds the sentence that introduces the scope in the notes:
// one naming one of its nouns in a note that mentions at least three of its
// members; a lead-in to a list ("The seven X are:") is best, then a sentence
// that also names members, then the first.
func (c *corpus) listSentence(sc scope, taught []*concept) *sentence {
	var best *sentence
	bestScore := -1
	// How many of the taught members each note mentions, counted once per
	// call: asking it per sentence made a large course quadratic.
	perNote := map[*note.Note]int{}
	for _, x := range taught {
		seen := map[*note.Note]bool{}
		for _, m := range c.mentions[x] {
			if !seen[m.Note] {
				seen[m.Note] = true
				perNote[m.Note]++
			}
		}
	}
	for _, s := range c.sentences {
		if perNote[s.Note] < 3 {
			continue
		}
		text := " " + wordsOnly(s.Text) + " "
		named := false
		for _, n := range sc.nouns {
			named = named || strings.Contains(text, " "+wordsOnly(n)+" ")
		}
		if !named {
			continue
		}
		score := 0
		if strings.HasSuffix(s.Text, ":") {
			score = 2
		} else {
			members := 0
			for _, m := range s.Matches {
				for _, x := range taught {
					if m.has(x) {
						members++
					}
				}
			}
			if members >= 2 {
				score = 1
			}
		}
		if score > bestScore {
			best, bestScore = s, score
		}
	}
	return best
}

// endMark is the final ? or ! of a name: "Where are we now?" is no
// alternative to "Partners and suppliers".
func endMark(s string) string {
	if strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s[len(s)-1:]
	}
	return ""
}
