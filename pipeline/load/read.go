//go:build !unix

package load

import (
	"bytes"
	"io"
	"os"
)

// readFile reads a whole file of at most limit bytes.
func readFile(path string, limit int64) ([]byte, error) {
	// Looked at before it is opened: opening a named pipe blocks.
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() && !info.IsDir() {
		return nil, notRegular(info.Mode().Type())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, errIsFolder
	}
	if !info.Mode().IsRegular() {
		return nil, notRegular(info.Mode().Type())
	}
	if info.Size() > limit {
		return nil, tooLarge(info.Size())
	}
	var buf bytes.Buffer
	buf.Grow(int(info.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, err
	}
	if int64(buf.Len()) > limit {
		return nil, tooLarge(-1)
	}
	return buf.Bytes(), nil
}
