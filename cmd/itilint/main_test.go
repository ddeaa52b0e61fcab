package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite golden files and the README rule table")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"itilint": func() { os.Exit(run(os.Args, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: each is a
// small course on disk and the commands a user or CI job would type.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Cmds: scriptCmds,
	})
}

// scriptCmds are the commands the scripts have beyond testscript's own.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	// todos FILE: rewrite FILE with a UTF-8 BOM and CRLF line
	// ends, as a Windows editor saves it (txtar holds only LF).
	"todos": func(ts *testscript.TestScript, neg bool, args []string) {
		for _, name := range args {
			data := ts.ReadFile(name)
			data = "\ufeff" + strings.ReplaceAll(data, "\n", "\r\n")
			ts.Check(os.WriteFile(ts.MkAbs(name), []byte(data), 0o644))
		}
	},
	// mkspecial fifo|socket|device PATH: a file that is not a
	// regular one, where a note would be.
	"mkspecial": func(ts *testscript.TestScript, neg bool, args []string) {
		if len(args) != 2 {
			ts.Fatalf("usage: mkspecial fifo|socket|device PATH")
		}
		ts.Check(makeSpecial(ts, args[0], ts.MkAbs(args[1])))
	},
	// nohang PROG ARGS...: exec, failing the script when the
	// command has not ended after a minute (a blocking open of a
	// named pipe never would). Its output goes to nohang.out and
	// nohang.err, for grep.
	"nohang": func(ts *testscript.TestScript, neg bool, args []string) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, args[0], args[1:]...)
		cmd.Dir = ts.MkAbs(".")
		cmd.Env = append(os.Environ(), "HOME="+ts.Getenv("HOME"), "TMPDIR="+ts.Getenv("TMPDIR"), "NO_COLOR=1")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		ts.Check(os.WriteFile(ts.MkAbs("nohang.out"), stdout.Bytes(), 0o644))
		ts.Check(os.WriteFile(ts.MkAbs("nohang.err"), stderr.Bytes(), 0o644))
		ts.Logf("[stderr]\n%s", stderr.Bytes())
		switch {
		case ctx.Err() != nil:
			ts.Fatalf("%s did not end within a minute", strings.Join(args, " "))
		case err != nil && !neg:
			ts.Fatalf("%s: %v", strings.Join(args, " "), err)
		case err == nil && neg:
			ts.Fatalf("%s: unexpected success", strings.Join(args, " "))
		}
	},
	// hardlink OLD NEW: a second name for a file.
	"hardlink": func(ts *testscript.TestScript, neg bool, args []string) {
		ts.Check(os.Link(ts.MkAbs(args[0]), ts.MkAbs(args[1])))
	},
	// samefile A B: A and B are one file (a hard link kept).
	"samefile": func(ts *testscript.TestScript, neg bool, args []string) {
		a, err := os.Stat(ts.MkAbs(args[0]))
		ts.Check(err)
		b, err := os.Stat(ts.MkAbs(args[1]))
		ts.Check(err)
		if os.SameFile(a, b) == neg {
			ts.Fatalf("%s and %s: same file %v", args[0], args[1], !neg)
		}
	},
	// islink PATH: PATH is a symbolic link.
	"islink": func(ts *testscript.TestScript, neg bool, args []string) {
		info, err := os.Lstat(ts.MkAbs(args[0]))
		ts.Check(err)
		if (info.Mode()&os.ModeSymlink != 0) == neg {
			ts.Fatalf("%s: mode %v", args[0], info.Mode())
		}
	},
	// perm PERM PATH: PATH has the permissions PERM (octal).
	"perm": func(ts *testscript.TestScript, neg bool, args []string) {
		want, err := strconv.ParseUint(args[0], 8, 32)
		ts.Check(err)
		info, err := os.Stat(ts.MkAbs(args[1]))
		ts.Check(err)
		if got := info.Mode().Perm(); (got == os.FileMode(want)) == neg {
			ts.Fatalf("%s: mode %04o, want %04o", args[1], got, want)
		}
	},
	// owner UID:GID PATH: chown PATH; owner -check UID:GID PATH:
	// PATH has that owner and group.
	"owner": func(ts *testscript.TestScript, neg bool, args []string) {
		check := len(args) == 3 && args[0] == "-check"
		if check {
			args = args[1:]
		}
		ts.Check(owner(ts, check, args[0], ts.MkAbs(args[1])))
	},
	// mode PERM PATH: chmod, to make an output folder unwritable.
	"chmod": func(ts *testscript.TestScript, neg bool, args []string) {
		perm, err := strconv.ParseUint(args[0], 8, 32)
		ts.Check(err)
		ts.Check(os.Chmod(ts.MkAbs(args[1]), os.FileMode(perm)))
	},
}
