package main

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/itilint/itilint/pipeline"
	"github.com/itilint/itilint/pipeline/emit"
	"github.com/itilint/itilint/pipeline/load"
	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/pack"
	"github.com/itilint/itilint/pipeline/quiz"
	"github.com/itilint/itilint/pipeline/result"
	"github.com/itilint/itilint/pipeline/rule"
	"github.com/itilint/itilint/pipeline/safefile"
)

func runCommand() *cli.Command {
	return &cli.Command{
		Name:      "run",
		Usage:     "the whole pipeline: clean, check, generate questions, write everything under --out",
		ArgsUsage: "[PATH...]",
		Description: "Writes DIR/clean/**.md (cleaned notes), DIR/questions.xlsx (question bank),\n" +
			"DIR/report.txt and DIR/report.json (findings and what the cleaner changed).\n" +
			"Running it again on the same input writes the same bytes.",
		Flags: append(append([]cli.Flag{
			&cli.StringFlag{Name: "out", Value: "out", Usage: "output `DIR`"},
			fillerFlag(),
		}, quizFlags()...), commonFlags()...),
		Action: func(c *cli.Context) error {
			gcHeadroom() // a question bank: see there
			pc, err := quizConfig(c)
			if err != nil {
				return err
			}
			pc.Check, pc.Quiz, pc.FixKinds = true, true, fixKindsDefault
			sink, err := pipeline.NewRunSink(c.String("out"))
			if err != nil {
				return cli.Exit(err.Error(), exitTrouble)
			}
			defer sink.Close()
			sink.Attach(&pc)
			res, err := pipeline.Run(pc)
			if err != nil {
				return cli.Exit(err.Error(), exitTrouble)
			}
			trouble := reportErrors(c, res)
			werrs := append(res.Refused, sink.Finish(res, pc.Progress)...)
			err = writeErrors(c, trouble, werrs)
			summaryLine(c, res)
			return err
		},
	}
}

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "lint only: report formatting glitches and terminology findings",
		ArgsUsage: "[PATH...]",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "report format: " + strings.Join(emit.FindingFormats, ", ")},
			&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 on findings at or above: error, warning, suggestion, none"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to `FILE` instead of stdout"},
			&cli.StringFlag{Name: "baseline", Usage: "ignore findings recorded in baseline `FILE`"},
			&cli.StringFlag{Name: "write-baseline", Usage: "record the current findings in baseline `FILE` and exit 0"},
		}, commonFlags()...),
		Action: runCheck,
	}
}

// runCheck is the check command: the run streams each file through a
// CheckSink into the report, or into a new baseline.
func runCheck(c *cli.Context) error {
	format := c.String("format")
	if !slices.Contains(emit.FindingFormats, format) {
		return cli.Exit(fmt.Sprintf("--format: unknown format %q (known: %s)", format, strings.Join(emit.FindingFormats, ", ")), exitTrouble)
	}
	threshold, err := failThreshold(c.String("fail-on"))
	if err != nil {
		return err
	}
	pc, err := baseConfig(c)
	if err != nil {
		return err
	}
	pc.Check = true
	gcCheckHeaps() // a course of small notes, a note of megabytes: see there
	pc.Read = noteRead
	if c.String("output") == "" && c.String("write-baseline") == "" {
		// Findings stream to stdout as files are done; a bar
		// redrawn on the same terminal would cut through them.
		pc.Progress = nil
	}
	sink, sniff, err := newCheckSink(c, threshold)
	if err != nil {
		return err
	}
	pc.Each = sink.Each
	// A text report on standard output shows each file that could not be
	// read among the findings, where it belongs: it is not printed on
	// standard error a second time.
	var shown map[error]bool
	if format == "text" && c.String("output") == "" && !sink.Record {
		shown = map[error]bool{}
		each := sink.Each
		pc.Each = func(f *result.File, n *note.Note) {
			if f.Err != nil {
				shown[f.Err] = true
			}
			each(f, n)
		}
	}
	res, err := checkInto(c, pc, sink, format, threshold)
	if err != nil {
		return cli.Exit(err.Error(), exitTrouble)
	}
	trouble := len(res.Errors) > 0
	if shown != nil {
		errs := res.Errors
		res.Errors = slices.DeleteFunc(slices.Clone(errs), func(err error) bool {
			var pe *load.PathError
			return shown[err] || errors.As(err, &pe)
		})
		reportErrors(c, res)
		res.Errors = errs
	} else {
		reportErrors(c, res)
	}
	editionNotice(c, sniff, pc.Pack)
	if err := writeBaseline(c, sink); err != nil {
		return err
	}
	return exitStatus(trouble, sink.Failed)
}

