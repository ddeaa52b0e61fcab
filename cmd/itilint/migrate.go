package main

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/itilint/itilint/pipeline"
	"github.com/itilint/itilint/pipeline/config"
	"github.com/itilint/itilint/pipeline/emit"
	"github.com/itilint/itilint/pipeline/migrate"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/rule"
	"github.com/itilint/itilint/pipeline/safefile"
)

func migrateCommand() *cli.Command {
	return &cli.Command{
		Name:      "migrate",
		Usage:     "report what a course must change, and review, to teach another edition",
		ArgsUsage: "[PATH...]",
		Description: "Reads the notes as the edition in force (--edition, default itil4) teaches them and\n" +
			"lists, with their positions: every place whose wording the --to edition changed (with\n" +
			"the replacement: must change), every unsettled point and every section whose subject the\n" +
			"new syllabus reshaped or no longer examines (to review), then the syllabus areas no note\n" +
			"covers yet, with their exam weights. --fix applies the renames in place; --diff shows\n" +
			"them and writes nothing. Exit codes as check's.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "to", Usage: "the edition to migrate to (required): " + strings.Join(pack.Editions, " or ")},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "report format: " + strings.Join(migrate.Formats, ", ")},
			&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 on findings at or above: error, warning, suggestion, none"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of stdout"},
			&cli.BoolFlag{Name: "fix", Usage: "apply the renames (must-change places with a replacement) to the inputs, in place"},
			&cli.BoolFlag{Name: "diff", Usage: "print the renames --fix would apply as a unified diff and write nothing"},
		}, commonFlags()...),
		Action: runMigrate,
	}
}

func runMigrate(c *cli.Context) error {
	format, threshold, err := migrateFlags(c)
	if err != nil {
		return err
	}
	cfg, m, err := migrationFor(c)
	if err != nil {
		return err
	}
	pc, err := baseConfig(c)
	if err != nil {
		return err
	}
	pc.Pack, pc.Project, pc.Check, pc.Progress = m.Target(), migrate.Config(cfg), true, nil

	sink := &migrate.Sink{M: m, FailOn: threshold, Fix: c.Bool("fix"), Diff: c.Bool("diff"), W: c.App.Writer}
	var findings bytes.Buffer // what the finding writer wrote, for the report
	if !sink.Fix && !sink.Diff && format != "md" {
		if sink.Report, err = emit.NewFindingWriter(&findings, format, lintRules()); err != nil {
			return cli.Exit(err.Error(), exitTrouble)
		}
		if c.NArg() == 0 {
			sink.Report.Read = pipeline.DefaultInput() // the text summary names it
		}
		sink.Report.Quiet = c.Bool("quiet") // no summary line, as check -q
	}
	pc.Each = sink.Each
	res, err := pipeline.Run(pc)
	if err != nil {
		return cli.Exit(err.Error(), exitTrouble)
	}
	trouble := reportErrors(c, res)
	if sink.Fix || sink.Diff {
		if !c.Bool("quiet") {
			for _, n := range sink.Notices {
				fmt.Fprintln(c.App.ErrWriter, "itilint:", n)
			}
		}
		if !c.Bool("quiet") && !c.Bool("diff") {
			fmt.Fprintf(c.App.ErrWriter, "%s applied in %s; run migrate again for the places to review\n", plural(sink.Renames, "rename", "renames"), plural(sink.Renamed, "file", "files"))
		}
		return writeErrors(c, trouble, sink.Errs)
	}
	if sink.Report != nil {
		if err := sink.Report.Close(); err != nil {
			return cli.Exit(err.Error(), exitTrouble)
		}
	}
	if err := writeMigrateReport(c, m, format, findings.Bytes()); err != nil {
		return cli.Exit(err.Error(), exitTrouble)
	}
	return exitStatus(trouble, sink.Failed)
}

// migrateFlags checks --format and --fail-on.
func migrateFlags(c *cli.Context) (format string, threshold rule.Severity, err error) {
	format = c.String("format")
	if !slices.Contains(migrate.Formats, format) {
		return "", 0, cli.Exit(fmt.Sprintf("--format: unknown format %q (known: %s)", format, strings.Join(migrate.Formats, ", ")), exitTrouble)
	}
	threshold, err = failThreshold(c.String("fail-on"))
	return format, threshold, err
}

// migrationFor reads --to and the project's edition and sets up the
// migration between them.
func migrationFor(c *cli.Context) (*config.Config, *migrate.Migration, error) {
	to := c.String("to")
	if to == "" {
		return nil, nil, cli.Exit("migrate needs --to EDITION: "+strings.Join(pack.Editions, " or "), exitTrouble)
	}
	if !pack.KnownEdition(to) {
		return nil, nil, cli.Exit("--to: "+pack.UnknownEdition(to).Error(), exitTrouble)
	}
	cfg, from, err := setup(c)
	if err != nil {
		return nil, nil, err
	}
	if from.Name == to {
		return nil, nil, cli.Exit(fmt.Sprintf("--to %s: the notes are already read as %s; pick the edition they teach with --edition", to, to), exitTrouble)
	}
	target, err := pack.ForEdition(to)
	if err != nil {
		return nil, nil, cli.Exit("embedded rule pack: "+err.Error(), exitTrouble)
	}
	return cfg, migrate.New(from, target), nil
}

// writeMigrateReport writes the report in format to --output or stdout.
func writeMigrateReport(c *cli.Context, m *migrate.Migration, format string, findings []byte) error {
	report := func(w io.Writer) error { return m.WriteReport(w, format, findings) }
	path := c.String("output")
	if path == "" {
		return report(c.App.Writer)
	}
	if _, err := safefile.WriteFile(path, report); err != nil {
		return err
	}
	if !c.Bool("quiet") {
		fmt.Fprintf(c.App.ErrWriter, "%s report written to %s\n", format, path) // as check -o says
	}
	return nil
}
