package emit

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
		if info.IsDir() {
			return false, fmt.Errorf("%s: is a folder, cannot write a file there", path)
		}
		mode = info.Mode().Perm()
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
			return false, nil
		}
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, fmt.Errorf("%s: cannot create folder: %w", path, unwrapPath(err))
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return false, fmt.Errorf("%s: cannot write: %w", path, unwrapPath(err))
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
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
	if err := os.Rename(tmp.Name(), path); err != nil {
		return false, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	return true, nil
}

// unwrapPath drops the path from an *os.PathError, since our message
// already names the file.
func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
