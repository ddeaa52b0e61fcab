package testcourse

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// root is the repository's root folder, found from this file's own path so
// that tests of any package reach the same fixtures.
func root() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "."
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Fixture returns the path of rel (slash-separated) under the repository's
// testdata folder. A missing fixture fails tb: the tests that read fixtures
// are the strongest ones, and a skip would hide that they did not run.
func Fixture(tb testing.TB, rel string) string {
	tb.Helper()
	return mustExist(tb, filepath.Join(root(), "testdata", filepath.FromSlash(rel)))
}

// Source returns the path of rel (slash-separated) in the sample course,
// source/ at the repository's root ("" for the folder itself). A missing
// file fails tb.
func Source(tb testing.TB, rel string) string {
	tb.Helper()
	return mustExist(tb, filepath.Join(root(), "source", filepath.FromSlash(rel)))
}

func mustExist(tb testing.TB, path string) string {
	tb.Helper()
	if _, err := os.Stat(path); err != nil {
		tb.Fatalf("test fixture missing (it is part of the repository): %v", err)
	}
	return path
}
