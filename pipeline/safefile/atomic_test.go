package safefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

func TestWriteBytesKeepsModeAndSkipsUnchanged(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "note.md")
	if err := os.WriteFile(p, []byte("old\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	past := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	os.Chtimes(p, past, past)

	// Same content: not written, mtime kept.
	changed, err := WriteBytes(p, []byte("old\n"))
	if err != nil || changed {
		t.Fatalf("changed=%v err=%v", changed, err)
	}
	if info, _ := os.Stat(p); !info.ModTime().Equal(past) {
		t.Errorf("unchanged file touched: mtime %v", info.ModTime())
	}

	// New content: written, mode kept, no temporary file left.
	changed, err = WriteBytes(p, []byte("new\n"))
	if err != nil || !changed {
		t.Fatalf("changed=%v err=%v", changed, err)
	}
	info, _ := os.Stat(p)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	if data, _ := os.ReadFile(p); string(data) != "new\n" {
		t.Errorf("content %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left files behind: %v", entries)
	}
}

func TestWriteFileFailureLeavesOldContent(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "report.txt")
	os.WriteFile(p, []byte("complete old report\n"), 0o644)
	_, err := WriteFile(p, func(w io.Writer) error {
		io.WriteString(w, "half a rep")
		return errors.New("disk on fire")
	})
	if err == nil {
		t.Fatal("want the writer's error")
	}
	if data, _ := os.ReadFile(p); string(data) != "complete old report\n" {
		t.Errorf("partial overwrite: %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left files behind: %v", entries)
	}
}

func TestWriteBytesIntoFolderPath(t *testing.T) {
	dir := t.TempDir()
	if _, err := WriteBytes(dir, []byte("x")); err == nil {
		t.Error("writing over a folder must fail")
	}
}

// TestWriteBytesSweepsFoldersItFinds: a write into a folder that was there
// removes the leftovers of a run that is gone, as the first write of this
// process there (folders are made and swept once a process, not once a
// file); a folder removed after a write is made again by the next one.
func TestWriteBytesSweepsFoldersItFinds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "found")
	gone := ".a.md.itilint-" + strconv.Itoa(deadPID(t)) + "-1.tmp"
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeNote(t, filepath.Join(dir, gone), "half", 0o600)
	if _, err := WriteBytes(filepath.Join(dir, "a.md"), []byte("a\n")); err != nil {
		t.Fatal(err)
	}
	onlyFiles(t, dir, "a.md")

	made := filepath.Join(t.TempDir(), "made", "deep")
	for _, name := range []string{"b.md", "c.md"} {
		if _, err := WriteBytes(filepath.Join(made, name), []byte(name)); err != nil {
			t.Fatal(err)
		}
	}
	onlyFiles(t, made, "b.md", "c.md")
	if err := os.RemoveAll(filepath.Dir(made)); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteBytes(filepath.Join(made, "d.md"), []byte("d")); err != nil {
		t.Fatalf("a folder removed since the last write: %v", err)
	}
	a, err := CreateAtomic(filepath.Join(made, "e.md"))
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(a, "e")
	if _, err := a.Commit(); err != nil {
		t.Fatal(err)
	}
	onlyFiles(t, made, "d.md", "e.md")
}

// TestRenameOverFolderFails: rename alone refuses to put a file
// over a folder that appeared after the writer looked.
func TestRenameOverFolderFails(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	writeNote(t, src, "x", 0o644)
	dst := filepath.Join(dir, "dst")
	if err := os.Mkdir(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := rename(src, dst); err == nil {
		t.Fatal("a file renamed over a folder")
	}
	if info, err := os.Stat(dst); err != nil || !info.IsDir() {
		t.Errorf("the folder is gone: %v", err)
	}
}
