package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

func writeNote(t *testing.T, path, text string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func readNote(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// onlyFiles fails when dir holds other files than names (a temporary file
// or a backup left behind).
func onlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(names) {
		var got []string
		for _, e := range entries {
			got = append(got, e.Name())
		}
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}

func TestRewriteThroughALink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.md")
	link := filepath.Join(dir, "link.md")
	writeNote(t, target, "old\n", 0o640)
	if err := os.Symlink("target.md", link); err != nil {
		t.Skip(err)
	}
	done, err := Rewrite(link, []byte("new\n"), RewriteOptions{})
	if err != nil || !done.Changed || done.InPlace {
		t.Fatalf("Rewrite = %+v, %v", done, err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is gone: %v %v", info, err)
	}
	if got := readNote(t, target); got != "new\n" {
		t.Errorf("target holds %q", got)
	}
	if info, _ := os.Stat(target); info.Mode().Perm() != 0o640 {
		t.Errorf("target mode %v, want 0640", info.Mode().Perm())
	}
	onlyFiles(t, dir, "link.md", "target.md")
}

func TestRewriteRefusesReadOnly(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "n.md")
	writeNote(t, p, "old\n", 0o444)
	_, err := Rewrite(p, []byte("new\n"), RewriteOptions{})
	var ro *ReadOnlyError
	if !errors.As(err, &ro) || ro.Path != p {
		t.Fatalf("err = %v, want a ReadOnlyError", err)
	}
	if got := readNote(t, p); got != "old\n" {
		t.Errorf("a refused file was written: %q", got)
	}
	done, err := Rewrite(p, []byte("new\n"), RewriteOptions{ReadOnly: true})
	if err != nil || !done.Changed {
		t.Fatalf("with ReadOnly: %+v, %v", done, err)
	}
	if info, _ := os.Stat(p); info.Mode().Perm() != 0o444 || readNote(t, p) != "new\n" {
		t.Errorf("mode %v content %q, want 0444 and the new content", info.Mode().Perm(), readNote(t, p))
	}
	onlyFiles(t, dir, "n.md")
}

func TestRewriteUnchangedIsNotTouched(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "n.md")
	writeNote(t, p, "same\n", 0o644)
	past := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	os.Chtimes(p, past, past)
	if done, err := Rewrite(p, []byte("same\n"), RewriteOptions{}); err != nil || done.Changed {
		t.Fatalf("Rewrite = %+v, %v", done, err)
	}
	if info, _ := os.Stat(p); !info.ModTime().Equal(past) {
		t.Errorf("touched: mtime %v", info.ModTime())
	}
}

// TestRewriteHardLinks: a file with two names is written through itself,
// so both names see the new content and stay one file; no backup is left.
func TestRewriteHardLinks(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	writeNote(t, a, "old content, longer than the new\n", 0o644)
	if err := os.Link(a, b); err != nil {
		t.Skip(err)
	}
	done, err := Rewrite(a, []byte("new\n"), RewriteOptions{})
	if err != nil || !done.Changed || !done.InPlace || done.Why == "" {
		t.Fatalf("Rewrite = %+v, %v", done, err)
	}
	if got := readNote(t, b); got != "new\n" {
		t.Errorf("the other name holds %q", got)
	}
	ia, _ := os.Stat(a)
	ib, _ := os.Stat(b)
	if !os.SameFile(ia, ib) {
		t.Errorf("the hard link was split")
	}
	onlyFiles(t, dir, "a.md", "b.md")

	// A backup left by an interrupted rewrite stops the next one, which
	// changes nothing.
	backup := filepath.Join(dir, ".a.md"+BackupSuffix)
	writeNote(t, backup, "new\n", 0o600)
	if _, err := Rewrite(a, []byte("newer\n"), RewriteOptions{}); err == nil {
		t.Errorf("rewrote with a backup there")
	}
	if got := readNote(t, a); got != "new\n" || readNote(t, backup) != "new\n" {
		t.Errorf("file %q backup %q, want both untouched", got, readNote(t, backup))
	}
}

func TestTempNames(t *testing.T) {
	for name, want := range map[string]int{
		".n.md.itilint-123-456.tmp":      123,
		".a.b.md.itilint-7-0.tmp":        7,
		".n.md.itilint-x-456.tmp":        0,
		".n.md.itilint-123-.tmp":         0,
		".n.md.tmp123":                   0,
		"n.md.itilint-123-456.tmp":       0,
		".itilint-123-456.tmp":           0,
		".n.md.itilint-123-456.tmp.keep": 0,
	} {
		pid, ok := tempPID(name)
		if ok != (want != 0) || pid != want {
			t.Errorf("tempPID(%q) = %d, %v; want %d", name, pid, ok, want)
		}
	}
	f, err := createTemp(filepath.Join(t.TempDir(), "n.md"))
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if pid, ok := tempPID(filepath.Base(f.Name())); !ok || pid != os.Getpid() {
		t.Errorf("createTemp made %s, not one of ours", f.Name())
	}
}

// TestSweepRemovesOnlyStaleTemporaries: the temporary files of a run that
// is gone, or of any run an hour ago, are removed; this process's, a
// running process's recent one and files of other names stay.
func TestSweepRemovesOnlyStaleTemporaries(t *testing.T) {
	dir := t.TempDir()
	now := time.Now()
	gone := ".n.md.itilint-" + strconv.Itoa(deadPID(t)) + "-1.tmp"
	mine := ".n.md.itilint-" + strconv.Itoa(os.Getpid()) + "-2.tmp"
	running := ".n.md.itilint-" + strconv.Itoa(os.Getppid()) + "-3.tmp"
	old := ".m.md.itilint-" + strconv.Itoa(os.Getppid()) + "-4.tmp"
	for _, name := range []string{gone, mine, running, old, "n.md", ".n.md.tmp123", "n.md.itilint-1-1.tmp"} {
		writeNote(t, filepath.Join(dir, name), "x", 0o600)
	}
	past := now.Add(-2 * staleAfter)
	os.Chtimes(filepath.Join(dir, old), past, past)
	sweep(dir, now)
	onlyFiles(t, dir, mine, running, "n.md", ".n.md.tmp123", "n.md.itilint-1-1.tmp")
}
