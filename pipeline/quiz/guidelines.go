package quiz

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The item-writing guidelines are those of Haladyna, Downing and
// Rodriguez (2002) and the NBME item-writing guide: a question that breaks
// one is dropped before it enters the bank, and Bank.Dropped counts it
// under the guideline's ID.

// A Guideline is one item-writing guideline, applied to a single question.
type Guideline struct {
	ID  string
	Doc string
	// Follows reports whether q follows the guideline.
	Follows func(q Question) bool
}

// IDs of the guidelines that apply across the bank rather than to one
// question.
const (
	GuidelineDuplicate  = "duplicate"   // the same stem with the same options
	GuidelineKeyLongest = "key-longest" // over MaxKeyLongest of keys are the longest option
)

// Guidelines is the one list of per-question guidelines, in the order they
// are tried; a question is counted under the first one it breaks.
var Guidelines = []*Guideline{
	{ID: "distinct-options", Doc: "Four distinct, non-empty options.", Follows: distinctOptions},
	{ID: "catch-all-option", Doc: `No "all of the above", "none of the above" or "both A and B".`, Follows: noCatchAll},
	{ID: "option-contains-other", Doc: "No option contains another: the longer one would be a giveaway or a second key.", Follows: noContainment},
	{ID: "complete-stem", Doc: "The stem is a complete question: it ends with ? or holds the [?] gap.", Follows: completeStem},
	{ID: "negative-capitals", Doc: "A negative stem writes its NOT in capitals, and only negative questions are negative.", Follows: negativeCapitals},
	{ID: "parallel-options", Doc: "Options are parallel in form: same end punctuation (. ? or none), same capitalisation, same grammatical start.", Follows: parallelOptions},
	{ID: "odd-key-form", Doc: `The key is not the one option of its form: a noun phrase ("The activity that...") among three imperatives ("Create...", "Keep...") or the reverse.`, Follows: noOddKeyForm},
	{ID: "option-length", Doc: "Options are similar in length.", Follows: similarLength},
	{ID: "grammar-slip", Doc: `No option or statement with a slip a test-wise learner spots: a doubled word ("the the"), "a" or "an" that does not fit the next word ("a outcome").`, Follows: noGrammarSlip},
	{ID: "clue-word", Doc: `No content word (or word root: "authority", "authorizing") is shared by the stem and the key but by no distractor.`, Follows: noClueWord},
	{ID: "article-clue", Doc: `No "a" or "an" before the gap that only the key fits.`, Follows: noArticleClue},
	{ID: "statement-sentences", Doc: "A statement question's options are four whole sentences (a capital, at least six words, a period), each about its own subject.", Follows: statementSentences},
	{ID: "statement-reasons", Doc: `A statement question's explanation gives the true statement and, for each false one, a named reason ("False (a definition given to the wrong term): ...").`, Follows: statementReasons},
}

func init() {
	seen := map[string]bool{GuidelineDuplicate: true, GuidelineKeyLongest: true}
	for _, c := range Guidelines {
		if c.ID == "" || c.Doc == "" || c.Follows == nil || seen[c.ID] {
			panic(fmt.Sprintf("quiz: invalid guideline %q", c.ID))
		}
		seen[c.ID] = true
	}
}

// BrokenGuideline returns the ID of the first guideline q breaks, or "".
func BrokenGuideline(q Question) string {
	for _, c := range Guidelines {
		if !c.Follows(q) {
			return c.ID
		}
	}
	return ""
}

func distinctOptions(q Question) bool {
	seen := map[string]bool{}
	for _, o := range q.Options {
		k := wordsOnly(o) // "Users" and "users." are the same option
		if k == "" || seen[k] {
			return false
		}
		seen[k] = true
	}
	return q.Answer >= 0 && q.Answer < 4
}

var catchAll = regexp.MustCompile(`(?i)\b(all|none|both|neither) of (the|these) (above|options|answers)\b|^(both )?[a-d] and [a-d]$|^(all|none) of (the )?above$`)

func noCatchAll(q Question) bool {
	for _, o := range q.Options {
		if catchAll.MatchString(strings.TrimSpace(o)) {
			return false
		}
	}
	return true
}

func noContainment(q Question) bool {
	for i, a := range q.Options {
		for j, b := range q.Options {
			if i != j && strings.Contains(" "+wordsOnly(b)+" ", " "+wordsOnly(a)+" ") {
				return false
			}
		}
	}
	return true
}