// exitStatus is a command's exit: exitTrouble when a file could not be
// read or written, else exitFindings when a finding reached --fail-on.
func exitStatus(trouble, failed bool) error {
	switch {
	case trouble:
		return cli.Exit("", exitTrouble)
	case failed:
		return cli.Exit("", exitFindings)
	}
	return nil
}

// checkInto runs the check and writes its report in format where the
// flags say: to --output (the whole report at once, atomically), nowhere
// when recording a baseline, or to standard output as files are done.
func checkInto(c *cli.Context, pc pipeline.Config, sink *pipeline.CheckSink, format string, threshold rule.Severity) (*pipeline.Result, error) {
	var res *pipeline.Result
	report := func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 64<<10)
		fw, err := newFindingWriter(c, bw, w == c.App.Writer, format, threshold)
		if err != nil {
			return err
		}
		sink.Report = fw
		if res, err = pipeline.Run(pc); err != nil {
			return err
		}
		if sink.Record {
			return nil
		}
		// The paths that could not be read at all are in the report too,
		// and in its summary's count, as the files that could not be.
		for _, err := range res.Errors {
			var pe *load.PathError
			if errors.As(err, &pe) {
				if err := fw.File(&result.File{Path: pe.Path, Err: err}); err != nil {
					return err
				}
			}
		}
		if err := fw.Close(); err != nil {
			return err
		}
		return bw.Flush()
	}
	path := c.String("output")
	var err error
	switch {
	case sink.Record:
		err = report(io.Discard)
	case path == "":
		err = report(c.App.Writer)
	default:
		err = writeStreamed(path, report)
	}
	if err != nil || sink.Record || path == "" {
		return res, err
	}
	if !c.Bool("quiet") {
		fmt.Fprintf(c.App.ErrWriter, "%s report written to %s\n", format, path)
	}
	return res, nil
}

// writeStreamed writes a report to path atomically, as safefile.WriteFile
// does, but through a temporary file as it is written rather than whole
// from memory: the JSON report of a note of megabytes is twice its size.
func writeStreamed(path string, write func(io.Writer) error) error {
	f, err := safefile.CreateAtomic(path)
	if err != nil {
		return err
	}
	w := &stickyWriter{w: f}
	if err := write(w); err != nil {
		f.Abort()
		if w.err != nil {
			return err // the file's error, which names it
		}
		return fmt.Errorf("%s: %w", path, err)
	}
	_, err = f.Commit()
	return err
}

// A stickyWriter keeps the first error of its writer.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	n, err := s.w.Write(p)
	if err != nil && s.err == nil {
		s.err = err
	}
	return n, err
}

// writeBaseline writes the findings the sink recorded to the baseline
// file --write-baseline names, if any.
func writeBaseline(c *cli.Context, sink *pipeline.CheckSink) error {
	path := c.String("write-baseline")
	if path == "" {
		return nil
	}
	if err := sink.WriteBaseline(path); err != nil {
		return cli.Exit(err.Error(), exitTrouble)
	}
	if !c.Bool("quiet") {
		fmt.Fprintf(c.App.ErrWriter, "baseline %s: %s recorded\n", path, plural(len(sink.Entries), "finding", "findings"))
	}
	return nil
}

