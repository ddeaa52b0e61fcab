//go:build unix

package load

import (
	"io/fs"
	"syscall"
)

// readFile reads a whole file of at most limit bytes with open, fstat and
// one read, and reads on only when that read did not end the file at the
// size fstat gave. os.Open costs a note several system calls more (it
// offers each file to the network poller, which refuses regular files, and
// reads once more to see the end), and a course is thousands of small
// notes: on them those calls showed as a tenth of `itilint check`'s time
// (BenchmarkCheckProcess measures it). Nothing is ever cut short: a read
// that fills the buffer or stops before the size is followed by another.
func readFile(path string, limit int64) ([]byte, error) {
	var fd int
	err := retry(func() (err error) {
		// O_NONBLOCK: a named pipe put where a note was (after the walk
		// saw a regular file) would block open until a writer came; the
		// fstat below refuses it. Reads of a regular file never block.
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
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
	switch st.Mode & syscall.S_IFMT {
	case syscall.S_IFREG:
	case syscall.S_IFDIR:
		return nil, errIsFolder
	case syscall.S_IFIFO:
		return nil, notRegular(fs.ModeNamedPipe)
	case syscall.S_IFSOCK:
		return nil, notRegular(fs.ModeSocket)
	case syscall.S_IFCHR:
		return nil, notRegular(fs.ModeDevice | fs.ModeCharDevice)
	case syscall.S_IFBLK:
		return nil, notRegular(fs.ModeDevice)
	default:
		return nil, notRegular(fs.ModeIrregular)
	}
	if st.Size > limit {
		return nil, tooLarge(st.Size)
	}
	// One byte more than the size, so that a read filling the buffer means
	// the file grew (or reports no size) and is read on.
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
		if len(buf) < cap(buf) && int64(len(buf)) >= st.Size {
			break // the read ended at the file's size, with room to spare: its end
		}
	}
	if int64(len(buf)) > limit {
		return nil, tooLarge(-1)
	}
	return buf, nil
}

// retry runs a system call again while it is interrupted by a signal.
func retry(call func() error) error {
	for {
		if err := call(); err != syscall.EINTR {
			return err
		}
	}
}
