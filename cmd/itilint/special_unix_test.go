//go:build unix

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"github.com/rogpeppe/go-internal/testscript"
)

// makeSpecial makes a file of kind (fifo, socket or device) at path. A
// device is the null device: made with mknod when the system lets the
// test (root with the capability), else a link to /dev/null, which the
// walk and the reader must refuse just the same.
func makeSpecial(ts *testscript.TestScript, kind, path string) error {
	switch kind {
	case "fifo":
		return syscall.Mkfifo(path, 0o644)
	case "socket":
		// A socket's path has a short length limit: bind it in a short
		// folder and move it into place.
		dir, err := os.MkdirTemp("", "sock")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
		if err != nil {
			return err
		}
		defer syscall.Close(fd)
		tmp := filepath.Join(dir, "s")
		if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: tmp}); err != nil {
			return err
		}
		return os.Rename(tmp, path)
	case "device":
		var st syscall.Stat_t
		if err := syscall.Stat("/dev/null", &st); err != nil {
			return err
		}
		if err := syscall.Mknod(path, syscall.S_IFCHR|0o666, int(st.Rdev)); err == nil {
			ts.Logf("mknod %s: the null device", path)
			return nil
		}
		ts.Logf("mknod %s refused: a link to /dev/null instead", path)
		return os.Symlink("/dev/null", path)
	}
	return fmt.Errorf("mkspecial: unknown kind %q", kind)
}

// owner gives path the owner and group ids ("UID:GID"), or with check
// fails when path has others.
func owner(ts *testscript.TestScript, check bool, ids, path string) error {
	var uid, gid int
	if _, err := fmt.Sscanf(ids, "%d:%d", &uid, &gid); err != nil {
		return fmt.Errorf("owner: %q is not UID:GID", ids)
	}
	if !check {
		return os.Chown(path, uid, gid)
	}
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	st := info.Sys().(*syscall.Stat_t)
	if int(st.Uid) != uid || int(st.Gid) != gid {
		return fmt.Errorf("%s: owner %d:%d, want %s", path, st.Uid, st.Gid, ids)
	}
	return nil
}
