//go:build unix

package pack

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A pack file is read only when it is a regular file: a FIFO named like
// one would block the read for ever.
func TestReadYAMLFileFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "p.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadYAMLFile(fifo, MaxYAMLSize); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("FIFO: %v", err)
	}
	if _, err := Load(os.DirFS(dir), "pack"); err == nil || !strings.Contains(err.Error(), "pack/p.yaml: not a regular file") {
		t.Errorf("FIFO in a pack folder: %v", err)
	}
}
