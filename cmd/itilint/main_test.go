package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

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
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// todos FILE: rewrite FILE with a UTF-8 BOM and CRLF line
			// ends, as a Windows editor saves it (txtar holds only LF).
			"todos": func(ts *testscript.TestScript, neg bool, args []string) {
				for _, name := range args {
					data := ts.ReadFile(name)
					data = "\ufeff" + strings.ReplaceAll(data, "\n", "\r\n")
					ts.Check(os.WriteFile(ts.MkAbs(name), []byte(data), 0o644))
				}
			},
			// mode PERM PATH: chmod, to make an output folder unwritable.
			"chmod": func(ts *testscript.TestScript, neg bool, args []string) {
				perm, err := strconv.ParseUint(args[0], 8, 32)
				ts.Check(err)
				ts.Check(os.Chmod(ts.MkAbs(args[1]), os.FileMode(perm)))
			},
		},
	})
}
