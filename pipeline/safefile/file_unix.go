//go:build unix

package safefile

import (
	"os"
	"syscall"
)

// processAlive reports whether the process pid may still run: signal 0
// reaches it, or it exists but is another user's.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}

// owner is who owns a file, and how many names (hard links) it has.
type owner struct {
	uid, gid int
	links    int
}

// ownerOf is the owner of the file info describes.
func ownerOf(info os.FileInfo) (owner, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return owner{}, false
	}
	return owner{uid: int(st.Uid), gid: int(st.Gid), links: int(st.Nlink)}, true
}

// mayWrite reports whether this process may write the file at path as
// its permissions stand (root may write any).
func mayWrite(path string) bool {
	const wOK = 2
	return syscall.Access(path, wOK) == nil
}

// rename renames oldpath over newpath with rename(2) alone. os.Rename
// first looks whether newpath is a folder, one more system call for each
// file a run writes; rename(2) refuses to put a file over a folder
// (EISDIR) by itself, and the writers refuse a folder before they write.
func rename(oldpath, newpath string) error {
	for {
		err := syscall.Rename(oldpath, newpath)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: err}
		}
		return nil
	}
}

// openNew creates the file name, which must not exist, for this process
// only, without offering it to the network poller (see openTemp).
func openNew(name string) (*os.File, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_RDWR|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC, 0o600)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "open", Path: name, Err: err}
		}
		return os.NewFile(uintptr(fd), name), nil
	}
}
