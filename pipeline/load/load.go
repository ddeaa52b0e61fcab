// Package load owns finding and reading inputs: it walks the paths the user
// named for notes (.md, .markdown, .txt) and transcripts (.vtt, .srt),
// decodes each file (BOM, CRLF, UTF-8 check) and converts transcripts to
// Markdown, keeping a map back to the lines on disk.
package load

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"

	"github.com/bmatcuk/doublestar/v4"

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
	// Data, when not nil, is the input's bytes, read already: a note
	// given on standard input has no file to read.
	Data []byte
}

// StdinName names a note from standard input that was given no name.
const StdinName = "<stdin>"

// Stdin is the input for a note read from r (the path "-"), named name in
// findings ("<stdin>" when empty). Its format is the name's when the name
// has a note's extension, Markdown otherwise. It fails when r cannot be
// read or holds more than the size limit of a note (Options.MaxSize).
func Stdin(r io.Reader, name string, opts Options) (Input, error) {
	if name == "" {
		name = StdinName
	}
	in := Input{Path: name, Rel: filepath.Base(name), Format: note.Markdown}
	if format, ok := Extensions[strings.ToLower(filepath.Ext(name))]; ok {
		in.Format = format
	}
	limit := opts.limit()
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return in, fmt.Errorf("standard input: %w", err)
	}
	if int64(len(data)) > limit {
		return in, fmt.Errorf("standard input: larger than the %d-byte limit for a note", limit)
	}
	in.Data = data
	return in, nil
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
// A folder's walk leaves out hidden entries, node_modules, what git
// ignores (see gitignore.go) and folders itilint wrote (OutputMarker). A
// path that does not exist but holds glob characters is a pattern, as
// markdownlint-cli2 takes them: 'notes/**/*.md' walks notes and keeps the
// notes whose path matches.
//
// Course order is the order of the paths as strings, and a walk that lists
// each folder by name would not follow it: "intro.md" sorts before
// "intro/a.md" ('.' < '/'), but the name "intro" before "intro.md". Walk
// sorts a folder's entries as their paths sort, a sub-folder by its name
// and a slash.
func Walk(root string, skip func(path string) bool, yield func(Input)) []error {
	info, err := os.Stat(root)
	if err != nil && IsPattern(root) {
		return walkPattern(root, skip, yield)
	}
	if err != nil {
		return []error{&PathError{Path: root, Err: Cause(err)}}
	}
	if !info.IsDir() {
		if !info.Mode().IsRegular() {
			// Never opened: a named pipe would block the run until
			// someone writes to it, and a device may do anything.
			return []error{&PathError{Path: root, Err: fmt.Errorf("%s, not a regular file; only regular files are notes (give a note on standard input as -)", KindOf(info.Mode()))}}
		}
		// A file named explicitly is read even without a note's extension.
		if skip == nil || !skip(root) {
			yield(Input{Path: root, Rel: filepath.Base(root), Format: FormatOf(root)})
		}
		return nil
	}
	w := walker{root: root, skip: skip, yield: yield}
	w.ignores, w.inRepo = repoIgnores(root)
	// Cleaned once, so that joinName below gives what filepath.Join would.
	w.dir(filepath.Clean(root), "")
	if w.found == 0 {
		w.errs = append(w.errs, &NoNotes{Path: root, Why: "no notes found (looked for .md, .markdown, .txt, .vtt, .srt)"})
	}
	return w.errs
}

// IsPattern reports whether a path holds glob characters.
func IsPattern(path string) bool { return strings.ContainsAny(path, "*?[{") }

// NoNotes is the error of a folder or a glob pattern that gave no note:
// the run failed to find what it was asked to read, but no file failed to
// be read, so summaries do not count it as an unreadable file.
type NoNotes struct {
	Path string // the folder or pattern
	Why  string
}

func (e *NoNotes) Error() string { return e.Path + ": " + e.Why }

