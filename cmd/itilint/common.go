package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/itilint/itilint/pipeline"
	"github.com/itilint/itilint/pipeline/config"
	"github.com/itilint/itilint/pipeline/emit"
	"github.com/itilint/itilint/pipeline/load"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/quiz"
	"github.com/itilint/itilint/pipeline/rule"
)

// commonFlags are the flags every command takes (docs/cli.md).
func commonFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "config", Usage: "project config `FILE` (default: " + config.FileName + ", searched upwards)"},
		&cli.StringFlag{Name: "edition", Usage: "the ITIL edition the notes teach: " + strings.Join(pack.Editions, " or ") + " (default: the config's edition:, else " + pack.DefaultEdition + ")"},
		&cli.StringSliceFlag{Name: "rules", Usage: "extra or overriding rule pack `DIR|FILE` (repeatable)"},
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only findings and errors"},
		&cli.BoolFlag{Name: "no-progress", Usage: "never show a progress bar"},
		&cli.StringFlag{Name: "stdin-filename", Usage: "the `NAME` findings give the note read from standard input (PATH -); its extension picks the format"},
	}
}

func quizFlags() []cli.Flag {
	return []cli.Flag{
		&cli.IntFlag{Name: "count", Usage: "at most `N` questions (0 = all that pass the quality checks)"},
		&cli.Int64Flag{Name: "seed", Value: 1, Usage: "shuffle seed: same seed, same input, same rules → same bytes"},
		&cli.StringFlag{Name: "types", Usage: "question types, comma-separated: " + strings.Join(quizTypes, ",")},
		&cli.StringFlag{Name: "topics", Usage: "syllabus topic IDs of the pack, comma-separated (default all)"},
		&cli.BoolFlag{Name: "variants", Usage: "also keep the questions that test a fact the bank already tests, or reuse an option set"},
		&cli.BoolFlag{Name: "exam", Usage: "a mock exam: the syllabus's 40 questions in the proportions of its areas, each key once"},
	}
}

// quizTypes are the registered generators' types, in their order.
var quizTypes = quiz.Types()

func fillerFlag() cli.Flag {
	return &cli.BoolFlag{Name: "drop-fillers", Usage: "remove [mm:ss] timestamps and filler words (um, uh) from transcripts"}
}

// setup reads the config and rule packs the flags name.
func setup(c *cli.Context) (*config.Config, *pack.Pack, error) {
	cfg, err := pipeline.LoadProject(c.String("config"))
	if err != nil {
		return nil, nil, cli.Exit(err.Error(), exitTrouble)
	}
	edition, err := editionOf(c, cfg)
	if err != nil {
		return nil, nil, err
	}
	p, err := pipeline.LoadPack(edition, cfg, c.StringSlice("rules"))
	if err != nil {
		return nil, nil, cli.Exit(err.Error(), exitTrouble)
	}
	return cfg, p, nil
}

// editionOf is the edition in force: --edition, else the config's
// edition:, else the default.
func editionOf(c *cli.Context, cfg *config.Config) (string, error) {
	e := c.String("edition")
	if e == "" {
		e = cfg.Edition
	}
	if e == "" {
		return pack.DefaultEdition, nil
	}
	if !pack.KnownEdition(e) {
		return "", cli.Exit("--edition: "+pack.UnknownEdition(e).Error(), exitTrouble)
	}
	return e, nil
}

// baseConfig is the pipeline config shared by every command.
func baseConfig(c *cli.Context) (pipeline.Config, error) {
	cfg, p, err := setup(c)
	if err != nil {
		return pipeline.Config{}, err
	}
	pc := pipeline.Config{Paths: c.Args().Slice(), Pack: p, Project: cfg, Stdin: c.App.Reader, StdinName: c.String("stdin-filename")}
	if pc.StdinName != "" && !slices.Contains(pc.Paths, "-") {
		// Without "-" nothing is read from standard input: the name
		// would name nothing, and the user meant to pipe a note.
		return pipeline.Config{}, cli.Exit("--stdin-filename names the note read from standard input: add - to the paths", exitTrouble)
	}
	if c.Command.HasName("run") || c.Command.HasName("fix") || c.Command.HasName("quiz") {
		pc.Load = load.Options{DropFillers: c.Bool("drop-fillers")}
	}
	if !c.Bool("quiet") && !c.Bool("no-progress") && term.IsTerminal(int(os.Stderr.Fd())) {
		pc.Progress = os.Stderr
	}
	return pc, nil
}

// quizConfig is baseConfig with the question bank options of the flags.
func quizConfig(c *cli.Context) (pipeline.Config, error) {
	pc, err := baseConfig(c)
	if err != nil {
		return pc, err
	}
	if pc.QuizOpts, err = quizOptions(c); err != nil {
		return pc, err
	}
	return pc, validateTopics(pc.Pack, pc.QuizOpts.Topics)
}

func quizOptions(c *cli.Context) (quiz.Options, error) {
	opts := quiz.Options{Count: c.Int("count"), Seed: c.Int64("seed"), Variants: c.Bool("variants"), Exam: c.Bool("exam")}
	if opts.Count < 0 {
		return opts, cli.Exit("--count must be 0 or more", exitTrouble)
	}
	if s := c.String("types"); s != "" {
		for _, t := range splitList(s) {
			if !slices.Contains(quizTypes, t) {
				return opts, cli.Exit(fmt.Sprintf("--types: unknown question type %q (known: %s)", t, strings.Join(quizTypes, ", ")), exitTrouble)
			}
			opts.Types = append(opts.Types, t)
		}
	}
	if s := c.String("topics"); s != "" {
		opts.Topics = splitList(s)
	}
	return opts, nil
}

func validateTopics(p *pack.Pack, topics []string) error {
	var known []string
	for _, t := range p.Topics {
		known = append(known, t.ID)
	}
	for _, t := range topics {
		if !slices.Contains(known, t) {
			msg := fmt.Sprintf("--topics: unknown topic %q", t)
			if s := pack.DidYouMean(t, known); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			} else {
				msg += " (known: " + strings.Join(known, ", ") + ")"
			}
			return cli.Exit(msg, exitTrouble)
		}
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// reportErrors prints the inputs that could not be read; it reports
// whether there were any (exit code 2).
func reportErrors(c *cli.Context, res *pipeline.Result) bool {
	if !c.Bool("quiet") {
		for _, n := range res.Notices {
			fmt.Fprintln(c.App.ErrWriter, "itilint:", n)
		}
	}
	for _, err := range res.Errors {
		fmt.Fprintln(c.App.ErrWriter, "itilint:", err)
	}
	return len(res.Errors) > 0
}

// writeErrors prints the files that could not be written and returns the
// exit error of a run that met unreadable inputs or write failures.
func writeErrors(c *cli.Context, trouble bool, werrs []error) error {
	for _, err := range werrs {
		fmt.Fprintln(c.App.ErrWriter, "itilint:", err)
	}
	if trouble || len(werrs) > 0 {
		return cli.Exit("", exitTrouble)
	}
	return nil
}

// summaryLine prints the one-line summary unless --quiet.
func summaryLine(c *cli.Context, res *pipeline.Result) {
	if c.Bool("quiet") {
		return
	}
	fmt.Fprintln(c.App.ErrWriter, emit.SummaryLine(res.Summary()))
}

var fixKindsDefault = map[rule.FixKind]bool{rule.Safe: true, rule.Structural: true}

// plural is "1 fix", "2 fixes", "0 fixes".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// colorTerminal reports whether w is a terminal that may be coloured: not
// a pipe or a file, and NO_COLOR (no-color.org) not set.
func colorTerminal(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
