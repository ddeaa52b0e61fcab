package check

import "github.com/itilint/itilint/pipeline/rule"

// OlderWording reports wording of the previous edition that the edition in
// force changed (with --edition itil5, the ITIL 4 wording Version 5
// changed).
var OlderWording = &rule.Rule{
	ID:       "older-wording",
	Severity: rule.Warning,
	Doc: `Wording of the previous edition that the edition in force changed.
With --edition itil5: "service value system", "four dimensions of service
management", "Fourth Industrial Revolution" and the like, each with the
Version 5 wording and a one-line reason. Only changes that several sources
agree on are warnings; the pack gives the rest as suggestions. A passage
that compares editions on purpose (a sentence or heading such as "ITIL 4
called it ...", "formerly", "was renamed") is left alone.`,
	Edition: "itil5",
	Good:    []string{"The ITIL value system has five components.\n", "ITIL 4 called it the service value system.\n"},
	Bad:     []string{"The service value system has five components.\n"},
	Run:     runOlderWording,
}

// runOlderWording reports the matches of the pack's phrases of kind older,
// outside passages that compare the editions.
func runOlderWording(pass *rule.Pass) {
	m := matchedOf(pass)
	if m == nil {
		return
	}
	m.eachPhrase("older", func(mt *match, e *entry, written, repl string) {
		if m.aboutHistory(mt) {
			return
		}
		msg := m.msgf("%q is older wording%s", written, m.why(e))
		if repl != "" {
			msg = m.msgf("%q is older wording; write %q%s", written, repl, m.why(e))
		}
		m.reportPhrase(pass, e.severity, mt, msg, repl)
	})
}
