//go:build unix

package load

import (
	"io/fs"
	"syscall"
)

// readFile reads a whole regular file of at most limit bytes with three
// system calls (open, fstat, read) and a fourth only when the file grew.
// os.ReadFile costs twice as many on Linux (it registers each file with the
// network poller, which refuses regular files, and reads once more for EOF),
// and on courses of thousands of small notes those calls were an eighth of
// `itilint check`.
func readFile(path string, limit int64) ([]byte, error) {
	var fd int
	err := retry(func() (err error) {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		return err
	})
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := retry(func() error { return syscall.Fstat(fd, &st) }); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Mode&syscall.S_IFMT == syscall.S_IFDIR {
		return nil, errIsFolder
	}
	if st.Size > limit {
		return nil, tooLarge(st.Size)
	}
	// One byte more than the size, so that a read filling the buffer means
	// the file grew (or reports no size, as in /proc) and is read on.
	buf := make([]byte, 0, st.Size+1)
	for {
		if len(buf) == cap(buf) {
			if int64(len(buf)) > limit {
				return nil, tooLarge(-1)
			}
			buf = append(buf, 0)[:len(buf)]
		}
		var n int
		err := retry(func() (err error) {
			n, err = syscall.Read(fd, buf[len(buf):cap(buf)])
			return err
		})
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n <= 0 {
			break
		}
		buf = buf[:len(buf)+n]
		if len(buf) < cap(buf) && st.Mode&syscall.S_IFMT == syscall.S_IFREG && int64(len(buf)) >= st.Size {
			break // a short read of a regular file at its size is its end
		}
	}
	if int64(len(buf)) > limit {
		return nil, tooLarge(-1)
	}
	return buf, nil
}

// retry repeats a system call interrupted by a signal (the Go runtime sends
// itself signals to preempt goroutines).
func retry(call func() error) error {
	for {
		if err := call(); err != syscall.EINTR {
			return err
		}
	}
}
