package check

import "github.com/itilint/itilint/pipeline/rule"

// UnsettledPoint reports points the public sources disagree on, as
// suggestions that give the versions.
var UnsettledPoint = &rule.Rule{
	ID:       "unsettled-point",
	Severity: rule.Suggestion,
	Doc: `A point the public sources disagree on, or that only one of them gives.
The pack's phrases of kind unsettled name the point and the versions in
their message ("ITIL v5": PeopleCert writes "ITIL (Version 5)", but no
source reports the short forms as wrong). Always a suggestion: review it,
do not take it as an error. The message names the form to consider, but
no fix is offered: the choice is the author's.`,
	Edition: "itil5",
	Good:    []string{"ITIL (Version 5) builds on ITIL 4.\n"},
	Bad:     []string{"ITIL v5 builds on ITIL 4.\n"},
	Run:     runUnsettledPoint,
}

// runUnsettledPoint reports the matches of the pack's phrases of kind
// unsettled.
func runUnsettledPoint(pass *rule.Pass) {
	m := matchedOf(pass)
	if m == nil {
		return
	}
	m.eachPhrase("unsettled", func(mt *match, e *entry, written, repl string) {
		msg := m.msgf("%q: an unsettled point%s", written, m.why(e))
		if repl != "" {
			msg = m.msgf("%q: an unsettled point; consider %q%s", written, repl, m.why(e))
		}
		// No fix: a point the sources have not settled is for a person to
		// decide, and `fix --wording` applies every fix it is given.
		m.reportPhrase(pass, e.severity, mt, msg, "")
	})
}