// walkPattern walks the folder a glob pattern starts with and yields the
// notes whose path matches the rest.
func walkPattern(pattern string, skip func(string) bool, yield func(Input)) []error {
	slashed := filepath.ToSlash(pattern)
	if !doublestar.ValidatePattern(slashed) {
		return []error{fmt.Errorf("%s: not a valid glob pattern", pattern)}
	}
	base, rest := doublestar.SplitPattern(slashed)
	base = filepath.FromSlash(base)
	if info, err := os.Stat(base); err != nil || !info.IsDir() {
		return []error{&NoNotes{Path: pattern, Why: "no notes match (no folder " + base + ")"}}
	}
	w := walker{root: base, skip: skip, yield: yield, match: func(rel string) bool {
		ok, _ := doublestar.Match(rest, filepath.ToSlash(rel))
		return ok
	}}
	w.ignores, w.inRepo = repoIgnores(base)
	w.dir(filepath.Clean(base), "")
	if w.found == 0 {
		w.errs = append(w.errs, &NoNotes{Path: pattern, Why: "no notes match"})
	}
	return w.errs
}

// A Notice is something a folder's walk tells the user without failing:
// an entry it left out, and why, or a file an interrupted run left. An
// entry is left out when it is not a regular file (a named pipe would
// block the run, a device may do anything), or when it is a link to a
// file outside the folder walked (a note in a pull request must not make
// CI read and quote files elsewhere on the machine). A path named directly
// is read whatever it links to, and one that is not a regular file is an
// error.
type Notice struct {
	Path string
	Text string
}

func (n *Notice) Error() string { return n.Path + ": " + n.Text }

// skipped is the notice of an entry left out.
func skipped(path, why string) *Notice { return &Notice{Path: path, Text: "skipped: " + why} }

// BackupSuffix ends the name of the copy of a note's content that
// itilint fix -w keeps beside it (".NAME" + BackupSuffix) while it writes
// the note in place (safefile.Rewrite). One that a walk meets is the content
// of a note whose rewrite was interrupted: the walk points it out, and
// nothing removes it.
const BackupSuffix = ".itilint-backup"

// A PathError is a path the walk could not read: a path named that does
// not exist or is not a regular file or folder, or a folder that could not
// be listed. Reports list it as they list a file that could not be read.
type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *PathError) Unwrap() error { return e.Err }

// KindOf names the type of a file that is not a regular one ("a named pipe").
func KindOf(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0:
		return "a device"
	case mode.IsDir():
		return "a folder"
	case mode&fs.ModeSymlink != 0:
		return "a link"
	}
	return "a special file"
}

// A dirEntry is what the walk needs of a folder entry.
type dirEntry struct {
	name   string
	dir    bool        // a folder (a link to one is not followed)
	kind   fs.FileMode // its type bits, as the folder's listing gives them
	format note.Format // a note's
	meta   bool        // not walked but read: a .gitignore or an OutputMarker
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
// ones (.git and other hidden folders, editor files) and node_modules are
// left out, and of the files only notes are read. For a note it gives its
// format too. A .gitignore and an OutputMarker are kept as meta entries:
// they say what else to leave out.
func walked(name string, dir bool) (format note.Format, ok, meta bool) {
	if strings.HasPrefix(name, ".") {
		return 0, false, !dir && (name == ".gitignore" || name == OutputMarker || strings.HasSuffix(name, BackupSuffix))
	}
	if dir {
		return 0, name != "node_modules", false
	}
	format, ok = Extensions[strings.ToLower(filepath.Ext(name))]
	return format, ok, false
}

// OutputMarker is the file itilint writes into the folders it writes
// notes to (run --out, fix --out), so that a later walk of a folder that
// holds them (`itilint check .` after `itilint run`) leaves them out: they
// are copies of the notes, not more notes.
const OutputMarker = ".itilint-output"

// MarkOutput writes the OutputMarker into dir, which must exist.
func MarkOutput(dir string) error {
	const text = "itilint wrote this folder; itilint leaves it out when it reads a folder that holds it.\n"
	path := filepath.Join(dir, OutputMarker)
	if info, err := os.Lstat(path); err == nil && !info.Mode().IsRegular() {
		// Opened to write, a named pipe would block the run.
		return &PathError{Path: path, Err: fmt.Errorf("%s, not a regular file; not written", KindOf(info.Mode()))}
	}
	if old, err := readFile(path, int64(len(text))); err == nil && string(old) == text {
		return nil
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		return &PathError{Path: path, Err: Cause(err)}
	}
	return nil
}

type walker struct {
	root  string
	skip  func(string) bool
	match func(rel string) bool // a glob's; nil keeps every note
	yield func(Input)
	found int
	errs  []error

	inRepo  bool       // root is in a git work tree: .gitignore files count
	ignores gitIgnores // in force in the folder being walked

	realRoot string // root, absolute with its links followed; "" until a link is met
}

// admit reports whether the walk reads the entry d found at path: a
// regular file, or a link to a regular file inside the folder walked.
// Anything else is left out with a notice, never opened.
func (w *walker) admit(path string, d dirEntry) bool {
	if d.kind.IsRegular() {
		return true
	}
	if d.kind&fs.ModeSymlink == 0 {
		w.errs = append(w.errs, skipped(path, KindOf(d.kind)+", not a regular file"))
		return false
	}
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return true // a dangling link or a loop: reading it says so, as an error
	}
	info, err := os.Stat(target)
	if err != nil {
		return true
	}
	if !info.Mode().IsRegular() {
		w.errs = append(w.errs, skipped(path, "a link to "+KindOf(info.Mode())+", not to a regular file"))
		return false
	}
	if w.realRoot == "" {
		w.realRoot = realPath(w.root)
	}
	if !inside(realPath(target), w.realRoot) {
		w.errs = append(w.errs, skipped(path, "a link to a file outside "+w.root+" (name the file to check it)"))
		return false
	}
	return true
}

