// Package testcourse builds courses on disk for tests and benchmarks: small
// ones from a map of files, large ones by copying the sample course as often
// as it takes to reach a size.
package testcourse

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// Copies copies the course in folder source into a temporary folder of tb,
// as many times as it takes to reach about size bytes (each copy in its own
// sub-folder, so paths stay unique), and returns the folder and its byte
// count. It skips tb when source holds no files.
func Copies(tb testing.TB, source string, size int64) (string, int64) {
	tb.Helper()
	type file struct {
		rel  string
		data []byte
	}
	var files []file
	err := filepath.WalkDir(source, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(source, p)
		files = append(files, file{rel, data})
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	if len(files) == 0 {
		tb.Skipf("no sample course in %s", source)
	}
	dir := tb.TempDir()
	var total int64
	for copyN := 0; total < size; copyN++ {
		sub := "copy" + string(rune('a'+copyN%26)) + string(rune('a'+copyN/26%26))
		for _, f := range files {
			dst := filepath.Join(dir, sub, f.rel)
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				tb.Fatal(err)
			}
			if err := os.WriteFile(dst, f.data, 0o644); err != nil {
				tb.Fatal(err)
			}
			total += int64(len(f.data))
		}
	}
	return dir, total
}

// Tree writes files (slash-separated path → content) into a temporary
// folder of tb and returns the folder.
func Tree(tb testing.TB, files map[string]string) string {
	tb.Helper()
	dir := tb.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}
