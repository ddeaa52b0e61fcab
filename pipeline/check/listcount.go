package check

import (
	"strconv"
	"strings"

	"github.com/itilint/itilint/pipeline/rule"
)

// ListCount reports a wrong number next to a counted list.
var ListCount = &rule.Rule{
	ID:       "list-count",
	Severity: rule.Error,
	Doc: `A wrong number next to a counted list: "six guiding principles", "30 practices".
The number (in words or digits) must be the list's official count from the
pack. Numbers far from the count usually count a subset ("the 15 practices
of the exam") and are not reported, nor are numbers after "first", "or"...`,
	Good: []string{"ITIL 4 has seven guiding principles and 34 practices.\n"},
	Bad:  []string{"ITIL 4 has six guiding principles.\n", "There are 30 practices.\n"},
	Run:  runListCount,
}

// runListCount reports a number next to a counted list that is not its
// count. Only numbers close to the official count are reported: "six
// guiding principles" is a slip, "the 15 practices you need for the exam"
// is a subset.
func runListCount(pass *rule.Pass) {
	m := matchedOf(pass)
	if m == nil {
		return
	}
	next := 0 // the first token not read as part of a number
	for _, n := range m.numbers {
		i := int(n)
		if i < next || m.coveredBy(i) != 0 || m.m.vocab.info[m.toks[i].word()].number == 0 && !isDigits(m.norm(i)) {
			continue
		}
		val, l := m.parseNumber(i)
		next = i + l
		if val < 2 || m.partCount(i) {
			continue
		}
		if j, nps := m.countedList(i + l); len(nps) > 0 && !m.inWholeSentence(i) {
			m.checkCount(pass, i, i+l, val, j, nps)
		}
	}
}

// partCount reports whether the word before the number at toks[i] makes
// it count a part of a list ("the first two", "one or two"), not the list.
func (m *matched) partCount(i int) bool {
	if i == 0 || m.toks[i].sent() {
		return false
	}
	p := m.norm(i - 1)
	return countExclusions[string(p)] || numberWords[string(p)] > 0 || isDigits(p)
}

// countedList returns the list nouns a number ending before toks[j] counts
// and where they are: within three words, past fillers ("seven key
// guiding principles") and the product's name ("34 ITIL 4 practices").
func (m *matched) countedList(j int) (int, []nounPattern) {
	toks := m.toks
	for steps := 0; j < len(toks) && steps <= 3 && !toks[j].clause(); steps++ {
		if nps := m.nounsAt(j, true); len(nps) > 0 {
			return j, nps
		}
		if c := m.coveredBy(j); c != 0 {
			mt := &m.matches[c-1]
			if mt.form >= 0 {
				if _, e := m.entryOf(mt); e.kind == termEntry && m.p.Terms[e.term].Category == productCategory {
					j = int(mt.to)
					continue
				}
			}
		}
		if !countFillers[string(m.norm(j))] {
			break
		}
		j++
	}
	return j, nil
}

// checkCount reports the number val at toks[from:to] when it is close to,
// but not, the count of the list nouns nps at toks[nounAt].
func (m *matched) checkCount(pass *rule.Pass, from, to, val, nounAt int, nps []nounPattern) {
	for _, np := range nps {
		if np.count == val {
			return
		}
	}
	np := nps[0]
	diff := val - np.count
	if diff < 0 {
		diff = -diff
	}
	if diff > max(2, np.count/5) {
		return
	}
	l := &m.p.Lists[np.list]
	what := l.Name
	if np.group >= 0 {
		what = l.Groups[np.group].Name
	}
	written := m.written(from, to)
	repl := matchCase(written, numberText(np.count, isDigits(m.norm(from))))
	nounText := m.written(nounAt, nounAt+len(np.toks))
	if strings.ContainsAny(nounText, "*_") {
		nounText = emphasisMarks.Replace(nounText) // a noun that spans emphasis ("steps of **the model**")
	}
	// The count as the note writes numbers ("seven", not "7", for "six"),
	// in lower case: the message goes on mid-sentence.
	msg := m.msgf("%s: there are %s %s, not %s", lowerStart(what), numberText(np.count, isDigits(m.norm(from))), nounText, written)
	start, end := m.span(from, to)
	m.report(pass, severityOf(l.Severity), from, to, msg, m.fix(start, end, repl))
}

var emphasisMarks = strings.NewReplacer("*", "", "_", "")

// English number words, for counts written out ("seven guiding
// principles"); this is language, not ITIL, so it lives here.
var numberWords = map[string]int{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "one": 1,
}

var unitWords = []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}

// countExclusions before a number mean it counts a part, not the whole
// list ("the first two dimensions", "one or two principles").
var countExclusions = map[string]bool{
	"first": true, "last": true, "next": true, "other": true, "remaining": true, "these": true,
	"those": true, "or": true, "to": true, "only": true, "top": true, "least": true, "most": true,
	"than": true, "about": true, "around": true, "nearly": true, "over": true, "under": true,
	"some": true, "another": true, "additional": true, "extra": true, "further": true, "just": true,
	"step": true, "version": true, "v": true, "chapter": true, "module": true, "part": true,
}

// countFillers may stand between a number and the list noun ("seven key
// guiding principles").
var countFillers = map[string]bool{
	"official": true, "main": true, "key": true, "core": true, "different": true, "basic": true, "itil": true,
}

// parseNumber reads the number at toks[i]: its value and how many tokens
// it takes ("twenty one"); 0 when it is no count (a year, a version).
func (tt *tokenized) parseNumber(i int) (int, int) {
	toks := tt.toks
	t := tt.norm(i)
	if isDigits(t) {
		if len(t) > 4 || i+1 < len(toks) && toks[i+1].gap() == '.' && !toks[i+1].brk() {
			return 0, 1 // a year, a version ("4.0")
		}
		n := 0
		for _, c := range t {
			n = n*10 + int(c-'0')
		}
		return n, 1
	}
	n, ok := numberWords[string(t)]
	if !ok {
		return 0, 1
	}
	if n >= 20 && i+1 < len(toks) && !toks[i+1].brk() {
		if u, ok := numberWords[string(tt.norm(i+1))]; ok && u < 10 {
			return n + u, 2
		}
	}
	return n, 1
}

// numberText writes n as digits, or in words as counts are written.
func numberText(n int, digits bool) string {
	if digits {
		return strconv.Itoa(n)
	}
	for w, v := range numberWords {
		if v == n && n < 20 {
			return w
		}
	}
	if n >= 20 && n < 60 {
		tens := map[int]string{20: "twenty", 30: "thirty", 40: "forty", 50: "fifty"}[n/10*10]
		if n%10 == 0 {
			return tens
		}
		return tens + "-" + unitWords[n%10]
	}
	return strconv.Itoa(n)
}

// lowerStart lowers the first letter of a list's name that starts a
// message ("The ITIL guiding principles"), as every message of the tool
// starts in lower case; a name that starts with an acronym ("ITIL
// practices") stays as it is.
func lowerStart(name string) string {
	if len(name) > 1 && 'A' <= name[0] && name[0] <= 'Z' && 'a' <= name[1] && name[1] <= 'z' {
		return string(name[0]+'a'-'A') + name[1:]
	}
	return name
}
