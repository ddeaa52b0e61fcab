// Package load owns finding and reading inputs: it walks the paths the user
// named for notes (.md, .markdown, .txt) and transcripts (.vtt, .srt),
// decodes each file (BOM, CRLF, UTF-8 check) and converts transcripts to
// Markdown, keeping a map back to the lines on disk.
package load

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/itilint/itilint/pipeline/note"
	"github.com/itilint/itilint/pipeline/transcript"
)

// Extensions are the file types a folder walk picks up, with their format.
var Extensions = map[string]note.Format{
	".md":       note.Markdown,
	".markdown": note.Markdown,
	".txt":      note.Text,
	".vtt":      note.WebVTT,
	".srt":      note.SubRip,
}

// FormatOf is the format of a note at path, as Find gives it: by the
// extension, and plain text for any other file.
func FormatOf(path string) note.Format {
	if format, ok := Extensions[strings.ToLower(filepath.Ext(path))]; ok {
		return format
	}
	return note.Text
}

// An Input is one file to process.
type Input struct {
	Path   string // as the user named it (a folder joined with the walked path)
	Rel    string // relative to the folder it was found in; the base name for a named file
	Format note.Format
}

// OutRel is the input's relative path in the output layout: raw text and
// transcripts become .md.
func (in Input) OutRel() string {
	ext := filepath.Ext(in.Rel)
	return strings.TrimSuffix(in.Rel, ext) + ".md"
}

// Find expands paths into inputs, sorted by path (course order). A path that
// does not exist or a folder with no notes is an error; the other paths are
// still expanded. skip, when not nil, filters out ignored files.
func Find(paths []string, skip func(path string) bool) ([]Input, []error) {
	var inputs []Input
	var errs []error
	seen := map[string]bool{}
	for _, p := range paths {
		errs = append(errs, Walk(p, skip, func(in Input) {
			if !seen[in.Path] {
				seen[in.Path] = true
				inputs = append(inputs, in)
			}
		})...)
	}
	sort.SliceStable(inputs, func(i, j int) bool { return inputs[i].Path < inputs[j].Path })
	return inputs, errs
}

// Walk expands one path as Find does and hands each input to yield as soon
// as it is found, already in course order, so that work on the first notes
// need not wait for the whole walk. It returns the errors Find would.
//
// Course order is the order of the paths as strings, and a walk that lists
// each folder by name would not follow it: "intro.md" sorts before
// "intro/a.md" ('.' < '/'), but the name "intro" before "intro.md". Walk
// sorts a folder's entries as their paths sort, a sub-folder by its name
// and a slash.
func Walk(root string, skip func(path string) bool, yield func(Input)) []error {
	info, err := os.Stat(root)
	if err != nil {
		return []error{fmt.Errorf("%s: %w", root, describe(err))}
	}
	if !info.IsDir() {
		// A file named explicitly is read even without a note's extension.
		if skip == nil || !skip(root) {
			yield(Input{Path: root, Rel: filepath.Base(root), Format: FormatOf(root)})
		}
		return nil
	}
	w := walker{root: root, skip: skip, yield: yield}
	// Cleaned once, so that joinName below gives what filepath.Join would.
	w.dir(filepath.Clean(root), "")
	if w.found == 0 {
		w.errs = append(w.errs, fmt.Errorf("%s: no notes found (looked for .md, .markdown, .txt, .vtt, .srt)", root))
	}
	return w.errs
}

// A dirEntry is what the walk needs of a folder entry.
type dirEntry struct {
	name   string
	dir    bool        // a folder (a link to one is not followed)
	format note.Format // a note's
}

// comparePaths orders folder entries as their paths sort: a sub-folder as
// its name and a slash, without building that string for every comparison.
func comparePaths(a, b dirEntry) int {
	x, y := a.name, b.name
	n := min(len(x), len(y))
	if c := strings.Compare(x[:n], y[:n]); c != 0 {
		return c
	}
	// One name is the other's start: compare what follows it, a slash
	// for a folder, nothing for a file (names hold no slash).
	next := func(name string, dir bool) int {
		switch {
		case len(name) > n:
			return int(name[n])
		case dir:
			return '/'
		}
		return -1
	}
	return cmp.Compare(next(x, a.dir), next(y, b.dir))
}

