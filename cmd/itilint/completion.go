package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/itilint/itilint/pipeline/emit"
	"github.com/itilint/itilint/pipeline/lint"
	"github.com/itilint/itilint/pipeline/migrate"
	"github.com/itilint/itilint/pipeline/pack"
)

// completionShells are the shells `itilint completion` writes scripts for.
var completionShells = []string{"bash", "zsh", "fish"}

// completionCommand writes a shell's completion script. The scripts are
// static, made from the app's own commands and flags when asked, so they
// complete exactly the flags this build has and run nothing while the user
// types.
func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print the shell completion script for bash, zsh or fish",
		ArgsUsage: "bash|zsh|fish",
		Description: "bash:  source <(itilint completion bash)       (in ~/.bashrc)\n" +
			"zsh:   itilint completion zsh > \"${fpath[1]}/_itilint\"\n" +
			"fish:  itilint completion fish > ~/.config/fish/completions/itilint.fish",
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return cli.Exit("usage: itilint completion bash|zsh|fish", exitTrouble)
			}
			spec := completionSpecOf(c.App)
			switch shell := c.Args().First(); shell {
			case "bash":
				writeBashCompletion(c.App.Writer, spec)
			case "zsh":
				writeZshCompletion(c.App.Writer, spec)
			case "fish":
				writeFishCompletion(c.App.Writer, spec)
			default:
				return cli.Exit(fmt.Sprintf("unknown shell %q (want %s)", shell, strings.Join(completionShells, ", ")), exitTrouble)
			}
			return nil
		},
	}
}

// A completionSpec is what the scripts complete: commands and their flags.
type completionSpec struct {
	commands []completionCommandSpec
}

type completionCommandSpec struct {
	name, usage string
	flags       []completionFlag
	args        []string // words the command takes as arguments; none: paths
}

type completionFlag struct {
	long, short string // without dashes; short may be ""
	usage       string
	value       bool     // takes a value
	choices     []string // the values it takes, when they are a fixed set
	file        bool     // its value is a file or folder
}

// flagChoices are the fixed sets of values of flags, by command and flag
// ("" for any command), from the lists the code itself checks against.
func flagChoices(command, flag string) []string {
	severities := []string{"error", "warning", "suggestion", "none"}
	switch {
	case command == "migrate" && flag == "format":
		return migrate.Formats
	case flag == "format":
		return emit.FindingFormats
	case flag == "fail-on":
		return severities
	case flag == "edition", flag == "to":
		return pack.Editions
	case flag == "types":
		return quizTypes
	}
	return nil
}

func completionSpecOf(app *cli.App) completionSpec {
	var spec completionSpec
	for _, cmd := range app.Commands {
		if cmd.Hidden {
			continue
		}
		cs := completionCommandSpec{name: cmd.Name, usage: cmd.Usage}
		switch cmd.Name {
		case "completion":
			cs.args = completionShells
		case "rules":
			cs.args = append([]string{"test"}, lint.IDs()...)
		}
		for _, f := range append(cmd.Flags, cli.HelpFlag) {
			names := f.Names()
			cf := completionFlag{long: names[0]}
			for _, n := range names[1:] {
				if len(n) == 1 {
					cf.short = n
				}
			}
			if d, ok := f.(cli.DocGenerationFlag); ok {
				cf.usage = strings.ReplaceAll(d.GetUsage(), "`", "") // urfave/cli's placeholder marks
				cf.value = d.TakesValue()
			}
			cf.choices = flagChoices(cmd.Name, cf.long)
			cf.file = cf.value && cf.choices == nil && isFileFlag(f)
			cs.flags = append(cs.flags, cf)
		}
		sort.Slice(cs.flags, func(i, j int) bool { return cs.flags[i].long < cs.flags[j].long })
		spec.commands = append(spec.commands, cs)
	}
	return spec
}

// isFileFlag reports whether a flag's value names a file or folder: its
// usage names FILE or DIR, as every such flag of ours does.
func isFileFlag(f cli.Flag) bool {
	d, ok := f.(cli.DocGenerationFlag)
	if !ok {
		return false
	}
	u := d.GetUsage()
	return strings.Contains(u, "FILE") || strings.Contains(u, "DIR")
}

func (spec completionSpec) commandNames() []string {
	var out []string
	for _, c := range spec.commands {
		out = append(out, c.name)
	}
	return out
}