// newFindingWriter starts the check command's report in format on w;
// toStdout says whether it goes to the command's standard output (colour
// on a terminal).
func newFindingWriter(c *cli.Context, w io.Writer, toStdout bool, format string, threshold rule.Severity) (*emit.FindingWriter, error) {
	fw, err := emit.NewFindingWriter(w, format, lintRules())
	if err != nil {
		return nil, err
	}
	fw.Version = releaseVersion()
	if c.NArg() == 0 {
		fw.Read = pipeline.DefaultInput()
	}
	fw.Quiet = c.Bool("quiet")
	fw.Color = toStdout && colorTerminal(c.App.Writer)
	fw.FailOn = threshold
	if threshold == 0 {
		fw.FailOn = rule.Error + 1 // --fail-on none: nothing fails
	}
	return fw, nil
}

// newCheckSink makes the check command's sink from its flags: the baseline
// to apply or to record, the fail threshold, and the edition sniffer that
// sees every note (not with --quiet, which shows no edition notice).
func newCheckSink(c *cli.Context, threshold rule.Severity) (*pipeline.CheckSink, *pack.EditionSniffer, error) {
	sink := &pipeline.CheckSink{Record: c.String("write-baseline") != "", FailOn: threshold}
	if path := c.String("baseline"); path != "" && !sink.Record {
		if err := sink.ReadBaseline(path); err != nil {
			return nil, nil, cli.Exit(err.Error(), exitTrouble)
		}
	}
	if c.Bool("quiet") {
		return sink, nil, nil
	}
	sniff, err := pack.NewEditionSniffer()
	if err != nil {
		return nil, nil, cli.Exit(err.Error(), exitTrouble)
	}
	sink.Observe = func(f *result.File) {
		if f.Note != nil && !f.Late {
			sniff.Note(f.Path, f.Note.Text, func(off int) int { return f.Note.Position(off).Line })
		}
	}
	return sink, sniff, nil
}

func editionNotice(c *cli.Context, sniff *pack.EditionSniffer, p *pack.Pack) {
	if sniff == nil || !pack.KnownEdition(p.Name) {
		return
	}
	clue, ok := sniff.Other(p.Name)
	if !ok {
		return
	}
	fmt.Fprintf(c.App.ErrWriter, "itilint: these notes teach %s, not %s (%s; %d of %d notes that name an edition); check them with --edition %s\n",
		clue.Name, sniff.Name(p.Name), clue, clue.Notes, clue.Of, clue.Edition)
}

func failThreshold(s string) (rule.Severity, error) {
	if s == "none" {
		return 0, nil
	}
	sev, err := rule.ParseSeverity(s)
	if err != nil || s == "info" {
		return 0, cli.Exit(fmt.Sprintf("--fail-on: %q is not error, warning, suggestion or none", s), exitTrouble)
	}
	return sev, nil
}

// fixKinds are the kinds of fix the fix command's flags ask for.
func fixKinds(c *cli.Context) map[rule.FixKind]bool {
	kinds := map[rule.FixKind]bool{rule.Safe: true}
	if !c.Bool("safe") {
		kinds[rule.Structural] = true
	}
	if c.Bool("wording") {
		kinds[rule.Wording] = true
	}
	return kinds
}

// newFixSink makes the fix command's sink from its flags (and points pc at
// the output folder when the copies go there).
func newFixSink(c *cli.Context, pc *pipeline.Config) *pipeline.FixSink {
	sink := &pipeline.FixSink{Mode: pipeline.FixToOut, W: c.App.Writer}
	switch {
	case c.Bool("diff"):
		sink.Mode = pipeline.FixDiff
	case c.Bool("check"):
		sink.Mode = pipeline.FixCheck
	case c.Bool("write"):
		sink.Mode = pipeline.FixInPlace
		sink.ForceReadOnly = c.Bool("force-readonly")
	default:
		pc.OutDir = c.String("out")
		sink.OutDir = pc.OutDir
	}
	if slices.Contains(pc.Paths, "-") {
		sink.StdinPath = cmp.Or(pc.StdinName, load.StdinName)
	}
	return sink
}

