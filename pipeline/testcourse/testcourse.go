// Package testcourse builds courses on disk for tests and benchmarks: small
// ones from a map of files, large ones by copying the sample course as often
// as it takes to reach a size.
package testcourse

import (
	"bytes"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// Copies copies the course in folder source into a temporary folder of tb,
// as many times as it takes to reach about size bytes (each copy in its own
// sub-folder, so paths stay unique), and returns the folder and its byte
// count. It fails tb when source holds no files.
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
		tb.Fatalf("no sample course in %s", source)
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

// Shuffled returns notes of about size bytes each made of the words of the
// course in folder source, drawn at random with a fixed seed: lines of 8 to
// 16 words, a blank line every sixth line. Benchmarks of byte loops need
// text like this: over the sample course, read again and again, the
// processor's branch predictor learns the text by heart and a loop looks
// two or three times faster than on notes it meets once, as in a real run.
// Same arguments, same notes.
func Shuffled(tb testing.TB, source string, notes, size int) [][]byte {
	tb.Helper()
	var words [][]byte
	err := filepath.WalkDir(source, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		words = append(words, bytes.Fields(data)...)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	if len(words) == 0 {
		tb.Fatalf("no sample course in %s", source)
	}
	rng := rand.New(rand.NewPCG(7, 11))
	out := make([][]byte, 0, notes)
	for range notes {
		var buf []byte
		for line := 0; len(buf) < size; line++ {
			for k := 8 + rng.IntN(9); k > 0; k-- {
				buf = append(buf, words[rng.IntN(len(words))]...)
				buf = append(buf, ' ')
			}
			buf[len(buf)-1] = '\n'
			if line%6 == 5 {
				buf = append(buf, '\n')
			}
		}
		out = append(out, buf)
	}
	return out
}