// walked reports whether the walk looks at an entry named name: hidden
// ones (.git and other hidden folders, editor files) are left out, and of
// the files only notes are read. For a note it gives its format too.
func walked(name string, dir bool) (note.Format, bool) {
	if strings.HasPrefix(name, ".") {
		return 0, false
	}
	if dir {
		return 0, true
	}
	format, ok := Extensions[strings.ToLower(filepath.Ext(name))]
	return format, ok
}

type walker struct {
	lister
	root  string
	skip  func(string) bool
	yield func(Input)
	found int
	errs  []error
}

func (w *walker) dir(path, rel string) {
	entries, err := w.list(path)
	if err != nil {
		w.errs = append(w.errs, fmt.Errorf("%s: %w", path, describe(err)))
		return
	}
	slices.SortFunc(entries, comparePaths)
	for _, d := range entries {
		sub := joinName(path, d.name)
		subRel := d.name
		if rel != "" {
			// path ends with rel, so sub ends with the relative path:
			// its tail, not a second string.
			subRel = sub[len(sub)-(len(rel)+1+len(d.name)):]
		}
		if d.dir {
			w.dir(sub, subRel)
			continue
		}
		w.found++
		if w.skip == nil || !w.skip(sub) {
			w.yield(Input{Path: sub, Rel: subRel, Format: d.format})
		}
	}
}

// joinName is filepath.Join(dir, name) for a clean dir and the name of
// one of its entries (no separator, not "." or ".."), without cleaning
// the result again: the walk joins two paths for every entry of every
// folder, and cleaning them was most of its work outside the kernel.
func joinName(dir, name string) string {
	if dir == "" || dir == "." {
		return name
	}
	if os.IsPathSeparator(dir[len(dir)-1]) {
		return dir + name // the root, "/"
	}
	return dir + string(filepath.Separator) + name
}

// describe turns an *os.PathError into its bare cause, since our messages
// already name the path.
func describe(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or folder")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	return err
}

// Options control reading.
type Options struct {
	// DropFillers removes timestamps and filler words from transcripts.
	DropFillers bool
	// MaxSize rejects larger files (0 = 64 MiB): a huge file is more likely
	// a mistake than a note, and it would be held in memory whole.
	MaxSize int64
}

// Read reads and decodes one input.
func Read(in Input, opts Options) (*note.Note, error) {
	limit := opts.MaxSize
	if limit == 0 {
		limit = 64 << 20
	}
	raw, err := readFile(in.Path, limit)
	switch {
	case err == errIsFolder:
		return nil, fmt.Errorf("%s: is a folder, not a note", in.Path)
	case err != nil:
		var big tooLarge
		if errors.As(err, &big) {
			if big >= 0 {
				return nil, fmt.Errorf("%s: file of %d bytes is larger than the %d-byte limit for a note", in.Path, int64(big), limit)
			}
			return nil, fmt.Errorf("%s: larger than the %d-byte limit for a note", in.Path, limit)
		}
		return nil, fmt.Errorf("%s: %w", in.Path, describe(err))
	}
	return Decode(in, raw, opts)
}

var errIsFolder = errors.New("is a folder")

// tooLarge is the size of a file over the limit, or -1 when it grew past the
// limit while being read.
type tooLarge int64

func (t tooLarge) Error() string { return "file too large" }

// Decode turns the bytes of an input into a note.
func Decode(in Input, raw []byte, opts Options) (*note.Note, error) {
	n, err := note.Decode(in.Path, raw)
	if err != nil {
		return nil, err
	}
	n.Rel = in.Rel
	n.Format = in.Format
	if in.Format == note.WebVTT || in.Format == note.SubRip {
		text, lines, err := transcript.Convert(in.Format, n.Text, transcript.Options{DropFillers: opts.DropFillers})
		if err != nil {
			return nil, fmt.Errorf("%s:%w", in.Path, err)
		}
		conv := n.WithText(text)
		conv.Format = in.Format
		conv.DiskLines = lines
		n = conv
	}
	return n, nil
}
