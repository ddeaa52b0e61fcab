package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/itilint/itilint/pipeline/lint"
	"github.com/itilint/itilint/pipeline/rule"
)

func lintRules() []*rule.Rule { return lint.Rules() }

func rulesCommand() *cli.Command {
	return &cli.Command{
		Name:      "rules",
		Usage:     "list the rules of the active pack, or explain one (message, why, examples)",
		ArgsUsage: "[ID] | test DIR",
		Description: "With no argument, lists every rule: ID, severity, summary.\n" +
			"With a rule ID, explains it with its good and bad examples.\n" +
			"`itilint rules test DIR` runs the good/bad examples of the rule pack in DIR.",
		Flags: append([]cli.Flag{
			&cli.BoolFlag{Name: "markdown", Usage: "list the rules as a Markdown table (the README's rule table)"},
		}, commonFlags()...),
		Action: func(c *cli.Context) error {
			args := c.Args().Slice()
			if c.Bool("markdown") {
				fmt.Fprint(c.App.Writer, ruleTableMarkdown(lint.Rules()))
				return nil
			}
			if len(args) >= 1 && args[0] == "test" {
				if len(args) != 2 {
					return cli.Exit("usage: itilint rules test DIR", exitTrouble)
				}
				return testPack(c, args[1])
			}
			cfg, p, err := setup(c)
			if err != nil {
				return err
			}
			if len(args) == 0 {
				writeRuleTable(c.App.Writer, lint.Rules(), func(r *rule.Rule) rule.Severity { return cfg.Severity(r.ID, r.Severity) }, func(r *rule.Rule) bool { return cfg.Enabled(r.ID) })
				fmt.Fprintf(c.App.Writer, "\n%d rules; pack %s (%s): %d terms, %d lists, %d phrases\n", len(lint.Rules()), p.Name, p.Edition, len(p.Terms), len(p.Lists), len(p.Phrases))
				return nil
			}
			if len(args) > 1 {
				return cli.Exit("usage: itilint rules [ID]", exitTrouble)
			}
			r := lint.Lookup(args[0])
			if r == nil {
				msg := fmt.Sprintf("unknown rule %q", args[0])
				if s := didYouMean(args[0], lint.IDs()); s != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", s)
				}
				return cli.Exit(msg, exitTrouble)
			}
			explainRule(c.App.Writer, r)
			return nil
		},
	}
}

func writeRuleTable(w io.Writer, rules []*rule.Rule, sev func(*rule.Rule) rule.Severity, on func(*rule.Rule) bool) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tSUMMARY")
	for _, r := range rules {
		s := sev(r).String()
		if !on(r) {
			s = "off"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, s, r.Summary())
	}
	tw.Flush()
}

func explainRule(w io.Writer, r *rule.Rule) {
	fmt.Fprintf(w, "%s (%s)\n\n%s\n", r.ID, r.Severity, strings.TrimSpace(r.Doc))
	for _, ex := range []struct {
		title string
		list  []string
	}{{"Reported", r.Bad}, {"Not reported", r.Good}} {
		if len(ex.list) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s:\n", ex.title)
		for _, e := range ex.list {
			fmt.Fprintf(w, "  %s\n", strings.ReplaceAll(strings.TrimRight(fmt.Sprintf("%q", e), "\n"), "\n", "\n  "))
		}
	}
}

// ruleTableMarkdown is the rule table of the README, generated from the
// rule list so that it cannot drift (TestREADMERuleTable).
func ruleTableMarkdown(rules []*rule.Rule) string {
	var b strings.Builder
	b.WriteString("| rule | severity | what it reports |\n| --- | --- | --- |\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", r.ID, r.Severity, strings.ReplaceAll(r.Summary(), "|", "\\|"))
	}
	return b.String()
}
