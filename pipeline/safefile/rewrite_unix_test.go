//go:build unix

package safefile

import (
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// deadPID is the process ID of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip(err)
	}
	return cmd.Process.Pid
}

// TestRewriteKeepsOwner (as root, as CI runs): a note owned by another
// user and group keeps them.
func TestRewriteKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root may give a file to another user")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "n.md")
	writeNote(t, p, "old\n", 0o664)
	if err := os.Chown(p, 12345, 23456); err != nil {
		t.Skip(err)
	}
	done, err := Rewrite(p, []byte("new\n"), RewriteOptions{})
	if err != nil || !done.Changed || done.InPlace {
		t.Fatalf("Rewrite = %+v, %v", done, err)
	}
	info, _ := os.Stat(p)
	st := info.Sys().(*syscall.Stat_t)
	if st.Uid != 12345 || st.Gid != 23456 || info.Mode().Perm() != 0o664 {
		t.Errorf("owner %d:%d mode %v, want 12345:23456 0664", st.Uid, st.Gid, info.Mode().Perm())
	}
	onlyFiles(t, dir, "n.md")
}

// TestWriteInPlaceRestoresOnFailure: a write in place that fails puts the
// old content back and removes its backup.
func TestWriteInPlaceBackup(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "n.md")
	writeNote(t, p, "old\n", 0o644)
	if err := writeInPlace(p, []byte("new and longer\n"), []byte("old\n")); err != nil {
		t.Fatal(err)
	}
	if got := readNote(t, p); got != "new and longer\n" {
		t.Errorf("content %q", got)
	}
	onlyFiles(t, dir, "n.md")
	// The backup cannot be made (the folder is not writable, as for a
	// user who may write the file but not its folder): nothing changes.
	if os.Geteuid() == 0 {
		return
	}
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	if err := writeInPlace(p, []byte("x\n"), []byte("new and longer\n")); err == nil {
		t.Errorf("wrote without a backup")
	}
	if got := readNote(t, p); got != "new and longer\n" {
		t.Errorf("content %q", got)
	}
}

// TestWriteRefusesSpecialFiles: an output path that is a named pipe is
// refused at once, neither read to compare (which would block) nor
// replaced.
func TestWriteRefusesSpecialFiles(t *testing.T) {
	p := filepath.Join(t.TempDir(), "report.txt")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip(err)
	}
	if _, err := WriteBytes(p, []byte("x")); err == nil {
		t.Errorf("WriteBytes wrote over a named pipe")
	}
	if _, err := CreateAtomic(p); err == nil {
		t.Errorf("CreateAtomic took a named pipe")
	}
	if _, err := Rewrite(p, []byte("x"), RewriteOptions{}); err == nil {
		t.Errorf("Rewrite wrote over a named pipe")
	}
	if info, err := os.Lstat(p); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the named pipe is gone: %v %v", info, err)
	}
}
