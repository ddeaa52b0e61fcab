package check

import "github.com/itilint/itilint/pipeline/rule"

// TermSpelling reports glossary terms written wrongly.
var TermSpelling = &rule.Rule{
	ID:       "term-spelling",
	Severity: rule.Warning,
	Doc: `A glossary term is miswritten: "cocreation", "incdent", "availabilty".
Wrong forms come from the pack, with their plural, -ed and -ing forms
generated; a hyphenated term written with a space or run together is
reported too. The fix writes the term as the pack spells it.`,
	Good: []string{"Value is co-created by providers and consumers.\n"},
	Bad:  []string{"Value is cocreated by providers and consumers.\n", "Log every incdent.\n"},
	Run:  func(pass *rule.Pass) { reportTerms(pass, false) },
}

// reportTerms reports the terms of the note written other than the pack
// writes them: the product's names (product) or the other terms.
func reportTerms(pass *rule.Pass, product bool) {
	m := matchedOf(pass)
	if m == nil {
		return
	}
	for _, k := range m.wrong {
		mt := &m.matches[k]
		f, e := m.entryOf(mt)
		if e.kind != termEntry || (m.p.Terms[e.term].Category == productCategory) != product || m.inWholeSentence(int(mt.from)) {
			continue
		}
		t := &m.p.Terms[e.term]
		written := m.written(int(mt.from), int(mt.to))
		repl := f.repl // a wrong form's
		if mt.status != statusWrong {
			// The correct form, in the inflection written.
			repl = e.written[f.base][min(f.infl, len(e.written[f.base])-1)]
		}
		if !f.cs && !t.CaseSensitive {
			repl = matchCase(written, repl)
		}
		if repl == written {
			continue
		}
		start, end := m.span(int(mt.from), int(mt.to))
		m.report(pass, e.severity, int(mt.from), int(mt.to), m.msgf("write %q, not %q", repl, written), m.fix(start, end, repl))
	}
}
