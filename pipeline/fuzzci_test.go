package pipeline

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var fuzzFuncRE = regexp.MustCompile(`(?m)^func (Fuzz\w+)\(\w+ \*testing\.F\)`)

// TestCIFuzzesEveryTarget: .ci/run gives every fuzz target of the module
// a short run (a line `go test -run XXX -fuzz '^FuzzX$' ... ./its/folder`),
// so a target added without one fails here rather than never running; and
// every corpus (testdata/fuzz/FuzzX) is named for a target of its package.
func TestCIFuzzesEveryTarget(t *testing.T) {
	root := filepath.Join("..")
	ci, err := os.ReadFile(filepath.Join(root, ".ci", "run"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(ci), "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "go test ") && strings.Contains(l, " -fuzz ") {
			lines = append(lines, l)
		}
	}
	found := 0
	targets := map[string]bool{} // folder/FuzzX
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		dir := "./" + filepath.ToSlash(filepath.Dir(strings.TrimPrefix(path, root+string(filepath.Separator))))
		for _, m := range fuzzFuncRE.FindAllStringSubmatch(string(src), -1) {
			found++
			targets[filepath.Join(filepath.Dir(path), m[1])] = true
			want := "-fuzz '^" + m[1] + "$'"
			ok := false
			for _, l := range lines {
				if strings.Contains(l, want) && strings.HasSuffix(strings.TrimSpace(l), " "+dir) {
					ok = true
				}
			}
			if !ok {
				t.Errorf("%s: %s has no short run in .ci/run (add: go test -run XXX %s -fuzztime \"$fuzztime\" -fuzzminimizetime 100x %s)", path, m[1], want, dir)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 10 {
		t.Fatalf("found %d fuzz targets under %s: is the test run from its folder?", found, root)
	}
	// A corpus is named for its target: one whose target was renamed or
	// removed would no longer run.
	corpora, err := filepath.Glob(filepath.Join(root, "*", "*", "testdata", "fuzz", "*"))
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob(filepath.Join(root, "*", "*", "*", "testdata", "fuzz", "*"))
	for _, c := range append(corpora, more...) {
		name := filepath.Base(c)
		pkg := filepath.Dir(filepath.Dir(filepath.Dir(c)))
		if !targets[filepath.Join(pkg, name)] {
			t.Errorf("%s: no fuzz target %s in %s", c, name, pkg)
		}
	}
}
