package pipeline

import (
	"os"
	"path/filepath"
	"testing"
)

// plainResolve is resolve as it was written first, asking
// filepath.EvalSymlinks of every path: the reference for resolver.
func plainResolve(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	var rest []string
	for p := abs; ; {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(append([]string{real}, rest...)...)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return abs
		}
		rest = append([]string{filepath.Base(p)}, rest...)
		p = parent
	}
}

// TestResolverMatchesEvalSymlinks compares the remembering resolver with
// plainResolve on a tree with links to folders and files, a dangling link,
// a link to a link and paths that do not exist, asked in several orders.
func TestResolverMatchesEvalSymlinks(t *testing.T) {
	dir := t.TempDir()
	mk := func(p string) {
		if err := os.MkdirAll(filepath.Join(dir, p), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p string) {
		if err := os.WriteFile(filepath.Join(dir, p), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, p string) {
		if err := os.Symlink(target, filepath.Join(dir, p)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	mk("notes/a")
	mk("out")
	write("notes/a/n.md")
	write("notes/b.md")
	link("notes", "course")              // a folder link, relative
	link(filepath.Join(dir, "out"), "o") // a folder link, absolute
	link("a/n.md", "notes/n-link.md")    // a file link
	link("missing", "notes/dangling.md") // a dangling link
	link("course", "course2")            // a link to a link
	paths := []string{
		"notes/a/n.md", "notes/b.md", "course/a/n.md", "course/b.md", "course2/a/n.md",
		"notes/n-link.md", "course/n-link.md", "notes/dangling.md", "notes/dangling.md/x",
		"o/clean/a/n.md", "o", "out/clean/b.md", "notes/b.md/below", "nothing/here.md",
		"course", "course2/a", "notes/a",
	}
	for _, order := range [][]string{paths, reversed(paths)} {
		r := newResolver()
		for _, p := range order {
			p = filepath.Join(dir, p)
			if got, want := r.resolve(p), plainResolve(p); got != want {
				t.Errorf("resolve(%s) = %s, want %s", p, got, want)
			}
		}
	}
}

func reversed(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[len(s)-1-i] = x
	}
	return out
}

// TestResolverAbsMatchesFilepathAbs: the working folder asked once gives
// what filepath.Abs gives.
func TestResolverAbsMatchesFilepathAbs(t *testing.T) {
	r := newResolver()
	for _, p := range []string{"", ".", "..", "a", "./b/../c", "../x/y.md", "d//e/", filepath.Join(t.TempDir(), "f")} {
		got, err := r.abs(p)
		want, werr := filepath.Abs(p)
		if got != want || (err == nil) != (werr == nil) {
			t.Errorf("abs(%q) = %q, %v; filepath.Abs gives %q, %v", p, got, err, want, werr)
		}
	}
}
