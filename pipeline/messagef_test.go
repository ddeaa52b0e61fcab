package pipeline

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// messageFormatters are rule.Messagef and the functions that hand their
// format on to it, each with the index of its format argument. They take
// strings, not ...any, so go vet's printf check does not see their calls.
var messageFormatters = map[string]int{
	"Messagef":       0,
	"AppendMessagef": 1,
	"msgf":           0, // package check's, into its string arena
}

// TestMessagefCalls does for rule.Messagef what go vet does for
// fmt.Sprintf: in every call with a literal format, each verb is %s or
// %q (the arguments are strings) and there are as many verbs as
// arguments. A mistake would not panic (Messagef hands it to fmt) but
// would put "%!d(string=...)" or "%!s(MISSING)" in a finding.
func TestMessagefCalls(t *testing.T) {
	root := ".."
	fset := token.NewFileSet()
	calls := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (name == "testdata" || strings.HasPrefix(name, ".") || name == "out") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			at, ok := messageFormatters[calleeName(call.Fun)]
			if !ok || len(call.Args) <= at || call.Ellipsis.IsValid() {
				return true
			}
			lit, ok := call.Args[at].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true // a format chosen at run time: the fuzz test holds Messagef to fmt
			}
			format, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Errorf("%s: %v", fset.Position(lit.Pos()), err)
				return true
			}
			calls++
			verbs, bad := formatVerbs(format)
			if bad != "" {
				t.Errorf("%s: format %q has verb %%%s; the arguments are strings (%%s or %%q)", fset.Position(lit.Pos()), format, bad)
			}
			if args := len(call.Args) - at - 1; verbs != args {
				t.Errorf("%s: format %q has %d verbs for %d arguments", fset.Position(lit.Pos()), format, verbs, args)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls < 10 {
		t.Fatalf("found %d calls with a literal format: is the test run from its folder?", calls)
	}
}

// calleeName is the name a call is made by: f for f(...), x.f(...) and
// pkg.f(...).
func calleeName(fun ast.Expr) string {
	switch fun := fun.(type) {
	case *ast.Ident:
		return fun.Name
	case *ast.SelectorExpr:
		return fun.Sel.Name
	}
	return ""
}

// formatVerbs counts the verbs of a format (%% is none) and returns the
// first that is not s or q, flags and width skipped.
func formatVerbs(format string) (verbs int, bad string) {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i == len(format) {
			return verbs, "(none at the end)"
		}
		switch c := format[i]; c {
		case '%':
		case 's', 'q':
			verbs++
		default:
			verbs++
			if bad == "" {
				bad = string(c)
			}
		}
	}
	return verbs, bad
}
