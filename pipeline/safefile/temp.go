package safefile

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// A file is written whole to a temporary file beside it, renamed over it
// once complete. A run killed in between (kill -9, a power cut) leaves
// that temporary file behind; its name says whose it is, so that a later
// run that writes in the same folder removes it, and nothing else:
//
//	.NAME.itilint-PID-RANDOM.tmp
//
// PID is the process that made it. A leftover is stale, and removed, when
// that process is gone, or when it is older than staleAfter whatever the
// process (a PID reused by another program, a folder shared between
// machines).
const (
	tempMark   = ".itilint-"
	tempSuffix = ".tmp"
	staleAfter = time.Hour
)

// createTemp creates the temporary file for path, in path's folder, after
// removing the stale leftovers of earlier runs there.
func createTemp(path string) (*os.File, error) {
	dir := filepath.Dir(path)
	sweepOnce(dir)
	return os.CreateTemp(dir, "."+filepath.Base(path)+tempMark+strconv.Itoa(os.Getpid())+"-*"+tempSuffix)
}

// tempPID returns the process named in a temporary file's name, and
// whether the name is one of ours.
func tempPID(name string) (int, bool) {
	if !strings.HasPrefix(name, ".") || !strings.HasSuffix(name, tempSuffix) {
		return 0, false
	}
	rest := strings.TrimSuffix(name, tempSuffix)
	i := strings.LastIndex(rest, tempMark)
	if i <= 1 {
		return 0, false
	}
	pid, random, ok := strings.Cut(rest[i+len(tempMark):], "-")
	if !ok || !digits(random) || !digits(pid) {
		return 0, false
	}
	n, err := strconv.Atoi(pid)
	return n, err == nil && n > 0
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

var swept struct {
	sync.Mutex
	dirs map[string]bool
}

// sweepOnce removes the stale temporary files of earlier runs from dir,
// the first time this process writes there.
func sweepOnce(dir string) {
	swept.Lock()
	done := swept.dirs[dir]
	if swept.dirs == nil {
		swept.dirs = map[string]bool{}
	}
	swept.dirs[dir] = true
	swept.Unlock()
	if !done {
		sweep(dir, time.Now())
	}
}

// sweep removes the stale temporary files of earlier runs from dir.
func sweep(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		pid, ours := tempPID(e.Name())
		if !ours || !e.Type().IsRegular() || pid == os.Getpid() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		if !processAlive(pid) || now.Sub(info.ModTime()) > staleAfter {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
