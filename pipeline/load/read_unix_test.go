//go:build unix

package load

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestReadFileMatchesOS holds the system-call reader to os.ReadFile: the
// same bytes for files of every shape of size, and for a file whose size
// fstat does not give (a /proc file reports 0 and holds more).
func TestReadFileMatchesOS(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, size := range []int{0, 1, 511, 4095, 4096, 4097, 65536, 200001} {
		p := filepath.Join(dir, string(rune('a'+len(paths)))+".md")
		if err := os.WriteFile(p, bytes.Repeat([]byte("ab\n"), size)[:size], 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	if _, err := os.Stat("/proc/self/status"); err == nil {
		paths = append(paths, "/proc/self/status")
	}
	for _, p := range paths {
		got, err := readFile(p, 1<<30)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		want, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if p == "/proc/self/status" {
			if len(got) == 0 {
				t.Errorf("%s: read nothing, want its text", p)
			}
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: read %d bytes, os.ReadFile %d", p, len(got), len(want))
		}
	}
	if _, err := readFile(paths[7], 10); err == nil {
		t.Errorf("%s: a file over the limit was read", paths[7])
	}
}
