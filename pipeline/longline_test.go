package pipeline

import (
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/itilint/itilint/pipeline/emit"
	growthtest "github.com/itilint/itilint/pipeline/internal/growth" // nesting_test.go has a func growth
	"github.com/itilint/itilint/pipeline/lint"
)

// longLine is a note of one line of n bytes, unit repeated.
func longLine(unit string, n int) string {
	return "# Title\n\n" + strings.Repeat(unit, n/len(unit)+1)[:n] + "\n"
}

// TestLongLinesGrowLinearly: a note of one long line with a finding every
// few words takes at most growth.Limit times as long at four times its
// size (linear work makes it about 4, quadratic 16), for what check
// (JSON and text), run and quiz do with it. Each finding's position was
// counted from the start of its line, and the fixes' bookkeeping,
// doubled-word and the quiz's word before a match read the line from its
// start: on a line of 2 MB, minutes (issue 16).
func TestLongLinesGrowLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	constructs := []struct{ name, unit string }{
		{"doubled words", "the the, "},     // doubled-word, with a fix
		{"misspelt names", "Itil v4 and "}, // itil-name, with a fix; a name the quiz matches
	}
	dir := t.TempDir()
	check := func(format string) func(src string) {
		return func(src string) {
			fw, err := emit.NewFindingWriter(io.Discard, format, lint.Rules())
			if err != nil {
				t.Fatal(err)
			}
			sink := &CheckSink{Report: fw}
			runLong(t, src, Config{Check: true, Each: sink.Each})
			if err := fw.Close(); err != nil {
				t.Fatal(err)
			}
		}
	}
	commands := []struct {
		name string
		run  func(src string)
	}{
		{"check json", check("json")},
		{"check text", check("text")},
		{"run", func(src string) {
			sink, err := NewRunSink(filepath.Join(dir, "run"))
			if err != nil {
				t.Fatal(err)
			}
			defer sink.Close()
			cfg := Config{Check: true, Quiz: true, FixKinds: cleaning}
			sink.Attach(&cfg)
			res := runLong(t, src, cfg)
			if errs := sink.Finish(res, nil); len(errs) > 0 {
				t.Fatal(errs)
			}
		}},
		{"quiz", func(src string) {
			res := runLong(t, src, Config{Quiz: true, FixKinds: cleaning})
			if _, err := WriteBank(filepath.Join(dir, "bank.csv"), res.Bank, nil, ""); err != nil {
				t.Fatal(err)
			}
		}},
	}
	const n = 16 << 10
	for _, c := range constructs {
		small, large := longLine(c.unit, n), longLine(c.unit, 4*n)
		for _, cmd := range commands {
			t.Run(c.name+"/"+cmd.name, func(t *testing.T) {
				growthtest.Check(t, cmd.name+" on a line of "+strconv.Itoa(4*n)+" bytes (against "+strconv.Itoa(n)+")",
					func() { cmd.run(small) }, func() { cmd.run(large) })
			})
		}
	}
}

// runLong runs cfg over src, read from standard input as long.md.
func runLong(t *testing.T, src string, cfg Config) *Result {
	cfg.Paths, cfg.Stdin, cfg.StdinName, cfg.Workers = []string{"-"}, strings.NewReader(src), "long.md", 1
	res, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	return res
}
