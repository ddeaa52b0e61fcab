package safefile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/itilint/itilint/pipeline/load"
)

// RewriteOptions change what Rewrite refuses.
type RewriteOptions struct {
	// ReadOnly rewrites a read-only file too (its mode kept).
	ReadOnly bool
}

// Rewritten says what Rewrite did.
type Rewritten struct {
	// Changed is false when the file held the content already (it is not
	// touched then).
	Changed bool
	// InPlace says the content was written through the file itself, not
	// renamed over it, and Why: it has several names (hard links) that
	// must all see the change, or its owner could not be given to a new
	// file.
	InPlace bool
	Why     string
}

// A ReadOnlyError is a file Rewrite refused: its permissions say it is not
// to be written.
type ReadOnlyError struct {
	Path string
	Mode fs.FileMode
	// Others is true when the file may be written by others but not by
	// this user; false when nobody may (no write permission at all).
	Others bool
}

func (e *ReadOnlyError) Error() string {
	if e.Others {
		return fmt.Sprintf("%s: not writable by you (mode %04o); not rewritten", e.Path, e.Mode.Perm())
	}
	return fmt.Sprintf("%s: read-only (mode %04o); not rewritten", e.Path, e.Mode.Perm())
}

// BackupSuffix ends the name of the copy Rewrite keeps of a file's content
// while it writes the file in place: ".NAME" + BackupSuffix, beside it.
// It is removed once the write is done; one left behind holds the
// content of a file whose rewrite was interrupted, and is never removed by
// itilint.
const BackupSuffix = load.BackupSuffix

// Rewrite writes data over an input file and keeps its identity: the file
// stays the same file to the user and the system.
//
//   - A link is followed: its target is written, and the link kept.
//   - The file keeps its mode, owner and group: the new content goes to a
//     temporary file given them, renamed over the file, so that a failure
//     or a kill never leaves a partial file (a later run removes the
//     temporary file: see createTemp).
//   - A file with several names (hard links), or one whose owner could not
//     be given to a new file (another user's file this user may write),
//     is written in place instead, through the same file, so that every
//     name sees the change and the owner stays; a backup copy of its
//     content is kept beside it until the write is done.
//   - A read-only file is refused (a *ReadOnlyError) unless opts say so.
//   - A file whose content is data already is not touched.
func Rewrite(path string, data []byte, opts RewriteOptions) (Rewritten, error) {
	target := path
	if li, err := os.Lstat(path); err == nil && li.Mode()&fs.ModeSymlink != 0 {
		if target, err = filepath.EvalSymlinks(path); err != nil {
			return Rewritten{}, fmt.Errorf("%s: %w", path, unwrapPath(err))
		}
	}
	info, err := os.Stat(target)
	if err != nil {
		return Rewritten{}, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if err := writable(path, info); err != nil {
		return Rewritten{}, err
	}
	if !opts.ReadOnly {
		if info.Mode().Perm()&0o222 == 0 {
			return Rewritten{}, &ReadOnlyError{Path: path, Mode: info.Mode()}
		}
		if !mayWrite(target) {
			return Rewritten{}, &ReadOnlyError{Path: path, Mode: info.Mode(), Others: true}
		}
	}
	old, err := os.ReadFile(target)
	if err != nil {
		return Rewritten{}, fmt.Errorf("%s: %w", path, unwrapPath(err))
	}
	if bytes.Equal(old, data) {
		return Rewritten{}, nil
	}
	own, known := ownerOf(info)
	if known && own.links > 1 {
		if err := writeInPlace(target, data, old); err != nil {
			return Rewritten{}, fmt.Errorf("%s: %w", path, err)
		}
		return Rewritten{Changed: true, InPlace: true, Why: fmt.Sprintf("it has %d names (hard links), and each sees the change", own.links)}, nil
	}
	err = replace(target, data, info, own, known)
	if errors.Is(err, errOwner) {
		if err := writeInPlace(target, data, old); err != nil {
			return Rewritten{}, fmt.Errorf("%s: %w", path, err)
		}
		return Rewritten{Changed: true, InPlace: true, Why: "its owner could not be given to a new file, and keeps it"}, nil
	}
	if err != nil {
		return Rewritten{}, fmt.Errorf("%s: %w", path, err)
	}
	return Rewritten{Changed: true}, nil
}

var errOwner = errors.New("cannot give the new file the old one's owner")

// replace writes data to a temporary file beside target, gives it
// target's owner, group and mode, and renames it over target.
func replace(target string, data []byte, info os.FileInfo, own owner, known bool) error {
	tmp, err := createTemp(target)
	if err != nil {
		return fmt.Errorf("cannot write: %w", unwrapPath(err))
	}
	renamed := false
	defer func() {
		if !renamed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return unwrapPath(err)
	}
	if known {
		// The new file is this process's, with the folder's group
		// perhaps: give it the old one's owner and group when they
		// differ (chown clears set-id bits: before the chmod).
		if ti, err := tmp.Stat(); err == nil {
			if mine, ok := ownerOf(ti); ok && (mine.uid != own.uid || mine.gid != own.gid) {
				if err := tmp.Chown(own.uid, own.gid); err != nil {
					return errOwner
				}
			}
		}
	}
	if err := tmp.Chmod(info.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)); err != nil {
		return unwrapPath(err)
	}
	if err := tmp.Close(); err != nil {
		return unwrapPath(err)
	}
	if err := rename(tmp.Name(), target); err != nil {
		return unwrapPath(err)
	}
	renamed = true
	return nil
}

// writeInPlace writes data through the file at target itself, after
// keeping its content old in a backup beside it: a write that fails puts
// old back; one that is killed leaves the backup, which a later walk
// points out (load reports it) and nothing removes.
func writeInPlace(target string, data, old []byte) error {
	backup := filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+BackupSuffix)
	b, err := os.OpenFile(backup, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s is there: an earlier rewrite in place was interrupted and it holds the content from before; compare it with the file and remove it", backup)
	}
	if err != nil {
		return fmt.Errorf("cannot keep a backup beside it: %w", unwrapPath(err))
	}
	_, err = b.Write(old)
	if err == nil {
		err = b.Sync()
	}
	if cerr := b.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(backup)
		return fmt.Errorf("cannot keep a backup beside it: %w", unwrapPath(err))
	}
	if err := overwrite(target, data); err != nil {
		if overwrite(target, old) == nil {
			os.Remove(backup)
			return unwrapPath(err)
		}
		return fmt.Errorf("%w; its content from before is in %s", unwrapPath(err), backup)
	}
	os.Remove(backup)
	return nil
}

// overwrite makes the content of the file at path data, through the file.
func overwrite(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = f.WriteAt(data, 0)
	if err == nil {
		err = f.Truncate(int64(len(data)))
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
