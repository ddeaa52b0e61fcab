// Package check owns the terminology and content rules that read the rule
// pack: product and term spelling, official names, counts, ITIL v3 terms,
// definitions, language slips and course-level consistency.
//
// Every fact comes from the pack (package pack, rules/itil4); the Go code
// knows only English: word boundaries, inflections, number words and the
// shape of a definition. The pack is compiled once into a matcher (the
// words of its forms numbered, the forms a trie of word numbers, matched
// leftmost-longest over the tokens of a note's prose), and a note is
// analysed once for all rules.
package check

import (
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

// Rule IDs.
const (
	ruleITILName     = "itil-name"
	ruleTermSpelling = "term-spelling"
	ruleOfficialName = "official-name"
	ruleListCount    = "list-count"
	ruleV3Term       = "v3-term"
	ruleDefinition   = "definition-mismatch"
	ruleLanguageSlip = "language-slip"
	ruleChatbot      = "chatbot-leftover"
	ruleAcronym      = "acronym-expansion"
	ruleConsistency  = "term-consistency"
)

// productCategory marks pack terms that name the product ("ITIL 4"); their
// miswritten forms are reported by itil-name rather than term-spelling.
const productCategory = "product"

// Rules are the pack-driven rules, in the order `itilint rules` lists them.
var Rules = []*rule.Rule{
	{
		ID:       ruleITILName,
		Severity: rule.Warning,
		Doc: `The product is written "ITIL 4": capitals, one space, no version letter or dots.
Course notes and transcripts write it ITIL4, Itil 4, ITIL v4, I.T.I.L. 4 or
ITIL-4; the pack lists the product terms (category "product") with their
wrong forms, and any other spacing or case of them is reported too.`,
		Good: []string{"The ITIL 4 framework is the current edition.\n"},
		Bad:  []string{"The ITIL4 framework is the current edition.\n", "We study Itil 4 this week.\n"},
		Run:  runFindings(ruleITILName),
	},
	{
		ID:       ruleTermSpelling,
		Severity: rule.Warning,
		Doc: `A glossary term is miswritten: "cocreation", "incdent", "availabilty".
Wrong forms come from the pack, with their plural, -ed and -ing forms
generated; a hyphenated term written with a space or run together is
reported too. The fix writes the term as the pack spells it.`,
		Good: []string{"Value is co-created by providers and consumers.\n"},
		Bad:  []string{"Value is cocreated by providers and consumers.\n", "Log every incdent.\n"},
		Run:  runFindings(ruleTermSpelling),
	},
	{
		ID:       ruleOfficialName,
		Severity: rule.Warning,
		Doc: `An official name (guiding principle, dimension, value chain activity, practice...) is almost right.
Where the text names the list (a sentence with "guiding principle", a
heading or list item under such a heading), a name shortened, reordered,
with a word in another form, misspelt or swapped for a near synonym is
reported with the official name as the fix. Names of a case-sensitive list
(the guiding principles) written in lower case in running text are
reported too, unless they read as an ordinary verb phrase.`,
		Good: []string{"The first guiding principle is Focus on value.\n"},
		Bad:  []string{"The guiding principle Progress with feedback asks for small steps.\n", "The first guiding principle is focus on value.\n"},
		Run:  runFindings(ruleOfficialName),
	},
	{
		ID:       ruleListCount,
		Severity: rule.Error,
		Doc: `A wrong number next to a counted list: "six guiding principles", "30 practices".
The number (in words or digits) must be the list's official count from the
pack. Numbers far from the count usually count a subset ("the 15 practices
of the exam") and are not reported, nor are numbers after "first", "or"...`,
		Good: []string{"ITIL 4 has seven guiding principles and 34 practices.\n"},
		Bad:  []string{"ITIL 4 has six guiding principles.\n", "There are 30 practices.\n"},
		Run:  runFindings(ruleListCount),
	},
	{
		ID:       ruleV3Term,
		Severity: rule.Warning,
		Doc: `An ITIL v3 term that ITIL 4 replaced or dropped.
The service lifecycle, continual service improvement, the Change Advisory
Board, request fulfilment, change management and the like: each pack entry
gives the ITIL 4 wording and a one-line reason. A passage about earlier
editions on purpose is left alone: a sentence, heading, list introduction or
label line ("ITIL v3:") holding one of the pack's history phrases.`,
		Good: []string{"Change enablement authorizes changes.\n", "## ITIL v3\n\nChange management authorized changes.\n"},
		Bad:  []string{"Change management authorizes changes.\n"},
		Run:  runFindings(ruleV3Term),
	},
	{
		ID:       ruleDefinition,
		Severity: rule.Warning,
		Doc: `A sentence that defines a glossary term does not fit it.
"X is ...", "X means ...", "X refers to ..." is compared with X's key
elements in the pack. When it fits a sibling term instead (a problem
defined as an unplanned interruption, which is an incident), or misses most
of X's elements, it is reported with the pack's definition.`,
		Good: []string{"An incident is an unplanned interruption to a service or reduction in its quality.\n"},
		Bad:  []string{"A problem is an unplanned interruption to a service or a reduction in the quality of a service.\n"},
		Run:  runFindings(ruleDefinition),
	},
	{
		ID:       ruleLanguageSlip,
		Severity: rule.Warning,
		Doc: `A language slip common in transcripts and pasted text: "called as", "as per".
The pack's phrases of kind slip and style give what to write instead.`,
		Good: []string{"This is called value co-creation.\n"},
		Bad:  []string{"This is called as value co-creation.\n"},
		Run:  runFindings(ruleLanguageSlip),
	},
	{
		ID:       ruleChatbot,
		Severity: rule.Error,
		Doc: `A line left over from a chatbot answer: "Would you like me to ...", "I hope this helps".
Notes pasted from a chatbot keep its closing offers; the fix deletes the
sentence.`,
		Good: []string{"A service desk is the point of contact.\n"},
		Bad:  []string{"A service desk is the point of contact. Would you like me to expand on this?\n"},
		Run:  runFindings(ruleChatbot),
	},
	{
		ID:       ruleAcronym,
		Severity: rule.Suggestion,
		Doc: `An acronym is used before it is expanded, in course order.
The first use of "SLA" in the course must come after "service level
agreement" or read "SLA (service level agreement)"; the pack gives each
acronym as an accepted form of its term.`,
		Course: newAcronyms,
	},
	{
		ID:       ruleConsistency,
		Severity: rule.Suggestion,
		Doc: `A term is spelt two ways in the course: "service catalogue" and "service catalog".
Both spellings are accepted by the pack, but a course should use one; the
less used spelling is reported with the more used one as the fix.`,
		Course: newConsistency,
	},
}

// packOf is the pack a pass uses: the one given, or the embedded default.
func packOf(p *pack.Pack) *pack.Pack {
	if p != nil {
		return p
	}
	d, err := pack.Default()
	if err != nil {
		return nil
	}
	return d
}

// runFindings returns a Run function that reports the analysis's findings
// of one rule.
func runFindings(id string) func(*rule.Pass) {
	return func(pass *rule.Pass) {
		p := packOf(pass.Pack)
		if p == nil {
			return
		}
		for _, f := range analyze(pass.Note, p).findings {
			if f.Rule == id {
				pass.Report(f)
			}
		}
	}
}