func writeBashCompletion(w io.Writer, spec completionSpec) {
	fmt.Fprintf(w, `# bash completion for itilint. Load it with:  source <(itilint completion bash)
_itilint() {
	local cur prev cmd i
	cur="${COMP_WORDS[COMP_CWORD]}"
	prev="${COMP_WORDS[COMP_CWORD-1]}"
	cmd=""
	for ((i = 1; i < COMP_CWORD; i++)); do
		case "${COMP_WORDS[i]}" in
		-*) ;;
		*) cmd="${COMP_WORDS[i]}"; break ;;
		esac
	done
	if [[ -z "$cmd" ]]; then
		COMPREPLY=($(compgen -W %q -- "$cur"))
		return
	fi
	local flags="" words=""
	case "$cmd" in
`, strings.Join(spec.commandNames(), " ")+" --help -h --version -v")
	for _, c := range spec.commands {
		fmt.Fprintf(w, "\t%s)\n\t\tcase \"$prev\" in\n", c.name)
		var all []string
		for _, f := range c.flags {
			names := "--" + f.long
			all = append(all, "--"+f.long)
			if f.short != "" {
				names += "|-" + f.short
				all = append(all, "-"+f.short)
			}
			switch {
			case f.choices != nil:
				fmt.Fprintf(w, "\t\t%s) COMPREPLY=($(compgen -W %q -- \"$cur\")); return ;;\n", names, strings.Join(f.choices, " "))
			case f.file:
				fmt.Fprintf(w, "\t\t%s) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", names)
			case f.value:
				fmt.Fprintf(w, "\t\t%s) return ;;\n", names)
			}
		}
		fmt.Fprintf(w, "\t\tesac\n\t\tflags=%q\n", strings.Join(all, " "))
		if c.args != nil {
			fmt.Fprintf(w, "\t\twords=%q\n", strings.Join(c.args, " "))
		}
		fmt.Fprintf(w, "\t\t;;\n")
	}
	fmt.Fprint(w, `	esac
	if [[ "$cur" == -* ]]; then
		COMPREPLY=($(compgen -W "$flags" -- "$cur"))
	elif [[ -n "$words" ]]; then
		COMPREPLY=($(compgen -W "$words" -- "$cur"))
	fi
	# Nothing proposed: bash completes file names (complete -o default).
}
complete -o default -F _itilint itilint
`)
}

// zshQuote escapes a description for an _arguments spec inside single
// quotes: brackets and colons are special there.
func zshQuote(s string) string {
	return strings.NewReplacer("'", "'\\''", "[", "\\[", "]", "\\]", ":", "\\:").Replace(s)
}

func writeZshCompletion(w io.Writer, spec completionSpec) {
	fmt.Fprint(w, `#compdef itilint
# zsh completion for itilint. Install it with:
#   itilint completion zsh > "${fpath[1]}/_itilint"
_itilint() {
	local -a commands
	commands=(
`)
	for _, c := range spec.commands {
		fmt.Fprintf(w, "\t\t'%s:%s'\n", c.name, zshQuote(c.usage))
	}
	fmt.Fprint(w, `	)
	if (( CURRENT == 2 )); then
		_describe -t commands 'itilint command' commands
		_arguments '(- *)'{--version,-v}'[print the version]' '(- *)'{--help,-h}'[show help]'
		return
	fi
	local cmd=${words[2]}
	shift words
	(( CURRENT-- ))
	case $cmd in
`)
	for _, c := range spec.commands {
		fmt.Fprintf(w, "\t%s)\n\t\t_arguments -s \\\n", c.name)
		for _, f := range c.flags {
			action := ""
			switch {
			case f.choices != nil:
				action = ":value:(" + strings.Join(f.choices, " ") + ")"
			case f.file:
				action = ":file:_files"
			case f.value:
				action = ":value: "
			}
			desc := zshQuote(f.usage)
			if f.short != "" {
				fmt.Fprintf(w, "\t\t\t'(-%s --%s)'{-%s,--%s}'[%s]%s' \\\n", f.short, f.long, f.short, f.long, desc, action)
			} else {
				fmt.Fprintf(w, "\t\t\t'--%s[%s]%s' \\\n", f.long, desc, action)
			}
		}
		if c.args != nil {
			fmt.Fprintf(w, "\t\t\t'1:argument:(%s)'\n", strings.Join(c.args, " "))
		} else {
			fmt.Fprintf(w, "\t\t\t'*:path:_files'\n")
		}
		fmt.Fprintf(w, "\t\t;;\n")
	}
	fmt.Fprint(w, `	esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
	_itilint "$@"
else
	compdef _itilint itilint
fi
`)
}

// fishQuote quotes s for fish inside single quotes.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}

func writeFishCompletion(w io.Writer, spec completionSpec) {
	fmt.Fprintf(w, "# fish completion for itilint. Install it with:\n#   itilint completion fish > ~/.config/fish/completions/itilint.fish\ncomplete -c itilint -f\n")
	fmt.Fprintf(w, "complete -c itilint -n __fish_use_subcommand -s v -l version -d 'print the version'\n")
	fmt.Fprintf(w, "complete -c itilint -n __fish_use_subcommand -s h -l help -d 'show help'\n")
	for _, c := range spec.commands {
		fmt.Fprintf(w, "complete -c itilint -n __fish_use_subcommand -a %s -d %s\n", c.name, fishQuote(c.usage))
	}
	for _, c := range spec.commands {
		cond := "'__fish_seen_subcommand_from " + c.name + "'"
		if c.args != nil {
			fmt.Fprintf(w, "complete -c itilint -n %s -a %s\n", cond, fishQuote(strings.Join(c.args, " ")))
		} else {
			fmt.Fprintf(w, "complete -c itilint -n %s -F\n", cond)
		}
		for _, f := range c.flags {
			line := "complete -c itilint -n " + cond
			if f.short != "" {
				line += " -s " + f.short
			}
			line += " -l " + f.long
			switch {
			case f.choices != nil:
				line += " -x -a " + fishQuote(strings.Join(f.choices, " "))
			case f.file:
				line += " -r -F"
			case f.value:
				line += " -x"
			}
			fmt.Fprintf(w, "%s -d %s\n", line, fishQuote(f.usage))
		}
	}
}
