// Package check owns the terminology and content rules that read the rule
// pack: product and term spelling, official names, counts, ITIL v3 terms,
// definitions, language slips and course-level consistency.
//
// Every fact comes from the pack (package pack, rules/itil4); the Go code
// knows only English: word boundaries, inflections, number words and the
// shape of a definition. The pack is compiled once into a matcher (the
// words of its forms numbered, the forms a trie of word numbers, matched
// leftmost-longest over the tokens of a note's prose: matcher.go,
// token.go).
//
// The work the rules share is one typed analysis, matchedNote (matched.go):
// a note's tokens, blocks, sentences and pack matches, computed once per
// note and asked for by each rule's Run (as go/analysis's pass.ResultOf).
// Each rule is a value in its own file with a Run over that result; the
// rules give one finding per stretch of text, so a sentence that a finding
// covers whole is left to it (whole.go).
//
// A new rule is a file with its rule.Rule value and a Run that asks for
// the matched note (matchedOf) and reads what it needs: the matches of
// wrong forms (wrong), sentences and the lists they name (sents), blocks
// and their contexts (blocks, ctx), numbers; it reports through
// matched.report, whose messages and fixes outlive the note. Add it to
// Rules, give it a folder testdata/<rule-id>/ with a note or two, and
// write their golden files with go test -run TestRuleTestdata -update.
package check

import (
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
)

// Rules are the pack-driven rules, in the order `itilint rules` lists them.
var Rules = []*rule.Rule{
	ITILName,
	TermSpelling,
	Misspelling,
	OfficialName,
	ListCount,
	ListMembers,
	V3Term,
	OlderWording,
	UnsettledPoint,
	DefinitionMismatch,
	LanguageSlip,
	ChatbotLeftover,
	AcronymExpansion,
	TermConsistency,
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
