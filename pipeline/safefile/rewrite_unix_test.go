//go:build unix

package safefile

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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

// TestWriteInPlaceBackup: a write in place that fails puts the
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

// TestRewriteAsAnotherUser (as root, as CI runs): a user who may write
// another user's note (group or others have write permission) gets it
// written in place, its owner kept, since a new file could not be given
// that owner; a note the user may not write is refused. The test runs
// itself again as the user nobody (65534) for the rewrites.
func TestRewriteAsAnotherUser(t *testing.T) {
	if path := os.Getenv("ITILINT_REWRITE_AS_USER"); path != "" {
		done, err := Rewrite(path, []byte("new\n"), RewriteOptions{})
		var ro *ReadOnlyError
		switch {
		case errors.As(err, &ro) && ro.Others:
			fmt.Println("refused")
		case err != nil:
			fmt.Println("error:", err)
		default:
			fmt.Printf("changed=%v inplace=%v\n", done.Changed, done.InPlace)
		}
		return
	}
	if os.Geteuid() != 0 {
		t.Skip("only root may run a test as another user")
	}
	// Not t.TempDir: its parent folder is closed to other users.
	dir, err := os.MkdirTemp("", "itilint-as-user")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.Chmod(dir, 0o777)
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	bin := filepath.Join(dir, "emit.test")
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Skip(err)
	}
	writeNote(t, bin, string(data), 0o755)
	asNobody := func(path string) string {
		cmd := exec.Command(bin, "-test.run=^TestRewriteAsAnotherUser$")
		cmd.Env = append(os.Environ(), "ITILINT_REWRITE_AS_USER="+path)
		cmd.Dir = dir
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Skipf("cannot run as nobody: %v %s", err, out)
		}
		return string(out)
	}
	shared := filepath.Join(dir, "shared.md")
	writeNote(t, shared, "old\n", 0o666)
	os.Chown(shared, 12345, 23456)
	if out := asNobody(shared); !strings.Contains(out, "changed=true inplace=true") {
		t.Errorf("a note nobody may write: %s", out)
	}
	if err := ownedBy(shared, 12345, 23456); err != nil || readNote(t, shared) != "new\n" {
		t.Errorf("owner %v, content %q", err, readNote(t, shared))
	}
	theirs := filepath.Join(dir, "theirs.md")
	writeNote(t, theirs, "old\n", 0o644)
	os.Chown(theirs, 12345, 23456)
	if out := asNobody(theirs); !strings.Contains(out, "refused") {
		t.Errorf("a note nobody may not write: %s", out)
	}
	if readNote(t, theirs) != "old\n" {
		t.Errorf("a refused note was written: %q", readNote(t, theirs))
	}
	onlyFiles(t, dir, "emit.test", "shared.md", "theirs.md")
}

// ownedBy fails when the file at path is not owned by uid and gid.
func ownedBy(path string, uid, gid int) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	st := info.Sys().(*syscall.Stat_t)
	if int(st.Uid) != uid || int(st.Gid) != gid {
		return fmt.Errorf("owned by %d:%d", st.Uid, st.Gid)
	}
	return nil
}
