package check

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/itilint/itilint/pipeline/clean/words"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

// Misspelling reports words of the prose that are misspellings of the
// words ITIL writes about ("sercive", "orginisation", "percieved").
var Misspelling = &rule.Rule{
	ID:       "misspelling",
	Severity: rule.Warning,
	Doc: `A word is misspelt: "sercive", "orginisation", "percieved", "servuce".
Only words of six letters or more that are a slip away from a word of the
pack's terms, names and definitions are looked at (a letter changed, added,
dropped, or two letters swapped), and only when they are neither English
(the embedded word list, British spellings and inflections too) nor a word
of the pack, nor one the note uses three times or more. Names, acronyms,
words with digits, parts of hyphenated words, addresses and code are left
alone. The fix writes the nearest word; two letters swapped one apart
("sercive") make it a suggestion, and when another word is as near the word
is only reported, as a suggestion.`,
	Good: []string{"The organisation perceives the service as valuable.\n", "Providers use ServiceNow and Jira.\n"},
	Bad:  []string{"What a sercive does is its utility.\n", "The orginisation is directed and controlled.\n", "The recipient determines the percieved value.\n"},
	Run:  runMisspelling,
}

// A speller holds what the pack's words give the rule: the words, and for
// each first two letters and length the targets a word might be a
// misspelling of.
type speller struct {
	targets []target
	// bucket[key(c0, c1, n)] to bucket[key+1] is the range of index
	// holding the targets that start with c0 c1 and whose length is
	// within one of n. A slip seldom hits a word's first two letters,
	// and most words of a note start with two letters and have a length
	// no target has: they cost two reads of a small table.
	bucket []uint32
	index  []int32
	// masks and thirds are, beside index, each target's letterMask and
	// third letter: a slip in the first three letters of a word is rare,
	// so only targets with the word's third letter are compared, and
	// those first by their letters.
	masks  []uint32
	thirds []byte
	// near has the bit (near3) of each first three letters and length
	// that some target is within a letter of: a word without one is no
	// slip of any target, which one read of a small table tells.
	near []uint64

	// verdicts are the words judged that are near a target and not one:
	// mostly its inflections ("services"), and the misspellings, which
	// recur from note to note. The rule runs on
	// several notes at once.
	mu       sync.Mutex // held to add a verdict
	verdicts atomic.Pointer[map[string]spelled]
}

func bucketKey(c0, c1 byte, n int) int {
	return (int(c0-'a')*26+int(c1-'a'))*(maxSpelled+2) + n
}

// near3 is the bit of near for a word of length n starting c0 c1 c2: a
// hash into 1<<nearLog bits, so that the table (4 KB) stays in the
// processor's first cache while every word of a note reads it. A word
// whose bit another key set is only judged, and rejected, for nothing.
func near3(c0, c1, c2 byte, n int) int {
	k := uint32(c0)<<24 | uint32(c1)<<16 | uint32(c2)<<8 | uint32(n)
	return int((k * 0x9E3779B1) >> (32 - nearLog))
}

const nearLog = 15 // near has 1<<nearLog bits

// A target is a word of the pack, with the set of its letters.
type target struct {
	word string
	mask uint32
}

// minSpelled and maxSpelled bound the length of the words looked at:
// shorter words have too many neighbours to tell a slip from another word.
const minSpelled, maxSpelled = 6, 20

var spellers sync.Map // *pack.Pack → *speller

func spellerOf(p *pack.Pack) *speller {
	return pack.Derived(&spellers, p, newSpeller)
}

// newSpeller gathers the pack's words: of its terms, names and
// definitions, lower-case, letters only, and English (the word list) or
// written as a correct form of the pack.
func newSpeller(p *pack.Pack) *speller {
	sp := &speller{}
	sp.verdicts.Store(&map[string]spelled{})
	sp.gatherTargets(p)
	sp.buildIndex()
	return sp
}

