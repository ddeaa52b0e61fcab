//go:build !unix

package safefile

import "os"

// processAlive cannot tell here: a leftover is stale by its age alone.
func processAlive(pid int) bool { return true }

// owner is who owns a file, and how many names (hard links) it has.
type owner struct {
	uid, gid int
	links    int
}

// ownerOf does not know owners here.
func ownerOf(info os.FileInfo) (owner, bool) { return owner{links: 1}, false }

// mayWrite reports whether the file's permissions let it be written.
func mayWrite(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.Mode().Perm()&0o200 != 0
}

// rename renames oldpath over newpath.
func rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }

// openNew creates the file name, which must not exist, for this process
// only.
func openNew(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
}