// wordsOnly is s as lower-case words separated by single spaces.
func wordsOnly(s string) string {
	var ws []string
	for _, w := range words(s) {
		ws = append(ws, w.Text)
	}
	return strings.Join(ws, " ")
}

// question returns the stem's question line: its first line.
func question(stem string) string {
	if i := strings.IndexByte(stem, '\n'); i >= 0 {
		return stem[:i]
	}
	return stem
}

func completeStem(q Question) bool {
	line := strings.TrimSpace(question(q.Stem))
	return strings.HasSuffix(line, "?") || strings.Contains(q.Stem, Gap)
}

var negation = regexp.MustCompile(`(?i)\b(not|except|never|cannot|isn't|aren't)\b`)

func negativeCapitals(q Question) bool {
	line := question(q.Stem)
	// No generator writes negative stems now: a negation in one comes
	// from the notes' own words and reads as a trick.
	for _, m := range negation.FindAllString(line, -1) {
		if m != strings.ToUpper(m) {
			return false
		}
	}
	return true
}

// startClass sorts option starts into grammatical kinds: an infinitive
// ("To restore..."), an article ("A means of..."), or anything else.
func startClass(o string) string {
	ws := words(o)
	if len(ws) == 0 {
		return ""
	}
	switch ws[0].Text {
	case "to":
		return "to"
	case "a", "an", "the":
		return "article"
	}
	return "other"
}

func parallelOptions(q Question) bool {
	upper, sentences := 0, 0
	classes := map[string]bool{}
	ends := map[byte]bool{}
	for _, o := range q.Options {
		o = strings.TrimSpace(o)
		end := byte(0)
		if o != "" && strings.ContainsRune(".?!", rune(o[len(o)-1])) {
			end = o[len(o)-1]
		}
		ends[end] = true
		if r, _ := utf8.DecodeRuneInString(o); unicode.IsUpper(r) || unicode.IsDigit(r) {
			upper++
		}
		if wordCount(o) >= 6 && strings.HasSuffix(o, ".") {
			sentences++
		}
		classes[startClass(o)] = true
	}
	if len(ends) != 1 || upper != 4 {
		return false
	}
	// Whole sentences start as they like; phrases must start alike.
	return sentences == 4 || len(classes) == 1 || (len(classes) == 2 && classes["article"] && classes["other"])
}

// Length limits: options are similar in length when the longest is at most
// MaxLengthRatio times the shortest, or differs from it by only a few
// characters (short term names).
const (
	MaxLengthRatio = 2.5
	lengthSlack    = 25
)

func similarLength(q Question) bool {
	short, long := 1<<30, 0
	for _, o := range q.Options {
		n := utf8.RuneCountInString(o)
		short, long = min(short, n), max(long, n)
	}
	return long-short <= lengthSlack || float64(long) <= MaxLengthRatio*float64(short)
}

func noClueWord(q Question) bool {
	stem := clueRoots(q.Stem)
	key := clueRoots(q.Key())
	for w := range key {
		if !stem[w] {
			continue
		}
		shared := false
		for i, o := range q.Options {
			if i != q.Answer && clueRoots(o)[w] {
				shared = true
				break
			}
		}
		if !shared {
			return false
		}
	}
	return true
}

// clueRoots returns the content words of s and, for long words, their first
// six letters: "authority" in the stem is a clue to "authorizing" in the
// key as much as "change" is to "changes".
func clueRoots(s string) map[string]bool {
	words := contentWords(s)
	out := make(map[string]bool, 2*len(words))
	for w := range words {
		out[w] = true
		if r := []rune(w); len(r) >= 6 {
			out["~"+string(r[:6])] = true // "engage" and "engagement"
		}
		if b := base(w); len(b) >= 4 {
			out["~b"+b] = true // "value" and "valuable"
		}
		// "obtained" gives away "obtain", "planned" "plan", "built" "build".
		for _, end := range []string{"ed", "d", "ing"} {
			if base, ok := strings.CutSuffix(w, end); ok && len(base) >= 4 {
				out[base] = true
				if n := len(base); base[n-1] == base[n-2] {
					out[base[:n-1]] = true
				}
			}
		}
		if base, ok := irregularRoots[w]; ok {
			out[base] = true
		}
	}
	return out
}

// derivational endings that base cuts, longest first.
var derivational = []string{"ations", "ation", "ments", "ment", "able", "ible", "ness", "ity", "ly", "ive", "ing", "ed", "es", "s", "e"}

