//go:build linux

package load

import (
	"bytes"
	"encoding/binary"
	"io/fs"
	"syscall"
	"unsafe"
)

// A lister lists folders for the walk with the getdents64 system call
// into a buffer it keeps. os.ReadDir gives each folder an *os.File with a
// finalizer and each entry a DirEntry, and allocates the names of the
// images and other files the walk then drops: on a course of thousands of
// small folders that was most of the walk's work outside the kernel.
// TestListMatchesReadDir keeps the entries equal to os.ReadDir's.
type lister struct {
	buf []byte
}

// list returns the entries of the folder at path that the walk looks at
// (see walked), in no particular order.
func (l *lister) list(path string) ([]dirEntry, error) {
	var fd int
	err := retry(func() (err error) {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_DIRECTORY|syscall.O_CLOEXEC, 0)
		return err
	})
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	if l.buf == nil {
		l.buf = make([]byte, 8<<10)
	}
	var entries []dirEntry
	for {
		var n int
		err := retry(func() (err error) {
			n, err = syscall.ReadDirent(fd, l.buf)
			return err
		})
		if err != nil {
			return nil, &fs.PathError{Op: "readdirent", Path: path, Err: err}
		}
		if n <= 0 {
			return entries, nil
		}
		// Each record is a struct linux_dirent64: inode (8 bytes), offset
		// (8), record length (2), type (1), then the name, NUL-terminated.
		for rec := l.buf[:n]; len(rec) >= direntNameOffset; {
			reclen := int(binary.NativeEndian.Uint16(rec[16:18]))
			if reclen < direntNameOffset || reclen > len(rec) {
				break // a malformed record: the kernel never writes one
			}
			typ, name := rec[18], rec[direntNameOffset:reclen]
			rec = rec[reclen:]
			if i := bytes.IndexByte(name, 0); i >= 0 {
				name = name[:i]
			}
			if len(name) == 0 || string(name) == "." || string(name) == ".." {
				continue
			}
			dir := typ == syscall.DT_DIR
			if typ == syscall.DT_UNKNOWN {
				// Some file systems leave the type to a stat, as
				// os.ReadDir does then; an entry gone since is skipped.
				var st syscall.Stat_t
				err := retry(func() error { return syscall.Lstat(joinName(path, string(name)), &st) })
				if err == syscall.ENOENT {
					continue
				}
				if err != nil {
					return nil, &fs.PathError{Op: "lstat", Path: joinName(path, string(name)), Err: err}
				}
				dir = st.Mode&syscall.S_IFMT == syscall.S_IFDIR
			}
			// The name is tested before it is copied out of the buffer:
			// the files the walk drops cost no string.
			if format, ok, meta := walked(unsafe.String(unsafe.SliceData(name), len(name)), dir); ok || meta {
				entries = append(entries, dirEntry{name: string(name), dir: dir, format: format, meta: meta})
			}
		}
	}
}

// direntNameOffset is where the name starts in a struct linux_dirent64.
const direntNameOffset = 19