// realPath is path absolute, with its links followed.
func realPath(path string) string {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}

// inside reports whether path lies in folder (both clean and absolute).
func inside(path, folder string) bool {
	if folder == string(filepath.Separator) {
		return true
	}
	return strings.HasPrefix(path, folder+string(filepath.Separator))
}

func (w *walker) dir(path, rel string) {
	entries, err := list(path)
	if err != nil {
		w.errs = append(w.errs, &PathError{Path: path, Err: Cause(err)})
		return
	}
	pushed := false
	for i := 0; i < len(entries); i++ {
		d := entries[i]
		if !d.meta {
			continue
		}
		if d.name == OutputMarker && rel != "" {
			return // a folder itilint wrote, other than the one named
		}
		if note, ok := strings.CutSuffix(d.name[1:], BackupSuffix); ok && note != "" {
			w.errs = append(w.errs, &Notice{Path: joinName(path, d.name), Text: "the content of " + note + " from before a rewrite in place (fix -w) that was interrupted; compare it with " + note + " and remove it"})
		}
		if d.name == ".gitignore" && w.inRepo && (d.kind.IsRegular() || d.kind&fs.ModeSymlink != 0) {
			if data, err := readFile(joinName(path, d.name), 1<<20); err == nil {
				if ps := parseIgnore(data); len(ps) > 0 {
					w.ignores = append(w.ignores, &ignoreFile{dir: filepath.ToSlash(rel), patterns: ps})
					pushed = true
				}
			}
		}
		entries = slices.Delete(entries, i, i+1)
		i--
	}
	if pushed {
		defer func() { w.ignores = w.ignores[:len(w.ignores)-1] }()
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
		if len(w.ignores) > 0 && w.ignores.ignored(slashed(subRel), d.dir) {
			continue
		}
		if d.dir {
			w.dir(sub, subRel)
			continue
		}
		if w.match != nil && !w.match(subRel) {
			continue
		}
		if !w.admit(sub, d) {
			continue
		}
		w.found++
		if w.skip == nil || !w.skip(sub) {
			w.yield(Input{Path: sub, Rel: subRel, Format: d.format})
		}
	}
}

