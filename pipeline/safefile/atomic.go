// Package safefile writes files so that nothing is lost: a new file or a
// report goes to a temporary file in the same folder, renamed over its
// place only once complete (WriteFile, WriteBytes, CreateAtomic); a note
// rewritten in place keeps its identity (Rewrite: mode, owner, links),
// written through itself after a backup when a rename would lose it. The
// sinks of the pipeline write through it what package emit formats.
package safefile

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/itilint/itilint/pipeline/load"
)

// WriteFile writes a file atomically: the content goes to a temporary file in
// the same folder, which is renamed over path only when everything was
// written, so a failure never leaves a partial file. An existing file keeps
// its mode; a file whose content would not change is left untouched (same
// mtime), and WriteFile reports false.
func WriteFile(path string, write func(io.Writer) error) (changed bool, err error) {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return false, fmt.Errorf("%s: %w", path, err)
	}
	return WriteBytes(path, buf.Bytes())
}

// WriteBytes is WriteFile for content already in memory.
func WriteBytes(path string, data []byte) (changed bool, err error) {
	mode := os.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		if err := writable(path, info); err != nil {
			return false, err
		}
		mode = info.Mode().Perm()
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
			return false, nil
		}
	}
	if err := prepareFolder(filepath.Dir(path)); err != nil {
		return false, fmt.Errorf("%s: cannot create folder: %w", path, unwrapPath(err))
	}
	tmp, err := createTemp(path)
	if err != nil {
		return false, fmt.Errorf("%s: cannot write: %w", path, unwrapPath(err))
	}
	// The temporary file goes when anything below fails; after the
	// rename it is gone already, and removing it again would cost a
	// system call for every file a run writes.
	renamed := false
	defer func() {
		if !renamed {
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return false, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return false, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if err := tmp.Close(); err != nil {
		return false, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if err := rename(tmp.Name(), path); err != nil {
		return false, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	renamed = true
	return true, nil
}

// writable fails for what exists at path but is no place for a file
// written whole: a folder, or a named pipe or device, which would also
// block or misbehave when read to compare.
func writable(path string, info os.FileInfo) error {
	switch {
	case info.IsDir():
		return fmt.Errorf("%s: is a folder, cannot write a file there", path)
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s: %s, not a regular file; not written", path, load.KindOf(info.Mode()))
	}
	return nil
}

// unwrapPath drops the path from an *os.PathError, since our message
// already names the file, and says "folder" for the system's "directory".
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return load.InOurWords(pe.Err)
	}
	return load.InOurWords(err)
}

// An AtomicFile is WriteFile for content written a piece at a time, too
// large to hold in memory: it goes to a temporary file in the same
// folder, and Commit renames that over path, unless the content is the
// file's already (then path is left untouched).
type AtomicFile struct {
	path string
	tmp  *os.File
	buf  *bufio.Writer
	err  error
}

// CreateAtomic starts writing path.
func CreateAtomic(path string) (*AtomicFile, error) {
	if info, err := os.Stat(path); err == nil {
		if err := writable(path, info); err != nil {
			return nil, err
		}
	}
	if err := prepareFolder(filepath.Dir(path)); err != nil {
		return nil, fmt.Errorf("%s: cannot create folder: %w", path, unwrapPath(err))
	}
	tmp, err := createTemp(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot write: %w", path, unwrapPath(err))
	}
	return &AtomicFile{path: path, tmp: tmp, buf: bufio.NewWriterSize(tmp, 64<<10)}, nil
}

func (a *AtomicFile) Write(p []byte) (int, error) {
	if a.err != nil {
		return 0, a.err
	}
	n, err := a.buf.Write(p)
	if err != nil {
		// Named by the file being written, not the temporary one.
		err = fmt.Errorf("%s: %w", a.path, unwrapPath(err))
	}
	a.err = err
	return n, err
}

// Abort removes what was written.
func (a *AtomicFile) Abort() {
	a.tmp.Close()
	os.Remove(a.tmp.Name())
}

// Commit puts the content in place; changed is false when path held it
// already.
func (a *AtomicFile) Commit() (changed bool, err error) {
	defer os.Remove(a.tmp.Name()) // a no-op after a successful rename
	fail := func(err error) (bool, error) {
		a.tmp.Close()
		return false, fmt.Errorf("%s: %w", a.path, unwrapPath(err))
	}
	if a.err != nil {
		a.tmp.Close()
		return false, a.err
	}
	if err := a.buf.Flush(); err != nil {
		return fail(err)
	}
	mode := os.FileMode(0o644)
	if info, err := os.Stat(a.path); err == nil {
		mode = info.Mode().Perm()
		if same, err := sameContent(a.tmp, a.path); err == nil && same {
			a.tmp.Close()
			return false, nil
		}
	}
	if err := a.tmp.Chmod(mode); err != nil {
		return fail(err)
	}
	if err := a.tmp.Close(); err != nil {
		return false, fmt.Errorf("%s: %w", a.path, unwrapPath(err))
	}
	if err := rename(a.tmp.Name(), a.path); err != nil {
		return false, fmt.Errorf("%s: %w", a.path, unwrapPath(err))
	}
	return true, nil
}

// sameContent reports whether the file at path holds what tmp holds,
// reading both a block at a time.
func sameContent(tmp *os.File, path string) (bool, error) {
	old, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer old.Close()
	a, errA := tmp.Stat()
	b, errB := old.Stat()
	if errA != nil || errB != nil || a.Size() != b.Size() {
		return false, nil
	}
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return false, err
	}
	x, y := make([]byte, 64<<10), make([]byte, 64<<10)
	for {
		n, errX := io.ReadFull(tmp, x)
		m, errY := io.ReadFull(old, y)
		if n != m || !bytes.Equal(x[:n], y[:m]) {
			return false, nil
		}
		if errX == io.EOF || errX == io.ErrUnexpectedEOF {
			return errY == io.EOF || errY == io.ErrUnexpectedEOF, nil
		}
		if errX != nil || errY != nil {
			return false, nil
		}
	}
}
