package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/itilint/itilint/pipeline/check"
	"github.com/itilint/itilint/pipeline/lint"
	"github.com/itilint/itilint/pipeline/pack"
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
			&cli.StringFlag{Name: "docs", Usage: "write a documentation page per rule (ID.md) and an index into `DIR`", TakesFile: true},
		}, commonFlags()...),
		Action: func(c *cli.Context) error {
			args := c.Args().Slice()
			if dir := c.String("docs"); dir != "" {
				if err := writeRuleDocs(dir, lint.Rules()); err != nil {
					return cli.Exit(err.Error(), exitTrouble)
				}
				return nil
			}
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
				if c.String("edition") != "" {
					writePackEntries(c.App.Writer, p)
				}
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
	fmt.Fprintf(w, "\nMore: %s\n", rule.DocURL(r.ID))
}

// ruleTableMarkdown is the rule table of the README, generated from the
// rule list and the embedded packs so that it cannot drift
// (TestREADMERuleTable): a column per edition says whether its pack gives
// the rule anything to check.
func ruleTableMarkdown(rules []*rule.Rule) string {
	var packs []*pack.Pack
	var b strings.Builder
	b.WriteString("| rule | severity |")
	for _, ed := range pack.Editions {
		p, err := pack.ForEdition(ed)
		if err != nil {
			panic(err) // the embedded packs are tested; cannot happen
		}
		packs = append(packs, p)
		fmt.Fprintf(&b, " %s |", ed)
	}
	b.WriteString(" what it reports |\n| --- | --- |" + strings.Repeat(" :-: |", len(packs)) + " --- |\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| `%s` | %s |", r.ID, r.Severity)
		for _, p := range packs {
			mark := "✓"
			if !check.Applies(p, r.ID) {
				mark = "–"
			}
			fmt.Fprintf(&b, " %s |", mark)
		}
		fmt.Fprintf(&b, " %s |\n", strings.ReplaceAll(r.Summary(), "|", "\\|"))
	}
	return b.String()
}

// writePackEntries lists the entries of the pack in force: its counted
// lists, its terms and its wording rules, with what each reports.
func writePackEntries(w io.Writer, p *pack.Pack) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "\nLIST\tCOUNT\tNAME\n")
	for _, l := range p.Lists {
		fmt.Fprintf(tw, "%s\t%d\t%s\n", l.ID, l.Count, l.Name)
	}
	fmt.Fprintf(tw, "\nPHRASE\tKIND\tSEVERITY\tREPORTS\n")
	for _, ph := range p.Phrases {
		sev := ph.Severity
		if r := lint.Lookup(check.PhraseRule(ph.Kind)); sev == "" && r != nil {
			sev = r.Severity.String()
		}
		what := fmt.Sprintf("%q", ph.Wrong[0])
		if ph.Replace != "" {
			what += fmt.Sprintf(" → %q", ph.Replace)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", ph.ID, ph.Kind, sev, what)
	}
	tw.Flush()
	terms := make([]string, 0, len(p.Terms))
	for _, t := range p.Terms {
		terms = append(terms, t.Term)
	}
	fmt.Fprintf(w, "\nTERMS\n%s\n", strings.Join(terms, ", "))
	if sy := p.Syllabus; sy != nil {
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintf(tw, "\nSYLLABUS AREA\tWEIGHT\tNAME\n")
		for _, a := range sy.Areas {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", a.ID, a.WeightText(), a.Name)
		}
		tw.Flush()
	}
}