// gatherTargets collects the targets: the words of the pack's terms and
// list members, and those of its definitions that are English, with the
// singular of each when English.
func (sp *speller) gatherTargets(p *pack.Pack) {
	seen := map[string]bool{}
	add := func(text string, correct bool) {
		for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) {
			lw := strings.ToLower(w)
			if len(lw) < minSpelled-1 || len(lw) > maxSpelled+1 || seen[lw] || !correct && !words.Known(lw) {
				continue
			}
			seen[lw] = true
			sp.targets = append(sp.targets, target{word: lw, mask: letterMask(lw)})
		}
	}
	for _, t := range p.Terms {
		add(t.Term, true)
		for _, a := range t.Accepted {
			add(a, true)
		}
		add(t.Definition, false)
		for _, e := range t.Elements {
			add(e, false)
		}
	}
	for _, l := range p.Lists {
		for _, mb := range l.Members {
			add(mb.Name, true)
			for _, a := range mb.Accepted {
				add(a, true)
			}
		}
	}
	// The singular of each word, when English: a misspelt "orginisation"
	// is the singular of the pack's "organisations".
	for _, t := range append([]target(nil), sp.targets...) {
		for _, f := range []string{strings.TrimSuffix(t.word, "s")} {
			if f != t.word && !seen[f] && len(f) >= minSpelled-1 && (words.Known(f) || britishKnown(f)) {
				seen[f] = true
				sp.targets = append(sp.targets, target{word: f, mask: letterMask(f)})
			}
		}
	}
}

// buildIndex files the targets by their first two letters and a length
// one off theirs at most, and sets the near bits of their first three
// letters.
func (sp *speller) buildIndex() {
	// The targets go into their buckets in third-letter order: judge
	// reads only the run of the word's own third letter and stops after it.
	order := make([]int32, len(sp.targets))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(sp.targets[a].word[2], sp.targets[b].word[2]) })
	lists := make([][]int32, bucketKey('z', 'z', maxSpelled+1)+1)
	for _, i := range order {
		t := &sp.targets[i]
		for n := len(t.word) - 1; n <= len(t.word)+1; n++ {
			if n >= minSpelled && n <= maxSpelled {
				k := bucketKey(t.word[0], t.word[1], n)
				lists[k] = append(lists[k], i)
			}
		}
	}
	sp.bucket = make([]uint32, len(lists)+1)
	for k, l := range lists {
		sp.bucket[k] = uint32(len(sp.index))
		sp.index = append(sp.index, l...)
	}
	sp.bucket[len(lists)] = uint32(len(sp.index))
	sp.near = make([]uint64, (1<<nearLog)/64)
	for _, i := range sp.index {
		t := sp.targets[i].word
		sp.masks = append(sp.masks, sp.targets[i].mask)
		sp.thirds = append(sp.thirds, t[2])
		for n := len(t) - 1; n <= len(t)+1; n++ {
			if n >= minSpelled && n <= maxSpelled {
				b := near3(t[0], t[1], t[2], n)
				sp.near[b/64] |= 1 << (b % 64)
			}
		}
	}
}

// letterMask is the set of the letters a to z of a lower-case word.
func letterMask[S string | []byte](w S) uint32 {
	var m uint32
	for i := 0; i < len(w); i++ {
		m |= 1 << ((w[i] - 'a') & 31)
	}
	return m
}

// A spelled verdict is what the rule decided about a word of the note.
type spelled struct {
	ok        bool   // not a misspelling
	fix       string // the word meant, lower case
	certain   bool   // the fix is one letter away and the only word that near
	ambiguous bool   // two words are as near: reported without a fix
}

func runMisspelling(pass *rule.Pass) {
	m := matchedOf(pass)
	if m == nil {
		return
	}
	sp := spellerOf(m.p)
	if sp == nil || len(sp.targets) == 0 {
		return
	}
	var own ownWords
	toks, text := m.toks, m.text // in locals: the loop below reads them for every token of the note
	for k := range toks {
		t := &toks[k]
		n := int(t.end - t.start)
		if t.word() != 0 || n < minSpelled || n > maxSpelled {
			continue // a word of the pack, or too short or long to judge
		}
		c0, c1, c2 := text[t.start]|0x20, text[t.start+1], text[t.start+2]
		if c0 < 'a' || c0 > 'z' || c1 < 'a' || c1 > 'z' || c2 < 'a' || c2 > 'z' {
			continue
		}
		if b := near3(c0, c1, c2, n); sp.near[b/64]&(1<<(b%64)) == 0 {
			continue
		}
		// The words near a target are judged first: few are, and the
		// questions about the word's surroundings are asked of those.
		w := m.norm(k)
		v := sp.judge(w)
		if v.ok || !plainLower(w) || m.text[t.start] != w[0] && !t.sent() || !plainLower(m.text[t.start+1:t.end]) {
			continue // a word, or not letters, or a name or acronym (a capital that starts no sentence)
		}
		if !m.standsAlone(k) || own.is(m, w) {
			continue
		}
		written := m.written(k, k+1)
		if v.ambiguous {
			m.report(pass, rule.Suggestion, k, k+1, m.msgf("%q is not a word; a misspelling?", written), nil)
			continue
		}
		repl := matchCase(written, v.fix)
		sev := rule.Suggestion
		if v.certain {
			sev = rule.Warning
		}
		start, end := m.span(k, k+1)
		m.report(pass, sev, k, k+1, m.msgf("%q is misspelt: write %q", written, repl), m.fix(start, end, repl))
	}
}

