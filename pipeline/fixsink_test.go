package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/result"
)

// TestFixSink: each mode does its one thing with a changed and an
// unchanged note, and counts what changed and what was written.
func TestFixSink(t *testing.T) {
	dir := t.TempDir()
	files := func() []*result.File {
		var fs []*result.File
		for _, name := range []string{"a.md", "b.md"} {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, []byte("old\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			fs = append(fs, &result.File{Path: path, Out: filepath.Join(dir, "out", name), Note: note.New(path, []byte("old\n"))})
		}
		return fs
	}
	cleaned := []*note.Note{note.New("a.md", []byte("new\n")), note.New("b.md", []byte("old\n"))}
	for _, tt := range []struct {
		mode       FixMode
		out        string
		written    int
		disk, copy string // a.md's text on disk and its copy under out ("" for none)
	}{
		{FixToOut, "", 2, "old\n", "new\n"},
		{FixInPlace, "", 1, "new\n", ""},
		{FixDiff, "--- a", 0, "old\n", ""},
		{FixCheck, filepath.Join(dir, "a.md") + ": would change (0 fixes)\n", 0, "old\n", ""},
	} {
		os.RemoveAll(filepath.Join(dir, "out"))
		var w bytes.Buffer
		s := &FixSink{Mode: tt.mode, W: &w}
		for i, f := range files() {
			s.Each(f, cleaned[i])
		}
		if len(s.Changed) != 1 || s.Changed[0] != filepath.Join(dir, "a.md") || s.Written != tt.written || len(s.Errs) > 0 {
			t.Errorf("mode %d: changed %v, written %d, errors %v", tt.mode, s.Changed, s.Written, s.Errs)
		}
		if !bytes.HasPrefix(w.Bytes(), []byte(tt.out)) || tt.out == "" && w.Len() > 0 {
			t.Errorf("mode %d: printed %q, want %q", tt.mode, w.String(), tt.out)
		}
		if disk, _ := os.ReadFile(filepath.Join(dir, "a.md")); string(disk) != tt.disk {
			t.Errorf("mode %d: a.md on disk %q, want %q", tt.mode, disk, tt.disk)
		}
		if copy, _ := os.ReadFile(filepath.Join(dir, "out", "a.md")); string(copy) != tt.copy {
			t.Errorf("mode %d: a.md's copy %q, want %q", tt.mode, copy, tt.copy)
		}
	}
}
