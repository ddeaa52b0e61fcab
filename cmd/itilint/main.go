// Command itilint cleans, checks and quizzes ITIL 4 course notes. It turns
// flags into a pipeline.Config, calls the pipeline and writes what it
// returns; the work itself lives in package pipeline and below.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"runtime/pprof"
	"slices"

	"github.com/urfave/cli/v2"
)

// version is set at release time with -ldflags "-X main.version=...";
// fullVersion adds the commit.
var version = devVersion

// Exit codes of the command-line contract (docs/cli.md).
const (
	exitOK       = 0
	exitFindings = 1
	exitTrouble  = 2
)

func main() {
	// A run's live heap is small (the pack, the word list and the notes in
	// flight) but it allocates several times the size of the notes, so at
	// Go's default the collector runs every few megabytes. A larger goal
	// means fewer collections but more fresh pages, and each page's first
	// touch is a page fault. The commands that read notes retune it by the
	// heap left live (gcCheckHeaps, gcHeadroom). GOGC in the environment
	// decides.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	// ITILINT_CPUPROFILE=FILE writes a CPU profile of the whole process,
	// start-up included, for `go tool pprof` (the benchmarks cover the
	// pipeline alone).
	if path := os.Getenv("ITILINT_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil && pprof.StartCPUProfile(f) == nil {
			code := run(os.Args, os.Stdout, os.Stderr)
			pprof.StopCPUProfile()
			f.Close()
			os.Exit(code)
		}
	}
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}

// run is main without the process: testscript and tests call it.
func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	// `itilint help [COMMAND]` is --help, as git and go have it.
	if len(args) >= 2 && args[1] == "help" {
		args = append(append([]string{args[0]}, args[2:]...), "--help")
	}
	err := app.Run(flagsFirst(app, args))
	if err == nil {
		return exitOK
	}
	var ec cli.ExitCoder
	if errors.As(err, &ec) {
		if msg := err.Error(); msg != "" {
			fmt.Fprintln(stderr, "itilint:", msg)
		}
		return ec.ExitCode()
	}
	// Anything else is a usage problem (unknown flag, bad value).
	fmt.Fprintln(stderr, "itilint:", err)
	return exitTrouble
}

func newApp(stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:  "itilint",
		Usage: "clean, check and quiz ITIL 4 course notes",
		Description: "itilint reads the raw notes of an ITIL 4 course (Markdown, plain text, WebVTT and SubRip\n" +
			"transcripts), repairs their formatting glitches, checks them against the ITIL 4 rule pack\n" +
			"and generates exam-style question banks.\n\n" +
			"PATH is a note, a folder, a quoted glob pattern ('notes/**/*.md') or - for standard input.\n" +
			"With no PATH, the input is ./source if it exists, the current folder otherwise. A folder's\n" +
			"walk leaves out hidden files, node_modules, what git ignores and folders itilint wrote.\n\n" +
			"Exit codes: 0 success; 1 findings at or above --fail-on (check) or files to change\n" +
			"(fix --check); 2 usage error, bad config or rule pack, unreadable input or unwritable output.",
		Version:         fullVersion(),
		Writer:          stdout,
		ErrWriter:       stderr,
		HideHelpCommand: true,
		Commands: []*cli.Command{
			runCommand(),
			checkCommand(),
			fixCommand(),
			quizCommand(),
			rulesCommand(),
			migrateCommand(),
			completionCommand(),
		},
		ExitErrHandler: func(*cli.Context, error) {}, // run() prints and picks the code
		CommandNotFound: func(c *cli.Context, name string) {
			fmt.Fprintf(c.App.ErrWriter, "itilint: unknown command %q (see itilint --help)\n", name)
			os.Exit(exitTrouble)
		},
		OnUsageError: usageError,
	}
	// Each command's own, or the library prints its whole help after
	// the error.
	for _, cmd := range app.Commands {
		cmd.OnUsageError = usageError
	}
	return app
}

// usageError is one line: what was wrong and where to read more.
func usageError(c *cli.Context, err error, _ bool) error {
	var flags []cli.Flag
	if c.Command != nil {
		flags = c.Command.Flags
	}
	msg := usageMessage(err.Error(), flags)
	help := "itilint --help"
	if c.Command != nil && c.Command.Name != "" && c.Command.Name != c.App.Name {
		help = "itilint " + c.Command.Name + " --help"
		msg = c.Command.Name + ": " + msg
	}
	return cli.Exit(fmt.Sprintf("%s (see %s)", msg, help), exitTrouble)
}

// The flag package's errors that usageMessage rewrites.
var (
	invalidValue = regexp.MustCompile(`^invalid (?:boolean )?value ("(?:[^"\\]|\\.)*") for (?:flag )?-+([^:]+): (.*)$`)
	noValue      = regexp.MustCompile(`^flag needs an argument: -+(.+)$`)
	notDefined   = regexp.MustCompile(`^flag provided but not defined: -+(.+)$`)
)

// usageMessage says what the flag package's error msg says in the words
// of the other messages, each flag written as it is typed (--seed, -f;
// the package writes -seed); flags are the command's, to name what a
// value should have been.
func usageMessage(msg string, flags []cli.Flag) string {
	if m := notDefined.FindStringSubmatch(msg); m != nil {
		return "unknown flag " + dashed(m[1])
	}
	if m := noValue.FindStringSubmatch(msg); m != nil {
		return dashed(m[1]) + " needs a value"
	}
	m := invalidValue.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	value, name, why := m[1], m[2], m[3]
	if why == "value out of range" {
		return fmt.Sprintf("%s: %s is out of range", dashed(name), value)
	}
	for _, f := range flags {
		if !slices.Contains(f.Names(), name) {
			continue
		}
		switch f.(type) {
		case *cli.IntFlag, *cli.Int64Flag, *cli.UintFlag, *cli.Uint64Flag:
			if why == "parse error" {
				return fmt.Sprintf("%s: %s is not a whole number", dashed(name), value)
			}
		case *cli.BoolFlag:
			return fmt.Sprintf("%s: %s is not true or false", dashed(name), value)
		}
	}
	return fmt.Sprintf("%s: invalid value %s (%s)", dashed(name), value, why)
}

// dashed is a flag's name as it is typed: -f, --seed.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}