func fixCommand() *cli.Command {
	return &cli.Command{
		Name:      "fix",
		Usage:     "clean the notes: apply every fix that is safe to apply",
		ArgsUsage: "[PATH...]",
		Description: "Without --safe, structural repairs of transcript damage are applied too (joining split\n" +
			"words, merging broken paragraphs, de-indenting prose that renders as code).\n" +
			"Wording fixes (terminology) are applied only with --wording.",
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "out", Value: filepath.Join("out", "clean"), Usage: "write cleaned copies under `DIR`"},
			&cli.BoolFlag{Name: "write", Aliases: []string{"w"}, Usage: "rewrite the inputs in place (atomically; unchanged files are not touched)"},
			&cli.BoolFlag{Name: "force-readonly", Usage: "with -w, rewrite read-only inputs too (they stay read-only); refused without it"},
			&cli.BoolFlag{Name: "diff", Usage: "print a unified diff and write nothing"},
			&cli.BoolFlag{Name: "check", Usage: "write nothing; exit 1 when any file would change"},
			&cli.BoolFlag{Name: "safe", Usage: "apply only fixes that keep the rendered HTML identical"},
			&cli.BoolFlag{Name: "wording", Usage: "also apply wording fixes (terminology, official names, phrasing)"},
			fillerFlag(),
		}, commonFlags()...),
		Action: func(c *cli.Context) error {
			gcCheckHeaps() // a course of small notes, a note of megabytes: see there
			// Each of these says what to do with the result; two at once
			// would do one and silently not the other.
			var modes []string
			for _, m := range []string{"write", "diff", "check"} {
				if c.Bool(m) {
					modes = append(modes, "--"+m)
				}
			}
			if len(modes) > 1 {
				return cli.Exit(fmt.Sprintf("fix: %s do not go together: choose one (see itilint fix --help)", strings.Join(modes, " and ")), exitTrouble)
			}
			if c.Bool("force-readonly") && !c.Bool("write") {
				return cli.Exit("fix: --force-readonly goes with -w (it says which inputs -w may rewrite)", exitTrouble)
			}
			pc, err := baseConfig(c)
			if err != nil {
				return err
			}
			pc.FixKinds = fixKinds(c)
			pc.Read = noteRead // for gcCheckHeaps
			sink := newFixSink(c, &pc)
			pc.Each = sink.Each
			res, err := pipeline.Run(pc)
			if err != nil {
				return cli.Exit(err.Error(), exitTrouble)
			}
			werrs := sink.Finish()
			trouble := reportErrors(c, res)
			if !c.Bool("quiet") {
				for _, n := range sink.Notices {
					fmt.Fprintln(c.App.ErrWriter, "itilint:", n)
				}
			}
			err = writeErrors(c, trouble, append(res.Refused, werrs...))
			if !c.Bool("quiet") && !c.Bool("diff") {
				fmt.Fprintf(c.App.ErrWriter, "%s%s, %s; %s written\n", readPrefix(res), needFixes(len(sink.Changed), res.Summary().Notes),
					plural(res.Summary().Fixes, "fix", "fixes"), plural(sink.Written, "file", "files"))
			}
			if err != nil {
				return err
			}
			if c.Bool("check") && len(sink.Changed) > 0 {
				return cli.Exit("", exitFindings)
			}
			return nil
		},
	}
}

func quizCommand() *cli.Command {
	return &cli.Command{
		Name:      "quiz",
		Usage:     "generate a question bank from the notes",
		ArgsUsage: "[PATH...]",
		Description: "The extension of -o picks the format: .xlsx, .csv, .gift (Moodle GIFT), .xml (Moodle XML),\n" +
			".aiken.txt (Aiken), .anki.txt (Anki import), .kahoot.xlsx (Kahoot! template),\n" +
			".md (printable worksheet with answer key).\n\n" +
			"A bank tests each fact of the notes once; the other forms of a question on the same fact, and\n" +
			"questions whose four options another question already has, are variants: the xlsx lists them\n" +
			"on a sheet of their own, --variants puts them in the bank.\n\n" +
			"Question IDs. " + strings.ReplaceAll(quiz.IDRule, "\n", " "),
		Flags: append(append([]cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Value: filepath.Join("out", "questions.xlsx"), Usage: "question bank `FILE`"},
			fillerFlag(),
		}, quizFlags()...), commonFlags()...),
		Action: runQuiz,
	}
}

