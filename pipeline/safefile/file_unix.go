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