// slashed is filepath.ToSlash without its cost where the separator is a
// slash already.
func slashed(p string) string {
	if filepath.Separator == '/' {
		return p
	}
	return filepath.ToSlash(p)
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

// Cause turns an *os.PathError into its bare cause, in the tool's words
// ("no such file or folder"), since our messages already name the path.
func Cause(err error) error {
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
	return InOurWords(err)
}

// InOurWords is err, the bare cause of a failed system call (its path
// taken off), with the system's "directory" said as every message of the
// tool says it, "folder" (the writers' errors use it too); errors.Is still
// sees the system's error.
func InOurWords(err error) error {
	var msg string
	switch {
	case errors.Is(err, syscall.ENOENT):
		msg = "no such file or folder"
	case errors.Is(err, syscall.ENOTDIR):
		msg = "a part of the path is not a folder"
	case errors.Is(err, syscall.EISDIR):
		msg = "is a folder"
	case errors.Is(err, syscall.ENOTEMPTY):
		msg = "the folder is not empty"
	default:
		return err
	}
	return &reworded{msg: msg, err: err}
}

// A reworded error says msg and wraps err.
type reworded struct {
	msg string
	err error
}

func (r *reworded) Error() string { return r.msg }
func (r *reworded) Unwrap() error { return r.err }

// Options control reading.
type Options struct {
	// DropFillers removes timestamps and filler words from transcripts.
	DropFillers bool
	// MaxSize rejects larger files (0 = 64 MiB): a huge file is more likely
	// a mistake than a note, and it would be held in memory whole. It is
	// never more than 1 GiB: the check keeps offsets into a note in 32
	// bits.
	MaxSize int64
}

func (opts Options) limit() int64 {
	if opts.MaxSize == 0 {
		return 64 << 20
	}
	return min(opts.MaxSize, 1<<30)
}

// Read reads and decodes one input.
func Read(in Input, opts Options) (*note.Note, error) {
	if in.Data != nil {
		// A copy: the note's text is its bytes, and the input may be
		// read again (a course-level rule's second look).
		return Decode(in, append([]byte(nil), in.Data...), opts)
	}
	limit := opts.limit()
	raw, err := readFile(in.Path, limit)
	var odd notRegular
	switch {
	case err == errIsFolder:
		return nil, fmt.Errorf("%s: is a folder, not a note", in.Path)
	case errors.As(err, &odd):
		return nil, fmt.Errorf("%s: %s, not a regular file; only regular files are notes", in.Path, KindOf(fs.FileMode(odd)))
	case err != nil:
		var big tooLarge
		if errors.As(err, &big) {
			if big >= 0 {
				return nil, fmt.Errorf("%s: file of %d bytes is larger than the %d-byte limit for a note", in.Path, int64(big), limit)
			}
			return nil, fmt.Errorf("%s: larger than the %d-byte limit for a note", in.Path, limit)
		}
		return nil, fmt.Errorf("%s: %w", in.Path, Cause(err))
	}
	return Decode(in, raw, opts)
}

var errIsFolder = errors.New("is a folder")

// notRegular is the type of a file that is neither a regular file nor a
// folder, found open (the walk or the caller saw a regular file there).
type notRegular fs.FileMode

func (n notRegular) Error() string { return KindOf(fs.FileMode(n)) + ", not a regular file" }

// tooLarge is the size of a file over the limit, or -1 when it grew past the
// limit while being read.
type tooLarge int64

func (t tooLarge) Error() string { return "file too large" }

// Decode turns the bytes of an input into a note.
func Decode(in Input, raw []byte, opts Options) (*note.Note, error) {
	n, err := note.Decode(in.Path, raw)
	if err != nil {
		// Looked at only once the bytes are not UTF-8 text: a note saved
		// as UTF-16 (Windows Notepad's "Unicode") is text, not binary.
		if enc := utf16Kind(raw); enc != "" {
			return nil, fmt.Errorf("%s: %s text; save it as UTF-8", in.Path, enc)
		}
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

// utf16Kind names the encoding of raw when it is UTF-16 (or UTF-32) text:
// by its byte-order mark, or without one by the NUL byte beside each
// ASCII character (as in the first line of most notes). It is "" for
// anything else.
func utf16Kind(raw []byte) string {
	switch {
	case bytes.HasPrefix(raw, []byte{0xff, 0xfe, 0, 0}):
		return "UTF-32 (little-endian)"
	case bytes.HasPrefix(raw, []byte{0, 0, 0xfe, 0xff}):
		return "UTF-32 (big-endian)"
	case bytes.HasPrefix(raw, []byte{0xff, 0xfe}):
		return "UTF-16 (little-endian)"
	case bytes.HasPrefix(raw, []byte{0xfe, 0xff}):
		return "UTF-16 (big-endian)"
	}
	head := raw[:min(len(raw), 256)&^1]
	if len(head) < 8 {
		return ""
	}
	var lowNUL, highNUL int // pairs of an ASCII byte and a NUL, in each order
	for i := 0; i < len(head); i += 2 {
		a, b := head[i], head[i+1]
		switch {
		case b == 0 && a != 0 && a < 0x80:
			lowNUL++
		case a == 0 && b != 0 && b < 0x80:
			highNUL++
		}
	}
	pairs := len(head) / 2
	switch {
	case lowNUL*10 >= pairs*9:
		return "UTF-16 (little-endian)"
	case highNUL*10 >= pairs*9:
		return "UTF-16 (big-endian)"
	}
	return ""
}
