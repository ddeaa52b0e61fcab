// Package load owns finding and reading inputs: it walks the paths the user
// named for notes (.md, .markdown, .txt) and transcripts (.vtt, .srt),
// decodes each file (BOM, CRLF, UTF-8 check) and converts transcripts to
// Markdown, keeping a map back to the lines on disk.
package load

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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
	add := func(in Input) {
		if seen[in.Path] || (skip != nil && skip(in.Path)) {
			return
		}
		seen[in.Path] = true
		inputs = append(inputs, in)
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p, describe(err)))
			continue
		}
		if !info.IsDir() {
			format, ok := Extensions[strings.ToLower(filepath.Ext(p))]
			if !ok {
				format = note.Text // a file named explicitly is read as text
			}
			add(Input{Path: p, Rel: filepath.Base(p), Format: format})
			continue
		}
		found := 0
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", path, describe(err)))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if path != p && strings.HasPrefix(name, ".") {
					return fs.SkipDir // .git and other hidden folders
				}
				return nil
			}
			format, ok := Extensions[strings.ToLower(filepath.Ext(name))]
			if !ok || strings.HasPrefix(name, ".") {
				return nil
			}
			rel, _ := filepath.Rel(p, path)
			found++
			add(Input{Path: path, Rel: rel, Format: format})
			return nil
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", p, describe(err)))
		}
		if found == 0 {
			errs = append(errs, fmt.Errorf("%s: no notes found (looked for .md, .markdown, .txt, .vtt, .srt)", p))
		}
	}
	sort.SliceStable(inputs, func(i, j int) bool { return inputs[i].Path < inputs[j].Path })
	return inputs, errs
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
