package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
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
// removing the stale leftovers of earlier runs there (prepareFolder).
func createTemp(path string) (*os.File, error) {
	dir := filepath.Dir(path)
	if err := prepareFolder(dir); err != nil {
		return nil, err
	}
	f, err := openTemp(path)
	if errors.Is(err, fs.ErrNotExist) {
		// The folder was removed since this process made or found
		// it: make it again.
		forgetFolder(dir)
		if err := prepareFolder(dir); err != nil {
			return nil, err
		}
		f, err = openTemp(path)
	}
	return f, err
}

// thisPID is this process's ID, asked once: os.Getpid is a system call
// each time, and a run names thousands of temporary files.
var thisPID = os.Getpid()

// tempCount numbers this process's temporary files.
var tempCount atomic.Uint64

// openTemp creates a new file named as a temporary file of path, only
// for this process to read and write (its mode is set before it is
// renamed into place). Unlike os.CreateTemp, it opens the file with
// open(2) and wraps the descriptor as it is (openNew): os.CreateTemp's
// file is offered to the network poller first (four fcntl and an
// epoll_ctl that fails for a regular file), five system calls for each
// file a run writes. The names are numbered, not random: the process's
// ID in them already tells runs apart.
func openTemp(path string) (*os.File, error) {
	prefix := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+tempMark+strconv.Itoa(thisPID)+"-")
	for range 100 {
		name := prefix + strconv.FormatUint(tempCount.Add(1), 10) + tempSuffix
		f, err := openNew(name)
		if errors.Is(err, fs.ErrExist) {
			continue // a leftover of a process that had this ID
		}
		return f, err
	}
	return nil, &fs.PathError{Op: "open", Path: prefix + "N" + tempSuffix, Err: fs.ErrExist}
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

// folders are the folders this process has written in. A run writes
// thousands of files into hundreds of folders: each folder is made (or
// found) and swept once, not once a file.
var folders struct {
	sync.Mutex
	ready map[string]bool
}

// prepareFolder makes dir and its parents unless dir is there, and
// removes the stale temporary files of earlier runs from it, the first
// time this process writes there. A folder it had to make holds nothing
// stale, and is not read.
func prepareFolder(dir string) error {
	folders.Lock()
	ready := folders.ready[dir]
	folders.Unlock()
	if ready {
		return nil
	}
	made, err := makeFolder(dir)
	if err != nil {
		return err
	}
	if !made {
		sweep(dir, time.Now())
	}
	folders.Lock()
	if folders.ready == nil {
		folders.ready = map[string]bool{}
	}
	folders.ready[dir] = true
	folders.Unlock()
	return nil
}

// forgetFolder makes the next write in dir make and sweep it again.
func forgetFolder(dir string) {
	folders.Lock()
	delete(folders.ready, dir)
	folders.Unlock()
}

// makeFolder makes dir and its parents, and says whether dir had to be
// made (false when it was there). When something else is in the way,
// os.MkdirAll's error says what.
//
// It tries mkdir first: a run makes hundreds of folders, each in a parent
// made just before, and os.MkdirAll would first look whether each
// is there, and then its parent.
func makeFolder(dir string) (made bool, err error) {
	switch err := os.Mkdir(dir, 0o755); {
	case err == nil:
		return true, nil
	case errors.Is(err, fs.ErrExist):
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			return false, nil
		}
	}
	// A parent is missing, or something is in the way: os.MkdirAll
	// makes the parents, or says what is wrong.
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, err
	}
	return true, nil
}

// sweep removes the stale temporary files of earlier runs from dir.
func sweep(dir string, now time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		pid, ours := tempPID(e.Name())
		if !ours || !e.Type().IsRegular() || pid == thisPID {
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
