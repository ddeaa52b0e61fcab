package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// flagsFirst returns args (the program's name, then what the user typed)
// with the flags of the command moved in front of its paths, so that
// `itilint check notes --fail-on none` means what it does with Vale,
// markdownlint or eslint. urfave/cli v2 stops reading flags at the first
// argument that is not one, and has no option to go on.
//
// The command is the first argument that does not start with "-"; its
// flag definitions say which flags take the next argument as their value.
// Everything after "--" stays an argument, in place after the flags, and
// "-" (standard input) is an argument too. Arguments of an unknown command
// are left as they are.
func flagsFirst(app *cli.App, args []string) []string {
	i := 1
	for i < len(args) && strings.HasPrefix(args[i], "-") {
		i++
	}
	if i >= len(args) {
		return args
	}
	cmd := app.Command(args[i])
	if cmd == nil {
		return args
	}
	takesValue := valueFlags(cmd.Flags)
	out := append([]string(nil), args[:i+1]...)
	return append(out, reorderFlags(args[i+1:], takesValue)...)
}

// valueFlags returns whether each name (and alias) of flags takes a value
// in the next argument.
func valueFlags(flags []cli.Flag) map[string]bool {
	takes := map[string]bool{}
	for _, f := range flags {
		doc, ok := f.(cli.DocGenerationFlag)
		if !ok {
			continue
		}
		for _, name := range f.Names() {
			takes[name] = doc.TakesValue()
		}
	}
	return takes
}

// reorderFlags moves the flags of args (with their values) in front of the
// other arguments, keeping the order of each. A flag is "-name" or
// "--name", with its value after "=" or, when takesValue says it has one,
// in the next argument. After "--" every argument is a path: "--" and those
// follow the flags, after the paths met before it, which start with no "-"
// and so read the same after "--".
func reorderFlags(args []string, takesValue map[string]bool) []string {
	var flags, paths []string
	dashes := false
	for j := 0; j < len(args); j++ {
		a := args[j]
		if a == "--" {
			paths = append(paths, args[j+1:]...)
			dashes = true
			break
		}
		if len(a) < 2 || a[0] != '-' {
			paths = append(paths, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimPrefix(a[1:], "-")
		if strings.Contains(name, "=") {
			continue
		}
		if takesValue[name] {
			if j+1 == len(args) {
				// The value is missing: the flag goes last, so that the
				// parser says so rather than take a path for its value.
				return flags
			}
			flags = append(flags, args[j+1])
			j++
		}
	}
	out := make([]string, 0, len(args))
	out = append(out, flags...)
	if dashes {
		out = append(out, "--")
	}
	return append(out, paths...)
}
