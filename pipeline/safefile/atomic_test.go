package safefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
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
