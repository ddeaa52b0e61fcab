package quiz

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the English text handling the generators share: sentence
// splitting, words, articles and plurals. It is grammar, not ITIL: every
// domain word comes from the pack.

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"e.g": true, "i.e": true, "cf": true, "vs": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "no": true,
	"fig": true, "approx": true, "incl": true, "resp": true, "viz": true,
}

// splitSentences cuts text into sentences and returns their byte ranges,
// trimmed of surrounding space. A period ends a sentence when a space and an
// upper-case letter, a digit or a quote follow it (or the text ends) and the
// word before it is not an abbreviation; a colon at a line end (breaks holds
// the offsets of the original line breaks) ends a lead-in fragment.
func splitSentences(text string, breaks []int) [][2]int {
	var out [][2]int
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e {
			r, size := utf8.DecodeRuneInString(text[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			s += size
		}
		for e > s {
			r, size := utf8.DecodeLastRuneInString(text[s:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= size
		}
		if s < e {
			out = append(out, [2]int{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !sentenceMark[c] {
			continue // most bytes: nothing to decide
		}
		switch c {
		case '.', '!', '?':
			j := i + 1
			for j < len(text) && (text[j] == '"' || text[j] == ')' || text[j] == '\'' || text[j] == '.') {
				j++
			}
			if j < len(text) && text[j] != ' ' {
				continue
			}
			if c == '.' && isAbbreviation(text[:i]) && !(isInitial(text[:i]) && opensSentence(text[j:])) {
				continue
			}
			k := j
			for k < len(text) && text[k] == ' ' {
				k++
			}
			if k < len(text) {
				r, _ := utf8.DecodeRuneInString(text[k:])
				if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '"' && r != '(' {
					continue
				}
			}
			emit(j)
			i = j - 1
		case ':':
			if _, brk := slices.BinarySearch(breaks, i+1); brk || strings.TrimSpace(text[i+1:]) == "" {
				emit(i + 1)
			}
		}
	}
	emit(len(text))
	return out
}

// sentenceMark marks the bytes splitSentences stops at.
var sentenceMark = [256]bool{'.': true, '!': true, '?': true, ':': true}

// opensSentence reports whether rest starts with a capitalised function
// word ("So", "The", "It"): after a single letter ("organization C. So a
// consumer ..."), the letter is a name and the period ends the sentence.
// An initial is followed by a name ("J. Smith").
func opensSentence(rest string) bool {
	ws := words(rest)
	if len(ws) == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest[ws[0].Start:])
	return unicode.IsUpper(r) && (stopwords[ws[0].Text] || contextual[ws[0].Text]) && !abbreviations[ws[0].Text]
}

// isInitial reports whether the text before a period ends with a single
// letter.
func isInitial(before string) bool {
	k := len(before)
	for k > 0 && before[k-1] != ' ' && before[k-1] != '(' {
		k--
	}
	return utf8.RuneCountInString(before[k:]) == 1
}

// isAbbreviation reports whether the text before a period ends with a known
// abbreviation or a single letter (an initial).
func isAbbreviation(before string) bool {
	k := len(before)
	for k > 0 && before[k-1] != ' ' && before[k-1] != '(' {
		k--
	}
	w := strings.ToLower(before[k:])
	if abbreviations[w] {
		return true
	}
	return utf8.RuneCountInString(w) == 1 && w != "" && unicode.IsLetter([]rune(w)[0])
}

// A word is a run of letters and digits, with inner hyphens and apostrophes
// ("co-creation", "organization's").
type word struct {
	Start, End int
	Text       string // lower case
}

func words(s string) []word {
	// About one word in six bytes of English: one allocation instead of
	// the slice growing word by word (words runs on every sentence often).
	out := make([]word, 0, len(s)/6+1)
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r) {
				j += size
				continue
			}
			if (r == '-' || r == '\'' || r == '’') && j+size < len(s) {
				if next, _ := utf8.DecodeRuneInString(s[j+size:]); isWordRune(next) {
					j += size
					continue
				}
			}
			break
		}
		out = append(out, word{i, j, strings.ToLower(s[i:j])})
		i = j
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// stopwords are English function words; a clue shared by stem and key must
// be a content word.
var stopwords = toSet(`a an the and or but nor of to in on at by for with from into onto upon about as
is are was were be been being has have had do does did will would shall should can could may might must
it its this that these those which who whom whose what when where why how than then there their they them
not no yes all any some each every both either neither one two three four five six seven eight nine ten
other another such same own more most less least many much few very also only just so too
following statement statements correct identify missing word words sentence definition describe describes
purpose true false best`)

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// contentWords returns the stems of the content words of s.
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range words(s) {
		if len(w.Text) < 3 || stopwords[w.Text] {
			continue
		}
		out[stem(w.Text)] = true
	}
	return out
}

// stem folds the common English endings so that "incident", "incidents"
// and "incident's" compare equal.
func stem(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// plural forms the plural of a noun phrase by inflecting its last word.
func plural(phrase string) string {
	i := strings.LastIndexByte(phrase, ' ')
	head, last := phrase[:i+1], phrase[i+1:]
	l := strings.ToLower(last)
	switch {
	case l == "":
		return phrase
	case strings.HasSuffix(l, "y") && len(l) > 1 && !strings.ContainsRune("aeiou", rune(l[len(l)-2])):
		return head + last[:len(last)-1] + "ies"
	case strings.HasSuffix(l, "s"), strings.HasSuffix(l, "x"), strings.HasSuffix(l, "z"),
		strings.HasSuffix(l, "ch"), strings.HasSuffix(l, "sh"):
		return head + last + "es"
	}
	return head + last + "s"
}

// article returns "a" or "an" for the phrase, by its first sound: a few
// spelling rules cover the usual cases ("an hour", "a user", "an SLA").
func article(phrase string) string {
	w := strings.Fields(phrase)
	if len(w) == 0 {
		return "a"
	}
	first := strings.Trim(w[0], `"'(`)
	if first == "" {
		return "a"
	}
	if isAcronym(first) {
		if strings.ContainsRune("AEFHILMNORSX", rune(first[0])) {
			return "an"
		}
		return "a"
	}
	l := strings.ToLower(first)
	switch {
	case strings.HasPrefix(l, "hour"), strings.HasPrefix(l, "honest"), strings.HasPrefix(l, "honour"), strings.HasPrefix(l, "heir"):
		return "an"
	case strings.HasPrefix(l, "one"), strings.HasPrefix(l, "once"), strings.HasPrefix(l, "eu"), strings.HasPrefix(l, "ewe"):
		return "a"
	case strings.HasPrefix(l, "u"):
		// "unplanned", "urgent" start with a vowel sound; "user", "unit",
		// "usual" with a "yu" sound.
		for _, p := range []string{"uni", "use", "usa", "usu", "uti", "ure", "uri", "uro"} {
			if strings.HasPrefix(l, p) && !strings.HasPrefix(l, "unin") {
				return "a"
			}
		}
		return "an"
	case strings.ContainsRune("aeio", rune(l[0])):
		return "an"
	}
	return "a"
}

func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// capitalize upper-cases the first letter.
func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// lowerFirst lower-cases the first letter unless the first word is an
// acronym or a proper name the pack spells with a capital.
func lowerFirst(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 || isAcronym(f[0]) {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[size:]
}

// optionText turns a clause into clean option text: one line, capitalised,
// without a trailing period or comma.
func optionText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimRight(s, " .,;:")
	return capitalize(s)
}

// wordCount counts the words of s.
func wordCount(s string) int { return len(words(s)) }

// adverbs may stand between a subject and its verb ("Users also need").
var adverbs = toSet(`also often usually always sometimes only never just typically mostly rarely normally`)

// nounEndings mark a word as a noun: after a term, it makes the term a
// modifier ("service provision", "problem analysis", "customer engagement").
var nounEndings = []string{"tion", "sion", "ment", "ness", "ity", "ship", "ysis", "ance", "ence"}

func hasNounEnding(w string) bool {
	for _, e := range nounEndings {
		if strings.HasSuffix(w, e) && len(w) > len(e)+2 {
			return true
		}
	}
	return false
}