// runQuiz is the quiz command: generate the bank, write it, and say what
// the format could not hold.
func runQuiz(c *cli.Context) error {
	gcHeadroom() // a question bank: see there
	pc, err := quizConfig(c)
	if err != nil {
		return err
	}
	if _, err := emit.QuestionFormat(c.String("output")); err != nil {
		return cli.Exit(err.Error(), exitTrouble)
	}
	pc.Quiz, pc.FixKinds = true, fixKindsDefault
	// The bank takes what it needs of each note as it is done: the
	// run streams and keeps no note.
	pc.Each = func(*result.File, *note.Note) {}
	res, err := pipeline.Run(pc)
	if err != nil {
		return cli.Exit(err.Error(), exitTrouble)
	}
	trouble := reportErrors(c, res)
	warnings, err := pipeline.WriteBank(c.String("output"), res.Bank, pc.Progress, "writing the question bank")
	if err != nil {
		return cli.Exit(err.Error(), exitTrouble)
	}
	reportBank(c.App.ErrWriter, res, warnings, c.String("output"), c.Bool("quiet"))
	if trouble {
		return cli.Exit("", exitTrouble)
	}
	return nil
}

// reportBank tells what was written to output: the first few questions
// the format left out or shortened, the bank's notes and, unless quiet,
// the counts.
func reportBank(w io.Writer, res *pipeline.Result, warnings []emit.BankWarning, output string, quiet bool) {
	left, shortened := 0, 0
	for _, bw := range warnings {
		if bw.LeftOut {
			left++
		} else {
			shortened++
		}
	}
	for i, bw := range warnings {
		if i == 3 && len(warnings) > 4 {
			fmt.Fprintf(w, "itilint: ... and %d more\n", len(warnings)-3)
			break
		}
		fmt.Fprintln(w, "itilint:", bw)
	}
	for _, n := range res.Bank.Notes {
		fmt.Fprintln(w, "itilint:", n)
	}
	if quiet {
		return
	}
	written := len(res.Bank.Questions) - left
	fmt.Fprintf(w, "%s%s from %s written to %s\n", readPrefix(res), plural(written, "question", "questions"), plural(res.Summary().Notes, "note", "notes"), output)
	if shortened > 0 {
		fmt.Fprintf(w, "%s answers shortened to the rule pack's own wording to fit the format\n", plural(shortened, "question has its", "questions have their"))
	}
	if left > 0 {
		fmt.Fprintf(w, "itilint: left out %d of %s that do not fit the format (see above)\n", left, plural(len(res.Bank.Questions), "question", "questions"))
	}
	if n := len(res.Bank.Variants); n > 0 {
		fmt.Fprintf(w, "%s left out: they test a fact the bank tests already, or reuse its options (--variants keeps them)\n", plural(n, "variant", "variants"))
	}
}

// readPrefix starts a summary line with the input read by default, as
// run's does ("read source/: "), or is "" when the user named the paths.
func readPrefix(res *pipeline.Result) string {
	if res.Read == "" {
		return ""
	}
	return emit.ReadFrom(res.Read) + ": "
}

// needFixes is "2 of 5 notes need fixes": the noun agrees with the notes
// read, the verb with the notes that need fixes ("1 of 5 notes needs
// fixes").
func needFixes(changed, notes int) string {
	noun, verb := "notes", "need"
	if notes == 1 {
		noun = "note"
	}
	if changed == 1 || notes == 1 {
		verb = "needs"
	}
	return fmt.Sprintf("%d of %d %s %s fixes", changed, notes, noun, verb)
}