// base cuts one derivational ending and a final e: "valuable" and "value"
// both give "valu", "engagement" and "engage" "engag".
func base(w string) string {
	for _, end := range derivational {
		if b, ok := strings.CutSuffix(w, end); ok && len(b) >= 4 {
			return strings.TrimSuffix(b, "e")
		}
	}
	return w
}

// irregularRoots are past forms whose root the -ed rule misses.
var irregularRoots = map[string]string{"built": "build", "bought": "buy", "made": "make", "kept": "keep", "brought": "bring", "thought": "think"}

// Gap marks the missing words of a missing-word question.
const Gap = "[?]"

var articleGap = regexp.MustCompile(`(?i)\b(a|an) ` + regexp.QuoteMeta(Gap))

func noArticleClue(q Question) bool {
	m := articleGap.FindStringSubmatch(q.Stem)
	if m == nil {
		return true
	}
	want := strings.ToLower(m[1])
	for _, o := range q.Options {
		if article(o) != want {
			return false
		}
	}
	return true
}

// noOddKeyForm fails a question whose key starts in another grammatical
// form than all three distractors, which agree among themselves: the odd
// one out is the key. Whole sentences are exempt: they start as they like.
func noOddKeyForm(q Question) bool {
	key := startForm(q.Key())
	other := ""
	for i, o := range q.Options {
		if i == q.Answer {
			continue
		}
		f := startForm(o)
		if f == key {
			return true
		}
		if other != "" && f != other {
			return true
		}
		other = f
	}
	return false
}

// startForm is startClass for phrases, and "sentence" for whole sentences.
func startForm(o string) string {
	o = strings.TrimSpace(o)
	if wordCount(o) >= 6 && strings.HasSuffix(o, ".") {
		return "sentence"
	}
	return startClass(o)
}

// statements returns the texts a learner reads as prose: the options and
// the numbered statements or the gapped sentence of the stem.
func statements(q Question) []string {
	out := append([]string(nil), q.Options[:]...)
	lines := strings.Split(q.Stem, "\n")
	return append(out, lines[1:]...)
}

func noGrammarSlip(q Question) bool {
	for _, t := range statements(q) {
		if grammarSlip(t) != "" {
			return false
		}
	}
	return true
}

// grammarSlip returns the first slip in t: a doubled word, or an article
// that does not fit the sound of the next word; "" when there is none.
func grammarSlip(t string) string {
	ws := words(t)
	for i := 1; i < len(ws); i++ {
		prev, w := ws[i-1], ws[i]
		gap := t[prev.End:w.Start]
		if strings.TrimSpace(gap) != "" {
			continue // "that, that" or "a / b"
		}
		if prev.Text == w.Text && !isDigits(w.Text) {
			return prev.Text + " " + w.Text
		}
		art := t[prev.Start:prev.End]
		if art != "a" && art != "an" && art != "A" && art != "An" {
			continue
		}
		if art == "A" || art == "An" {
			if before := strings.TrimSpace(t[:prev.Start]); before != "" && !strings.ContainsAny(before[len(before)-1:], ".:;!?(\"") {
				continue // "Organization A provides": a name, not an article
			}
		}
		if want := article(t[w.Start:]); !strings.EqualFold(art, want) {
			return art + " " + t[w.Start:w.End]
		}
	}
	return ""
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func statementSentences(q Question) bool {
	if q.Type != TypeStatement {
		return true
	}
	subjects := map[string]bool{}
	for _, o := range q.Options {
		if startForm(o) != "sentence" {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(o); !unicode.IsUpper(r) {
			return false
		}
		subject := statementSubject(o)
		if subject == "" || subjects[subject] {
			return false // two statements on one subject: one is the key
		}
		subjects[subject] = true
	}
	return true
}

// statementSubject is what a statement is about: its words before " is "
// or " says: ".
func statementSubject(o string) string {
	for _, verb := range []string{" says: ", " is "} {
		if i := strings.Index(o, verb); i > 0 {
			return wordsOnly(o[:i])
		}
	}
	return ""
}

func statementReasons(q Question) bool {
	if q.Type != TypeStatement {
		return true
	}
	if !strings.Contains(q.Explanation, "Correct: "+q.Key()) {
		return false
	}
	for i, o := range q.Options {
		if i == q.Answer {
			continue
		}
		at := strings.Index(q.Explanation, "): "+o)
		open := strings.LastIndex(q.Explanation[:max(at, 0)], "False (")
		if at < 0 || open < 0 || strings.TrimSpace(q.Explanation[open+len("False ("):at]) == "" {
			return false
		}
	}
	return true
}
