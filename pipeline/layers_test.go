package pipeline

import (
	"bufio"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// layers are the module's packages from the bottom up, by path inside the
// module. A package imports only packages of layers below its own, never
// one of its own layer or above: the data flows up (bytes and edits, a
// note, the vocabulary of rules and findings, what a run produces, the
// pack, the rules, the engine and the writers, the orchestrator, the
// command), and each layer can be read, tested and changed without the
// ones above it.
//
// A new package is placed here, in the lowest layer its imports allow.
var layers = [][]string{
	// bytes, edits and words; the embedded rule pack files; test trees
	{"pipeline/internal/bytescan", "pipeline/internal/growth", "pipeline/edit", "pipeline/clean/words", "rules", "pipeline/testcourse"},
	// a note: text, lines and block structure
	{"pipeline/note"},
	// the vocabulary of rules and findings (no pack: rule.Pack is an
	// interface that package pack implements);
	// transcripts read into notes
	{"pipeline/rule", "pipeline/transcript", "pipeline/clean/glitchgen"},
	// what a run produces (a File per input), baselines, reading inputs
	{"pipeline/result", "pipeline/baseline", "pipeline/load"},
	// writing files so that nothing is lost
	{"pipeline/safefile"},
	// the domain: the pack schema and its embedded packs
	{"pipeline/pack"},
	// what is read with the pack: the project config, the question bank
	{"pipeline/config", "pipeline/quiz"},
	// the rules
	{"pipeline/check", "pipeline/clean"},
	// the engine that runs the rules; the writers, which format results
	// and question banks and know nothing of how a run is carried out
	{"pipeline/lint", "pipeline/emit"},
	// the orchestrator: runs, sinks, layouts; a migration's sink and
	// report; the rules' test harness
	{"pipeline", "pipeline/migrate", "pipeline/internal/ruletest"},
	// the command and the tools that drive the orchestrator
	{"cmd/itilint", "scripts/measure/labels"},
	{"scripts/measure", "scripts/funclen"},
}

// apart are imports the layers would allow that a package must still not
// make, each with the reason.
var apart = map[[2]string]string{
	{"pipeline/emit", "pipeline/safefile"}: "emit formats to an io.Writer; the pipeline's sinks create and write the files",
}

// TestLayers holds the packages to the layers (and apart): no package imports one of
// its own layer or above (in its non-test files), and nothing imports a
// command.
func TestLayers(t *testing.T) {
	root := filepath.Join("..")
	module := modulePath(t, root)
	layerOf := map[string]int{}
	for i, l := range layers {
		for _, p := range l {
			layerOf[p] = i
		}
	}
	imports := moduleImports(t, root, module)
	if len(imports) < 10 {
		t.Fatalf("found %d packages under %s: is the test run from its folder?", len(imports), root)
	}
	for _, pkg := range slices.Sorted(maps.Keys(imports)) {
		files := imports[pkg]
		layer, known := layerOf[pkg]
		if !known {
			t.Errorf("package %s is in no layer: add it to layers in pipeline/layers_test.go", pkg)
			continue
		}
		for _, imp := range slices.Sorted(maps.Keys(files.code)) {
			file := files.code[imp]
			if l, ok := layerOf[imp]; ok && l >= layer {
				t.Errorf("%s imports %s (layer %d, not below %s's layer %d)", file, imp, l, pkg, layer)
			}
			if why, ok := apart[[2]string{pkg, imp}]; ok {
				t.Errorf("%s imports %s: %s", file, imp, why)
			}
		}
		for imp, file := range files.all {
			if imp == "cmd" || strings.HasPrefix(imp, "cmd/") {
				t.Errorf("%s imports the command %s", file, imp)
			}
		}
	}
}

// packageImports are a package's imports of the module's own packages
// (paths inside the module), each with a file that makes it.
type packageImports struct {
	code map[string]string // by non-test files
	all  map[string]string // by any file, tests included
}

// moduleImports reads the imports of every Go file under root (testdata
// folders left out), keyed by package path inside the module.
func moduleImports(t *testing.T, root, module string) map[string]packageImports {
	t.Helper()
	out := map[string]packageImports{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		pkg := filepath.ToSlash(rel)
		if pkg == "." {
			pkg = ""
		}
		pi, ok := out[pkg]
		if !ok {
			pi = packageImports{code: map[string]string{}, all: map[string]string{}}
			out[pkg] = pi
		}
		test := strings.HasSuffix(path, "_test.go")
		for _, spec := range f.Imports {
			imp, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				return err
			}
			inner, ok := strings.CutPrefix(imp, module+"/")
			if !ok {
				continue
			}
			pi.all[inner] = path
			if !test {
				pi.code[inner] = path
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// modulePath reads the module path from root's go.mod.
func modulePath(t *testing.T, root string) string {
	t.Helper()
	f, err := os.Open(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if m, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "module "); ok {
			return strings.TrimSpace(m)
		}
	}
	t.Fatal("go.mod names no module")
	return ""
}
