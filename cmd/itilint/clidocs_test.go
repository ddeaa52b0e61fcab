package main

import (
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// commonFlagsHeading starts the section of docs/cli.md for the flags that
// every command takes.
const commonFlagsHeading = "## Flags every command takes"

// TestCLIDocs keeps docs/cli.md, the command-line reference, current:
// every command has a section ("### `itilint NAME"), every flag of a
// command is named in its section or among the flags every command takes,
// and every flag the page names is a flag of some command. A new flag
// fails this test until the page says what it does.
func TestCLIDocs(t *testing.T) {
	data, err := os.ReadFile("../../docs/cli.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	common := section(doc, commonFlagsHeading)
	if common == "" {
		t.Fatalf("docs/cli.md lacks the section %q", commonFlagsHeading)
	}
	app := newApp(io.Discard, io.Discard)
	known := map[string]bool{}
	for _, f := range app.Flags {
		for _, name := range f.Names() {
			known[flagText(name)] = true
		}
	}
	for _, name := range []string{"help", "h", "version", "v"} {
		known[flagText(name)] = true // urfave/cli adds these to the app
	}
	for _, cmd := range app.Commands {
		own := section(doc, "### `itilint "+cmd.Name)
		if own == "" {
			t.Errorf("docs/cli.md has no section \"### `itilint %s ...`\"", cmd.Name)
			continue
		}
		for _, f := range append(cmd.Flags, cli.HelpFlag) {
			for _, name := range f.Names() {
				text := flagText(name)
				known[text] = true
				if !mentions(own, text) && !mentions(common, text) {
					t.Errorf("docs/cli.md does not document %s of itilint %s (in its section or under %q)", text, cmd.Name, commonFlagsHeading)
				}
			}
		}
	}
	var unknown []string
	for _, m := range flagRE.FindAllStringSubmatch(doc, -1) {
		if !known[m[1]] {
			unknown = append(unknown, m[1])
		}
	}
	sort.Strings(unknown)
	if len(unknown) > 0 {
		t.Errorf("docs/cli.md names flags that no command has: %s", strings.Join(unknown, ", "))
	}
}

// flagRE finds a flag written in docs/cli.md: a long or short name in code
// spans or in code blocks, after a space, backquote or bracket.
var flagRE = regexp.MustCompile("(?:^|[\\s`\\[(])(--?[a-z][a-z-]*)\\b")

// flagText is a flag name as a user types it: "--out", "-o".
func flagText(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// mentions reports whether text names flag as a whole word.
func mentions(text, flag string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], flag)
		if j < 0 {
			return false
		}
		end := i + j + len(flag)
		if end == len(text) || !isFlagByte(text[end]) {
			return true
		}
		i = end
	}
}

func isFlagByte(c byte) bool { return c == '-' || 'a' <= c && c <= 'z' }

// section returns the part of doc from the line that starts with heading to
// the next heading of the same or a higher level, or "" when there is none.
func section(doc, heading string) string {
	i := strings.Index(doc, "\n"+heading)
	if i < 0 {
		return ""
	}
	rest := doc[i+1:]
	level := strings.Index(heading, " ") // the number of #s
	for j := strings.Index(rest, "\n#"); j >= 0; {
		line := rest[j+1:]
		hashes := len(line) - len(strings.TrimLeft(line, "#"))
		if hashes <= level {
			return rest[:j]
		}
		next := strings.Index(rest[j+1:], "\n#")
		if next < 0 {
			break
		}
		j += 1 + next
	}
	return rest
}
