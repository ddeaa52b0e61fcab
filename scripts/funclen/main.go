// Command funclen lists the Go functions longer than a number of lines
// (80 by default), longest first, as gocyclo lists the complex ones:
//
//	go run ./scripts/funclen [-over 80] [DIR...]
//
// It reads every .go file under the folders given (the current one by
// default), tests included, and leaves out generated files (a "Code
// generated ... DO NOT EDIT." line). A function's length counts its lines
// from func to the closing brace, its doc comment not included. It exits
// 1 when it lists any.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

type long struct {
	lines int
	name  string
	pos   token.Position
}

func main() {
	over := flag.Int("over", 80, "list functions longer than this many lines")
	flag.Parse()
	dirs := flag.Args()
	if len(dirs) == 0 {
		dirs = []string{"."}
	}
	var found []long
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if name := d.Name(); path != dir && (strings.HasPrefix(name, ".") || name == "testdata" || name == "vendor") {
					return filepath.SkipDir
				}
				return nil
			}
			if !strings.HasSuffix(path, ".go") {
				return nil
			}
			fs, err := longFuncs(path, *over)
			found = append(found, fs...)
			return err
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "funclen:", err)
			os.Exit(2)
		}
	}
	slices.SortStableFunc(found, func(a, b long) int { return b.lines - a.lines })
	for _, f := range found {
		fmt.Printf("%d %s %s\n", f.lines, f.name, f.pos)
	}
	if len(found) > 0 {
		os.Exit(1)
	}
}

var generated = regexp.MustCompile(`^// Code generated .* DO NOT EDIT\.$`)

// longFuncs returns the functions of the file at path longer than over
// lines; none for a generated file.
func longFuncs(path string, over int) ([]long, error) {
	if gen, err := isGenerated(path); err != nil || gen {
		return nil, err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var out []long
	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || fn.Body == nil {
			continue
		}
		start, end := fset.Position(fn.Pos()), fset.Position(fn.End())
		if n := end.Line - start.Line + 1; n > over {
			out = append(out, long{n, f.Name.Name + " " + funcName(fn), start})
		}
	}
	return out, nil
}

// funcName is a function's name as gocyclo writes it: (*T).Name.
func funcName(fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return fn.Name.Name
	}
	t := fn.Recv.List[0].Type
	star := ""
	if s, ok := t.(*ast.StarExpr); ok {
		star, t = "*", s.X
	}
	if g, ok := t.(*ast.IndexExpr); ok {
		t = g.X
	}
	if g, ok := t.(*ast.IndexListExpr); ok {
		t = g.X
	}
	name := "?"
	if id, ok := t.(*ast.Ident); ok {
		name = id.Name
	}
	return "(" + star + name + ")." + fn.Name.Name
}

// isGenerated reports whether the file says it is generated, before its
// package clause.
func isGenerated(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if generated.MatchString(line) {
			return true, nil
		}
		if strings.HasPrefix(line, "package ") {
			return false, nil
		}
	}
	return false, sc.Err()
}