// standsAlone reports whether token k is a word on its own: not part of
// a compound, a contraction, a path or an address, nor code, nor a word
// cut off at a line end ("servi-"), which truncated-word completes.
func (m *matched) standsAlone(k int) bool {
	t := &m.toks[k]
	if t.gap() == '-' || t.gap() == '\'' || t.gap() == '.' || t.gap() == '/' || t.gap() == 0 && k > 0 && !t.brk() {
		return false
	}
	if k+1 < len(m.toks) {
		if g := m.toks[k+1].gap(); g == '-' || g == '\'' || g == '.' || g == '/' || g == 0 {
			return false
		}
	}
	return !(int(t.end) < len(m.text) && (m.text[t.end] == '_' || m.text[t.end] == '@' || m.text[t.end] == '-') ||
		t.start > 0 && (m.text[t.start-1] == '_' || m.text[t.start-1] == '@' || m.text[t.start-1] == '-'))
}

// ownWords are the misspellings met in a note, and whether the note uses
// them three times or more: then they are its own words, not slips.
type ownWords map[string]bool

// is reports whether w is one of the note's own words.
func (o *ownWords) is(m *matched, w []byte) bool {
	own, ok := (*o)[string(w)]
	if ok {
		return own
	}
	if *o == nil {
		*o = ownWords{}
	}
	own = m.count(w) >= 3
	(*o)[string(w)] = own
	return own
}

// count returns how many tokens of the note are w.
func (m *matched) count(w []byte) int {
	n := 0
	for k := range m.toks {
		if t := &m.toks[k]; int(t.end-t.start) == len(w) && string(m.norm(k)) == string(w) {
			n++
		}
	}
	return n
}

