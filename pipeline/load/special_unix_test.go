//go:build unix

package load

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/itilint/itilint/pipeline/testcourse"
)

// TestWalkLeavesOutWhatIsNoNote: a folder's walk reads regular files and
// links to regular files inside the folder; a named pipe, a link to a
// device and a link to a file outside are left out with a notice each, and
// never opened (the named pipe would block). Named directly, the link to
// the file outside is read and the named pipe is an error.
func TestWalkLeavesOutWhatIsNoNote(t *testing.T) {
	outside := testcourse.Tree(t, map[string]string{"secret.md": "x"})
	dir := testcourse.Tree(t, map[string]string{"a.md": "x", "sub/b.md": "x"})
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Skip(err)
	}
	for link, target := range map[string]string{
		"null.md":    "/dev/null",
		"inside.md":  filepath.Join("sub", "b.md"),
		"outside.md": filepath.Join(outside, "secret.md"),
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skip(err)
		}
	}
	var got []string
	errs := Walk(dir, nil, func(in Input) { got = append(got, in.Rel) })
	if want := []string{"a.md", "inside.md", filepath.Join("sub", "b.md")}; !slices.Equal(got, want) {
		t.Errorf("walked %q, want %q", got, want)
	}
	var skipped []string
	for _, err := range errs {
		var s *Notice
		if !errors.As(err, &s) {
			t.Errorf("an error, want only notices: %v", err)
			continue
		}
		skipped = append(skipped, filepath.Base(s.Path)+": "+strings.TrimPrefix(s.Text, "skipped: "))
	}
	want := []string{
		"null.md: a link to a device, not to a regular file",
		"outside.md: a link to a file outside " + dir + " (name the file to check it)",
		"pipe.md: a named pipe, not a regular file",
	}
	if !slices.Equal(skipped, want) {
		t.Errorf("skipped\n%q\nwant\n%q", skipped, want)
	}

	got = nil
	if errs := Walk(filepath.Join(dir, "outside.md"), nil, func(in Input) { got = append(got, in.Path) }); len(errs) > 0 || len(got) != 1 {
		t.Errorf("a link named directly: walked %q, errors %v", got, errs)
	}
	errs = Walk(filepath.Join(dir, "pipe.md"), nil, func(in Input) { t.Errorf("a named pipe yielded") })
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "pipe.md: a named pipe, not a regular file") {
		t.Errorf("a named pipe named directly: %v", errs)
	}
	// Put where a note was after the walk saw it: refused when opened,
	// without blocking.
	if _, err := Read(Input{Path: filepath.Join(dir, "pipe.md"), Rel: "pipe.md"}, Options{}); err == nil || !strings.Contains(err.Error(), "a named pipe, not a regular file") {
		t.Errorf("read a named pipe: %v", err)
	}
	if _, err := readFile("/dev/null", 10); !errors.As(err, new(notRegular)) {
		t.Errorf("read /dev/null: %v, want not a regular file", err)
	}
}