// plainLower reports whether w is only the letters a to z.
func plainLower(w []byte) bool {
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// judge decides about w, a lower-case word that is no word of the pack.
func (sp *speller) judge(w []byte) spelled {
	mask := letterMask(w)
	best, bestDist, ties := "", 3, 0
	b := bucketKey(w[0], w[1], len(w))
	for j := sp.bucket[b]; j < sp.bucket[b+1]; j++ {
		if sp.thirds[j] != w[2] {
			if sp.thirds[j] > w[2] {
				break // a bucket is in third-letter order
			}
			continue
		}
		x := mask ^ sp.masks[j]
		if bits.OnesCount32(x) > 2 {
			continue // a letter changed adds one and drops one at most
		}
		t := &sp.targets[sp.index[j]]
		if x == 0 && t.word == string(w) {
			return spelled{ok: true}
		}
		d := slipDistance(w, t.word)
		if d > 2 {
			continue
		}
		switch {
		case d < bestDist:
			best, bestDist, ties = t.word, d, 0
		case d == bestDist && t.word != best:
			ties++
		}
	}
	if best == "" {
		return spelled{ok: true}
	}
	if v, ok := (*sp.verdicts.Load())[string(w)]; ok {
		return v
	}
	ws := string(w)
	var v spelled
	if knownForm(ws) {
		v = spelled{ok: true}
	} else {
		// Another English word one letter away ("normaly": "normal" or
		// "normally") leaves the word meant open.
		v = spelled{fix: best, certain: bestDist == 1, ambiguous: ties > 0 || englishNeighbour(ws, best)}
	}
	// A new map with the word: the rule runs on several notes at once,
	// and readers take the map without a lock. Words near a target are
	// few, so the copies stay small.
	sp.mu.Lock()
	if old := *sp.verdicts.Load(); len(old) < 4096 {
		next := make(map[string]spelled, len(old)+1)
		for k, x := range old {
			next[k] = x
		}
		next[ws] = v
		sp.verdicts.Store(&next)
	}
	sp.mu.Unlock()
	return v
}

// knownForm reports whether w is English: a word of the list, a British
// spelling of one, an inflection or derivation the list does not hold
// ("rebooting", "routers", "financials"), or two words run together
// ("hardcore", "whatis"), which is no misspelling of one word.
func knownForm(w string) bool {
	if words.Known(w) || britishKnown(w) {
		return true
	}
	for _, sf := range [...]struct{ suffix, stem string }{
		{"s", ""}, {"es", ""}, {"ies", "y"}, {"ed", ""}, {"ed", "e"}, {"ing", ""}, {"ing", "e"},
		{"er", ""}, {"er", "e"}, {"ers", ""}, {"ers", "e"}, {"ly", ""}, {"ness", ""}, {"ment", ""},
		{"al", ""}, {"als", ""}, {"ism", ""}, {"ist", ""}, {"ize", ""}, {"ise", ""},
	} {
		if stem, ok := strings.CutSuffix(w, sf.suffix); ok && len(stem) >= 3 {
			if s := stem + sf.stem; words.Known(s) || britishKnown(s) {
				return true
			}
			// A doubled consonant before -ed, -ing, -er ("planned").
			if n := len(stem); n >= 4 && stem[n-1] == stem[n-2] && words.Known(stem[:n-1]) {
				return true
			}
		}
	}
	for i := 2; i <= len(w)-2; i++ {
		if words.Known(w[:i]) && words.Known(w[i:]) && (i >= 3 || w[:i] == "is" || w[:i] == "of" || w[:i] == "to" || w[:i] == "in") && (len(w)-i >= 3 || w[i:] == "is" || w[i:] == "of" || w[i:] == "to" || w[i:] == "in") {
			return true
		}
	}
	return false
}

// britishKnown reports whether w is a British spelling of a word of the
// (American) word list: "organisation", "behaviour", "catalogue",
// "centre", "analyse", "licence", "travelled", "programme".
func britishKnown(w string) bool {
	for _, r := range [...]struct{ from, to string }{
		{"is", "iz"}, {"ys", "yz"}, {"our", "or"}, {"tre", "ter"}, {"ogue", "og"}, {"ence", "ense"},
		{"ll", "l"}, {"amme", "am"}, {"yse", "yze"}, {"ae", "e"}, {"oe", "e"},
	} {
		for i := strings.Index(w, r.from); i >= 0; {
			if alt := w[:i] + r.to + w[i+len(r.from):]; words.Known(alt) {
				return true
			}
			j := strings.Index(w[i+1:], r.from)
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	return false
}

// englishNeighbour reports whether an English word other than fix is one
// letter away from w (one letter deleted, changed, inserted or two
// neighbours swapped): then w may be a slip for either.
func englishNeighbour(w, fix string) bool {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	other := func(c string) bool { return c != fix && c != w && words.Known(c) }
	for i := 0; i <= len(w); i++ {
		if i < len(w) && other(w[:i]+w[i+1:]) {
			return true
		}
		if i+1 < len(w) && other(w[:i]+w[i+1:i+2]+w[i:i+1]+w[i+2:]) {
			return true
		}
		for j := 0; j < len(letters); j++ {
			if i < len(w) && letters[j] != w[i] && other(w[:i]+letters[j:j+1]+w[i+1:]) {
				return true
			}
			if other(w[:i] + letters[j:j+1] + w[i:]) {
				return true
			}
		}
	}
	return false
}

// slipDistance is how many letters of a slip tell w from t: 1 when one
// letter is changed, added or dropped or two neighbours are swapped, 2
// when two letters one apart are swapped ("sercive" for "service", which
// only long words are read as), 3 for anything else.
func slipDistance(w []byte, t string) int {
	n, m := len(w), len(t)
	p := 0
	for p < n && p < m && w[p] == t[p] {
		p++
	}
	q := 0
	for q < n-p && q < m-p && w[n-1-q] == t[m-1-q] {
		q++
	}
	switch {
	case n == m && p+q == n-1, n == m+1 && p+q >= m, m == n+1 && p+q >= n:
		return 1
	case n == m && p+q == n-2 && w[p] == t[p+1] && w[p+1] == t[p]:
		return 1
	case n == m && n >= 7 && p+q == n-3 && w[p] == t[p+2] && w[p+2] == t[p] && w[p+1] == t[p+1]:
		return 2
	}
	return 3
}
